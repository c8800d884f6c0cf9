package content

import (
	"strconv"
	"strings"
)

// keyPositions maps the path of every key of a TOML document to where the key starts, so that
// validation can point at the value it rejects. BurntSushi/toml keeps its key positions
// private, so this is a small scanner of our own over the same source. A path joins keys and
// array indices with dots: "document.number", "task.12.lead", "task.3.assignment.0.deadline".
// Elements of arrays get their own path ("task.12.lead.1"), pointing at the element.
type keyPositions map[string]position

type position struct{ line, col int }

// scanKeys indexes src. It never fails: on input the TOML decoder rejects, the index is
// incomplete, and the decoder's own error (with its position) is what the user sees.
func scanKeys(src []byte) keyPositions {
	s := &keyScanner{cursor: newCursor(src), out: keyPositions{}, arrays: map[string]int{}}
	s.run()
	return s.out
}

type keyScanner struct {
	cursor
	out    keyPositions
	arrays map[string]int // array-of-tables path -> number of elements seen
	table  string         // path of the current table
}

func (s *keyScanner) pos() position { return position{s.line, s.col} }

func (s *keyScanner) skipSpace(newlines bool) {
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n'):
			s.next()
		case c == '#':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.next()
			}
		default:
			return
		}
	}
}

func (s *keyScanner) run() {
	for {
		s.skipSpace(true)
		if s.i >= len(s.src) {
			return
		}
		if s.src[s.i] == '[' {
			s.header()
			continue
		}
		p := s.pos()
		key := s.key()
		if key == "" { // not TOML we understand: skip the line
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.next()
			}
			continue
		}
		path := join(s.table, key)
		s.mark(path, p)
		s.skipSpace(false)
		if s.peek(0) == '=' {
			s.next()
		}
		s.skipSpace(false)
		s.value(path)
	}
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// resolve turns a dotted table name into a path, putting in the current index of every
// array of tables it passes through.
func (s *keyScanner) resolve(name string) string {
	path := ""
	for _, part := range strings.Split(name, ".") {
		path = join(path, part)
		if n, ok := s.arrays[path]; ok {
			path = join(path, strconv.Itoa(n-1))
		}
	}
	return path
}

func (s *keyScanner) header() {
	p := s.pos()
	double := s.peek(1) == '['
	s.next()
	if double {
		s.next()
	}
	var name strings.Builder
	for s.i < len(s.src) && s.src[s.i] != ']' && s.src[s.i] != '\n' {
		if c := s.src[s.i]; c != ' ' && c != '\t' && c != '"' {
			name.WriteByte(c)
		}
		s.i++
		s.col++
	}
	for s.i < len(s.src) && s.src[s.i] == ']' {
		s.next()
	}
	n := name.String()
	if !double {
		s.table = s.resolve(n)
		s.mark(s.table, p)
		return
	}
	parent := ""
	if dot := strings.LastIndexByte(n, '.'); dot >= 0 {
		parent = s.resolve(n[:dot]) + "."
		n = n[dot+1:]
	}
	arr := parent + n
	s.arrays[arr]++
	s.table = join(arr, strconv.Itoa(s.arrays[arr]-1))
	s.mark(s.table, p)
}

// mark records the position of path and of every enclosing path not yet seen (tables that
// dotted names define implicitly).
func (s *keyScanner) mark(path string, p position) {
	s.out[path] = p
	for dot := strings.LastIndexByte(path, '.'); dot > 0; dot = strings.LastIndexByte(path, '.') {
		path = path[:dot]
		if _, seen := s.out[path]; seen {
			return
		}
		s.out[path] = p
	}
}

// key reads a possibly dotted, possibly quoted key and returns it without quotes.
func (s *keyScanner) key() string {
	var b strings.Builder
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == '"' || c == '\'':
			b.WriteString(s.str())
		case c == '.' || c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			b.WriteByte(c)
			s.next()
		case c == ' ' || c == '\t':
			s.next()
		default:
			return b.String()
		}
	}
	return b.String()
}

// str reads a string of any of TOML's four kinds and returns its raw body.
func (s *keyScanner) str() string {
	q := s.src[s.i]
	multi := s.peek(1) == q && s.peek(2) == q
	n := 1
	if multi {
		n = 3
	}
	for range n {
		s.next()
	}
	start := s.i
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == '\\' && q == '"':
			s.next()
			s.next()
			continue
		case c == '\n' && !multi:
			return string(s.src[start:s.i])
		case c == q && (!multi || s.peek(1) == q && s.peek(2) == q):
			body := string(s.src[start:s.i])
			for range n {
				s.next()
			}
			for multi && s.peek(0) == q { // up to two quotes may close a multi-line string
				s.next()
			}
			return body
		}
		s.next()
	}
	return string(s.src[start:])
}

// value skips one value, recording the positions of array elements under path.
func (s *keyScanner) value(path string) {
	switch s.peek(0) {
	case '"', '\'':
		s.str()
	case '[':
		s.next()
		for idx := 0; ; idx++ {
			s.skipSpace(true)
			if s.i >= len(s.src) {
				return
			}
			if s.peek(0) == ']' {
				s.next()
				return
			}
			s.out[path+"."+strconv.Itoa(idx)] = s.pos()
			start := s.i
			s.value(path + "." + strconv.Itoa(idx))
			s.skipSpace(true)
			switch {
			case s.peek(0) == ',':
				s.next()
			case s.i == start: // a character no value starts with ("=", "}"): skip it, or loop for ever
				s.next()
			}
		}
	case '{':
		s.next()
		for s.i < len(s.src) {
			s.skipSpace(false)
			if s.peek(0) == '}' {
				s.next()
				return
			}
			if s.peek(0) == ',' {
				s.next()
				continue
			}
			p := s.pos()
			k := s.key()
			if k == "" {
				s.next()
				continue
			}
			s.out[path+"."+k] = p
			s.skipSpace(false)
			if s.peek(0) == '=' {
				s.next()
			}
			s.skipSpace(false)
			s.value(path + "." + k)
		}
	default:
		for s.i < len(s.src) {
			c := s.src[s.i]
			if c == ',' || c == ']' || c == '}' || c == '\n' || c == '#' {
				return
			}
			s.next()
		}
	}
}
