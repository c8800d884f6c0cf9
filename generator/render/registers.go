package render

import (
	"slices"
	"strings"

	"congkhai/generator/model"
)

// The registers' URL space:
//
//	thu-tuc/                               the catalogue, first page
//	thu-tuc/trang-N/                       its further pages
//	thu-tuc/<code>/                        one procedure
//	thu-tuc/linh-vuc/<field>/              procedures of a field (and trang-N/)
//	thu-tuc/cap/<level>/                   of a level
//	thu-tuc/truc-tuyen/<online>/           of an online level
//	thu-tuc/co-quan/                       the agencies that have procedures
//	thu-tuc/co-quan/<authority>/<agency>/  the procedures of an agency
//	pakn/ , pakn/<id>/ , pakn/trang-thai/<status>/ , pakn/han/<timeliness>/ ,
//	pakn/nam/<year>/ , pakn/co-quan/ , pakn/co-quan/<authority>/<agency>/ ,
//	pakn/thu-tuc/<code>/                   the petitions about a procedure, when too many
//	                                       for its page
//	chi-so-766/ , chi-so-766/<period>/
const (
	proceduresDir = "thu-tuc/"
	petitionsDir  = "pakn/"
	scoresDir     = "chi-so-766/"
)

// procedureLists returns the catalogue's pages: all procedures and every filter.
func (r *renderer) procedureLists() []*Page {
	s := r.site
	var out []*Page
	list := func(dir string, l Listing, items []*model.Procedure) {
		title := "Danh mục thủ tục hành chính"
		if l.Title != "" {
			title += " – " + l.Title
		}
		l.Noun = "thủ tục"
		out = append(out, listPages(r, Page{Kind: "procedures", Title: title}, dir, l, items,
			func(l *Listing, page []*model.Procedure) { l.Procedures = page })...)
	}
	list(proceduresDir, Listing{}, s.Procedures)
	for _, f := range s.Fields {
		list(dirOf(f), Listing{Title: "Lĩnh vực " + f.Name, Filter: "linh-vuc", Value: f.Slug}, f.Procedures)
	}
	for _, g := range append(slices.Clone(s.ProcedureLevels), s.OnlineGroups...) {
		list(dirOf(g), Listing{Title: g.Name, Filter: g.Filter, Value: g.Slug}, g.Procedures)
	}
	for _, a := range r.withProcedures {
		list(agencyListDir(proceduresDir, a), Listing{Title: a.Name, Filter: "co-quan", Value: a.Key}, a.Procedures)
	}
	return out
}

// petitionLists returns the petition register's pages: all petitions and every filter.
func (r *renderer) petitionLists() []*Page {
	s := r.site
	var out []*Page
	list := func(dir string, l Listing, items []*model.Petition) {
		title := "Trả lời phản ánh, kiến nghị"
		if l.Title != "" {
			title += " – " + l.Title
		}
		l.Noun = "phản ánh, kiến nghị"
		out = append(out, listPages(r, Page{Kind: "petitions", Title: title}, dir, l, items,
			func(l *Listing, page []*model.Petition) { l.Petitions = page })...)
	}
	list(petitionsDir, Listing{Counts: s.PetitionCounts}, s.Petitions)
	for _, g := range s.PetitionGroups {
		list(dirOf(g), Listing{Title: g.Name, Filter: g.Filter, Value: g.Slug, Counts: g.Counts}, g.Petitions)
	}
	for _, a := range r.withPetitions {
		list(agencyListDir(petitionsDir, a), Listing{Title: a.Name, Filter: "co-quan", Value: a.Key, Counts: a.PetitionCounts}, a.Petitions)
	}
	// The petitions about a procedure, when too many for its page.
	for _, p := range s.Procedures {
		if long(len(p.Petitions)) {
			var counts model.PetitionCounts
			for _, pt := range p.Petitions {
				counts.Add(pt.Timeliness)
			}
			n := len(out)
			list(procedurePetitionsDir(p), Listing{Title: "Thủ tục " + p.Name, Filter: "thu-tuc", Value: p.Code, Counts: counts}, p.Petitions)
			for _, pg := range out[n:] {
				pg.Procedure = p
			}
		}
	}
	return out
}

// registerPages returns the pages of the three registers.
func (r *renderer) registerPages() []*Page {
	s := r.site
	var pages []*Page
	if len(s.Procedures) > 0 {
		pages = append(pages, r.procedureLists()...)
		pages = append(pages, r.registerAgencies(proceduresDir, "Thủ tục hành chính theo cơ quan", r.withProcedures)...)
		for _, p := range s.Procedures {
			pages = append(pages, &Page{Kind: "procedure", Path: pathOf(p), Title: p.Name, Procedure: p})
		}
	}
	if len(s.Petitions) > 0 {
		pages = append(pages, r.petitionLists()...)
		pages = append(pages, r.registerAgencies(petitionsDir, "Phản ánh, kiến nghị theo cơ quan", r.withPetitions)...)
		for _, p := range s.Petitions {
			pages = append(pages, &Page{Kind: "petition", Path: pathOf(p), Title: "Phản ánh, kiến nghị " + p.ID + ": " + p.Subject, Petition: p})
		}
	}
	if len(s.ScorePeriods) > 0 {
		pages = append(pages, listPages(r, Page{Kind: "scores", Title: "Bộ chỉ số 766"}, scoresDir, Listing{Noun: "kỳ"}, s.ScorePeriods,
			func(l *Listing, page []*model.ScorePeriod) { l.Periods = page })...)
		for _, p := range s.ScorePeriods {
			title := p.Title
			if !strings.Contains(title, "766") { // "Kết quả Bộ chỉ số 766 tháng 01/2026" says it already
				title = "Chỉ số 766 – " + title
			}
			pages = append(pages, &Page{Kind: "score-period", Path: pathOf(p), Title: title, Period: p})
		}
	}
	return pages
}

// registerAgencies returns the pages of the list of the agencies that have procedures or
// petitions (agencies, in the site's order), each linking to the register's list of its
// own: a filter of the register that holds every agency would make the register's pages
// grow with the agencies of the site.
func (r *renderer) registerAgencies(register, title string, agencies []*model.Agency) []*Page {
	return listPages(r, Page{Kind: "register-agencies", Title: title}, registerAgenciesDir(register),
		Listing{Filter: strings.TrimSuffix(register, "/"), Noun: "cơ quan"}, agencies,
		func(l *Listing, page []*model.Agency) { l.Agencies = page })
}

// registerAgenciesDir is the folder of the list of agencies that have records in a
// register: the parent of the register's lists of each agency ("thu-tuc/co-quan/").
func registerAgenciesDir(register string) string { return register + dirOf(agenciesPath) }

// ProcedureAgencies is the link to the list of the agencies that have procedures.
func (pg *Page) ProcedureAgencies() string {
	return pg.link(registerAgenciesDir(proceduresDir) + "index.html")
}

// PetitionAgencies is the link to the list of the agencies that have petitions.
func (pg *Page) PetitionAgencies() string {
	return pg.link(registerAgenciesDir(petitionsDir) + "index.html")
}

// AgenciesWithProcedures and AgenciesWithPetitions are how many agencies have some.
func (pg *Page) AgenciesWithProcedures() int { return len(pg.r.withProcedures) }

// AgenciesWithPetitions is how many agencies have petitions.
func (pg *Page) AgenciesWithPetitions() int { return len(pg.r.withPetitions) }

// procedurePetitionsDir is the folder of the list of the petitions about a procedure.
func procedurePetitionsDir(p *model.Procedure) string {
	return petitionsDir + "thu-tuc/" + p.Code + "/"
}

// PetitionsAbout is the link to the list of the petitions about a procedure, which exists
// when they are too many for its page.
func (pg *Page) PetitionsAbout(p *model.Procedure) string {
	return pg.link(procedurePetitionsDir(p) + "index.html")
}

// agencyListDir is the folder of a register's list filtered to one agency: under the
// register's folder, the agency page's own path ("thu-tuc/co-quan/an-giang/so-tu-phap/").
func agencyListDir(register string, a *model.Agency) string { return register + dirOf(a) }

// dirOf is the folder of a list page: pathOf without its index.html.
func dirOf(v any) string { return strings.TrimSuffix(pathOf(v), "index.html") }

// ProceduresOf is the link to the list of an agency's procedures.
func (pg *Page) ProceduresOf(a *model.Agency) string {
	return pg.link(agencyListDir(proceduresDir, a) + "index.html")
}

// PetitionsOf is the link to the list of an agency's petitions.
func (pg *Page) PetitionsOf(a *model.Agency) string {
	return pg.link(agencyListDir(petitionsDir, a) + "index.html")
}
