package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
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
	if got.Created != 1 || got.Rewritten != 2 || got.Changed != 2 || got.Removed != 1 {
		t.Errorf("diff = %+v, want 1 created, 2 rewritten, 2 changed, 1 removed", got)
	}
	if s := strings.Join(got.Sample, " "); s != "-gone.html other.html sub/created.html" {
		t.Errorf("sample = %q, want the changed and removed paths in order", s)
	}
	if got.Written() != 3 {
		t.Errorf("Written() = %d, want 3", got.Written())
	}
	files, pages, size := after.stats()
	if files != 4 || pages != 4 || size != 4 {
		t.Errorf("stats = %d files, %d pages, %d bytes; want 4, 4, 4", files, pages, size)
	}
}

// A run's section replaces the section of the same command where it is, or comes first; the
// introduction and the other sections stay as they are, a "## " line in a code block too.
func TestUpdateBenchmarks(t *testing.T) {
	name := filepath.Join(t.TempDir(), "BENCHMARKS.md")
	old := "# Old intro\n\nKept.\n\n## `go run a`\n\nold a\n\n```\n## not a heading\n```\n\n## `go run b`\n\nb\n"
	write(t, filepath.Dir(name), map[string]string{"BENCHMARKS.md": old})
	if err := updateBenchmarks(name, "## `go run a`", "## `go run a`\n\nnew a\n"); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(name)
	want := "# Old intro\n\nKept.\n\n## `go run a`\n\nnew a\n\n## `go run b`\n\nb\n"
	if string(data) != want {
		t.Errorf("replaced in place:\n%s\nwant:\n%s", data, want)
	}
	if err := updateBenchmarks(name, "## `go run c`", "## `go run c`\n\nc\n\n\n"); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(name)
	want = "# Old intro\n\nKept.\n\n## `go run c`\n\nc\n\n## `go run a`\n\nnew a\n\n## `go run b`\n\nb\n"
	if string(data) != want {
		t.Errorf("a new section comes first:\n%s\nwant:\n%s", data, want)
	}
	// A new file opens with the introduction.
	fresh := filepath.Join(t.TempDir(), "BENCHMARKS.md")
	if err := updateBenchmarks(fresh, "## `go run a`", "## `go run a`\n\na\n"); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(fresh)
	if !strings.HasPrefix(string(data), benchmarksIntro) || !strings.HasSuffix(string(data), "\n\n## `go run a`\n\na\n") {
		t.Errorf("a new file:\n%s", data)
	}
}

// A clean build starts from nothing: the output and every file congkhai keeps beside it go,
// and nothing else.
func TestRemoveOutRemovesCacheAndManifest(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"public/index.html": "x", ".public-cache": "c", ".public-manifest": "m", ".public-lock": "",
		".public-new-5b7d/index.html": "y", ".publicity-cache": "k", "public2/index.html": "k", "content/site.toml": "k", ".other-cache": "k"})
	removeOut(filepath.Join(dir, "public"))
	left, err := snapshot(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for p := range left {
		got = append(got, p)
	}
	slices.Sort(got)
	if want := []string{".other-cache", ".publicity-cache", "content/site.toml", "public2/index.html"}; !slices.Equal(got, want) {
		t.Errorf("left %v, want %v", got, want)
	}
}

// The changes are made to the generated content and undone: the files and the stamp come
// back byte for byte, and a content left changed is caught.
func TestEditsAreUndone(t *testing.T) {
	content := t.TempDir()
	write(t, content, map[string]string{
		stampName:                    `{"Fingerprint":"x"}`,
		"progress/p/b-2026-01-02.md": "+++\ntask = \"b\"\n+++\nGhi chú.\n",
		"progress/p/a-2026-01-01.md": "+++\ntask = \"a\"\n+++\nGhi chú.\n",
		"thu-tuc/2.toml":             "code = \"2\"\nname = \"Hai\"\n",
		"thu-tuc/1.toml":             "code = \"1\"\nname = \"Một\"\nlevel = \"tinh\"\n",
	})
	generated, err := snapshot(content, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := newEdits(content, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(content, stampName)); err == nil {
		t.Error("the stamp is still there while the content is changed")
	}
	f := e.report("Câu một.")
	if filepath.Base(f) != "a-2026-01-01.md" {
		t.Errorf("report changed %s, want the first in name order", f)
	}
	e.report("Câu hai.") // replaces the first change
	e.procedure()
	if len(e.errs) > 0 {
		t.Fatal(e.errs)
	}
	read := func(rel string) string {
		data, _ := os.ReadFile(filepath.Join(content, filepath.FromSlash(rel)))
		return string(data)
	}
	if got := read("progress/p/a-2026-01-01.md"); got != "+++\ntask = \"a\"\n+++\nGhi chú.\n\nCâu hai.\n" {
		t.Errorf("report = %q", got)
	}
	if got := read("thu-tuc/1.toml"); got != "code = \"1\"\nname = \"Một (đã sửa)\"\nlevel = \"tinh\"\n" {
		t.Errorf("procedure = %q", got)
	}
	if err := sameContent(content, generated); err == nil || !strings.Contains(err.Error(), "2 files differ") || !strings.Contains(err.Error(), "1 missing") {
		t.Errorf("sameContent on changed content = %v, want the 2 files changed and the stamp missing", err)
	}
	if err := e.undo(); err != nil {
		t.Fatal(err)
	}
	if err := sameContent(content, generated); err != nil {
		t.Errorf("after undo: %v", err)
	}
	// A change that fails leaves the file as it was, and undo still restores the rest.
	e, _ = newEdits(content, nil)
	write(t, content, map[string]string{"thu-tuc/0.toml": "code = \"0\"\n"})
	e.procedure()
	if len(e.errs) != 1 {
		t.Errorf("a procedure without a name line: errs %v", e.errs)
	}
	if got := read("thu-tuc/0.toml"); got != "code = \"0\"\n" {
		t.Errorf("a change that failed wrote %q", got)
	}
	if err := e.undo(); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(content, "thu-tuc/0.toml"))
	if err := sameContent(content, generated); err != nil {
		t.Errorf("after undo: %v", err)
	}
}

// build -v's lines give what a build decoded and rendered again and its stages' times; the
// last build's lines count when the output holds several.
func TestParseVerbose(t *testing.T) {
	out := "congkhai build: cảnh báo: x\n" +
		"  đọc      9,00 giây\n  đọc lại 9 tệp nội dung; kết xuất lại 9 tệp\n" +
		"  đọc      1,25 giây\n  kiểm tra 0,50 giây\n  mô hình  0,01 giây\n  kết xuất 1.234,50 giây\n  tìm kiếm 0,20 giây\n  ghi      0,03 giây\n" +
		"  đọc lại 1.938 tệp nội dung; kết xuất lại 3 tệp\n" +
		"Đã dựng 2364 trang (3095 tệp, 41,5 MB) vào public trong 3,02 giây; ghi 1 tệp; số liệu đến ngày 21/11/2026.\n"
	o := parseVerbose(out)
	if !o.ok || o.decoded != 1938 || o.rendered != 3 {
		t.Fatalf("parseVerbose = %+v", o)
	}
	var got []string
	for _, s := range o.stages {
		got = append(got, fmt.Sprintf("%s %v", s.name, s.d))
	}
	want := []string{"load 1.25s", "validate 500ms", "model 10ms", "render 20m34.5s", "search 200ms", "write 30ms"}
	if !slices.Equal(got, want) {
		t.Errorf("stages %v, want %v", got, want)
	}
	if o := parseVerbose("Đã dựng 1 trang"); o.ok {
		t.Errorf("no -v lines: %+v", o)
	}
}

// The server's lines give its address, once its first build is done, and each build.
func TestServerLog(t *testing.T) {
	l := newServerLog()
	var log bytes.Buffer
	l.read(strings.NewReader("congkhai serve: đã dựng 2364 trang trong 3.5s (ghi 3095 tệp, xóa 0 tệp)\n"+
		"Trang xem trước: http://127.0.0.1:41234/ (Ctrl+C để dừng)\n"+
		"congkhai serve: dựng lỗi sau 20ms:\nplans/x.toml:1:1: lỗi\n"+
		"congkhai serve: đã dựng 2364 trang trong 812ms (ghi 2 tệp, xóa 0 tệp)\n"), &log)
	if url := <-l.url; url != "http://127.0.0.1:41234/" {
		t.Errorf("url %q", url)
	}
	if l.count() != 3 || l.last() != (serveBuild{812 * time.Millisecond, 2, 0}) {
		t.Errorf("%d builds, last %+v", l.count(), l.last())
	}
	if !strings.Contains(log.String(), "plans/x.toml:1:1") {
		t.Error("the server's lines are not in the log")
	}
	select {
	case <-l.closed:
	default:
		t.Error("closed is open after the output ended")
	}
}

// waitFor returns once the file holds the text, or no longer does; dead ends the wait.
func TestWaitFor(t *testing.T) {
	f := filepath.Join(t.TempDir(), "index.html")
	os.WriteFile(f, []byte("<p>a</p>"), 0o644)
	go func() {
		time.Sleep(20 * time.Millisecond)
		os.WriteFile(f+".tmp", []byte("<p>a marker-1</p>"), 0o644)
		os.Rename(f+".tmp", f)
	}()
	alive := func() error { return nil }
	if _, err := waitFor(f, []byte("marker-1"), true, alive); err != nil {
		t.Fatal(err)
	}
	if _, err := waitFor(f, []byte("zzz"), false, alive); err != nil {
		t.Fatal(err)
	}
	gone := errors.New("the server ended")
	if _, err := waitFor(f, []byte("never"), true, func() error { return gone }); err != gone {
		t.Errorf("waitFor = %v, want dead's error", err)
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

// The heading of a run is the command that reproduces it: the flags in name order, without
// the work folder.
func TestCommandLine(t *testing.T) {
	cfg, err := parseFlags([]string{"-sizes", "example,2k", "-out", "/tmp/w", "-hugo", "-md", "BENCHMARKS.md", "-national", "a b.gz", "-smoke"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := "go run ./cmd/congkhai-bench -hugo -md BENCHMARKS.md -national 'a b.gz' -sizes example,2k -smoke"
	if cfg.command != want {
		t.Errorf("command %q, want %q", cfg.command, want)
	}
	if _, err := parseFlags([]string{"-only", "serve-first"}, io.Discard); err == nil {
		t.Error("-only serve-first: accepted, but it comes with serve")
	}
}
