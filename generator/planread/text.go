package planread

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"congkhai/generator/diag"
)

// ReadText reads text copied from a web page or a PDF of a plan. Tables come in the shapes
// such copies take, and several may mix in one document:
//
//   - tab-separated rows, one row a line ("1\tNội dung\tSở Nội vụ\t…");
//   - one cell a line, each line starting with a tab, rows separated by a blank line (a
//     cell merged across the table repeats on as many lines as it spans; a cell's further
//     lines may have lost their tab);
//   - cells ending with "|", one cell a line or wrapped over several, rows not marked: a
//     row holds as many cells as the header, unless it is a section heading ("I. CÔNG TÁC
//     …") followed by a numbered row, which spans the table.
//
// Stray HTML is removed; a cell or paragraph wholly in <b>, <strong> or ** is bold.
// Everything else is a paragraph, one a line.
func ReadText(name string, src []byte) (*Document, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if err := diag.CheckUTF8(name, src); err != nil {
		return nil, err
	}
	text := strings.ReplaceAll(norm.NFC.String(string(src)), "\r\n", "\n")
	r := &textReader{name: name, lines: strings.Split(strings.ReplaceAll(text, "\r", "\n"), "\n")}
	r.read()
	return &r.doc, nil
}

type textReader struct {
	name  string
	lines []string
	doc   Document
	table *Table // the table being read, if any
}

func (r *textReader) pos(i, col int) diag.Pos {
	return diag.Pos{File: r.name, Line: i + 1, Col: col}
}

// lineKind is what a line of the source looks like.
type lineKind uint8

const (
	blank    lineKind = iota
	plain             // a paragraph, or a wrapped line of a "|" cell
	tabRow            // tab-separated cells
	tabCell           // one cell, after a leading tab
	pipeCell          // the end of a "|" cell
)

func kindOf(line string) lineKind {
	switch tabs := strings.Count(line, "\t"); {
	case tabs == 0 && strings.TrimSpace(line) == "":
		return blank
	case tabs >= 2 || tabs == 1 && !strings.HasPrefix(line, "\t"):
		return tabRow
	case tabs == 1:
		return tabCell
	case strings.HasSuffix(strings.TrimSpace(line), "|"):
		return pipeCell
	}
	return plain
}

func (r *textReader) read() {
	for i := 0; i < len(r.lines); {
		switch kindOf(r.lines[i]) {
		case blank:
			i++
		case tabRow:
			i = r.tabRows(i)
		case tabCell:
			i = r.tabCells(i)
		default:
			if r.startsPipeTable(i) {
				i = r.pipeCells(i)
				continue
			}
			r.endTable()
			text, bold := clean(strings.TrimSuffix(strings.TrimSpace(r.lines[i]), "|"))
			if text != "" {
				r.doc.Items = append(r.doc.Items, Item{Text: text, Bold: bold, Pos: r.pos(i, 1)})
			}
			i++
		}
	}
	r.endTable()
}

// startsPipeTable reports whether line i is the first cell of a "|" table: a header word
// ending with "|", or followed by a line that closes the cell. Other lines ending with "|"
// (a letterhead laid out as a table) are paragraphs.
func (r *textReader) startsPipeTable(i int) bool {
	line := strings.TrimSpace(r.lines[i])
	if kindOf(line) == pipeCell {
		return headerCell.MatchString(strings.TrimSpace(strings.TrimSuffix(line, "|")))
	}
	return i+1 < len(r.lines) && headerCell.MatchString(line) && kindOf(r.lines[i+1]) == pipeCell
}

var headerCell = regexp.MustCompile(`(?i)^(stt|tt|số tt|số thứ tự)$`)

func (r *textReader) row(i int, cells []Cell) {
	if r.table == nil {
		r.table = &Table{Pos: r.pos(i, 1)}
	}
	r.table.Rows = append(r.table.Rows, Row{Cells: cells, Pos: r.pos(i, 1)})
}

func (r *textReader) endTable() {
	if r.table != nil {
		r.doc.Items = append(r.doc.Items, Item{Table: r.table, Pos: r.table.Pos})
		r.table = nil
	}
}

// tabRows reads tab-separated rows from line i; blank lines between them (page breaks)
// stay inside the table.
func (r *textReader) tabRows(i int) int {
	for ; i < len(r.lines); i++ {
		switch kindOf(r.lines[i]) {
		case tabRow:
		case blank:
			continue
		default:
			return i
		}
		var cells []Cell
		col := 1
		for _, field := range strings.Split(r.lines[i], "\t") {
			text, bold := clean(field)
			cells = append(cells, Cell{Text: text, Bold: bold && text != "", Span: 1, Pos: r.pos(i, col)})
			col += utf8.RuneCountInString(field) + 1
		}
		r.row(i, cells)
	}
	return i
}

// tabCells reads rows of one cell a line from line i; a blank line ends a row. Identical
// cells repeated across a whole row are one cell spanning the row.
func (r *textReader) tabCells(i int) int {
	var cells []Cell
	start := i
	flush := func() {
		if len(cells) == 0 {
			return
		}
		if len(cells) > 1 && allSame(cells) {
			cells = []Cell{{Text: cells[0].Text, Bold: cells[0].Bold, Span: len(cells), Pos: cells[0].Pos}}
		}
		r.row(start, cells)
		cells = nil
	}
	for ; i < len(r.lines); i++ {
		switch kindOf(r.lines[i]) {
		case tabCell:
			if len(cells) == 0 {
				start = i
			}
			text, bold := clean(r.lines[i])
			cells = append(cells, Cell{Text: text, Bold: bold && text != "", Span: 1, Pos: r.pos(i, 2)})
		case blank:
			flush()
		case plain:
			// A cell's further line, which the copy left without its tab: the row goes
			// on after it.
			if len(cells) == 0 || i+1 == len(r.lines) || kindOf(r.lines[i+1]) != tabCell && kindOf(r.lines[i+1]) != plain {
				flush()
				return i
			}
			text, _ := clean(r.lines[i])
			last := &cells[len(cells)-1]
			last.Text = strings.TrimPrefix(last.Text+"\n"+text, "\n")
		default:
			flush()
			return i
		}
	}
	flush()
	return i
}

func allSame(cells []Cell) bool {
	for _, c := range cells[1:] {
		if c.Text != cells[0].Text {
			return false
		}
	}
	return cells[0].Text != ""
}

// pipeCells reads a "|" table from line i. The header row is the cells before the first
// numbered cell; its width groups the cells that follow into rows.
func (r *textReader) pipeCells(i int) int {
	type cell struct {
		Cell
		line int
	}
	var cells []cell
	var parts []string // the lines of a cell no "|" has closed yet
	first := i
scan:
	for ; i < len(r.lines); i++ {
		k := kindOf(r.lines[i])
		if k == blank || k == tabRow || k == tabCell {
			break
		}
		line := strings.TrimSpace(r.lines[i])
		// A header word after text that no "|" closed starts the next table: the text was
		// a heading between two tables.
		if len(parts) > 0 && len(cells) > 0 && r.startsPipeTable(i) {
			break scan
		}
		if len(parts) == 0 {
			first = i
		}
		if k != pipeCell {
			parts = append(parts, line)
			continue
		}
		// Each "|" closes a cell: "text |" one, "| | |" three empty ones.
		segs := strings.Split(line, "|")
		for _, seg := range segs[:len(segs)-1] {
			text, bold := clean(strings.Join(append(parts, strings.TrimSpace(seg)), " "))
			cells = append(cells, cell{Cell{Text: text, Bold: bold && text != "", Span: 1, Pos: r.pos(first, 1)}, first})
			parts, first = nil, i
		}
	}
	if len(parts) > 0 {
		i = first // lines no "|" closed are not part of the table
	}
	// The header: the cells before the first that numbers a row or heads a section.
	width := len(cells)
	for k, c := range cells {
		if k > 0 && (rowNumber.MatchString(c.Text) || section.MatchString(c.Text) || roman.MatchString(c.Text)) {
			width = k
			break
		}
	}
	for k := 0; k < len(cells); {
		n := min(width, len(cells)-k)
		if k >= width && section.MatchString(cells[k].Text) && (k+1 == len(cells) || rowNumber.MatchString(cells[k+1].Text)) {
			c := cells[k].Cell
			c.Span = width
			r.row(cells[k].line, []Cell{c})
			k++
			continue
		}
		// A last row short of cells lost its empty ones in the copy: they are put back.
		row := make([]Cell, width)
		for j := range width {
			if j < n {
				row[j] = cells[k+j].Cell
			} else {
				row[j] = Cell{Span: 1, Pos: cells[k].Pos}
			}
		}
		r.row(cells[k].line, row)
		k += n
	}
	r.endTable()
	return i
}

var (
	rowNumber = regexp.MustCompile(`^\d+(\.\d+)*\.?$`)
	section   = regexp.MustCompile(`^[IVXLC]+\.?\s+\S`)
	roman     = regexp.MustCompile(`^[IVXLC]+\.?$`)
	htmlTag   = regexp.MustCompile(`</?[a-zA-Z][^<>]*>`)
	boldWhole = regexp.MustCompile(`(?is)^(?:<(b|strong)>(.*)</(?:b|strong)>|\*\*(.*)\*\*)$`)
)

// clean removes markup from a piece of text and says whether all of it was bold.
func clean(s string) (string, bool) {
	s = strings.TrimSpace(s)
	bold := false
	if m := boldWhole.FindStringSubmatch(s); m != nil {
		inner := m[2] + m[3]
		if !strings.Contains(inner, "</b>") && !strings.Contains(inner, "**") {
			bold, s = true, inner
		}
	}
	s = htmlTag.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "**", "")
	s = html.UnescapeString(s)
	return strings.Join(strings.Fields(s), " "), bold
}
