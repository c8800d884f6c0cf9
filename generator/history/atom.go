package history

import (
	"bytes"
	"encoding/xml"

	"congkhai/generator/schedule"
)

// Feed is an Atom feed of some of the events.
type Feed struct {
	Path     string // from the site root: "ke-hoach/x/atom.xml"
	Scope    string // "site", "register", "plan" or "agency"
	Title    string
	Page     string // the path of the page the feed follows
	Events   []Event
	Author   string
	Fallback schedule.Date // the feed's updated day when it has no event: the as-of day
}

// Links resolve paths for a feed: ID is a stable identifier for a site path (its address
// under the base URL, or a urn), Href the link to it from the feed.
type Links struct {
	ID   func(path string) string
	Href func(from, to string) string
	Page func(v any) string // the path of a model value's page
}

// MaxEntries bounds a feed: readers want the latest changes, the page lists the rest.
const MaxEntries = 100

// Atom writes the feed in the Atom syndication format (RFC 4287): dates from the content
// at the start of the day in Vietnam, entry IDs that do not change from build to build or
// from feed to feed.
func (f Feed) Atom(l Links) []byte {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
		Type string `xml:"type,attr,omitempty"`
	}
	type text struct {
		Type string `xml:"type,attr,omitempty"`
		Body string `xml:",chardata"`
	}
	type category struct {
		Term  string `xml:"term,attr"`
		Label string `xml:"label,attr"`
	}
	type entry struct {
		ID       string   `xml:"id"`
		Title    text     `xml:"title"`
		Updated  string   `xml:"updated"`
		Link     link     `xml:"link"`
		Category category `xml:"category"`
		Summary  text     `xml:"summary"`
	}
	type person struct {
		Name string `xml:"name"`
	}
	type feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Lang    string   `xml:"xml:lang,attr"`
		ID      string   `xml:"id"`
		Title   text     `xml:"title"`
		Updated string   `xml:"updated"`
		Author  person   `xml:"author"`
		Links   []link   `xml:"link"`
		Entries []entry  `xml:"entry"`
	}
	evs := f.Events
	if len(evs) > MaxEntries {
		evs = evs[:MaxEntries]
	}
	updated := f.Fallback
	if len(evs) > 0 {
		updated = evs[0].Date
	}
	out := feed{Lang: "vi", ID: l.ID(f.Path), Title: text{Body: f.Title}, Updated: stamp(updated), Author: person{f.Author},
		Links: []link{{Href: l.Href(f.Path, f.Path), Rel: "self", Type: "application/atom+xml"}, {Href: l.Href(f.Path, f.Page), Rel: "alternate", Type: "text/html"}}}
	for _, e := range evs {
		title := e.Kind.Label() + ": " + e.Title
		summary := e.Summary
		if e.Illustrative {
			summary += " (Dữ liệu minh họa.)"
		}
		out.Entries = append(out.Entries, entry{ID: l.ID(e.Key), Title: text{Body: title}, Updated: stamp(e.Date),
			Link:     link{Href: l.Href(f.Path, l.Page(e.Page)), Rel: "alternate", Type: "text/html"},
			Category: category{string(e.Kind), e.Kind.Label()}, Summary: text{Type: "text", Body: summary}})
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(out); err != nil {
		panic("history: " + err.Error())
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// stamp is a day as an Atom date: its start in Vietnam's time.
func stamp(d schedule.Date) string { return d.String() + "T00:00:00+07:00" }
