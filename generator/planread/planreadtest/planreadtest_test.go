package planreadtest_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"congkhai/generator/planread"
	"congkhai/generator/planread/planreadtest"
)

// plan is a made-up plan as pasted text: a title, a table of one cell a line (bold header,
// a section spanning the table, cells of several lines), and a closing line.
var plan = "KẾ HOẠCH\n<b>Kiểm soát thủ tục hành chính năm 2025</b>\n" +
	"\t<b>TT</b>\n\t<b>Nội dung</b>\n\t<b>Chủ trì</b>\n\t<b>Phối hợp</b>\n\t<b>Thời gian</b>\n\n" +
	strings.Repeat("\t<b>I. CHỈ ĐẠO, ĐIỀU HÀNH</b>\n", 5) + "\n" +
	"\t1.\n\tXây dựng kế hoạch\n\tVăn phòng UBND tỉnh\n\t- Sở Nội vụ\n- Sở Tư pháp\n\tQuý I\n\n" +
	"\t2.\n\tRà soát thủ tục\nhành chính nội bộ\n\tSở Nội vụ\n\t- Các sở, ngành\n- UBND cấp huyện\n- UBND cấp xã\n\tThường xuyên\n\n" +
	"\t3.\n\tBáo cáo kết quả\n\tSở Nội vụ\n\t- Các cơ quan\n- Các đơn vị\n\tTháng 12\n\n" +
	strings.Repeat("\t<b>II. KIỂM TRA</b>\n", 5) + "\n" +
	"\t4.\n\tTổng kết\nnăm 2025\n\tVăn phòng UBND tỉnh\n\tCác sở\n\t2025\n\n" +
	"Nơi nhận:\n"

// readPlan reads plan and adds what pasted text cannot hold: a header of two rows with
// merged cells, and the lead agency of task 3 merged with that of task 2.
func readPlan(t *testing.T) *planread.Document {
	t.Helper()
	doc, err := planread.ReadText("plan.txt", []byte(plan))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != 4 || doc.Items[2].Table == nil || len(doc.Items[2].Table.Rows) != 7 {
		t.Fatalf("plan read as %q", render(doc))
	}
	rows := doc.Items[2].Table.Rows
	h := rows[0].Cells
	merged := planread.Cell{Span: 1, Merged: true}
	rows[4].Cells[2] = merged
	doc.Items[2].Table.Rows = append([]planread.Row{
		{Cells: []planread.Cell{h[0], h[1], {Text: "Phân công", Bold: true, Span: 2}, h[4]}},
		{Cells: []planread.Cell{merged, merged, h[2], h[3], merged}},
	}, rows[1:]...)
	return doc
}

// render shows a document's paragraphs as "¶ text" and its table rows as "cell | cell",
// a cell's lines joined by "/", with "(span n)" for a Span > 1, "*" for bold and "^" for
// a Merged cell.
func render(doc *planread.Document) []string {
	var out []string
	for _, it := range doc.Items {
		if it.Table == nil {
			p := "¶ " + it.Text
			if it.Bold {
				p += "*"
			}
			out = append(out, p)
			continue
		}
		for _, row := range it.Table.Rows {
			var cells []string
			for _, c := range row.Cells {
				s := strings.ReplaceAll(c.Text, "\n", "/")
				if c.Span > 1 {
					s += fmt.Sprintf("(span %d)", c.Span)
				}
				if c.Bold {
					s += "*"
				}
				if c.Merged {
					s += "^"
				}
				cells = append(cells, s)
			}
			out = append(out, strings.Join(cells, " | "))
		}
	}
	return out
}

func writeRead(t *testing.T, format string, doc *planread.Document, o planreadtest.Options) *planread.Document {
	t.Helper()
	var buf bytes.Buffer
	var err error
	var got *planread.Document
	switch format {
	case "docx":
		if err = planreadtest.WriteDocx(&buf, doc, o); err == nil {
			got, err = planread.ReadDocx("plan.docx", bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		}
	case "xlsx":
		if err = planreadtest.WriteXlsx(&buf, doc, o); err == nil {
			got, err = planread.ReadXlsx("plan.xlsx", &buf)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func compare(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

// The rows of plan's table, and the paragraphs as ReadXlsx gives them: rows above and
// below the table, one cell merged across it.
var (
	planRows = []string{
		"TT* | Nội dung* | Phân công(span 2)* | Thời gian*",
		"^ | ^ | Chủ trì* | Phối hợp* | ^",
		"I. CHỈ ĐẠO, ĐIỀU HÀNH(span 5)*",
		"1. | Xây dựng kế hoạch | Văn phòng UBND tỉnh | - Sở Nội vụ/- Sở Tư pháp | Quý I",
		"2. | Rà soát thủ tục/hành chính nội bộ | Sở Nội vụ | - Các sở, ngành/- UBND cấp huyện/- UBND cấp xã | Thường xuyên",
		"3. | Báo cáo kết quả | ^ | - Các cơ quan/- Các đơn vị | Tháng 12",
		"II. KIỂM TRA(span 5)*",
		"4. | Tổng kết/năm 2025 | Văn phòng UBND tỉnh | Các sở | 2025",
	}
	xlsxAbove = []string{"KẾ HOẠCH(span 5)", "Kiểm soát thủ tục hành chính năm 2025(span 5)*"}
	xlsxBelow = []string{"Nơi nhận:(span 5)"}
)

func TestRoundTrip(t *testing.T) {
	doc := readPlan(t)
	want := render(doc)
	compare(t, "plan", want, concat(
		[]string{"¶ KẾ HOẠCH", "¶ Kiểm soát thủ tục hành chính năm 2025*"}, planRows, []string{"¶ Nơi nhận:"}))
	compare(t, "docx", render(writeRead(t, "docx", doc, planreadtest.Options{})), want)

	got := writeRead(t, "xlsx", doc, planreadtest.Options{})
	compare(t, "xlsx", render(got), concat(xlsxAbove, planRows, xlsxBelow))
	if len(got.Items) != 1 || got.Items[0].Pos.File != "plan.xlsx[Phụ lục]" {
		t.Errorf("xlsx items: %+v", got.Items)
	}
	// A lone table with a bold number, and a document without tables.
	for _, tt := range []struct {
		doc  *planread.Document
		xlsx []string
	}{
		{&planread.Document{Items: []planread.Item{{Table: &planread.Table{Rows: []planread.Row{{Cells: []planread.Cell{{Text: "12", Bold: true}, {Text: "a\nb"}}}}}}}},
			[]string{"12* | a/b"}},
		{&planread.Document{Items: []planread.Item{{Text: "Một", Bold: true}, {Text: ""}, {Text: "Hai\nba"}}},
			[]string{"Một*", "Hai/ba"}},
	} {
		compare(t, "docx", render(writeRead(t, "docx", tt.doc, planreadtest.Options{})), render(tt.doc))
		compare(t, "xlsx", render(writeRead(t, "xlsx", tt.doc, planreadtest.Options{})), tt.xlsx)
	}
}

func concat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestOptions(t *testing.T) {
	header := planRows[:2]
	tests := []struct {
		o    planreadtest.Options
		want []string
	}{
		{planreadtest.Options{HeaderRows: 2, RepeatHeaderEvery: 3, SplitRowsEvery: 2}, concat(
			header,
			planRows[2:4],
			[]string{
				// The second row with cells of several lines, split: the number cell
				// empty in the second row, as are the cells that had one line.
				"2. | Rà soát thủ tục | Sở Nội vụ | - Các sở, ngành/- UBND cấp huyện | Thường xuyên",
				" | hành chính nội bộ |  | - UBND cấp xã | ",
			},
			// The header again after 3 body rows; the merge does not run through it.
			header,
			[]string{"3. | Báo cáo kết quả |  | - Các cơ quan/- Các đơn vị | Tháng 12"},
			planRows[6:7],
			[]string{
				"4. | Tổng kết | Văn phòng UBND tỉnh | Các sở | 2025",
				" | năm 2025 |  |  | ",
			},
		)},
		// Every row that can be split is; not the header's nor the sections', whose
		// cells are of one line or span columns. A Merged cell stays merged in both rows.
		// Without header rows, none is repeated.
		{planreadtest.Options{SplitRowsEvery: 1, RepeatHeaderEvery: 1}, concat(
			planRows[:3],
			[]string{
				"1. | Xây dựng kế hoạch | Văn phòng UBND tỉnh | - Sở Nội vụ | Quý I",
				" |  |  | - Sở Tư pháp | ",
				"2. | Rà soát thủ tục | Sở Nội vụ | - Các sở, ngành/- UBND cấp huyện | Thường xuyên",
				" | hành chính nội bộ |  | - UBND cấp xã | ",
				"3. | Báo cáo kết quả | ^ | - Các cơ quan | Tháng 12",
				" |  | ^ | - Các đơn vị | ",
			},
			planRows[6:7],
			[]string{
				"4. | Tổng kết | Văn phòng UBND tỉnh | Các sở | 2025",
				" | năm 2025 |  |  | ",
			},
		)},
		// The header after every second body row; a merge not after one is kept.
		{planreadtest.Options{HeaderRows: 2, RepeatHeaderEvery: 2}, concat(
			header, planRows[2:4],
			header, planRows[4:6],
			header, planRows[6:8],
		)},
	}
	for _, tt := range tests {
		doc := readPlan(t)
		docx := render(writeRead(t, "docx", doc, tt.o))
		compare(t, fmt.Sprintf("docx %+v", tt.o), docx, concat(render(&planread.Document{Items: doc.Items[:2]}), tt.want, []string{"¶ Nơi nhận:"}))
		xlsx := render(writeRead(t, "xlsx", doc, tt.o))
		compare(t, fmt.Sprintf("xlsx %+v", tt.o), xlsx, concat(xlsxAbove, tt.want, xlsxBelow))
		compare(t, fmt.Sprintf("%+v: the document after writing", tt.o), render(doc), render(readPlan(t)))
	}
}

// TestSeed writes the tables of a seed plan as read from its text and reads them back.
func TestSeed(t *testing.T) {
	src, err := os.ReadFile("../../../testdata/seeds/vinh-long-2024-kiem-soat-tthc.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := planread.ReadText("seed.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	var tables []*planread.Table
	for _, it := range doc.Items {
		if it.Table != nil {
			tables = append(tables, it.Table)
		}
	}
	if len(tables) < 2 || len(tables[len(tables)-1].Rows) < 50 {
		t.Fatalf("the seed read as %d tables", len(tables))
	}
	got := writeRead(t, "docx", doc, planreadtest.Options{})
	compare(t, "docx", render(got), render(doc))

	// Each table on a sheet of its own, under the paragraphs before it; ReadXlsx drops
	// the rows without text.
	book := writeRead(t, "xlsx", doc, planreadtest.Options{})
	if len(book.Items) != len(tables) {
		t.Fatalf("xlsx: %d sheets read, want %d", len(book.Items), len(tables))
	}
	for i, tbl := range tables {
		var want []string
		for _, row := range render(&planread.Document{Items: []planread.Item{{Table: tbl}}}) {
			if strings.Trim(row, " |^") != "" {
				want = append(want, row)
			}
		}
		if name := fmt.Sprintf("plan.xlsx[Phụ lục %d]", i+1); book.Items[i].Pos.File != name {
			t.Errorf("xlsx: sheet %d is %s, want %s", i+1, book.Items[i].Pos.File, name)
		}
		sheet := strings.Join(render(&planread.Document{Items: book.Items[i : i+1]}), "\n")
		if !strings.Contains("\n"+sheet+"\n", "\n"+strings.Join(want, "\n")+"\n") {
			t.Errorf("xlsx: table %d not in sheet %s:\n%s\nwant rows\n%s", i+1, book.Items[i].Pos.File, sheet, strings.Join(want, "\n"))
		}
	}
}

// TestDeterministic writes the same bytes for the same document.
func TestDeterministic(t *testing.T) {
	o := planreadtest.Options{HeaderRows: 2, RepeatHeaderEvery: 2, SplitRowsEvery: 1}
	for name, write := range map[string]func(io.Writer, *planread.Document, planreadtest.Options) error{
		"docx": planreadtest.WriteDocx,
		"xlsx": planreadtest.WriteXlsx,
	} {
		var a, b bytes.Buffer
		if err := write(&a, readPlan(t), o); err != nil {
			t.Fatal(err)
		}
		if err := write(&b, readPlan(t), o); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two writes differ", name)
		}
	}
}
