package render

import (
	"strings"

	"congkhai/generator/history"
	"congkhai/generator/model"
)

// The change history: the "Nhật ký cập nhật" page and the Atom feeds of the whole site, of
// each register, each plan and each agency that has changes. Every one shows the whole
// site's changes on the as-of day (a deadline passing is a change), as the home page does.

const (
	historyDir  = "nhat-ky/"
	historyPath = historyDir + "index.html"
	siteFeed    = historyDir + "atom.xml"
)

// HistoryEvents is how many events the page lists.
const HistoryEvents = 300

func (r *renderer) events() []history.Event {
	r.historyOnce.Do(func() { r.history = history.Events(r.site) })
	return r.history
}

// feeds are the site's Atom feeds, by path; each is made when its file is.
func (r *renderer) feeds() []history.Feed {
	s := r.site
	all := history.Major(r.events())
	author := s.Publisher
	if author == "" {
		author = s.Title
	}
	feed := func(scope, path, title, page string, keep func(history.Event) bool) history.Feed {
		f := history.Feed{Path: path, Scope: scope, Title: title, Page: page, Author: author, Fallback: s.AsOf}
		for _, e := range all {
			if keep(e) {
				f.Events = append(f.Events, e)
			}
		}
		return f
	}
	out := []history.Feed{feed("site", siteFeed, "Nhật ký cập nhật – "+s.Title, historyPath, func(history.Event) bool { return true })}
	for _, reg := range []struct{ id, dir, title string }{
		{"ke-hoach", dirOf(plansPath), "Kế hoạch và tiến độ"}, {"pakn", petitionsDir, "Phản ánh, kiến nghị"}, {"chi-so-766", scoresDir, "Bộ chỉ số 766"},
	} {
		f := feed("register", reg.dir+"atom.xml", reg.title+" – "+s.Title, reg.dir+"index.html", func(e history.Event) bool { return e.Register == reg.id })
		if len(f.Events) > 0 {
			out = append(out, f)
		}
	}
	for _, p := range s.Plans {
		out = append(out, feed("plan", beside(pathOf(p), "atom.xml"), p.ShortTitle, pathOf(p),
			func(e history.Event) bool { return e.Plan == p }))
	}
	for _, a := range s.Agencies {
		f := feed("agency", beside(pathOf(a), "atom.xml"), a.Name, pathOf(a), func(e history.Event) bool { return hasAgency(e, a) })
		if len(f.Events) > 0 {
			out = append(out, f)
		}
	}
	return out
}

func hasAgency(e history.Event, a *model.Agency) bool {
	for _, x := range e.Agencies {
		if x == a {
			return true
		}
	}
	return false
}

// historyOutputs lists the feeds, made from the history page's inputs.
func (s *Set) historyOutputs(pages []*Page) {
	var page *Page
	for _, pg := range pages {
		if pg.Kind == "history" {
			page = pg
		}
	}
	for _, f := range s.r.feeds() {
		f := f
		s.add(&Output{Path: f.Path, Kind: "feed", page: page, make: func() []byte { return f.Atom(s.r.feedLinks()) }})
	}
}

func (r *renderer) feedLinks() history.Links {
	return history.Links{
		ID: func(p string) string {
			if r.baseURL != "" {
				return r.baseURL + "/" + p
			}
			return "urn:congkhai:" + p
		},
		Href: func(from, to string) string {
			if r.baseURL != "" {
				return r.baseURL + "/" + cleanURL(strings.SplitN(to, "#", 2)[0]) + fragment(to)
			}
			return relative(from, to)
		},
		Page: pathOf,
	}
}

func fragment(p string) string {
	if _, f, ok := strings.Cut(p, "#"); ok {
		return "#" + f
	}
	return ""
}

// Events are the latest changes, for the "Nhật ký cập nhật" page.
func (pg *Page) Events() []history.Event { return head(HistoryEvents, history.Major(pg.r.events())) }

// EventCount is how many changes the site has.
func (pg *Page) EventCount() int { return len(history.Major(pg.r.events())) }

// Feeds are the site's feeds, for the page to list.
func (pg *Page) Feeds() []history.Feed { return pg.r.feeds() }
