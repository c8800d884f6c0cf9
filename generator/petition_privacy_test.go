package generator_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"congkhai/generator/markdown"
	"congkhai/generator/privacy/privacytest"
	"congkhai/generator/search"
	"congkhai/generator/tomltext"
)

// Personal data written the ways citizens and agencies write it reaches neither a page nor
// the search index: each text of the privacy package's labelled corpora is a petition of a
// small site, as its question (a citizen's text), its answer or its document's title (an
// agency's), with its first paragraph as its subject; the site is built and every page and index
// file is searched for what the texts hold.
func TestPetitionCorpusNotPublished(t *testing.T) {
	var cases []privacytest.Case
	for _, file := range []string{"leaks.toml", "leaks-heldout.toml", "leaks-heldout2.toml"} {
		cs, err := privacytest.Load(filepath.Join("privacy", "testdata", file))
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		cases = append(cases, cs...)
	}
	if len(cases) < 150 {
		t.Fatalf("only %d cases", len(cases))
	}
	dir := t.TempDir()
	copyDir(t, "../testdata/small/content", dir)
	if err := os.MkdirAll(filepath.Join(dir, "pakn"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		subject, _, _ := strings.Cut(markdown.Text(c.Text), "\n") // a plain text
		var b bytes.Buffer
		b.WriteString("received = 2026-03-02\nchannel = \"cong-dich-vu-cong\"\nkind = \"phan-anh\"\n")
		b.WriteString("agencies = [\"tinh-mau/vp-ubnd\"]\nillustrative = true\n")
		tomltext.String(&b, "subject", subject)
		switch {
		case c.Class == "document-title":
			b.WriteString("status = \"da-tra-loi\"\nanswered = 2026-03-10\nquestion = \"Xin hỏi.\"\nanswer = \"Trả lời.\"\n")
			b.WriteString("[[document]]\nnumber = \"12/UBND\"\n")
			tomltext.String(&b, "title", c.Text)
		case c.ByAgency():
			b.WriteString("status = \"da-tra-loi\"\nanswered = 2026-03-10\nquestion = \"Xin hỏi.\"\n")
			tomltext.String(&b, "answer", c.Text)
		default:
			b.WriteString("status = \"dang-xu-ly\"\n")
			tomltext.String(&b, "question", c.Text)
		}
		if err := os.WriteFile(filepath.Join(dir, "pakn", fmt.Sprintf("2026-%03d.toml", i+1)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	build(t, dir, out)

	records := indexRecords(t, out)
	terms := indexTerms(t, out)
	files := map[string][]byte{}
	pages, _ := filepath.Glob(filepath.Join(out, "*", "*", "index.html"))
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = b
	}
	shown := foldedPageText(files)
	leaked := 0
	for i, c := range cases {
		id := fmt.Sprintf("2026-%03d", i+1)
		page, err := os.ReadFile(filepath.Join(out, "pakn", id, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		record := records["pakn/"+id+"/index.html"]
		if record == "" {
			t.Fatalf("%s: no search record", id)
		}
		data, err := os.ReadFile(filepath.Join(out, "pakn", id, "index.json"))
		if err != nil {
			t.Fatal(err)
		}
		where := map[string][]string{
			"dữ liệu mở":       privacytest.Leaks(jsonText(t, data), c.Personal),
			"trang":            privacytest.Leaks(visibleText(string(page)), c.Personal),
			"thuộc tính":       privacytest.Leaks(attributes(string(page)), c.Personal),
			"chỉ mục, bản ghi": privacytest.Leaks(record, c.Personal),
			"chỉ mục, từ khóa": termLeaks(terms, shown, c.Personal),
		}
		for w, ls := range where {
			for _, l := range ls {
				if _, known := privacytest.KnownLeaks[strings.Split(l, " (")[0]]; !known {
					leaked++
					t.Errorf("%s (%s): %s leaks %q", id, c.Class, w, l)
				}
			}
		}
	}
	t.Logf("%d petitions built, %d leaks on pages or in the index besides the known gaps", len(cases), leaked)
}

var attrRe = regexp.MustCompile(`\s[a-z-]+="([^"]*)"`)

func visibleText(page string) string {
	return html.UnescapeString(tagRe.ReplaceAllString(page, " "))
}

func attributes(page string) string {
	var b strings.Builder
	for _, m := range attrRe.FindAllStringSubmatch(page, -1) {
		b.WriteString(html.UnescapeString(m[1]) + "\n")
	}
	return b.String()
}

// indexRecords returns the text of every result record of the search index, by URL.
func indexRecords(t *testing.T, out string) map[string]string {
	files, _ := filepath.Glob(filepath.Join(out, "tim-kiem", "d", "*.js"))
	recs := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, data, _ := strings.Cut(strings.TrimSuffix(string(b), ");\n"), ",")
		var part []json.RawMessage
		if err := json.Unmarshal([]byte(data), &part); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, r := range part {
			var rec struct{ U string }
			json.Unmarshal(r, &rec)
			recs[rec.U] = string(r)
		}
	}
	if len(recs) == 0 {
		t.Fatal("no record read from the search index")
	}
	return recs
}

// termLeaks returns the personal data of which the index holds two words side by side (as
// the index pairs them), or a number of seven digits or more, that no page shows (pages show
// these words elsewhere: "Văn Lực" is masked, but an official's "Nguyễn Văn" is not).
func termLeaks(terms map[string]bool, shown string, personal []string) []string {
	var found []string
	for _, p := range personal {
		var words []string
		for _, pair := range search.Pairs(p) {
			words = append(words, pair.Folded)
		}
		for _, tok := range search.Tokens(p) {
			if len(tok.Folded) >= 7 && strings.Trim(tok.Folded, "0123456789") == "" {
				words = append(words, tok.Folded)
			}
		}
		for _, w := range words {
			if terms[w] && !strings.Contains(shown, w) {
				found = append(found, p+" ("+w+")")
				break
			}
		}
	}
	return found
}

// jsonText is the text of every string value of a JSON document, a line each: what a
// re-user reads of it (field names are not data).
func jsonText(t *testing.T, data []byte) string {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			b.WriteString(v + "\n")
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(v)) {
				walk(v[k])
			}
		}
	}
	walk(v)
	return b.String()
}
