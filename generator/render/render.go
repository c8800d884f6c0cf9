// Package render turns the model into the files of the site: HTML pages from html/template
// templates, and the theme's static files. It is the "render" stage of a build; it does
// not write to disk (package publish does) and it does not read content.
//
// Templates come from an fs.FS holding base.html (the layout, which defines the blocks
// "title" and "main"), partials.html (shared definitions) and one file per page kind
// (home.html, plans.html, plan.html, task.html, agencies.html, authority.html, agency.html,
// agency-list.html, method.html,
// 404.html, procedures.html, procedure.html, petitions.html, petition.html,
// register-agencies.html, scores.html, score-period.html, search.html). A theme overrides any of them by providing a file of the same name.
// The kiosk variant of the site (kiosk.go) lays the same pages out with kiosk-base.html,
// and has its own home (kiosk-home.html) and search page (kiosk-search.html).
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"

	"congkhai/generator/history"
	"congkhai/generator/markdown"
	"congkhai/generator/model"
	"congkhai/generator/opendata"
	"congkhai/generator/parallel"
	"congkhai/generator/schedule"
	"congkhai/generator/search"
	"congkhai/generator/vocab"
)

// File is one output file.
type File struct {
	Path    string // slash-separated, relative to the output root
	Data    []byte
	Compact bool // written compact already: not to be minified (the search index's parts)
}

// Options control rendering.
type Options struct {
	Templates  fs.FS        // the theme's templates
	Static     fs.FS        // the theme's static files, copied under assets/ with a content hash in the name of each
	BaseURL    string       // absolute URL of the site root, for permanent links; may be empty
	Texts      *Texts       // plain texts kept from the last build; may be nil
	SearchMemo *search.Memo // the search index's pages as the last build indexed them; may be nil
	PageSize   int          // the items a page of a list holds; 0 is DefaultPageSize (tests make it small)
	// Kiosk, if set, makes the kiosk variant of the site instead of the site: the same
	// pages for a touch screen in a public office (kiosk.go).
	Kiosk *Kiosk
}

type renderer struct {
	summaries sync.Map // variant -> uint64: summaryHash
	site      *model.Site
	opts      Options
	md        goldmark.Markdown
	pages     map[string]*template.Template // page kind -> template set
	assets    map[string]string             // static name -> hashed output path
	files     []File
	baseURL   string
	index     string // path of the search index's entry file
	// pageSize is the items a page of a list holds.
	pageSize int
	// withProcedures and withPetitions are the agencies that have some, in the site's order.
	withProcedures, withPetitions []*model.Agency
	// templateHashes are the hashes of the templates' texts, by file name: a page is made
	// again when a template it uses changes.
	templateHashes map[string]uint64
	// The open datasets and the JSON beside each record's page, made on first need.
	dataOnce   sync.Once
	data       []*opendata.Dataset
	recordJSON opendata.Records
	// The site's changes, made on first need.
	historyOnce sync.Once
	history     []history.Event
	// kioskWorker is the source of the kiosk's service worker (static/kiosk-sw.js).
	kioskWorker []byte
}

// Site renders every page and asset of site, and its search index.
func Site(site *model.Site, opts Options) ([]File, error) {
	set, err := NewSet(site, opts)
	if err != nil {
		return nil, err
	}
	// Pages are independent: render them on every core, each into its own slot.
	files := make([]File, len(set.Outputs))
	if err := parallel.Do(len(set.Outputs), func(i int) error {
		var err error
		files[i], err = set.Render(set.Outputs[i])
		return err
	}); err != nil {
		return nil, err
	}
	index, err := set.SearchFiles()
	if err != nil {
		return nil, err
	}
	files = append(files, index...)
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

// pageList is every page of the site.
func (r *renderer) pageList() []*Page {
	s := r.site
	for _, a := range s.Agencies {
		if len(a.Procedures) > 0 {
			r.withProcedures = append(r.withProcedures, a)
		}
		if len(a.Petitions) > 0 {
			r.withPetitions = append(r.withPetitions, a)
		}
	}
	pages := []*Page{
		{Kind: "home", Path: homePath, Title: "Trang chủ"},
		{Kind: "method", Path: methodPath, Title: "Cách tính trạng thái"},
		{Kind: "search", Path: searchPath, Title: "Tìm kiếm"},
		{Kind: "404", Path: notFoundPath, Title: "Không tìm thấy trang"},
	}
	if r.opts.Kiosk == nil {
		// For re-users and readers at home: a kiosk keeps to its counter.
		pages = append(pages, &Page{Kind: "data", Path: dataPath, Title: "Dữ liệu mở"},
			&Page{Kind: "history", Path: historyPath, Title: "Nhật ký cập nhật"})
	}
	pages = append(pages, r.planLists()...)
	for _, p := range s.Plans {
		pages = append(pages, &Page{Kind: "plan", Path: pathOf(p), Title: p.Title, Plan: p, Authority: p.Authority})
		for _, t := range p.Tasks {
			pages = append(pages, &Page{Kind: "task", Path: pathOf(t), Title: taskName(t), Plan: p, Task: t, Authority: p.Authority})
		}
	}
	pages = append(pages, r.authorityPages()...)
	for _, a := range s.Agencies {
		pages = append(pages, r.agencyPages(a)...)
	}
	pages = append(pages, r.registerPages()...)
	for _, pg := range pages {
		pg.Site, pg.r = s, r
	}
	return pages
}

// TaskName says what a task is, in at most taskNameMax characters: the first sentence of its
// content without asides in parentheses, cut at a word when longer, and ending in "…" when
// cut. The task's page heading, its <title>, its search result and the links that name it
// elsewhere all use it, so they agree. whole reports that the name is the whole content, so
// a page need not show the content again.
func TaskName(t *model.Task) (name string, whole bool) {
	text := markdown.Text(t.Content)
	first, rest, _ := strings.Cut(text, "\n")
	first = strings.Join(strings.Fields(first), " ")
	name = shortName(first, taskNameMax)
	return name, name == strings.TrimRight(first, ".") && strings.TrimSpace(rest) == ""
}

// taskNameMax is the longest a task's name may be, in characters.
const taskNameMax = 100

// taskName is TaskName's name alone.
func taskName(t *model.Task) string {
	name, _ := TaskName(t)
	return name
}

// TaskNumber is how a plan numbers a task: "Nhiệm vụ IX.1", the number of its section and
// its own, as printed.
func TaskNumber(t *model.Task) string {
	n := strings.TrimSuffix(t.STT, ".")
	if s := strings.TrimSuffix(t.Section.Number, "."); s != "" && !strings.HasPrefix(n, s+".") {
		n = s + "." + n
	}
	return "Nhiệm vụ " + n
}

// shortName shortens a Vietnamese text to at most max characters for a title: it drops
// asides in parentheses, keeps the first sentence or clause (up to ". " or "; ") when that
// says enough, and otherwise cuts at a word, never after a word that needs the next one
// ("của", "và"…), ending in "…". A text that fits is returned without its final period.
func shortName(text string, max int) string {
	const enough = 24 // a clause this long says what the task is
	text = strings.TrimSpace(text)
	if i := strings.IndexByte(text, '('); i >= enough {
		text = strings.TrimRight(text[:i], " ,;:–-")
	}
	cut := false
	for _, sep := range []string{". ", "; ", ": "} {
		if i := strings.Index(text, sep); i >= enough && utf8.RuneCountInString(text) > max {
			text, cut = text[:i], true
		}
	}
	text = strings.TrimRight(text, ".:;, ")
	if utf8.RuneCountInString(text) <= max && !cut {
		return text
	}
	words := strings.Fields(text)
	if utf8.RuneCountInString(text) > max-1 {
		// The words that fit, then back to before a word that opens a phrase ("trên",
		// "của"…) in their second half: "… kiểm soát TTHC…", not "… trên Hệ thống báo…".
		n := 0
		for i, w := range words {
			if n += utf8.RuneCountInString(w) + 1; n > max {
				words = words[:i]
				break
			}
		}
		for i := len(words) - 1; i > len(words)/2; i-- {
			if phraseWords[strings.ToLower(words[i])] {
				words = words[:i]
				break
			}
		}
	}
	for len(words) > 1 {
		last := strings.ToLower(strings.TrimRight(words[len(words)-1], ",;:–-"))
		if !danglingWords[last] && last != "" {
			break
		}
		words = words[:len(words)-1]
	}
	text = strings.Join(words, " ")
	if i := strings.LastIndexByte(text, '('); i > 0 && !strings.Contains(text[i:], ")") {
		text = strings.TrimSpace(text[:i])
	}
	return strings.TrimRight(text, " ,;:–-.") + "…"
}

// danglingWords are words a shortened title may not end on: they need what follows.
// phraseWords open a phrase (prepositions, conjunctions): a good place to cut before.
var danglingWords, phraseWords = words("và của về trong các những cho với theo tại để đối trên từ đến là được có hoặc hay nhằm thuộc ở do bởi khi sau trước một số cấp đã đang sẽ không chưa như qua tới giữa vào ra bằng mà thì nên phải việc công tác"),
	words("và hoặc hay của về trong trên tại theo cho với để đối từ đến nhằm thuộc qua bằng do khi sau trước giữa vào")

func words(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// plainText is what a page shows of a Markdown text, on one line: for titles and the search
// index, which must hold what the pages show (decoded, without raw HTML), nothing else.
func plainText(md string) string {
	return strings.Join(strings.Fields(markdown.Text(md)), " ")
}

func (r *renderer) loadAssets() error {
	return fs.WalkDir(r.opts.Static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(name, ".go") {
			return err
		}
		if !r.assetOfVariant(name) {
			return nil
		}
		data, err := fs.ReadFile(r.opts.Static, name)
		if err != nil {
			return err
		}
		if r.opts.Kiosk != nil && name == kioskWorkerSource {
			r.kioskWorker = data // written at the kiosk's root, not under assets/
			return nil
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		out := AssetsDir + "/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		r.assets[name] = out
		r.files = append(r.files, File{Path: out, Data: data})
		return nil
	})
}

var pageKinds = []string{"home", "plans", "plan", "task", "agencies", "authority", "agency", "agency-list", "method", "404", "data", "history",
	"procedures", "procedure", "petitions", "petition", "register-agencies", "scores", "score-period", "search"}

// asset is the content of a static file of the theme, or nil.
func (r *renderer) asset(name string) []byte {
	for _, f := range r.files {
		if f.Path == r.assets[name] {
			return f.Data
		}
	}
	return nil
}

func (r *renderer) loadTemplates() error {
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(r.opts.Templates, name)
		if err != nil {
			return "", fmt.Errorf("mẫu trang %s: %w", name, err)
		}
		h := fnv.New64a()
		h.Write(b)
		r.templateHashes[name] = h.Sum64()
		return string(b), nil
	}
	texts := map[string]string{}
	for _, kind := range pageKinds {
		names := r.templateNames(kind)
		t := template.New(names[0]).Funcs(funcs)
		for _, name := range names {
			text, ok := texts[name]
			if !ok {
				var err error
				if text, err = read(name); err != nil {
					return err
				}
				texts[name] = text
			}
			var err error
			if t, err = t.New(name).Parse(text); err != nil {
				return fmt.Errorf("mẫu trang: %w", err)
			}
		}
		r.pages[kind] = t
	}
	return nil
}

// templateNames are the templates a page of kind is made of, the layout first: base.html,
// partials.html and the kind's own, or, for the kiosk, their kiosk variants (kiosk.go).
func (r *renderer) templateNames(kind string) []string {
	if r.opts.Kiosk != nil {
		return kioskTemplates(kind)
	}
	return []string{"base.html", "partials.html", kind + ".html"}
}

func (r *renderer) render(pg *Page) (File, error) {
	var buf bytes.Buffer
	names := r.templateNames(pg.Kind)
	if err := r.pages[pg.Kind].ExecuteTemplate(&buf, names[0], pg); err != nil {
		return File{}, fmt.Errorf("trang %s: %w", pg.Path, err)
	}
	data := buf.Bytes()
	if r.opts.Kiosk != nil {
		data = kioskLinks(data)
	}
	return File{Path: pg.Path, Data: data}, nil
}

// Page is what a template sees: the page and, through Site, the whole model.
type Page struct {
	Kind, Path, Title string
	Site              *model.Site
	Plan              *model.Plan   // plan and task pages
	Task              *model.Task   // task pages
	Agency            *model.Agency // agency pages
	Procedure         *model.Procedure
	Petition          *model.Petition
	Period            *model.ScorePeriod
	List              *Listing         // list pages of the registers
	Authority         *model.Authority // whose document numbers link on this page
	r                 *renderer
	in                *inputs // what the page shows, listed on first need
}

// TaskNamedWhole reports whether a task page's heading, the task's name, is its whole
// content, which the page then need not repeat.
func (pg *Page) TaskNamedWhole() bool {
	_, whole := TaskName(pg.Task)
	return whole
}

// titleMax is the longest a page's <title> may be, in characters: longer ones are cut in
// search engines' results and tabs (html-validate's long-title rule).
const titleMax = 70

// HeadTitle is the page's <title>: its title and the site's, or when that is too long its
// title alone (a plan's short title for a plan), shortened at a word when it still is. A
// page of a list keeps its "– trang N".
func (pg *Page) HeadTitle() string {
	title, page := pg.Title, ""
	if i := strings.LastIndex(title, " – trang "); i >= 0 && pg.List != nil {
		title, page = title[:i], title[i:]
	}
	if pg.Plan != nil && pg.Task == nil && utf8.RuneCountInString(title+page) > titleMax && pg.Plan.ShortTitle != "" {
		title = pg.Plan.ShortTitle
	}
	if full := title + page + " – " + pg.Site.Title; utf8.RuneCountInString(full) <= titleMax {
		return full
	}
	if utf8.RuneCountInString(title+page) <= titleMax {
		return title + page
	}
	return shortName(title, titleMax-utf8.RuneCountInString(page)) + page
}

// SearchIndex is the link from this page to the search index's entry file.
func (pg *Page) SearchIndex() string { return pg.link(pg.r.index) }

// URL is the link from this page to v: a model object or a site-relative file path.
func (pg *Page) URL(v any) string { return pg.link(pathOf(v)) }

// Asset is the link to a static file of the theme.
func (pg *Page) Asset(name string) (string, error) {
	p, ok := pg.r.assets[name]
	if !ok {
		return "", fmt.Errorf("không có tệp tĩnh %q", name)
	}
	return pg.link(p), nil
}

// Standalone reports whether the page must work at any address without knowing the site's:
// the "not found" page of a site without a base URL, which a host serves at whatever
// address was missing. It carries its stylesheet and icon, and a script that finds the
// site's root (RootScript).
func (pg *Page) Standalone() bool { return pg.Kind == "404" && pg.r.baseURL == "" }

// InlineStyle is the theme's stylesheet, for a standalone page.
func (pg *Page) InlineStyle() template.CSS { return template.CSS(pg.r.asset("style.css")) }

// RootScript finds, in the browser, the site's root from the address a standalone page is
// served at, and makes it the page's base: the root is what precedes the first folder of the
// site in the address (ke-hoach/, co-quan/…), else the address's folder or the nearest
// above it that holds 404.html. Then it loads the icon and the search script from there.
// The page's links are written from the root, so without JavaScript they work where the
// page sits at the root (a missing address at the top level, or the file opened from disk).
func (pg *Page) RootScript() template.JS {
	var tops []string
	for _, p := range sections {
		if top, _, ok := strings.Cut(p, "/"); ok {
			tops = append(tops, regexp.QuoteMeta(top))
		}
	}
	slices.Sort(tops)
	tops = slices.Compact(append(tops, AssetsDir, regexp.QuoteMeta(notFoundPath)))
	js := `(function(d,l){var p=l.pathname,m=p.match(/^(.*?\/)(?:` + strings.Join(tops, "|") + `)(?:\/|$)/),` +
		`r=m?m[1]:p.replace(/[^\/]*$/,""),b=d.createElement("base"),i=d.createElement("link");b.href=r;i.rel="icon";i.setAttribute("href","data:,");d.head.append(b,i);` +
		`function go(r){b.href=r;var s=d.createElement("script");i.type="image/svg+xml";` +
		`i.href=r+` + strconv.Quote(pg.r.assets["favicon.svg"]) + `;s.src=r+` + strconv.Quote(pg.r.assets["search.js"]) + `;d.head.appendChild(s)}` +
		`if(m||!/^https?:$/.test(l.protocol)){go(r);return}` +
		`(function t(c){fetch(c+"` + notFoundPath + `",{method:"HEAD"}).then(function(x){if(!x.ok)throw 0;go(c)}).catch(function(){` +
		`var u=c.replace(/[^\/]*\/$/,"");u&&u!==c?t(u):go(r)})})(r)})(document,location)`
	return template.JS(js)
}

// link is the link from this page to a file of the site. Links are relative, except on
// the "not found" page when the base URL is known: a host serves that page at whatever
// address was missing, so relative links would resolve against the wrong folder. The
// kiosk's are relative too: its base URL is the public site's, another host, and its
// service worker sends a missing address to 404.html itself.
func (pg *Page) link(target string) string {
	if pg.Kind == "404" && pg.r.baseURL != "" && pg.r.opts.Kiosk == nil {
		return pg.r.baseURL + "/" + cleanURL(target)
	}
	return relative(pg.Path, target)
}

// Permalink is the permanent address of this page: absolute when the site has a base URL,
// otherwise the path from the site root.
func (pg *Page) Permalink() string { return pg.r.baseURL + "/" + cleanURL(pg.Path) }

// HasBaseURL reports whether permanent links are absolute.
func (pg *Page) HasBaseURL() bool { return pg.r.baseURL != "" }

// Markdown renders a Markdown block in the context of this page.
func (pg *Page) Markdown(s string) template.HTML { return pg.r.markdown(pg, s) }

// Inline renders a short Markdown text without its paragraph.
func (pg *Page) Inline(s string) template.HTML { return pg.r.inline(pg, s) }

// Statuses lists the statuses in display order.
func (pg *Page) Statuses() []vocab.TaskStatus { return vocab.TaskStatuses() }

// RuleExamples are the days the "Cách tính" page's examples fall on under the site's rules:
// a quarterly task's Q1 2024 report is due by QuarterDue and missing from QuarterMissing; a
// task "Thường xuyên trong năm 2022" without a report is missing from YearMissing; a report
// of work under way dated 15/01/2024 is fresh through FreshThrough.
func (pg *Page) RuleExamples() (e struct{ QuarterDue, QuarterMissing, YearMissing, FreshThrough schedule.Date }) {
	rules := pg.Site.StatusRules
	q1, _ := schedule.ParsePeriodKey("2024-Q1")
	y, _ := schedule.ParsePeriodKey("2022")
	e.QuarterMissing, e.YearMissing = rules.MissingFrom(q1), rules.MissingFrom(y)
	e.QuarterDue = e.QuarterMissing.AddDays(-1)
	e.FreshThrough = rules.StaleFrom(schedule.D(2024, 1, 15)).AddDays(-1)
	return e
}

// Current reports whether the navigation entry for path is this page or an ancestor of it.
func (pg *Page) Current(p string) bool {
	if p == homePath {
		return pg.Path == homePath
	}
	return strings.HasPrefix(pg.Path, strings.TrimSuffix(p, "index.html"))
}

// Overdue lists the site's overdue tasks, oldest due day first.
func (pg *Page) Overdue() []*model.Task {
	var out []*model.Task
	for _, p := range pg.Site.Plans {
		for _, t := range p.Tasks {
			if t.Status() == vocab.TaskOverdue {
				out = append(out, t)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *model.Task) int { return a.Assessment.Due.Compare(b.Assessment.Due) })
	return out
}
