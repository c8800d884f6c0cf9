package planread

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"congkhai/generator/diag"
)

// Limits that keep a hostile or broken workbook from exhausting memory.
const (
	xlsxMaxFileSize  = 64 << 20 // bytes of the .xlsx file itself
	xlsxMaxUnzipSize = 64 << 20 // bytes of all its parts, unzipped
	// Cells of one sheet: of the grid read (rows × columns), and of the grid excelize
	// builds when it loads the sheet (up to each row's last cell).
	xlsxMaxCells  = 500_000
	xlsxMaxRows   = 100_000 // last row number of a sheet
	xlsxMaxMerges = 5_000   // merged ranges of a sheet (excelize checks them pairwise)
)

// ReadXlsx reads an Excel workbook. Every sheet with a non-empty cell becomes one table,
// in workbook order: its rows from the first to the last non-empty one (rows with no text
// are dropped), each with the cells from column A to the sheet's last non-empty column,
// so that columns line up. A range merged across columns is one cell whose Span is the
// range's width; in the rows below its first, the range is one Merged cell with no text.
// Positions are "name[Sheet]" with the row number as Line and the column number as Col.
func ReadXlsx(name string, r io.Reader) (doc *Document, err error) {
	fail := func(err error) error {
		return diag.Errorf(diag.Pos{File: name}, "không đọc được tệp Excel: %v", err)
	}
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fail(fmt.Errorf("tệp hỏng (%v)", p))
		}
	}()

	data, err := io.ReadAll(io.LimitReader(r, xlsxMaxFileSize+1))
	if err != nil {
		return nil, fail(err)
	}
	if len(data) > xlsxMaxFileSize {
		return nil, fail(fmt.Errorf("tệp lớn hơn %d MB", xlsxMaxFileSize>>20))
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    xlsxMaxUnzipSize,
		UnzipXMLSizeLimit: xlsxMaxUnzipSize, // keep every part in memory: no temporary files
	})
	if err != nil {
		return nil, fail(err)
	}
	defer f.Close()
	// excelize loads a sheet as a dense grid: refuse sheets whose grid would be huge
	// before asking it anything that loads one.
	if err := xlsxCheckParts(f); err != nil {
		return nil, fail(err)
	}

	sheets := f.GetSheetList()
	if len(sheets) == 0 { // every workbook has a sheet: this zip is no workbook
		return nil, fail(fmt.Errorf("không có trang tính nào (không phải tệp .xlsx?)"))
	}
	doc = &Document{}
	for _, sheet := range sheets {
		t, err := xlsxReadSheet(f, name, sheet)
		if err != nil {
			return nil, fail(fmt.Errorf("trang %q: %v", sheet, err))
		}
		if t != nil {
			doc.Items = append(doc.Items, Item{Pos: t.Pos, Table: t})
		}
	}
	return doc, nil
}

// xlsxRow is a sheet row that has text: its number and its cells' texts, cleaned.
type xlsxRow struct {
	num   int
	texts []string // by column, from A
}

// xlsxRange is a merged range, 1-based and inclusive.
type xlsxRange struct {
	r1, c1, r2, c2 int
}

// xlsxReadSheet reads one sheet as a table, or nil when it has no text.
func xlsxReadSheet(f *excelize.File, name, sheet string) (*Table, error) {
	rows, width, err := xlsxSheetRows(f, sheet)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	ranges, err := xlsxMergedRanges(f, sheet)
	if err != nil {
		return nil, err
	}

	// Which ranges cover each kept row; a range whose first cell has text widens the grid
	// to its right edge, so that its Span is whole.
	rowIndex := make(map[int]int, len(rows)) // row number → index in rows
	for i, row := range rows {
		rowIndex[row.num] = i
	}
	covering := make([][]xlsxRange, len(rows))
	for _, m := range ranges {
		i := sort.Search(len(rows), func(i int) bool { return rows[i].num >= m.r1 })
		for ; i < len(rows) && rows[i].num <= m.r2; i++ {
			covering[i] = append(covering[i], m)
		}
		if i, ok := rowIndex[m.r1]; ok && m.c1 <= width && xlsxText(rows[i], m.c1) != "" {
			width = max(width, m.c2)
		}
	}
	if width*len(rows) > xlsxMaxCells {
		return nil, fmt.Errorf("bảng quá lớn (%d hàng × %d cột)", len(rows), width)
	}

	file := name + "[" + sheet + "]"
	styles := map[int]bool{} // style ID → its font is bold
	t := &Table{Rows: make([]Row, 0, len(rows))}
	for i, row := range rows {
		sort.Slice(covering[i], func(a, b int) bool { return covering[i][a].c1 < covering[i][b].c1 })
		out := Row{Pos: diag.Pos{File: file, Line: row.num, Col: 1}}
		next := 0 // next range of covering[i] that may start at or after col
		for col := 1; col <= width; {
			for next < len(covering[i]) && covering[i][next].c2 < col {
				next++
			}
			pos := diag.Pos{File: file, Line: row.num, Col: col}
			span := 1
			merged := false
			if next < len(covering[i]) && covering[i][next].c1 <= col {
				m := covering[i][next]
				span = min(m.c2, width) - col + 1
				merged = row.num > m.r1
			}
			cell := Cell{Span: span, Merged: merged, Pos: pos}
			if !merged {
				cell.Text = xlsxText(row, col)
				if cell.Text != "" {
					cell.Bold, err = xlsxBold(f, sheet, col, row.num, styles)
					if err != nil {
						return nil, err
					}
				}
			}
			out.Cells = append(out.Cells, cell)
			col += span
		}
		t.Rows = append(t.Rows, out)
	}
	t.Pos = t.Rows[0].Pos
	return t, nil
}

// xlsxSheetRows returns the rows of the sheet that have text, and the number of the last
// column with text.
func xlsxSheetRows(f *excelize.File, sheet string) ([]xlsxRow, int, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, 0, err
	}
	defer it.Close()
	var rows []xlsxRow
	width, num := 0, 0
	for it.Next() {
		num++
		values, err := it.Columns()
		if err != nil {
			return nil, 0, err
		}
		var texts []string
		for c, v := range values {
			if v = cellText(v); v != "" {
				if texts == nil {
					texts = make([]string, len(values))
				}
				texts[c] = v
				width = max(width, c+1)
			}
		}
		if texts != nil {
			rows = append(rows, xlsxRow{num: num, texts: texts})
		}
	}
	if err := it.Error(); err != nil {
		return nil, 0, err
	}
	return rows, width, nil
}

// xlsxMergedRanges returns the sheet's merged ranges, sorted by first row.
func xlsxMergedRanges(f *excelize.File, sheet string) ([]xlsxRange, error) {
	cells, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, err
	}
	var ranges []xlsxRange
	for _, mc := range cells {
		if len(mc) == 0 {
			continue
		}
		start, end, ok := strings.Cut(mc[0], ":")
		if !ok {
			end = start
		}
		c1, r1, err := excelize.CellNameToCoordinates(start)
		if err != nil {
			return nil, err
		}
		c2, r2, err := excelize.CellNameToCoordinates(end)
		if err != nil {
			return nil, err
		}
		if c1 > c2 {
			c1, c2 = c2, c1
		}
		if r1 > r2 {
			r1, r2 = r2, r1
		}
		ranges = append(ranges, xlsxRange{r1: r1, c1: c1, r2: r2, c2: c2})
	}
	sort.Slice(ranges, func(i, j int) bool { return ranges[i].r1 < ranges[j].r1 })
	return ranges, nil
}

// xlsxText is the cleaned text of the row's cell in column col (1-based).
func xlsxText(row xlsxRow, col int) string {
	if col < 1 || col > len(row.texts) {
		return ""
	}
	return row.texts[col-1]
}

// xlsxBold reports whether every character of the cell is bold: every run of a rich-text
// cell with visible text is bold, or the cell's style font is bold where a run has no
// font of its own (a plain cell is one such run).
func xlsxBold(f *excelize.File, sheet string, col, row int, styles map[int]bool) (bool, error) {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return false, err
	}
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		return false, err
	}
	styleBold, ok := styles[id]
	if !ok {
		// An unknown style ID is a broken file, but the text is still good: not bold.
		if style, err := f.GetStyle(id); err == nil && style != nil && style.Font != nil {
			styleBold = style.Font.Bold
		}
		styles[id] = styleBold
	}
	runs, err := f.GetCellRichText(sheet, ref)
	if err != nil || len(runs) == 0 {
		return styleBold, nil
	}
	for _, run := range runs {
		if strings.TrimSpace(run.Text) == "" {
			continue
		}
		bold := styleBold
		if run.Font != nil {
			bold = run.Font.Bold
		}
		if !bold {
			return false, nil
		}
	}
	return true, nil
}

// xlsxCheckParts checks every XML part of the workbook for sheets too large to load: rows
// past xlsxMaxRows, more than xlsxMaxCells cells once each row is filled up to its last
// cell (as excelize fills it), or more than xlsxMaxMerges merged ranges. Parts are checked
// whatever their name, as the workbook may put its sheets anywhere.
func xlsxCheckParts(f *excelize.File) error {
	var err error
	f.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		data, ok := v.([]byte)
		if ok && bytes.Contains(data, []byte("<")) {
			if err = xlsxCheckSheetXML(f, data); err != nil {
				err = fmt.Errorf("%s: %v", name, err)
			}
		}
		return err == nil
	})
	return err
}

func xlsxCheckSheetXML(f *excelize.File, data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = f.CharsetReader
	var (
		row, col, maxRow, cells, merges int
		width                           = map[int]int{} // row → its last column
	)
	attr := func(e xml.StartElement, name string) (string, bool) {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				return a.Value, true
			}
		}
		return "", false
	}
	for {
		tok, err := d.RawToken()
		if err != nil {
			return nil // not XML, or not ours to judge: excelize reports what it cannot read
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch e.Name.Local {
		case "row":
			row, col = row+1, 0
			if v, ok := attr(e, "r"); ok {
				if n, err := strconv.Atoi(v); err == nil {
					row = n
				}
			}
		case "c":
			col++
			cellRow := row
			if v, ok := attr(e, "r"); ok {
				if c, r, err := excelize.CellNameToCoordinates(v); err == nil {
					col, cellRow = c, r
				}
			}
			maxRow = max(maxRow, cellRow)
			if w := width[cellRow]; col > w {
				cells += col - w
				width[cellRow] = col
			}
		case "mergeCell":
			merges++
		default:
			continue
		}
		maxRow = max(maxRow, row)
		switch {
		case maxRow > xlsxMaxRows:
			return fmt.Errorf("trang tính quá lớn (hơn %d hàng)", xlsxMaxRows)
		case cells > xlsxMaxCells:
			return fmt.Errorf("trang tính quá lớn (hơn %d ô)", xlsxMaxCells)
		case merges > xlsxMaxMerges:
			return fmt.Errorf("quá nhiều ô gộp (hơn %d)", xlsxMaxMerges)
		}
	}
}
