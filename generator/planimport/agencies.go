package planimport

import (
	"regexp"
	"slices"
	"strings"

	"congkhai/generator/agencymatch"
	"congkhai/generator/content"
)

// agencies resolves the agency cells of a plan against its authority's registry.
type agencies struct {
	match *agencymatch.Matcher
}

func newAgencies(registry *content.AgencyFile) agencies {
	return agencies{agencymatch.New([]*content.AgencyFile{registry})}
}

// levelLabel is a label naming the level a list of agencies is for, "Cấp tỉnh:" in "Cấp
// tỉnh: Văn phòng UBND tỉnh; Cấp huyện, cấp xã: UBND cấp huyện"; it names no agency.
var levelLabel = regexp.MustCompile(`(?i)(^|[;\n]\s*)(?:cấp|đối với)[^:;\n]{0,40}:\s*`)

// agencySep separates the names in an agency cell: list punctuation, a line break, a
// bullet, "và"/"với" between names, a slash, a parenthesis or colon ("Văn phòng UBND tỉnh
// (Trung tâm PVHCC tỉnh)", "Các ngành: Công an, BHXH").
var agencySep = regexp.MustCompile(`\s*(?:[;,/\n():]|\s(?:và|với|hoặc)\s|(?:^|\s)[-+•]\s)\s*`)

// resolve reads the agencies a cell names. A cell lists several ("Sở, ban, ngành tỉnh;
// UBND cấp huyện", one name per bullet line, "Phòng Nội vụ và các cơ quan có liên quan"),
// and the list punctuation also occurs inside one name ("Sở, ban, ngành tỉnh"), so the
// cell is cut at every separator and the pieces regrouped into names the registry knows:
// leaving as few pieces unknown as possible, then naming as many agencies as possible (a
// cell that names an office and, in brackets, its unit gives both). It returns the agency IDs in
// the order printed, without repeats, and the pieces no registry name covers.
func (a agencies) resolve(text string) (ids, unknown []string) {
	type piece struct{ start, end int }
	var pieces []piece
	text = levelLabel.ReplaceAllString(text, "$1")
	at := 0
	for _, m := range agencySep.FindAllStringIndex(text, -1) {
		if text[m[0]:m[1]] == "/" && m[0] > 0 && text[m[0]-1] >= '0' && text[m[0]-1] <= '9' {
			continue // a document number: "Quyết định số 403/QĐ-UBND"
		}
		if m[0] > at {
			pieces = append(pieces, piece{at, m[0]})
		}
		at = m[1]
	}
	if at < len(text) {
		pieces = append(pieces, piece{at, len(text)})
	}
	const maxJoin, unknownCost = 8, 1000
	n := len(pieces)
	type step struct {
		cost, from int
		ref        string // "" for an unknown piece
	}
	best := make([]step, n+1)
	for i := 1; i <= n; i++ {
		best[i] = step{cost: best[i-1].cost + unknownCost, from: i - 1}
		piece := text[pieces[i-1].start:pieces[i-1].end]
		if _, ok := a.name(piece); !ok && best[i-1].ref != "" {
			prev := best[i-1]
			// A name shortened after the one before it: "UBND cấp huyện, xã".
			if ref, ok := a.elided(text[pieces[prev.from].start:pieces[i-2].end], piece); ok {
				best[i] = step{prev.cost - 1, i - 1, ref}
			}
		}
		for j := max(0, i-maxJoin); j < i; j++ {
			if ref, ok := a.name(text[pieces[j].start:pieces[i-1].end]); ok && best[j].cost-1 < best[i].cost {
				best[i] = step{best[j].cost - 1, j, ref}
			}
		}
	}
	for i := n; i > 0; i = best[i].from {
		if s := best[i]; s.ref != "" {
			ids = append(ids, s.ref)
		} else if p := strings.Trim(text[pieces[s.from].start:pieces[i-1].end], " .:;()"); p != "" {
			unknown = append(unknown, p)
		}
	}
	slices.Reverse(ids)
	slices.Reverse(unknown)
	return slices.Compact(ids), unknown
}

// name finds the agency one name refers to, trying it also without a leading "các" and
// without a trailing parenthesis or full stop.
func (a agencies) name(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, v := range []string{s, strings.TrimSuffix(s, "."), trimCac(s)} {
		if ref, ok := a.match.Match(v); ok {
			_, id, _ := strings.Cut(ref, "/")
			return id, true
		}
	}
	return "", false
}

// elided finds the agency a shortened name refers to by completing it with the head of the
// name before it: "xã" after "UBND cấp huyện" is "UBND cấp xã", and so is "cấp xã".
func (a agencies) elided(prev, short string) (string, bool) {
	words := strings.Fields(trimCac(prev))
	for k := len(words) - 1; k > 0; k-- {
		if id, ok := a.name(strings.Join(words[:k], " ") + " " + strings.TrimSpace(short)); ok {
			return id, true
		}
	}
	return "", false
}

func trimCac(s string) string {
	for _, p := range []string{"Các ", "các ", "CÁC "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest
		}
	}
	return s
}

// nearest suggests the registry agency closest to an unknown name, or "".
func (a agencies) nearest(name string) string {
	ref := a.match.Nearest(name)
	_, id, _ := strings.Cut(ref, "/")
	return id
}
