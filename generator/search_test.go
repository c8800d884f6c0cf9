package generator_test

import (
	"context"
	"encoding/json"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	"congkhai/generator"
	"congkhai/generator/fold"
	"congkhai/generator/render"
	"congkhai/generator/search"
)

// The client tests run congkhai's search script in Node (testdata/search/engine.mjs). A
// machine without Node skips them, unless CONGKHAI_REQUIRE_NODE is set, as .ci/run does.
func node(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CONGKHAI_REQUIRE_NODE") != "" {
			t.Fatal("node is required (CONGKHAI_REQUIRE_NODE is set) but not found")
		}
		t.Skip("node not found; the search client's tests need Node.js 20 or later")
	}
	return bin
}

// script returns the path of a script under testdata/search that node will run, after
// reading it, so that go test's cache knows the test depends on it (node's reads are not
// seen).
func script(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join("..", "testdata", "search", name)
	for _, f := range []string{p, filepath.Join("..", "testdata", "search", "engine.mjs")} {
		if _, err := os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// Query is one query of the recall set, with the pages that must come in its first results.
type Query struct {
	Q      string
	Expect []string
	Why    string
}

// firstResults is how far down the results an expected page may come: the first five, what
// a phone shows without scrolling.
const firstResults = 5

func loadQueries(t testing.TB) []Query {
	t.Helper()
	var set struct{ Query []Query }
	md, err := toml.DecodeFile("../testdata/search/queries.toml", &set)
	if err != nil {
		t.Fatal(err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Fatalf("queries.toml: unknown keys %v", u)
	}
	return set.Query
}

// runQueries runs queries through the client in Node against the site built in dir and
// returns the first results of each, as site-relative paths.
func runQueries(t *testing.T, dir string, queries []string, limit int) [][]string {
	t.Helper()
	type q struct {
		Q     string `json:"q"`
		Limit int    `json:"limit"`
	}
	var in []q
	for _, s := range queries {
		in = append(in, q{s, limit})
	}
	data, _ := json.Marshal(in)
	file := filepath.Join(t.TempDir(), "queries.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node(t), script(t, "engine.mjs"), dir, file).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("engine.mjs: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	var res []struct {
		Results []string `json:"results"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("engine.mjs output: %v\n%s", err, out)
	}
	got := make([][]string, len(res))
	for i, r := range res {
		got[i] = r.Results
	}
	return got
}

// Every query of testdata/search/queries.toml, typed as citizens, kiosk users and
// journalists type (mostly without diacritics, đ as d, codes pasted whole), finds every
// page it expects among the first results of the example site.
func TestSearchRecall(t *testing.T) {
	queries := loadQueries(t)
	if len(queries) < 40 {
		t.Fatalf("only %d queries", len(queries))
	}
	var qs []string
	for _, q := range queries {
		qs = append(qs, q.Q)
	}
	got := runQueries(t, builtExample(t), qs, firstResults)
	found, expected := 0, 0
	for i, q := range queries {
		for _, want := range q.Expect {
			expected++
			if slices.Contains(got[i], want) {
				found++
				continue
			}
			t.Errorf("%q (%s): %s not in the first %d: %s", q.Q, q.Why, want, firstResults, strings.Join(got[i], " "))
		}
	}
	t.Logf("recall %d/%d on %d queries", found, expected, len(queries))
}

// foldCases are strings whose folding and tokens the client must get as the Go side does.
var foldCases = []string{
	"Đường Trần Hưng Đạo", "ĐĂNG KÝ KẾT HÔN", "Thủ tục 1.001226 được sửa đổi", "mã 1.003901.H01.",
	"Quyết định số 2890/QĐ-UBND ngày 12/3/2024", "Thừa Thiên-Huế", "(02/2017/TT-VPCP)",
	"50.000 đồng, 10%", "Ủy ban nhân dân", "Uỷ ban", "hồ sơ – “một cửa”", "Nghị định 63/2010/NĐ-CP,",
	"Phường Mỹ Thới", "ỨNG DỤNG CÔNG NGHỆ", "Sở TT&TT", "a.b-c/d", "x-1", "1-", "https://dichvucong.gov.vn", "160 m² 3½",
}

// The client's logic, in Node's test runner (testdata/search/client.test.mjs), against the
// example site's index.
func TestSearchClient(t *testing.T) {
	bin := node(t)
	type foldCase struct {
		In     string `json:"in"`
		Fold   string `json:"fold"`
		Tokens string `json:"tokens"`
	}
	var cases []foldCase
	for _, s := range append(foldCases, norm.NFD.String("Hộ tịch đăng ký")) {
		var toks []string
		for _, tok := range search.Tokens(s) {
			if tok.Code {
				toks = append(toks, "["+tok.Folded+"]")
			} else {
				toks = append(toks, tok.Folded)
			}
		}
		cases = append(cases, foldCase{s, fold.String(s), strings.Join(toks, " ")})
	}
	data, _ := json.Marshal(cases)
	file := filepath.Join(t.TempDir(), "cases.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--test", "--test-reporter=spec", script(t, "client.test.mjs"))
	// TMPDIR: the script's own temporary folders go where the test removes them.
	cmd.Env = append(os.Environ(), "SITE="+builtExample(t), "CASES="+file, "TMPDIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "pass ") || strings.Contains(string(out), "fail 1") {
		t.Fatalf("unexpected test output:\n%s", out)
	}
}

// The index holds no personal data as terms either. TestNoPersonalDataInOutput finds none
// as text in any file, but the index stores words one by one; so here no pair of words of a
// piece of personal data ("quoc bao", "0912 345") and no long number of one is a term,
// unless the pages themselves show it (a petitioner's ward is also an agency's name).
func TestSearchIndexHoldsNoPersonalData(t *testing.T) {
	terms := indexTerms(t, builtExample(t))
	shown := foldedPageText(builtFiles(t))
	if len(terms) < 10000 || !terms["ket hon"] {
		t.Fatalf("%d terms; the index was not read", len(terms))
	}
	checked := 0
	for _, secret := range personalData(t) {
		tokens := search.Tokens(secret)
		var words []string
		for _, p := range search.Pairs(secret) {
			words = append(words, p.Folded)
		}
		for _, tok := range tokens {
			if digits := strings.Count(tok.Folded, "") - 1; digits >= 6 && strings.Trim(tok.Folded, "0123456789") == "" {
				words = append(words, tok.Folded)
			}
		}
		for _, w := range words {
			checked++
			if terms[w] && !strings.Contains(shown, w) {
				t.Errorf("the index holds %q, from personal data %q", w, secret)
			}
		}
	}
	if checked < 40 {
		t.Errorf("only %d terms checked", checked)
	}
}

// indexTerms reads every term of the search index of the site built in dir.
func indexTerms(t *testing.T, dir string) map[string]bool {
	t.Helper()
	parts, _ := filepath.Glob(filepath.Join(dir, "tim-kiem", "t", "*.js"))
	terms := map[string]bool{}
	for _, p := range parts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		_, data, _ := strings.Cut(strings.TrimSuffix(string(b), ");\n"), ",")
		var entries [][]json.RawMessage
		if err := json.Unmarshal([]byte(data), &entries); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, e := range entries {
			var term string
			json.Unmarshal(e[0], &term)
			terms[term] = true
		}
	}
	return terms
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

// foldedPageText is the text of every page of a site's files, folded, with single spaces.
func foldedPageText(files map[string][]byte) string {
	var b strings.Builder
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			text := html.UnescapeString(tagRe.ReplaceAllString(string(data), " "))
			b.WriteString(strings.Join(strings.Fields(fold.String(text)), " "))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// BenchmarkSearchIndex times indexing the example site (the model is built once).
func BenchmarkSearchIndex(b *testing.B) {
	site, err := generator.Check(context.Background(), generator.Options{Content: os.DirFS("../content"), AsOf: asOf})
	if err != nil {
		b.Fatal(err)
	}
	var files []render.File
	for b.Loop() {
		if files, err = render.SearchFiles(site); err != nil {
			b.Fatal(err)
		}
	}
	var size int
	for _, f := range files {
		size += len(f.Data)
	}
	b.ReportMetric(float64(len(files)), "files")
	b.ReportMetric(float64(size)/(1<<20), "MB")
}

// Every page but the search page itself carries the search box, pointing at the index and
// the search page; the search page carries the full form.
func TestEveryPageHasSearch(t *testing.T) {
	files := builtFiles(t)
	pages := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		want := `<form class="search" role="search"`
		if name == "tim-kiem/index.html" {
			want = `<form id="tim" class="search-page" role="search"`
		}
		if !strings.Contains(string(data), want) || !strings.Contains(string(data), "tim-kiem/chi-muc.js\"") && !strings.Contains(string(data), "\"chi-muc.js\"") {
			t.Errorf("%s has no search form with its index", name)
		}
	}
	if pages < 2000 {
		t.Errorf("only %d pages", pages)
	}
}
