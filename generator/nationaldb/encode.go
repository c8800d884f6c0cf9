package nationaldb

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"congkhai/generator/content"
)

// Encode writes p as TOML for thu-tuc/<code>.toml: a comment naming the source, the simple
// keys, the multi-line texts as multi-line strings, then the tables ([[agency]], [[method]],
// [[dossier]], [[result]], [[legal_basis]]), in the order of the schema. Empty values are
// left out. Decoding the output into a content.ProcedureFile gives p back.
func Encode(w io.Writer, p *content.ProcedureFile) error {
	if p == nil {
		return fmt.Errorf("không có thủ tục để ghi")
	}
	e := &encoder{}
	e.comment(p.SourceURL)
	e.str("code", p.Code)
	e.str("name", p.Name)
	e.str("field", p.Field)
	e.strs("levels", p.Levels)
	e.str("kind", p.Kind)
	e.strs("subjects", p.Subjects)
	e.str("online", p.Online)
	e.boolean("postal", p.Postal)
	e.str("decision", p.Decision)
	e.str("local_code", p.LocalCode)
	e.str("local_decision", p.LocalDecision)
	e.str("source_url", p.SourceURL)
	e.boolean("illustrative", p.Illustrative)
	e.str("address", p.Address)
	e.str("steps", p.Steps)
	e.str("conditions", p.Conditions)
	e.str("dossier_text", p.DossierText)
	for _, a := range p.Agencies {
		e.table("agency")
		e.str("role", a.Role)
		e.str("name", a.Name)
		e.str("id", a.ID)
	}
	for _, m := range p.Methods {
		e.table("method")
		e.str("channel", m.Channel)
		e.str("time", m.Time)
		e.str("fee", m.Fee)
		e.str("description", m.Description)
	}
	for _, d := range p.Dossier {
		e.table("dossier")
		e.str("group", d.Group)
		e.str("name", d.Name)
		e.str("form", d.Form)
		e.str("quantity", d.Quantity)
	}
	for _, r := range p.Results {
		e.table("result")
		e.str("name", r.Name)
		e.str("code", r.Code)
	}
	for _, l := range p.LegalBases {
		e.table("legal_basis")
		e.str("title", l.Title)
		e.str("number", l.Number)
	}
	if e.err != nil {
		return e.err
	}
	_, err := w.Write(e.buf.Bytes())
	return err
}

type encoder struct {
	buf bytes.Buffer
	err error
}

func (e *encoder) comment(url string) {
	e.buf.WriteString("# Nhập từ Cơ sở dữ liệu quốc gia về thủ tục hành chính (Cổng Dịch vụ công quốc gia)")
	url = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, url)
	if url != "" {
		e.buf.WriteString(": ")
		e.buf.WriteString(url)
	}
	e.buf.WriteString("\n")
}

func (e *encoder) table(name string) {
	e.buf.WriteString("\n[[")
	e.buf.WriteString(name)
	e.buf.WriteString("]]\n")
}

func (e *encoder) check(key, s string) bool {
	if !utf8.ValidString(s) {
		if e.err == nil {
			e.err = fmt.Errorf("%s: văn bản không phải UTF-8 hợp lệ", key)
		}
		return false
	}
	return true
}

func (e *encoder) str(key, s string) {
	if s == "" || !e.check(key, s) {
		return
	}
	e.buf.WriteString(key)
	e.buf.WriteString(" = ")
	if strings.Contains(s, "\n") {
		writeMultiline(&e.buf, s)
	} else {
		writeBasic(&e.buf, s)
	}
	e.buf.WriteByte('\n')
}

func (e *encoder) strs(key string, ss []string) {
	if len(ss) == 0 {
		return
	}
	e.buf.WriteString(key)
	e.buf.WriteString(" = [")
	for i, s := range ss {
		if !e.check(key, s) {
			return
		}
		if i > 0 {
			e.buf.WriteString(", ")
		}
		writeBasic(&e.buf, s)
	}
	e.buf.WriteString("]\n")
}

func (e *encoder) boolean(key string, b bool) {
	if b {
		e.buf.WriteString(key)
		e.buf.WriteString(" = true\n")
	}
}

// writeEscape writes the escape of a character TOML does not allow raw in a string (or
// that reads badly raw), and reports whether it did.
func writeEscape(b *bytes.Buffer, r rune) bool {
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

// writeBasic writes s as a TOML basic string.
func writeBasic(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case writeEscape(b, r):
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// writeMultiline writes s as a TOML multi-line basic string, its text starting on the line
// after the opening quotes (TOML drops that first newline). A quotation mark is escaped
// only where it would otherwise close the string: the third of a run, and at the very end.
func writeMultiline(b *bytes.Buffer, s string) {
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
		case writeEscape(b, r):
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(`"""`)
}
