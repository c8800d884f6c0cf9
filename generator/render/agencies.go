package render

import (
	"slices"

	"congkhai/generator/model"
	"congkhai/generator/schedule"
)

// An agency's page sums it up: what it is, its counts, and at most summaryRows items of
// each of its lists. A longer list has pages of its own under the agency's folder:
//
//	co-quan/<authority>/<agency>/chu-tri/     the tasks it leads, in plan order
//	co-quan/<authority>/<agency>/phoi-hop/    the tasks it cooperates on
//	co-quan/<authority>/<agency>/chi-tieu/    the indicators it is named in
//	co-quan/<authority>/<agency>/chi-so-766/  its 766 results, newest first
//	co-quan/<authority>/<agency>/truc-thuoc/  the units under it
//
// A group ("Các sở, ban, ngành") leads hundreds of tasks across the years; its page listed
// them all (330 KB on the 10k site).
const (
	listLeads      = "chu-tri"
	listCooperates = "phoi-hop"
	listIndicators = "chi-tieu"
	listScores     = "chi-so-766"
	listChildren   = "truc-thuoc"
)

// recentScores is how many of an agency's 766 results its page shows, in a table and, of
// the monthly ones, drawn as a trend: a year of months. Its list has them all.
const recentScores = 12

// authorityPages returns the list of authorities (co-quan/) and the list of each one's
// agencies (co-quan/<authority>/), in pages: together they held every agency of the site
// on one page.
func (r *renderer) authorityPages() []*Page {
	s := r.site
	pages := listPages(r, Page{Kind: "agencies", Title: "Cơ quan, đơn vị"}, dirOf(agenciesPath), Listing{Noun: "chính quyền"},
		s.Authorities, func(l *Listing, page []*model.Authority) { l.Authorities = page })
	for _, a := range s.Authorities {
		pages = append(pages, listPages(r, Page{Kind: "authority", Title: "Cơ quan, đơn vị – " + a.Name, Authority: a}, dirOf(a),
			Listing{Noun: "cơ quan, đơn vị"}, a.Agencies, func(l *Listing, page []*model.Agency) { l.Agencies = page })...)
	}
	return pages
}

// agencyPages returns an agency's page and the pages of its lists too long for it.
func (r *renderer) agencyPages(a *model.Agency) []*Page {
	pages := []*Page{{Kind: "agency", Path: pathOf(a), Title: a.Name, Agency: a, Authority: a.Authority}}
	base := func(what string) Page {
		return Page{Kind: "agency-list", Title: a.Name + " – " + what, Agency: a, Authority: a.Authority}
	}
	dir := func(list string) string { return agencyOwnListDir(a, list) }
	tasks := func(l Listing, items []*model.Task) []*Page {
		return listPages(r, base(l.Title), dir(l.Filter), l, items, func(l *Listing, page []*model.Task) { l.Tasks = page })
	}
	if long(len(a.Leads)) {
		pages = append(pages, tasks(Listing{Filter: listLeads, Title: "nhiệm vụ chủ trì", Noun: "nhiệm vụ", TaskCounts: a.LeadCounts}, a.Leads)...)
	}
	if long(len(a.Cooperates)) {
		pages = append(pages, tasks(Listing{Filter: listCooperates, Title: "nhiệm vụ phối hợp", Noun: "nhiệm vụ", TaskCounts: a.CoopCounts}, a.Cooperates)...)
	}
	if long(len(a.Indicators)) {
		pages = append(pages, listPages(r, base("chỉ tiêu"), dir(listIndicators), Listing{Filter: listIndicators, Title: "chỉ tiêu", Noun: "chỉ tiêu"},
			a.Indicators, func(l *Listing, page []*model.Indicator) { l.Indicators = page })...)
	}
	if len(a.Scores) > recentScores {
		pages = append(pages, listPages(r, base("kết quả Bộ chỉ số 766"), dir(listScores), Listing{Filter: listScores, Title: "kết quả Bộ chỉ số 766", Noun: "kỳ"},
			newestScores(a), func(l *Listing, page []*model.UnitScore) { l.Scores = page })...)
	}
	if long(len(a.Children)) {
		pages = append(pages, listPages(r, base("đơn vị trực thuộc"), dir(listChildren), Listing{Filter: listChildren, Title: "đơn vị trực thuộc", Noun: "đơn vị"},
			a.Children, func(l *Listing, page []*model.Agency) { l.Agencies = page })...)
	}
	return pages
}

// agencyOwnListDir is the folder of one of an agency's lists.
func agencyOwnListDir(a *model.Agency, list string) string { return dirOf(a) + list + "/" }

// AgencyList is the link to the first page of one of an agency's lists ("chu-tri", ...),
// which exists when the list is long.
func (pg *Page) AgencyList(a *model.Agency, list string) string {
	return pg.link(agencyOwnListDir(a, list) + "index.html")
}

// newestScores are an agency's 766 results, newest period first.
func newestScores(a *model.Agency) []*model.UnitScore {
	out := slices.Clone(a.Scores)
	slices.Reverse(out)
	return out
}

// RecentScores are the 766 results an agency's page shows, newest first, and MoreScores
// whether it has more (in its list of results).
func (pg *Page) RecentScores(a *model.Agency) []*model.UnitScore {
	return head(recentScores, newestScores(a))
}

// MoreScores reports whether an agency has more 766 results than its page shows.
func (pg *Page) MoreScores(a *model.Agency) bool { return len(a.Scores) > recentScores }

// trendScores are the monthly results the trend of an agency draws: the last recentScores.
func trendScores(a *model.Agency) []*model.UnitScore {
	m := a.MonthlyScores()
	return m[max(0, len(m)-recentScores):]
}

// agencyInputs are what an agency's page shows: its registry, its counts, and the records
// of the items it lists (a task's plan and reports, a procedure, a petition, a period).
func agencyInputs(s *model.Site, a *model.Agency) inputs {
	in := inputs{files: append(authorityFiles(s), s.HolidaysFile), asOf: true}
	var shown []string
	for _, t := range slices.Concat(head(summaryRows, a.Leads), head(summaryRows, a.Cooperates)) {
		in.files = append(in.files, taskFiles(t)...)
		shown = append(shown, pathOf(t))
	}
	for _, ind := range head(summaryRows, a.Indicators) {
		in.files = append(in.files, ind.Plan.Files...)
		shown = append(shown, pathOf(ind))
	}
	for _, p := range head(summaryRows, a.Procedures) {
		in.files = append(in.files, p.File)
	}
	for _, p := range head(summaryRows, a.Petitions) {
		in.files = append(in.files, p.File)
	}
	scores := head(recentScores, newestScores(a))
	if u := a.LatestScore(); u != nil {
		scores = append(scores, u)
	}
	for _, u := range slices.Concat(scores, trendScores(a)) {
		in.files = append(in.files, u.Period.File)
	}
	in.values = []any{shown, struct {
		Leads, Cooperates, Indicators, Children, Procedures, Petitions, Scores int
		LeadCounts, CoopCounts                                                 schedule.Counts
		PetitionCounts                                                         model.PetitionCounts
	}{len(a.Leads), len(a.Cooperates), len(a.Indicators), len(a.Children), len(a.Procedures), len(a.Petitions), len(a.Scores),
		a.LeadCounts, a.CoopCounts, a.PetitionCounts}}
	return in
}

// agencyListInputs are what a page of one of an agency's lists shows: the agency's
// registry, the list's head and counts, and the records of its items.
func agencyListInputs(s *model.Site, l *Listing) inputs {
	in := inputs{files: authorityFiles(s), values: []any{listHead(l)}}
	for _, t := range l.Tasks {
		in.files = append(in.files, taskFiles(t)...)
	}
	if l.Tasks != nil {
		in.files = append(in.files, s.HolidaysFile)
		in.values = append(in.values, l.TaskCounts)
		in.asOf = true
	}
	for _, ind := range l.Indicators {
		in.files = append(in.files, ind.Plan.Files...)
	}
	for _, u := range l.Scores {
		in.files = append(in.files, u.Period.File)
	}
	in.values = append(in.values, agencyRows(l.Agencies))
	return in
}

// authoritiesInputs are what a page of the list of authorities shows: their registries,
// and how many plans each has.
func authoritiesInputs(l *Listing) inputs {
	in := inputs{values: []any{listHead(l)}}
	plans := make([]int, len(l.Authorities))
	for i, a := range l.Authorities {
		in.files = append(in.files, a.File)
		plans[i] = len(a.Plans)
	}
	in.values = append(in.values, plans)
	return in
}

// taskFiles are the files a task's row shows: its plan's, and its reports, which make its
// status.
func taskFiles(t *model.Task) []string {
	files := slices.Clone(t.Plan.Files)
	for _, r := range t.Reports {
		files = append(files, r.File)
	}
	return files
}

// agencyRows is what a table of agencies shows of each besides its registry: how many
// tasks it leads and cooperates on.
func agencyRows(agencies []*model.Agency) [][2]int {
	out := make([][2]int, len(agencies))
	for i, a := range agencies {
		out[i] = [2]int{len(a.Leads), len(a.Cooperates)}
	}
	return out
}
