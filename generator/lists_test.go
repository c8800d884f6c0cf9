package generator_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"congkhai/generator"
	"congkhai/generator/model"
)

// listPageSize is the page size the tests of lists build with: small, so that a small
// site has lists of many pages, and some of more pages than the navigation shows.
const listPageSize = 2

// paginationFixture writes the incremental tests' site, and what it lacks to have a long
// list of every kind: the An Giang plan (an agency named in more than ten indicators),
// twelve more petitions about one procedure, and twelve more months of 766 results.
func paginationFixture(t *testing.T, dir string) {
	t.Helper()
	incrementalFixture(t, dir)
	for _, d := range []string{"plans", "progress"} {
		copyDir(t, filepath.Join("../content", d, "an-giang-2025-kiem-soat-tthc"), filepath.Join(dir, d, "an-giang-2025-kiem-soat-tthc"))
	}
	petition := mustRead(t, "../content/pakn/2026-001.toml") // about procedure 1.004873
	for i := 1; i <= 12; i++ {
		write(t, filepath.Join(dir, "pakn", fmt.Sprintf("2026-9%02d.toml", i)), petition)
	}
	period := mustRead(t, "../content/chi-so-766/2026-10.toml")
	for m := 1; m <= 12; m++ {
		write(t, filepath.Join(dir, "chi-so-766", fmt.Sprintf("2025-%02d.toml", m)),
			strings.Replace(period, `period = "2026-10"`, fmt.Sprintf(`period = "2025-%02d"`, m), 1))
	}
}

var (
	furtherPageRe = regexp.MustCompile(`^(.*/)?trang-([0-9]+)/index\.html$`)
	pageOfRe      = regexp.MustCompile(`<nav class="pager" aria-label="[^"]+"><p>Trang ([0-9]+)/([0-9]+) · ([0-9.]+)–([0-9.]+) trong ([0-9.]+) `)
	relRe         = regexp.MustCompile(`<a href="([^"]+)" rel="(prev|next)">`)
	itemsRe       = regexp.MustCompile(`(?s)<table class="(?:list[^"]*|tasks)">.*?</table>|<ul class="(?:cards|indicators)">.*?</ul>`)
	rowRe         = regexp.MustCompile(`(?s)<tr[ >].*?</tr>|<li>.*?</li>`)
	firstHrefRe   = regexp.MustCompile(`href="([^"]+)"`)
	theadRe       = regexp.MustCompile(`(?s)<thead>.*?</thead>`)
)

// items are the items a page lists: the rows of its tables of records and the entries of
// its cards and indicators, each named by the target of its first link (site path and
// fragment).
func items(page string, data []byte) []string {
	var out []string
	for _, list := range itemsRe.FindAll(data, -1) {
		list = theadRe.ReplaceAll(list, nil)
		for _, row := range rowRe.FindAll(list, -1) {
			if m := firstHrefRe.FindSubmatch(row); m != nil {
				out = append(out, resolve(page, string(m[1])))
			}
		}
	}
	return out
}

// resolve is the site path (with fragment) of a link on a page.
func resolve(page, link string) string {
	target, frag, _ := strings.Cut(link, "#")
	if target == "" {
		target = page
	} else {
		target = path.Join(path.Dir(page), target)
	}
	if frag != "" {
		return target + "#" + frag
	}
	return target
}

func number(s string) int {
	n, err := strconv.Atoi(strings.ReplaceAll(s, ".", ""))
	if err != nil {
		panic(err)
	}
	return n
}

// No page holds more than a page of a list. Every list longer than a page is cut into
// pages: its first keeps the address the whole list had (dir/index.html), the others are
// dir/trang-N/index.html; each page says where it is and links its neighbours; every
// item of the list is on exactly one page; and the lists hold what the model says. A page
// that sums up a record shows at most ten items of a list, and links to the list's pages
// when it has more. Every link resolves.
func TestListsArePaginated(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	paginationFixture(t, content)
	out := filepath.Join(dir, "public")
	res, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS(content), Out: out, AsOf: asOf, PageSize: listPageSize})
	if err != nil {
		t.Fatal(err)
	}
	site := res.Site
	files := readTree(t, out)
	checkLinks(t, files)

	// Every page with a page navigation belongs to a list of several pages, by folder.
	lists := map[string][]int{}
	for name, data := range files {
		if !bytes.Contains(data, []byte(`<nav class="pager"`)) {
			continue
		}
		dir, n := strings.TrimSuffix(name, "index.html"), 1
		if m := furtherPageRe.FindStringSubmatch(name); m != nil {
			dir, n = m[1], number(m[2])
		}
		lists[dir] = append(lists[dir], n)
	}
	listed := map[string][]string{} // the items of each list, page after page
	longest := 0
	for dir, pages := range lists {
		slices.Sort(pages)
		longest = max(longest, len(pages))
		var all []string
		seen := map[string]string{}
		for i, n := range pages {
			name := dir + "index.html"
			if n > 1 {
				name = dir + "trang-" + strconv.Itoa(n) + "/index.html"
			}
			if n != i+1 {
				t.Errorf("%s: page %d is missing", dir, i+1)
				break
			}
			data := files[name]
			m := pageOfRe.FindSubmatch(data)
			if m == nil {
				t.Errorf("%s does not say which page of its list it is", name)
				continue
			}
			k, of, from, to, total := number(string(m[1])), number(string(m[2])), number(string(m[3])), number(string(m[4])), number(string(m[5]))
			if k != n || of != len(pages) || from != (n-1)*listPageSize+1 || to != min(total, n*listPageSize) || of != (total+listPageSize-1)/listPageSize {
				t.Errorf("%s says: page %d/%d, items %d–%d of %d", name, k, of, from, to, total)
			}
			got := items(name, data)
			if len(got) != to-from+1 {
				t.Errorf("%s: %d items, want %d (%d–%d)", name, len(got), to-from+1, from, to)
			}
			for _, it := range got {
				if other, dup := seen[it]; dup {
					t.Errorf("%s: %s is on %s too", name, it, other)
				}
				seen[it] = name
			}
			all = append(all, got...)
			// The neighbours, by rel, and no more.
			rels := map[string]string{}
			for _, r := range relRe.FindAllSubmatch(data, -1) {
				rels[string(r[2])] = resolve(name, string(r[1]))
			}
			want := map[string]string{}
			if n > 1 {
				want["prev"] = dir + "index.html"
				if n > 2 {
					want["prev"] = dir + "trang-" + strconv.Itoa(n-1) + "/index.html"
				}
			}
			if n < len(pages) {
				want["next"] = dir + "trang-" + strconv.Itoa(n+1) + "/index.html"
			}
			if fmt.Sprint(rels) != fmt.Sprint(want) {
				t.Errorf("%s links %v, want %v", name, rels, want)
			}
			if n == len(pages) && len(all) != total {
				t.Errorf("%s: %d items on its pages, but it says %d", dir, len(all), total)
			}
		}
		if _, ok := files[dir+"trang-"+strconv.Itoa(len(pages)+1)+"/index.html"]; ok {
			t.Errorf("%s: a page after the last", dir)
		}
		listed[dir] = all
	}
	t.Logf("%d lists of several pages, the longest %d pages", len(lists), longest)
	if longest <= 9 {
		t.Errorf("the longest list has %d pages: none tries the navigation's gaps", longest)
	}

	// What the lists hold. A list of one page is read from its only page.
	holds := func(dir string, want []string) {
		t.Helper()
		got, ok := listed[dir]
		if !ok {
			if _, ok := files[dir+"index.html"]; !ok {
				t.Errorf("no list %s", dir)
				return
			}
			got = items(dir+"index.html", files[dir+"index.html"])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s lists %d items, want %d:\n got %v\nwant %v", dir, len(got), len(want), got, want)
		}
	}
	paths := func(n int, f func(i int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	agency := func(a *model.Agency) string { return "co-quan/" + a.Authority.ID + "/" + a.ID + "/" }
	task := func(t *model.Task) string { return "ke-hoach/" + t.Plan.ID + "/" + t.ID + "/index.html" }
	petitions := func(ps []*model.Petition) []string {
		return paths(len(ps), func(i int) string { return "pakn/" + ps[i].ID + "/index.html" })
	}
	procedures := func(ps []*model.Procedure) []string {
		return paths(len(ps), func(i int) string { return "thu-tuc/" + ps[i].Code + "/index.html" })
	}
	agencies := func(as []*model.Agency) []string {
		return paths(len(as), func(i int) string { return agency(as[i]) + "index.html" })
	}
	var plans []*model.Plan
	for _, a := range site.Authorities {
		plans = append(plans, a.Plans...)
	}
	holds("ke-hoach/", paths(len(plans), func(i int) string { return "ke-hoach/" + plans[i].ID + "/index.html" }))
	holds("co-quan/", paths(len(site.Authorities), func(i int) string { return "co-quan/" + site.Authorities[i].ID + "/index.html" }))
	for _, a := range site.Authorities {
		holds("co-quan/"+a.ID+"/", agencies(a.Agencies))
	}
	holds("thu-tuc/", procedures(site.Procedures))
	holds("pakn/", petitions(site.Petitions))
	holds("chi-so-766/", paths(len(site.ScorePeriods), func(i int) string { return "chi-so-766/" + site.ScorePeriods[i].ID + "/index.html" }))
	var withProcedures, withPetitions []string
	for _, a := range site.Agencies {
		if len(a.Procedures) > 0 {
			holds("thu-tuc/"+agency(a), procedures(a.Procedures))
			withProcedures = append(withProcedures, "thu-tuc/"+agency(a)+"index.html")
		}
		if len(a.Petitions) > 0 {
			holds("pakn/"+agency(a), petitions(a.Petitions))
			withPetitions = append(withPetitions, "pakn/"+agency(a)+"index.html")
		}
	}
	holds("thu-tuc/co-quan/", withProcedures)
	holds("pakn/co-quan/", withPetitions)
	aboutOne := 0
	for _, p := range site.Procedures {
		_, ok := files["pakn/thu-tuc/"+p.Code+"/index.html"]
		if ok != (len(p.Petitions) > 10) {
			t.Errorf("procedure %s has %d petitions, and a list of them: %v", p.Code, len(p.Petitions), ok)
		}
		if ok {
			aboutOne++
			holds("pakn/thu-tuc/"+p.Code+"/", petitions(p.Petitions))
		}
		page := "thu-tuc/" + p.Code + "/index.html"
		shown := slices.DeleteFunc(items(page, files[page]), func(it string) bool { return !strings.HasPrefix(it, "pakn/") })
		if len(shown) > 10 {
			t.Errorf("%s shows %d petitions", page, len(shown))
		}
	}
	if aboutOne == 0 {
		t.Error("no procedure has a list of its petitions")
	}

	// An agency's page shows ten items of a list at most, and links to the list's pages
	// when it has more; those hold the whole list.
	kinds := map[string]int{}
	for _, a := range site.Agencies {
		page := agency(a) + "index.html"
		data := files[page]
		for _, l := range []struct {
			name  string
			n     int
			limit int
			want  func() []string
		}{
			{"chu-tri", len(a.Leads), 10, func() []string { return paths(len(a.Leads), func(i int) string { return task(a.Leads[i]) }) }},
			{"phoi-hop", len(a.Cooperates), 10, func() []string {
				return paths(len(a.Cooperates), func(i int) string { return task(a.Cooperates[i]) })
			}},
			{"chi-tieu", len(a.Indicators), 10, func() []string {
				return paths(len(a.Indicators), func(i int) string {
					return "ke-hoach/" + a.Indicators[i].Plan.ID + "/index.html#chi-tieu-" + a.Indicators[i].ID
				})
			}},
			{"truc-thuoc", len(a.Children), 10, func() []string { return agencies(a.Children) }},
			{"chi-so-766", len(a.Scores), 12, func() []string {
				return paths(len(a.Scores), func(i int) string { return "chi-so-766/" + a.Scores[len(a.Scores)-1-i].Period.ID + "/index.html" })
			}},
		} {
			dir := agency(a) + l.name + "/"
			link := bytes.Contains(data, []byte(`href="`+l.name+`/index.html"`))
			_, exists := files[dir+"index.html"]
			if long := l.n > l.limit; link != long || exists != long {
				t.Errorf("%s: %d items of %s; link %v, list %v", page, l.n, l.name, link, exists)
			}
			if exists {
				kinds[l.name]++
				holds(dir, l.want())
			}
		}
		if n := len(items(page, data)); n > 10+10+10+12+10 { // leads, cooperates, indicators, 766, petitions
			t.Errorf("%s shows %d items", page, n)
		}
	}
	t.Logf("agency lists: %v", kinds)
	for _, k := range []string{"chu-tri", "phoi-hop", "chi-tieu", "truc-thuoc", "chi-so-766"} {
		if kinds[k] == 0 {
			t.Errorf("no agency has a list %s/: the fixture does not try it", k)
		}
	}
}
