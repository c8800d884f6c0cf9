package render

import (
	"bytes"
	"encoding/xml"
	"html/template"
	"path"
	"strings"

	"congkhai/generator/model"
	"congkhai/generator/schedule"
)

// Search engines and re-users: sitemap.xml (with a base URL, as sitemaps hold absolute
// addresses), robots.txt, and, at each address a task had under an ID it no longer has
// (the task's aliases), a page that sends the reader on to it, so that old links keep
// working.

const (
	sitemapPath = "sitemap.xml"
	robotsPath  = "robots.txt"
)

// crawlOutputs lists robots.txt, sitemap.xml and the redirect pages. robots.txt and the
// sitemap show the list of pages, with the days their content last changed.
func (s *Set) crawlOutputs(pages []*Page) {
	var home, none *Page
	for _, pg := range pages {
		switch pg.Kind {
		case "home":
			home = pg
		case "404": // shows nothing of the content: robots.txt depends on the base URL only
			none = pg
		}
	}
	s.add(&Output{Path: robotsPath, Kind: "robots", page: none, make: s.r.robots})
	if s.r.baseURL != "" {
		s.add(&Output{Path: sitemapPath, Kind: "sitemap", page: home, make: func() []byte { return s.r.sitemap(pages) }})
	}
	for _, pg := range pages {
		if pg.Kind != "task" {
			continue
		}
		t := pg.Task
		for _, alias := range t.Aliases {
			old := "ke-hoach/" + t.Plan.ID + "/" + alias + "/index.html"
			pg := pg
			s.add(&Output{Path: old, Kind: "redirect", page: pg, make: func() []byte { return s.r.redirect(old, pg) }})
		}
	}
}

func (r *renderer) robots() []byte {
	b := "User-agent: *\nAllow: /\n"
	if r.baseURL != "" {
		b += "Sitemap: " + r.baseURL + "/" + sitemapPath + "\n"
	}
	return []byte(b)
}

// sitemap lists every page but the 404 and the search page, at its permanent address, with
// the last day its content changed where the content dates it.
func (r *renderer) sitemap(pages []*Page) []byte {
	type url struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []url    `xml:"url"`
	}
	var set urlset
	for _, pg := range pages {
		if pg.Kind == "404" || pg.Kind == "search" || !strings.HasSuffix(pg.Path, ".html") {
			continue
		}
		set.URLs = append(set.URLs, url{Loc: r.baseURL + "/" + cleanURL(pg.Path), LastMod: lastMod(pg).String()})
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(set); err != nil {
		panic("render: sitemap: " + err.Error())
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// lastMod is the last day a record page's content changed, as its dates tell: a plan's
// document or its latest report, a task's latest report, a petition's answer, a 766 period's
// last day counted; zero where the content carries no date.
func lastMod(pg *Page) schedule.Date {
	latest := func(ds ...schedule.Date) (d schedule.Date) {
		for _, x := range ds {
			if x.After(d) {
				d = x
			}
		}
		return d
	}
	taskDate := func(t *model.Task) schedule.Date {
		if r := t.LatestReport(); r != nil {
			return latest(r.Date, t.Plan.Document.Date)
		}
		return t.Plan.Document.Date
	}
	switch {
	case pg.Kind == "task":
		return taskDate(pg.Task)
	case pg.Kind == "plan":
		d := pg.Plan.Document.Date
		for _, t := range pg.Plan.Tasks {
			d = latest(d, taskDate(t))
		}
		return d
	case pg.Kind == "petition":
		return latest(pg.Petition.Received, pg.Petition.Answered)
	case pg.Kind == "score-period":
		return pg.Period.Through
	}
	return schedule.Date{}
}

var redirectPage = template.Must(template.New("redirect").Parse(`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Nhiệm vụ đã chuyển địa chỉ</title>
<meta http-equiv="refresh" content="0; url={{.Link}}">
<link rel="canonical" href="{{.Canonical}}">
<meta name="robots" content="noindex">
</head>
<body>
<p>Nhiệm vụ này nay ở địa chỉ mới: <a href="{{.Link}}">{{.Title}}</a>.</p>
</body>
</html>
`))

// redirect is the page left at a task's old address, sending the reader to its page.
func (r *renderer) redirect(old string, to *Page) []byte {
	link := relative(old, to.Path)
	if link == "" || strings.HasSuffix(link, "/") {
		link = path.Join(link, "index.html")
	}
	canonical := link
	if r.baseURL != "" {
		canonical = r.baseURL + "/" + cleanURL(to.Path)
	}
	var b bytes.Buffer
	if err := redirectPage.Execute(&b, struct{ Link, Canonical, Title string }{link, canonical, to.Title}); err != nil {
		panic("render: redirect: " + err.Error())
	}
	return b.Bytes()
}
