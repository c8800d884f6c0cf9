package planreadtest

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"congkhai/generator/planread"
)

// WordNS is the WordprocessingML namespace, which WriteDocxBody binds to the prefix w.
const WordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// WriteDocx writes doc as a minimal .docx: paragraphs (bold as w:b, "\n" as w:br), and
// tables with a w:tblGrid, w:gridSpan for cells with Span > 1, and w:vMerge for Merged
// cells (the cell above a Merged cell gets w:val="restart"). A cell's text is split on
// "\n" into paragraphs. Tables are laid out as o says; positions are ignored.
func WriteDocx(w io.Writer, doc *planread.Document, o Options) error {
	var b strings.Builder
	for _, it := range doc.Items {
		if it.Table != nil {
			writeDocxTable(&b, o.rows(it.Table), min(max(o.HeaderRows, 0), len(it.Table.Rows)))
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
	return WriteDocxBody(w, b.String())
}

// writeDocxTable writes a table of rows, the first header of them marked as its header.
func writeDocxTable(b *strings.Builder, rows []planread.Row, header int) {
	// The grid column each cell starts at, to find the cell below a cell.
	starts := make([]map[int]*planread.Cell, len(rows))
	for i, row := range rows {
		starts[i] = map[int]*planread.Cell{}
		g := 0
		for j := range row.Cells {
			starts[i][g] = &row.Cells[j]
			g += max(row.Cells[j].Span, 1)
		}
	}
	cols := max(width(rows), 1)
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>` +
		`<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>` +
		`<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>` +
		`<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>` +
		`</w:tblPr><w:tblGrid>`)
	for range cols {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, 9000/cols)
	}
	b.WriteString("</w:tblGrid>")
	for i, row := range rows {
		b.WriteString("<w:tr>")
		if i < header {
			b.WriteString("<w:trPr><w:tblHeader/></w:trPr>")
		}
		g := 0
		for _, c := range row.Cells {
			span := max(c.Span, 1)
			b.WriteString("<w:tc><w:tcPr>")
			fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, 9000/cols*span)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			switch {
			case c.Merged:
				b.WriteString("<w:vMerge/>")
			case i+1 < len(rows) && starts[i+1][g] != nil && starts[i+1][g].Merged:
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

// WriteDocxBody writes a .docx whose w:body holds body (WordprocessingML, prefix w:),
// followed by a landscape A4 section.
func WriteDocxBody(w io.Writer, body string) error {
	return WriteDocxParts(w, map[string]string{
		"word/document.xml": xml.Header + `<w:document xmlns:w="` + WordNS + `"><w:body>` + body +
			`<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>` +
			`<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="0" w:footer="0" w:gutter="0"/>` +
			`</w:sectPr></w:body></w:document>`,
	})
}

// WriteDocxParts writes a .docx package holding parts (by name in the zip), plus the
// content types and package relationships unless parts has its own.
func WriteDocxParts(w io.Writer, parts map[string]string) error {
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
		f, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, all[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}
