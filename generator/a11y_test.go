package generator_test

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The HTML and accessibility checks use two tools pinned in testdata/a11y/package.json
// (html-validate and axe-core), installed there with npm ci when node_modules lacks them,
// as .ci/run does first. See testdata/a11y/README.md for the rules and why two are set.
const a11yDir = "../testdata/a11y"

// a11yInstall runs npm ci in testdata/a11y once for the whole test binary.
var a11yInstall = sync.OnceValue(func() error {
	if _, err := os.Stat(filepath.Join(a11yDir, "node_modules", ".package-lock.json")); err == nil {
		ok := true
		for _, p := range []string{"html-validate/package.json", "axe-core/axe.min.js"} {
			if _, err := os.Stat(filepath.Join(a11yDir, "node_modules", p)); err != nil {
				ok = false
			}
		}
		if ok {
			return nil
		}
	}
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = a11yDir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("npm ci in %s: %v\n%s", a11yDir, err, out)
	}
	return nil
})

// a11yTools makes sure the pinned tools are installed and returns node's path. A machine
// without node and npm skips the tests that need them, unless CONGKHAI_REQUIRE_NODE is set,
// as .ci/run does; a failed install fails them.
func a11yTools(t testing.TB) string {
	t.Helper()
	var bin string
	for _, tool := range []string{"npm", "node"} {
		p, err := exec.LookPath(tool)
		if err != nil {
			if os.Getenv("CONGKHAI_REQUIRE_NODE") != "" {
				t.Fatalf("%s is required (CONGKHAI_REQUIRE_NODE is set) but not found", tool)
			}
			t.Skipf("%s not found; the HTML and accessibility checks run html-validate and axe-core from npm", tool)
		}
		bin = p
	}
	if err := a11yInstall(); err != nil {
		t.Fatal(err)
	}
	// go test's cache does not see what node reads: read the pins and the configuration
	// here so that a change to them runs the tests again.
	for _, f := range []string{"package-lock.json", ".htmlvalidate.json"} {
		if _, err := os.ReadFile(filepath.Join(a11yDir, f)); err != nil {
			t.Fatal(err)
		}
	}
	return bin
}

// hvFile is html-validate's JSON report of one file.
type hvFile struct {
	FilePath string `json:"filePath"`
	Messages []struct {
		RuleID   string `json:"ruleId"`
		Severity int    `json:"severity"` // 2 error, 1 warning
		Message  string `json:"message"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
	} `json:"messages"`
}

// Every page of the example site is valid HTML under html-validate's recommended rules
// (testdata/a11y/.htmlvalidate.json). The pages go to html-validate in batches, one
// process per core at a time; the test logs how long it took (40 s for 2,427 pages on two
// idle cores, three times that on busy ones).
func TestHTMLValid(t *testing.T) {
	node := a11yTools(t)
	site := builtExample(t)
	var pages []string
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 100 {
		t.Fatalf("only %d pages in the example site", len(pages))
	}
	slices.Sort(pages)
	// A page with a known error goes first, to show that html-validate checks and reports.
	known := filepath.Join(t.TempDir(), "known-error.html")
	if err := os.WriteFile(known, []byte(`<!doctype html><html lang="vi"><head><title>Lỗi đã biết</title></head><body><main><button>Tìm</button></main></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	pages = append([]string{known}, pages...)

	cli, err := filepath.Abs(filepath.Join(a11yDir, "node_modules", "html-validate", "bin", "html-validate.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	config, err := filepath.Abs(filepath.Join(a11yDir, ".htmlvalidate.json"))
	if err != nil {
		t.Fatal(err)
	}
	const batch = 200 // pages to a process: a command line well under the system's limit
	var batches [][]string
	for b := range slices.Chunk(pages, batch) {
		batches = append(batches, b)
	}
	tmp := t.TempDir()
	start := time.Now()
	reports := make([][]hvFile, len(batches))
	errs := make([]error, len(batches))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, b := range batches {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			// The report goes to a file: node, exiting, cuts short what it still had to
			// write to a pipe.
			report := filepath.Join(tmp, fmt.Sprintf("report-%d.json", i))
			cmd := exec.Command(node, append([]string{cli, "--config", config, "--formatter", "json=" + report}, b...)...)
			out, err := cmd.CombinedOutput()
			// html-validate exits with 1 when it found errors, and its report (of the files
			// with messages only) says which; anything else is a failure to check.
			if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
				err = nil
			}
			if err == nil {
				var data []byte
				if data, err = os.ReadFile(report); err == nil {
					err = json.Unmarshal(data, &reports[i])
				}
			}
			if err != nil {
				errs[i] = fmt.Errorf("html-validate on %d pages from %s: %v\n%s", len(b), b[0], err, out)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}

	type problem struct{ where, rule, message string }
	var problems []problem
	knownFound := false
	for _, r := range reports {
		for _, f := range r {
			if f.FilePath == known {
				for _, m := range f.Messages {
					knownFound = knownFound || m.RuleID == "no-implicit-button-type"
				}
				continue
			}
			rel, err := filepath.Rel(site, f.FilePath)
			if err != nil {
				rel = f.FilePath
			}
			for _, m := range f.Messages {
				if m.Severity < 2 {
					t.Logf("warning: %s:%d:%d %s %s", filepath.ToSlash(rel), m.Line, m.Column, m.RuleID, m.Message)
					continue
				}
				problems = append(problems, problem{fmt.Sprintf("%s:%d:%d", filepath.ToSlash(rel), m.Line, m.Column), m.RuleID, m.Message})
			}
		}
	}
	if !knownFound {
		t.Fatalf("html-validate did not report the button without a type in %s", known)
	}
	t.Logf("html-validate checked %d pages in %s (%d processes of up to %d pages, %d at a time)",
		len(pages)-1, elapsed.Round(100*time.Millisecond), len(batches), batch, runtime.GOMAXPROCS(0))
	if len(problems) == 0 {
		return
	}
	// Each error, then a count by rule with an example, so that the end of a long log says
	// what is wrong.
	byRule := map[string][]problem{}
	for _, p := range problems {
		t.Errorf("%s %s %s", p.where, p.rule, p.message)
		byRule[p.rule] = append(byRule[p.rule], p)
	}
	rules := slices.Collect(maps.Keys(byRule))
	slices.SortFunc(rules, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(byRule[b]), len(byRule[a])), strings.Compare(a, b))
	})
	var sum strings.Builder
	for _, r := range rules {
		fmt.Fprintf(&sum, "\n  %5d %s, e.g. %s %s", len(byRule[r]), r, byRule[r][0].where, byRule[r][0].message)
	}
	t.Errorf("%d html-validate errors in %d pages:%s", len(problems), len(pages)-1, sum.String())
}

// axeTags are the axe-core rules the accessibility test runs: WCAG 2.0, 2.1 and 2.2 at
// levels A and AA, and axe's best practices.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

// axeDisabled are the axe-core rules the test does not run, each with its reason. Keep it
// short: fix the page instead.
var axeDisabled = map[string]string{}

// axeSource is axe-core's script, read from testdata/a11y/node_modules: the pages load
// nothing from other hosts, and neither does the test.
var axeSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile(filepath.Join(a11yDir, "node_modules", "axe-core", "axe.min.js"))
	return string(b), err
})

// axeViolation is one axe-core rule a page breaks, with the elements that break it.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []struct{ Target, Summary string }
}

// runAxe runs axe-core (axeTags, without axeDisabled) on the document the browser of ctx
// shows, injecting it first when the page does not have it, and returns the violations.
func runAxe(ctx context.Context) ([]axeViolation, error) {
	src, err := axeSource()
	if err != nil {
		return nil, err
	}
	has, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
	if err != nil {
		return nil, err
	}
	if !has {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
			return nil, fmt.Errorf("inject axe-core: %w", err)
		}
	}
	opts := map[string]any{
		"runOnly":     map[string]any{"type": "tag", "values": axeTags},
		"resultTypes": []string{"violations"},
	}
	rules := map[string]any{}
	for id := range axeDisabled {
		rules[id] = map[string]bool{"enabled": false}
	}
	if len(rules) > 0 {
		opts["rules"] = rules
	}
	o, err := json.Marshal(opts)
	if err != nil {
		return nil, err
	}
	js := `axe.run(document, ` + string(o) + `).then(r => JSON.stringify(r.violations.map(v => ({
		ID: v.id, Impact: v.impact || "", Help: v.help,
		Nodes: v.nodes.map(n => ({Target: n.target.flat(Infinity).join(" "), Summary: n.failureSummary || ""})),
	}))))`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("axe.run: %w", err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		return nil, err
	}
	return vs, nil
}

// checkAxe fails the test for every axe-core violation, of any impact, on the page the
// browser of ctx shows; where names the page in the messages. The kiosk's tests call it
// too.
func checkAxe(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	vs, err := runAxe(ctx)
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	for _, v := range vs {
		for _, n := range v.Nodes {
			t.Errorf("%s: %s (%s) at %s: %s\n\t%s", where, v.ID, v.Impact, n.Target, v.Help, strings.ReplaceAll(n.Summary, "\n", "\n\t"))
		}
	}
}

// a11yPages are the pages that stand for the normal site in the accessibility test: one of
// each kind a reader meets, with ready, when set, what shows once the page's script has
// done its work.
var a11yPages = []struct{ name, path, ready string }{
	{"home", "index.html", ""},
	{"plans", "ke-hoach/index.html", ""},
	{"plan", "ke-hoach/vinh-long-2024-kiem-soat-tthc/index.html", ""},
	{"task", "ke-hoach/vinh-long-2024-kiem-soat-tthc/so-hoa-ho-so-ket-qua-tthc/index.html", ""},
	{"agencies", "co-quan/index.html", ""},
	{"agency", "co-quan/an-giang/so-tu-phap/index.html", ""},
	{"catalogue", "thu-tuc/index.html", ""},
	{"procedure", "thu-tuc/1.000894/index.html", ""},
	{"petitions", "pakn/index.html", ""},
	{"petition", "pakn/2026-018/index.html", ""},
	{"766 index", "chi-so-766/index.html", ""},
	{"766 period", "chi-so-766/2026-10/index.html", ""},
	{"search with results", "tim-kiem/index.html?q=dang+ky+ket+hon", `#ket-qua[data-state="done"] li`},
	{"method", "cach-tinh/index.html", ""},
}

// The normal site meets WCAG 2.2 AA as far as axe-core can tell: no violation of any
// impact on a page of every kind, on a phone 360 px wide and on a screen 1280 px wide.
func TestAccessibility(t *testing.T) {
	a11yTools(t)
	site := builtExample(t)
	ctx, cancel := context.WithTimeout(browser(t), 5*time.Minute)
	defer cancel()
	srv := newSiteServer(site, "/")
	defer srv.Close()
	// First, on a page given a known fault, that axe-core runs and reports.
	do(t, ctx, "a page with a known fault", chromedp.Navigate(srv.url("cach-tinh/index.html")), chromedp.WaitVisible("main"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("main").append(Object.assign(document.createElement("img"), {src: "x.png"}))`))
	vs, err := runAxe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(vs, func(v axeViolation) bool { return v.ID == "image-alt" }) {
		t.Fatalf("axe-core did not report an image without alt text: %+v", vs)
	}
	for _, width := range []int64{360, 1280} {
		do(t, ctx, "viewport", viewport(width, 800, width < 600))
		for _, p := range a11yPages {
			where := fmt.Sprintf("%s (%s) at %d px", p.name, p.path, width)
			actions := []chromedp.Action[chromedp.Void]{chromedp.Navigate(srv.url(p.path)), chromedp.WaitVisible("main")}
			if p.ready != "" {
				actions = append(actions, chromedp.WaitVisible(p.ready))
			}
			do(t, ctx, where, actions...)
			checkAxe(t, ctx, where)
		}
	}
}
