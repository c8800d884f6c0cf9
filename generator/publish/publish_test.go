package publish

import (
	"os"
	"path/filepath"
	"testing"

	"congkhai/generator/render"
)

// A site an earlier build replaced but could not remove is removed by the next build, and
// publishing succeeds.
func TestWriteRemovesOldSites(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	left := filepath.Join(parent, ".public-old-0a1b2c")
	os.MkdirAll(left, 0o755)
	os.WriteFile(filepath.Join(left, "index.html"), []byte("cũ"), 0o644)
	if _, err := Write(out, []render.File{{Path: "index.html", Data: []byte("mới")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("the old site is still there: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "mới" {
		t.Errorf("published %q", b)
	}
}
