package render

// PagerLink is one link of a list's pager: a page's number and path, or a gap ("…") for
// the pages left out.
type PagerLink struct {
	N       int
	Path    string
	Current bool
	Gap     bool
}

// pagerReach is how many pages on each side of the current one the pager links.
const pagerReach = 2

// Pager is the links of the list's pager: the first and last pages, the current one and
// pagerReach pages on each side, gaps between. Linking every page would make each page of
// a list of n pages grow with n, and the list with n² (1,006 pages of petitions weighed
// 553 KB each at 100,000 pages).
func (l *Listing) Pager() []PagerLink {
	var links []PagerLink
	last := 0
	near := func(n int) bool {
		return n == 1 || n == len(l.Pages) || n >= l.Page-pagerReach && n <= l.Page+pagerReach
	}
	for n := 1; n <= len(l.Pages); n++ {
		// A gap stands for two pages or more: one page alone is linked instead.
		if !near(n) && !(near(n-1) && near(n+1)) {
			continue
		}
		if n > last+1 {
			links = append(links, PagerLink{Gap: true})
		}
		links = append(links, PagerLink{N: n, Path: l.Pages[n-1], Current: n == l.Page})
		last = n
	}
	return links
}
