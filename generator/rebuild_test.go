package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"congkhai/generator"
)

// A rebuild writes only the files whose bytes changed, and one with nothing changed writes
// nothing at all; what it publishes is what a clean build publishes.
func TestRebuildWritesOnlyWhatChanged(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../testdata/small/content", dir)
	out := filepath.Join(t.TempDir(), "public")
	first := build(t, dir, out)
	if first.Stats.Written != first.Stats.Files-1 {
		t.Errorf("the first build wrote %d of %d files", first.Stats.Written, first.Stats.Files)
	}
	again := build(t, dir, out)
	if again.Stats.Written != 0 || again.Stats.Removed != 0 {
		t.Errorf("a rebuild with nothing changed wrote %d files and removed %d", again.Stats.Written, again.Stats.Removed)
	}
	before, err := os.Stat(filepath.Join(out, ".congkhai"))
	if err != nil {
		t.Fatal(err)
	}

	// A task's report goes: the task's page, its plan's and the home page change, and the
	// search index; procedures and other pages do not.
	if err := os.Remove(filepath.Join(dir, "progress", "ke-hoach-mau-2024", "bao-cao-quy-2024-04-05.md")); err != nil {
		t.Fatal(err)
	}
	changed := build(t, dir, out)
	if changed.Stats.Written == 0 || changed.Stats.Written >= changed.Stats.Files/2 {
		t.Errorf("after a report was removed, %d of %d files were written", changed.Stats.Written, changed.Stats.Files)
	}
	after, _ := os.Stat(filepath.Join(out, ".congkhai"))
	if os.SameFile(before, after) && before.ModTime().Equal(after.ModTime()) {
		t.Error("the marker still names the build before")
	}
	clean := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS(dir), Out: clean, AsOf: asOf, Clean: true}); err != nil {
		t.Fatal(err)
	}
	got, want := readTree(t, out), readTree(t, clean)
	if len(got) != len(want) {
		t.Errorf("the rebuild published %d files, a clean build %d", len(got), len(want))
	}
	for name, data := range want {
		if string(got[name]) != string(data) {
			t.Errorf("%s differs from a clean build's", name)
		}
	}
}
