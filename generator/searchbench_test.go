package generator_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"congkhai/generator"
	"congkhai/generator/render"
	"congkhai/generator/sitegen"
)

const (
	benchDir     = "../testdata/search/bench" // package.json pinning Pagefind, and its query page
	sitePrefix   = "/site/"                   // the built site is served under a subpath
	pagefindPage = "pagefind-bench.html"      // testdata/search/bench/pagefind-bench.html, served at the site root
	firstQuery   = "dang ky ket hon"          // the two measured queries, the same for both tools
	secondQuery  = "thu tuc dat dai"
	minLargePage = 10000
	// largePetitions generated petitions take the large site past minLargePage pages.
	largePetitions = 6100
)

// searchMeasure is what one tool measured on one site.
type searchMeasure struct {
	site, tool string
	pages      int
	indexBytes int64
	coreBytes  int64 // for Pagefind: without its UI bundles
	indexFiles int
	indexTime  time.Duration
	toolTime   time.Duration // Pagefind: its own "Finished in"; congkhai: the whole build
	q1, q2     transfer
	recall     recallResult
	err        error
}

type transfer struct {
	bytes    int64
	requests int
	late     int64 // bytes fetched after the results showed, before the next query
	paths    []string
}

type recallResult struct {
	found, expected int
	dropped         int // expected pages that the site does not have
	queries         int
	misses          []miss
}

type miss struct {
	q        string
	missing  []string
	returned []string
}

func (r recallResult) percent() float64 {
	if r.expected == 0 {
		return 0
	}
	return 100 * float64(r.found) / float64(r.expected)
}

// BenchmarkSearchVsPagefind compares congkhai's own search (the index under tim-kiem/ and
// assets/search.<hash>.js) with Pagefind, the tool a province would pick instead, on the
// example site and on a large generated site (the whole national catalogue and thousands of
// generated petitions, at least 10,000 pages). Run it with
//
//	go test ./generator -run '^$' -bench SearchVsPagefind -benchtime 1x
//
// It takes two to three minutes on two cores. Add -v to see every request of the two
// measured queries; SEARCHBENCH_SITES=example (or large) measures one site only, and
// SEARCHBENCH_KEEP=1 keeps the content and the built sites in the temporary folder.
//
// It needs node and npm (Pagefind is pinned in testdata/search/bench/package.json; npm ci
// installs it there when node_modules is missing) and Chromium (/usr/bin/chromium or
// $CHROMIUM); it skips without them.
//
// For each site and tool it reports
//   - index-bytes, index-files: the index on disk (congkhai: tim-kiem/ without its
//     index.html, plus assets/search.*.js; Pagefind: its whole pagefind/ folder; the table
//     also shows Pagefind's core, without its optional UI bundles),
//   - q1-bytes, q2-bytes: the response bodies a fresh headless Chromium profile downloads
//     from a server that gzips text (as a static host would) for a first query, then for a
//     second, different one in the same page, leaving out the HTML page that hosts the
//     search and its CSS,
//   - index-s: the time to build the index (congkhai: render.SearchFiles on the model, which
//     reads no HTML; Pagefind: the wall time of npx pagefind on the built HTML),
//   - recall-%: the share of the pages testdata/search/queries.toml expects that come
//     within the first 5 results of their query,
//
// and prints a table and every query a tool missed.
func BenchmarkSearchVsPagefind(b *testing.B) {
	chromium(b) // skips without it
	for _, tool := range []string{"node", "npm", "npx"} {
		if _, err := exec.LookPath(tool); err != nil {
			b.Skipf("%s not found: the search benchmark runs Pagefind with Node.js", tool)
		}
	}
	if err := ensurePagefind(); err != nil {
		b.Skipf("cannot install Pagefind in %s: %v", benchDir, err)
	}
	queries := loadQueries(b)

	only := os.Getenv("SEARCHBENCH_SITES") // "example" or "large" measures one site only
	var all []*searchMeasure
	for _, s := range []struct {
		name string
		make func(b *testing.B, dir string) string // returns the content folder
	}{
		{"example", func(*testing.B, string) string { return "../content" }},
		{"large", makeLargeSite},
	} {
		if only != "" && !slices.Contains(strings.Split(only, ","), s.name) {
			continue
		}
		var dir string
		if os.Getenv("SEARCHBENCH_KEEP") != "" {
			var err error
			if dir, err = os.MkdirTemp("", "searchbench-"+s.name+"-"); err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: keeping the content and the built site in %s", s.name, dir)
		} else {
			dir = b.TempDir()
		}
		contentDir := s.make(b, dir)
		out := filepath.Join(dir, "public")
		start := time.Now()
		res, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS(contentDir), Out: out, AsOf: asOf})
		if err != nil {
			b.Fatalf("%s: %v", s.name, err)
		}
		buildTime := time.Since(start)
		b.Logf("%s: built %d pages in %v", s.name, res.Stats.Pages, buildTime.Round(time.Millisecond))
		if s.name == "large" && res.Stats.Pages < minLargePage {
			b.Fatalf("the large site has %d pages, want at least %d: raise largePetitions", res.Stats.Pages, minLargePage)
		}
		// Pagefind indexes the HTML congkhai wrote, before anything else is added to it.
		pf := &searchMeasure{site: s.name, tool: "pagefind", pages: res.Stats.Pages}
		pf.indexTime, pf.toolTime, pf.err = runPagefind(out)
		ck := &searchMeasure{site: s.name, tool: "congkhai", pages: res.Stats.Pages, toolTime: buildTime}
		srv := newSiteServer(out, sitePrefix)
		for _, m := range []*searchMeasure{ck, pf} {
			b.Run(s.name+"/"+m.tool, func(b *testing.B) {
				measureTool(b, m, contentDir, out, srv, queries)
				if m.err != nil {
					b.Error(m.err)
					return
				}
				b.ReportMetric(float64(m.indexBytes), "index-bytes")
				b.ReportMetric(float64(m.indexFiles), "index-files")
				b.ReportMetric(float64(m.q1.bytes), "q1-bytes")
				b.ReportMetric(float64(m.q2.bytes), "q2-bytes")
				b.ReportMetric(m.indexTime.Seconds(), "index-s")
				b.ReportMetric(m.recall.percent(), "recall-%")
				b.ReportMetric(float64(m.pages), "pages")
			})
			all = append(all, m)
		}
		srv.Close()
	}
	printSearchTable(all)
}

// measureTool fills in m: sizes and time to index, then the browser measures.
func measureTool(b *testing.B, m *searchMeasure, contentDir, out string, srv *siteServer, queries []Query) {
	if m.err != nil {
		return
	}
	switch m.tool {
	case "congkhai":
		if _, err := os.Stat(filepath.Join(out, "tim-kiem", "index.html")); err != nil {
			m.err = fmt.Errorf("congkhai wrote no tim-kiem/index.html: %w", err)
			return
		}
		m.indexBytes, m.indexFiles, m.err = congkhaiIndexSize(out)
		if m.err != nil {
			return
		}
		m.coreBytes = m.indexBytes
		m.indexTime, m.err = timeSearchFiles(contentDir)
		if m.err != nil {
			return
		}
	case "pagefind":
		m.indexBytes, m.coreBytes, m.indexFiles, m.err = pagefindSize(out)
		if m.err != nil {
			return
		}
	}
	ctx, cancel := context.WithTimeout(browser(b), 3*time.Minute)
	defer cancel()
	drv := driverFor(m.tool, srv)
	if m.q1, m.err = drv.first(ctx, firstQuery); m.err != nil {
		m.err = fmt.Errorf("first query: %w", m.err)
		return
	}
	if m.q2, m.err = drv.next(ctx, secondQuery); m.err != nil {
		m.err = fmt.Errorf("second query: %w", m.err)
		return
	}
	for _, q := range []struct {
		name string
		t    transfer
	}{{"first", m.q1}, {"second", m.q2}} {
		b.Logf("%s %s query: %d bytes in %d requests: %s", m.tool, q.name, q.t.bytes, q.t.requests, strings.Join(q.t.paths, " "))
	}
	m.recall = measureRecall(ctx, drv, out, queries)
}

// --- the large site ---------------------------------------------------------------

// makeLargeSite writes the large site's content into dir/content: the example site with the
// whole national catalogue instead of the province's share (as BenchmarkBuildFullCatalogue)
// and largePetitions petitions from generator/sitegen. The same code gives the same files.
func makeLargeSite(b *testing.B, dir string) string {
	b.Helper()
	start := time.Now()
	contentDir, rep := fullCatalogue(b, dir)
	files, err := sitegen.Petitions(contentDir, largePetitions, 1, asOf)
	if err != nil {
		b.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(contentDir, "pakn", name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("large: content written in %v (%d procedures, %d petitions generated)", time.Since(start).Round(time.Millisecond), rep.Written, len(files))
	return contentDir
}

// --- indexing and sizes -------------------------------------------------------------

// timeSearchFiles times render.SearchFiles on the model of the content: the index alone.
func timeSearchFiles(contentDir string) (time.Duration, error) {
	site, err := generator.Check(context.Background(), generator.Options{Content: os.DirFS(contentDir), AsOf: asOf})
	if err != nil {
		return 0, err
	}
	runtime.GC()
	start := time.Now()
	files, err := render.SearchFiles(site)
	d := time.Since(start)
	if err == nil && len(files) == 0 {
		err = errors.New("render.SearchFiles returned no file")
	}
	return d, err
}

// congkhaiIndexSize is the size of tim-kiem/ without its page, and of the search script.
func congkhaiIndexSize(out string) (size int64, files int, err error) {
	err = filepath.WalkDir(filepath.Join(out, "tim-kiem"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if rel, _ := filepath.Rel(out, p); filepath.ToSlash(rel) == "tim-kiem/index.html" {
			return nil
		}
		info, err := d.Info()
		if err == nil {
			size += info.Size()
			files++
		}
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	scripts, _ := filepath.Glob(filepath.Join(out, "assets", "search.*.js"))
	if len(scripts) != 1 {
		return 0, 0, fmt.Errorf("%d files assets/search.*.js, want 1", len(scripts))
	}
	info, err := os.Stat(scripts[0])
	if err != nil {
		return 0, 0, err
	}
	return size + info.Size(), files + 1, nil
}

// pagefindUI are Pagefind's optional user-interface bundles: a site that calls the
// JavaScript API (as the benchmark does) can leave them out.
var pagefindUI = regexp.MustCompile(`^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$`)

func pagefindSize(out string) (total, core int64, files int, err error) {
	dir := filepath.Join(out, "pagefind")
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += info.Size()
		files++
		if !pagefindUI.MatchString(d.Name()) || filepath.Dir(p) != dir {
			core += info.Size()
		}
		return nil
	})
	return total, core, files, err
}

var pagefindFinished = regexp.MustCompile(`Finished in ([0-9.]+) seconds`)

// runPagefind indexes the built site with the pinned Pagefind, as a user would: npx
// pagefind --site DIR. It returns the wall time and the time Pagefind reports.
func runPagefind(site string) (wall, reported time.Duration, err error) {
	abs, err := filepath.Abs(site)
	if err != nil {
		return 0, 0, err
	}
	cmd := exec.Command("npx", "--no-install", "pagefind", "--site", abs)
	cmd.Dir = benchDir
	start := time.Now()
	outb, err := cmd.CombinedOutput()
	wall = time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("npx pagefind: %v\n%s", err, outb)
	}
	if m := pagefindFinished.FindSubmatch(outb); m != nil {
		s, _ := strconv.ParseFloat(string(m[1]), 64)
		reported = time.Duration(s * float64(time.Second))
	}
	return wall, reported, nil
}

func ensurePagefind() error {
	if _, err := os.Stat(filepath.Join(benchDir, "node_modules", "pagefind", "package.json")); err == nil {
		return nil
	}
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = benchDir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("npm ci: %v\n%s", err, out)
	}
	return nil
}

// --- the server -----------------------------------------------------------------------

// siteServer serves a built site under a subpath the way a static host would: text
// gzip-compressed when the browser accepts it, everything else (Pagefind's pre-compressed
// index and wasm) as it is, with ETags. It counts the body bytes it sends, per path.
type siteServer struct {
	*httptest.Server
	root   string
	prefix string // the subpath the site is served under

	mu    sync.Mutex
	sent  map[string]int64 // site-relative path -> body bytes sent
	reqs  map[string]int
	last  time.Time
	cache map[string]*servedFile
}

type servedFile struct {
	data, gz []byte
	etag     string
	mod      time.Time
}

var compressible = map[string]bool{".html": true, ".js": true, ".css": true, ".json": true, ".svg": true}

func newSiteServer(root, prefix string) *siteServer {
	s := &siteServer{root: root, prefix: prefix, cache: map[string]*servedFile{}}
	s.reset()
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

func (s *siteServer) url(rel string) string { return s.Server.URL + s.prefix + rel }

func (s *siteServer) serve(w http.ResponseWriter, r *http.Request) {
	rel, ok := strings.CutPrefix(r.URL.Path, s.prefix)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	f, err := s.file(rel)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	s.reqs[rel]++
	s.last = time.Now()
	s.mu.Unlock()
	ext := path.Ext(rel)
	body, etag := f.data, f.etag
	w.Header().Set("Vary", "Accept-Encoding")
	if compressible[ext] && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		body, etag = f.gz, f.etag+"-gz"
		w.Header().Set("Content-Encoding", "gzip")
	}
	if ext == ".js" {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	}
	w.Header().Set("ETag", `"`+etag+`"`)
	cw := &countingWriter{ResponseWriter: w}
	http.ServeContent(cw, r, path.Base(rel), f.mod, bytes.NewReader(body))
	s.mu.Lock()
	s.sent[rel] += cw.n
	s.last = time.Now()
	s.mu.Unlock()
}

// file reads (once) a file of the site, or the benchmark's Pagefind query page.
func (s *siteServer) file(rel string) (*servedFile, error) {
	s.mu.Lock()
	f := s.cache[rel]
	s.mu.Unlock()
	if f != nil {
		return f, nil
	}
	p := filepath.Join(s.root, filepath.FromSlash(rel))
	if rel == pagefindPage {
		p = filepath.Join(benchDir, pagefindPage)
	}
	if !fs.ValidPath(rel) {
		return nil, fs.ErrNotExist
	}
	info, err := os.Stat(p)
	if err != nil || info.IsDir() {
		return nil, fs.ErrNotExist
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	f = &servedFile{data: data, etag: hex.EncodeToString(sum[:8]), mod: info.ModTime()}
	if compressible[path.Ext(rel)] {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(data)
		zw.Close()
		f.gz = buf.Bytes()
	}
	s.mu.Lock()
	s.cache[rel] = f
	s.mu.Unlock()
	return f, nil
}

// take returns what was sent since the last reset, leaving out what matches skip, and
// resets the counters.
func (s *siteServer) take(skip func(rel string) bool) transfer {
	s.mu.Lock()
	defer s.mu.Unlock()
	var t transfer
	for rel, n := range s.sent {
		if skip(rel) {
			continue
		}
		t.bytes += n
		t.requests += s.reqs[rel]
		t.paths = append(t.paths, fmt.Sprintf("%s=%d", rel, n))
	}
	slices.Sort(t.paths)
	s.sent, s.reqs = map[string]int64{}, map[string]int{}
	return t
}

func (s *siteServer) reset() {
	s.mu.Lock()
	s.sent, s.reqs = map[string]int64{}, map[string]int{}
	s.mu.Unlock()
}

// quiet waits until nothing was requested for a while (at most a few seconds), so that
// what a client fetches after showing results is not counted for the next query.
func (s *siteServer) quiet() {
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		idle := time.Since(s.last)
		s.mu.Unlock()
		if idle > 400*time.Millisecond {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.ResponseWriter.Write(p)
	c.n += int64(n)
	return n, err
}

// --- the browser ----------------------------------------------------------------------

// searchDriver runs queries of one tool in the browser.
type searchDriver struct {
	srv *siteServer
	// page is the page that hosts the search; its HTML and CSS are not counted.
	page string
	// ready is a JavaScript function of the query: whether its results are shown (true),
	// failed (a string) or not yet (false).
	ready string
	// type_ starts a query in the loaded page; top returns the first urls of a query.
	type_, top string
}

func driverFor(tool string, srv *siteServer) *searchDriver {
	if tool == "congkhai" {
		return &searchDriver{
			srv:  srv,
			page: "tim-kiem/index.html",
			ready: `(q) => { const e = document.querySelector('#ket-qua');
				if (!e) return false;
				if (e.dataset.state === 'error') return 'error: ' + e.textContent;
				return e.dataset.state === 'done' && e.dataset.query === q; }`,
			type_: `(q) => { const i = document.querySelector('#q'); i.value = q;
				i.dispatchEvent(new Event('input', {bubbles: true})); return true; }`,
			top: `(q, n) => window.congkhaiSearch.query(q, {limit: n}).then(r => r.results.map(x => x.url))`,
		}
	}
	return &searchDriver{
		srv:  srv,
		page: pagefindPage,
		ready: `(q) => { const e = document.body;
			if (e.dataset.state === 'error') return 'error: ' + e.dataset.error;
			return e.dataset.state === 'done' && e.dataset.query === q; }`,
		type_: `(q) => { window.pagefindBench.query(q, 5); return true; }`,
		top:   `(q, n) => window.pagefindBench.query(q, n).then(r => r.results.map(x => x.url))`,
	}
}

func (d *searchDriver) skip(rel string) bool {
	return rel == d.page || path.Ext(rel) == ".css" || rel == "favicon.ico"
}

func jsCall(fn string, args ...any) string {
	var parts []string
	for _, a := range args {
		j, _ := json.Marshal(a)
		parts = append(parts, string(j))
	}
	return "(" + fn + ")(" + strings.Join(parts, ", ") + ")"
}

func (d *searchDriver) wait(ctx context.Context, q string) error {
	res, err := chromedp.Run(ctx, chromedp.Poll[any](jsCall(d.ready, q), chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(90*time.Second)))
	if err != nil {
		return err
	}
	if s, ok := res.(string); ok {
		return errors.New(s)
	}
	return nil
}

// first opens the search page with the query in its address and counts what it fetched
// until the results showed.
func (d *searchDriver) first(ctx context.Context, q string) (transfer, error) {
	u := d.srv.url(d.page) + "?q=" + strings.ReplaceAll(url.QueryEscape(q), "+", "%20")
	return d.measure(ctx, q, chromedp.Navigate(u))
}

// next runs another query in the same page and counts what it fetched.
func (d *searchDriver) next(ctx context.Context, q string) (transfer, error) {
	return d.measure(ctx, q, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](jsCall(d.type_, q))(ctx, t)
		return err
	}))
}

// measure counts what the page fetches from start until the results of q show, and what
// it fetches late, once the network is quiet.
func (d *searchDriver) measure(ctx context.Context, q string, start chromedp.Action[chromedp.Void]) (transfer, error) {
	d.srv.reset()
	if err := chromedp.Do(ctx, start); err != nil {
		return transfer{}, err
	}
	if err := d.wait(ctx, q); err != nil {
		return transfer{}, err
	}
	t := d.srv.take(d.skip)
	d.srv.quiet()
	t.late = d.srv.take(d.skip).bytes
	return t, nil
}

func (d *searchDriver) results(ctx context.Context, q string, n int) ([]string, error) {
	urls, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](jsCall(d.top, q, n), chromedp.EvalAwaitPromise))
	for i, u := range urls {
		urls[i] = siteRel(u)
	}
	return urls, err
}

// siteRel turns a result's address into a site-relative page path: "/site/thu-tuc/x/",
// "/thu-tuc/x/index.html" and "thu-tuc/x/index.html" all give "thu-tuc/x/index.html".
func siteRel(u string) string {
	if p, err := url.Parse(u); err == nil {
		u = p.Path
	}
	if rest, ok := strings.CutPrefix(u, sitePrefix); ok {
		u = rest
	}
	u = strings.TrimPrefix(u, "/")
	if u == "" || strings.HasSuffix(u, "/") {
		u += "index.html"
	}
	return u
}

// --- recall ---------------------------------------------------------------------------

// measureRecall runs every query and counts the expected pages among the first results.
// Expected pages the site does not have (the large site has other petitions) are left out.
func measureRecall(ctx context.Context, d *searchDriver, out string, queries []Query) recallResult {
	var r recallResult
	for _, q := range queries {
		got, err := d.results(ctx, q.Q, firstResults)
		if err != nil {
			got = []string{"error: " + err.Error()}
		}
		var missing []string
		for _, e := range q.Expect {
			e = siteRel(e)
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(e))); err != nil {
				r.dropped++
				continue
			}
			r.expected++
			if slices.Contains(got, e) {
				r.found++
			} else {
				missing = append(missing, e)
			}
		}
		r.queries++
		if len(missing) > 0 {
			r.misses = append(r.misses, miss{q: q.Q, missing: missing, returned: got})
		}
	}
	return r
}

// --- the report -----------------------------------------------------------------------

func printSearchTable(all []*searchMeasure) {
	var b strings.Builder
	b.WriteString("\nSearch: congkhai vs Pagefind (first query " + strconv.Quote(firstQuery) + ", second " + strconv.Quote(secondQuery) + "; bytes as sent, gzip where a server compresses)\n\n")
	fmt.Fprintf(&b, "%-8s %-9s %6s %11s %11s %7s %20s %20s %10s %14s\n", "site", "tool", "pages", "index", "(core)", "files", "1st query", "2nd query", "index time", "recall@5")
	for _, m := range all {
		if m.err != nil {
			fmt.Fprintf(&b, "%-8s %-9s %6d  failed: %v\n", m.site, m.tool, m.pages, firstLine(m.err))
			continue
		}
		rec := fmt.Sprintf("%.0f%% (%d/%d)", m.recall.percent(), m.recall.found, m.recall.expected)
		idxTime := fmt.Sprintf("%.2f s", m.indexTime.Seconds())
		fmt.Fprintf(&b, "%-8s %-9s %6d %11s %11s %7d %20s %20s %10s %14s\n", m.site, m.tool, m.pages,
			humanBytes(m.indexBytes), humanBytes(m.coreBytes), m.indexFiles,
			fmt.Sprintf("%s (%d req)", humanBytes(m.q1.bytes), m.q1.requests),
			fmt.Sprintf("%s (%d req)", humanBytes(m.q2.bytes), m.q2.requests), idxTime, rec)
	}
	b.WriteString("\nindex: congkhai tim-kiem/ (without its page) + assets/search.*.js; Pagefind pagefind/ (core: without its UI bundles).\n")
	b.WriteString("index time: congkhai render.SearchFiles on the model; Pagefind wall time of npx pagefind on the built HTML")
	b.WriteString(".\n")
	for _, m := range all {
		switch {
		case m.toolTime == 0:
		case m.tool == "pagefind":
			fmt.Fprintf(&b, "%s: Pagefind reports %.2f s of its own.\n", m.site, m.toolTime.Seconds())
		case m.tool == "congkhai":
			fmt.Fprintf(&b, "%s: the whole congkhai build (index included) took %.2f s.\n", m.site, m.toolTime.Seconds())
		}
	}
	for _, m := range all {
		if m.err != nil {
			continue
		}
		if m.q1.late+m.q2.late > 0 {
			fmt.Fprintf(&b, "%s/%s fetched %s after the first results and %s after the second (not counted).\n", m.site, m.tool, humanBytes(m.q1.late), humanBytes(m.q2.late))
		}
		if m.recall.dropped > 0 {
			fmt.Fprintf(&b, "%s/%s: %d expected pages are not in this site and were left out.\n", m.site, m.tool, m.recall.dropped)
		}
	}
	for _, m := range all {
		if m.err != nil || len(m.recall.misses) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\nmissed by %s on the %s site (%d of %d queries):\n", m.tool, m.site, len(m.recall.misses), m.recall.queries)
		for _, x := range m.recall.misses {
			fmt.Fprintf(&b, "  %q: expected %s; got [%s]\n", x.q, strings.Join(x.missing, ", "), strings.Join(x.returned, ", "))
		}
	}
	fmt.Print(b.String())
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.2f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
