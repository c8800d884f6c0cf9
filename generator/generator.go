// Package generator builds a congkhai site. Build runs the pipeline, one stage after the
// other, each reporting its errors under its own name:
//
//	load      content files -> raw records with positions     (package content)
//	validate  records against the schema and each other       (package content)
//	model     the typed site with every derived fact          (package model)
//	render    pages and assets                                (package render)
//	write     minify, write into a fresh folder, swap in      (package publish)
//
// Nothing after "model" reads content; nothing before "render" knows about HTML.
package generator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // the as-of day is taken in Asia/Ho_Chi_Minh on any machine

	"congkhai/generator/cache"
	"congkhai/generator/content"
	"congkhai/generator/diag"
	"congkhai/generator/model"
	"congkhai/generator/parallel"
	"congkhai/generator/publish"
	"congkhai/generator/render"
	"congkhai/generator/schedule"
	"congkhai/static"
	"congkhai/templates"
)

// Options configure a build.
type Options struct {
	Content   fs.FS         // the content directory
	Out       string        // the output directory (replaced as a whole)
	AsOf      schedule.Date // the day the figures are as of ("số liệu đến ngày")
	BaseURL   string        // absolute URL of the site root, for permanent links; optional
	Templates fs.FS         // overrides of the default templates, file by file; optional
	Static    fs.FS         // overrides of the default static files, file by file; optional
	Warn      func(string)  // told what was repaired of earlier, interrupted builds; optional
	// PageSize is how many items a page of a list holds; 0 is render.DefaultPageSize. The
	// tests make it small, so that a small site has lists of many pages.
	PageSize int
	// Clean writes the whole site, as if nothing had been published, and decodes every
	// content file; otherwise a build writes only the files whose bytes changed (see
	// package publish) and decodes only the content files changed since the last.
	Clean bool
	// OutPrivate says that nothing but these builds writes into Out (the preview server's
	// folder), so a build need not read Out to find files changed by hand.
	OutPrivate bool
	// Cache is kept from one build to the next by a program that builds many times (the
	// preview server); if nil, the build reads and writes the cache file beside Out.
	Cache *Cache
	// Kiosk builds the kiosk variant of the site into Out instead of the site: the same
	// pages for a touch screen, kept offline by a service worker (kiosk.go). It needs the
	// base URL, the public site's, for the QR code of every page.
	Kiosk bool
}

// Result describes a finished build.
type Result struct {
	Site    *model.Site
	Stats   publish.Stats
	Decoded int // content files decoded, being new or changed (the others came from the cache)
	// RenderedPaths are the outputs made, their inputs having changed (the others were
	// kept), sorted; search parts are named by their bytes' hash.
	RenderedPaths []string
	Duration      time.Duration
	Stages        []Stage // the time each stage took, in order
}

// Stage is the time a stage of the pipeline took.
type Stage struct {
	Name     string // "load", "validate", "model", "render", "search", "write"
	Duration time.Duration
}

// stages times the stages of a build, one after the other.
type stages struct {
	list []Stage
	last time.Time
}

func (s *stages) done(name string) {
	now := time.Now()
	s.list = append(s.list, Stage{name, now.Sub(s.last)})
	s.last = now
}

// put hands a rendered file to the session.
func put(sess *publish.Session, f render.File, in uint64) error {
	if err := sess.Put(publish.File{Path: f.Path, Data: f.Data, Raw: f.Compact}, in); err != nil {
		return fmt.Errorf("ghi: %w", err)
	}
	return nil
}

// Check runs the stages that read content (load, validate, model) and returns every
// problem found. It writes nothing.
func Check(ctx context.Context, opts Options) (*model.Site, error) {
	site, _, err := check(ctx, opts, nil, &stages{last: time.Now()})
	return site, err
}

// check returns the model of the content, and the [kiosk] settings of its site.toml.
func check(ctx context.Context, opts Options, c *Cache, st *stages) (*model.Site, content.KioskSettings, error) {
	// Validate what could be read even when some could not, so the user sees every problem
	// at once.
	var cc *content.Cache
	var mc *model.Cache
	if c != nil {
		cc, mc = c.content, c.model
	}
	set, err := content.LoadCached(opts.Content, cc)
	st.done("load")
	var errs diag.List
	errs.Append(diag.Prefix("đọc", err))
	errs.Append(diag.Prefix("kiểm tra", content.Validate(set, checkPeriod)))
	st.done("validate")
	if err := errs.Err(); err != nil {
		return nil, content.KioskSettings{}, err
	}
	if err := ctx.Err(); err != nil {
		return nil, content.KioskSettings{}, err
	}
	site := model.NewCached(set, opts.AsOf, mc)
	st.done("model")
	var kiosk content.KioskSettings
	if set.Site != nil {
		kiosk = set.Site.Kiosk
	}
	return site, kiosk, nil
}

func checkPeriod(key string) error {
	p, err := schedule.ParsePeriodKey(key)
	if err == nil && (!content.InYears(p.Start.Year) || !content.InYears(p.End.Year)) {
		err = fmt.Errorf("period %q: outside the years of content", key)
	}
	return err
}

// Build runs the whole pipeline and publishes the site into opts.Out.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	// First, whether this build succeeds or not: repair what interrupted builds left.
	if err := publish.Recover(opts.Out, opts.Warn); err != nil {
		return nil, fmt.Errorf("ghi: %w", err)
	}
	// The lock before the work: a second build of the same out is refused at once, and the
	// cache beside it is this build's.
	sess, err := publish.Open(opts.Out, publish.Options{Full: opts.Clean, Private: opts.OutPrivate})
	if err != nil {
		return nil, fmt.Errorf("ghi: %w", err)
	}
	defer sess.Close()
	c, file := opts.Cache, (*cache.File)(nil)
	if c == nil {
		file, c = readCache(sess.Beside("cache"), opts.Warn)
	}
	if opts.Clean {
		*c = *NewCache()
		if file != nil {
			file.Reset()
		}
	}
	st := &stages{last: time.Now()}
	site, kioskSettings, err := check(ctx, opts, c, st)
	if err != nil {
		return nil, err
	}
	ropts := render.Options{
		Templates:  overlay(opts.Templates, templates.FS),
		Static:     overlay(opts.Static, static.FS),
		BaseURL:    opts.BaseURL,
		Texts:      c.texts,
		SearchMemo: c.index,
		PageSize:   opts.PageSize,
	}
	var kiosk *kioskBuild // what the kiosk's precache manifest lists; nil for the site
	if opts.Kiosk {
		ropts.Kiosk = &render.Kiosk{IdleSeconds: kioskSettings.Idle(), WarningSeconds: kioskSettings.Warning()}
		kiosk = newKioskBuild(opts.Out, sess.Incremental())
	}
	set, err := render.NewSet(site, ropts)
	if err != nil {
		return nil, fmt.Errorf("kết xuất: %w", err)
	}
	res := &Result{Site: site}
	_, res.Decoded, _ = c.content.Counts()
	// Each output is made again only if its inputs changed; of those, only the files
	// whose bytes changed are written.
	var (
		mu       sync.Mutex
		rendered []string
	)
	made := func(paths ...string) {
		mu.Lock()
		rendered = append(rendered, paths...)
		mu.Unlock()
	}
	if err := parallel.Do(len(set.Outputs), func(i int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		o := set.Outputs[i]
		in := set.Hash(o)
		if sess.Unchanged(o.Path, in) && kiosk.kept(o.Path) {
			sess.Keep(o.Path)
			return nil
		}
		made(o.Path)
		f, err := set.Render(o)
		if err != nil {
			return fmt.Errorf("kết xuất: %w", err)
		}
		if f, err = kiosk.file(f); err != nil {
			return err
		}
		return put(sess, f, in)
	}); err != nil {
		return nil, err
	}
	st.done("render")
	// The search index is made whole, from every page's record, when anything changed.
	in := c.searchHash(set)
	if kiosk.has(render.IsSearchFile) && sess.KeepAll(render.IsSearchFile, in) {
		kiosk.keepAll(render.IsSearchFile)
	} else {
		files, err := set.SearchFiles()
		if err != nil {
			return nil, fmt.Errorf("kết xuất: %w", err)
		}
		for _, f := range files {
			made(f.Path)
		}
		if err := parallel.Do(len(files), func(i int) error {
			f, err := kiosk.file(files[i])
			if err != nil {
				return err
			}
			return put(sess, f, in)
		}); err != nil {
			return nil, err
		}
	}
	st.done("search")
	if kiosk != nil {
		files, err := set.KioskFiles(kiosk.revisions)
		if err != nil {
			return nil, fmt.Errorf("kết xuất: %w", err)
		}
		for _, f := range files {
			in := kioskHash(f)
			if sess.Unchanged(f.Path, in) {
				sess.Keep(f.Path)
				continue
			}
			made(f.Path)
			if f, err = kiosk.minify(f); err != nil {
				return nil, err
			}
			if err := put(sess, f, in); err != nil {
				return nil, err
			}
		}
	}
	// The cache before the commit, which gives up the lock that makes the file this build's.
	if file != nil {
		if err := writeCache(file, c); err != nil && opts.Warn != nil {
			opts.Warn(fmt.Sprintf("không ghi được bộ nhớ đệm %s: %v (lần dựng sau sẽ đọc lại mọi tệp)", sess.Beside("cache"), err))
		}
	}
	if res.Stats, err = sess.Commit(); err != nil {
		return nil, fmt.Errorf("ghi: %w", err)
	}
	st.done("write")
	res.Stages = st.list
	slices.Sort(rendered)
	res.RenderedPaths = rendered
	res.Duration = time.Since(start)
	return res, nil
}

// Zone is the time zone of the as-of day.
var Zone = mustZone("Asia/Ho_Chi_Minh")

func mustZone(name string) *time.Location {
	z, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return z
}

// DefaultAsOf is the as-of day when none is given: the day of SOURCE_DATE_EPOCH if set
// (for reproducible builds), else today, both in Asia/Ho_Chi_Minh.
func DefaultAsOf(getenv func(string) string, now time.Time) (schedule.Date, error) {
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return schedule.Date{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q không phải số giây", s)
		}
		day := schedule.FromTime(time.Unix(sec, 0).In(Zone))
		if err := CheckAsOf(day); err != nil {
			return schedule.Date{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: %w", s, err)
		}
		return day, nil
	}
	return schedule.FromTime(now.In(Zone)), nil
}

// CheckAsOf returns an error if an as-of day given by the user is outside the years of
// content (content.MinYear..MaxYear): statuses and deadlines are counted up to it.
func CheckAsOf(d schedule.Date) error {
	if !content.InYears(d.Year) {
		return fmt.Errorf("ngày %s nằm ngoài các năm %d–%d", d, content.MinYear, content.MaxYear)
	}
	return nil
}

// overlay returns a file system that serves upper's files and, where upper has none,
// lower's. A nil upper is lower.
func overlay(upper, lower fs.FS) fs.FS {
	if upper == nil {
		return lower
	}
	return overlayFS{upper, lower}
}

type overlayFS struct{ upper, lower fs.FS }

func (o overlayFS) Open(name string) (fs.File, error) {
	f, err := o.upper.Open(name)
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.lower.Open(name)
}

func (o overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, fsys := range []fs.FS{o.upper, o.lower} {
		entries, err := fs.ReadDir(fsys, name)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	sortEntries(out)
	return out, nil
}

func sortEntries(es []fs.DirEntry) {
	slices.SortFunc(es, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
}
