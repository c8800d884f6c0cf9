package render

import (
	"fmt"
	"slices"

	"github.com/gohugoio/hashstructure"

	"congkhai/generator/model"
)

// inputs are what a page shows: the content files it is made of, facts derived from other
// files that it shows (counts, the names of filters), whether it depends on the as-of day,
// and, for the pages that sum up the whole site, every file. They err on the side of more:
// an input too many renders a page again that comes out the same (and is then not written);
// an input missed would leave a page stale, which the tests of incremental builds would
// catch (generator/incremental_test.go).
type inputs struct {
	files  []string
	plans  []*model.Plan // each plan's files and its tasks' reports (hashed once a build)
	values []any
	asOf   bool
	all    bool // every content file
}

// ShowsAsOf reports whether the page's facts depend on the as-of day (task statuses,
// petitions' timeliness), so that it states it: a page that does not is the same from one
// day to the next, and is not written again.
func (pg *Page) ShowsAsOf() bool { return pg.inputs().asOf }

// inputs lists what the page shows; see the templates of each kind.
func (pg *Page) inputs() inputs {
	if pg.in != nil {
		return *pg.in
	}
	s := pg.Site
	var in inputs
	switch pg.Kind {
	case "home":
		// Summaries of the whole site: every status, count and update.
		in = inputs{all: true, asOf: true}
	case "plans":
		// Each plan's document and counts by status, under its authority's name.
		l := pg.List
		in = inputs{files: authorityFiles(s), values: []any{listHead(l)}, asOf: true}
		for _, g := range l.Plans {
			in.values = append(in.values, g.Continued) // whether the heading says "tiếp theo"
			for _, p := range g.Plans {
				in.files = append(in.files, p.Files...)
				in.values = append(in.values, p.Counts)
			}
		}
	case "data", "history":
		// The datasets, their files and the catalogue, the changes and their feeds: the whole
		// site on the as-of day.
		in = inputs{all: true, asOf: true}
	case "method":
		in = inputs{asOf: true} // it names the as-of day
	case "search", "404":
		// The search page's filters are filled from the index, in the browser.
	case "plan", "task":
		in = planInputs(s, pg.Plan)
	case "agencies":
		in = authoritiesInputs(pg.List)
	case "authority":
		// Its agencies' registry (and their successors', of any authority), and how many
		// tasks each leads and cooperates on.
		in = inputs{files: authorityFiles(s), values: []any{listHead(pg.List), agencyRows(pg.List.Agencies)}}
	case "agency":
		in = agencyInputs(s, pg.Agency)
	case "agency-list":
		in = agencyListInputs(s, pg.List)
	case "procedure":
		// Its record, and the first petitions about it with how many there are.
		p := pg.Procedure
		in.files = append(authorityFiles(s), p.File)
		for _, pt := range head(summaryRows, p.Petitions) {
			in.files = append(in.files, pt.File)
		}
		if len(p.Petitions) > 0 {
			in.files = append(in.files, s.HolidaysFile)
			in.values = []any{len(p.Petitions)}
			in.asOf = true
		}
	case "procedures":
		l := pg.List
		in.files = authorityFiles(s)
		for _, p := range l.Procedures {
			in.files = append(in.files, p.File)
		}
		variant := fmt.Sprint("procedures", l.Filter == "", l.Page == 1)
		in.values = []any{listHead(l), pg.r.summaryHash(variant, func() any { return pg.r.catalogueSummary(l) })}
	case "petition":
		p := pg.Petition
		in.files = append(authorityFiles(s), p.File, s.HolidaysFile)
		if p.Procedure != nil {
			in.files = append(in.files, p.Procedure.File)
		}
		in.asOf = true
	case "petitions":
		l := pg.List
		in.files = append(authorityFiles(s), s.HolidaysFile)
		for _, p := range l.Petitions {
			in.files = append(in.files, p.File)
		}
		in.values = []any{listHead(l), l.Counts, pg.r.summaryHash("petitions", pg.r.petitionSummary)}
		in.asOf = true
	case "register-agencies":
		// The agencies' names and how many records each has in the register.
		l := pg.List
		in.files = authorityFiles(s)
		counts := make([]any, len(l.Agencies))
		for i, a := range l.Agencies {
			if l.Filter+"/" == proceduresDir {
				counts[i] = len(a.Procedures)
			} else {
				counts[i] = a.PetitionCounts
			}
		}
		in.values = []any{listHead(l), counts}
	case "scores":
		in = inputs{files: authorityFiles(s), values: []any{listHead(pg.List)}}
		for _, p := range pg.List.Periods {
			in.files = append(in.files, p.File)
		}
	case "score-period":
		in.files = append(authorityFiles(s), pg.Period.File)
	default:
		in.all, in.asOf = true, true // a page this list does not know: everything
	}
	pg.in = &in
	return in
}

// planInputs are what a plan's page and its tasks' pages show: the plan's files and its
// tasks' reports (planFiles), the agencies named, and the working days its deadlines count.
func planInputs(s *model.Site, p *model.Plan) inputs {
	return inputs{files: append(authorityFiles(s), s.HolidaysFile), plans: []*model.Plan{p}, asOf: true}
}

// planFiles are a plan's files and its tasks' reports.
func planFiles(p *model.Plan) []string {
	files := slices.Clone(p.Files)
	for _, t := range p.Tasks {
		for _, r := range t.Reports {
			files = append(files, r.File)
		}
	}
	return files
}

// authorityFiles are the registries of agencies: a page names agencies of any of them
// (successors, qualified references).
func authorityFiles(s *model.Site) []string {
	files := make([]string, len(s.Authorities))
	for i, a := range s.Authorities {
		files[i] = a.File
	}
	return files
}

// listHead is what a list page shows of its list besides what its items' files say: its
// title, filter, size, this page's place in it, and which items it holds (a task is one of
// many in its plan's file; an item moved to another page leaves the files the same).
func listHead(l *Listing) any {
	return struct {
		Title, Filter, Value, Noun   string
		Total, From, To, Page, Pages int
		Items                        []string
	}{l.Title, l.Filter, l.Value, l.Noun, l.Total, l.From, l.To, l.Page, len(l.Pages), l.items}
}

// groupCount is a filter of a list as its pages show it: its name, address and size.
type groupCount struct {
	Name, Path string
	N          int
}

// summaryHash is the hash of a summary of a whole register that many of its pages show,
// made once a build by variant (a few hundred list pages share three).
func (r *renderer) summaryHash(variant string, summary func() any) uint64 {
	if h, ok := r.summaries.Load(variant); ok {
		return h.(uint64)
	}
	h, err := hashstructure.Hash(summary(), nil)
	if err != nil {
		panic(fmt.Sprintf("render: cannot hash the summary %s: %v", variant, err))
	}
	r.summaries.Store(variant, h)
	return h
}

// catalogueSummary is what a page of the catalogue shows of the whole of it: the total;
// on the pages of the whole catalogue, the count of each online level; on its first page,
// every filter with its count and how many agencies have procedures.
func (r *renderer) catalogueSummary(l *Listing) any {
	s := r.site
	sum := struct {
		Total, Fields, Agencies int
		Groups                  []groupCount
	}{Total: len(s.Procedures)}
	if l.Filter != "" {
		return sum
	}
	sum.Fields = len(s.Fields)
	for _, g := range s.OnlineGroups {
		sum.Groups = append(sum.Groups, groupCount{g.Name, pathOf(g), len(g.Procedures)})
	}
	if l.Page == 1 {
		for _, g := range s.ProcedureLevels {
			sum.Groups = append(sum.Groups, groupCount{g.Name, pathOf(g), len(g.Procedures)})
		}
		for _, f := range s.Fields {
			sum.Groups = append(sum.Groups, groupCount{f.Name, pathOf(f), len(f.Procedures)})
		}
		sum.Agencies = len(r.withProcedures)
	}
	return sum
}

// petitionSummary is what every page of the petition register shows of the whole of it:
// the total, the answer rule, the filters by status, timeliness and year with their
// counts, and how many agencies have petitions.
func (r *renderer) petitionSummary() any {
	s := r.site
	var groups []groupCount
	for _, g := range s.PetitionGroups {
		groups = append(groups, groupCount{g.Name, pathOf(g), len(g.Petitions)})
	}
	return struct {
		Total, Agencies int
		Rule            model.PetitionRule
		Groups          []groupCount
	}{len(s.Petitions), len(r.withPetitions), s.PetitionRule, groups}
}
