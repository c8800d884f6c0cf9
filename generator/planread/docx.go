package planread

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"congkhai/generator/diag"
)

// maxDocxPart is the most a .docx part may decompress to; larger parts are refused, so
// that a small crafted file (a zip bomb) cannot exhaust memory.
const maxDocxPart = 64 << 20

// maxGridSpan caps a cell's w:gridSpan (Word allows 63 columns).
const maxGridSpan = 1000

// ReadDocx reads a Word .docx file: the paragraphs and tables of its main document
// (word/document.xml) in order. name is the file's name as the report shows it; r and
// size are the file's bytes.
//
// Every w:p of the body is an Item, empty ones included, so that Item positions count
// the body's paragraphs; every w:tbl is a table Item. Paragraphs inside cells do not
// count as lines; a table nested in a cell has its text flattened into the cell.
// Content controls (w:sdt), insertions, smart tags, hyperlinks and fields are read
// through; deleted and moved-away text (w:del, w:moveFrom) and field codes are docxSkipped.
// Text in drawings and text boxes is not read. A paragraph of an automatic list (w:numPr,
// directly or through its style) starts with the label Word shows for it, "1.", "2.3",
// "II", "•", counted as Word counts (docx_numbering.go): an STT column kept as a numbered
// list reads as the numbers it prints.
func ReadDocx(name string, r io.ReaderAt, size int64) (*Document, error) {
	fail := func(format string, args ...any) error {
		return diag.Errorf(diag.Pos{File: name}, "không đọc được tệp Word: "+format, args...)
	}
	if size < 0 {
		return nil, fail("kích thước tệp không hợp lệ")
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fail("không phải tệp .docx (zip): %v", err)
	}
	f := docxMainPart(zr)
	if f == nil {
		return nil, fail("không có phần nội dung word/document.xml")
	}
	if f.UncompressedSize64 > maxDocxPart {
		return nil, fail("%s quá lớn (%d byte)", f.Name, f.UncompressedSize64)
	}
	numbering, err := docxNumberingParts(zr, f.Name)
	if err != nil {
		return nil, fail("%v", err)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fail("%s: %v", f.Name, err)
	}
	defer rc.Close()
	d := xml.NewDecoder(&docxLimitedReader{r: rc, n: maxDocxPart})
	dr := &docxReader{d: d, name: name, numbering: numbering}
	doc, err := dr.document()
	if err != nil {
		return nil, fail("%s: %v", f.Name, err)
	}
	return doc, nil
}

// docxMainPart finds the main document part: word/document.xml, or else the part the
// package relationships name as the office document.
func docxMainPart(zr *zip.Reader) *zip.File {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	if f := files["word/document.xml"]; f != nil {
		return f
	}
	rels := files["_rels/.rels"]
	if rels == nil || rels.UncompressedSize64 > 1<<20 {
		return nil
	}
	rc, err := rels.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	var v struct {
		Rels []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.NewDecoder(&docxLimitedReader{r: rc, n: 1 << 20}).Decode(&v) != nil {
		return nil
	}
	for _, rel := range v.Rels {
		if strings.HasSuffix(rel.Type, "/officeDocument") {
			return files[strings.TrimPrefix(path.Clean("/"+rel.Target), "/")]
		}
	}
	return nil
}

// docxLimitedReader reads at most n bytes and fails, rather than stopping quietly, when
// there are more.
type docxLimitedReader struct {
	r io.Reader
	n int64
}

func (l *docxLimitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		var one [1]byte
		k, err := l.r.Read(one[:])
		if k > 0 {
			return 0, fmt.Errorf("nội dung giải nén vượt quá %d MB", maxDocxPart>>20)
		}
		return 0, err
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	return k, err
}

// docxReader walks word/document.xml. Each method is called just after the start
// element it reads and consumes everything through the matching end element.
type docxReader struct {
	d         *xml.Decoder
	name      string
	line      int
	doc       Document
	numbering *docxNumbering // the lists of the document, counted as paragraphs are read
}

// docxRun is a piece of a paragraph's text with its boldness. A list's label (the number
// Word shows before a paragraph of an automatic list) is a run of its own, whose
// boldness does not count.
type docxRun struct {
	text  string
	bold  bool
	label bool
}

func (dr *docxReader) token() (xml.Token, error) {
	t, err := dr.d.Token()
	if err == io.EOF {
		return nil, io.ErrUnexpectedEOF
	}
	return t, err
}

// skip consumes the current element, iteratively (no recursion on deep input).
func (dr *docxReader) skip() error {
	for depth := 0; ; {
		t, err := dr.token()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

func (dr *docxReader) document() (*Document, error) {
	for {
		t, err := dr.d.Token()
		if err == io.EOF {
			return nil, errors.New("không có phần thân văn bản (w:body)")
		}
		if err != nil {
			return nil, err
		}
		if s, ok := t.(xml.StartElement); ok && s.Name.Local == "body" {
			if err := dr.body(); err != nil {
				return nil, err
			}
			// The rest of the part (the end of w:document) must still be well formed.
			for {
				if _, err := dr.d.Token(); err == io.EOF {
					break
				} else if err != nil {
					return nil, err
				}
			}
			return &dr.doc, nil
		}
	}
}

// docxSkipped are elements whose content is never text of the document: properties,
// deleted or moved-away text, the fallback copy of alternate content, and drawings.
var docxSkipped = map[string]bool{
	"del": true, "moveFrom": true, "Fallback": true,
	"pPr": true, "rPr": true, "sectPr": true, "sdtPr": true, "sdtEndPr": true,
	"tblPr": true, "tblGrid": true, "tblPrEx": true, "trPr": true, "tcPr": true,
	"drawing": true, "pict": true, "object": true, "txbxContent": true,
	"delText": true, "instrText": true, "delInstrText": true,
	"bookmarkStart": true, "bookmarkEnd": true, "commentRangeStart": true,
}

func (dr *docxReader) body() error {
	for depth := 0; ; {
		t, err := dr.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "p":
				dr.line++
				pos := diag.Pos{File: dr.name, Line: dr.line}
				runs, err := dr.paragraph()
				if err != nil {
					return err
				}
				text, bold := docxRunsText(runs)
				dr.doc.Items = append(dr.doc.Items, Item{Text: text, Bold: bold, Pos: pos})
			case t.Name.Local == "tbl":
				tbl, err := dr.table()
				if err != nil {
					return err
				}
				dr.doc.Items = append(dr.doc.Items, Item{Pos: tbl.Pos, Table: tbl})
			case docxSkipped[t.Name.Local]:
				if err := dr.skip(); err != nil {
					return err
				}
			default: // w:sdt, w:sdtContent, w:customXml, w:ins, mc:AlternateContent …
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// paragraph reads a w:p into its runs, the first of them its list label if it is in an
// automatic list.
func (dr *docxReader) paragraph() ([]docxRun, error) {
	var runs []docxRun
	var num docxParaNum
	for depth := 0; ; {
		t, err := dr.token()
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch {
			case depth == 0 && t.Name.Local == "pPr":
				if num, err = dr.paragraphProps(); err != nil {
					return nil, err
				}
			case t.Name.Local == "r":
				r, err := dr.run()
				if err != nil {
					return nil, err
				}
				runs = append(runs, r)
			case docxSkipped[t.Name.Local], t.Name.Local == "p", t.Name.Local == "tbl":
				if err := dr.skip(); err != nil {
					return nil, err
				}
			default: // w:hyperlink, w:ins, w:smartTag, w:fldSimple, w:sdt …
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				if label := dr.numbering.label(num); label != "" {
					runs = append([]docxRun{{text: label, label: true}}, runs...)
				}
				return runs, nil
			}
			depth--
		}
	}
}

// paragraphProps reads a w:pPr: its style and list (w:numPr). The numbering of a
// tracked change's former properties (w:pPrChange) is not the paragraph's.
func (dr *docxReader) paragraphProps() (docxParaNum, error) {
	var p docxParaNum
	inNumPr := false
	for depth := 0; ; {
		t, err := dr.token()
		if err != nil {
			return p, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			v, _ := docxAttr(t, "val")
			v = strings.TrimSpace(v)
			switch {
			case depth == 0 && t.Name.Local == "pStyle":
				p.style = v
			case depth == 0 && t.Name.Local == "numPr":
				inNumPr = true
			case depth == 1 && inNumPr && t.Name.Local == "numId":
				p.numID, p.hasNum = v, true
			case depth == 1 && inNumPr && t.Name.Local == "ilvl":
				p.ilvl, p.hasIlvl = docxLevelIndex(v)
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return p, nil
			}
			depth--
			if depth == 0 {
				inNumPr = false
			}
		}
	}
}

// run reads a w:r: its text, tabs and breaks, and whether it is bold.
func (dr *docxReader) run() (docxRun, error) {
	var r docxRun
	var b strings.Builder
	for {
		t, err := dr.token()
		if err != nil {
			return r, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "rPr":
				bold, err := dr.runProps()
				if err != nil {
					return r, err
				}
				r.bold = bold
				continue
			case "t":
				s, err := dr.chardata()
				if err != nil {
					return r, err
				}
				b.WriteString(s)
				continue
			case "tab", "ptab":
				b.WriteByte(' ')
			case "br", "cr":
				b.WriteByte('\n')
			case "noBreakHyphen":
				b.WriteByte('-')
			}
			if err := dr.skip(); err != nil {
				return r, err
			}
		case xml.EndElement:
			r.text = b.String()
			return r, nil
		}
	}
}

// runProps reads a w:rPr and reports whether it makes the run bold.
func (dr *docxReader) runProps() (bool, error) {
	bold := false
	for depth := 0; ; {
		t, err := dr.token()
		if err != nil {
			return false, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if depth == 0 && t.Name.Local == "b" {
				bold = docxOnOff(t)
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return bold, nil
			}
			depth--
		}
	}
}

// docxOnOff reads an on/off property: present means on unless w:val says otherwise.
func docxOnOff(s xml.StartElement) bool {
	v, ok := docxAttr(s, "val")
	if !ok {
		return true
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

func docxAttr(s xml.StartElement, local string) (string, bool) {
	for _, a := range s.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// chardata reads the text of a w:t (ignoring any element inside it).
func (dr *docxReader) chardata() (string, error) {
	var b strings.Builder
	for depth := 0; ; {
		t, err := dr.token()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			if depth == 0 {
				b.Write(t)
			}
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		}
	}
}

// table reads a w:tbl; each w:tr counts as a line.
func (dr *docxReader) table() (*Table, error) {
	tbl := &Table{Pos: diag.Pos{File: dr.name, Line: dr.line + 1}}
	for depth := 0; ; {
		t, err := dr.token()
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "tr":
				dr.line++
				row, err := dr.row()
				if err != nil {
					return nil, err
				}
				tbl.Rows = append(tbl.Rows, row)
			case docxSkipped[t.Name.Local]:
				if err := dr.skip(); err != nil {
					return nil, err
				}
			default: // w:sdt, w:customXml around rows …
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				return tbl, nil
			}
			depth--
		}
	}
}

// row reads a w:tr.
func (dr *docxReader) row() (Row, error) {
	row := Row{Pos: diag.Pos{File: dr.name, Line: dr.line}}
	for depth := 0; ; {
		t, err := dr.token()
		if err != nil {
			return row, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "tc":
				c, err := dr.cell()
				if err != nil {
					return row, err
				}
				c.Pos = diag.Pos{File: dr.name, Line: dr.line, Col: len(row.Cells) + 1}
				row.Cells = append(row.Cells, c)
			case docxSkipped[t.Name.Local]:
				if err := dr.skip(); err != nil {
					return row, err
				}
			default:
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				return row, nil
			}
			depth--
		}
	}
}

// cell reads a w:tc: its properties and paragraphs, including those of nested tables.
func (dr *docxReader) cell() (Cell, error) {
	c := Cell{Span: 1}
	var lines []string
	var runs []docxRun
	for depth := 0; ; {
		t, err := dr.token()
		if err != nil {
			return c, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch {
			case depth == 0 && t.Name.Local == "tcPr":
				if err := dr.cellProps(&c); err != nil {
					return c, err
				}
			case t.Name.Local == "p":
				rs, err := dr.paragraph()
				if err != nil {
					return c, err
				}
				if text, _ := docxRunsText(rs); text != "" {
					lines = append(lines, text)
				}
				runs = append(runs, rs...)
			case docxSkipped[t.Name.Local]:
				if err := dr.skip(); err != nil {
					return c, err
				}
			default: // nested w:tbl, w:tr, w:tc; w:sdt …
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				if !c.Merged {
					c.Text = strings.Join(lines, "\n")
					_, c.Bold = docxRunsText(runs)
				}
				return c, nil
			}
			depth--
		}
	}
}

// cellProps reads a w:tcPr: w:gridSpan and w:vMerge.
func (dr *docxReader) cellProps(c *Cell) error {
	for depth := 0; ; {
		t, err := dr.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if depth == 0 {
				switch t.Name.Local {
				case "gridSpan":
					v, _ := docxAttr(t, "val")
					if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n > 1 {
						c.Span = min(n, maxGridSpan)
					}
				case "vMerge":
					v, _ := docxAttr(t, "val")
					c.Merged = strings.TrimSpace(v) != "restart"
				}
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// docxRunsText joins runs into text, spaces collapsed within each line, empty lines dropped,
// in NFC; bold is whether every run holding visible text is bold (and there is one).
func docxRunsText(runs []docxRun) (string, bool) {
	var b strings.Builder
	bold, seen := true, false
	for _, r := range runs {
		b.WriteString(r.text)
		if strings.TrimSpace(r.text) != "" && !r.label {
			seen = true
			bold = bold && r.bold
		}
	}
	return cellText(b.String()), bold && seen
}
