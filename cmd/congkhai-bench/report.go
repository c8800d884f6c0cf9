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
	fmt.Fprintf(&b, "Measured %s (Asia/Ho_Chi_Minh) at commit %s.\n", r.start.at.In(zone).Format("2006-01-02 15:04"), r.commit)
	fmt.Fprintf(&b, "Machine: %d cores, %s, %.1f GiB; %s/%s; %s", r.start.cpus, orUnknown(r.start.cpu), float64(r.start.memory)/(1<<30), runtime.GOOS, runtime.GOARCH, runtime.Version())
	if r.hugoVersion != "" {
		fmt.Fprintf(&b, "; %s", r.hugoVersion)
	}
	b.WriteString(".\n")
	fmt.Fprintf(&b, "Load average (1 min): %.2f at the start, %.2f at the end. The machine is shared with other work: read differences of less than about 15 %% as noise.\n", r.start.load, r.end.load)
	fmt.Fprintf(&b, "Sites: generator/sitegen, seed %d, content as of %s, built with `--as-of %s`. Each figure is the median of the runs (min–max); peak RSS is the child process's maximum resident set (median).\n",
		r.cfg.seed, r.cfg.asOf, r.cfg.asOf)
	for _, s := range r.sizes {
		b.WriteString("\n")
		s.markdown(&b)
	}
	b.WriteString("\n")
	return b.String()
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
}

func rowKeys() []string {
	var keys []string
	for _, r := range rowLabels {
		keys = append(keys, r.key)
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
	b.WriteString("| build | wall time | peak RSS | pages/s | written | changed | removed | ÷ floor | ÷ Hugo |\n")
	b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n")
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
			fmt.Fprintf(b, "| %s | failed: %s | | | | | | | |\n", label, cell(first(r.errs)))
			continue
		}
		wall := median(r)
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", label, spread(r), megabytes(medianInt(r.rss)),
			thousands(int(float64(r.pages)/wall.Seconds())), thousands(r.d.Written()), thousands(r.d.Changed), thousands(r.d.Removed),
			ratio(wall, floor, r.tool != "floor"), ratio(wall, median(s.find(hugoPair[rl.key])), hugoPair[rl.key] != ""))
		if len(r.errs) > 0 {
			s.note("%s: %d of %d runs failed: %s", label, len(r.errs), len(r.errs)+len(r.walls), first(r.errs))
		}
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

// benchmarksIntro opens BENCHMARKS.md; each run's section follows, newest first, under a
// heading that is the command that reproduces it.
const benchmarksIntro = `# Benchmarks

How fast congkhai builds large sites, measured by ` + "`cmd/congkhai-bench`" + ` on sites that
` + "`generator/sitegen`" + ` generates in the content format, shaped like the real data (its package
comment says how a size in pages maps to records: provinces and their registries, plans
moved from the five seed plans, progress reports, the national procedure file and copies
of it, petitions, monthly 766 results). Each section below is one run; its heading is the
command that reproduces it, from the repository's folder.

What the columns mean:

- **wall time**: of the child process (` + "`congkhai build`" + ` built once with ` + "`go build`" + `, ` + "`hugo --quiet`" + `, or
  the floor), median of the runs, min–max in brackets.
- **peak RSS**: the program's maximum resident set size, from its rusage. Each program is
  started by a small runner (cmd/congkhai-bench/runner), since Linux keeps the memory
  high-water mark of the process that execs it: the figure includes at most the runner's
  2.5 MiB, never the bench's own memory.
- **pages/s**: HTML pages in the output divided by the wall time.
- **written**: files the build created or wrote again (a new inode or modification time),
  even with the same bytes; **changed**: files whose bytes differ, new ones included;
  **removed**: files no longer there. Counted by comparing the output folder before and
  after, by content hash, size, modification time and inode.
- **floor**: a trivial Go program (cmd/congkhai-bench/floor: os.MkdirAll, os.WriteFile)
  writing the same files, of the same sizes, in the same folders, into an empty folder:
  with one writer, and with as many writers as cores (congkhai writes on every core).
  **÷ floor** is the time over the one-writer floor. The floor follows the clean builds,
  while the disk still writes back what they wrote: its spread is the disk's.
- **÷ Hugo**: congkhai's time over Hugo's for the same work: clean build, rebuild with
  nothing changed, rebuild after one content file changed (congkhai: one progress report).
  The Hugo site has the same pages at the same addresses, the same records as its content,
  the same lists as tables (computed by congkhai, so Hugo is spared that work) and
  templates of the same weight, minified; see cmd/congkhai-bench/hugo.go. Hugo's CLI has no
  incremental build: its rebuilds are whole builds.
- The rebuilds follow each other in one run: nothing changed, then one progress report's
  note, one procedure's name, one template (a paragraph added to procedure.html, through
  ` + "`--templates`" + `), then the next day with the changes kept; the content is restored after
  each run.
`

// updateBenchmarks writes section into the Markdown file name: in place of the section with
// the same heading, else first, after the file's introduction.
func updateBenchmarks(name, heading, section string) error {
	old, err := os.ReadFile(name)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	var keep []string
	parts := strings.Split("\n"+string(old), "\n## ")
	for _, p := range parts[1:] {
		p = "## " + p
		h, _, _ := strings.Cut(p, "\n")
		if h != heading {
			keep = append(keep, strings.TrimRight(p, "\n")+"\n")
		}
	}
	out := benchmarksIntro + "\n" + strings.TrimRight(section, "\n") + "\n"
	for _, k := range keep {
		out += "\n" + k
	}
	return os.WriteFile(name, []byte(out), 0o644)
}
