package planreadtest

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"congkhai/generator/planread"
)

// WriteXlsx writes doc as an office keeps a plan in Excel: each table on a sheet of its
// own ("Phụ lục" when there is one table, else "Phụ lục 1", "Phụ lục 2"…), laid out as o
// says, with the paragraphs before it in the sheet's first rows above it and the
// paragraphs after the last table under that table. A paragraph is one row: its text in
// column A, merged across the table's width (an empty paragraph is a blank row). A cell's
// lines are Alt+Enter lines of one Excel cell; a cell with Span > 1 is a range merged
// across columns, a Merged cell part of a range merged down from the cell above; bold is
// a bold cell style; a cell holding a small whole number is a number, as it would be
// typed. A document without tables is written as paragraphs on one sheet.
//
// ReadXlsx reads each sheet back as one table whose rows are the non-empty paragraphs
// (one cell spanning the table) and the table's rows, less rows without text; columns
// left of the last one with text are kept, others dropped.
func WriteXlsx(w io.Writer, doc *planread.Document, o Options) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f}
	var err error
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	if x.plain, err = f.NewStyle(&excelize.Style{Alignment: top}); err != nil {
		return err
	}
	if x.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top}); err != nil {
		return err
	}

	type page struct {
		before []planread.Item
		table  *planread.Table
	}
	var pages []page
	var paras []planread.Item
	for _, it := range doc.Items {
		if it.Table == nil {
			paras = append(paras, it)
			continue
		}
		pages = append(pages, page{paras, it.Table})
		paras = nil
	}
	if len(pages) == 0 {
		pages, paras = []page{{before: paras}}, nil
	}
	for i, p := range pages {
		sheet := "Phụ lục"
		if len(pages) > 1 {
			sheet = fmt.Sprintf("Phụ lục %d", i+1)
		}
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), sheet)
		} else {
			_, err = f.NewSheet(sheet)
		}
		if err != nil {
			return err
		}
		var after []planread.Item
		if i == len(pages)-1 {
			after = paras
		}
		if err := x.sheet(sheet, p.before, o.rows(p.table), after); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

type xlsxWriter struct {
	f           *excelize.File
	plain, bold int // style IDs
}

// sheet writes the paragraphs before, the table rows and the paragraphs after on sheet.
func (x *xlsxWriter) sheet(sheet string, before []planread.Item, rows []planread.Row, after []planread.Item) error {
	cols := max(width(rows), 1)
	r := 1
	for _, p := range before {
		if err := x.paragraph(sheet, r, cols, p); err != nil {
			return err
		}
		r++
	}
	if err := x.table(sheet, r, cols, rows); err != nil {
		return err
	}
	r += len(rows)
	for _, p := range after {
		if err := x.paragraph(sheet, r, cols, p); err != nil {
			return err
		}
		r++
	}
	return nil
}

func (x *xlsxWriter) paragraph(sheet string, r, cols int, p planread.Item) error {
	if p.Text == "" {
		return nil
	}
	if err := x.cell(sheet, 1, r, p.Text, p.Bold); err != nil {
		return err
	}
	return x.merge(sheet, 1, r, cols, r)
}

// table writes rows from row top, each cell in the grid column it starts at.
func (x *xlsxWriter) table(sheet string, top, cols int, rows []planread.Row) error {
	type block struct{ c1, r1, c2, r2 int } // a cell's range, grown down by Merged cells
	var blocks []*block
	open := make([]*block, cols+1) // by grid column: the block of the row above starting there
	for i, row := range rows {
		r := top + i
		next := make([]*block, cols+1)
		g := 1
		for _, c := range row.Cells {
			span := max(c.Span, 1)
			if b := open[g]; c.Merged && b != nil {
				b.r2 = r
				next[g] = b
			} else {
				b := &block{g, r, g + span - 1, r}
				blocks, next[g] = append(blocks, b), b
				if !c.Merged {
					if err := x.cell(sheet, g, r, c.Text, c.Bold); err != nil {
						return err
					}
				}
			}
			g += span
		}
		open = next
	}
	for _, b := range blocks {
		if err := x.merge(sheet, b.c1, b.r1, b.c2, b.r2); err != nil {
			return err
		}
	}
	return nil
}

func (x *xlsxWriter) cell(sheet string, col, row int, text string, bold bool) error {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	var v any = text
	if n, err := strconv.Atoi(text); err == nil && len(text) <= 6 && strconv.Itoa(n) == text {
		v = n
	}
	if text != "" {
		if err := x.f.SetCellValue(sheet, ref, v); err != nil {
			return err
		}
	}
	style := x.plain
	if bold {
		style = x.bold
	}
	return x.f.SetCellStyle(sheet, ref, ref, style)
}

// merge merges the range from (c1, r1) to (c2, r2), unless it is one cell.
func (x *xlsxWriter) merge(sheet string, c1, r1, c2, r2 int) error {
	if c1 == c2 && r1 == r2 {
		return nil
	}
	from, err := excelize.CoordinatesToCellName(c1, r1)
	if err != nil {
		return err
	}
	to, err := excelize.CoordinatesToCellName(c2, r2)
	if err != nil {
		return err
	}
	return x.f.MergeCell(sheet, from, to)
}
