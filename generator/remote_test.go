package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// No page loads anything from another host: an image from one, in the footer every page
// carries or in any other Markdown, is a link to it.
func TestRemoteImagesAreLinks(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../testdata/small/content", dir)
	site, err := os.ReadFile(filepath.Join(dir, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	footer := "footer = \"\"\"Ảnh: ![đếm lượt xem](https://tracker.example/p.gif) ![](//cdn.example/logo.png)\"\"\"\n"
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), append([]byte(footer), site...), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	build(t, dir, out)
	pages := 0
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pages++
		html := string(b)
		if strings.Contains(html, "<img") && (strings.Contains(html, "tracker.example") || strings.Contains(html, "cdn.example")) {
			t.Errorf("%s loads an image from another host", p)
		}
		if !strings.Contains(html, `href=https://tracker.example/p.gif>đếm lượt xem</a>`) && !strings.Contains(html, `href="https://tracker.example/p.gif">đếm lượt xem</a>`) {
			t.Errorf("%s lacks the link to the image", p)
		}
		return nil
	})
	if err != nil || pages < 5 {
		t.Fatalf("%d pages, %v", pages, err)
	}
}
