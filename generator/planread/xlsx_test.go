package planread

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"congkhai/generator/diag"
)

// xlsxBook is a test helper that writes a workbook with excelize.
type xlsxBook struct {
	t    testing.TB
	f    *excelize.File
	bold int // style ID of a bold font
}

func xlsxNewBook(t testing.TB, firstSheet string) *xlsxBook {
	t.Helper()
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", firstSheet); err != nil {
		t.Fatal(err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		t.Fatal(err)
	}
	return &xlsxBook{t: t, f: f, bold: bold}
}

func (b *xlsxBook) check(err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatal(err)
	}
}

func (b *xlsxBook) sheet(name string) {
	b.t.Helper()
	_, err := b.f.NewSheet(name)
	b.check(err)
}

func (b *xlsxBook) set(sheet, ref string, v any) {
	b.t.Helper()
	b.check(b.f.SetCellValue(sheet, ref, v))
}

func (b *xlsxBook) setBold(sheet, ref string, v any) {
	b.t.Helper()
	b.set(sheet, ref, v)
	b.check(b.f.SetCellStyle(sheet, ref, ref, b.bold))
}

func (b *xlsxBook) merge(sheet, from, to string) {
	b.t.Helper()
	b.check(b.f.MergeCell(sheet, from, to))
}

func (b *xlsxBook) bytes() []byte {
	b.t.Helper()
	buf, err := b.f.WriteToBuffer()
	b.check(err)
	b.check(b.f.Close())
	return buf.Bytes()
}

// xc is an expected cell; flags holds "b" for Bold and "m" for Merged.
func xc(file string, line, col int, text string, span int, flags string) Cell {
	return Cell{
		Text:   text,
		Bold:   strings.Contains(flags, "b"),
		Span:   span,
		Merged: strings.Contains(flags, "m"),
		Pos:    diag.Pos{File: file, Line: line, Col: col},
	}
}

func xr(file string, line int, cells ...Cell) Row {
	return Row{Cells: cells, Pos: diag.Pos{File: file, Line: line, Col: 1}}
}

func xlsxCompareRows(t *testing.T, got *Table, want []Row) {
	t.Helper()
	if got == nil {
		t.Fatal("item is not a table")
	}
	for i := range max(len(got.Rows), len(want)) {
		switch {
		case i >= len(got.Rows):
			t.Errorf("row %d missing: want %+v", i, want[i])
		case i >= len(want):
			t.Errorf("row %d unexpected: %+v", i, got.Rows[i])
		case !reflect.DeepEqual(got.Rows[i], want[i]):
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got.Rows[i], want[i])
		}
	}
	if len(want) > 0 && got.Pos != want[0].Pos {
		t.Errorf("table pos = %v, want %v", got.Pos, want[0].Pos)
	}
}

// xlsxAppendix writes an appendix-like workbook: a sheet with a two-row header, a section
// row merged across the table, tasks with multi-line cells and a lead agency merged over
// two tasks; an empty sheet; a sheet of indicators.
func xlsxAppendix(t testing.TB) []byte {
	const s = "Phụ lục"
	b := xlsxNewBook(t, s)
	b.set(s, "A1", "STT")
	b.set(s, "B1", norm.NFD.String("Nội dung")) // decomposed: read back as NFC
	b.set(s, "C1", "Phân công thực hiện")
	b.set(s, "E1", "Thời gian thực hiện")
	b.merge(s, "A1", "A2")
	b.merge(s, "B1", "B2")
	b.merge(s, "C1", "D1")
	b.merge(s, "E1", "E2")
	b.set(s, "C2", "Đơn vị chủ trì")
	b.set(s, "D2", "Đơn vị phối hợp")

	b.setBold(s, "A3", "I. Công tác  chỉ đạo điều hành ")
	b.merge(s, "A3", "E3")

	b.set(s, "A4", 1)
	b.set(s, "B4", "Xây dựng kế hoạch kiểm soát thủ tục hành chính năm 2024")
	b.set(s, "C4", "Sở Nội vụ")
	b.merge(s, "C4", "C5")
	b.set(s, "D4", "- Sở Tư pháp\n-  Sở Tài chính\n\n")
	b.set(s, "E4", "Quý I/2024")

	b.set(s, "A5", 2)
	b.set(s, "B5", "  Tổ chức   triển khai\r\n  thực hiện ")
	b.set(s, "D5", "Các sở, ban, ngành")
	b.set(s, "E5", "Thường xuyên")
	// row 6 has only spaces: dropped
	b.set(s, "B6", "   ")

	b.set(s, "A7", 3)
	b.check(b.f.SetCellRichText(s, "B7", []excelize.RichTextRun{
		{Text: "Rà soát, báo cáo "},
		{Text: "trước ngày 01/7/2024", Font: &excelize.Font{Bold: true}},
	}))
	b.check(b.f.SetCellRichText(s, "C7", []excelize.RichTextRun{
		{Text: "Văn phòng ", Font: &excelize.Font{Bold: true}},
		{Text: "UBND tỉnh", Font: &excelize.Font{Bold: true, Italic: true}},
	}))
	b.set(s, "E7", 2024)

	b.sheet("Trống")

	const k = "Chỉ tiêu"
	b.sheet(k)
	b.setBold(k, "B2", "Chỉ tiêu")
	b.setBold(k, "D2", "Năm 2024")
	b.set(k, "B3", "Tỷ lệ hồ sơ trực tuyến")
	b.set(k, "D3", 0.5) // formatted value
	b.set(k, "B5", "x")
	return b.bytes()
}

func TestReadXlsxAppendix(t *testing.T) {
	doc, err := ReadXlsx("kh.xlsx", bytes.NewReader(xlsxAppendix(t)))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != 2 {
		t.Fatalf("got %d items, want 2 (the empty sheet skipped): %+v", len(doc.Items), doc.Items)
	}

	const f = "kh.xlsx[Phụ lục]"
	xlsxCompareRows(t, doc.Items[0].Table, []Row{
		xr(f, 1,
			xc(f, 1, 1, "STT", 1, ""),
			xc(f, 1, 2, "Nội dung", 1, ""),
			xc(f, 1, 3, "Phân công thực hiện", 2, ""),
			xc(f, 1, 5, "Thời gian thực hiện", 1, "")),
		xr(f, 2,
			xc(f, 2, 1, "", 1, "m"),
			xc(f, 2, 2, "", 1, "m"),
			xc(f, 2, 3, "Đơn vị chủ trì", 1, ""),
			xc(f, 2, 4, "Đơn vị phối hợp", 1, ""),
			xc(f, 2, 5, "", 1, "m")),
		xr(f, 3,
			xc(f, 3, 1, "I. Công tác chỉ đạo điều hành", 5, "b")),
		xr(f, 4,
			xc(f, 4, 1, "1", 1, ""),
			xc(f, 4, 2, "Xây dựng kế hoạch kiểm soát thủ tục hành chính năm 2024", 1, ""),
			xc(f, 4, 3, "Sở Nội vụ", 1, ""),
			xc(f, 4, 4, "- Sở Tư pháp\n- Sở Tài chính", 1, ""),
			xc(f, 4, 5, "Quý I/2024", 1, "")),
		xr(f, 5,
			xc(f, 5, 1, "2", 1, ""),
			xc(f, 5, 2, "Tổ chức triển khai\nthực hiện", 1, ""),
			xc(f, 5, 3, "", 1, "m"),
			xc(f, 5, 4, "Các sở, ban, ngành", 1, ""),
			xc(f, 5, 5, "Thường xuyên", 1, "")),
		xr(f, 7,
			xc(f, 7, 1, "3", 1, ""),
			xc(f, 7, 2, "Rà soát, báo cáo trước ngày 01/7/2024", 1, ""),
			xc(f, 7, 3, "Văn phòng UBND tỉnh", 1, "b"),
			xc(f, 7, 4, "", 1, ""),
			xc(f, 7, 5, "2024", 1, "")),
	})
	if it := doc.Items[0]; it.Pos != (diag.Pos{File: f, Line: 1, Col: 1}) || it.Text != "" {
		t.Errorf("item 0 = pos %v text %q", it.Pos, it.Text)
	}

	const g = "kh.xlsx[Chỉ tiêu]"
	xlsxCompareRows(t, doc.Items[1].Table, []Row{
		xr(g, 2,
			xc(g, 2, 1, "", 1, ""),
			xc(g, 2, 2, "Chỉ tiêu", 1, "b"),
			xc(g, 2, 3, "", 1, ""),
			xc(g, 2, 4, "Năm 2024", 1, "b")),
		xr(g, 3,
			xc(g, 3, 1, "", 1, ""),
			xc(g, 3, 2, "Tỷ lệ hồ sơ trực tuyến", 1, ""),
			xc(g, 3, 3, "", 1, ""),
			xc(g, 3, 4, "0.5", 1, "")),
		xr(g, 5,
			xc(g, 5, 1, "", 1, ""),
			xc(g, 5, 2, "x", 1, ""),
			xc(g, 5, 3, "", 1, ""),
			xc(g, 5, 4, "", 1, "")),
	})
}

func TestReadXlsxErrors(t *testing.T) {
	var emptyZip bytes.Buffer
	if err := zip.NewWriter(&emptyZip).Close(); err != nil {
		t.Fatal(err)
	}
	var notBook bytes.Buffer
	zw := zip.NewWriter(&notBook)
	w, _ := zw.Create("word/document.xml")
	io.WriteString(w, "<w:document/>")
	zw.Close()
	book := xlsxAppendix(t)

	for name, data := range map[string][]byte{
		"garbage":   []byte("this is not a workbook \x00\x01\x02"),
		"empty":     nil,
		"empty zip": emptyZip.Bytes(),
		"docx zip":  notBook.Bytes(),
		"truncated": book[:len(book)/2],
		"ole":       append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 504)...),
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := ReadXlsx("bad.xlsx", bytes.NewReader(data))
			if err == nil {
				t.Fatalf("no error, got %+v", doc)
			}
			t.Log(err)
			var de *diag.Error
			if !errors.As(err, &de) || de.Pos.File != "bad.xlsx" {
				t.Errorf("error %q (%T) does not name the file", err, err)
			}
			if !strings.HasPrefix(err.Error(), "bad.xlsx: không đọc được tệp Excel: ") {
				t.Errorf("error = %q", err)
			}
		})
	}
}

// xlsxSmallBook is a second small workbook for the fuzz corpus.
func xlsxSmallBook(t testing.TB) []byte {
	b := xlsxNewBook(t, "A")
	b.setBold(b.f.GetSheetName(0), "B2", "Tiêu đề\ndòng hai")
	b.merge("A", "B2", "C3")
	b.set("A", "D4", "x")
	return b.bytes()
}

// xlsxCheckDoc checks the invariants of a document read from any input.
func xlsxCheckDoc(t *testing.T, name string, doc *Document) {
	t.Helper()
	for _, it := range doc.Items {
		if it.Table == nil {
			t.Fatalf("item is not a table: %+v", it)
		}
		if !strings.HasPrefix(it.Pos.File, name+"[") {
			t.Fatalf("item pos %v does not start with the name", it.Pos)
		}
		width := -1
		for _, row := range it.Table.Rows {
			if !strings.HasPrefix(row.Pos.File, name) {
				t.Fatalf("row pos %v does not start with the name", row.Pos)
			}
			w, empty := 0, true
			for _, c := range row.Cells {
				if c.Span < 1 {
					t.Fatalf("cell %+v: span < 1", c)
				}
				if !strings.HasPrefix(c.Pos.File, name) {
					t.Fatalf("cell pos %v does not start with the name", c.Pos)
				}
				if c.Merged && c.Text != "" {
					t.Fatalf("merged cell with text: %+v", c)
				}
				if c.Text != "" {
					empty = false
				}
				w += c.Span
			}
			if empty {
				t.Fatalf("empty row kept: %+v", row)
			}
			if width >= 0 && w != width {
				t.Fatalf("rows of one sheet cover %d and %d columns", width, w)
			}
			width = w
		}
	}
}

func FuzzReadXlsx(f *testing.F) {
	for _, book := range [][]byte{xlsxAppendix(f), xlsxSmallBook(f)} {
		f.Add(book)
		for _, n := range []int{len(book) - 1, len(book) - 22, len(book) / 2, 100, 4} {
			f.Add(book[:n])
		}
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := xlsxReadWithin(t, 10*time.Second, "f.xlsx", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.xlsx: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		xlsxCheckDoc(t, "f.xlsx", doc)
	})
}

// TestReadXlsxBlockMerge reads a range merged over two rows and two columns: its second
// row, having no text of its own, is dropped.
func TestReadXlsxBlockMerge(t *testing.T) {
	doc, err := ReadXlsx("s.xlsx", bytes.NewReader(xlsxSmallBook(t)))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != 1 {
		t.Fatalf("got %d items, want 1", len(doc.Items))
	}
	const f = "s.xlsx[A]"
	xlsxCompareRows(t, doc.Items[0].Table, []Row{
		xr(f, 2,
			xc(f, 2, 1, "", 1, ""),
			xc(f, 2, 2, "Tiêu đề\ndòng hai", 2, "b"),
			xc(f, 2, 4, "", 1, "")),
		xr(f, 4,
			xc(f, 4, 1, "", 1, ""),
			xc(f, 4, 2, "", 1, ""),
			xc(f, 4, 3, "", 1, ""),
			xc(f, 4, 4, "x", 1, "")),
	})
}

// xlsxReplaceParts returns the zip book with the parts named in parts replaced, so that a
// fuzzer can change a sheet's XML without breaking the zip's checksums.
func xlsxReplaceParts(t testing.TB, book []byte, parts map[string]string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if text, ok := parts[zf.Name]; ok {
			io.WriteString(w, text)
			continue
		}
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, r)
		r.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// xlsxPart returns the text of a part of the zip book.
func xlsxPart(t testing.TB, book []byte, name string) string {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// FuzzReadXlsxParts fuzzes the XML of a workbook's first sheet, its shared strings and
// its styles inside a well-formed zip, which FuzzReadXlsx rarely reaches past.
func FuzzReadXlsxParts(f *testing.F) {
	const (
		sheetPart  = "xl/worksheets/sheet1.xml"
		stringPart = "xl/sharedStrings.xml"
		stylePart  = "xl/styles.xml"
	)
	book := xlsxAppendix(f)
	for _, b := range [][]byte{book, xlsxSmallBook(f)} {
		f.Add(xlsxPart(f, b, sheetPart), xlsxPart(f, b, stringPart), xlsxPart(f, b, stylePart))
	}
	f.Add(`<worksheet><sheetData><row r="3"><c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`, "", "")
	f.Fuzz(func(t *testing.T, sheet, sst, styles string) {
		data := xlsxReplaceParts(t, book, map[string]string{sheetPart: sheet, stringPart: sst, stylePart: styles})
		doc, err := xlsxReadWithin(t, 10*time.Second, "f.xlsx", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.xlsx: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		xlsxCheckDoc(t, "f.xlsx", doc)
	})
}

// TestReadXlsxHuge checks that sheets excelize would load as a huge grid are refused
// quickly, with an error naming the file.
func TestReadXlsxHuge(t *testing.T) {
	book := xlsxSmallBook(t)
	for name, sheet := range map[string]string{
		"last row":    `<worksheet><sheetData><row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
		"cell row":    `<worksheet><sheetData><row><c r="B1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
		"wide rows":   `<worksheet><sheetData>` + xlsxWideRows(40) + `</sheetData></worksheet>`,
		"many merges": `<worksheet><sheetData/><mergeCells>` + strings.Repeat(`<mergeCell ref="A1:B2"/>`, xlsxMaxMerges+1) + `</mergeCells></worksheet>`,
	} {
		t.Run(name, func(t *testing.T) {
			data := xlsxReplaceParts(t, book, map[string]string{"xl/worksheets/sheet1.xml": sheet})
			doc, err := ReadXlsx("big.xlsx", bytes.NewReader(data))
			if err == nil {
				t.Fatalf("no error, got %+v", doc)
			}
			t.Log(err)
			if !strings.HasPrefix(err.Error(), "big.xlsx: không đọc được tệp Excel: ") {
				t.Errorf("error = %q", err)
			}
		})
	}
}

// xlsxWideRows returns n rows of sheet XML, each with a cell in the last column.
func xlsxWideRows(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, i, i)
	}
	return b.String()
}

// xlsxReadWithin reads data as ReadXlsx does, failing the test with every goroutine's
// stack if it takes longer than d: a fuzz input that makes the reader loop is a bug.
func xlsxReadWithin(t *testing.T, d time.Duration, name string, data []byte) (*Document, error) {
	t.Helper()
	type result struct {
		doc *Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		doc, err := ReadXlsx(name, bytes.NewReader(data))
		done <- result{doc, err}
	}()
	select {
	case r := <-done:
		return r.doc, r.err
	case <-time.After(d):
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		t.Fatalf("ReadXlsx did not finish in %v:\n%s", d, buf)
		return nil, nil
	}
}
