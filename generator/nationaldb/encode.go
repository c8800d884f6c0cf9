package nationaldb

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"congkhai/generator/content"
	"congkhai/generator/tomltext"
	"congkhai/generator/vocab"
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
	e.strs("levels", vocab.Keys(p.Levels))
	e.str("kind", p.Kind)
	e.strs("subjects", p.Subjects)
	e.str("online", p.Online.Key())
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
		e.str("role", a.Role.Key())
		e.str("name", a.Name)
		e.str("id", a.ID)
	}
	for _, m := range p.Methods {
		e.table("method")
		e.str("channel", m.Channel.Key())
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
	if e.check(key, s) {
		tomltext.String(&e.buf, key, s)
	}
}

func (e *encoder) strs(key string, ss []string) {
	for _, s := range ss {
		if !e.check(key, s) {
			return
		}
	}
	tomltext.List(&e.buf, key, ss)
}

func (e *encoder) boolean(key string, b bool) {
	if b {
		e.buf.WriteString(key)
		e.buf.WriteString(" = true\n")
	}
}
