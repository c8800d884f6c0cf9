package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"congkhai/generator/sitegen"
)

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A rebuild is counted by what it did to the files: created, written again with the same
// bytes or other bytes, left alone, removed.
func TestDiffCountsWhatABuildDid(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"same.html": "a", "again.html": "b", "other.html": "c", "gone.html": "d"})
	before, err := snapshot(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	// written again, same bytes: a new modification time
	write(t, dir, map[string]string{"again.html": "b"})
	os.Chtimes(filepath.Join(dir, "again.html"), later, later)
	// replaced by a new file with other bytes: a new inode
	write(t, dir, map[string]string{"new.tmp": "C"})
	os.Rename(filepath.Join(dir, "new.tmp"), filepath.Join(dir, "other.html"))
	os.Remove(filepath.Join(dir, "gone.html"))
	write(t, dir, map[string]string{"sub/created.html": "e"})
	after, err := snapshot(dir, before)
	if err != nil {
		t.Fatal(err)
	}
	got := diff(before, after)
	want := delta{Created: 1, Rewritten: 2, Changed: 2, Removed: 1}
	if got != want {
		t.Errorf("diff = %+v, want %+v", got, want)
	}
	if got.Written() != 3 {
		t.Errorf("Written() = %d, want 3", got.Written())
	}
	files, pages, size := after.stats()
	if files != 4 || pages != 4 || size != 4 {
		t.Errorf("stats = %d files, %d pages, %d bytes; want 4, 4, 4", files, pages, size)
	}
}

// A run's section replaces the section of the same command and comes first; the others stay.
func TestUpdateBenchmarks(t *testing.T) {
	name := filepath.Join(t.TempDir(), "BENCHMARKS.md")
	write(t, filepath.Dir(name), map[string]string{"BENCHMARKS.md": "# Old intro\n\n## `go run a`\n\nold a\n\n## `go run b`\n\nb\n"})
	if err := updateBenchmarks(name, "## `go run a`", "## `go run a`\n\nnew a\n"); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(name)
	text := string(data)
	if !strings.HasPrefix(text, benchmarksIntro) {
		t.Errorf("the file does not open with the introduction:\n%s", text)
	}
	ia, ib := strings.Index(text, "new a"), strings.Index(text, "\nb\n")
	if ia < 0 || ib < 0 || ia > ib || strings.Contains(text, "old a") || strings.Contains(text, "Old intro") {
		t.Errorf("sections not replaced in order:\n%s", text)
	}
	if strings.Count(text, "## `go run a`") != 1 {
		t.Errorf("the section of `go run a` is there %d times", strings.Count(text, "## `go run a`"))
	}
}

// One template changes, visibly (a paragraph, which minification keeps), the others are
// copied as they are; procedure.html is the one when it has a heading.
func TestChangedTemplates(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "t")
	write(t, src, map[string]string{"agency.html": "<h1>A</h1>", "base.html": "<main></main>", "procedure.html": "x<h1>P</h1>y", "embed.go": "package x"})
	got, changed, err := changedTemplates(src, dst)
	if err != nil || got != dst || changed != "procedure.html" {
		t.Fatalf("changedTemplates = %q, %q, %v", got, changed, err)
	}
	for name, want := range map[string]string{"agency.html": "<h1>A</h1>", "base.html": "<main></main>"} {
		if data, _ := os.ReadFile(filepath.Join(dst, name)); string(data) != want {
			t.Errorf("%s = %q, want it as it was", name, data)
		}
	}
	data, _ := os.ReadFile(filepath.Join(dst, "procedure.html"))
	if !bytes.HasPrefix(data, []byte("x<h1>P</h1>\n<p")) || !bytes.HasSuffix(data, []byte("</p>y")) {
		t.Errorf("procedure.html = %q", data)
	}
	if _, err := os.Stat(filepath.Join(dst, "embed.go")); err == nil {
		t.Error("embed.go was copied: only templates are")
	}
}

// The Hugo site has a page for every congkhai page at the same address, home and folders
// holding pages as _index.md, the others as leaf bundles; a page made of a record carries
// it, and a page's links within <main> become its list.
func TestHugoSiteMirrorsPages(t *testing.T) {
	out, content, root, dir := t.TempDir(), t.TempDir(), t.TempDir(), filepath.Join(t.TempDir(), "hugo")
	page := func(title, main string) string {
		return "<html><head><title>" + title + " – Trang</title></head><body><nav><a href=\"x/index.html\">nav</a></nav><main>" + main + "</main></body></html>"
	}
	write(t, out, map[string]string{
		"index.html":                      page("Trang chủ", `<a href="thu-tuc/index.html">tt</a>`),
		"thu-tuc/index.html":              page("Danh mục", `<a href="1.000001/index.html">p</a><a href="trang-2/index.html">2</a><a href="https://x.vn/">ext</a>`),
		"thu-tuc/trang-2/index.html":      page("Danh mục – trang 2", `<a href="../index.html">1</a>`),
		"thu-tuc/1.000001/index.html":     page("Đăng ký &amp; cấp", `<a href="../../co-quan/a/b/index.html">cq</a>`),
		"co-quan/index.html":              page("Cơ quan", ""),
		"co-quan/a/b/index.html":          page("Sở B", ""),
		"404.html":                        page("Không tìm thấy", ""),
		"tim-kiem/abc/m.js":               "x",
		"assets/style.0123.css":           "x",
		"chi-so-766/index.html":           page("766", ""),
		"chi-so-766/2026-01-a/index.html": page("Kỳ 1", ""),
	})
	write(t, content, map[string]string{
		"site.toml":                 "title = \"Trang\"\n",
		"thu-tuc/1.000001.toml":     "code = \"1.000001\"\nname = \"Đăng ký\"\nsteps = \"\"\"\nBước 1.\nBước 2.\n\"\"\"\n[[method]]\nchannel = \"truc-tiep\"\ntime = \"1 ngày\"\n",
		"agencies/a.toml":           "[authority]\nname = \"Tỉnh A\"\n[[agency]]\nid = \"b\"\nname = \"Sở B\"\n",
		"chi-so-766/2026-01-a.toml": "period = \"2026-01\"\n[[unit]]\nagency = \"a/b\"\ntotal = 80.5\n",
	})
	write(t, root, map[string]string{"static/style.css": "body{}", "static/search.js": "x"})
	built, err := snapshot(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := writeHugoSite(dir, content, out, built, root, siteSettings{title: "Trang", asOf: sitegen.DefaultAsOf})
	if err != nil {
		t.Fatal(err)
	}
	if s.pages != 9 {
		t.Errorf("%d Hugo pages, want the 9 congkhai built", s.pages)
	}
	got := map[string]string{}
	for _, f := range []string{"_index.md", "thu-tuc/_index.md", "thu-tuc/trang-2/index.md", "thu-tuc/1.000001/index.md",
		"co-quan/_index.md", "co-quan/a/b/index.md", "chi-so-766/_index.md", "chi-so-766/2026-01-a/index.md"} {
		data, err := os.ReadFile(filepath.Join(dir, "content", filepath.FromSlash(f)))
		if err != nil {
			t.Errorf("no content file %s: %v", f, err)
		}
		got[f] = string(data)
	}
	if n, _ := filepath.Glob(filepath.Join(dir, "content", "*", "*", "*", "*", "*.md")); len(n) > 0 {
		t.Errorf("unexpected content files: %v", n)
	}
	for f, want := range map[string][]string{
		"thu-tuc/_index.md":             {`title = "Danh mục"`, `"/thu-tuc/1.000001"`, `"/thu-tuc/trang-2"`, `loai = "Danh sách"`},
		"thu-tuc/1.000001/index.md":     {`title = "Đăng ký & cấp"`, `["code", "1.000001"]`, "## steps\n\nBước 1.", "| channel | time |", `"/co-quan/a/b"`},
		"co-quan/a/b/index.md":          {`["name", "Sở B"]`, `loai = "Cơ quan"`},
		"chi-so-766/2026-01-a/index.md": {"| agency | total |", "| a/b | 80.5 |"},
	} {
		for _, w := range want {
			if !strings.Contains(got[f], w) {
				t.Errorf("%s lacks %q:\n%s", f, w, got[f])
			}
		}
	}
	if strings.Contains(got["thu-tuc/_index.md"], "x.vn") || strings.Contains(got["_index.md"], "/x") {
		t.Errorf("links outside <main> or to other hosts listed:\n%s\n%s", got["_index.md"], got["thu-tuc/_index.md"])
	}
	for _, f := range []string{"hugo.toml", "layouts/baseof.html", "layouts/404.html", "static/style.css"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Errorf("no %s: %v", f, err)
		}
	}
}
