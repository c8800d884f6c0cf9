package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congkhai/generator"
	"congkhai/generator/schedule"
)

// A build decodes only the content files changed since the last, through the cache beside
// the published folder; a damaged cache is said and ignored, a foreign one silently, and
// either way the site is what a clean build makes.
func TestBuildCacheDecodesOnlyChangedFiles(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	copyDir(t, "../testdata/small/content", content)
	out := filepath.Join(dir, "public")
	var warnings []string
	opts := generator.Options{Content: os.DirFS(content), Out: out, AsOf: schedule.D(2026, 11, 21),
		Warn: func(s string) { warnings = append(warnings, s) }}
	build := func() *generator.Result {
		t.Helper()
		res, err := generator.Build(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := build()
	files := len(first.Site.Reports) + len(first.Site.Plans)
	if first.Decoded < files {
		t.Fatalf("the first build decoded %d files", first.Decoded)
	}
	if res := build(); res.Decoded != 0 {
		t.Errorf("a build with nothing changed decoded %d files", res.Decoded)
	}
	report := filepath.Join(content, "progress", "ke-hoach-mau-2024", "bao-cao-quy-2024-04-05.md")
	data, _ := os.ReadFile(report)
	os.WriteFile(report, append(data, "Đã gửi báo cáo.\n"...), 0o644)
	if res := build(); res.Decoded != 1 {
		t.Errorf("a build after one report changed decoded %d files", res.Decoded)
	}
	want := readTree(t, out)

	cacheFile := filepath.Join(dir, ".public-cache")
	whole, err := os.ReadFile(cacheFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, data string
		warned     bool
	}{
		{"damaged", string(whole[:len(whole)-7]) + "rác....", true},
		{"foreign", "congkhai cache 1 0000000000000000\n", false},
	} {
		os.WriteFile(cacheFile, []byte(tc.data), 0o644)
		warnings = nil
		res := build()
		if warned := len(warnings) == 1 && strings.Contains(warnings[0], ".public-cache"); warned != tc.warned {
			t.Errorf("%s cache: warnings %q", tc.name, warnings)
		}
		if res.Decoded == 0 {
			t.Errorf("%s cache: nothing decoded", tc.name)
		}
		if !sameTree(readTree(t, out), want) {
			t.Errorf("%s cache: the site differs", tc.name)
		}
		if res := build(); res.Decoded != 0 {
			t.Errorf("%s cache: the build after decoded %d files", tc.name, res.Decoded)
		}
	}
	// --clean decodes everything, whatever the cache holds.
	opts.Clean = true
	if res := build(); res.Decoded < files {
		t.Errorf("a clean build decoded %d files", res.Decoded)
	}
}
