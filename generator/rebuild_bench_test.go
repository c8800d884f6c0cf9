package generator_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congkhai/generator"
	"congkhai/generator/sitegen"
)

var benchPages = flag.Int("bench.pages", 2000, "pages of the synthetic site BenchmarkRebuild* build")

// BenchmarkRebuildOneReport measures what the preview server does after a save: a build
// with the cache kept in memory, after one progress report's text changed. The site is
// made by sitegen (-bench.pages); the first build is not timed. Profile it with
// go test ./generator -run '^$' -bench RebuildOneReport -bench.pages 10000 -cpuprofile cpu.out
func BenchmarkRebuildOneReport(b *testing.B) {
	dir := b.TempDir()
	content := filepath.Join(dir, "content")
	if _, err := sitegen.Write(content, sitegen.Options{Pages: *benchPages, Seed: 1, National: "../testdata/tthc/national-procedures.jsonl.gz"}); err != nil {
		b.Fatal(err)
	}
	reports, err := filepath.Glob(filepath.Join(content, "progress", "*", "*.md"))
	if err != nil || len(reports) == 0 {
		b.Fatalf("no progress report in the generated site: %v", err)
	}
	// The latest report of its task, whose text the task's search record holds, so that
	// the edit changes the index as well as the page.
	var latest []string
	task := func(name string) string { return name[:len(name)-len("-2006-01-02.md")] }
	for i, r := range reports {
		if i+1 == len(reports) || task(reports[i+1]) != task(r) {
			latest = append(latest, r)
		}
	}
	report := latest[len(latest)/2]
	orig, err := os.ReadFile(report)
	if err != nil {
		b.Fatal(err)
	}
	opts := generator.Options{Content: os.DirFS(content), Out: filepath.Join(dir, "public"), AsOf: sitegen.DefaultAsOf, Cache: generator.NewCache(), OutPrivate: true}
	if _, err := generator.Build(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	var res *generator.Result
	n := 0
	for b.Loop() {
		n++
		text := strings.TrimRight(string(orig), "\n") + fmt.Sprintf("\n\nLần sửa thứ %d.\n", n)
		if err := os.WriteFile(report, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		if res, err = generator.Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
		if res.Stats.Written < 2 {
			b.Fatalf("the edit wrote %d files; want its task page and the search index", res.Stats.Written)
		}
	}
	b.ReportMetric(float64(res.Stats.Pages), "pages")
	b.ReportMetric(float64(len(res.RenderedPaths)), "rendered")
	b.ReportMetric(float64(res.Stats.Written), "written")
	for _, st := range res.Stages {
		b.ReportMetric(float64(st.Duration.Microseconds())/1000, st.Name+"-ms")
	}
}
