package search

import (
	"strings"
)

// Abbreviation is a short form administrative texts and citizens use, with what it stands
// for.
type Abbreviation struct{ Short, Long string }

// Abbreviations are the short forms the index resolves both ways: a text that uses the
// short form is found by its expansion, and a text that spells out the expansion is found
// by the short form.
var Abbreviations = []Abbreviation{
	{"CCHC", "cải cách hành chính"},
	{"DVC", "dịch vụ công"},
	{"DVCTT", "dịch vụ công trực tuyến"},
	{"HĐND", "hội đồng nhân dân"},
	{"KSTTHC", "kiểm soát thủ tục hành chính"},
	{"PAKN", "phản ánh kiến nghị"},
	{"TTHC", "thủ tục hành chính"},
	{"UBND", "ủy ban nhân dân"},
}

// abbrevs holds, in the order of Abbreviations, each short form and its expansion as
// tokens.
var abbrevs = func() []struct {
	short Token
	long  []Token
} {
	out := make([]struct {
		short Token
		long  []Token
	}, len(Abbreviations))
	for i, a := range Abbreviations {
		out[i].short = Tokens(a.Short)[0]
		out[i].long = Tokens(a.Long)
	}
	return out
}()

// Expand returns tokens with abbreviations resolved both ways: each abbreviation adds the
// terms of its expansion, and each run of terms that spells out an expansion adds the
// abbreviation. Tokens keep their order; an added token follows the token or run it comes
// from and carries its offsets.
func Expand(tokens []Token) []Token {
	out := make([]Token, 0, len(tokens))
	for i, t := range tokens {
		out = append(out, t)
		for _, a := range abbrevs {
			if t.Folded == a.short.Folded {
				for _, l := range a.long {
					l.Start, l.End = t.Start, t.End
					out = append(out, l)
				}
			}
			if n := len(a.long); i+n <= len(tokens) && spells(tokens[i:i+n], a.long) {
				s := a.short
				s.Start, s.End = t.Start, tokens[i+n-1].End
				out = append(out, s)
			}
		}
	}
	return out
}

func spells(tokens, words []Token) bool {
	for k, w := range words {
		if tokens[k].Folded != w.Folded {
			return false
		}
	}
	return true
}

// FoldedAbbreviations maps each folded short form to its folded expansion, for the client,
// which highlights the expansion where a query used the short form and the other way round.
func FoldedAbbreviations() map[string]string {
	m := make(map[string]string, len(abbrevs))
	for _, a := range abbrevs {
		words := make([]string, len(a.long))
		for i, l := range a.long {
			words[i] = l.Folded
		}
		m[a.short.Folded] = strings.Join(words, " ")
	}
	return m
}
