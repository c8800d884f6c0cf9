package search

import (
	"crypto/sha256"
	"encoding/binary"
	"io"
	"strconv"
	"sync"
)

// Memo keeps, from one Build to the next, each page's terms and record by what the page
// says, so that a program indexing many times (the preview server) tokenizes only the
// pages that changed: tokenizing every page was most of the 8.7 s a 100,000-page rebuild
// spent on its index after one progress report changed. A page the last Build did not
// index is dropped.
type Memo struct {
	mu        sync.Mutex
	last, now map[[32]byte]*docWork
}

// docWork is what Build makes of one page, whatever its number.
type docWork struct {
	terms  map[termForm]int
	record []byte
}

// NewMemo returns an empty memo, for Options.Memo.
func NewMemo() *Memo { return &Memo{} }

func (m *Memo) begin() {
	if m != nil {
		m.last, m.now = m.now, map[[32]byte]*docWork{}
	}
}

// work returns the page's terms and record: kept, or made by make and kept.
func (m *Memo) work(d *Doc, opts Options, make func() *docWork) *docWork {
	if m == nil {
		return make()
	}
	h := sha256.New()
	io.WriteString(h, strconv.Itoa(opts.SnippetChars))
	d.Hash(h)
	var key [32]byte
	h.Sum(key[:0])
	m.mu.Lock()
	w, ok := m.now[key]
	if !ok {
		w, ok = m.last[key]
	}
	m.mu.Unlock()
	if !ok {
		w = make()
	}
	m.mu.Lock()
	m.now[key] = w
	m.mu.Unlock()
	return w
}

// Hash writes every field of the page into h, each after its length, so that two pages
// write the same bytes only if they say the same.
func (d *Doc) Hash(h io.Writer) {
	var n [8]byte
	num := func(v int) {
		binary.LittleEndian.PutUint64(n[:], uint64(v))
		h.Write(n[:])
	}
	str := func(s string) {
		num(len(s))
		io.WriteString(h, s)
	}
	for _, s := range [...]string{d.Kind, d.URL, d.Title, d.FullTitle, d.Code, d.Context, d.Status, d.Plan} {
		str(s)
	}
	if d.Illustrative {
		num(1)
	} else {
		num(0)
	}
	num(d.Year)
	num(len(d.Body))
	for _, s := range d.Body {
		str(s)
	}
}
