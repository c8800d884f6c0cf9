package generator_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"congkhai/generator"
	"congkhai/generator/render"
)

const kioskBase = "https://congkhai.example.gov.vn/so/"

// kioskContent copies the small site's content into a folder of the test, with extra
// appended to its site.toml, and, in a progress report, evidence on another host.
func kioskContent(t *testing.T, extra string) string {
	t.Helper()
	dir := t.TempDir()
	copyDir(t, "../testdata/small/content", dir)
	appendFile(t, filepath.Join(dir, "site.toml"), extra)
	report := filepath.Join(dir, "progress/ke-hoach-mau-2024/xay-dung-ke-hoach-2024-02-02.md")
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`title = "Quyết định ban hành kế hoạch"`),
		[]byte(`title = "Quyết định ban hành kế hoạch"`+"\nurl = \"https://vanban.example.gov.vn/qd-20-2024\""), 1)
	data = append(data, "\nXem thêm trên [Cổng thông tin của tỉnh](https://example.gov.vn/tin/1).\n"...)
	if err := os.WriteFile(report, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func buildKiosk(t *testing.T, contentDir, out string, clean bool) *generator.Result {
	t.Helper()
	res, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS(contentDir), Out: out, AsOf: asOf,
		BaseURL: kioskBase, Kiosk: true, Clean: clean})
	if err != nil {
		t.Fatalf("build the kiosk of %s: %v", contentDir, err)
	}
	return res
}

// siteFiles reads every file of a built site but congkhai's marker, by path.
func siteFiles(t *testing.T, out string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if rel == ".congkhai" {
			return nil
		}
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// checkManifest checks that the kiosk's precache manifest lists every file of the kiosk
// but itself and the worker, each with the revision of its bytes, and that the worker
// states the manifest's version. It returns the manifest.
func checkManifest(t *testing.T, files map[string][]byte) *render.KioskManifest {
	t.Helper()
	m := render.ReadKioskManifest(files[render.KioskManifestPath])
	if m == nil {
		t.Fatalf("no precache manifest: %.200s", files[render.KioskManifestPath])
	}
	listed := map[string]bool{}
	for _, f := range m.Files {
		listed[f.URL] = true
		data, ok := files[f.URL]
		if !ok {
			t.Errorf("%s is listed but not built", f.URL)
			continue
		}
		if sum := sha256.Sum256(data); f.Revision != hex.EncodeToString(sum[:8]) {
			t.Errorf("%s: revision %s, its bytes have %s", f.URL, f.Revision, hex.EncodeToString(sum[:8]))
		}
	}
	for p := range files {
		if !listed[p] && p != render.KioskManifestPath && p != render.KioskWorkerPath {
			t.Errorf("%s is built but not listed", p)
		}
	}
	if !slices.IsSortedFunc(m.Files, func(a, b struct {
		URL      string `json:"url"`
		Revision string `json:"revision"`
	}) int {
		return strings.Compare(a.URL, b.URL)
	}) {
		t.Error("the manifest is not sorted")
	}
	if !bytes.Contains(files[render.KioskWorkerPath], []byte(`VERSION="`+m.Version+`"`)) {
		t.Errorf("sw.js does not state the version %s: %.120s", m.Version, files[render.KioskWorkerPath])
	}
	return m
}

// The kiosk is the site's pages for a touch screen: each states the as-of day and carries a
// QR code of its public address, no page links to another host, and its precache
// manifest lists every file with the revision of its bytes. The site has none of it.
func TestKioskBuild(t *testing.T) {
	dir := kioskContent(t, "\n[kiosk]\nidle_seconds = 45\nwarning_seconds = 25\n")
	out := filepath.Join(t.TempDir(), "kiosk")
	buildKiosk(t, dir, out, false)
	files := siteFiles(t, out)
	checkManifest(t, files)
	pages := 0
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		page := string(data)
		if !strings.Contains(page, `Số liệu đến ngày <time datetime="2026-11-21">21/11/2026</time>`) {
			t.Errorf("%s does not state the as-of day", p)
		}
		if regexp.MustCompile(`(?i)href="?(https?:|//|mailto:)`).MatchString(page) {
			t.Errorf("%s links to another host", p)
		}
		if !strings.Contains(page, `data-idle="45" data-warning="25"`) {
			t.Errorf("%s does not carry the idle settings", p)
		}
		if p != "404.html" && !strings.Contains(page, `aria-label="Mã QR của địa chỉ trang này: `+kioskBase) {
			t.Errorf("%s has no QR code of its address", p)
		}
	}
	if pages < 5 {
		t.Errorf("%d pages", pages)
	}
	task := string(files["ke-hoach/ke-hoach-mau-2024/xay-dung-ke-hoach/index.html"])
	for _, want := range []string{
		`<span class="ext">Số 20/QĐ-UBND ngày 01/02/2024</span> <span class="ext-qr"><svg class="qr"`,
		`<span class="ext-url">https://vanban.example.gov.vn/qd-20-2024</span>`,
		`<span class="ext">Cổng thông tin của tỉnh</span>`,
		`Mã QR của địa chỉ trang này: ` + kioskBase + `ke-hoach/ke-hoach-mau-2024/xay-dung-ke-hoach/`,
	} {
		if !strings.Contains(task, want) {
			t.Errorf("the task page lacks %q", want)
		}
	}
	home := string(files["index.html"])
	for _, want := range []string{`class="choice"`, `Kế hoạch và tiến độ`, `data-root="./"`, `href="tim-kiem/index.html"`} {
		if !strings.Contains(home, want) {
			t.Errorf("the home screen lacks %q", want)
		}
	}
	search := string(files["tim-kiem/index.html"])
	for _, want := range []string{`inputmode="search"`, `enterkeyhint="search"`, `autocomplete="off"`, `data-root="../"`} {
		if !strings.Contains(search, want) {
			t.Errorf("the search page lacks %s", want)
		}
	}
	if nf := string(files["404.html"]); strings.Contains(nf, kioskBase+"index.html") || !strings.Contains(nf, `href="index.html"`) {
		t.Error("the kiosk's 404 page links to the public site, or not to its home")
	}

	// The site of the same content has nothing of the kiosk's.
	site := filepath.Join(t.TempDir(), "site")
	if _, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS(dir), Out: site, AsOf: asOf, BaseURL: kioskBase}); err != nil {
		t.Fatal(err)
	}
	for p, data := range siteFiles(t, site) {
		if strings.Contains(p, "kiosk") || p == render.KioskManifestPath || p == render.KioskWorkerPath || bytes.Contains(data, []byte("ext-qr")) {
			t.Errorf("the site has the kiosk's %s", p)
		}
	}
}

// Without the public site's address, a kiosk cannot print its QR codes: the build says so
// and publishes nothing.
func TestKioskNeedsBaseURL(t *testing.T) {
	out := filepath.Join(t.TempDir(), "kiosk")
	_, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS("../testdata/small/content"), Out: out, AsOf: asOf, Kiosk: true})
	if err == nil || !strings.Contains(err.Error(), "--base-url") || !strings.Contains(err.Error(), "mã QR") {
		t.Fatalf("build --kiosk without a base URL: %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the failed build published %s", out)
	}
	// base_url in site.toml is enough.
	dir := kioskContent(t, "\nbase_url = \""+kioskBase+"\"\n")
	if _, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS(dir), Out: out, AsOf: asOf, Kiosk: true}); err != nil {
		t.Fatal(err)
	}
}

// A kiosk rebuilt after an edit is the kiosk built anew, its manifest included: the files
// kept from the last build keep their revisions, the others get theirs. A rebuild with
// nothing changed writes nothing.
func TestKioskRebuildEqualsClean(t *testing.T) {
	dir := kioskContent(t, "")
	out := filepath.Join(t.TempDir(), "kiosk")
	buildKiosk(t, dir, out, false)
	before := checkManifest(t, siteFiles(t, out))
	if res := buildKiosk(t, dir, out, false); res.Stats.Written != 0 || res.Stats.Removed != 0 {
		t.Errorf("a rebuild with nothing changed wrote %v and removed %v", res.Stats.WrittenPaths, res.Stats.RemovedPaths)
	}
	// Edit a report, remove a task with its report.
	report := filepath.Join(dir, "progress/ke-hoach-mau-2024/xay-dung-ke-hoach-2024-02-02.md")
	appendFile(t, report, "\nĐã gửi các sở.\n")
	removeTask(t, dir)
	res := buildKiosk(t, dir, out, false)
	got := siteFiles(t, out)
	after := checkManifest(t, got)
	clean := filepath.Join(t.TempDir(), "clean")
	buildKiosk(t, dir, clean, true)
	want := siteFiles(t, clean)
	for p := range want {
		if !bytes.Equal(got[p], want[p]) {
			t.Errorf("%s differs from a clean build's", p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s is left from the last build", p)
		}
	}
	if after.Version == before.Version {
		t.Error("the manifest's version did not change")
	}
	if !slices.Contains(res.Stats.RemovedPaths, "ke-hoach/ke-hoach-mau-2024/so-hoa-ho-so/index.html") ||
		!slices.Contains(res.Stats.WrittenPaths, render.KioskManifestPath) || !slices.Contains(res.Stats.WrittenPaths, render.KioskWorkerPath) {
		t.Errorf("wrote %v, removed %v", res.Stats.WrittenPaths, res.Stats.RemovedPaths)
	}
}

// removeTask removes the small site's third task, which has no report.
func removeTask(t *testing.T, dir string) {
	t.Helper()
	plan := filepath.Join(dir, "plans/ke-hoach-mau-2024/plan.toml")
	data, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("[[task]]\nid = \"so-hoa-ho-so\""))
	if i < 0 {
		t.Fatal("the small site has no task so-hoa-ho-so")
	}
	if err := os.WriteFile(plan, data[:i], 0o644); err != nil {
		t.Fatal(err)
	}
}
