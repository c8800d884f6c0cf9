package planread

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
)

// This file writes minimal .docx files for the tests: fixtures made from Go data, so that
// no binary file needs committing.

const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// writeDocx writes doc as a minimal .docx: paragraphs (bold as w:b, "\n" as w:br), and
// tables with a w:tblGrid, w:gridSpan for cells with Span > 1, and w:vMerge for Merged
// cells (the cell above a Merged cell gets w:val="restart"). A cell's text is split on
// "\n" into paragraphs. Positions are ignored.
func writeDocx(w io.Writer, doc *Document) error {
	var b strings.Builder
	for _, it := range doc.Items {
		if it.Table != nil {
			writeDocxTable(&b, it.Table)
			continue
		}
		b.WriteString("<w:p>")
		for i, line := range strings.Split(it.Text, "\n") {
			if i > 0 {
				b.WriteString("<w:r><w:br/></w:r>")
			}
			writeDocxRun(&b, line, it.Bold)
		}
		b.WriteString("</w:p>")
	}
	return writeDocxBody(w, b.String())
}

func writeDocxTable(b *strings.Builder, t *Table) {
	// The grid column each cell starts at, to find the cell below a cell.
	cols := 0
	starts := make([]map[int]*Cell, len(t.Rows))
	for i, row := range t.Rows {
		starts[i] = map[int]*Cell{}
		g := 0
		for j := range row.Cells {
			c := &row.Cells[j]
			starts[i][g] = c
			g += max(c.Span, 1)
		}
		cols = max(cols, g)
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>` +
		`<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>` +
		`<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>` +
		`<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>` +
		`</w:tblPr><w:tblGrid>`)
	for range max(cols, 1) {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, 9000/max(cols, 1))
	}
	b.WriteString("</w:tblGrid>")
	for i, row := range t.Rows {
		b.WriteString("<w:tr>")
		g := 0
		for _, c := range row.Cells {
			span := max(c.Span, 1)
			b.WriteString("<w:tc><w:tcPr>")
			fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, 9000/max(cols, 1)*span)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			switch {
			case c.Merged:
				b.WriteString("<w:vMerge/>")
			case i+1 < len(t.Rows) && starts[i+1][g] != nil && starts[i+1][g].Merged:
				b.WriteString(`<w:vMerge w:val="restart"/>`)
			}
			b.WriteString("</w:tcPr>")
			text := c.Text
			if c.Merged {
				text = ""
			}
			for _, line := range strings.Split(text, "\n") {
				b.WriteString("<w:p>")
				writeDocxRun(b, line, c.Bold)
				b.WriteString("</w:p>")
			}
			b.WriteString("</w:tc>")
			g += span
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
}

func writeDocxRun(b *strings.Builder, text string, bold bool) {
	if text == "" {
		return
	}
	b.WriteString("<w:r>")
	if bold {
		b.WriteString("<w:rPr><w:b/><w:bCs/></w:rPr>")
	}
	b.WriteString(`<w:t xml:space="preserve">`)
	xml.EscapeText(b, []byte(text))
	b.WriteString("</w:t></w:r>")
}

// writeDocxBody writes a .docx whose w:body holds body (WordprocessingML, prefix w:).
func writeDocxBody(w io.Writer, body string) error {
	return writeDocxParts(w, map[string]string{
		"word/document.xml": xml.Header + `<w:document xmlns:w="` + wordNS + `"><w:body>` + body +
			`<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>` +
			`<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="0" w:footer="0" w:gutter="0"/>` +
			`</w:sectPr></w:body></w:document>`,
	})
}

// writeDocxParts writes a .docx package holding parts, plus the content types and
// package relationships (unless parts has its own).
func writeDocxParts(w io.Writer, parts map[string]string) error {
	all := map[string]string{
		"[Content_Types].xml": xml.Header +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`</Types>`,
		"_rels/.rels": xml.Header +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`</Relationships>`,
	}
	for name, s := range parts {
		all[name] = s
	}
	zw := zip.NewWriter(w)
	// [Content_Types].xml first, as Word writes it; then the rest in a fixed order.
	names := []string{"[Content_Types].xml", "_rels/.rels"}
	for name := range all {
		if name != names[0] && name != names[1] {
			names = append(names, name)
		}
	}
	slices.Sort(names[2:])
	for _, name := range names {
		s, ok := all[name]
		if !ok {
			continue
		}
		f, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, s); err != nil {
			return err
		}
	}
	return zw.Close()
}
