// Package diag provides the one error type of congkhai: a message tied to a position in a
// content file, printed as "file:line:col: message". Every stage that finds a problem in the
// user's files reports it as a *Error; a stage that finds several returns them all as a List,
// sorted by file, line and column, so the user fixes every problem in one pass.
package diag

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Pos is a position in a content file. Line and Col start at 1; zero means unknown.
// File is slash-separated and relative to the content directory.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is a problem at a position. Err, if set, is the underlying cause.
type Error struct {
	Pos Pos
	Msg string
	Err error
}

// Errorf returns an *Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

func (e *Error) Error() string {
	if e.Pos.File == "" {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// List is a set of errors. Add to it freely; Err returns it sorted, or nil when empty.
type List []*Error

// Add appends an error at pos.
func (l *List) Add(pos Pos, format string, args ...any) {
	*l = append(*l, Errorf(pos, format, args...))
}

// Append adds err to the list: every *Error of a List, an *Error as is, any other error
// at position zero.
func (l *List) Append(err error) {
	var list List
	var e *Error
	switch {
	case err == nil:
	case errors.As(err, &list):
		*l = append(*l, list...)
	case errors.As(err, &e):
		*l = append(*l, e)
	default:
		*l = append(*l, &Error{Msg: err.Error(), Err: err})
	}
}

// Sort orders the list by file, line, column and message, and drops exact duplicates.
func (l List) Sort() List {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.CompactFunc(l, func(a, b *Error) bool { return a.Pos == b.Pos && a.Msg == b.Msg })
}

// Err returns the sorted list as an error, or nil if it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l.Sort()
}

// Error prints one error a line.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Prefix returns a copy of err whose messages start with stage, e.g. "validate: ".
// Positional errors keep their position first, so editors can still jump to them.
func Prefix(stage string, err error) error {
	if err == nil {
		return nil
	}
	var in List
	in.Append(err)
	out := make(List, len(in))
	for i, e := range in {
		c := *e
		c.Msg = stage + ": " + e.Msg
		out[i] = &c
	}
	return out.Err()
}

// CheckUTF8 returns an error at the line and column of the first byte of src that is not
// UTF-8, or nil. A file saved in another encoding (Windows-1258, TCVN3) would otherwise be
// read as replacement characters without a word.
func CheckUTF8(file string, src []byte) error {
	if enc := utf16(src); enc != "" {
		return Errorf(Pos{File: file, Line: 1, Col: 1}, "tệp được lưu bằng bảng mã %s: lưu lại với bảng mã UTF-8", enc)
	}
	if utf8.Valid(src) {
		return nil
	}
	i := 0
	for i < len(src) {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		i += n
	}
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	return Errorf(Pos{File: file, Line: 1 + bytes.Count(src[:i], []byte("\n")), Col: utf8.RuneCount(src[start:i]) + 1},
		"tệp không phải văn bản UTF-8 (có lẽ được lưu bằng bảng mã khác): lưu lại với bảng mã UTF-8")
}

// utf16 names the encoding of src if it is UTF-16 ("UTF-16 LE", "UTF-16 BE"), else returns
// "". Windows tools save "Unicode" text as UTF-16, with or without a byte-order mark; without
// one, text that is mostly ASCII (as Vietnamese is: letters without marks, spaces, digits)
// is valid UTF-8 full of zero bytes, one in two of them on the same side.
func utf16(src []byte) string {
	switch {
	case bytes.HasPrefix(src, []byte{0xff, 0xfe}):
		return "UTF-16 LE"
	case bytes.HasPrefix(src, []byte{0xfe, 0xff}):
		return "UTF-16 BE"
	}
	head := src[:min(len(src), 512)&^1]
	var zeros [2]int // at even and odd offsets
	for i, b := range head {
		if b == 0 {
			zeros[i&1]++
		}
	}
	half := len(head) / 2
	switch {
	case half == 0:
	case zeros[1]*4 >= half && zeros[0]*4 <= zeros[1]:
		return "UTF-16 LE"
	case zeros[0]*4 >= half && zeros[1]*4 <= zeros[0]:
		return "UTF-16 BE"
	}
	return ""
}
