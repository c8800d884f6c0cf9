package generator_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"congkhai/generator"
	"congkhai/generator/content"
	"congkhai/generator/importer"
	"congkhai/generator/privacy"
)

func TestExampleSiteRegisters(t *testing.T) {
	site := exampleModel(t)
	files, _ := filepath.Glob("../content/thu-tuc/*.toml")
	if len(site.Procedures) != len(files) || len(files) < 500 {
		t.Errorf("%d procedures from %d files; the example catalogue should hold the province's several hundred", len(site.Procedures), len(files))
	}
	if len(site.Petitions) != 24 || len(site.ScorePeriods) != 11 {
		t.Errorf("%d petitions, %d periods; want 24 and 11", len(site.Petitions), len(site.ScorePeriods))
	}
	for _, p := range site.Petitions {
		if !p.Illustrative {
			t.Errorf("petition %s: no real petitions are available; it must be marked illustrative", p.ID)
		}
	}
	for _, p := range site.ScorePeriods {
		if p.Illustrative == (p.ID == "2026-toan-quoc") {
			t.Errorf("period %s: only the imported national results are real (illustrative = %v)", p.ID, p.Illustrative)
		}
	}

	out := builtExample(t)
	read := func(p string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// Every procedure, petition and period has its page; the catalogue is paginated.
	for _, p := range site.Procedures {
		if _, err := os.Stat(filepath.Join(out, "thu-tuc", p.Code, "index.html")); err != nil {
			t.Errorf("no page for procedure %s", p.Code)
		}
	}
	pages := (len(site.Procedures) + 49) / 50
	if _, err := os.Stat(filepath.Join(out, "thu-tuc", fmt.Sprintf("trang-%d", pages), "index.html")); err != nil {
		t.Errorf("catalogue has no page %d: %v", pages, err)
	}
	if _, err := os.Stat(filepath.Join(out, "thu-tuc", fmt.Sprintf("trang-%d", pages+1))); err == nil {
		t.Errorf("catalogue has a page %d too many", pages+1)
	}
	// The national ranking shows where An Giang stands, in Vietnamese number format.
	national := read("chi-so-766/2026-toan-quoc/index.html")
	for _, want := range []string{"UBND tỉnh An Giang", "58,72", "Trung bình", "68,11"} {
		if !strings.Contains(national, want) {
			t.Errorf("national ranking lacks %q", want)
		}
	}
	if home := read("index.html"); !strings.Contains(home, "đạt <strong>58,72</strong> điểm") || !strings.Contains(home, "hạng 29/34") {
		t.Error("the home page does not say where the province stands nationally")
	}
	// An agency page carries its procedures, petitions with the on-time rate, and its 766
	// trend as an accessible SVG with the same numbers in a table.
	agency := read("co-quan/an-giang/so-tu-phap/index.html")
	for _, want := range []string{`id="thu-tuc"`, `id="pakn"`, "Tỷ lệ trả lời đúng hạn", `role="img"`, `aria-labelledby="xu-huong-766-title xu-huong-766-desc"`, "<th scope=\"row\" data-label=\"Kỳ\"><a href=\"../../../chi-so-766/2026-10/index.html\">Tháng 10/2026</a>"} {
		if !strings.Contains(agency, want) {
			t.Errorf("agency page lacks %q", want)
		}
	}
	// A filter page exists for each field and lists only that field.
	for _, f := range site.Fields {
		page := read("thu-tuc/linh-vuc/" + f.Slug + "/index.html")
		if !strings.Contains(page, "Lĩnh vực "+f.Name) {
			t.Errorf("field page %s does not name its field", f.Slug)
		}
	}
}

// No petitioner's details reach any output file: neither the [petitioner] tables nor the
// personal data written in questions and answers, which the masker finds in the source.
func TestNoPersonalDataInOutput(t *testing.T) {
	secrets := personalData(t)
	for name, b := range builtFiles(t) {
		for _, s := range secrets {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s contains personal data %q", name, s)
			}
		}
	}
}

// personalData is every petitioner value of the example petitions and every piece of
// personal data the masker finds in their text, as written there.
func personalData(t *testing.T) []string {
	t.Helper()
	set, err := content.Load(os.DirFS("../content"))
	if err != nil {
		t.Fatal(err)
	}
	var secrets []string
	for _, p := range set.Petitions {
		for _, v := range p.Petitioner {
			if s, ok := v.(string); ok && len(s) >= 6 {
				secrets = append(secrets, s)
			}
		}
		for _, text := range []string{p.Subject, p.Question, p.Answer} {
			for _, m := range privacy.Find(text) {
				if s := text[m.Start:m.End]; len(s) >= 6 {
					secrets = append(secrets, s)
				}
			}
		}
	}
	// The example questions hold personal data the ways citizens write it; each must be found.
	for _, w := range []string{"0912 345 678", "+84 912345678", "089123456789", "@gmail.com", "số nhà 12 đường Trần Hưng Đạo"} {
		if !slices.ContainsFunc(secrets, func(s string) bool { return strings.Contains(s, w) || strings.Contains(w, s) }) {
			t.Errorf("no personal data like %q found in the example petitions; the test would prove nothing about it", w)
		}
	}
	if len(secrets) < 40 {
		t.Fatalf("only %d pieces of personal data in the example content", len(secrets))
	}
	return secrets
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkBuildFullCatalogue builds the example site with every procedure of the national
// file (all levels, 2,625 convertible records) instead of the province's share: the scale
// test of the catalogue.
func BenchmarkBuildFullCatalogue(b *testing.B) {
	start := time.Now()
	dir, rep := fullCatalogue(b, b.TempDir())
	importTime := time.Since(start)
	out := filepath.Join(b.TempDir(), "public")
	b.ResetTimer()
	var res *generator.Result
	var err error
	for range b.N {
		if res, err = generator.Build(context.Background(), generator.Options{Content: os.DirFS(dir), Out: out, AsOf: asOf}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Stats.Pages), "pages")
	b.ReportMetric(float64(res.Stats.Bytes)/(1<<20), "MB")
	b.ReportMetric(float64(rep.Written), "procedures")
	b.ReportMetric(importTime.Seconds(), "import-s")
}

// fullCatalogue writes into dir/content the example site with the whole national catalogue
// in place of the province's share.
func fullCatalogue(tb testing.TB, dir string) (string, *importer.ProcedureReport) {
	tb.Helper()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS("../content")); err != nil {
		tb.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(content, "thu-tuc")); err != nil {
		tb.Fatal(err)
	}
	return content, importNational(tb, content)
}

// importNational imports testdata's copy of the national procedure file into the content
// folder dir, for An Giang, at every level.
func importNational(tb testing.TB, dir string) *importer.ProcedureReport {
	tb.Helper()
	f, err := os.Open("../testdata/tthc/national-procedures.jsonl.gz")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	rep, err := importer.Procedures(importer.ProcedureImport{Content: dir, Input: gz, Name: "national-procedures.jsonl",
		Authority: "an-giang"})
	if err != nil {
		tb.Fatal(err)
	}
	return rep
}
