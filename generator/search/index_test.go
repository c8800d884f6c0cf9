package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// part decodes a file of the index: the key it registers and its data.
func part(t *testing.T, f File) (string, json.RawMessage) {
	t.Helper()
	s := strings.TrimSuffix(string(f.Data), ");\n")
	rest, ok := strings.CutPrefix(s, "congkhaiSearch.add(")
	if !ok {
		t.Fatalf("%s does not register itself: %.60s", f.Path, f.Data)
	}
	var key string
	dec := json.NewDecoder(strings.NewReader(rest))
	if err := dec.Decode(&key); err != nil {
		t.Fatalf("%s: key: %v", f.Path, err)
	}
	data := strings.TrimPrefix(rest[dec.InputOffset():], ",")
	if !json.Valid([]byte(data)) {
		t.Fatalf("%s: data is not JSON: %.80s", f.Path, data)
	}
	return key, json.RawMessage(data)
}

type decoded struct {
	meta  meta
	terms map[string]map[string]map[int]int // folded -> exact -> doc -> weight
	parts [][]string                        // the terms of each part
	docs  map[int]record
}

// decode reads every file of idx back, checking that each part's name holds its number
// and the hash the part list gives for it, and that the key it registers is its number's.
func decode(t *testing.T, idx *Index) decoded {
	t.Helper()
	d := decoded{terms: map[string]map[string]map[int]int{}, docs: map[int]record{}}
	byPath := map[string]File{}
	for _, f := range idx.Files {
		byPath[f.Path] = f
	}
	if len(byPath) != len(idx.Files) {
		t.Fatalf("two files of the index share a path")
	}
	mf, ok := byPath[idx.Meta]
	if !ok || idx.Meta != "m."+idx.Version+".js" {
		t.Fatalf("no part list %q for version %q", idx.Meta, idx.Version)
	}
	if _, data := part(t, mf); json.Unmarshal(data, &d.meta) != nil {
		t.Fatalf("part list: %s", data)
	}
	// named returns the n-th part of dir, by the hash the part list gives for it.
	named := func(dir string, n int, hashes string) File {
		t.Helper()
		p := fmt.Sprintf("%s/%d.%s.js", dir, n, hashes[n*hashChars:(n+1)*hashChars])
		f, ok := byPath[p]
		if !ok {
			t.Fatalf("the part list names %s, which is not in the index", p)
		}
		delete(byPath, p)
		if key, _ := part(t, f); key != fmt.Sprintf("%s%d", dir, n) {
			t.Errorf("%s registers as %q", p, key)
		}
		return f
	}
	if len(d.meta.PartHashes) != len(d.meta.Parts)*hashChars {
		t.Fatalf("%d term parts, %d hash characters", len(d.meta.Parts), len(d.meta.PartHashes))
	}
	for n := range d.meta.Parts {
		_, data := part(t, named("t", n, d.meta.PartHashes))
		var entries [][]json.RawMessage
		if err := json.Unmarshal(data, &entries); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			var folded string
			json.Unmarshal(e[0], &folded)
			names = append(names, folded)
			variants := map[string]map[int]int{}
			for i := 1; i < len(e); i += 2 {
				var exact string
				var postings []int
				json.Unmarshal(e[i], &exact)
				json.Unmarshal(e[i+1], &postings)
				docs, doc := map[int]int{}, 0
				for _, p := range postings {
					doc += p >> 4
					docs[doc] = p & 15
				}
				variants[exact] = docs
			}
			d.terms[folded] = variants
		}
		d.parts = append(d.parts, names)
	}
	per := d.meta.PerRecordPart
	if parts := (d.meta.Docs + per - 1) / per; len(d.meta.RecordHashes) != parts*hashChars {
		t.Fatalf("%d pages in parts of %d, %d hash characters", d.meta.Docs, per, len(d.meta.RecordHashes))
	}
	for n := 0; n*per < d.meta.Docs; n++ {
		_, data := part(t, named("d", n, d.meta.RecordHashes))
		var recs []record
		if err := json.Unmarshal(data, &recs); err != nil {
			t.Fatal(err)
		}
		if want := min(per, d.meta.Docs-n*per); len(recs) != want {
			t.Errorf("record part %d holds %d records, want %d", n, len(recs), want)
		}
		for i, r := range recs {
			d.docs[n*per+i] = r
		}
	}
	delete(byPath, idx.Meta)
	for p := range byPath {
		t.Errorf("%s is in the index but the part list does not name it", p)
	}
	return d
}

var testKinds = []Kind{{"ke-hoach", "Kế hoạch", 0}, {"thu-tuc", "Thủ tục", 0}, {"pakn", "Phản ánh, kiến nghị", 0.5}}

func testDocs() []Doc {
	return []Doc{
		{Kind: "thu-tuc", URL: "thu-tuc/1.000894/index.html", Title: "Thủ tục đăng ký kết hôn", Code: "1.000894", Context: "Hộ tịch", Body: []string{"Hồ sơ gồm tờ khai đăng ký kết hôn."}},
		{Kind: "pakn", URL: "pakn/2026-001/index.html", Title: "Hỏi về đường giao thông nông thôn", Status: "Đã trả lời", Illustrative: true, Year: 2026, Body: []string{"Trả lời theo Quyết định số 2890/QĐ-UBND."}},
		{Kind: "ke-hoach", URL: "ke-hoach/k/index.html", Title: "Kế hoạch kiểm soát TTHC năm 2025", Code: "2890/QĐ-UBND", Plan: "k", Year: 2025},
		{Kind: "thu-tuc", URL: "thu-tuc/2.000806/index.html", Title: "Thủ tục đăng ký kết hôn có yếu tố nước ngoài", Code: "2.000806", Body: []string{"Dương lịch"}},
	}
}

func TestBuildNumbersPagesByKind(t *testing.T) {
	idx, err := Build(testKinds, []Filter{{"k", "KH 2025"}}, testDocs(), DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	d := decode(t, idx)
	var urls []string
	for i := range len(d.docs) {
		urls = append(urls, d.docs[i].URL)
	}
	want := []string{"ke-hoach/k/index.html", "thu-tuc/1.000894/index.html", "thu-tuc/2.000806/index.html", "pakn/2026-001/index.html"}
	if !slices.Equal(urls, want) {
		t.Errorf("pages in order %v, want %v", urls, want)
	}
	if got := fmt.Sprint(d.meta.Kinds); got != "[[ke-hoach Kế hoạch 0 1 1] [thu-tuc Thủ tục 1 3 1] [pakn Phản ánh, kiến nghị 3 4 0.5]]" {
		t.Errorf("kind ranges %s", got)
	}
	if d.meta.Docs != 4 || fmt.Sprint(d.meta.Years) != "[2026 2025]" || fmt.Sprint(d.meta.Plans) != "[[k KH 2025]]" {
		t.Errorf("meta %+v", d.meta)
	}
	if p := d.docs[3]; p.Illustrative != 1 || p.Status != "Đã trả lời" || p.Kind != "pakn" {
		t.Errorf("petition record %+v", p)
	}
	if idx.Version == "" || idx.Docs != 4 || idx.Terms != len(d.terms) {
		t.Errorf("index %q with %d docs, %d terms (decoded %d)", idx.Version, idx.Docs, idx.Terms, len(d.terms))
	}
}

func TestBuildTermsAndWeights(t *testing.T) {
	idx, err := Build(testKinds, nil, testDocs(), DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	d := decode(t, idx)
	tests := []struct {
		folded, exact string
		doc, weight   int
	}{
		// A 6-word title weighs 12-3; the body adds one repeat.
		{"dang", "đăng", 1, 10},
		{"ket hon", "kết hôn", 1, 10},
		// The longer title weighs less.
		{"dang", "đăng", 2, 7},
		// Diacritics are kept per exact form, under one folded term.
		{"duong", "đường", 3, 9},
		{"duong", "dương", 2, 1},
		// Codes and document numbers whole, and their parts.
		{"1.000894", "1.000894", 1, 12},
		{"2890/qd-ubnd", "2890/qđ-ubnd", 0, 12},
		{"2890/qd-ubnd", "2890/qđ-ubnd", 3, 1},
		{"2890", "2890", 0, 12},
		// Abbreviations both ways, the expansion with its diacritics.
		{"thu", "thủ", 0, 9},
		{"tthc", "tthc", 0, 9},
		{"kiem soat", "kiểm soát", 0, 9},
		// Filters.
		{"@p:k", "@p:k", 0, 1},
		{"@y:2026", "@y:2026", 3, 1},
	}
	for _, tt := range tests {
		if got := d.terms[tt.folded][tt.exact][tt.doc]; got != tt.weight {
			t.Errorf("weight of %q (%q) in page %d = %d, want %d", tt.folded, tt.exact, tt.doc, got, tt.weight)
		}
	}
	// Pairs never cross a code or punctuation.
	for _, bad := range []string{"so 2890", "2890/qd-ubnd ngay", "hon ho", "ubnd tra"} {
		if _, ok := d.terms[bad]; ok {
			t.Errorf("pair %q indexed", bad)
		}
	}
}

func TestBuildSplitsTermsIntoSortedParts(t *testing.T) {
	var docs []Doc
	for i := range 300 {
		docs = append(docs, Doc{Kind: "thu-tuc", URL: fmt.Sprintf("thu-tuc/%d/index.html", i),
			Title: fmt.Sprintf("Thủ tục số %d về đất đai", i), Body: []string{strings.Repeat("đường giao thông ", i%7)}})
	}
	idx, err := Build(testKinds, nil, docs, Options{PartBytes: 2000, SnippetChars: 100})
	if err != nil {
		t.Fatal(err)
	}
	d := decode(t, idx)
	if len(d.parts) < 5 || len(d.parts) != len(d.meta.Parts) {
		t.Fatalf("%d parts, meta lists %d", len(d.parts), len(d.meta.Parts))
	}
	var all []string
	for i, names := range d.parts {
		if names[0] != d.meta.Parts[i] {
			t.Errorf("part %d starts at %q, meta says %q", i, names[0], d.meta.Parts[i])
		}
		all = append(all, names...)
	}
	if !slices.IsSorted(all) || len(all) != len(d.terms) {
		t.Errorf("terms across parts are not sorted and unique: %d of %d", len(all), len(d.terms))
	}
	size := 0
	for _, f := range idx.Files {
		if strings.HasPrefix(f.Path, "t/") {
			size += len(f.Data)
			if len(f.Data) > 4*2000+200 && bytes.Count(f.Data, []byte(`],["`)) > 0 {
				t.Errorf("%s has %d bytes and several terms", f.Path, len(f.Data))
			}
		}
	}
	if mean := size / len(d.parts); mean < 2000/4 || mean > 2*2000 {
		t.Errorf("term parts of %d bytes on average, for 2000 asked", mean)
	}
	if got := d.terms["dat dai"]["đất đai"]; len(got) != 300 {
		t.Errorf("'đất đai' in %d pages, want 300", len(got))
	}
	if rec := d.docs[293]; len([]rune(rec.Text)) > 102 || !strings.HasSuffix(rec.Text, "…") {
		t.Errorf("snippet text not cut: %q", rec.Text)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, _ := Build(testKinds, nil, testDocs(), DefaultOptions)
	for range 10 {
		b, _ := Build(testKinds, nil, testDocs(), DefaultOptions)
		if a.Version != b.Version || !slices.EqualFunc(a.Files, b.Files, func(x, y File) bool { return x.Path == y.Path && bytes.Equal(x.Data, y.Data) }) {
			t.Fatal("two builds of the same pages differ")
		}
	}
	docs := testDocs()
	docs[0].Title += " lưu động"
	c, _ := Build(testKinds, nil, docs, DefaultOptions)
	if c.Version == a.Version {
		t.Error("the version did not change with the pages")
	}
	// A kind's boost is only in m.js: changing it must change the version too, or a cached
	// m.js of the old build would be used with the new one.
	kinds := slices.Clone(testKinds)
	kinds[2].Boost = 0.8
	if d, _ := Build(kinds, nil, testDocs(), DefaultOptions); d.Version == a.Version {
		t.Error("the version did not change with the kinds' boosts")
	}
}

// An edit of one page changes the part list, the record part holding the page and the term
// parts holding the terms it gained or lost; every other file keeps its name and bytes, so
// that a rebuild writes only those.
func TestBuildKeepsPartsAnEditDidNotTouch(t *testing.T) {
	var docs []Doc
	for i := range 200 {
		docs = append(docs, Doc{Kind: "thu-tuc", URL: fmt.Sprintf("thu-tuc/%d/index.html", i),
			Title: fmt.Sprintf("Thủ tục số %d về đất đai", i), Body: []string{fmt.Sprintf("Lệ phí %d.000 đồng, nộp tại bộ phận một cửa", i)}})
	}
	opts := Options{PartBytes: 1500, SnippetChars: 200, RecordsPerPart: 16}
	a, err := Build(testKinds, nil, docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	docs[37].Body = []string{"Lệ phí miễn, nộp tại bộ phận một cửa"}
	b, err := Build(testKinds, nil, docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	old := map[string][]byte{}
	for _, f := range a.Files {
		old[f.Path] = f.Data
	}
	var changed []string
	for _, f := range b.Files {
		if data, ok := old[f.Path]; !ok || !bytes.Equal(data, f.Data) {
			if ok {
				t.Errorf("%s changed but kept its name", f.Path)
			}
			changed = append(changed, f.Path)
		}
	}
	// The parts of the new index that hold a term whose postings changed.
	da, db := decode(t, a), decode(t, b)
	holding := map[int]bool{}
	for n, names := range db.parts {
		for _, name := range names {
			if fmt.Sprint(da.terms[name]) != fmt.Sprint(db.terms[name]) {
				holding[n] = true
			}
		}
	}
	var records, terms int
	for _, p := range changed {
		var n int
		switch {
		case strings.HasPrefix(p, "d/2."): // pages 32–47
			records++
		case strings.HasPrefix(p, "t/"):
			terms++
			fmt.Sscanf(p, "t/%d.", &n)
			if !holding[n] && !holding[n-1] {
				t.Errorf("%s changed, but neither it nor the part before holds a changed term", p)
			}
		case p != b.Meta:
			t.Errorf("%s changed", p)
		}
	}
	if records != 1 || terms == 0 || terms > len(holding)+1 || len(changed) != 1+records+terms {
		t.Errorf("changed %d of %d files, %d term parts of which %d hold changed terms: %v", len(changed), len(b.Files), terms, len(holding), changed)
	}
}

func TestBuildRejectsUnknownKind(t *testing.T) {
	_, err := Build(testKinds[:1], nil, testDocs(), DefaultOptions)
	if err == nil || !strings.Contains(err.Error(), `"thu-tuc"`) {
		t.Errorf("err = %v", err)
	}
}

func TestBuildEscapesMarkup(t *testing.T) {
	idx, _ := Build(testKinds, nil, []Doc{{Kind: "pakn", URL: "p", Title: "</script><b>x</b>"}}, DefaultOptions)
	for _, f := range idx.Files {
		if bytes.Contains(f.Data, []byte("<")) {
			t.Errorf("%s holds a raw <: %s", f.Path, f.Data)
		}
	}
}

func TestPairs(t *testing.T) {
	text := "Đăng ký kết hôn, theo 2890/QĐ-UBND ngày 5"
	var got []string
	for _, p := range Pairs(text) {
		got = append(got, p.Exact+"|"+p.Folded)
	}
	want := []string{"đăng ký|dang ky", "ký kết|ky ket", "kết hôn|ket hon", "ngày 5|ngay 5"}
	if !slices.Equal(got, want) {
		t.Errorf("Pairs = %q, want %q", got, want)
	}
}

func TestExpandGivesExpansionsTheirDiacritics(t *testing.T) {
	var got []string
	for _, tok := range Expand("HĐND và TTHC") {
		got = append(got, tok.Exact)
	}
	want := []string{"hđnd", "hội", "đồng", "nhân", "dân", "và", "tthc", "thủ", "tục", "hành", "chính"}
	if !slices.Equal(got, want) {
		t.Errorf("Expand = %q, want %q", got, want)
	}
}
