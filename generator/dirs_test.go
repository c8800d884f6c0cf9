package generator_test

import (
	"io/fs"
	"os"
	"path/filepath"
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
