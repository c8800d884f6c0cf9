package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// build --kiosk writes the kiosk into its own folder, public-kiosk, unless --out names
// one: never over the site, which the default --out would be. Without a base URL it stops,
// saying why, and writes nothing.
func TestBuildKiosk(t *testing.T) {
	content, err := filepath.Abs("../../testdata/small/content")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	code, _, stderr := runApp(t, nil, "build", "--kiosk", "--content", content)
	if code != exitProblem || !strings.Contains(stderr, "--base-url") {
		t.Errorf("build --kiosk without a base URL: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(kioskOut); !os.IsNotExist(err) {
		t.Errorf("the failed build wrote %s", kioskOut)
	}
	code, stdout, stderr := runApp(t, nil, "build", "--kiosk", "--content", content, "--base-url", "https://congkhai.example.vn/")
	if code != exitOK || !strings.Contains(stdout, " vào public-kiosk ") {
		t.Fatalf("build --kiosk: exit %d, %q %s", code, stdout, stderr)
	}
	for _, name := range []string{"public-kiosk/sw.js", "public-kiosk/precache.json", "public-kiosk/index.html"} {
		if _, err := os.Stat(name); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat("public"); !os.IsNotExist(err) {
		t.Error("build --kiosk wrote the site's folder")
	}
	out := filepath.Join(t.TempDir(), "k")
	if code, _, stderr := runApp(t, nil, "build", "--kiosk", "--content", content, "--base-url", "https://congkhai.example.vn/", "--out", out); code != exitOK {
		t.Fatalf("build --kiosk --out: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "sw.js")); err != nil {
		t.Error(err)
	}
}
