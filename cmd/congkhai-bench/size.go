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
	"slices"
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
	hugoHTML  int64 // bytes of Hugo's HTML pages
	html      int64 // bytes of congkhai's HTML pages
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
	out := filepath.Join(dir, "public")
	hugoDir := filepath.Join(dir, "hugo")
	floorDir := filepath.Join(dir, "floor")
	logFile := filepath.Join(dir, "builds.log")
	templates, changedTemplate, err := changedTemplates(filepath.Join(b.root, "templates"), filepath.Join(dir, "templates"))
	if err != nil {
		res.err = err
		return res
	}
	res.note("The template changed is %s: a paragraph after its heading.", changedTemplate)
	asOf := b.cfg.asOf.String()
	nextDay := b.cfg.asOf.AddDays(1).String()

	var ckTree, hugoTree tree
	var site *hugoSite
	var manifest string
	// congkhai runs one build and records it under key.
	ck := func(key string, clean bool, extra ...string) bool {
		if !b.want(key) {
			return false
		}
		r := res.row(key, "congkhai")
		if clean {
			removeOut(out)
			ckTree = nil
		}
		args := append([]string{"build", "--content", content, "--out", out}, extra...)
		wall, rss, err := b.child(ctx, dir, logFile, nil, b.congkhai, args...)
		after, serr := snapshot(out, ckTree)
		if err == nil {
			err = serr
		}
		if err != nil {
			r.errs = append(r.errs, err.Error())
			ckTree = after
			return false
		}
		r.walls, r.rss = append(r.walls, wall), append(r.rss, rss)
		r.d = diff(ckTree, after)
		r.files, r.pages, r.bytes = after.stats()
		ckTree = after
		return true
	}
	hg := func(key string, clean bool) {
		if site == nil || !b.want(key) {
			return
		}
		r := res.row(key, "hugo")
		public := filepath.Join(hugoDir, "public")
		if clean {
			os.RemoveAll(public)
			os.RemoveAll(filepath.Join(hugoDir, "resources"))
			hugoTree = nil
		}
		env := []string{"HUGO_CACHEDIR=" + filepath.Join(dir, "hugo-cache")}
		wall, rss, err := b.child(ctx, dir, logFile, env, b.hugo, "--quiet", "--source", hugoDir)
		after, serr := snapshot(public, hugoTree)
		if err == nil {
			err = serr
		}
		if err != nil {
			r.errs = append(r.errs, err.Error())
			hugoTree = after
			return
		}
		r.walls, r.rss = append(r.walls, wall), append(r.rss, rss)
		r.d = diff(hugoTree, after)
		r.files, r.pages, r.bytes = after.stats()
		hugoTree = after
	}
	floor := func(key string, workers int) {
		if manifest == "" || !b.want(key) {
			return
		}
		r := res.row(key, "floor")
		os.RemoveAll(floorDir)
		wall, rss, err := b.child(ctx, dir, logFile, nil, b.floor, "-workers", fmt.Sprint(workers), manifest, floorDir)
		if err != nil {
			r.errs = append(r.errs, err.Error())
			return
		}
		r.walls, r.rss = append(r.walls, wall), append(r.rss, rss)
		r.files, r.pages, r.bytes = ckTree.stats()
		r.d = delta{Created: r.files, Changed: r.files}
	}

	for run := 1; run <= res.runs && ctx.Err() == nil; run++ {
		b.logf("%s: lần đo %d/%d", s.name, run, res.runs)
		if ck("clean", true, "--as-of", asOf) && manifest == "" {
			res.html = ckTree.htmlBytes()
			manifest = filepath.Join(dir, "floor-manifest.txt")
			if err := writeManifest(manifest, ckTree); err != nil {
				res.note("No floor: the list of files could not be written: %v", err)
				manifest = ""
			}
			if b.hugo != "" {
				os.RemoveAll(hugoDir)
				settings, err := readSettings(content, b.cfg.asOf)
				if err == nil {
					site, err = writeHugoSite(hugoDir, content, out, ckTree, b.root, settings)
				}
				if err != nil {
					res.note("No Hugo site: %v", err)
					site = nil
				}
			}
		}
		hg("hugo-clean", true)
		floor("floor-1", 1)
		floor("floor-n", numCPU())
		ck("noop", false, "--as-of", asOf)
		hg("hugo-noop", false)

		restore, err := b.edits(content, site)
		if err != nil {
			res.note("The content could not be changed for the rebuilds: %v", err)
			continue
		}
		restore.report()
		ck("report", false, "--as-of", asOf)
		restore.hugoTouch()
		hg("hugo-touch", false)
		restore.procedure()
		ck("procedure", false, "--as-of", asOf)
		ck("template", false, "--as-of", asOf, "--templates", templates)
		ck("next-day", false, "--as-of", nextDay, "--templates", templates)
		if err := restore.undo(); err != nil {
			res.err = fmt.Errorf("the changed content could not be restored: %w", err)
			return res
		}
	}
	if site != nil {
		res.hugoPages = site.pages
		res.hugoFiles, _, res.hugoBytes = hugoTree.stats()
		res.hugoHTML = hugoTree.htmlBytes()
	}
	return res
}

// removeOut removes a build's output and what congkhai leaves beside it (".public-lock",
// folders of interrupted builds).
func removeOut(out string) {
	os.RemoveAll(out)
	siblings, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+"-*"))
	for _, s := range siblings {
		os.RemoveAll(s)
	}
}

// child runs a program through the runner (cmd/congkhai-bench/runner), its output appended to
// logFile, and returns its wall time and peak memory. A failure says how it ended and the
// last lines it printed.
func (b *bench) child(ctx context.Context, dir, logFile string, env []string, name string, args ...string) (time.Duration, int64, error) {
	ctx, cancel := context.WithTimeout(ctx, b.cfg.timeout)
	defer cancel()
	log, err := os.OpenFile(logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return 0, 0, err
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
	if err == nil && rerr == nil && code == 0 {
		return wall, rss, nil
	}
	msg := fmt.Sprintf("exit status %d", code)
	if code < 0 {
		msg = fmt.Sprintf("killed by signal %d (%v)", -code, syscall.Signal(-code))
		if syscall.Signal(-code) == syscall.SIGKILL {
			msg += ": out of memory, if the kernel's log says so"
		}
	}
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		msg = fmt.Sprintf("took more than %v", b.cfg.timeout)
	case err != nil:
		msg = err.Error()
	case rerr != nil:
		msg = rerr.Error()
	}
	if t := lastLines(tail.String(), 3); t != "" {
		msg += ": " + strings.ReplaceAll(t, "\n", " / ")
	}
	return wall, rss, fmt.Errorf("%s: %s", filepath.Base(name), msg)
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
