package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"congkhai/generator/cache"
	"congkhai/generator/content"
)

// Cache holds what the model derived from content files by earlier builds and costs the
// most to derive again: the masked texts of petitions (package privacy), by the bytes of
// the petition's file and the names the masker keeps (a new agency changes them all).
type Cache struct{ *cache.Table[*maskedPetition] }

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{cache.NewTable[*maskedPetition]()} }

// DecodeCache reads a cache from what its Encode wrote (package cache).
func DecodeCache(parts [][]byte) *Cache { return &Cache{cache.DecodeTable[*maskedPetition](parts)} }

// masking returns the key of a petition file's masked texts, for a masker keeping names.
func (c *Cache) masking(names []string) func(file string, sum content.Hash) string {
	if c == nil {
		return func(string, content.Hash) string { return "" }
	}
	h := sha256.New()
	h.Write([]byte(strings.Join(names, "\x00")))
	masker := h.Sum(nil)
	return func(file string, sum content.Hash) string {
		h := sha256.New()
		h.Write(masker)
		h.Write([]byte(file + "\x00"))
		h.Write(sum[:])
		return hex.EncodeToString(h.Sum(nil)[:16])
	}
}

func (c *Cache) get(key string) (*maskedPetition, bool) {
	if c == nil {
		return nil, false
	}
	return c.Get(key)
}

func (c *Cache) put(key string, m *maskedPetition) {
	if c != nil {
		c.Put(key, m)
	}
}
