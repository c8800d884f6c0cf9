// Package tomltext writes TOML strings by hand, for the files the imports write: the
// BurntSushi encoder cannot write Markdown as readable multi-line strings or choose the
// layout a person reviewing an imported file wants.
package tomltext

import (
	"bytes"
	"fmt"
	"strings"
)

// escape writes the escape of a character TOML does not allow raw in a string (or
// that reads badly raw), and reports whether it did.
func escape(b *bytes.Buffer, r rune) bool {
	switch r {
	case '\\':
		b.WriteString(`\\`)
	case '\b':
		b.WriteString(`\b`)
	case '\t':
		b.WriteString(`\t`)
	case '\f':
		b.WriteString(`\f`)
	case '\r':
		b.WriteString(`\r`)
	default:
		if r < 0x20 || r == 0x7f {
			fmt.Fprintf(b, `\u%04X`, r)
			return true
		}
		return false
	}
	return true
}

// Basic writes s as a TOML basic string.
func Basic(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case escape(b, r):
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// Multiline writes s as a TOML multi-line basic string, its text starting on the line
// after the opening quotes (TOML drops that first newline). A quotation mark is escaped
// only where it would otherwise close the string: the third of a run, and at the very end.
func Multiline(b *bytes.Buffer, s string) {
	b.WriteString("\"\"\"\n")
	trailing := len(s) - len(strings.TrimRight(s, `"`)) // quotes at the end of s
	run := 0
	for i, r := range s {
		if r == '"' {
			if run == 2 || i >= len(s)-trailing {
				b.WriteString(`\"`)
				run = 0
			} else {
				b.WriteByte('"')
				run++
			}
			continue
		}
		run = 0
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte('\t')
		case escape(b, r):
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(`"""`)
}

// String writes "key = s" on a line of its own, as a multi-line string when s holds line
// breaks; nothing when s is empty.
func String(b *bytes.Buffer, key, s string) {
	if s == "" {
		return
	}
	b.WriteString(key + " = ")
	if strings.Contains(s, "\n") {
		Multiline(b, s)
	} else {
		Basic(b, s)
	}
	b.WriteByte('\n')
}

// List writes "key = [...]" with the strings on one line; nothing for an empty list.
func List(b *bytes.Buffer, key string, ss []string) {
	if len(ss) == 0 {
		return
	}
	b.WriteString(key + " = [")
	for i, s := range ss {
		if i > 0 {
			b.WriteString(", ")
		}
		Basic(b, s)
	}
	b.WriteString("]\n")
}

// Lines writes "key = [...]" with one string a line, for lists of long texts; nothing for
// an empty list.
func Lines(b *bytes.Buffer, key string, ss []string) {
	if len(ss) == 0 {
		return
	}
	b.WriteString(key + " = [\n")
	for _, s := range ss {
		b.WriteString("  ")
		Basic(b, s)
		b.WriteString(",\n")
	}
	b.WriteString("]\n")
}
