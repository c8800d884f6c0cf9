package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// machine is what the report says of the machine at one moment.
type machine struct {
	cpus   int
	cpu    string
	memory int64 // bytes
	load   float64
	at     time.Time
}

func readMachine() machine {
	m := machine{cpus: runtime.NumCPU(), load: loadAverage(), at: time.Now()}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.cpu = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for line := range strings.SplitSeq(string(data), "\n") {
			if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
				m.memory = kb << 10
			}
		}
	}
	return m
}

// loadAverage is the 1-minute load average, -1 where the system does not say.
func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f, _ := strconv.ParseFloat(strings.Fields(string(data))[0], 64)
	return f
}

// gitCommit names the commit the repository is at, and whether it has changes.
func gitCommit(root string) string {
	out, err := exec.Command("git", "-C", root, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	c := strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "-C", root, "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(st) > 0 {
		c += " with uncommitted changes"
	}
	return c
}

type report struct {
	cfg         *config
	start, end  machine
	goVersion   string // of the go command that built congkhai
	hugoVersion string
	commit      string
	sizes       []*sizeResult
}

func (r *report) heading() string { return "## `" + r.cfg.command + "`" }

var zone = func() *time.Location {
	z, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		return time.UTC
	}
	return z
}()

func (r *report) markdown() string {
	var b strings.Builder
	b.WriteString(r.heading() + "\n\n")
	if r.cfg.smoke {
		b.WriteString("**Smoke test on a shared machine**: it checks that every measurement runs from end to end; other work ran beside it, so its times are no figures of congkhai's speed.\n\n")
	}
	fmt.Fprintf(&b, "Measured %s (Asia/Ho_Chi_Minh) at commit %s.\n", r.start.at.In(zone).Format("2006-01-02 15:04"), r.commit)
	fmt.Fprintf(&b, "Machine: nproc %d, %s, %.1f GiB of RAM; %s/%s; %s", r.start.cpus, orUnknown(r.start.cpu), float64(r.start.memory)/(1<<30), runtime.GOOS, runtime.GOARCH, r.goVersion)
	if r.hugoVersion != "" {
		fmt.Fprintf(&b, "; %s", r.hugoVersion)
	}
	b.WriteString(".\n")
	fmt.Fprintf(&b, "Load average (1 min): %.2f at the start, %.2f at the end. %s\n", r.start.load, r.end.load, loadNote(r.start.cpus, r.start.load, r.end.load))
	fmt.Fprintf(&b, "Sites: generator/sitegen, seed %d, content as of %s, built with `--as-of %s`. Each figure is the median of the runs (min–max); peak RSS is the child process's maximum resident set (median).\n",
		r.cfg.seed, r.cfg.asOf, r.cfg.asOf)
	for _, s := range r.sizes {
		b.WriteString("\n")
		s.markdown(&b)
	}
	b.WriteString("\n")
	return b.String()
}

// loadNote says how far the load average lets the figures be trusted.
func loadNote(cpus int, loads ...float64) string {
	high := slices.Max(loads)
	if high < 0 {
		return ""
	}
	if high > 0.25*float64(cpus) {
		return "Other work ran on the machine (a load above a quarter of its cores): read differences of less than about 15 % as noise."
	}
	return "The machine was otherwise quiet."
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return thousands(n) + " " + what + "s"
}

func orUnknown(s string) string {
	if s == "" {
		return "CPU unknown"
	}
	return s
}

// rowLabels are the rows of a size's table, in order.
var rowLabels = []struct{ key, label string }{
	{"clean", "congkhai: clean build (empty `--out`)"},
	{"hugo-clean", "Hugo: clean build (empty `public/`)"},
	{"floor-1", "floor: the same files written, 1 writer"},
	{"floor-n", "floor: the same files written, %d writers"},
	{"noop", "congkhai: rebuild, nothing changed"},
	{"hugo-noop", "Hugo: rebuild, nothing changed"},
	{"report", "congkhai: one progress report changed"},
	{"hugo-touch", "Hugo: one content file changed"},
	{"procedure", "congkhai: one procedure changed"},
	{"template", "congkhai: one template changed (`--templates`)"},
	{"next-day", "congkhai: next day (`--as-of` + 1)"},
	{"serve-first", "serve: started, first build done"},
	{"serve", "serve: one progress report changed"},
}

// rowKeys are the measurements -only can name: serve-first comes with serve.
func rowKeys() []string {
	var keys []string
	for _, r := range rowLabels {
		if r.key != "serve-first" {
			keys = append(keys, r.key)
		}
	}
	return keys
}

// hugoPair is the Hugo row each congkhai row is compared with.
var hugoPair = map[string]string{"clean": "hugo-clean", "noop": "hugo-noop", "report": "hugo-touch"}

func (s *sizeResult) markdown(b *strings.Builder) {
	clean := s.find("clean")
	fmt.Fprintf(b, "### %s", s.spec.name)
	if clean != nil && len(clean.walls) > 0 {
		fmt.Fprintf(b, ": %s pages, %s files, %s", thousands(clean.pages), thousands(clean.files), megabytes(clean.bytes))
	} else {
		fmt.Fprintf(b, " (%s pages asked)", thousands(s.spec.pages))
	}
	b.WriteString("\n\n")
	if s.err != nil && s.stats.Files == 0 {
		fmt.Fprintf(b, "Failed: %v\n", s.err)
		return
	}
	st := s.stats
	fmt.Fprintf(b, "Content: %s files, %s: %s, %s agencies, %s plans, %s tasks, %s progress reports, %s procedures (%s of them copies), %s petitions, %s periods of 766 results (%s unit rows); ",
		thousands(s.content.files), megabytes(s.content.bytes), plural(st.Authorities, "province"), thousands(st.Agencies), thousands(st.Plans), thousands(st.Tasks), thousands(st.Reports),
		thousands(st.Procedures), thousands(st.Copies), thousands(st.Petitions), thousands(st.ScorePeriods), thousands(st.ScoreUnits))
	if s.reused {
		fmt.Fprintf(b, "generated in %s (reused).\n", seconds(s.genTime))
	} else {
		fmt.Fprintf(b, "generated in %s.\n", seconds(s.genTime))
	}
	if st.Pages > 0 && clean != nil && clean.pages > 0 && clean.pages != st.Pages {
		fmt.Fprintf(b, "sitegen estimated %s pages; the build made %s.\n", thousands(st.Pages), thousands(clean.pages))
	}
	if s.html > 0 {
		fmt.Fprintf(b, "congkhai's pages (HTML only) weigh %s", megabytes(s.html))
		if s.hugoPages > 0 {
			fmt.Fprintf(b, "; the Hugo site has %s pages weighing %s, in %s files, %s in all", thousands(s.hugoPages), megabytes(s.hugoHTML), thousands(s.hugoFiles), megabytes(s.hugoBytes))
		}
		b.WriteString(".\n")
	}
	fmt.Fprintf(b, "Runs: %d. Load average: %.2f at the start of this size, %.2f at its end.\n\n", s.runs, s.loadStart, s.loadEnd)
	b.WriteString("| build | wall time | peak RSS | pages/s | written | changed | removed | read again | rendered again | ÷ floor | ÷ Hugo |\n")
	b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	floor := median(s.find("floor-1"))
	for _, rl := range rowLabels {
		r := s.find(rl.key)
		if r == nil {
			continue
		}
		label := rl.label
		if strings.Contains(label, "%d") {
			label = fmt.Sprintf(label, numCPU())
		}
		if len(r.walls) == 0 {
			fmt.Fprintf(b, "| %s | failed: %s | | | | | | | | | |\n", label, cell(first(r.errs)))
			continue
		}
		wall := median(r)
		decoded, rendered := "", ""
		if r.own.ok {
			decoded, rendered = thousands(r.own.decoded), thousands(r.own.rendered)
		}
		rss := ""
		if len(r.rss) > 0 {
			rss = megabytes(medianInt(r.rss))
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", label, spread(r), rss,
			thousands(int(float64(r.pages)/wall.Seconds())), thousands(r.d.Written()), thousands(r.d.Changed), thousands(r.d.Removed),
			decoded, rendered, ratio(wall, floor, r.tool != "floor"), ratio(wall, median(s.find(hugoPair[rl.key])), hugoPair[rl.key] != ""))
		if len(r.errs) > 0 {
			s.note("%s: %d of %d runs failed: %s", label, len(r.errs), len(r.errs)+len(r.walls), first(r.errs))
		}
	}
	s.stagesTable(b)
	if len(s.serveOwn) > 0 {
		w := &row{walls: s.serveOwn}
		s.note("serve: the server's own time for those builds (its log line \"đã dựng … trong …\"): %s.", spread(w))
	}
	if s.err != nil {
		s.note("%v", s.err)
	}
	if len(s.notes) > 0 {
		b.WriteString("\n")
		for _, n := range s.notes {
			fmt.Fprintf(b, "- %s\n", n)
		}
	}
}

// stagesTable writes the time of each stage of congkhai's builds, as build -v printed them
// in the last run.
func (s *sizeResult) stagesTable(b *strings.Builder) {
	var rows []*row
	for _, rl := range rowLabels {
		if r := s.find(rl.key); r != nil && r.own.ok && len(r.own.stages) > 0 {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return
	}
	b.WriteString("\nThe stages of congkhai's builds, as `build -v` timed them (last run):\n\n| build |")
	for _, n := range stageNames {
		b.WriteString(" " + n.en + " |")
	}
	b.WriteString("\n|---|")
	for range stageNames {
		b.WriteString("--:|")
	}
	b.WriteString("\n")
	for _, r := range rows {
		label := r.key
		for _, rl := range rowLabels {
			if rl.key == r.key {
				label = rl.label
			}
		}
		fmt.Fprintf(b, "| %s |", label)
		for _, n := range stageNames {
			cell := ""
			for _, st := range r.own.stages {
				if st.name == n.en {
					cell = seconds(st.d)
				}
			}
			fmt.Fprintf(b, " %s |", cell)
		}
		b.WriteString("\n")
	}
}

func (s *sizeResult) find(key string) *row {
	for _, r := range s.rows {
		if r.key == key {
			return r
		}
	}
	return nil
}

func median(r *row) time.Duration {
	if r == nil || len(r.walls) == 0 {
		return 0
	}
	w := slices.Clone(r.walls)
	slices.Sort(w)
	if len(w)%2 == 1 {
		return w[len(w)/2]
	}
	return (w[len(w)/2-1] + w[len(w)/2]) / 2
}

func medianInt(v []int64) int64 {
	if len(v) == 0 {
		return 0
	}
	v = slices.Clone(v)
	slices.Sort(v)
	return v[len(v)/2]
}

func spread(r *row) string {
	m := seconds(median(r))
	if len(r.walls) < 2 {
		return m
	}
	return fmt.Sprintf("%s (%s–%s)", m, seconds(slices.Min(r.walls)), seconds(slices.Max(r.walls)))
}

func ratio(a, b time.Duration, show bool) string {
	if !show || a == 0 || b == 0 {
		return ""
	}
	return fmt.Sprintf("%.1f×", a.Seconds()/b.Seconds())
}

func seconds(d time.Duration) string {
	switch s := d.Seconds(); {
	case s < 10:
		return fmt.Sprintf("%.2f s", s)
	default:
		return fmt.Sprintf("%.1f s", s)
	}
}

func megabytes(n int64) string {
	if n >= 1<<30 {
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

func first(errs []string) string {
	if len(errs) == 0 {
		return ""
	}
	return errs[0]
}

// cell keeps a text on one table cell.
func cell(s string) string {
	s = strings.NewReplacer("\n", " ", "|", `\|`).Replace(s)
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// benchmarksIntro opens a new BENCHMARKS.md; each run's section follows, under a heading that
// is the command that reproduces it. The bench writes only its sections: an introduction
// already in the file is left as it is.
const benchmarksIntro = `# Benchmarks

How fast congkhai builds large sites, measured by ` + "`cmd/congkhai-bench`" + ` on sites that
` + "`generator/sitegen`" + ` generates in the content format, shaped like the real data (its package
comment says how a size in pages maps to records: provinces and their registries, plans
moved from the five seed plans, progress reports, the national procedure file and copies
of it, petitions, monthly 766 results). Each section below is one run; its heading is the
command that reproduces it, from the repository's folder, its flags in name order
(` + "`-out DIR`" + `, which keeps the generated sites for the next run, changes no figure and is
left out of it). A run writes only its own section: in place of the one with the same
heading, else first.

The full measurement, on a quiet machine, one size a run (each section stands alone):

    go run ./cmd/congkhai-bench -hugo -md BENCHMARKS.md -sizes example
    go run ./cmd/congkhai-bench -hugo -md BENCHMARKS.md -sizes 10k
    go run ./cmd/congkhai-bench -hugo -md BENCHMARKS.md -sizes 100k

What is measured, at each size, for congkhai (` + "`congkhai build -v`" + ` built once with
` + "`go build`" + `, a child process):

- **clean build**: into an empty ` + "`--out`" + `, with nothing beside it: the bench deletes the output
  folder and every file congkhai keeps beside it, all named ` + "`.<out>-…`" + ` (the content cache
  ` + "`.public-cache`" + `, the manifest ` + "`.public-manifest`" + `, the lock, folders of interrupted
  builds). It does not use ` + "`--clean`" + `, which keeps the output folder and empties the cache.
- **rebuild, nothing changed**: the same build again.
- **one progress report changed** (a paragraph added to the note of the first report),
  **one procedure changed** (its name), **one template changed** (a paragraph after the
  heading of procedure.html, through ` + "`--templates`" + ` and a copy of the theme's templates),
  **next day** (` + "`--as-of`" + ` one day later). Each starts from the site built of the generated
  content, with its cache and manifest: after its build the content is restored, checked
  byte for byte against the generated files, and built again, unmeasured, with the usual
  flags, for the next change to start from.
- **serve: one progress report changed**: ` + "`congkhai serve --port 0`" + ` on the generated
  content. **serve: started, first build done** is the time from its start to the line with
  its address, which it prints after its first build. Once it answers a request (it watches
  the content before it serves), the bench changes the first progress report five times (a
  paragraph with a new marker each time) and measures, from the end of the file's write to
  the first read of the task page that holds the marker, how long the page takes to be on
  disk in the folder the server serves: the bench reads that file every 2 ms (the server
  writes into a folder of its own under ` + "`TMPDIR`" + `, which the bench sets to find it). The row
  shows the median of the five, min–max; its counts are of the last edit; the server's own
  times for those builds (its log line) are in a note. Then the report is restored, and the
  server is stopped with an interrupt (SIGINT, as Ctrl+C), through the runner, which reports
  its peak memory over the whole session.

What the columns mean:

- **wall time**: of the child process, median of the runs, min–max in brackets.
- **peak RSS**: the program's maximum resident set size, from its rusage. Each program is
  started by a small runner (cmd/congkhai-bench/runner), since Linux keeps the memory
  high-water mark of the process that execs it: the figure includes at most the runner's
  2.5 MiB, never the bench's own memory.
- **pages/s**: HTML pages in the output divided by the wall time.
- **written**: files the build created or wrote again (a new inode or modification time),
  even with the same bytes; **changed**: files whose bytes differ, new ones included;
  **removed**: files no longer there. Counted by comparing the output folder before and
  after, by content hash, size, modification time and inode. They include the marker file
  ` + "`.congkhai`" + ` that a build which writes anything writes again. The build log (builds.log
  in the size's folder) names the first paths changed by each build.
- **read again**, **rendered again**: what ` + "`build -v`" + ` says it did: content files decoded
  (the others came from the cache) and outputs rendered (the others had the same inputs).
  A second table has the time of each of its stages.
- **floor**: a trivial Go program (cmd/congkhai-bench/floor: os.MkdirAll, os.WriteFile)
  writing the same files, of the same sizes, in the same folders, into an empty folder:
  with one writer, and with as many writers as cores (congkhai writes on every core).
  **÷ floor** is the time over the one-writer floor. The floor follows the clean builds,
  while the disk still writes back what they wrote: its spread is the disk's.
- **÷ Hugo**: congkhai's time over Hugo's for the same work: clean build, rebuild with
  nothing changed, rebuild after one content file changed (congkhai: one progress report).
  Hugo is installed with ` + "`go install github.com/gohugoio/hugo@VERSION`" + ` into the work
  folder (its GOBIN), never a dependency of this module; its clean build removes
  ` + "`public/`" + `, ` + "`resources/`" + ` and its cache folder. The Hugo site has the same pages at the
  same addresses, the same records as its content, the same lists as tables (computed by
  congkhai, so Hugo is spared that work) and templates of the same weight, minified, with
  the navigation written out (no range over ` + "`.Site.Sections`" + ` on every page, which would
  make Hugo quadratic); see cmd/congkhai-bench/hugo.go. Hugo's CLI has no incremental
  build: its rebuilds are whole builds.

Each section gives the machine (` + "`nproc`" + `, the CPU model of /proc/cpuinfo, RAM, the go and
Hugo versions) and the 1-minute load average at the start and end of the run and of each
size: figures taken under load are noise beyond about 15 %.
`

// updateBenchmarks writes section into the Markdown file name: in place of the section with
// the same heading (a "## " line), else before the other sections, after the file's
// introduction. The introduction and the other sections are left as they are; a file that
// does not exist is made with benchmarksIntro.
func updateBenchmarks(name, heading, section string) error {
	old, err := os.ReadFile(name)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	section = strings.TrimRight(section, "\n") + "\n"
	intro, sections := splitSections(string(old))
	if len(old) == 0 {
		intro = benchmarksIntro
	}
	placed := false
	for i, sec := range sections {
		if h, _, _ := strings.Cut(sec, "\n"); h == heading {
			sections[i], placed = section, true
		}
	}
	if !placed {
		sections = append([]string{section}, sections...)
	}
	out := strings.TrimRight(intro, "\n") + "\n"
	for _, sec := range sections {
		out += "\n" + strings.TrimRight(sec, "\n") + "\n"
	}
	return os.WriteFile(name, []byte(out), 0o644)
}

// splitSections cuts a Markdown text at its "## " headings (outside code fences): the text
// before the first, and each section from its heading on.
func splitSections(text string) (intro string, sections []string) {
	var cur strings.Builder
	fence := false
	lines := strings.SplitAfter(text, "\n")
	started := false
	for _, line := range lines {
		if strings.HasPrefix(line, "```") {
			fence = !fence
		}
		if !fence && strings.HasPrefix(line, "## ") {
			if started {
				sections = append(sections, cur.String())
			} else {
				intro = cur.String()
			}
			cur.Reset()
			started = true
		}
		cur.WriteString(line)
	}
	if started {
		sections = append(sections, cur.String())
	} else {
		intro = cur.String()
	}
	return intro, sections
}
