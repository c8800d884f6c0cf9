package render

import (
	"strconv"

	"congkhai/generator/model"
	"congkhai/generator/schedule"
)

// No page grows with the site. A list that ranges over records of the whole site (plans,
// agencies, procedures, petitions, 766 periods, an agency's tasks) is cut into pages of the
// page size; a page that sums up one record (an agency, a procedure, the home page) shows
// at most summaryRows items of such a list, with its counts and a link to the list's pages.
// A page may grow with its own record only: a plan with its tasks, a period with the units
// it ranks, a task with its reports.
//
// A list's pages live in one folder: dir/index.html, then dir/trang-2/index.html and so
// on, so that the first page keeps the address the whole list had.

// DefaultPageSize is how many items a page of a list holds: a page of 50 rows stays light
// on a phone (about 25 KB of HTML for procedures or petitions), and a list of a few hundred
// is still a handful of pages.
const DefaultPageSize = 50

// summaryRows is the most items of a list that a page summing up a record shows; a longer
// list has pages of its own, which the summary links to.
const summaryRows = 10

// Listing is one page of a list: the items of that page, and what every page of the list
// shows of the whole (its title, size and counts). One field of items is set, by kind.
type Listing struct {
	Title  string // what the list holds: "Lĩnh vực Hộ tịch"
	Filter string // the filter group it belongs to ("linh-vuc", "cap", ...), "" for all
	Value  string // the filter value's slug
	Noun   string // what an item is, for "51–100 trong 340 thủ tục"
	Total  int
	From   int // 1-based number of the first item on this page
	To     int // and of the last
	Page   int // 1-based
	// Pages is the file path of every page of the list.
	Pages []string

	Procedures  []*model.Procedure
	Petitions   []*model.Petition
	Counts      model.PetitionCounts // of every petition in the list, not only this page
	Agencies    []*model.Agency
	Authorities []*model.Authority
	Plans       []PlanGroup // the plans of the page, by authority
	Tasks       []*model.Task
	TaskCounts  schedule.Counts // of every task in the list
	Indicators  []*model.Indicator
	Scores      []*model.UnitScore
	Periods     []*model.ScorePeriod

	items []string // the path of each item of the page, which says which records it shows
	// part and all are the page's items and the whole list's.
	part, all any
}

// PlanGroup is the plans of one authority on a page of the list of plans; Continued says
// that the authority's plans began on an earlier page.
type PlanGroup struct {
	Authority *model.Authority
	Plans     []*model.Plan
	Continued bool
}

// planLists returns the pages of the list of plans (ke-hoach/): every authority's plans,
// the authorities in order.
func (r *renderer) planLists() []*Page {
	var plans []*model.Plan
	for _, a := range r.site.Authorities {
		plans = append(plans, a.Plans...)
	}
	return listPages(r, Page{Kind: "plans", Title: "Các kế hoạch"}, dirOf(plansPath), Listing{Noun: "kế hoạch"}, plans,
		func(l *Listing, page []*model.Plan) {
			for i, p := range page {
				if i == 0 || p.Authority != page[i-1].Authority {
					continued := i == 0 && l.From > 1 && l.all.([]*model.Plan)[l.From-2].Authority == p.Authority
					l.Plans = append(l.Plans, PlanGroup{Authority: p.Authority, Continued: continued})
				}
				g := &l.Plans[len(l.Plans)-1]
				g.Plans = append(g.Plans, p)
			}
		})
}

// Prev is the path of the previous page, "" on the first.
func (l *Listing) Prev() string {
	if l.Page > 1 {
		return l.Pages[l.Page-2]
	}
	return ""
}

// Next is the path of the next page, "" on the last.
func (l *Listing) Next() string {
	if l.Page < len(l.Pages) {
		return l.Pages[l.Page]
	}
	return ""
}

// PageLink is one entry of a list's page navigation: a page, or (Number 0) a run of pages
// left out.
type PageLink struct {
	Number  int
	Path    string
	Current bool
}

// Gap reports whether the entry stands for pages left out.
func (p PageLink) Gap() bool { return p.Number == 0 }

// navAll is the most pages a navigation lists one by one.
const navAll = 9

// Nav is the list's page navigation as this page shows it: every page when there are at
// most navAll; otherwise the first and the last, the two pages on either side of this one,
// and for every power of ten below the number of pages the nearest multiple of it before
// and after this page. Any page is then a few steps from any other (page 1 → 1000 → 600 →
// 640 → 643), and the navigation holds a dozen or so links however long the list: linking
// every page from every page would make each page grow with the list.
func (l *Listing) Nav() []PageLink {
	n, cur := len(l.Pages), l.Page
	if n <= 1 {
		return nil
	}
	show := make(map[int]bool)
	if n <= navAll {
		for i := 1; i <= n; i++ {
			show[i] = true
		}
	} else {
		show[1], show[n] = true, true
		for i := cur - 2; i <= cur+2; i++ {
			show[i] = true
		}
		for step := 10; step < n; step *= 10 {
			if below := (cur - 1) / step * step; below > 1 {
				show[below] = true
			}
			if above := (cur/step + 1) * step; above < n {
				show[above] = true
			}
		}
	}
	var out []PageLink
	for i := 1; i <= n; i++ {
		if !show[i] {
			if len(out) > 0 && !out[len(out)-1].Gap() {
				out = append(out, PageLink{})
			}
			continue
		}
		out = append(out, PageLink{Number: i, Path: l.Pages[i-1], Current: i == cur})
	}
	return out
}

// pagePaths are the paths of the pages of a list of n items under dir, size a page:
// dir/index.html, dir/trang-2/index.html, ... (one page for an empty list).
func pagePaths(dir string, n, size int) []string {
	paths := make([]string, max(1, (n+size-1)/size))
	for i := range paths {
		paths[i] = dir + "index.html"
		if i > 0 {
			paths[i] = dir + "trang-" + strconv.Itoa(i+1) + "/index.html"
		}
	}
	return paths
}

// listPages cuts items into pages of the page size under dir. Each page is a copy of base
// (its kind, title and the record it belongs to) with a copy of l that set completes with
// the page's items; the title of a page after the first ends in " – trang N".
func listPages[T any](r *renderer, base Page, dir string, l Listing, items []T, set func(l *Listing, page []T)) []*Page {
	size, n := r.pageSize, len(items)
	paths := pagePaths(dir, n, size)
	out := make([]*Page, len(paths))
	for i, p := range paths {
		from, to := i*size, min(n, (i+1)*size)
		list := l
		list.Total, list.Page, list.Pages, list.From, list.To = n, i+1, paths, from+1, to
		list.part, list.all = items[from:to], items
		list.items = make([]string, to-from)
		for j, item := range items[from:to] {
			list.items[j] = itemKey(item)
		}
		set(&list, items[from:to])
		page := base
		page.Path, page.List = p, &list
		if i > 0 {
			page.Title += " – trang " + strconv.Itoa(i+1)
		}
		out[i] = &page
	}
	return out
}

// itemKey names a list's item: the path of its page, which no other item shares, or for a
// unit's 766 result, its period's and the unit's.
func itemKey(v any) string {
	if u, ok := v.(*model.UnitScore); ok {
		return pathOf(u.Period) + "#" + u.Agency.Key
	}
	return pathOf(v)
}

// long reports whether a list of n items is too long for a page that sums up a record: it
// then shows summaryRows of them and links to the list's own pages.
func long(n int) bool { return n > summaryRows }
