package nationaldb

import (
	"html"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"congkhai/generator/content"
	"congkhai/generator/model"
	"congkhai/generator/render"
	"congkhai/generator/schedule"
	"congkhai/static"
	"congkhai/templates"
)

// What a citizen reads, over the whole national file: every record converted, built into a
// site with the default theme, and every procedure page and every page of the catalogue
// rendered. The checks read the HTML, and hold what it shows against the raw record.
func TestWholeFileAsShown(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every procedure of the national file")
	}
	var files []*content.ProcedureFile
	raw := map[string]Record{}
	for _, cv := range convertData(t) {
		if cv.p == nil || raw[cv.p.Code].MaThuTuc != "" {
			continue // rejected, or a second record of a code (the import rejects it)
		}
		files = append(files, cv.p)
		raw[cv.p.Code] = cleanRecord(cv.rec)
	}
	site := model.New(&content.Set{Site: &content.SiteFile{Title: "Thủ tục hành chính"}, Procedures: files},
		schedule.D(2026, time.November, 21))
	set, err := render.NewSet(site, render.Options{Templates: templates.FS, Static: static.FS, PageSize: 50})
	if err != nil {
		t.Fatal(err)
	}
	var outputs []*render.Output
	for _, o := range set.Outputs {
		if o.Kind == "procedure" || cataloguePage(o.Path) > 0 {
			outputs = append(outputs, o)
		}
	}
	// Rendered on every core; each page's checks are its own.
	stats := make([]shownStats, len(outputs))
	names := make([][]string, len(outputs)) // the names a page of the catalogue lists
	var wg sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				o := outputs[i]
				f, err := set.Render(o)
				if err != nil {
					t.Error(err)
					continue
				}
				page := string(f.Data)
				main := page[strings.Index(page, "<main"):strings.Index(page, "</main>")]
				checkNoEmptyLabel(t, o.Path, main)
				if o.Kind == "procedures" {
					names[i] = cellTexts(main, `<th scope="row" data-label="Tên">`, "</th>")
					for _, n := range names[i] {
						if !startsWithWord(n) {
							t.Errorf("%s: the catalogue lists a name that starts with punctuation: %q", o.Path, n)
						}
					}
					continue
				}
				code := strings.TrimSuffix(strings.TrimPrefix(o.Path, "thu-tuc/"), "/index.html")
				rec, ok := raw[code]
				if !ok {
					t.Errorf("%s: a page for a code not converted", o.Path)
					continue
				}
				checkShownProcedure(t, code, main, rec, &stats[i])
			}
		})
	}
	for i := range outputs {
		work <- i
	}
	close(work)
	wg.Wait()
	var st shownStats
	catalogue := map[int][]string{} // the names of the whole catalogue, by page
	for i, o := range outputs {
		st.add(stats[i])
		if o.Kind == "procedures" {
			catalogue[cataloguePage(o.Path)] = names[i]
		}
	}
	var listed []string
	for n := 1; n <= len(catalogue); n++ {
		listed = append(listed, catalogue[n]...)
	}
	if len(listed) != len(files) {
		t.Errorf("the catalogue's pages list %d listed; %d procedures", len(listed), len(files))
	}
	// In Vietlistede order.
	coll := collate.New(language.Vietnamese)
	for i := 1; i < len(listed); i++ {
		if coll.CompareString(listed[i-1], listed[i]) > 0 {
			t.Errorf("the catalogue lists %q before %q", listed[i-1], listed[i])
			break
		}
	}
	t.Logf("%d procedure pages: %d methods, %d without a unit in the source (shown as not stated); %d fees with a detail; "+
		"%d documents, %d lines of explanation shown across the table; %d forms, %d named from the record's words, %d from the document's reference, %d without a readable name",
		len(files), st.methods, st.noUnit, st.feeDetails, st.documents, st.notes, st.forms, st.formsRecovered, st.formsByRef, st.formsUnread)
	// Measured: 701 of the times without a unit are the bare "1" the portal prints.
	if st.noUnit == 0 || st.notes == 0 || st.formsRecovered == 0 {
		t.Error("the test saw none of the cases it is about")
	}
}

type shownStats struct {
	methods, noUnit, feeDetails                    int
	documents, notes                               int
	forms, formsRecovered, formsByRef, formsUnread int
}

func (s *shownStats) add(o shownStats) {
	s.methods += o.methods
	s.noUnit += o.noUnit
	s.feeDetails += o.feeDetails
	s.documents += o.documents
	s.notes += o.notes
	s.forms += o.forms
	s.formsRecovered += o.formsRecovered
	s.formsByRef += o.formsByRef
	s.formsUnread += o.formsUnread
}

var (
	reBareTime = regexp.MustCompile(`^\d+(?:[.,]\d+)?$`)
	// reNoUnit is the page's cell for a time whose unit the source does not give.
	reNoUnit = regexp.MustCompile(`^Không ghi rõ \(nguồn chỉ ghi số “(\d+(?:[.,]\d+)?)”, không có đơn vị\)$`)
	// reRawTime is a row of the source's flattened table: a channel and its time.
	reRawTime   = regexp.MustCompile(`(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(\d+(?:[.,]\d+)?)( ?(?:Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Tuần|Phút))?`)
	reZeroCount = regexp.MustCompile(`(?:^|[^0-9])0+ bản`)
	reFileExt   = regexp.MustCompile(`(?i)\.(?:docx?|pdf|xlsx?|rar|zip|odt|rtf)$`)
)

func checkShownProcedure(t *testing.T, code, main string, rec Record, st *shownStats) {
	t.Helper()
	h1 := cellTexts(main, "<h1>", "</h1>")
	if len(h1) != 1 || !startsWithWord(h1[0]) {
		t.Errorf("%s: the page's title %q starts with punctuation", code, h1)
	}
	// The methods: every time has its unit, or says the source gives none, and does so
	// only when the source's cell has a number and no unit.
	methods := section(main, "cach-thuc")
	times := cellTexts(methods, `<td data-label="Thời hạn">`, "</td>")
	source := rec.CachThucThucHien + "\n" + rec.RawText
	for _, tm := range times {
		st.methods++
		if reBareTime.MatchString(tm) {
			t.Errorf("%s: a time without its unit: %q", code, tm)
		}
		if m := reNoUnit.FindStringSubmatch(tm); m != nil {
			st.noUnit++
			if !rawCellWithoutUnit(source, m[1]) {
				t.Errorf("%s: the time %q is shown as not stated, but the source's cell has a unit", code, m[1])
			}
		}
	}
	// Every time the source gives with its unit is shown so.
	for _, r := range reRawTime.FindAllStringSubmatch(source, -1) {
		if r[3] == "" || len(times) == 0 {
			continue
		}
		if want := r[2] + " " + strings.TrimSpace(r[3]); !slices.Contains(times, want) && !slices.Contains(times, r[2]+r[3]) {
			t.Errorf("%s: the source's time %q is not shown with its unit (shown: %q)", code, r[2]+r[3], times)
		}
	}
	for _, fee := range cellTexts(methods, `<td data-label="Phí, lệ phí">`, "</td>") {
		if strings.Contains(fee, "((") || strings.Contains(fee, "( (") {
			t.Errorf("%s: a fee with doubled brackets: %q", code, fee)
		}
		if strings.Contains(fee, "(") {
			st.feeDetails++
			if !strings.Contains(fee, " (") || strings.Count(fee, "(") != strings.Count(fee, ")") && !strings.HasSuffix(fee, ")") {
				t.Errorf("%s: a fee whose detail is not set apart in brackets: %q", code, fee)
			}
		}
	}
	// The dossier: no count of zero, no file name for a form.
	dossier := section(main, "ho-so")
	for _, q := range cellTexts(dossier, `<td data-label="Số lượng">`, "</td>") {
		st.documents++
		if reZeroCount.MatchString(q) {
			t.Errorf("%s: a document of %q", code, q)
		}
	}
	st.notes += strings.Count(dossier, `<tr class="note">`)
	docs := append(cellTexts(dossier, `<td data-label="Tên giấy tờ">`, "</td>"), cellTexts(dossier, `<tr class="note"><td colspan=`, "</td>")...)
	for _, n := range append(docs, cellTexts(section(main, "ket-qua"), "<li>", "</li>")...) {
		if r, _ := utf8.DecodeRuneInString(n); !startsWithWord(n) && !strings.ContainsRune("(“\"'[", r) {
			t.Errorf("%s: a document or result whose name starts with punctuation: %q", code, shorten(n, 60))
		}
	}
	for _, cell := range cellTexts(dossier, `<td data-label="Mẫu">`, "</td>") {
		for _, f := range strings.Split(cell, "; ") {
			st.forms++
			switch {
			case strings.HasPrefix(f, "http"):
				continue
			case reFileExt.MatchString(f):
				t.Errorf("%s: a form shown as a file name: %q", code, f)
			case garbled(f):
				t.Errorf("%s: a form shown as a garbled file name: %q", code, f)
			case f == "Có mẫu kèm theo":
				st.formsUnread++
			case strings.Contains(rec.RawText, f) && !strings.Contains(rec.RawText, f+"."):
				st.formsByRef++ // the document's reference ("Mẫu số 02"), not a file's name
			case hasNonASCIILetter(f) && !strings.Contains(rec.RawText, f):
				st.formsRecovered++ // words the file's name had lost
			}
		}
	}
}

// cataloguePage is the number of a page of the whole catalogue at path, or 0.
func cataloguePage(path string) int {
	if path == "thu-tuc/index.html" {
		return 1
	}
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(path, "thu-tuc/trang-"), "/index.html"))
	if err != nil {
		return 0
	}
	return n
}

// rawCellWithoutUnit reports whether the source's flattened table has a channel followed by
// the number n and then no unit (a fee, or digits of an amount glued to it: "120 VNĐ" is the
// time 1 and 20 VNĐ).
func rawCellWithoutUnit(source, n string) bool {
	for _, ch := range []string{"Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính"} {
		for rest := source; ; {
			i := strings.Index(rest, ch+n)
			if i < 0 {
				break
			}
			rest = rest[i+len(ch+n):]
			if !reUnitNext.MatchString(rest) {
				return true
			}
		}
	}
	return false
}

var reUnitNext = regexp.MustCompile(`^ ?(?:Ngày|Giờ|Tháng|Năm|Tuần|Phút)`)

// checkNoEmptyLabel fails for a label shown with nothing after it: a cell that names its
// column on a small screen (data-label), a column heading, a term of a description list, or
// a list item.
func checkNoEmptyLabel(t *testing.T, path, main string) {
	t.Helper()
	for _, c := range []struct{ open, close string }{
		{`<td data-label="`, "</td>"}, {`<th scope="col"`, "</th>"}, {"<dd>", "</dd>"}, {"<dt>", "</dt>"}, {"<li>", "</li>"},
	} {
		for rest := main; ; {
			i := strings.Index(rest, c.open)
			if i < 0 {
				break
			}
			rest = rest[i:]
			j := strings.Index(rest, c.close)
			if j < 0 {
				t.Fatalf("%s: %s not closed", path, c.open)
			}
			if text(rest[:j]) == "" {
				t.Errorf("%s: an empty %s…%s: %q", path, c.open, c.close, rest[:min(j+len(c.close), 120)])
			}
			rest = rest[j:]
		}
	}
}

// section returns the part of main from the heading with id to the end of its section.
func section(main, id string) string {
	i := strings.Index(main, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	s := main[i:]
	if j := strings.Index(s, "</section>"); j >= 0 {
		s = s[:j]
	}
	return s
}

// cellTexts returns the text of every element of s that starts with open (which includes
// the end of its start tag) and ends with close.
func cellTexts(s, open, close string) []string {
	var out []string
	for {
		i := strings.Index(s, open)
		if i < 0 {
			return out
		}
		s = s[i+len(open):]
		j := strings.Index(s, close)
		if j < 0 {
			return out
		}
		out = append(out, text(s[:j]))
		s = s[j:]
	}
}

var reTag = regexp.MustCompile(`<[^>]*>`)

// text is the text of a piece of HTML: without its tags, unescaped, with its white space
// collapsed. A start tag cut at its beginning (`data-label="…">`) is dropped too.
func text(h string) string {
	if i := strings.IndexByte(h, '>'); i >= 0 && !strings.Contains(h[:i], "<") {
		h = h[i+1:]
	}
	return strings.Join(strings.Fields(html.UnescapeString(reTag.ReplaceAllString(h, " "))), " ")
}

func startsWithWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
