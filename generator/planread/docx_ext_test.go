package planread_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"congkhai/generator/diag"
	"congkhai/generator/planread"
	"congkhai/generator/planread/planreadtest"
)

// readDocxBytes reads b as a .docx called name.
func readDocxBytes(name string, b []byte) (*planread.Document, error) {
	return planread.ReadDocx(name, bytes.NewReader(b), int64(len(b)))
}

// docxBytes writes doc with planreadtest.WriteDocx, as it is.
func docxBytes(t testing.TB, doc *planread.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := planreadtest.WriteDocx(&buf, doc, planreadtest.Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docxNumber sets the positions ReadDocx gives: a line for each paragraph and table
// row in order, the cell's number in its row as column. It also defaults Span to 1.
func docxNumber(doc *planread.Document, name string) {
	line := 0
	for i := range doc.Items {
		it := &doc.Items[i]
		if it.Table == nil {
			line++
			it.Pos = diag.Pos{File: name, Line: line}
			continue
		}
		it.Table.Pos = diag.Pos{File: name, Line: line + 1}
		it.Pos = it.Table.Pos
		for r := range it.Table.Rows {
			line++
			row := &it.Table.Rows[r]
			row.Pos = diag.Pos{File: name, Line: line}
			for c := range row.Cells {
				cell := &row.Cells[c]
				cell.Pos = diag.Pos{File: name, Line: line, Col: c + 1}
				if cell.Span == 0 {
					cell.Span = 1
				}
			}
		}
	}
}

func dxRow(cs ...planread.Cell) planread.Row { return planread.Row{Cells: cs} }
func dxText(s string) planread.Cell          { return planread.Cell{Text: s} }
func dxBold(s string) planread.Cell          { return planread.Cell{Text: s, Bold: true} }
func dxMerged() planread.Cell                { return planread.Cell{Merged: true} }

// compareDocs reports every difference between got and want, item by item, positions
// included.
func compareDocs(t *testing.T, got, want *planread.Document) {
	t.Helper()
	if len(got.Items) != len(want.Items) {
		t.Errorf("got %d items, want %d", len(got.Items), len(want.Items))
	}
	for i := range min(len(got.Items), len(want.Items)) {
		g, w := got.Items[i], want.Items[i]
		if (g.Table == nil) != (w.Table == nil) {
			t.Errorf("item %d: table %v, want %v", i, g.Table != nil, w.Table != nil)
			continue
		}
		if g.Table == nil {
			if !reflect.DeepEqual(g, w) {
				t.Errorf("item %d:\n got %+v\nwant %+v", i, g, w)
			}
			continue
		}
		if g.Pos != w.Pos || g.Table.Pos != w.Table.Pos || g.Text != w.Text || g.Bold != w.Bold {
			t.Errorf("table item %d: pos %v/%v, want %v/%v", i, g.Pos, g.Table.Pos, w.Pos, w.Table.Pos)
		}
		if len(g.Table.Rows) != len(w.Table.Rows) {
			t.Errorf("table item %d: %d rows, want %d", i, len(g.Table.Rows), len(w.Table.Rows))
		}
		for r := range min(len(g.Table.Rows), len(w.Table.Rows)) {
			gr, wr := g.Table.Rows[r], w.Table.Rows[r]
			if gr.Pos != wr.Pos || len(gr.Cells) != len(wr.Cells) {
				t.Errorf("row %v: %d cells, want %v: %d cells", gr.Pos, len(gr.Cells), wr.Pos, len(wr.Cells))
				continue
			}
			for c := range gr.Cells {
				if gr.Cells[c] != wr.Cells[c] {
					t.Errorf("cell %v:\n got %+v\nwant %+v", wr.Cells[c].Pos, gr.Cells[c], wr.Cells[c])
				}
			}
		}
	}
}

// roundTripDoc is a plan with what the appendix tables of real plans hold.
func roundTripDoc() *planread.Document {
	return &planread.Document{Items: []planread.Item{
		{Text: "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", Bold: true},
		{Text: "KẾ HOẠCH\nKiểm soát thủ tục hành chính năm 2024"},
		{Text: ""},
		{Table: &planread.Table{Rows: []planread.Row{
			dxRow(dxBold("TT"), dxBold("Nội dung công việc"), planread.Cell{Text: "Phân công thực hiện", Bold: true, Span: 2}, dxBold("Thời gian thực hiện")),
			dxRow(dxMerged(), dxMerged(), dxBold("Đơn vị chủ trì"), dxBold("Đơn vị phối hợp"), dxMerged()),
			// The header repeated on the next page.
			dxRow(dxBold("TT"), dxBold("Nội dung công việc"), dxBold("Đơn vị chủ trì"), dxBold("Đơn vị phối hợp"), dxBold("Thời gian thực hiện")),
			dxRow(planread.Cell{Text: "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", Bold: true, Span: 5}),
			dxRow(dxText("1"), dxText("Xây dựng kế hoạch rà soát, đánh giá thủ tục hành chính\nTổ chức triển khai tại Đắk Lắk, Bắc Ninh"),
				dxText("Văn phòng UBND tỉnh"), dxText("- Sở Nội vụ\n- Sở Tư pháp"), dxText("Tháng 3/2024")),
			dxRow(dxText("2"), dxText("Rà soát, đơn giản hóa thủ tục hành chính nội bộ <“ưu tiên”> & các quy định"),
				dxText("Sở Nội vụ"), dxText("- Các sở, ban, ngành\n- UBND cấp huyện\n+ Thường trực"), dxMerged()),
			dxRow(dxText("3"), planread.Cell{Text: "Báo cáo kết quả thực hiện", Span: 2}, dxText("Sở Tư pháp"), dxText("Trước ngày 15/12/2024")),
		}}},
		{Text: "Nơi nhận:", Bold: true},
		{Table: &planread.Table{Rows: []planread.Row{
			dxRow(dxText("- Như trên;\n- Lưu: VT."), dxBold("CHỦ TỊCH")),
			dxRow(dxText(""), dxText("Nguyễn Văn Ắt")),
		}}},
		{Text: "Ghi chú: các đơn vị gửi báo cáo về Văn phòng UBND tỉnh ơ ư ắ ặ ễ ỹ."},
	}}
}

func TestDocxRoundTrip(t *testing.T) {
	const name = "ke-hoach.docx"
	want := roundTripDoc()
	b := docxBytes(t, want)
	got, err := readDocxBytes(name, b)
	if err != nil {
		t.Fatal(err)
	}
	docxNumber(want, name)
	compareDocs(t, got, want)

	// Positions by hand: 3 paragraphs, then the table's rows on lines 4–10.
	tbl := got.Items[3].Table
	if tbl == nil || len(tbl.Rows) != 7 {
		t.Fatalf("item 3 is not the 7-row table: %+v", got.Items[3])
	}
	if p := tbl.Rows[5].Cells[3].Pos; p.String() != "ke-hoach.docx:9:4" {
		t.Errorf("bullet cell at %v, want ke-hoach.docx:9:4", p)
	}
	if p := got.Items[4].Pos; p.String() != "ke-hoach.docx:11" {
		t.Errorf("paragraph after the table at %v, want ke-hoach.docx:11", p)
	}
	if p := got.Items[5].Table.Rows[1].Cells[1].Pos; p.String() != "ke-hoach.docx:13:2" {
		t.Errorf("signature at %v, want ke-hoach.docx:13:2", p)
	}
}

// vinhLinhRows are the first 8 rows of the appendix table of
// testdata/seeds/vinh-linh-2024-kiem-soat-tthc.txt, as the Word file would hold them:
// the two header rows with their merges, section rows spanning the table, bullets as
// paragraphs of their cell.
func vinhLinhRows() []planread.Row {
	section := func(num, title string) planread.Row {
		return dxRow(dxBold(num), planread.Cell{Text: title, Bold: true, Span: 4})
	}
	const (
		vp    = "Văn phòng HĐND&UBND huyện"
		units = "- Các cơ quan chuyên môn thuộc UBND huyện;\n- UBND các xã, thị trấn."
	)
	return []planread.Row{
		dxRow(dxText("TT"), dxText("Nội dung công việc"), planread.Cell{Text: "Phân công thực hiện", Span: 2}, dxText("Thời gian thực hiện")),
		dxRow(dxMerged(), dxMerged(), dxText("Đơn vị chủ trì"), dxText("Đơn vị thực hiện hoặc phối hợp"), dxMerged()),
		section("I", "Công tác chỉ đạo điều hành"),
		dxRow(dxText("1"), dxText("Ban hành các văn bản chỉ đạo, điều hành khác theo yêu cầu của Văn phòng Chính phủ, Văn phòng UBND tỉnh về công tác kiểm soát thủ tục hành chính"),
			dxText(vp), dxText(units), dxText("Thường xuyên")),
		section("II", "Công bố, công khai thủ tục hành chính"),
		dxRow(dxText("1"), dxText("Tham gia ý kiến, kiểm tra chất lượng hồ sơ các TTHC mới ban hành, sửa đổi, bổ sung, thay thế, bị bãi bỏ... của các cơ quan chuyên môn, cơ quan thuộc UBND tỉnh"),
			dxText(vp), dxText(units), dxText("Thường xuyên")),
		dxRow(dxText("2"), dxText("Niêm yết, công khai TTHC đã được Chủ tịch UBND tỉnh công bố tại Bộ phận tiếp nhận và trả kết quả của các cơ quan, đơn vị và trên Trang thông tin điện tử tỉnh và của các cơ quan, đơn vị, địa phương."),
			dxText("- Các cơ quan chuyên môn thuộc UBND huyện; UBND các xã, thị trấn\n- Bộ phận tiếp nhận và Trả kết quả huyện, xã, thị trấn;"), dxText(vp), dxText("Thường xuyên")),
		section("III", "Rà soát, đánh giá quy định, thủ tục hành chính theo Thông tư 02/TT-VPCP"),
	}
}

func TestDocxSeedVinhLinh(t *testing.T) {
	const name = "vinh-linh-2024.docx"
	want := &planread.Document{Items: []planread.Item{
		{Text: "PHỤ LỤC", Bold: true},
		{Text: "Nội dung thực hiện kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông"},
		{Table: &planread.Table{Rows: vinhLinhRows()}},
	}}
	got, err := readDocxBytes(name, docxBytes(t, want))
	if err != nil {
		t.Fatal(err)
	}
	docxNumber(want, name)
	compareDocs(t, got, want)

	rows := got.Items[2].Table.Rows
	if c := rows[1].Cells[0]; !c.Merged || c.Text != "" || c.Pos.String() != name+":4:1" {
		t.Errorf("merged TT cell: %+v", c)
	}
	if c := rows[2].Cells[1]; c.Span != 4 || !c.Bold || c.Text != "Công tác chỉ đạo điều hành" {
		t.Errorf("section I: %+v", c)
	}
	if c := rows[6].Cells[2]; strings.Count(c.Text, "\n") != 1 || !strings.HasPrefix(c.Text, "- Các cơ quan") || c.Pos.String() != name+":9:3" {
		t.Errorf("lead agencies of II.2: %+v", c)
	}

	// The Go data must say what the seed says: each row, its cells joined by tabs (the
	// empty cells a span or merge leaves), bold marked <b>, bullets on one line.
	seed, err := os.ReadFile("../../testdata/seeds/vinh-linh-2024-kiem-soat-tthc.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range vinhLinhRows() {
		var parts []string
		for _, c := range row.Cells {
			s := strings.ReplaceAll(c.Text, "\n", " ")
			if c.Bold {
				s = "<b>" + s + "</b>"
			}
			parts = append(parts, s)
			for range c.Span - 1 {
				parts = append(parts, "")
			}
		}
		line := "\n" + strings.Join(parts, "\t") + "\n"
		if !strings.Contains(string(seed), line) {
			t.Errorf("row not in the seed: %q", line)
		}
	}
}

// TestDocxWordFeatures reads what Word writes but planreadtest.WriteDocx does not: tab
// stops, run properties, content controls, tracked changes, fields, alternate content,
// header rows, nested tables, decomposed diacritics.
func TestDocxWordFeatures(t *testing.T) {
	const name = "word.docx"
	const mc = `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`
	body := `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>` +
		`<w:r><w:rPr><w:b/></w:rPr><w:t>Số:</w:t></w:r><w:r><w:tab/></w:r>` +
		`<w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t xml:space="preserve">  45/KH-UBND </w:t></w:r></w:p>` +
		// Partly bold.
		`<w:p><w:r><w:t xml:space="preserve">Rà soát </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>trước ngày 01/7/2024</w:t></w:r></w:p>` +
		// Bold switched off.
		`<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Không đậm</w:t></w:r><w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>.</w:t></w:r></w:p>` +
		// A content control around a paragraph.
		`<w:sdt><w:sdtPr><w:alias w:val="Tiêu đề"/><w:text/></w:sdtPr><w:sdtContent>` +
		`<w:p><w:r><w:t>Trong sdt</w:t></w:r></w:p></w:sdtContent></w:sdt>` +
		// Tracked changes, hyperlink, smart tag, a field, alternate content.
		`<w:p><w:ins w:id="1" w:author="a"><w:r><w:t>Thêm</w:t></w:r></w:ins>` +
		`<w:del w:id="2" w:author="a"><w:r><w:delText>Xoá</w:delText></w:r></w:del>` +
		`<w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve"> liên kết</w:t></w:r></w:hyperlink>` +
		`<w:smartTag w:element="place"><w:r><w:t xml:space="preserve"> Hà   Nội </w:t></w:r></w:smartTag>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<mc:AlternateContent ` + mc + `><mc:Choice Requires="wps"><w:r><w:t xml:space="preserve"> A</w:t></w:r></mc:Choice>` +
		`<mc:Fallback><w:r><w:t xml:space="preserve"> A</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>` +
		// Breaks, and diacritics decomposed (NFD).
		`<w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t>` + norm.NFD.String("Ban Nội vụ") + `</w:t></w:r></w:p>` +
		`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		`<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>` +
		`<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>TT</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Nội dung</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:sdt><w:sdtContent><w:tr>` +
		`<w:tc><w:tcPr><w:vMerge w:val="continue"/></w:tcPr><w:p/></w:tc>` +
		`<w:tc><w:tcPr><w:gridSpan w:val="x"/></w:tcPr><w:p/><w:p><w:r><w:t>Một</w:t></w:r></w:p><w:p/>` +
		`<w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p><w:p><w:r><w:t>Hai</w:t></w:r></w:p></w:tc>` +
		`<w:sdt><w:sdtContent><w:tc><w:tcPr><w:gridSpan w:val="0"/></w:tcPr><w:p><w:r><w:t>Ba</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="9"/></w:tcPr><w:p><w:r><w:t>lồng 1</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:p><w:r><w:t>lồng 2</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:sdtContent></w:sdt>` +
		`</w:tr></w:sdtContent></w:sdt>` +
		`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>bỏ</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Đậm</w:t></w:r></w:p><w:p><w:r><w:t>thường</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Đậm</w:t></w:r><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p><w:p/></w:tc></w:tr>` +
		`</w:tbl><w:p/>`
	var buf bytes.Buffer
	if err := planreadtest.WriteDocxBody(&buf, body); err != nil {
		t.Fatal(err)
	}
	got, err := readDocxBytes(name, buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := &planread.Document{Items: []planread.Item{
		{Text: "Số: 45/KH-UBND", Bold: true},
		{Text: "Rà soát trước ngày 01/7/2024"},
		{Text: "Không đậm."},
		{Text: "Trong sdt"},
		{Text: "Thêm liên kết Hà Nội 3 A"},
		{Text: "Dòng một\nBan Nội vụ"},
		{Table: &planread.Table{Rows: []planread.Row{
			dxRow(dxBold("TT"), planread.Cell{Text: "Nội dung", Bold: true, Span: 2}),
			dxRow(dxMerged(), dxText("Một\nHai"), dxText("Ba\nlồng 1\nlồng 2")),
			dxRow(dxMerged(), dxText("Đậm\nthường"), dxBold("Đậm")),
		}}},
		{Text: ""},
	}}
	docxNumber(want, name)
	compareDocs(t, got, want)
}

// TestDocxRelsTarget reads a main part that is not at word/document.xml.
func TestDocxRelsTarget(t *testing.T) {
	var buf bytes.Buffer
	err := planreadtest.WriteDocxParts(&buf, map[string]string{
		"_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`,
		"word/document2.xml": `<w:document xmlns:w="` + planreadtest.WordNS + `"><w:body><w:p><w:r><w:t>Xin chào</w:t></w:r></w:p></w:body></w:document>`,
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := readDocxBytes("a.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Items) != 1 || got.Items[0].Text != "Xin chào" {
		t.Errorf("got %+v", got.Items)
	}
}

func TestDocxErrors(t *testing.T) {
	const name = "hong.docx"
	good := docxBytes(t, roundTripDoc())
	docx := func(parts map[string]string) []byte {
		var buf bytes.Buffer
		if err := planreadtest.WriteDocxParts(&buf, parts); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	doc := func(s string) []byte { return docx(map[string]string{"word/document.xml": s}) }
	full := `<w:document xmlns:w="` + planreadtest.WordNS + `"><w:body><w:p><w:r><w:t>Một</w:t></w:r></w:p></w:body></w:document>`
	cases := map[string][]byte{
		"empty":           nil,
		"garbage":         []byte("đây không phải tệp Word \x00\x01\x02 PK\x03\x04"),
		"truncated zip":   good[:len(good)/2],
		"no document.xml": docx(map[string]string{"word/styles.xml": "<w:styles/>", "_rels/.rels": "<Relationships/>"}),
		"truncated xml":   doc(full[:len(full)-30]),
		"mismatched tags": doc(`<w:document xmlns:w="` + planreadtest.WordNS + `"><w:body><w:p><w:r><w:t>Một</w:r></w:t></w:p></w:body></w:document>`),
		"no body":         doc(`<w:document xmlns:w="` + planreadtest.WordNS + `"></w:document>`),
		"not xml":         doc("PK garbage <<<"),
		"bad trailer":     doc(full + "<extra>"),
	}
	for what, b := range cases {
		got, err := readDocxBytes(name, b)
		if err == nil {
			t.Errorf("%s: no error, got %+v", what, got)
			continue
		}
		var de *diag.Error
		if !errors.As(err, &de) || de.Pos.File != name || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %q does not name %s", what, err, name)
		}
		if !strings.Contains(err.Error(), "không đọc được tệp Word") {
			t.Errorf("%s: error %q", what, err)
		}
	}
}

func FuzzReadDocx(f *testing.F) {
	seeds := [][]byte{
		docxBytes(f, roundTripDoc()),
		docxBytes(f, &planread.Document{Items: []planread.Item{{Table: &planread.Table{Rows: vinhLinhRows()[:4]}}}}),
		docxBytes(f, &planread.Document{Items: []planread.Item{{Text: "Một", Bold: true}}}),
	}
	// A table with its header repeated and rows split, as real files have them.
	var paged bytes.Buffer
	if err := planreadtest.WriteDocx(&paged, roundTripDoc(), planreadtest.Options{HeaderRows: 2, RepeatHeaderEvery: 2, SplitRowsEvery: 1}); err != nil {
		f.Fatal(err)
	}
	seeds = append(seeds, paged.Bytes())
	for _, s := range seeds {
		f.Add(s)
		for _, n := range []int{len(s) / 3, len(s) / 2, len(s) - 22, len(s) - 1} {
			f.Add(s[:n])
		}
	}
	// The document part stored uncompressed, so that the fuzzer mutates its XML.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store})
	fmt.Fprintf(w, `<w:document xmlns:w="%s"><w:body><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>A</w:t></w:r></w:p>`+
		`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>B</w:t><w:tab/><w:br/></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`, planreadtest.WordNS)
	zw.Close()
	f.Add(buf.Bytes())
	// A numbered STT column, its lists stored uncompressed too.
	var numbered bytes.Buffer
	zw = zip.NewWriter(&numbered)
	w, _ = zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store})
	fmt.Fprintf(w, `<w:document xmlns:w="%s"><w:body><w:tbl><w:tr><w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p></w:tc></w:tr>`+
		`<w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="S"/></w:pPr><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`, planreadtest.WordNS)
	w, _ = zw.CreateHeader(&zip.FileHeader{Name: "word/numbering.xml", Method: zip.Store})
	fmt.Fprintf(w, `<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%%1."/></w:lvl>`+
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1.%%2"/><w:lvlRestart w:val="0"/><w:isLgl/></w:lvl></w:abstractNum>`+
		`<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num></w:numbering>`, planreadtest.WordNS)
	w, _ = zw.CreateHeader(&zip.FileHeader{Name: "word/styles.xml", Method: zip.Store})
	fmt.Fprintf(w, `<w:styles xmlns:w="%s"><w:style w:styleId="S"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`, planreadtest.WordNS)
	zw.Close()
	f.Add(numbered.Bytes())

	f.Fuzz(func(t *testing.T, b []byte) { docxFuzzCheck(t, b) })
}

// FuzzDocxBodyXML fuzzes word/document.xml itself, which FuzzReadDocx mostly sees
// compressed.
func FuzzDocxBodyXML(f *testing.F) {
	f.Add(`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>A</w:t></w:r></w:p>`)
	f.Add(`<w:sdt><w:sdtContent><w:p><w:ins><w:r><w:t>A</w:t><w:tab/><w:br/></w:r></w:ins></w:p></w:sdtContent></w:sdt>`)
	f.Add(`<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/>` +
		`<w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>B</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc></w:tr>` +
		`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>`)
	f.Fuzz(func(t *testing.T, body string) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store})
		fmt.Fprintf(w, `<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>`, planreadtest.WordNS, body)
		zw.Close()
		docxFuzzCheck(t, buf.Bytes())
	})
}

// docxFuzzCheck reads b and checks what ReadDocx promises of any input.
func docxFuzzCheck(t *testing.T, b []byte) {
	const name = "fuzz.docx"
	t.Helper()
	doc, err := readDocxBytes(name, b)
	if err != nil {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error does not name the file: %v", err)
		}
		return
	}
	check := func(p diag.Pos) {
		if p.File != name {
			t.Fatalf("position %v in the wrong file", p)
		}
	}
	for _, it := range doc.Items {
		check(it.Pos)
		if it.Table == nil {
			continue
		}
		check(it.Table.Pos)
		for _, row := range it.Table.Rows {
			check(row.Pos)
			for _, c := range row.Cells {
				check(c.Pos)
				if c.Span < 1 {
					t.Fatalf("cell %v: span %d", c.Pos, c.Span)
				}
				if c.Merged && c.Text != "" {
					t.Fatalf("merged cell %v has text %q", c.Pos, c.Text)
				}
			}
		}
	}
}
