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
var abbrevs = func() []abbrev {
	out := make([]abbrev, len(Abbreviations))
	for i, a := range Abbreviations {
		out[i].short, out[i].long = Tokens(a.Short)[0], Tokens(a.Long)
		if len(out[i].long) > maxExpansion {
			panic("search: expansion longer than maxExpansion: " + a.Long)
		}
	}
	return out
}()

type abbrev struct {
	short Token
	long  []Token
}

// maxExpansion is the most words an expansion has.
const maxExpansion = 6

// Expand returns the tokens of text with abbreviations resolved both ways: each abbreviation
// adds the terms of its expansion, and each run of words that spells out an expansion adds
// the abbreviation. An added token follows the token it comes from, or the last of the run,
// and carries its offsets.
func Expand(text string) []Token { return collect(text, word, added) }

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
