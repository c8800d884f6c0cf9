package generator_test

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"congkhai/generator"
	"congkhai/generator/diag"
	"congkhai/generator/model"
	"congkhai/generator/schedule"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

var asOf = schedule.D(2026, time.November, 21)

func build(t *testing.T, contentDir, out string) *generator.Result {
	t.Helper()
	res, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS(contentDir), Out: out, AsOf: asOf})
	if err != nil {
		t.Fatalf("build %s: %v", contentDir, err)
	}
	return res
}

// exampleBuild builds the example site once for every test that only reads the output or
// the model.
var exampleBuild = sync.OnceValues(func() (*generator.Result, error) {
	return generator.Build(context.Background(), generator.Options{Content: os.DirFS("../content"), Out: exampleOut, AsOf: asOf})
})

var exampleOut = filepath.Join(os.TempDir(), fmt.Sprintf("congkhai-registers-%d", os.Getpid()))

// exampleSite returns where the example site was built.
func exampleSite() (string, error) {
	_, err := exampleBuild()
	return exampleOut, err
}

func builtExample(t *testing.T) string {
	t.Helper()
	out, err := exampleSite()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// exampleModel is the model of the example site's build.
func exampleModel(t testing.TB) *model.Site {
	t.Helper()
	res, err := exampleBuild()
	if err != nil {
		t.Fatal(err)
	}
	return res.Site
}

// TestMain removes the shared example build.
func TestMain(m *testing.M) {
	code := m.Run()
	os.RemoveAll(exampleOut)
	os.Exit(code)
}

// golden compares got with the file testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("..", "testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./generator -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./generator -update and review the diff.\ngot:\n%s", name, got)
	}
}

// The five seed plans are complete: a lost or duplicated row fails here.
func TestExampleSitePlansAreComplete(t *testing.T) {
	site := exampleModel(t)
	want := map[string]struct{ tasks, indicators int }{
		"vinh-long-2024-kiem-soat-tthc":      {40, 0},
		"an-giang-2025-kiem-soat-tthc":       {126, 20},
		"thua-thien-hue-2022-kiem-soat-tthc": {46, 0},
		"vinh-long-2024-cai-cach-hanh-chinh": {66, 0},
		"vinh-linh-2024-kiem-soat-tthc":      {26, 0},
	}
	if len(site.Plans) != len(want) {
		t.Errorf("%d plans, want %d", len(site.Plans), len(want))
	}
	for _, p := range site.Plans {
		w, ok := want[p.ID]
		if !ok {
			t.Errorf("unexpected plan %s", p.ID)
			continue
		}
		if len(p.Tasks) != w.tasks || len(p.Indicators) != w.indicators {
			t.Errorf("%s: %d tasks and %d indicators, want %d and %d", p.ID, len(p.Tasks), len(p.Indicators), w.tasks, w.indicators)
		}
	}
	// Every report of the example site is illustrative, so the site must say so.
	for _, r := range site.Reports {
		if !r.Illustrative {
			t.Errorf("%s: the example site has no real progress data; mark the report illustrative", r.File)
		}
	}
}

// check reports every problem of a broken content folder, sorted, with positions.
func TestCheckReportsEveryProblem(t *testing.T) {
	_, err := generator.Check(context.Background(), generator.Options{Content: os.DirFS("../testdata/broken/content"), AsOf: asOf})
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("Check: %v, want a diag.List", err)
	}
	if !slices.IsSortedFunc(list, func(a, b *diag.Error) int {
		return cmp.Or(strings.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line))
	}) {
		t.Error("errors are not sorted by file and line")
	}
	golden(t, "broken/want.txt", []byte(list.Error()+"\n"))
}

func TestBuildIsDeterministic(t *testing.T) {
	a, b := builtExample(t), filepath.Join(t.TempDir(), "b")
	build(t, "../content", b)
	fa, fb := readTree(t, a), readTree(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files, err := readDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// readDir reads every file under dir, by slash-separated path relative to it.
func readDir(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	return files, err
}

// exampleFiles reads the shared example build once, for the tests that read every file.
var exampleFiles = sync.OnceValues(func() (map[string][]byte, error) {
	out, err := exampleSite()
	if err != nil {
		return nil, err
	}
	return readDir(out)
})

func builtFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := exampleFiles()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// A failed build leaves the published site as it was; a good one removes stale files.
func TestPublishIsAtomic(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, "../testdata/small/content", out)
	stale := filepath.Join(out, "ke-hoach", "cu", "index.html")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("trang cũ"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)

	_, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS("../testdata/broken/content"), Out: out, AsOf: asOf})
	if err == nil {
		t.Fatal("building broken content succeeded")
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("a failed build changed the number of published files: %d -> %d", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("a failed build changed %s", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != ".public-manifest" && e.Name() != ".public-cache" { // the manifest of what is published and the cache stay
			t.Errorf("a failed build left %s", e.Name())
		}
	}

	build(t, "../testdata/small/content", out)
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file with no source survived a build: %v", err)
	}
}

func TestPublishRefusesForeignFolder(t *testing.T) {
	out := t.TempDir()
	mine := filepath.Join(out, "thesis.docx")
	if err := os.WriteFile(mine, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS("../testdata/small/content"), Out: out, AsOf: asOf})
	if err == nil {
		t.Fatal("build replaced a folder congkhai did not create")
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("the user's file is gone: %v", err)
	}
}

var (
	hrefRe = regexp.MustCompile(`(?:href|src|action|data-index)="([^"]*)"`)
	idRe   = regexp.MustCompile(`\sid="([^"]+)"`)
)

// Every internal link, anchor, form action and search index of the example site resolves, and nothing is loaded from
// another host.
func TestExampleSiteLinksResolve(t *testing.T) {
	files := builtFiles(t)
	if checked := checkLinks(t, files); checked < 1000 {
		t.Errorf("only %d links checked; the walk is not seeing the site", checked)
	}
	// A document the site holds becomes a link where another plan cites it.
	cites := files["ke-hoach/vinh-long-2024-kiem-soat-tthc/index.html"]
	if !bytes.Contains(cites, []byte(`href="../vinh-long-2024-cai-cach-hanh-chinh/index.html"`)) {
		t.Error("the Vĩnh Long KSTTHC plan does not link Quyết định số 2890/QĐ-UBND to the CCHC plan")
	}
}

// checkLinks reports every link of the HTML pages of a built site that does not resolve
// to a file and, with a fragment, an id in it, or that names a folder or another host. It
// returns how many links it checked.
func checkLinks(t *testing.T, files map[string][]byte) int {
	t.Helper()
	ids := map[string]map[string]bool{}
	for name, data := range files {
		if path.Ext(name) != ".html" {
			continue
		}
		ids[name] = map[string]bool{}
		for _, m := range idRe.FindAllSubmatch(data, -1) {
			ids[name][string(m[1])] = true
		}
	}
	checked := 0
	for name, data := range files {
		if path.Ext(name) != ".html" {
			continue
		}
		for _, m := range hrefRe.FindAllSubmatch(data, -1) {
			link := string(m[1])
			if strings.Contains(link, "://") || strings.HasPrefix(link, "//") {
				t.Errorf("%s links to another host: %s", name, link)
				continue
			}
			target, frag, _ := strings.Cut(link, "#")
			if target == "" {
				target = name
			} else {
				target = path.Join(path.Dir(name), target)
			}
			if strings.HasSuffix(link, "/") || !strings.Contains(path.Base(target), ".") {
				t.Errorf("%s: link %q names a folder, which shows a listing under file://", name, link)
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s: broken link %q", name, link)
				continue
			}
			if frag != "" && !ids[target][frag] {
				t.Errorf("%s: link %q: no id %q in %s", name, link, frag, target)
			}
			checked++
		}
	}
	return checked
}

// The pages of a small site match their golden files (run with -update after a deliberate
// change of templates, and review the diff).
func TestSmallSiteGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, "../testdata/small/content", out)
	files := readTree(t, out)
	for name, data := range files {
		if bytes.Contains(data, []byte("<script>alert")) || bytes.Contains(data, []byte("<b>")) {
			t.Errorf("%s: raw HTML from content reached the page", name)
		}
	}
	if !bytes.Contains(files["ke-hoach/ke-hoach-mau-2024/so-hoa-ho-so/index.html"], []byte("<strong>Markdown</strong>")) {
		t.Error("Markdown in notes is not rendered")
	}
	for _, name := range []string{
		"index.html",
		"ke-hoach/ke-hoach-mau-2024/index.html",
		"ke-hoach/ke-hoach-mau-2024/xay-dung-ke-hoach/index.html",
		"ke-hoach/ke-hoach-mau-2024/bao-cao-quy/index.html",
		"co-quan/tinh-mau/so-tttt/index.html",
	} {
		data, ok := files[name]
		if !ok {
			t.Errorf("missing %s", name)
			continue
		}
		// One tag a line, so that a diff of the golden files is readable.
		golden(t, "small/want/"+name, bytes.ReplaceAll(data, []byte("><"), []byte(">\n<")))
	}
}

// BenchmarkBuildExampleSite measures a full build of the example site: load, validate,
// model, render, minify and publish.
func BenchmarkBuildExampleSite(b *testing.B) {
	out := filepath.Join(b.TempDir(), "public")
	var res *generator.Result
	for b.Loop() {
		var err error
		res, err = generator.Build(context.Background(), generator.Options{Content: os.DirFS("../content"), Out: out, AsOf: asOf})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Stats.Pages), "pages")
}

// A theme replaces default templates and static files one by one; the rest stay.
func TestThemeOverridesFileByFile(t *testing.T) {
	theme := fstest.MapFS{
		"404.html":  {Data: []byte(`{{define "main"}}<h1>Trang riêng của tỉnh</h1>{{end}}`)},
		"style.css": {Data: []byte("body{color:#000}")},
	}
	out := filepath.Join(t.TempDir(), "public")
	_, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS("../testdata/small/content"), Out: out, AsOf: asOf,
		Templates: theme, Static: theme})
	if err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	if !bytes.Contains(files["404.html"], []byte("Trang riêng của tỉnh")) {
		t.Error("the theme's 404.html was not used")
	}
	if !bytes.Contains(files["index.html"], []byte("Tiến độ chung")) {
		t.Error("the default home.html was not used where the theme has none")
	}
	css := 0
	for name, data := range files {
		if strings.HasPrefix(name, "assets/style.") {
			css++
			if string(data) != "body{color:#000}" {
				t.Errorf("%s = %q, want the theme's stylesheet", name, data)
			}
		}
	}
	if css != 1 {
		t.Errorf("%d stylesheets published, want 1", css)
	}
}
