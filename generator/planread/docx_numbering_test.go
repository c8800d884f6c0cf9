package planread

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

const testWordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// lvl writes a w:lvl.
func lvl(ilvl int, start int, format, text string, extra ...string) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>%s</w:lvl>`,
		ilvl, start, format, text, strings.Join(extra, ""))
}

// testNumbering is a numbering part with the lists the cases below use.
var testNumbering = `<w:numbering xmlns:w="` + testWordNS + `">` +
	// 1: tasks "1.", with "1.1" under them.
	`<w:abstractNum w:abstractNumId="1">` + lvl(0, 1, "decimal", "%1.") + lvl(1, 1, "decimal", "%1.%2") + `</w:abstractNum>` +
	// 2: sections I, II; a level that never restarts; a legal level.
	`<w:abstractNum w:abstractNumId="2">` + lvl(0, 1, "upperRoman", "%1", `<w:suff w:val="space"/>`) +
	lvl(1, 1, "lowerLetter", "%2)", `<w:lvlRestart w:val="0"/>`) + lvl(2, 1, "decimal", "%1.%3", `<w:isLgl/>`) + `</w:abstractNum>` +
	// 3: bullets: a symbol font's character, and a dash.
	`<w:abstractNum w:abstractNumId="3">` + lvl(0, 1, "bullet", "\uf0b7") + lvl(1, 1, "bullet", "-") + `</w:abstractNum>` +
	// 4: a list linked to the numbering style "ListStyle", whose list is 5's.
	`<w:abstractNum w:abstractNumId="4"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="5"><w:styleLink w:val="ListStyle"/>` + lvl(0, 1, "decimalZero", "%1", `<w:suff w:val="nothing"/>`) + `</w:abstractNum>` +
	// 6: headings numbered through their style.
	`<w:abstractNum w:abstractNumId="6">` + lvl(0, 1, "decimal", "%1.", `<w:pStyle w:val="H1"/>`) + lvl(1, 1, "decimal", "%1.%2.", `<w:pStyle w:val="H2"/>`) + `</w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` + // the same list, continued
	`<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` + // restarted
	`<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>` +
	`<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>` +
	`<w:num w:numId="6"><w:abstractNumId w:val="4"/></w:num>` +
	`<w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>` +
	`<w:num w:numId="8"><w:abstractNumId w:val="6"/></w:num>` +
	`<w:num w:numId="9"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/>` + lvl(0, 7, "upperLetter", "(%1)") + `</w:lvlOverride></w:num>` +
	`</w:numbering>`

var testStyles = `<w:styles xmlns:w="` + testWordNS + `">` +
	`<w:style w:type="numbering" w:styleId="ListStyle"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="H3"><w:basedOn w:val="H2"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>` +
	`</w:styles>`

// Word's numbers, paragraph by paragraph: lists shared by their w:num instances, restarted
// by a w:startOverride, lower levels restarted by a higher one (unless w:lvlRestart says
// not), formats, bullets, the suffix, style numbering and numbering styles.
func TestDocxNumberingLabels(t *testing.T) {
	n, err := parseDocxNumbering([]byte(testNumbering), []byte(testStyles))
	if err != nil {
		t.Fatal(err)
	}
	num := func(id string, ilvl int) docxParaNum {
		return docxParaNum{numID: id, hasNum: true, ilvl: ilvl, hasIlvl: true}
	}
	steps := []struct {
		p    docxParaNum
		want string
	}{
		{num("1", 0), "1. "},
		{num("1", 1), "1.1 "},
		{num("1", 1), "1.2 "},
		{num("2", 0), "2. "}, // another w:num of the same list goes on
		{num("1", 1), "2.1 "},
		{num("3", 0), "1. "}, // restarted
		{num("1", 0), "2. "},
		{num("9", 0), "(G) "}, // restarted at 7, its level redefined
		{num("9", 0), "(H) "},
		{num("4", 1), "a) "}, // a level used before the one above it
		{num("4", 0), "I "},
		{num("4", 1), "b) "}, // never restarts
		{num("4", 2), "1.1 "},
		{num("4", 0), "II "},
		{num("4", 2), "2.1 "}, // legal: decimal, restarted
		{num("4", 1), "c) "},
		{num("5", 0), "• "},
		{num("5", 1), "- "},
		{num("6", 0), "01"}, // through the numbering style, no suffix
		{num("7", 0), "02"},
		{docxParaNum{style: "H1"}, "1. "},
		{docxParaNum{style: "H2"}, "1.1. "},
		{docxParaNum{style: "H3"}, "1.2. "},
		{docxParaNum{style: "H1"}, "2. "},
		{docxParaNum{style: "H1", numID: "0", hasNum: true}, ""}, // numbering removed
		{docxParaNum{style: "Loop"}, ""},
		{docxParaNum{style: "Nope"}, ""},
		{num("99", 0), ""},
		{num("1", 5), ""}, // a level the list does not define
		{docxParaNum{}, ""},
	}
	for i, s := range steps {
		if got := n.label(s.p); got != s.want {
			t.Errorf("step %d %+v: %q, want %q", i, s.p, got, s.want)
		}
	}
	// A level not numbered since it restarted shows one less than its start, as Word does.
	n, _ = parseDocxNumbering([]byte(testNumbering), nil)
	if got := n.label(num("1", 1)); got != "0.1 " {
		t.Errorf("a second level first: %q, want %q", got, "0.1 ")
	}
}

func TestDocxFormatNumber(t *testing.T) {
	for _, c := range []struct {
		n      int
		format string
		want   string
	}{
		{4, "upperRoman", "IV"}, {1994, "lowerRoman", "mcmxciv"}, {4000, "upperRoman", "4000"}, {0, "upperRoman", "0"},
		{1, "upperLetter", "A"}, {28, "lowerLetter", "bb"}, {261, "upperLetter", "261"}, {-1, "lowerLetter", "-1"},
		{7, "decimalZero", "07"}, {12, "decimalZero", "12"}, {3, "none", ""}, {3, "ordinal", "3"}, {-2, "decimal", "-2"},
	} {
		if got := docxFormatNumber(c.n, c.format); got != c.want {
			t.Errorf("%d %s: %q, want %q", c.n, c.format, got, c.want)
		}
	}
}

// docxWithNumbering is a .docx whose relationships put the numbering part where Word
// would not look by name.
func docxWithNumbering(body, numbering string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range map[string]string{
		"word/document.xml": `<w:document xmlns:w="` + testWordNS + `"><w:body>` + body + `</w:body></w:document>`,
		"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="lists/num.xml"/></Relationships>`,
		"word/lists/num.xml": numbering,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(data))
	}
	zw.Close()
	return buf.Bytes()
}

// A numbered STT column reads as the numbers Word shows, counted through the table's
// cells in order; a numbered paragraph of the body gets its label too, which does not
// make a bold paragraph less bold.
func TestReadDocxNumberedColumn(t *testing.T) {
	p := func(numID, ilvl int, text string, bold bool) string {
		run := ""
		if text != "" {
			b := ""
			if bold {
				b = `<w:rPr><w:b/></w:rPr>`
			}
			run = `<w:r>` + b + `<w:t>` + text + `</w:t></w:r>`
		}
		return fmt.Sprintf(`<w:p><w:pPr><w:pStyle w:val="Normal"/><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`+
			`<w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr></w:pPrChange></w:pPr>%s</w:p>`, ilvl, numID, run)
	}
	tc := func(s string) string { return `<w:tc>` + s + `</w:tc>` }
	body := p(4, 0, "CÔNG TÁC CHỈ ĐẠO", true) +
		`<w:tbl><w:tr>` + tc(`<w:p><w:r><w:t>STT</w:t></w:r></w:p>`) + tc(`<w:p><w:r><w:t>Nội dung</w:t></w:r></w:p>`) + `</w:tr>` +
		`<w:tr>` + tc(p(1, 0, "", false)) + tc(`<w:p><w:r><w:t>Một</w:t></w:r></w:p>`) + `</w:tr>` +
		`<w:tr>` + tc(p(1, 1, "", false)) + tc(`<w:p><w:r><w:t>Một một</w:t></w:r></w:p>`) + `</w:tr>` +
		`<w:tr>` + tc(p(2, 0, "", false)) + tc(p(5, 0, "Hai", false)+p(5, 1, "Ba", false)) + `</w:tr></w:tbl>`
	doc, err := ReadDocx("n.docx", bytes.NewReader(docxWithNumbering(body, testNumbering)), int64(len(docxWithNumbering(body, testNumbering))))
	if err != nil {
		t.Fatal(err)
	}
	if it := doc.Items[0]; it.Text != "I CÔNG TÁC CHỈ ĐẠO" || !it.Bold {
		t.Errorf("heading: %q bold %v", it.Text, it.Bold)
	}
	var got []string
	for _, row := range doc.Items[1].Table.Rows {
		got = append(got, row.Cells[0].Text+" | "+row.Cells[1].Text)
	}
	want := []string{"STT | Nội dung", "1. | Một", "1.1 | Một một", "2. | • Hai\n- Ba"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}

	// A numbering part that is not XML is refused, as a broken document part is.
	bad := docxWithNumbering(body, "<w:numbering><w:num")
	if _, err := ReadDocx("n.docx", bytes.NewReader(bad), int64(len(bad))); err == nil || !strings.Contains(err.Error(), "n.docx") {
		t.Errorf("broken numbering: %v", err)
	}
}

// FuzzDocxNumbering numbers paragraphs against any numbering part: it never panics, and a
// label stays short whatever the part says (huge starts, long letter runs, many %N).
func FuzzDocxNumbering(f *testing.F) {
	f.Add(testNumbering, testStyles, []byte{1, 0, 1, 1, 2, 0, 3, 0, 9, 0, 4, 2, 6, 0, 0, 0})
	f.Add(`<w:numbering xmlns:w="`+testWordNS+`"><w:abstractNum w:abstractNumId="1">`+lvl(0, 2147483647, "upperLetter", "%1%1%1%1%1%1%1%1%1")+
		`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>`, "", []byte{1, 0, 1, 0})
	f.Add(`<w:numbering xmlns:w="`+testWordNS+`"><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="S"/></w:abstractNum>`+
		`<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>`,
		`<w:styles xmlns:w="`+testWordNS+`"><w:style w:styleId="S"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`, []byte{1, 0})
	f.Fuzz(func(t *testing.T, numbering, styles string, seq []byte) {
		n, err := parseDocxNumbering([]byte(numbering), []byte(styles))
		if err != nil {
			return
		}
		for i := 0; i+1 < len(seq) && i < 200; i += 2 {
			p := docxParaNum{numID: fmt.Sprint(seq[i] % 16), hasNum: seq[i] < 200, ilvl: int(seq[i+1] % 12), hasIlvl: seq[i+1] < 128, style: "S"}
			label := n.label(p)
			if len(label) > 9*300 || !utf8.ValidString(label) && utf8.ValidString(numbering) {
				t.Fatalf("label %q", label)
			}
		}
	})
}
