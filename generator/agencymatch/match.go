// Package agencymatch finds the registry agency a printed name refers to. Names are compared
// folded (case, diacritics, đ), with punctuation and the authority's own place name ignored,
// through each agency's name, short names and aliases: "Sở Tư pháp", "SỞ TƯ PHÁP tỉnh An Giang"
// and "So Tu phap" all find an-giang/so-tu-phap. A name that matches no agency, or several,
// is not guessed: Match says so and Nearest suggests the closest.
package agencymatch

import (
	"slices"
	"strings"

	"congkhai/generator/content"
	"congkhai/generator/fold"
)

// Matcher matches names against the agencies of registries.
type Matcher struct {
	keys  map[string][]string // folded key -> agency refs ("authority/id")
	names []entry             // every key, for Nearest
}

type entry struct{ key, ref string }

// New indexes the agencies of the given registries. place is stripped from names before
// comparing, for each registry its authority's place name ("tỉnh An Giang" from "Tỉnh An
// Giang"), so that a name with or without it matches.
func New(registries []*content.AgencyFile) *Matcher {
	m := &Matcher{keys: map[string][]string{}}
	for _, f := range registries {
		place := key(f.Authority.Name)
		for _, a := range f.Agencies {
			ref := f.ID + "/" + a.ID
			for _, n := range append(append([]string{a.Name}, a.ShortNames...), a.Aliases...) {
				for _, k := range []string{key(n), strip(key(n), place)} {
					if k != "" && !slices.Contains(m.keys[k], ref) {
						m.keys[k] = append(m.keys[k], ref)
						m.names = append(m.names, entry{k, ref})
					}
				}
			}
		}
	}
	return m
}

// Match returns the reference of the one agency name refers to. ok is false when no agency
// or more than one has that name.
func (m *Matcher) Match(name string) (ref string, ok bool) {
	refs := m.keys[key(name)]
	if len(refs) != 1 {
		return "", false
	}
	return refs[0], true
}

// Candidates returns every agency name may refer to.
func (m *Matcher) Candidates(name string) []string { return m.keys[key(name)] }

// Nearest returns the agency whose name is closest to name, for a suggestion, or "". Only
// names of the same kind (the same first word: "sở", "phòng", "ủy ban") within a third of
// the name's length in edits are suggested: a Cục is never offered for a Sở, nor a
// Chủ tịch for a Cục.
func (m *Matcher) Nearest(name string) string {
	k := key(name)
	kind, _, _ := strings.Cut(k, " ")
	best, bestD := "", len(k)/3+1
	for _, e := range m.names {
		if first, _, _ := strings.Cut(e.key, " "); first != kind {
			continue
		}
		if d := fold.Distance(k, e.key); d < bestD {
			best, bestD = e.ref, d
		}
	}
	return best
}

// key folds a name, keeps only its words and writes abbreviations out: "VP UBND tỉnh" ->
// "van phong uy ban nhan dan tinh", "Sở TT&TT" -> "so thong tin va truyen thong".
func key(s string) string {
	s = strings.NewReplacer("tt&tt", "thong tin va truyen thong", "&", " va ").Replace(fold.String(s))
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	for i, w := range words {
		if long, ok := abbreviations[w]; ok {
			words[i] = long
		}
	}
	return strings.Join(words, " ")
}

// abbreviations are the short forms of words in agency names, folded.
var abbreviations = map[string]string{
	"ubnd": "uy ban nhan dan",
	"hdnd": "hoi dong nhan dan",
	"tthc": "thu tuc hanh chinh",
	"vp":   "van phong",
}

// strip removes a trailing place name: "so tu phap tinh an giang" -> "so tu phap".
func strip(k, place string) string {
	if place != "" && strings.HasSuffix(k, " "+place) {
		return strings.TrimSuffix(k, " "+place)
	}
	return k
}
