// Package vocab holds the closed vocabularies of the content: every list of values a content
// file may write (plan kinds, report statuses, levels, roles, channels, online levels, petition
// kinds and statuses...), and every fixed list of values the build derives and the site shows
// (task statuses, the timeliness of a petition, the bands and groups of the 766 index).
//
// Each vocabulary is one table in this package. A row gives a value's key (as content writes
// it), its label (as a page names it), a short label (where room is short: a table column, a
// tag), its slug (its URL segment and CSS class), and the rows are in the order pages list the
// values. Nothing else spells a key's words: templates ask the value ({{.Status.Label}}).
//
// A value read from content implements encoding.TextUnmarshaler: a key not in its table fails
// when the file is decoded, and the content loader reports it at its place with the keys
// allowed (UnknownKeyError). The zero value of such a type is "not given", which Check
// reports, except where an empty key has a meaning of its own (OnlineNone).
//
// Every vocabulary type has the methods Key, Label, Short, Slug and String (the key); those
// read from content have Check, MarshalText and UnmarshalText too. A function named for the
// vocabulary in the plural (OnlineLevels) lists its values in order.
package vocab

import (
	"fmt"
	"strings"
)

// Entry is one value of a vocabulary: how content writes it and how the site shows it.
type Entry struct {
	Key   string // as content writes it; for a value the build derives, a name for it
	Label string // in words, as a page names it
	Short string // where room is short (a table column, a tag); "" is Label
	Slug  string // the value in URLs and CSS classes; "" is Key
	// Symbol is shown beside the label, so that a value is never told by colour alone.
	Symbol string
	// Description says what the value means, for a page that explains the vocabulary.
	Description string
}

func (e *Entry) short() string {
	if e.Short == "" {
		return e.Label
	}
	return e.Short
}

func (e *Entry) slug() string {
	if e.Slug == "" {
		return e.Key
	}
	return e.Slug
}

type row[T ~uint8] struct {
	value T
	Entry
}

// table is a vocabulary: one row per value, in the order pages list them.
type table[T ~uint8] []row[T]

var noEntry Entry

// entry returns the row of v; a value not in the table (the zero value of a type whose zero
// is "not given") has the empty entry.
func (t table[T]) entry(v T) *Entry {
	for i := range t {
		if t[i].value == v {
			return &t[i].Entry
		}
	}
	return &noEntry
}

func (t table[T]) values() []T {
	out := make([]T, len(t))
	for i, r := range t {
		out[i] = r.value
	}
	return out
}

func (t table[T]) keys() []string {
	out := make([]string, len(t))
	for i, r := range t {
		out[i] = r.Key
	}
	return out
}

// parse sets *v to the value whose key is text.
func (t table[T]) parse(v *T, text []byte) error {
	for _, r := range t {
		if r.Key == string(text) {
			*v = r.value
			return nil
		}
	}
	return &UnknownKeyError{Key: string(text), Allowed: t.keys()}
}

// check returns an UnknownKeyError if v is not a value of the table: a key was not given.
func (t table[T]) check(v T) error {
	for _, r := range t {
		if r.value == v {
			return nil
		}
	}
	return &UnknownKeyError{Key: t.entry(v).Key, Allowed: t.keys()}
}

// subset returns the rows of values, in that order.
func (t table[T]) subset(values ...T) table[T] {
	out := make(table[T], len(values))
	for i, v := range values {
		out[i] = row[T]{v, *t.entry(v)}
	}
	return out
}

// UnknownKeyError is a key that is not in its vocabulary, or a key not given.
type UnknownKeyError struct {
	Key     string
	Allowed []string // the keys of the vocabulary, in its order
}

func (e *UnknownKeyError) Error() string {
	return fmt.Sprintf("giá trị %q không hợp lệ; chọn một trong: %s", e.Key, Join(e.Allowed))
}

// Join lists keys for a message: "a, b, c", the empty key written "".
func Join(keys []string) string {
	shown := make([]string, len(keys))
	for i, k := range keys {
		shown[i] = k
		if k == "" {
			shown[i] = `""`
		}
	}
	return strings.Join(shown, ", ")
}

// Keys returns the keys of values, as content writes them.
func Keys[T interface{ Key() string }](values []T) []string {
	keys := make([]string, len(values))
	for i, v := range values {
		keys[i] = v.Key()
	}
	return keys
}
