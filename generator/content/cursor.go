package content

import "unicode/utf8"

// cursor walks a TOML text, keeping the line and the column (in characters, as editors count)
// of where it stands. The scanners of key positions and of nesting share it.
type cursor struct {
	src       []byte
	i         int
	line, col int
}

func newCursor(src []byte) cursor { return cursor{src: src, line: 1, col: 1} }

// peek returns the byte n after the current one, or 0 past the end.
func (c *cursor) peek(n int) byte {
	if c.i+n < len(c.src) {
		return c.src[c.i+n]
	}
	return 0
}

// next moves past the current character.
func (c *cursor) next() {
	if c.i >= len(c.src) {
		return
	}
	if c.src[c.i] == '\n' {
		c.line, c.col = c.line+1, 1
		c.i++
		return
	}
	_, n := utf8.DecodeRune(c.src[c.i:])
	c.i += n
	c.col++
}
