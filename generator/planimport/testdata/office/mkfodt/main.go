// Command mkfodt writes the sources of the real-office fixtures: each seed appendix as an
// OpenDocument flat file (.fodt for Writer, .fods for Calc), laid out as offices lay out
// their plans, for LibreOffice to save as .docx or .xlsx (see README.md beside it). It is
// not part of congkhai; it runs by hand:
//
//	go run ./generator/planimport/testdata/office/mkfodt -o /tmp/office
//
// The cells hold the appendix rows of content/plans/<id>/plan.toml (the seed's rows put back
// together by the editor), written as the seed prints them: the STT as an automatic Word
// list in the .docx (restarting per section, "%1.%2" under a numbered sub-section, a second
// "VII" as the printed restart), a task with several assignments as one row per
// assignment under STT and content cells merged vertically, section rows merged across the
// table, the header marked to repeat on each page and, in some, repeated as real rows, as a
// table pasted page by page has it. The titles, headers and the Vĩnh Linh opening are the
// seeds' (testdata/seeds).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"html"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"congkhai/generator/content"
)

// para is a paragraph: its text, style, and the list it is an item of.
type para struct {
	text         string
	bold, italic bool
	center       bool
	list         *listItem
}

// listItem places a paragraph in an automatic list.
type listItem struct {
	style    string // list style
	level    int    // 0-based
	id, cont string // xml:id of this list, and the one it continues ("" starts a new list)
	start    int    // a start value for the item, 0 for none
}

type cell struct {
	paras            []para
	colspan, rowspan int
	covered          bool
	bold             bool // (spreadsheet) the cell's style is bold
}

type row []cell

type table struct {
	header int // leading rows marked as the header repeated on each page
	rows   []row
	cols   int
}

// block is a paragraph or a table of the document.
type block struct {
	para  *para
	table *table
}

// fixture describes one file.
type fixture struct {
	plan    string   // content/plans/<plan>
	calc    bool     // a spreadsheet (.fods → .xlsx); else a text document (.fodt → .docx)
	opening []block  // what comes before the appendix title
	title   []para   // the appendix's title lines
	header  []row    // the table's header rows
	columns []string // roles of the columns: stt, content, lead, coop, outputs, deadline
	// sectionRow is how a top-level section is printed: "merged" (one cell "I. Title"
	// across the table) or "cell" (the number in the STT cell, the title across the rest).
	sectionRow    string
	upperSections bool // section titles printed in capitals
	colNumbers    bool // a row "(1) (2) ..." under the header
	repeatEvery   int  // the header repeated as real rows every N body rows (0: never)
	bulletOutputs bool // several outputs as a bullet list (else "- " lines)
}

func hdr(texts ...string) row {
	var r row
	for _, t := range texts {
		r = append(r, cell{paras: []para{{text: t, bold: true, center: true}}, colspan: 1, rowspan: 1, bold: true})
	}
	return r
}

func main() {
	out := flag.String("o", ".", "the folder to write the .fodt and .fods files to")
	root := flag.String("root", ".", "the module's root (content/ and testdata/seeds/ are read from it)")
	flag.Parse()

	vinhLinh := fixture{
		plan:    "vinh-linh-2024-kiem-soat-tthc",
		opening: vinhLinhOpening(filepath.Join(*root, "testdata/seeds/vinh-linh-2024-kiem-soat-tthc.txt")),
		title: []para{
			{text: "Phụ lục", bold: true, center: true},
			{text: "NỘI DUNG THỰC HIỆN KIỂM SOÁT THỦ TỤC HÀNH CHÍNH VÀ THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG NĂM 2024", bold: true, center: true},
			{text: "(Ban hành kèm theo Kế hoạch số /KH-UBND, ngày tháng 3 năm 2024 của UBND huyện)", italic: true, center: true},
		},
		header: []row{
			{cell{paras: []para{{text: "TT", bold: true}}, colspan: 1, rowspan: 2},
				cell{paras: []para{{text: "Nội dung công việc", bold: true}}, colspan: 1, rowspan: 2},
				cell{paras: []para{{text: "Phân công thực hiện", bold: true}}, colspan: 2, rowspan: 1},
				cell{covered: true},
				cell{paras: []para{{text: "Thời gian thực hiện", bold: true}}, colspan: 1, rowspan: 2}},
			{cell{covered: true}, cell{covered: true},
				cell{paras: []para{{text: "Đơn vị chủ trì", bold: true}}, colspan: 1, rowspan: 1},
				cell{paras: []para{{text: "Đơn vị thực hiện hoặc phối hợp", bold: true}}, colspan: 1, rowspan: 1},
				cell{covered: true}},
		},
		columns:     []string{"stt", "content", "lead", "coop", "deadline"},
		sectionRow:  "cell",
		repeatEvery: 8,
	}
	fixtures := []fixture{
		{
			plan: "thua-thien-hue-2022-kiem-soat-tthc",
			title: []para{
				{text: "Phụ lục", bold: true, center: true},
				{text: "KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2022 TRÊN ĐỊA BÀN TỈNH THỪA THIÊN HUẾ", bold: true, center: true},
				{text: "(Ban hành kèm theo Quyết định số 3489/QĐ-UBND ngày 30 tháng 12 năm 2021 của UBND tỉnh Thừa Thiên Huế)", italic: true, center: true},
			},
			header:        []row{hdr("Số TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Cơ quan, đơn vị phối hợp", "Sản phẩm dự kiến hoàn thành", "Thời gian thực hiện")},
			columns:       []string{"stt", "content", "lead", "coop", "outputs", "deadline"},
			sectionRow:    "cell",
			repeatEvery:   12,
			bulletOutputs: true,
		},
		{
			plan: "vinh-long-2024-kiem-soat-tthc",
			title: []para{
				{text: "PHỤ LỤC", bold: true, center: true},
				{text: "NỘI DUNG NHIỆM VỤ HOẠT ĐỘNG KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2024 TRÊN ĐỊA BÀN TỈNH VĨNH LONG", bold: true, center: true},
				{text: "(Kèm theo Quyết định số 2974/QĐ-UBND ngày 26/12/2023 của Chủ tịch UBND tỉnh)", italic: true, center: true},
			},
			header:     []row{hdr("SỐ TT", "NỘI DUNG CÔNG VIỆC", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "KẾT QUẢ THỰC HIỆN", "THỜI GIAN HOÀN THÀNH")},
			columns:    []string{"stt", "content", "lead", "coop", "outputs", "deadline"},
			sectionRow: "merged",
			colNumbers: true,
		},
		{
			plan: "vinh-long-2024-cai-cach-hanh-chinh",
			calc: true,
			title: []para{
				{text: "PHỤ LỤC", bold: true},
				{text: "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024", bold: true},
				{text: "(Kèm theo Quyết định số 2890/QĐ-UBND ngày 18/12/2023 của Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long)", italic: true},
			},
			header:        []row{hdr("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian hoàn thành")},
			columns:       []string{"stt", "content", "lead", "coop", "outputs", "deadline"},
			sectionRow:    "merged",
			upperSections: true,
			repeatEvery:   20,
		},
		vinhLinh,
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	for _, f := range fixtures {
		var p content.PlanFile
		if _, err := toml.DecodeFile(filepath.Join(*root, "content/plans", f.plan, "plan.toml"), &p); err != nil {
			log.Fatal(err)
		}
		blocks := append([]block{}, f.opening...)
		for i := range f.title {
			blocks = append(blocks, block{para: &f.title[i]})
		}
		blocks = append(blocks, block{table: f.appendix(&p)})
		ext, text := ".fodt", fodt(blocks)
		if f.calc {
			ext, text = ".fods", fods(blocks)
		}
		name := filepath.Join(*out, f.plan+ext)
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Println(name)
	}
}

// numbering tracks the automatic lists of the STT column, to continue a list where the
// printed number is the next one and to start a new one (with the printed start) where
// it is not.
type numbering struct {
	seq            int
	taskID, taskNo string // the current task list: last xml:id, and its counters
	counters       [2]int
	secID          string
	sec            int
}

func (n *numbering) newID() string { n.seq++; return "list" + strconv.Itoa(n.seq) }

// task returns the list item that prints stt ("1", "1.", "2.3") in the task list, and
// the list style it needs.
func (n *numbering) task(stt string) *listItem {
	parts := strings.Split(strings.TrimSuffix(stt, "."), ".")
	level := len(parts) - 1
	v := make([]int, len(parts))
	for i, p := range parts {
		v[i], _ = strconv.Atoi(p)
	}
	style := "LTask"
	if strings.HasSuffix(stt, ".") {
		style = "LTaskDot"
	}
	it := &listItem{style: style, level: level, id: n.newID()}
	next := n.taskID != ""
	switch level {
	case 0:
		next = next && v[0] == n.counters[0]+1
	case 1:
		next = next && v[0] == n.counters[0] && v[1] == n.counters[1]+1
	}
	if next {
		it.cont = n.taskID
	} else if v[level] != 1 {
		it.start = v[level]
	}
	n.counters[level] = v[level]
	if level == 0 {
		n.counters[1] = 0
	}
	n.taskID = it.id
	return it
}

// section returns the list item of a top-level section's roman number.
func (n *numbering) section(number, style string) *listItem {
	v := romanValue(number)
	it := &listItem{style: style, id: n.newID()}
	if n.secID != "" && v == n.sec+1 {
		it.cont = n.secID
	} else if v != 1 {
		it.start = v
	}
	n.sec, n.secID = v, it.id
	return it
}

func romanValue(s string) int {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	total := 0
	for i := 0; i < len(s); i++ {
		v := vals[s[i]]
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

var emphasis = regexp.MustCompile(`\*+`)

// lines splits a Markdown text of plan.toml into the paragraphs it prints as.
func lines(s string) []para {
	var out []para
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(emphasis.ReplaceAllString(l, "")); l != "" {
			out = append(out, para{text: l})
		}
	}
	return out
}

func textCell(s string) cell { return cell{paras: lines(s), colspan: 1, rowspan: 1} }

// appendix lays out the plan's sections and tasks as the appendix table.
func (f fixture) appendix(p *content.PlanFile) *table {
	cols := len(f.columns)
	t := &table{header: len(f.header), cols: cols}
	t.rows = append(t.rows, f.header...)
	if f.colNumbers {
		var r row
		for i := range cols {
			r = append(r, cell{paras: []para{{text: "(" + strconv.Itoa(i+1) + ")", center: true}}, colspan: 1, rowspan: 1})
		}
		t.rows = append(t.rows, r)
	}
	var n numbering
	body := 0 // body rows since the header was last printed
	emit := func(rows ...row) {
		if f.repeatEvery > 0 && body >= f.repeatEvery {
			t.rows = append(t.rows, f.header...)
			body = 0
		}
		t.rows = append(t.rows, rows...)
		body += len(rows)
	}
	span := func(first cell, rest para) row {
		r := row{first, {paras: []para{rest}, colspan: cols - 1, rowspan: 1, bold: true}}
		for range cols - 2 {
			r = append(r, cell{covered: true})
		}
		return r
	}
	for _, s := range p.Sections {
		title := s.Title
		if f.upperSections && s.Parent == "" {
			title = strings.ToUpper(title)
		}
		switch {
		case s.Parent != "": // a numbered sub-section: its number in the task list
			stt := cell{colspan: 1, rowspan: 1, bold: true}
			if f.calc {
				stt.paras = []para{{text: s.Number, bold: true}}
			} else {
				stt.paras = []para{{bold: true, list: n.task(s.Number)}}
			}
			emit(span(stt, para{text: title, bold: true}))
		case f.sectionRow == "merged":
			c := cell{colspan: cols, rowspan: 1, bold: true}
			if f.calc {
				c.paras = []para{{text: s.Number + ". " + title, bold: true}}
			} else {
				c.paras = []para{{text: title, bold: true, list: n.section(s.Number, "LSectionDot")}}
			}
			r := row{c}
			for range cols - 1 {
				r = append(r, cell{covered: true})
			}
			emit(r)
		default:
			stt := cell{colspan: 1, rowspan: 1, bold: true}
			if f.calc {
				stt.paras = []para{{text: s.Number, bold: true}}
			} else {
				stt.paras = []para{{bold: true, list: n.section(s.Number, "LSection")}}
			}
			emit(span(stt, para{text: title, bold: true}))
		}
		if !f.calc && s.Parent == "" {
			n.taskID = "" // each section numbers its tasks anew, unless they go on (see task)
		}
		for _, task := range p.Tasks {
			if task.Section != s.ID {
				continue
			}
			emit(f.taskRows(task, &n)...)
		}
	}
	return t
}

// taskRows lays out a task: one row per assignment, its STT and content merged over them.
func (f fixture) taskRows(task content.TaskRec, n *numbering) []row {
	as := task.Assignments
	if len(as) == 0 {
		as = []content.Assignment{task.Assignment}
	}
	rows := make([]row, len(as))
	for i, a := range as {
		for _, col := range f.columns {
			var c cell
			switch col {
			case "stt", "content":
				if i > 0 {
					c = cell{covered: true}
					break
				}
				c = textCell(task.Content)
				if col == "stt" {
					c = cell{colspan: 1}
					switch {
					case task.STT == "":
						c.paras = []para{{}}
					case f.calc:
						c.paras = []para{{text: task.STT}}
					default:
						c.paras = []para{{list: n.task(task.STT)}}
					}
				}
				c.rowspan = len(as)
			case "lead":
				c = textCell(a.LeadText)
			case "coop":
				c = textCell(a.CooperatingText)
			case "deadline":
				c = textCell(a.Deadline)
			case "outputs":
				c = cell{colspan: 1, rowspan: 1}
				for _, o := range a.Outputs {
					switch {
					case len(a.Outputs) == 1:
						c.paras = append(c.paras, para{text: o})
					case f.bulletOutputs && !f.calc:
						c.paras = append(c.paras, para{text: o, list: &listItem{style: "LBullet"}})
					default:
						c.paras = append(c.paras, para{text: "- " + o})
					}
				}
			}
			rows[i] = append(rows[i], c)
		}
	}
	return rows
}

// vinhLinhOpening is the Vĩnh Linh plan before its appendix, from the seed: the
// letterhead as the two-column table offices print it, the headings and paragraphs
// without the copy's Markdown, "Nơi nhận" and the signature.
func vinhLinhOpening(seed string) []block {
	f, err := os.Open(seed)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var out []block
	letterhead := &table{cols: 2, rows: []row{
		{textCell("ỦY BAN NHÂN DÂN\nHUYỆN VĨNH LINH"), textCell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")},
		{textCell("Số:      /KH-UBND"), textCell("Vĩnh Linh, ngày      tháng      năm 2024")},
	}}
	for i := range letterhead.rows {
		for j := range letterhead.rows[i] {
			for k := range letterhead.rows[i][j].paras {
				letterhead.rows[i][j].paras[k].center = true
				letterhead.rows[i][j].paras[k].bold = i == 0
				letterhead.rows[i][j].paras[k].italic = i == 1 && j == 1
			}
		}
	}
	out = append(out, block{table: letterhead})
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "Số:") || strings.HasPrefix(l, "Vĩnh Linh, ngày") { // the letterhead's lines, in the table above
			continue
		}
		if strings.Contains(l, "Phụ lục**") {
			break
		}
		bold := strings.HasPrefix(l, "#") || strings.HasPrefix(l, "**")
		l = strings.TrimSpace(strings.TrimLeft(l, "#"))
		l = strings.TrimSpace(emphasis.ReplaceAllString(l, ""))
		p := para{text: l, bold: bold, center: l == "KẾ HOẠCH"}
		out = append(out, block{para: &p})
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return out
}

// ---------------------------------------------------------------- OpenDocument

const nsDecl = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ` +
	`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
	`xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"`

// listStyles are the automatic lists: sections in roman numbers ("I", or "I." followed by
// a space), tasks ("1" and "1.1", or "1."), and the outputs' dash bullets.
const listStyles = `
<text:list-style style:name="LSection">
 <text:list-level-style-number text:level="1" style:num-format="I"/>
</text:list-style>
<text:list-style style:name="LSectionDot">
 <text:list-level-style-number text:level="1" style:num-format="I" style:num-suffix=".">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="0cm"/></style:list-level-properties>
 </text:list-level-style-number>
</text:list-style>
<text:list-style style:name="LTask">
 <text:list-level-style-number text:level="1" style:num-format="1" text:display-levels="1"/>
 <text:list-level-style-number text:level="2" style:num-format="1" text:display-levels="2"/>
</text:list-style>
<text:list-style style:name="LTaskDot">
 <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="." text:display-levels="1"/>
</text:list-style>
<text:list-style style:name="LBullet">
 <text:list-level-style-bullet text:level="1" text:bullet-char="-">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="0cm"/></style:list-level-properties>
 </text:list-level-style-bullet>
</text:list-style>`

func fodt(blocks []block) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<office:document ` + nsDecl + ` office:mimetype="application/vnd.oasis.opendocument.text">` + "\n")
	b.WriteString(`<office:styles>` + listStyles + "\n</office:styles>\n")
	b.WriteString(`<office:automatic-styles>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="Page" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:break-before="page"/></style:style>
</office:automatic-styles>
<office:body><office:text>
`)
	tables := 0
	pageBreak := false
	for _, bl := range blocks {
		if bl.para != nil {
			p := *bl.para
			if pageBreak && p.center && strings.EqualFold(p.text, "phụ lục") {
				b.WriteString(`<text:p text:style-name="Page">` + runs(p) + "</text:p>\n")
				continue
			}
			writePara(&b, p)
			continue
		}
		tables++
		t := bl.table
		fmt.Fprintf(&b, "<table:table table:name=\"Bảng%d\">\n<table:table-column table:number-columns-repeated=\"%d\"/>\n", tables, t.cols)
		for i, r := range t.rows {
			if i == 0 && t.header > 0 {
				b.WriteString("<table:table-header-rows>\n")
			}
			b.WriteString("<table:table-row>")
			for _, c := range r {
				if c.covered {
					b.WriteString("<table:covered-table-cell/>")
					continue
				}
				b.WriteString("<table:table-cell")
				if c.colspan > 1 {
					fmt.Fprintf(&b, ` table:number-columns-spanned="%d"`, c.colspan)
				}
				if c.rowspan > 1 {
					fmt.Fprintf(&b, ` table:number-rows-spanned="%d"`, c.rowspan)
				}
				b.WriteString(` office:value-type="string">`)
				if len(c.paras) == 0 {
					b.WriteString("<text:p/>")
				}
				for _, p := range c.paras {
					writePara(&b, p)
				}
				b.WriteString("</table:table-cell>")
			}
			b.WriteString("</table:table-row>\n")
			if i == t.header-1 {
				b.WriteString("</table:table-header-rows>\n")
			}
		}
		b.WriteString("</table:table>\n")
		pageBreak = true
	}
	b.WriteString("</office:text></office:body></office:document>\n")
	return b.String()
}

func writePara(b *strings.Builder, p para) {
	open, closeTag := `<text:p>`, `</text:p>`
	if p.center {
		open = `<text:p text:style-name="C">`
	}
	body := open + runs(p) + closeTag
	if l := p.list; l != nil {
		item := "<text:list-item"
		if l.start > 0 {
			item += fmt.Sprintf(` text:start-value="%d"`, l.start)
		}
		item += ">"
		inner := body
		for range l.level {
			inner = "<text:list><text:list-item>" + inner + "</text:list-item></text:list>"
		}
		attrs := fmt.Sprintf(` text:style-name="%s"`, l.style)
		if l.id != "" {
			attrs = fmt.Sprintf(` xml:id="%s"`, l.id) + attrs
		}
		if l.cont != "" {
			attrs += fmt.Sprintf(` text:continue-list="%s"`, l.cont)
		}
		body = "<text:list" + attrs + ">" + item + inner + "</text:list-item></text:list>"
	}
	b.WriteString(body)
	b.WriteString("\n")
}

var spaces = regexp.MustCompile(`  +`)

// runs writes a paragraph's text, runs of spaces kept as ODF keeps them.
func runs(p para) string {
	t := html.EscapeString(p.text)
	t = spaces.ReplaceAllStringFunc(t, func(s string) string { return fmt.Sprintf(` <text:s text:c="%d"/>`, len(s)-1) })
	switch {
	case t == "":
		return ""
	case p.bold:
		return `<text:span text:style-name="B">` + t + `</text:span>`
	case p.italic:
		return `<text:span text:style-name="I">` + t + `</text:span>`
	}
	return t
}

// fods writes the blocks as one sheet: each paragraph a row of one cell merged across the
// table's width, then the table.
func fods(blocks []block) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<office:document ` + nsDecl + ` office:mimetype="application/vnd.oasis.opendocument.spreadsheet">` + "\n")
	b.WriteString(`<office:automatic-styles>
<style:style style:name="ce1" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="ce2" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap"/><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="ce3" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Phụ lục">
`)
	width := 0
	for _, bl := range blocks {
		if bl.table != nil {
			width = max(width, bl.table.cols)
		}
	}
	fmt.Fprintf(&b, "<table:table-column table:number-columns-repeated=\"%d\"/>\n", width)
	cellXML := func(c cell) string {
		if c.covered {
			return "<table:covered-table-cell/>"
		}
		style := "ce3"
		if c.bold {
			style = "ce1"
		}
		if len(c.paras) > 0 && c.paras[0].italic {
			style = "ce2"
		}
		s := `<table:table-cell table:style-name="` + style + `" office:value-type="string"`
		if c.colspan > 1 {
			s += fmt.Sprintf(` table:number-columns-spanned="%d"`, c.colspan)
		}
		if c.rowspan > 1 {
			s += fmt.Sprintf(` table:number-rows-spanned="%d"`, c.rowspan)
		}
		s += ">"
		for _, p := range c.paras {
			s += "<text:p>" + html.EscapeString(p.text) + "</text:p>"
		}
		return s + "</table:table-cell>"
	}
	for _, bl := range blocks {
		if bl.para != nil {
			c := cell{paras: []para{*bl.para}, colspan: width, bold: bl.para.bold}
			b.WriteString("<table:table-row>" + cellXML(c) + strings.Repeat("<table:covered-table-cell/>", width-1) + "</table:table-row>\n")
			continue
		}
		b.WriteString("<table:table-row><table:table-cell/></table:table-row>\n") // a blank row above the table
		for _, r := range bl.table.rows {
			b.WriteString("<table:table-row>")
			for _, c := range r {
				b.WriteString(cellXML(c))
			}
			b.WriteString("</table:table-row>\n")
		}
	}
	b.WriteString("</table:table>\n</office:spreadsheet></office:body></office:document>\n")
	return b.String()
}
