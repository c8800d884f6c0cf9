// Package planread reads the documents a plan arrives in (Word .docx, Excel .xlsx, and
// text copied from web pages) into one shape: the document's paragraphs and tables in
// order, each table as rows of cells, every piece with its position in the source. It
// does not interpret what it reads (which row is a section, which column is the lead
// agency); that is the importer's job, which then sees every format alike.
//
// Positions are diag.Pos, so that the importer's report names file:line:col whatever the
// format:
//   - text: the line and the character column where the piece starts;
//   - .docx: Line counts the document's paragraphs and table rows in order (as if each
//     were printed on a line of its own), Col is the cell's number in its row (1-based);
//   - .xlsx: Line is the sheet's row number and Col its column number (C7 is 7:3); File
//     is "name.xlsx[Sheet]".
package planread

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/unicode/norm"

	"congkhai/generator/diag"
)

// Document is a plan's source as read.
type Document struct {
	Items []Item // paragraphs and tables, in document order
}

// Item is a paragraph, or a table when Table is set.
type Item struct {
	Text  string // the paragraph's text, spaces collapsed
	Bold  bool   // every character of the paragraph is bold
	Pos   diag.Pos
	Table *Table
}

// Table is a table of the source. Rows are as the source has them: repeated header rows,
// rows split across pages and section rows spanning the table are kept, for the importer
// to recognise.
type Table struct {
	Rows []Row
	Pos  diag.Pos
}

// Row is a row of a table.
type Row struct {
	Cells []Cell
	Pos   diag.Pos
}

// Cell is a cell of a row.
type Cell struct {
	// Text is the cell's paragraphs (or lines) joined by "\n", each with its spaces
	// collapsed and trimmed; bullets ("-", "•", "+") are kept as written.
	Text string
	Bold bool // every character of the cell is bold (section rows usually are)
	// Span is the number of grid columns the cell covers: 1, or more for a cell merged
	// across columns.
	Span int
	// Merged marks a cell that continues the one above it (a vertical merge); its Text is
	// empty.
	Merged bool
	Pos    diag.Pos
}

// cellText is the text of a cell or paragraph as the readers keep it: split into lines
// (a Word break, an Excel Alt+Enter), each line's spaces collapsed and trimmed, empty lines
// dropped, invalid UTF-8 replaced, in NFC.
func cellText(s string) string {
	s = strings.ToValidUTF8(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s), "\uFFFD")
	var lines []string
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			lines = append(lines, line)
		}
	}
	return norm.NFC.String(strings.Join(lines, "\n"))
}

// ReadFile reads a plan's source by the kind its name tells: .docx, .xlsx, or else text
// copied from a web page. name is also the file's name in positions.
func ReadFile(name string) (*Document, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	switch strings.ToLower(filepath.Ext(name)) {
	case ".docx":
		st, err := f.Stat()
		if err != nil {
			return nil, err
		}
		return ReadDocx(name, f, st.Size())
	case ".xlsx":
		return ReadXlsx(name, f)
	}
	src, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	return ReadText(name, src)
}
