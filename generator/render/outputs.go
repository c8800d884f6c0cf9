package render

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"hash/fnv"
	"html/template"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/gohugoio/hashstructure"

	"congkhai/generator/buildid"
	"congkhai/generator/model"
)

// Output is one file of the site: its path, what kind of file it is, and the inputs it is
// made from. Set lists them all; Set.Render makes one.
type Output struct {
	Path string
	Kind string // a page kind ("task", "procedures"…), or "asset"
	page *Page
	file *File         // an asset, made already
	make func() []byte // a data file, made from page's inputs (the page is not rendered)
}

// Set is the list of the site's outputs: every page and asset, each with what it shows, so
// that a build renders only the outputs whose inputs changed, and the preview server
// renders any one by its path. The search index is made apart, whole (SearchFiles), with
// an input hash of its own (SearchHash): the records it holds.
type Set struct {
	r       *renderer
	Outputs []*Output // by path
	byPath  map[string]*Output
	chrome  uint64                 // the hash of what every page shows of the site
	plans   map[*model.Plan]uint64 // the hash of each plan's files and reports

	searchOnce sync.Once
	search     *searchInput
}

// NewSet lists the outputs of site: it reads the theme's templates and static files and
// makes the page list; nothing is rendered yet.
func NewSet(site *model.Site, opts Options) (*Set, error) {
	r := &renderer{site: site, opts: opts, md: newMarkdown(), pages: map[string]*template.Template{}, assets: map[string]string{},
		templateHashes: map[string]uint64{}}
	r.baseURL = strings.TrimSuffix(opts.BaseURL, "/")
	if r.baseURL == "" {
		r.baseURL = strings.TrimSuffix(site.BaseURL, "/")
	}
	r.index = searchEntry
	r.pageSize = cmp.Or(opts.PageSize, DefaultPageSize)
	if opts.Kiosk != nil && r.baseURL == "" {
		return nil, errKioskBaseURL
	}
	if err := r.loadAssets(); err != nil {
		return nil, err
	}
	if err := r.loadTemplates(); err != nil {
		return nil, err
	}
	s := &Set{r: r, byPath: map[string]*Output{}}
	for i := range r.files {
		s.add(&Output{Path: r.files[i].Path, Kind: "asset", file: &r.files[i]})
	}
	pages := r.pageList()
	for _, pg := range pages {
		s.add(&Output{Path: pg.Path, Kind: pg.Kind, page: pg})
	}
	if opts.Kiosk == nil {
		// The open data, the feeds, the addresses for crawlers and the share images are for
		// the public site; the kiosk precaches every file it has, and needs none of them.
		s.openData(pages)
		s.historyOutputs(pages)
		s.crawlOutputs(pages)
		s.shareOutputs(pages)
	}
	slices.SortFunc(s.Outputs, func(a, b *Output) int { return strings.Compare(a.Path, b.Path) })
	s.chrome = s.chromeHash()
	s.plans = map[*model.Plan]uint64{}
	for _, p := range site.Plans {
		h := newHasher("plan")
		for _, f := range planFiles(p) {
			h.file(site, f)
		}
		s.plans[p] = h.sum()
	}
	return s, nil
}

func (s *Set) add(o *Output) {
	s.Outputs = append(s.Outputs, o)
	s.byPath[o.Path] = o
}

// Lookup returns the output at path, or nil.
func (s *Set) Lookup(path string) *Output { return s.byPath[path] }

// Render makes an output's file.
func (s *Set) Render(o *Output) (File, error) {
	if o.file != nil {
		return *o.file, nil
	}
	if o.make != nil {
		return File{Path: o.Path, Data: o.make()}, nil
	}
	return s.r.render(o.page)
}

// SearchFiles makes the search index: its parts, each named by its hash, and its entry.
func (s *Set) SearchFiles() ([]File, error) { return s.searchInput().files(s.r.opts.SearchMemo) }

// SearchHash is the hash of the search index's input: the records it holds, with the
// statuses of the as-of day. Making the records takes a second at 10,000 pages; a build
// that keeps, from one with the same SourcesHash, the SearchHash it found need not.
func (s *Set) SearchHash() uint64 { return s.searchInput().hash() }

// SourcesHash is the hash of what the search index's input is made from: every content
// file and the as-of day.
func (s *Set) SourcesHash() uint64 {
	h := newHasher("search sources")
	h.all(s.r.site)
	h.str(s.r.site.AsOf.String())
	return h.sum()
}

func (s *Set) searchInput() *searchInput {
	s.searchOnce.Do(func() { s.search = searchInputOf(s.r.site, s.r.opts.Texts) })
	return s.search
}

// Hash is the hash of an output's inputs: the version of congkhai, the templates it uses,
// what every page shows of the site, the content files it shows and the facts derived
// from them, and the as-of day if the output depends on it. Two builds that give an output
// the same hash make the same file.
func (s *Set) Hash(o *Output) uint64 {
	h := newHasher(o.Kind)
	h.str(o.Path)
	if o.file != nil {
		h.bytes(o.file.Data)
		return h.sum()
	}
	if o.make == nil {
		for _, name := range s.r.templateNames(o.Kind) {
			h.u64(s.r.templateHashes[name])
		}
		h.u64(s.chrome)
	} else {
		h.str(s.r.baseURL) // a data file is made of its page's facts, with addresses, and no theme
	}
	in := o.page.inputs()
	if in.asOf || s.r.opts.Kiosk != nil { // every page of the kiosk states the as-of day
		h.str(s.r.site.AsOf.String())
	}
	for _, f := range in.files {
		h.file(s.r.site, f)
	}
	for _, p := range in.plans {
		h.str(p.ID)
		h.u64(s.plans[p])
	}
	if in.all {
		h.all(s.r.site)
	}
	for _, v := range in.values {
		h.value(v)
	}
	return h.sum()
}

// chromeHash is the hash of what every page shows of the site besides its own content: the
// site's settings (site.toml), the notice of illustrative data, the navigation, the theme's
// files, the document numbers Markdown links to plans, the base URL, how many items a
// page of a list holds, and the kiosk's settings.
func (s *Set) chromeHash() uint64 {
	site := s.r.site
	h := newHasher("chrome")
	h.file(site, site.SiteFile)
	h.str(s.r.baseURL)
	h.u64(uint64(s.r.pageSize))
	if k := s.r.opts.Kiosk; k != nil {
		h.value(*k)
	}
	h.value(site.IllustrativeKinds)
	h.value([]bool{len(site.Procedures) > 0, len(site.Petitions) > 0, len(site.ScorePeriods) > 0})
	for _, name := range slices.Sorted(mapKeys(s.r.assets)) {
		h.str(name + "=" + s.r.assets[name])
	}
	for _, p := range site.Plans {
		h.str(p.Authority.ID + "|" + p.Document.Number + "|" + p.ID + "|" + p.Title)
	}
	return h.sum()
}

// hasher hashes an output's inputs.
type hasher struct{ h hash.Hash64 }

func newHasher(kind string) *hasher {
	h := &hasher{fnv.New64a()}
	h.u64(buildid.Program()) // a new congkhai renders every output again
	h.str(kind)
	return h
}

func (h *hasher) str(s string) {
	h.u64(uint64(len(s)))
	io.WriteString(h.h, s)
}

func (h *hasher) bytes(b []byte) {
	sum := sha256.Sum256(b)
	h.h.Write(sum[:16])
}

func (h *hasher) u64(v uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	h.h.Write(b[:])
}

// file hashes a content file by its name and the hash of its bytes.
func (h *hasher) file(site *model.Site, name string) {
	h.str(name)
	if sum, ok := site.Sources[name]; ok {
		h.h.Write(sum[:])
	}
}

// all hashes every content file of the site.
func (h *hasher) all(site *model.Site) {
	for _, name := range slices.Sorted(mapKeys(site.Sources)) {
		h.file(site, name)
	}
}

// value hashes a derived fact (package hashstructure).
func (h *hasher) value(v any) {
	sum, err := hashstructure.Hash(v, nil)
	if err != nil {
		panic(fmt.Sprintf("render: cannot hash %T: %v", v, err)) // only our own plain types are hashed
	}
	h.u64(sum)
}

func (h *hasher) sum() uint64 {
	if v := h.h.Sum64(); v != 0 {
		return v
	}
	return 1 // 0 means "no inputs" to package publish
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
