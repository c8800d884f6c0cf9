package search

import (
	"slices"
	"strings"
)

// Abbreviations are the short forms administrative texts and citizens use, with their
// expansions (folded). Indexing adds the expansion's terms to a text that uses the short
// form and the short form to a text that spells it out, so each finds the other.
var Abbreviations = map[string]string{
	"tthc":   "thu tuc hanh chinh",
	"pakn":   "phan anh kien nghi",
	"dvc":    "dich vu cong",
	"dvctt":  "dich vu cong truc tuyen",
	"ubnd":   "uy ban nhan dan",
	"hdnd":   "hoi dong nhan dan",
	"cchc":   "cai cach hanh chinh",
	"kstthc": "kiem soat thu tuc hanh chinh",
}

// expansions lists, for each abbreviation, its expansion's terms; abbrs is the
// abbreviations in order, so that Expand's output is deterministic.
var expansions, abbrs = func() (map[string][]string, []string) {
	m := map[string][]string{}
	var keys []string
	for abbr, full := range Abbreviations {
		m[abbr] = strings.Fields(full)
		keys = append(keys, abbr)
	}
	slices.Sort(keys)
	return m, keys
}()

// Expand returns the folded terms of tokens with abbreviations resolved both ways: each
// abbreviation adds the terms of its expansion, and each run of terms that spells out an
// expansion adds the abbreviation. Terms keep their order; added terms follow the term
// or run they come from.
func Expand(tokens []Token) []string {
	out := make([]string, 0, len(tokens))
	for i, t := range tokens {
		out = append(out, t.Folded)
		if full, ok := expansions[t.Folded]; ok {
			out = append(out, full...)
		}
		for _, abbr := range abbrs {
			if full := expansions[abbr]; i+len(full) <= len(tokens) && spells(tokens[i:i+len(full)], full) {
				out = append(out, abbr)
			}
		}
	}
	return out
}

func spells(tokens []Token, words []string) bool {
	for k, w := range words {
		if tokens[k].Folded != w {
			return false
		}
	}
	return true
}
