package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/BurntSushi/toml"

	"congkhai/generator/schedule"
	"congkhai/generator/sitegen"
)

// row is one measurement of a size: every run of it.
type row struct {
	key   string // see rowLabels
	tool  string // congkhai, hugo, floor
	walls []time.Duration
	rss   []int64
	d     delta // of the last run
	own   own   // what congkhai said of its work (build -v), in the last run
	files int   // in the output after the last run
	pages int
	bytes int64
	errs  []string
}

// sizeResult is everything measured at one size.
type sizeResult struct {
	spec    sizeSpec
	stats   sitegen.Stats
	genTime time.Duration
	reused  bool
	content struct {
		files int
		bytes int64
	}
	runs      int
	rows      []*row
	hugoPages int
	hugoFiles int
	hugoBytes int64
	hugoHTML  int64           // bytes of Hugo's HTML pages
	html      int64           // bytes of congkhai's HTML pages
	serveOwn  []time.Duration // the serve edits' builds as the server timed them
	notes     []string
	err       error
	loadStart float64
	loadEnd   float64
}

func (r *sizeResult) row(key, tool string) *row {
	for _, x := range r.rows {
		if x.key == key {
			return x
		}
	}
	x := &row{key: key, tool: tool}
	r.rows = append(r.rows, x)
	return x
}

func (r *sizeResult) note(format string, args ...any) {
	r.notes = append(r.notes, fmt.Sprintf(format, args...))
}

// stamp is kept beside a generated site's files, hidden from congkhai (a name starting with
// "."), to reuse the site when the same one is asked for.
type stamp struct {
	Fingerprint string
	Stats       sitegen.Stats
	Seconds     float64
}

const stampName = ".congkhai-bench.json"

// site generates the content of a size, or reuses the one in dir when its stamp matches.
func (b *bench) site(dir string, s sizeSpec, res *sizeResult) error {
	opts := sitegen.Options{Pages: s.pages, Seed: b.cfg.seed, AsOf: b.cfg.asOf, National: b.cfg.national}
	fp, err := sitegen.Fingerprint(opts)
	if err != nil {
		return err
	}
	var st stamp
	if data, err := os.ReadFile(filepath.Join(dir, stampName)); err == nil && json.Unmarshal(data, &st) == nil && st.Fingerprint == fp {
		res.stats, res.genTime, res.reused = st.Stats, time.Duration(st.Seconds*float64(time.Second)), true
		b.logf("%s: dùng lại trang đã sinh trong %s", s.name, dir)
		return nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	b.logf("%s: sinh trang %d trang vào %s…", s.name, s.pages, dir)
	start := time.Now()
	stats, err := sitegen.Write(dir, opts)
	if err != nil {
		return err
	}
	res.stats, res.genTime = stats, time.Since(start)
	data, _ := json.Marshal(stamp{fp, stats, res.genTime.Seconds()})
	return os.WriteFile(filepath.Join(dir, stampName), data, 0o644)
}

// measureSize runs every measurement of one size.
func (b *bench) measureSize(ctx context.Context, s sizeSpec) (res *sizeResult) {
	res = &sizeResult{spec: s, loadStart: loadAverage()}
	defer func() { res.loadEnd = loadAverage() }()
	dir := filepath.Join(b.base, fmt.Sprintf("%s-seed%d", s.name, b.cfg.seed))
	content := filepath.Join(dir, "content")
	if err := b.site(content, s, res); err != nil {
		res.err = err
		return res
	}
	ct, err := snapshot(content, nil)
	if err != nil {
		res.err = err
		return res
	}
	res.content.files, _, res.content.bytes = ct.stats()
	res.runs = b.cfg.runs
	if res.runs <= 0 {
		res.runs = 3
		if s.pages > 20000 {
			res.runs = 1
		}
	}
	m := &measure{b: b, res: res, dir: dir, content: content, contentTree: ct,
		out: filepath.Join(dir, "public"), hugoDir: filepath.Join(dir, "hugo"), logFile: filepath.Join(dir, "builds.log")}
	templates, changedTemplate, err := changedTemplates(filepath.Join(b.root, "templates"), filepath.Join(dir, "templates"))
	if err != nil {
		res.err = err
		return res
	}
	res.note("The template changed is %s: a paragraph after its heading.", changedTemplate)
	asOf := []string{"--as-of", b.cfg.asOf.String()}
	nextDay := []string{"--as-of", b.cfg.asOf.AddDays(1).String()}
	floorDir := filepath.Join(dir, "floor")
	var manifest string

	for run := 1; run <= res.runs && ctx.Err() == nil && res.err == nil; run++ {
		b.logf("%s: lần đo %d/%d", s.name, run, res.runs)
		if !m.ck(ctx, "clean", true, asOf...) {
			continue // nothing to rebuild
		}
		if manifest == "" {
			res.html = m.ckTree.htmlBytes()
			manifest = filepath.Join(dir, "floor-manifest.txt")
			if err := writeManifest(manifest, m.ckTree); err != nil {
				res.note("No floor: the list of files could not be written: %v", err)
				manifest = ""
			}
			if b.hugo != "" {
				os.RemoveAll(m.hugoDir)
				settings, err := readSettings(content, b.cfg.asOf)
				if err == nil {
					m.site, err = writeHugoSite(m.hugoDir, content, m.out, m.ckTree, b.root, settings)
				}
				if err != nil {
					res.note("No Hugo site: %v", err)
					m.site = nil
				}
			}
		}
		m.hg(ctx, "hugo-clean", true)
		for _, w := range []struct {
			key     string
			workers int
		}{{"floor-1", 1}, {"floor-n", numCPU()}} {
			if manifest == "" || !b.want(w.key) {
				continue
			}
			r := res.row(w.key, "floor")
			os.RemoveAll(floorDir)
			o, err := b.child(ctx, dir, m.logFile, nil, b.floor, "-workers", fmt.Sprint(w.workers), manifest, floorDir)
			if err != nil {
				r.errs = append(r.errs, err.Error())
				continue
			}
			r.walls, r.rss = append(r.walls, o.wall), append(r.rss, o.rss)
			r.files, r.pages, r.bytes = m.ckTree.stats()
			r.d = delta{Created: r.files, Changed: r.files}
		}
		os.RemoveAll(floorDir)
		m.ck(ctx, "noop", false, asOf...)
		m.hg(ctx, "hugo-noop", false)

		// Each change is measured from the built site of the generated content, and undone
		// after its build: the content restored (and checked), the site built again unmeasured.
		m.scenario(ctx, "report", func(e *edits) { e.report(reportSentence) }, asOf, asOf)
		if m.site != nil && b.want("hugo-touch") {
			e := m.edits()
			e.hugoTouch(reportSentence)
			if len(e.errs) == 0 {
				m.hg(ctx, "hugo-touch", false)
			}
			m.undo(e)
		}
		m.scenario(ctx, "procedure", func(e *edits) { e.procedure() }, asOf, asOf)
		m.scenario(ctx, "template", nil, append([]string{"--templates", templates}, asOf...), asOf)
		m.scenario(ctx, "next-day", nil, nextDay, asOf)
	}
	if len(m.ckTree) > 0 && res.err == nil && ctx.Err() == nil && b.want("serve") {
		m.serve(ctx, asOf)
	}
	if m.site != nil {
		res.hugoPages = m.site.pages
		res.hugoFiles, _, res.hugoBytes = m.hugoTree.stats()
		res.hugoHTML = m.hugoTree.htmlBytes()
	}
	return res
}

// reportSentence is what the one-report rebuilds add to a progress report's note.
const reportSentence = "Đơn vị đã cập nhật báo cáo (lần đo thời gian dựng lại)."

// measure is the state of one size's measurements: its folders and the trees of its outputs
// as the last build left them.
type measure struct {
	b                 *bench
	res               *sizeResult
	dir, content, out string
	hugoDir, logFile  string
	contentTree       tree // the generated content, which every change is undone to
	ckTree, hugoTree  tree
	site              *hugoSite
}

// ck runs one congkhai build and records it under key. A clean build starts from nothing:
// the output folder and the files congkhai keeps beside it (its cache and manifest) removed.
func (m *measure) ck(ctx context.Context, key string, clean bool, extra ...string) bool {
	if !m.b.want(key) {
		return false
	}
	r := m.res.row(key, "congkhai")
	if clean {
		removeOut(m.out)
		m.ckTree = nil
	}
	o, after, err := m.build(ctx, extra...)
	if err != nil {
		r.errs = append(r.errs, err.Error())
		if after != nil {
			m.ckTree = after
		}
		return false
	}
	r.walls, r.rss = append(r.walls, o.wall), append(r.rss, o.rss)
	r.d = diff(m.ckTree, after)
	r.files, r.pages, r.bytes = after.stats()
	r.own = parseVerbose(o.tail)
	m.logChanges(r.d)
	m.ckTree = after
	return true
}

// build runs `congkhai build -v` into out and reads the output folder after it.
func (m *measure) build(ctx context.Context, extra ...string) (outcome, tree, error) {
	args := append([]string{"build", "-v", "--content", m.content, "--out", m.out}, extra...)
	o, err := m.b.child(ctx, m.dir, m.logFile, nil, m.b.congkhai, args...)
	after, serr := snapshot(m.out, m.ckTree)
	if err == nil {
		err = serr
	}
	return o, after, err
}

// hg runs one Hugo build and records it under key.
func (m *measure) hg(ctx context.Context, key string, clean bool) {
	if m.site == nil || !m.b.want(key) {
		return
	}
	r := m.res.row(key, "hugo")
	public := filepath.Join(m.hugoDir, "public")
	cache := filepath.Join(m.dir, "hugo-cache")
	if clean {
		os.RemoveAll(public)
		os.RemoveAll(filepath.Join(m.hugoDir, "resources"))
		os.RemoveAll(cache)
		m.hugoTree = nil
	}
	env := []string{"HUGO_CACHEDIR=" + cache}
	o, err := m.b.child(ctx, m.dir, m.logFile, env, m.b.hugo, "--quiet", "--source", m.hugoDir)
	after, serr := snapshot(public, m.hugoTree)
	if err == nil {
		err = serr
	}
	if err != nil {
		r.errs = append(r.errs, err.Error())
		m.hugoTree = after
		return
	}
	r.walls, r.rss = append(r.walls, o.wall), append(r.rss, o.rss)
	r.d = diff(m.hugoTree, after)
	r.files, r.pages, r.bytes = after.stats()
	m.logChanges(r.d)
	m.hugoTree = after
}

// scenario measures one change: edit changes the content (nil: none), a build with args is
// measured, the content is restored and checked, and a build with back (unmeasured) brings
// the site back to the generated content's, for the next change to start from.
func (m *measure) scenario(ctx context.Context, key string, edit func(*edits), args, back []string) {
	if !m.b.want(key) || ctx.Err() != nil || m.res.err != nil {
		return
	}
	e := m.edits()
	if edit != nil {
		edit(e)
	}
	if len(e.errs) == 0 {
		m.ck(ctx, key, false, args...)
	} else {
		m.res.row(key, "congkhai").errs = append(m.res.row(key, "congkhai").errs, errors.Join(e.errs...).Error())
	}
	if !m.undo(e) {
		return
	}
	_, after, err := m.build(ctx, back...)
	if after != nil {
		m.ckTree = after
	}
	if err != nil {
		m.res.note("The build that undoes %q failed: %v", key, err)
	}
}

// edits starts a set of changes to the content (see edits).
func (m *measure) edits() *edits {
	e, err := newEdits(m.content, m.site)
	if err != nil {
		e = &edits{saved: map[string][]byte{}, errs: []error{err}}
	}
	return e
}

// undo restores what e changed and checks that the content is the generated one again; a
// content that could not be restored ends the size's measurements.
func (m *measure) undo(e *edits) bool {
	err := e.undo()
	if err == nil {
		err = sameContent(m.content, m.contentTree)
	}
	if err != nil {
		m.res.err = fmt.Errorf("the changed content could not be restored: %w", err)
		return false
	}
	return true
}

// sameContent checks that the folder holds the files of want, with the same bytes.
func sameContent(dir string, want tree) error {
	got, err := snapshot(dir, want)
	if err != nil {
		return err
	}
	if d := diff(want, got); d.Changed > 0 || d.Removed > 0 {
		return fmt.Errorf("%s: %d files differ from the generated ones, %d missing (%s)", dir, d.Changed, d.Removed, strings.Join(d.Sample, ", "))
	}
	return nil
}

// logChanges writes into the build log which files the last build changed, up to a few.
func (m *measure) logChanges(d delta) {
	if len(d.Sample) == 0 {
		return
	}
	if f, err := os.OpenFile(m.logFile, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644); err == nil {
		fmt.Fprintf(f, "(congkhai-bench) changed: %s\n", strings.Join(d.Sample, ", "))
		f.Close()
	}
}

// removeOut removes a build's output and every file congkhai keeps beside it, all named
// ".<out>-…": the cache (.public-cache), the manifest of what is published (.public-manifest),
// the lock, and the folders of interrupted builds.
func removeOut(out string) {
	os.RemoveAll(out)
	siblings, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+"-*"))
	for _, s := range siblings {
		os.RemoveAll(s)
	}
}

// outcome is what the runner reported of one program, and the last lines it printed.
type outcome struct {
	wall time.Duration
	rss  int64
	tail string
}

// child runs a program through the runner (cmd/congkhai-bench/runner), its output appended to
// logFile, and returns its wall time and peak memory. A failure says how it ended and the
// last lines it printed.
func (b *bench) child(ctx context.Context, dir, logFile string, env []string, name string, args ...string) (outcome, error) {
	ctx, cancel := context.WithTimeout(ctx, b.cfg.timeout)
	defer cancel()
	log, err := os.OpenFile(logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return outcome{}, err
	}
	defer log.Close()
	fmt.Fprintf(log, "\n$ %s %s\n", filepath.Base(name), strings.Join(args, " "))
	result := filepath.Join(dir, "child-result.txt")
	os.Remove(result)
	var tail bytes.Buffer
	cmd := exec.CommandContext(ctx, b.runner, append([]string{result, name}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	w := &tailWriter{w: log, buf: &tail}
	cmd.Stdout, cmd.Stderr = w, w
	err = cmd.Run()
	wall, rss, code, rerr := readResult(result)
	o := outcome{wall, rss, tail.String()}
	if err == nil && rerr == nil && code == 0 {
		return o, nil
	}
	return o, fmt.Errorf("%s: %s", filepath.Base(name), failure(ctx, b.cfg.timeout, err, rerr, code, o.tail))
}

// failure says how a program the runner ran ended badly.
func failure(ctx context.Context, timeout time.Duration, err, rerr error, code int, tail string) string {
	msg := fmt.Sprintf("exit status %d", code)
	if code < 0 {
		msg = fmt.Sprintf("killed by signal %d (%v)", -code, syscall.Signal(-code))
		if syscall.Signal(-code) == syscall.SIGKILL {
			msg += ": out of memory, if the kernel's log says so"
		}
	}
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		msg = fmt.Sprintf("took more than %v", timeout)
	case err != nil:
		msg = err.Error()
	case rerr != nil:
		msg = rerr.Error()
	}
	if t := lastLines(tail, 3); t != "" {
		msg += ": " + strings.ReplaceAll(t, "\n", " / ")
	}
	return msg
}

// tailWriter writes through to w and keeps the last 8 KB in buf.
type tailWriter struct {
	w   *os.File
	buf *bytes.Buffer
}

func (t *tailWriter) Write(p []byte) (int, error) {
	t.buf.Write(p)
	if t.buf.Len() > 16<<10 {
		keep := slices.Clone(t.buf.Bytes()[t.buf.Len()-8<<10:])
		t.buf.Reset()
		t.buf.Write(keep)
	}
	return t.w.Write(p)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// siteSettings is what the Hugo site takes of site.toml.
type siteSettings struct {
	title, description, publisher, footer string
	asOf                                  schedule.Date
}

func readSettings(content string, asOf schedule.Date) (siteSettings, error) {
	var f struct {
		Title       string `toml:"title"`
		Description string `toml:"description"`
		Publisher   string `toml:"publisher"`
		Footer      string `toml:"footer"`
	}
	_, err := toml.DecodeFile(filepath.Join(content, "site.toml"), &f)
	return siteSettings{f.Title, f.Description, f.Publisher, f.Footer, asOf}, err
}

// own is what `congkhai build -v` says of its own work: the content files it decoded again,
// the outputs it rendered again, and the time of each stage.
type own struct {
	ok                bool // the lines were found
	decoded, rendered int
	stages            []stageTime
}

type stageTime struct {
	name string // load, validate, model, render, search, write
	d    time.Duration
}

// stageNames are the stages as build -v names them, in its order.
var stageNames = []struct{ vi, en string }{{"đọc", "load"}, {"kiểm tra", "validate"}, {"mô hình", "model"},
	{"kết xuất", "render"}, {"tìm kiếm", "search"}, {"ghi", "write"}}

var (
	stageRE  = regexp.MustCompile(`(?m)^\s+(\pL+(?: \pL+)?)\s+([0-9.,]+) giây\s*$`)
	reReadRE = regexp.MustCompile(`đọc lại ([0-9.]+) tệp nội dung; kết xuất lại ([0-9.]+) tệp`)
)

// parseVerbose reads build -v's lines from a build's output: the last ones, the output may
// hold earlier builds'.
func parseVerbose(out string) own {
	var o own
	m := reReadRE.FindAllStringSubmatchIndex(out, -1)
	if m == nil {
		return o
	}
	last := m[len(m)-1]
	o.decoded, _ = strconv.Atoi(strings.ReplaceAll(out[last[2]:last[3]], ".", ""))
	o.rendered, _ = strconv.Atoi(strings.ReplaceAll(out[last[4]:last[5]], ".", ""))
	o.ok = true
	// the stage lines are the ones just before, one per stage
	before := out[:last[0]]
	if i := strings.LastIndex(before, "\n  "+stageNames[0].vi+" "); i >= 0 {
		before = before[i:]
	}
	for _, s := range stageRE.FindAllStringSubmatch(before, -1) {
		for _, n := range stageNames {
			if s[1] == n.vi {
				sec, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(s[2], ".", ""), ",", "."), 64)
				if err == nil {
					o.stages = append(o.stages, stageTime{n.en, time.Duration(sec * float64(time.Second))})
				}
			}
		}
	}
	return o
}
