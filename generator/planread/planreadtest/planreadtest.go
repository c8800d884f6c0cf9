// Package planreadtest writes planread Documents as Word .docx and Excel .xlsx files, for
// tests: fixtures made from Go data, so that no binary file needs committing. It exists for
// tests, as net/http/httptest does, and is not used by the generator itself.
//
// What the writers write, the planread readers read back: ReadDocx gives the document's
// items as they are; ReadXlsx gives each sheet as one table, the paragraphs written above
// and below the table included (see WriteXlsx). Positions are ignored.
package planreadtest

import (
	"slices"
	"strings"

	"congkhai/generator/planread"
)

// Options make a fixture look like a real office file, deterministically: a table's
// header repeated where pages broke, rows split by a page break. The zero Options write
// the document as it is.
type Options struct {
	// HeaderRows is how many leading rows of each table are its header (0: none). The
	// .docx marks them as repeating on every page (w:tblHeader).
	HeaderRows int
	// RepeatHeaderEvery, when > 0 (and HeaderRows > 0), writes the header rows again after
	// every N body rows of the table, as real rows: Word's repeated headers turned into
	// rows, or a table pasted page by page. Body rows count as in the table, a split row
	// once. A vertical merge does not run through a repeated header: a Merged cell just
	// after one is written empty.
	RepeatHeaderEvery int
	// SplitRowsEvery, when > 0, splits every Nth body row that can be split in two, as a
	// page break leaves it: the first row holds the first half of each cell's lines
	// (rounded up, so a one-line cell stays whole; the first cell, the number column, stays
	// whole), the second row the rest, its first cell empty, and empty the cells that had
	// nothing left. Merged cells stay Merged in both rows. A row can be split when a cell
	// after the first has more than one line and no cell spans columns.
	SplitRowsEvery int
}

// rows returns the rows of t as o writes them.
func (o Options) rows(t *planread.Table) []planread.Row {
	if t == nil {
		return nil
	}
	n := min(max(o.HeaderRows, 0), len(t.Rows))
	header := t.Rows[:n]
	out := slices.Clone(header)
	splittable := 0
	for i, row := range t.Rows[n:] {
		if n > 0 && o.RepeatHeaderEvery > 0 && i > 0 && i%o.RepeatHeaderEvery == 0 {
			out = append(out, header...)
			row = unmerged(row)
		}
		if o.SplitRowsEvery > 0 && canSplit(row) {
			if splittable++; splittable%o.SplitRowsEvery == 0 {
				first, rest := split(row)
				out = append(out, first, rest)
				continue
			}
		}
		out = append(out, row)
	}
	return out
}

// unmerged returns row with its Merged cells made empty ones.
func unmerged(row planread.Row) planread.Row {
	row.Cells = slices.Clone(row.Cells)
	for i := range row.Cells {
		if row.Cells[i].Merged {
			row.Cells[i] = planread.Cell{Span: row.Cells[i].Span, Pos: row.Cells[i].Pos}
		}
	}
	return row
}

func canSplit(row planread.Row) bool {
	lines := false
	for i, c := range row.Cells {
		if c.Span > 1 {
			return false
		}
		lines = lines || i > 0 && len(cellLines(c.Text)) > 1
	}
	return lines
}

// longLine is how many words a one-line cell needs for a page break to fall inside it.
const longLine = 12

// cellLines returns a cell's lines, a long single line cut at its middle word as a page
// break inside a paragraph cuts it.
func cellLines(text string) []string {
	lines := strings.Split(text, "\n")
	if w := strings.Fields(text); len(lines) == 1 && len(w) >= longLine {
		return []string{strings.Join(w[:len(w)/2], " "), strings.Join(w[len(w)/2:], " ")}
	}
	return lines
}

// split splits row in two as Options.SplitRowsEvery says.
func split(row planread.Row) (first, rest planread.Row) {
	first.Cells = make([]planread.Cell, len(row.Cells))
	rest.Cells = make([]planread.Cell, len(row.Cells))
	first.Pos, rest.Pos = row.Pos, row.Pos
	for i, c := range row.Cells {
		lines := cellLines(c.Text)
		k := (len(lines) + 1) / 2
		if len(lines) == 2 {
			k = 1
		}
		if i == 0 {
			lines, k = []string{c.Text}, 1
		}
		first.Cells[i], rest.Cells[i] = c, c
		first.Cells[i].Text = strings.Join(lines[:k], "\n")
		rest.Cells[i].Text = strings.Join(lines[k:], "\n")
		first.Cells[i].Bold = c.Bold && first.Cells[i].Text != ""
		rest.Cells[i].Bold = c.Bold && rest.Cells[i].Text != ""
	}
	return first, rest
}

// width is the number of grid columns rows cover.
func width(rows []planread.Row) int {
	w := 0
	for _, row := range rows {
		g := 0
		for _, c := range row.Cells {
			g += max(c.Span, 1)
		}
		w = max(w, g)
	}
	return w
}
