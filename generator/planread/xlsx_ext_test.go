package planread_test

import (
	"bytes"
	"strings"
	"testing"

	"congkhai/generator/diag"
	"congkhai/generator/planread"
	"congkhai/generator/planread/planreadtest"
)

// The .xlsx tests that write their workbooks with planreadtest; those that build a
// workbook cell by cell with excelize, or need the reader's limits, are in xlsx_test.go.

// xlsxRow is row n of the sheet file as ReadXlsx gives it: each cell numbered by the
// column it starts at, its Span 1 unless set.
func xlsxRow(file string, n int, cells ...planread.Cell) planread.Row {
	row := planread.Row{Pos: diag.Pos{File: file, Line: n, Col: 1}}
	col := 1
	for _, c := range cells {
		c.Span = max(c.Span, 1)
		c.Pos = diag.Pos{File: file, Line: n, Col: col}
		row.Cells = append(row.Cells, c)
		col += c.Span
	}
	return row
}

// TestReadXlsxSeedVinhLinh writes the seed rows (vinhLinhRows, which TestDocxSeedVinhLinh
// checks against the seed) to a sheet as an office would (a title, a blank line, the
// header merged, section titles merged over the rest of the row) and reads them back.
func TestReadXlsxSeedVinhLinh(t *testing.T) {
	var buf bytes.Buffer
	err := planreadtest.WriteXlsx(&buf, &planread.Document{Items: []planread.Item{
		{Text: "PHỤ LỤC", Bold: true},
		{Text: ""},
		{Table: &planread.Table{Rows: vinhLinhRows()}},
	}}, planreadtest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := planread.ReadXlsx("vinh-linh.xlsx", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != 1 {
		t.Fatalf("got %d items, want 1", len(doc.Items))
	}
	const f = "vinh-linh.xlsx[Phụ lục]"
	want := []planread.Row{
		xlsxRow(f, 1, planread.Cell{Text: "PHỤ LỤC", Bold: true, Span: 5}),
		xlsxRow(f, 3, dxText("TT"), dxText("Nội dung công việc"), planread.Cell{Text: "Phân công thực hiện", Span: 2}, dxText("Thời gian thực hiện")),
		xlsxRow(f, 4, dxMerged(), dxMerged(), dxText("Đơn vị chủ trì"), dxText("Đơn vị thực hiện hoặc phối hợp"), dxMerged()),
	}
	for i, row := range vinhLinhRows()[2:] {
		want = append(want, xlsxRow(f, 5+i, row.Cells...))
	}
	pos := want[0].Pos
	compareDocs(t, doc, &planread.Document{Items: []planread.Item{{Pos: pos, Table: &planread.Table{Rows: want, Pos: pos}}}})
	// Spot checks, so that a mistake in deriving want from the data cannot hide one in
	// the reader.
	rows := doc.Items[0].Table.Rows
	if c := rows[3].Cells[1]; c.Text != "Công tác chỉ đạo điều hành" || !c.Bold || c.Span != 4 || c.Pos.String() != f+":5:2" {
		t.Errorf("section cell = %+v", c)
	}
	if c := rows[7].Cells[2]; !strings.HasPrefix(c.Text, "- Các cơ quan chuyên môn") || c.Pos.String() != f+":9:3" {
		t.Errorf("row 9 lead cell = %+v", c)
	}
}
