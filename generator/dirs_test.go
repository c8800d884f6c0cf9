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
