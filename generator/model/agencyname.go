package model

import (
	"strings"

	"congkhai/generator/fold"
)

// Names reports whether a printed text names the agency and nothing else: its name, one of
// its short names or one of its aliases, in any case, with or without diacritics, ignoring
// the punctuation a table cell ends with ("Văn phòng UBND tỉnh.").
func (a *Agency) Names(printed string) bool { return a.naming(printed) != notNamed }

type naming uint8

const (
	notNamed naming = iota
	byName          // its name or a short name
	byAlias         // another name: "Cơ quan thường trực BCĐ CCHC tỉnh" for Sở Nội vụ
)

func (a *Agency) naming(printed string) naming {
	key := func(s string) string { return strings.Join(strings.Fields(fold.String(s)), " ") }
	t := key(strings.TrimRight(strings.TrimSpace(printed), ".;,:"))
	if t == "" {
		return notNamed
	}
	for _, n := range append([]string{a.Name}, a.ShortNames...) {
		if key(n) == t {
			return byName
		}
	}
	for _, n := range a.Aliases {
		if key(n) == t {
			return byAlias
		}
	}
	return notNamed
}

// Named is a piece of a printed agency cell and the agency it names (nil for text between).
type Named struct {
	Text   string
	Agency *Agency
}

// Printed is a printed agency cell cut into the names of its agencies. Aliased are the
// agencies it calls by another name than their own ("Cơ quan thường trực BCĐ CCHC tỉnh" for
// Sở Nội vụ), so that a page says which agencies those are.
type Printed struct {
	Parts   []Named
	Aliased []*Agency
}

// NamedParts splits a printed cell into the names of the agencies it resolves to, when it
// is exactly their names in order, separated by ";" or ",": "Sở Tư pháp; Sở Nội vụ." gives
// two linked parts; a name may be an alias ("Cơ quan thường trực BCĐ CCHC tỉnh"). It returns
// nil when the cell says anything else ("Các sở, ban, ngành tỉnh, các đơn vị có liên quan"); a
// page then shows the cell as printed with the agencies beside it.
func NamedParts(printed string, agencies []*Agency) *Printed {
	if len(agencies) == 0 {
		return nil
	}
	for _, sep := range []string{";", ","} {
		pieces := strings.Split(printed, sep)
		if len(pieces) != len(agencies) {
			continue
		}
		out := &Printed{Parts: make([]Named, 0, 2*len(pieces))}
		for i, piece := range pieces {
			how := agencies[i].naming(piece)
			if how == notNamed {
				out = nil
				break
			}
			if i > 0 {
				out.Parts = append(out.Parts, Named{Text: sep + " "})
			}
			out.Parts = append(out.Parts, Named{Text: strings.TrimSpace(piece), Agency: agencies[i]})
			if how == byAlias {
				out.Aliased = append(out.Aliased, agencies[i])
			}
		}
		if out != nil {
			return out
		}
	}
	return nil
}
