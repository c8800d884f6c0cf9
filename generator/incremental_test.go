package generator_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"congkhai/generator"
	"congkhai/generator/schedule"
)

var (
	incrementalSteps = flag.Int("incremental.steps", 40, "edits TestIncrementalEqualsClean applies")
	incrementalSeed  = flag.Uint64("incremental.seed", 1, "seed of TestIncrementalEqualsClean's edits")
)

// An incremental build publishes exactly what a clean build of the same content does. A
// random sequence of edits of every kind (records added, changed and removed, a template,
// a static file, site.toml, the holidays, the as-of day) is applied to a site; after each,
// the site published incrementally is compared, byte for byte, with a clean build of the
// same content. An edit that breaks the content must leave the published site as it was.
// The site has a long list of every kind, in pages of five, so that edits move items from
// page to page.
// Run longer by hand: go test ./generator -run IncrementalEqualsClean -incremental.steps=500
// -incremental.seed=7.
func TestIncrementalEqualsClean(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	theme := filepath.Join(dir, "templates")
	style := filepath.Join(dir, "static")
	paginationFixture(t, content)
	copyDir(t, "../templates", theme)
	os.MkdirAll(style, 0o755)
	css, err := os.ReadFile("../static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(style, "style.css"), string(css))
	out := filepath.Join(dir, "public")
	e := &editor{t: t, rng: rand.New(rand.NewPCG(*incrementalSeed, 7)), content: content, theme: theme, static: style,
		asOf: schedule.D(2026, 11, 21)}
	opts := func(out string) generator.Options {
		return generator.Options{Content: os.DirFS(content), Out: out, AsOf: e.asOf, PageSize: 5,
			Templates: os.DirFS(theme), Static: os.DirFS(style)}
	}
	if _, err := generator.Build(context.Background(), opts(out)); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	var rendered, written, outputs int
	for step := 1; step <= *incrementalSteps; step++ {
		what, undo := e.edit()
		counts[strings.Fields(what)[0]]++
		before := readTree(t, out)
		res, err := generator.Build(context.Background(), opts(out))
		if err != nil {
			// The edit broke the content: nothing published changes, and it is undone.
			if got := readTree(t, out); !sameTree(got, before) {
				t.Fatalf("step %d (%s): a failed build changed the published site", step, what)
			}
			undo()
			continue
		}
		cleanOut := filepath.Join(t.TempDir(), "public")
		o := opts(cleanOut)
		o.Clean = true
		if _, err := generator.Build(context.Background(), o); err != nil {
			t.Fatalf("step %d (%s): the clean build failed: %v", step, what, err)
		}
		got, want := readTree(t, out), readTree(t, cleanOut)
		if !sameTree(got, want) {
			for name := range union(got, want) {
				if !bytes.Equal(got[name], want[name]) {
					t.Errorf("step %d (%s): %s differs from the clean build's (%d bytes, clean %d)", step, what, name, len(got[name]), len(want[name]))
				}
			}
			t.FailNow()
		}
		rendered += len(res.RenderedPaths)
		written += res.Stats.Written + res.Stats.Removed
		outputs += res.Stats.Files
		os.RemoveAll(filepath.Dir(cleanOut))
	}
	t.Logf("%d steps (seed %d): %v; incremental builds rendered %d and wrote or removed %d of %d files in all",
		*incrementalSteps, *incrementalSeed, counts, rendered, written, outputs)
}

// incrementalFixture writes a site with something of every kind and small enough to build
// twice a step: two plans with their reports, the agencies, the procedures the petitions
// name and a few more, the petitions, three periods of 766 results, the holidays.
func incrementalFixture(t *testing.T, dir string) {
	t.Helper()
	src := os.DirFS("../content")
	keep := func(name string) bool {
		switch {
		case name == "site.toml", name == "ngay-nghi.toml", strings.HasPrefix(name, "agencies/"), strings.HasPrefix(name, "pakn/"):
			return true
		case strings.HasPrefix(name, "plans/vinh-linh-") || strings.HasPrefix(name, "progress/vinh-linh-"),
			strings.HasPrefix(name, "plans/vinh-long-2024-kiem-soat") || strings.HasPrefix(name, "progress/vinh-long-2024-kiem-soat"):
			return true
		case strings.HasPrefix(name, "chi-so-766/"):
			return name == "chi-so-766/2026-09.toml" || name == "chi-so-766/2026-10.toml" || name == "chi-so-766/2026-toan-quoc.toml"
		case strings.HasPrefix(name, "thu-tuc/"):
			return true // chosen below
		}
		return false
	}
	named := map[string]bool{}
	petitions, _ := fs.Glob(src, "pakn/*.toml")
	for _, p := range petitions {
		b, _ := fs.ReadFile(src, p)
		if m := regexp.MustCompile(`(?m)^procedure = "([^"]+)"`).FindSubmatch(b); m != nil {
			named[string(m[1])] = true
		}
	}
	procedures, _ := fs.Glob(src, "thu-tuc/*.toml")
	extra := 0
	err := fs.WalkDir(src, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !keep(name) {
			return err
		}
		if strings.HasPrefix(name, "thu-tuc/") {
			code := strings.TrimSuffix(path.Base(name), ".toml")
			if !named[code] {
				if extra >= 30 || slices.Index(procedures, name)%40 != 0 {
					return nil
				}
				extra++
			}
		}
		b, err := fs.ReadFile(src, name)
		if err != nil {
			return err
		}
		write(t, filepath.Join(dir, filepath.FromSlash(name)), string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sameTree(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !bytes.Equal(v, w) {
			return false
		}
	}
	return true
}

func union(a, b map[string][]byte) map[string]bool {
	u := map[string]bool{}
	for k := range a {
		u[k] = true
	}
	for k := range b {
		u[k] = true
	}
	return u
}

// editor makes random edits of a site, as an editor would, each with a way back.
type editor struct {
	t                      *testing.T
	rng                    *rand.Rand
	content, theme, static string
	asOf                   schedule.Date
	n                      int
}

// edit makes one edit and returns what it did and how to undo it.
func (e *editor) edit() (string, func()) {
	e.n++
	kinds := []func() (string, func()){
		e.report, e.report, e.newReport, e.dropReport, e.planText, e.planText, e.procedure, e.dropProcedure,
		e.petition, e.newPetition, e.dropPetition, e.agency, e.template, e.style, e.site, e.holiday, e.day, e.period,
	}
	return kinds[e.rng.IntN(len(kinds))]()
}

func (e *editor) pick(pattern string) string {
	files, _ := filepath.Glob(filepath.Join(e.content, pattern))
	if len(files) == 0 {
		return ""
	}
	slices.Sort(files)
	return files[e.rng.IntN(len(files))]
}

// change rewrites a file and returns how to put it back.
func (e *editor) change(name string, f func(string) string) func() {
	old, err := os.ReadFile(name)
	if err != nil {
		e.t.Fatal(err)
	}
	write(e.t, name, f(string(old)))
	return func() { write(e.t, name, string(old)) }
}

func (e *editor) create(name, text string) func() {
	write(e.t, name, text)
	return func() { os.Remove(name) }
}

func (e *editor) remove(name string) func() {
	old, err := os.ReadFile(name)
	if err != nil {
		e.t.Fatal(err)
	}
	os.Remove(name)
	return func() { write(e.t, name, string(old)) }
}

// replaceOne replaces the match of re at a random one of its places with repl(match).
func (e *editor) replaceOne(s string, re *regexp.Regexp, repl func(string) string) string {
	locs := re.FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return s
	}
	l := locs[e.rng.IntN(len(locs))]
	return s[:l[0]] + repl(s[l[0]:l[1]]) + s[l[1]:]
}

var (
	percentRe  = regexp.MustCompile(`(?m)^percent = \d+`)
	statusRe   = regexp.MustCompile(`(?m)^status = "(not-started|in-progress|done|periodic)"`)
	deadlineRe = regexp.MustCompile(`(?m)^deadline = "[^"\n]*"`)
	contentRe  = regexp.MustCompile(`(?m)^content = "[^"\n]*`)
	nameRe     = regexp.MustCompile(`(?m)^name = "[^"\n]*`)
	answerRe   = regexp.MustCompile(`(?m)^answer = """`)
	totalRe    = regexp.MustCompile(`(?m)^rank = \d+`)
)

var deadlines = []string{"Tháng 12/2024", "Quý II/2024", "31/12/2024", "Thường xuyên", "Hàng quý", "Năm 2024",
	"Trước ngày 15/8/2024", "Theo yêu cầu", "6 tháng đầu năm 2024", "Ngày 05 hàng tháng"}

func (e *editor) report() (string, func()) {
	name := e.pick("progress/*/*.md")
	return "report " + filepath.Base(name), e.change(name, func(s string) string {
		if e.rng.IntN(2) == 0 {
			s = e.replaceOne(s, percentRe, func(string) string { return fmt.Sprintf("percent = %d", e.rng.IntN(101)) })
		} else {
			s = e.replaceOne(s, statusRe, func(string) string {
				return `status = "` + []string{"not-started", "in-progress", "done", "periodic"}[e.rng.IntN(4)] + `"`
			})
		}
		return strings.Replace(s, "+++\n", "+++\n", 1) + "\nSửa lần " + fmt.Sprint(e.n) + ".\n"
	})
}

func (e *editor) newReport() (string, func()) {
	from := e.pick("progress/*/*.md")
	b, _ := os.ReadFile(from)
	day := schedule.D(2024, 1, 1).AddDays(e.rng.IntN(700))
	s := regexp.MustCompile(`(?m)^date = \d{4}-\d{2}-\d{2}`).ReplaceAllString(string(b), "date = "+day.String())
	s = regexp.MustCompile(`(?m)^completed = .*\n`).ReplaceAllString(s, "")
	task := regexp.MustCompile(`(?m)^task = "([^"]+)"`).FindStringSubmatch(s)
	if task == nil {
		return "report-new (none)", func() {}
	}
	name := filepath.Join(filepath.Dir(from), task[1]+"-"+day.String()+".md")
	if _, err := os.Stat(name); err == nil {
		return "report-new (exists)", func() {}
	}
	return "report-new " + filepath.Base(name), e.create(name, s)
}

func (e *editor) dropReport() (string, func()) {
	name := e.pick("progress/*/*.md")
	return "report-drop " + filepath.Base(name), e.remove(name)
}

func (e *editor) planText() (string, func()) {
	name := e.pick("plans/*/plan.toml")
	return "plan " + filepath.Base(filepath.Dir(name)), e.change(name, func(s string) string {
		if e.rng.IntN(2) == 0 {
			return e.replaceOne(s, deadlineRe, func(string) string { return `deadline = "` + deadlines[e.rng.IntN(len(deadlines))] + `"` })
		}
		return e.replaceOne(s, contentRe, func(m string) string { return m + fmt.Sprintf(" (sửa %d)", e.n) })
	})
}

func (e *editor) procedure() (string, func()) {
	name := e.pick("thu-tuc/*.toml")
	return "procedure " + filepath.Base(name), e.change(name, func(s string) string {
		if e.rng.IntN(3) == 0 {
			fields := regexp.MustCompile(`(?m)^field = "[^"\n]*"`)
			other, _ := os.ReadFile(e.pick("thu-tuc/*.toml"))
			if f := fields.FindString(string(other)); f != "" {
				return fields.ReplaceAllString(s, f)
			}
		}
		return e.replaceOne(s, nameRe, func(m string) string { return m + fmt.Sprintf(" (sửa %d)", e.n) })
	})
}

func (e *editor) dropProcedure() (string, func()) {
	name := e.pick("thu-tuc/*.toml")
	return "procedure-drop " + filepath.Base(name), e.remove(name)
}

func (e *editor) petition() (string, func()) {
	name := e.pick("pakn/*.toml")
	return "petition " + filepath.Base(name), e.change(name, func(s string) string {
		if answerRe.MatchString(s) {
			return answerRe.ReplaceAllString(s, `answer = """`+fmt.Sprintf("Trả lời bổ sung lần %d, liên hệ SĐT 0912 345 6%02d. ", e.n, e.n%100))
		}
		return strings.Replace(s, `question = """`, `question = """`+fmt.Sprintf("Hỏi thêm lần %d. ", e.n), 1)
	})
}

func (e *editor) newPetition() (string, func()) {
	from := e.pick("pakn/*.toml")
	b, _ := os.ReadFile(from)
	name := filepath.Join(e.content, "pakn", fmt.Sprintf("2026-9%02d.toml", e.n%100))
	if _, err := os.Stat(name); err == nil {
		return "petition-new (exists)", func() {}
	}
	return "petition-new " + filepath.Base(name), e.create(name, string(b))
}

func (e *editor) dropPetition() (string, func()) {
	name := e.pick("pakn/*.toml")
	return "petition-drop " + filepath.Base(name), e.remove(name)
}

func (e *editor) agency() (string, func()) {
	name := e.pick("agencies/*.toml")
	return "agency " + filepath.Base(name), e.change(name, func(s string) string {
		return e.replaceOne(s, nameRe, func(m string) string { return m + fmt.Sprintf(" (đổi tên %d)", e.n) })
	})
}

func (e *editor) template() (string, func()) {
	files, _ := filepath.Glob(filepath.Join(e.theme, "*.html"))
	slices.Sort(files)
	name := files[e.rng.IntN(len(files))]
	return "template " + filepath.Base(name), e.change(name, func(s string) string {
		i := strings.LastIndex(s, "{{end}}")
		if i < 0 {
			return s
		}
		return s[:i] + fmt.Sprintf("<p>Sửa mẫu %d</p>", e.n) + s[i:]
	})
}

func (e *editor) style() (string, func()) {
	name := filepath.Join(e.static, "style.css")
	return "static style.css", e.change(name, func(s string) string {
		return s + fmt.Sprintf("\n.sua-%d{color:#123}\n", e.n)
	})
}

func (e *editor) site() (string, func()) {
	name := filepath.Join(e.content, "site.toml")
	return "site site.toml", e.change(name, func(s string) string {
		return regexp.MustCompile(`(?m)^title = "([^"\n]*)"`).ReplaceAllString(s, fmt.Sprintf(`title = "${1} %d"`, e.n))
	})
}

func (e *editor) holiday() (string, func()) {
	name := filepath.Join(e.content, "ngay-nghi.toml")
	day := schedule.D(2024, 1, 1).AddDays(e.rng.IntN(1000))
	return "holidays " + day.String(), e.change(name, func(s string) string {
		return s + fmt.Sprintf("\n[[holiday]]\nfrom = %s\nname = \"Nghỉ bù %d\"\n", day, e.n)
	})
}

func (e *editor) day() (string, func()) {
	old := e.asOf
	e.asOf = e.asOf.AddDays(e.rng.IntN(121) - 60)
	return "as-of " + e.asOf.String(), func() { e.asOf = old }
}

func (e *editor) period() (string, func()) {
	name := e.pick("chi-so-766/*.toml")
	return "period " + filepath.Base(name), e.change(name, func(s string) string {
		return e.replaceOne(s, totalRe, func(string) string { return fmt.Sprintf("rank = %d", 1+e.rng.IntN(40)) })
	})
}
