package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// The floor writes every file of the list, of its size, in its folder.
func TestFloorWritesTheList(t *testing.T) {
	dir := t.TempDir()
	manifest := filepath.Join(dir, "list.txt")
	if err := os.WriteFile(manifest, []byte("0 index.html\n100 a/b/c.html\n40000 a/d.js\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	for _, workers := range []string{"1", "3"} {
		os.RemoveAll(out)
		if code := run([]string{"-workers", workers, manifest, out}, io.Discard); code != 0 {
			t.Fatalf("floor -workers %s: exit %d", workers, code)
		}
		n := 0
		filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return err
		})
		for name, size := range map[string]int64{"index.html": 0, "a/b/c.html": 100, "a/d.js": 40000} {
			if st, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err != nil || st.Size() != size {
				t.Errorf("-workers %s: %s: %v, want %d bytes", workers, name, err, size)
			}
		}
		if n != 3 {
			t.Errorf("-workers %s: %d files, want 3", workers, n)
		}
	}
}
