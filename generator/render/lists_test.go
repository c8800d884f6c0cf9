package render

import (
	"fmt"
	"testing"
)

// The page navigation of a list of any length links the first and last pages and the
// neighbours of the current one, stays short, and reaches any page in a few steps.
func TestNavIsShortAndReachesEveryPage(t *testing.T) {
	for _, n := range []int{1, 2, 9, 10, 11, 37, 100, 101, 999, 1000, 2345} {
		paths := pagePaths("x/", n*3, 3)
		if len(paths) != n {
			t.Fatalf("%d items in pages of 3: %d pages, want %d", n*3, len(paths), n)
		}
		links := make([][]int, n+1) // page -> the pages it links
		for cur := 1; cur <= n; cur++ {
			l := &Listing{Page: cur, Pages: paths}
			nav := l.Nav()
			if n == 1 {
				if nav != nil {
					t.Errorf("a list of one page has a navigation: %v", nav)
				}
				continue
			}
			where := fmt.Sprintf("%d pages, page %d", n, cur)
			if len(nav) > 5+4*len(fmt.Sprint(n)) {
				t.Errorf("%s: %d entries", where, len(nav))
			}
			prev, current := 0, 0
			for i, e := range nav {
				if e.Gap() {
					if i == 0 || i == len(nav)-1 || nav[i-1].Gap() {
						t.Errorf("%s: a gap at %d of %v", where, i, nav)
					}
					continue
				}
				if e.Number <= prev || e.Path != paths[e.Number-1] {
					t.Errorf("%s: entry %v after page %d", where, e, prev)
				}
				if i > 0 && !nav[i-1].Gap() && e.Number != prev+1 {
					t.Errorf("%s: pages %d and %d without a gap between", where, prev, e.Number)
				}
				prev = e.Number
				if e.Current {
					current = e.Number
				}
				links[cur] = append(links[cur], e.Number)
			}
			if current != cur || nav[0].Number != 1 || nav[len(nav)-1].Number != n {
				t.Errorf("%s: %v", where, nav)
			}
			for _, near := range []int{cur - 2, cur - 1, cur + 1, cur + 2} {
				if near >= 1 && near <= n && !contains(links[cur], near) {
					t.Errorf("%s: no link to page %d", where, near)
				}
			}
			if (cur > 1) != (l.Prev() != "") || (cur < n) != (l.Next() != "") {
				t.Errorf("%s: prev %q, next %q", where, l.Prev(), l.Next())
			}
		}
		// From any page, every other is a few clicks away: a few for each digit of the
		// number of pages (8 clicks in 100 pages, 12 in 1,000).
		for from := 1; from <= n; from += max(1, n/7) {
			steps := map[int]int{from: 0}
			queue := []int{from}
			for len(queue) > 0 {
				p := queue[0]
				queue = queue[1:]
				for _, q := range links[p] {
					if _, seen := steps[q]; !seen {
						steps[q] = steps[p] + 1
						queue = append(queue, q)
					}
				}
			}
			worst := 0
			for p := 1; p <= n; p++ {
				s, ok := steps[p]
				if !ok {
					t.Fatalf("%d pages: page %d cannot be reached from page %d", n, p, from)
				}
				worst = max(worst, s)
			}
			if bound := 4 + 4*len(fmt.Sprint(n-1)); worst > bound {
				t.Errorf("%d pages: from page %d, a page is %d clicks away", n, from, worst)
			}
		}
	}
}

func contains(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
