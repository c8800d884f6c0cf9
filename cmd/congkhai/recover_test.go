package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A build repairs what an interrupted build left before it reads content, so even a build
// that fails on its content puts the published site back, and says what it did.
func TestBuildRepairsFirst(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if code, _, stderr := runApp(t, nil, "build", "--content", "../../testdata/small/content", "--out", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Killed between the two renames of a swap: out is aside, the new site beside it.
	if err := os.Rename(out, filepath.Join(parent, ".public-old-0a1b2c3d4e5f")); err != nil {
		t.Fatal(err)
	}
	left := filepath.Join(parent, ".public-new-1a2b3c4d5e6f")
	os.MkdirAll(filepath.Join(left, "ke-hoach"), 0o755)
	os.WriteFile(filepath.Join(left, ".congkhai"), nil, 0o644)
	os.WriteFile(filepath.Join(left, "ke-hoach", "index.html"), []byte("dở"), 0o644)

	code, _, stderr := runApp(t, nil, "build", "--content", "../../testdata/broken/content", "--out", out)
	if code != exitProblem {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "ke-hoach", "ke-hoach-mau-2024", "bao-cao-quy", "index.html")); err != nil {
		t.Errorf("the published site is not back: %v", err)
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != ".public-manifest" && e.Name() != ".public-cache" { // the manifest of what is published and the cache stay
			t.Errorf("left beside out: %s", e.Name())
		}
	}
	for _, want := range []string{
		"congkhai build: " + out + " bị mất khi một lần dựng trước bị ngắt; đã đưa trang đã xuất bản về từ .public-old-0a1b2c3d4e5f\n",
		"congkhai build: đã xóa 1 thư mục do lần dựng bị ngắt trước đây để lại bên cạnh " + out + ": .public-new-1a2b3c4d5e6f\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
