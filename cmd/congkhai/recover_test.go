package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A build repairs what an interrupted build left before it reads content, so even a build
// that fails on its content repairs, and says what it did.
func TestBuildRepairsFirst(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	left := filepath.Join(parent, ".public-new-0a1b2c3d4e5f")
	os.MkdirAll(filepath.Join(left, "ke-hoach"), 0o755)
	os.WriteFile(filepath.Join(left, ".congkhai"), nil, 0o644)
	os.WriteFile(filepath.Join(left, "ke-hoach", "index.html"), []byte("dở"), 0o644)
	code, _, stderr := runApp(t, nil, "build", "--content", "../../testdata/broken/content", "--out", out)
	if code != exitProblem {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("the folder an interrupted build left is still there: %v", err)
	}
	if want := "congkhai build: đã xóa 1 thư mục do lần dựng bị ngắt trước đây để lại"; !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
}
