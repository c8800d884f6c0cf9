package render

import (
	"fmt"
	"strings"
	"testing"
)

func TestPagerLinksAWindow(t *testing.T) {
	pages := func(n int) []string {
		p := make([]string, n)
		for i := range p {
			p[i] = fmt.Sprintf("trang-%d/index.html", i+1)
		}
		return p
	}
	show := func(links []PagerLink) string {
		var b strings.Builder
		for _, l := range links {
			switch {
			case l.Gap:
				b.WriteString(" …")
			case l.Current:
				fmt.Fprintf(&b, " [%d]", l.N)
			default:
				fmt.Fprintf(&b, " %d", l.N)
			}
			if !l.Gap && l.Path != fmt.Sprintf("trang-%d/index.html", l.N) {
				t.Errorf("page %d links %s", l.N, l.Path)
			}
		}
		return strings.TrimSpace(b.String())
	}
	for _, c := range []struct {
		n, page int
		want    string
	}{
		{1, 1, "[1]"},
		{3, 2, "1 [2] 3"},
		{7, 1, "[1] 2 3 … 7"},
		{7, 4, "1 2 3 [4] 5 6 7"},
		{1006, 500, "1 … 498 499 [500] 501 502 … 1006"},
		{1006, 1006, "1 … 1004 1005 [1006]"},
		{9, 5, "1 2 3 4 [5] 6 7 8 9"},
		{9, 6, "1 … 4 5 [6] 7 8 9"},
	} {
		l := &Listing{Page: c.page, Pages: pages(c.n)}
		if got := show(l.Pager()); got != c.want {
			t.Errorf("%d pages, page %d: %q, want %q", c.n, c.page, got, c.want)
		}
	}
}
