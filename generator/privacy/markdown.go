package privacy

import (
	"net/url"
	"strings"

	"congkhai/generator/markdown"
)

// Markdown returns the Markdown src of the author rewritten so that what it shows holds no
// personal data: the text a reader sees (after Markdown, character references and escapes:
// "Nguy&#7877;n", "0912\.345", a number broken over two lines) is masked, and a link whose
// address holds personal data ("mailto:", "tel:", a number in the address) shows as its text.
// The result is checked by reading it back; should masking not settle, it is the masked
// text alone, without Markdown.
func (m *Masker) Markdown(src string, a Author) string {
	rw := markdown.Rewriter{
		Edit: func(text string) []markdown.Edit {
			ms := m.Find(text, a)
			edits := make([]markdown.Edit, len(ms))
			for i, x := range ms {
				edits[i] = markdown.Edit{Start: x.Start, End: x.End, Text: x.Kind.Placeholder()}
			}
			return edits
		},
		Keep: func(dest string) bool { return m.SafeAddress(dest, a) },
	}
	out := src
	for pass := 0; pass < maxPasses; pass++ {
		out = rw.Rewrite(out)
		if !m.Contains(markdown.Text(out), a) {
			return out
		}
	}
	// Not reached by any input known: the masked text, without Markdown.
	return markdown.Literal(m.Mask(markdown.Text(src), a))
}

// Text returns a plain text of the author (a subject, a document's title) as a page shows it,
// masked.
func (m *Masker) Text(s string, a Author) string {
	return m.Mask(markdown.Plain(s), a)
}

// SafeAddress reports whether a link's address may be published: no address that calls or
// writes to someone, and no personal data in it, percent-encoded or not.
func (m *Masker) SafeAddress(dest string, a Author) bool {
	d := strings.TrimSpace(dest)
	if scheme, _, ok := strings.Cut(d, ":"); ok && !strings.ContainsAny(scheme, "/?#") {
		switch strings.ToLower(scheme) {
		case "mailto", "tel", "sms", "callto", "zalo", "viber", "skype", "facetime":
			return false
		}
	}
	if u, err := url.PathUnescape(d); err == nil {
		d = u
	}
	// The address's separators are spaces to the rules, so that a number or a name between
	// slashes reads as one: "/ho-so/0912345678", "?ten=Nguyen+Van+An".
	d = strings.Map(func(r rune) rune {
		if strings.ContainsRune("/?&=#+_:%~", r) {
			return ' '
		}
		return r
	}, d)
	return !m.Contains(markdown.Plain(d), a) && !m.Contains(strings.ReplaceAll(d, "-", " "), a)
}
