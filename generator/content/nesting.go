package content

import (
	"bytes"

	"congkhai/generator/diag"
)

// MaxNesting bounds how deep a TOML file nests: arrays and inline tables within each other,
// and the parts of a dotted key or table name (a.b.c). The TOML decoder takes time
// quadratic in both (a 35 KB file of 8,000 nested inline tables took 37 s and 3.5 GB; a key
// of 2,000 parts 0.4 s), still noticeably at small depths (2 MiB of keys of 16 parts took
// 9.5 s, of 8 parts 3.8 s); the example site nests 3 levels at most.
const MaxNesting = 8

// MaxInlineTables bounds the inline tables ({…}) of a TOML file. Bounded in depth, the
// decoder still takes some 30 µs for each (2 MiB of them took 10 s); the example site and
// the imports write none, using [table] and [[array of tables]], which cost far less.
const MaxInlineTables = 1000

// CheckNesting scans a TOML text, cheaply, for nesting deeper than MaxNesting or more than
// MaxInlineTables inline tables, and returns an error at the place where it passes a limit. It understands strings and comments, so
// that brackets and dots inside them do not count; anything else it leaves to the decoder,
// and text the decoder rejects may pass it.
func CheckNesting(file string, text []byte) error {
	s := nestScanner{cursor: newCursor(text)}
	if s.run() {
		return nil
	}
	pos := diag.Pos{File: file, Line: s.line, Col: s.col}
	switch {
	case s.key:
		return diag.Errorf(pos, "cú pháp TOML: khóa hay tên bảng có quá %d mức: viết phẳng hơn", MaxNesting)
	case s.inline > MaxInlineTables:
		return diag.Errorf(pos, "cú pháp TOML: quá %d bảng trong dòng ({…}) trong một tệp: viết thành [bảng] hay [[mảng bảng]]", MaxInlineTables)
	}
	return diag.Errorf(pos, "cú pháp TOML: mảng và bảng trong dòng ([…], {…}) lồng nhau quá %d mức: viết phẳng hơn", MaxNesting)
}

type nestScanner struct {
	cursor
	key    bool // the limit was passed by a key, not by brackets
	inline int  // inline tables seen
}

// run scans the text and reports whether it stays within MaxNesting; when it does not, the
// scanner stands where the limit was passed.
func (s *nestScanner) run() bool {
	var stack []byte // the open brackets of the current value: '[' or '{'
	lineStart := true
	expectKey := true // at the start of a line (at depth 0) or after '{' or ',' in an inline table
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == '\n':
			lineStart = true
			// A key may start a line in an inline table too, where the decoder allows newlines.
			expectKey = len(stack) == 0 || stack[len(stack)-1] == '{'
			s.next()
			continue
		case c == ' ' || c == '\t' || c == '\r':
			s.next()
			continue
		case c == '#':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.next()
			}
			continue
		case c == '[' && lineStart && len(stack) == 0: // a table header: [a.b] or [[a.b]]
			s.next()
			if s.peek(0) == '[' {
				s.next()
			}
			if !s.keyParts(']') {
				return false
			}
			for s.peek(0) == ']' {
				s.next()
			}
			expectKey = false
		case expectKey && c != '}' && c != ',':
			if !s.keyParts('=') {
				return false
			}
			expectKey = false
		case c == '"' || c == '\'':
			s.str()
		case c == '[' || c == '{':
			if c == '{' {
				if s.inline++; s.inline > MaxInlineTables {
					return false
				}
			}
			if len(stack) >= MaxNesting {
				return false
			}
			stack = append(stack, c)
			s.next()
			expectKey = c == '{'
		case c == ']' || c == '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			s.next()
		case c == ',':
			s.next()
			expectKey = len(stack) > 0 && stack[len(stack)-1] == '{'
		default:
			s.next()
		}
		lineStart = false
	}
	return true
}

// keyParts reads a key up to end ('=' for a key, ']' for a table name, not consumed),
// counting its dotted parts. It stops at the end of the line too.
func (s *nestScanner) keyParts(end byte) bool {
	parts := 1
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == end || c == '\n' || c == '#' || (end == '=' && (c == '}' || c == ',')):
			return true
		case c == '"' || c == '\'':
			s.str()
			continue
		case c == '.':
			if parts++; parts > MaxNesting {
				s.key = true
				return false
			}
		}
		s.next()
	}
	return true
}

// str skips a string of any of TOML's four kinds.
func (s *nestScanner) str() {
	q := s.src[s.i]
	multi := s.peek(1) == q && s.peek(2) == q
	n := 1
	if multi {
		n = 3
	}
	for range n {
		s.next()
	}
	if multi {
		end := bytes.Repeat([]byte{q}, 3)
		for s.i < len(s.src) {
			switch {
			case s.src[s.i] == '\\' && q == '"':
				s.next()
			case bytes.HasPrefix(s.src[s.i:], end):
				for range 3 {
					s.next()
				}
				for s.peek(0) == q { // up to two more quotes belong to the string
					s.next()
				}
				return
			}
			s.next()
		}
		return
	}
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == '\n':
			return // unterminated: the decoder reports it
		case c == '\\' && q == '"':
			s.next()
		case c == q:
			s.next()
			return
		}
		s.next()
	}
}
