package generator_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congkhai/generator"
)

// An override folder checked once refuses a link that appears in it later, instead of
// following it when the build reads the file.
func TestOverrideDirRefusesLinksWhenRead(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "style.css"), []byte("a{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys, err := generator.OverrideDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "x.css"), []byte("b{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "x.css"), filepath.Join(dir, "x.css")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "sub")); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(fsys, "style.css"); err != nil {
		t.Errorf("a regular file is refused: %v", err)
	}
	for _, name := range []string{"x.css", "sub/x.css", "sub"} {
		if _, err := fs.ReadFile(fsys, name); err == nil {
			t.Errorf("%s was read through a link", name)
		}
	}
}

// The content and output folders must be apart however they are written: equal, one
// inside the other, through a link, or with an output folder that does not exist yet.
func TestSeparateDirs(t *testing.T) {
	tmp := t.TempDir()
	site := filepath.Join(tmp, "site")
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(tmp, "link")
	if err := os.Symlink(site, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, tt := range []struct {
		content, out string
		ok           bool
	}{
		{"site/content", "site/public", true},
		{"site/content", "public", true},
		{"site/content", "site/content-public", true},
		{"site/content", "site/content", false},
		{"site/content", "site/content/", false},
		{"site/content", "link/content", false},
		{"site/content", "site", false},
		{"site/content", "link", false},
		{"site/content", "site/content/public", false},
		{"link/content", "site/content/public/new", false},
		{"site/content", "site/x/../content/public", false},
	} {
		err := generator.SeparateDirs(filepath.Join(tmp, tt.content), filepath.Join(tmp, tt.out))
		if (err == nil) != tt.ok {
			t.Errorf("--content %s --out %s: %v, want ok %v", tt.content, tt.out, err, tt.ok)
		}
	}
}

// An import writes only inside the content folder: an ID that is no ID is refused before
// anything is written, and a plan already in content is read only as a regular file.
func TestImportsStayInsideContent(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "content")
	copyDir(t, "../content/agencies", filepath.Join(dir, "agencies"))
	csv, err := os.ReadFile("../testdata/766/provinces-2026-10-05.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"../x", "../../x", "/tmp/x", "2026/x"} {
		_, _, err := generator.ImportScores(generator.ScoreImport{Content: dir, Input: bytes.NewReader(csv), Name: "kq.csv", Period: "2026", Title: "x", ID: id})
		if err == nil {
			t.Errorf("--id %q: imported", id)
		}
	}
	doc := filepath.Join(tmp, "ke-hoach.txt")
	if err := os.WriteFile(doc, []byte("Kế hoạch năm 2025 tỉnh An Giang\nSTT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành\nI\tChỉ đạo\n1\tViệc\tSở Tư pháp\tQuý I/2025\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"../x", "../../plans/x"} {
		if _, err := generator.ImportPlan(generator.PlanImport{Content: dir, File: doc, Authority: "an-giang", ID: id}); err == nil {
			t.Errorf("plan --id %q: imported", id)
		}
	}
	// Nor a plan of a year check refuses.
	if _, err := generator.ImportPlan(generator.PlanImport{Content: dir, File: doc, Authority: "an-giang", Year: 99999999}); err == nil {
		t.Error("a plan of the year 99999999 was imported")
	}
	if err := os.MkdirAll(filepath.Join(dir, "plans"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(tmp, "elsewhere"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(tmp, "elsewhere"), filepath.Join(dir, "plans", "p")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, err := generator.ImportPlan(generator.PlanImport{Content: dir, File: doc, Authority: "an-giang", ID: "p"}); err == nil || !strings.Contains(err.Error(), "liên kết tượng trưng") {
		t.Errorf("a plan folder that is a link: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Join(tmp, "elsewhere")); len(entries) > 0 {
		t.Error("the plan was written through the link")
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 3 {
		t.Errorf("something was written beside the content folder: %v", entries)
	}
}
