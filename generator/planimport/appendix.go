package planimport

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"congkhai/generator/content"
	"congkhai/generator/diag"
	"congkhai/generator/fold"
	"congkhai/generator/planread"
	"congkhai/generator/schedule"
)

// This file reads a plan's appendix: the numbered headings between its tables and the rows
// of its tables, into sections, tasks and indicators.

var (
	arabicNumber = regexp.MustCompile(`^\d+(\.\d+)*\.?$`)
	romanNumber  = regexp.MustCompile(`^([IVXL]+|[A-Z])\.?$`)
	// numberedText is a number followed by a title in one cell or paragraph: "II Kiểm soát
	// thủ tục hành chính", "9.1. Chỉ tiêu giao tại ...".
	numberedText = regexp.MustCompile(`^(\d+(?:\.\d+)*(?:\.|\s)|[IVXL]+(?:\.|\s)|[A-Z]\.)\s*(\S.*)$`)
	columnNumber = regexp.MustCompile(`^\(?\d+\)?$`)
)

// findAppendix returns the index of the item where the appendix starts: the first table
// with a header naming a content column, or the numbered headings right before it; and
// that table's index. -1, -1 if the document has no such table.
func findAppendix(items []planread.Item) (start, table int) {
	for i, it := range items {
		if it.Table == nil {
			continue
		}
		if _, cols, _ := tableHeader(it.Table); cols != nil {
			start = i
			for start > 0 && items[start-1].Table == nil && (items[start-1].Text == "" || isHeading(items[start-1].Text)) {
				start--
			}
			for start < i && items[start].Text == "" {
				start++
			}
			return start, i
		}
	}
	return -1, -1
}

// liftTitleRows returns items with the rows above each table's header taken out of the
// table as paragraphs: an Excel sheet holds the plan's text, title and section heading in
// rows of one cell above the table's header.
func liftTitleRows(items []planread.Item) []planread.Item {
	var out []planread.Item
	for _, it := range items {
		t := it.Table
		k := 0
		for t != nil && k < len(t.Rows) && !tableHeaderAt(t, k) && filled(t.Rows[k]) <= 1 {
			k++
		}
		if t == nil || k == 0 || k == len(t.Rows) || !tableHeaderAt(t, k) {
			out = append(out, it)
			continue
		}
		for _, row := range t.Rows[:k] {
			p := planread.Item{Pos: row.Pos}
			for _, c := range row.Cells {
				if c.Text != "" {
					p.Text, p.Bold = c.Text, c.Bold
				}
			}
			out = append(out, p)
		}
		out = append(out, planread.Item{Table: &planread.Table{Rows: t.Rows[k:], Pos: t.Rows[k].Pos}, Pos: t.Rows[k].Pos})
	}
	return out
}

// filled counts the cells of a row that hold text.
func filled(row planread.Row) int {
	n := 0
	for _, c := range row.Cells {
		if strings.TrimSpace(c.Text) != "" {
			n++
		}
	}
	return n
}

func tableHeaderAt(t *planread.Table, k int) bool {
	_, cols, _ := tableHeader(&planread.Table{Rows: t.Rows[k:]})
	return cols != nil
}

// isHeading reports whether a paragraph is a numbered heading of the appendix.
func isHeading(s string) bool {
	m := numberedText.FindStringSubmatch(s)
	return m != nil && utf8.RuneCountInString(s) < 400 && startsUpper(m[2])
}

// tableHeader finds a table's header rows among its first rows: it returns how many rows
// the header takes and the columns they name, or nil columns if the table has no header
// naming a content column.
func tableHeader(t *planread.Table) (n int, cols Columns, indicator bool) {
	for n < len(t.Rows) && n < 3 && IsHeader(t.Rows[n]) {
		n++
	}
	if n == 0 {
		return 0, nil, false
	}
	cols = HeaderColumns(t.Rows[:n])
	if cols.Index(Content) < 0 {
		return 0, nil, false
	}
	indicator = cols.Index(Unit) >= 0 || cols.Index(Target) >= 0 || cols.Index(Evaluating) >= 0
	return n, cols, indicator
}

// gridRow is a row laid out on its table's grid: one cell per grid column, a spanning cell
// at the first column it covers (the columns after it empty).
type gridRow struct {
	cells []planread.Cell
	pos   diag.Pos
}

func grid(row planread.Row, width int, above *gridRow) gridRow {
	g := gridRow{cells: make([]planread.Cell, max(width, 1)), pos: row.Pos}
	at := 0
	for _, c := range row.Cells {
		if at >= len(g.cells) {
			g.cells = append(g.cells, make([]planread.Cell, at-len(g.cells)+1)...)
		}
		if c.Merged && above != nil && at < len(above.cells) {
			// A vertically merged cell holds the text of the cell it continues.
			c.Text, c.Bold = above.cells[at].Text, above.cells[at].Bold
		}
		g.cells[at] = c
		at += max(c.Span, 1)
	}
	return g
}

// cell returns the cell of role, or the empty cell.
func (g gridRow) cell(cols Columns, role Role) planread.Cell {
	if i := cols.Index(role); i >= 0 && i < len(g.cells) {
		return g.cells[i]
	}
	return planread.Cell{}
}

func (g gridRow) text(cols Columns, role Role) string {
	return strings.TrimSpace(g.cell(cols, role).Text)
}

// spanning returns the cell covering all of the row but its number column, if the
// row is one.
func (g gridRow) spanning() (planread.Cell, bool) {
	for _, c := range g.cells {
		if c.Span >= len(g.cells)-1 && len(g.cells) > 2 && c.Text != "" {
			return c, true
		}
	}
	return planread.Cell{}, false
}

// firstText is the text of the row's first cell that has any.
func (g gridRow) firstText() string {
	for _, c := range g.cells {
		if t := strings.TrimSpace(c.Text); t != "" {
			return t
		}
	}
	return ""
}

// detailRoles are the columns of a task or indicator besides its number and content.
var detailRoles = []Role{Lead, Cooperating, Output, Deadline, Notes, Evaluating, Unit, Target}

func (g gridRow) hasDetail(cols Columns) bool {
	return slices.ContainsFunc(detailRoles, func(r Role) bool { return g.text(cols, r) != "" })
}

// record is a task or indicator being read: its cells by role, one set per assignment,
// appended to by continuation rows until the next record starts.
type record struct {
	indicator bool
	section   string
	stt, stt2 string
	pos       diag.Pos
	unsure    string // why the record itself needs checking, if it does
	content   cellText
	parts     []map[Role]*cellText // one per assignment; indicators have one
}

// cellText is the text of a cell, with the cells of continuation rows appended.
type cellText struct {
	lines []string
	pos   diag.Pos
}

func (c *cellText) add(cell planread.Cell) {
	if t := strings.TrimSpace(cell.Text); t != "" {
		if len(c.lines) == 0 {
			c.pos = cell.Pos
		}
		c.lines = append(c.lines, strings.Split(t, "\n")...)
	}
}

// reader holds the state of reading an appendix.
type reader struct {
	ns       *notes
	agencies agencies
	year     int
	plan     *content.PlanFile
	existing *content.PlanFile

	sectionIDs map[string]bool
	heading    string // the section of the latest numbered heading paragraph
	table      string // the latest section row of a table
	sub        string // the latest sub-section row
	rec        *record
	titled     int        // the section whose title a row without a number may go on with, or -1
	taskPos    []diag.Pos // where each task of plan.Tasks starts in the source
	indPos     []diag.Pos // and each indicator

	cells, warned map[diag.Pos]bool // source cells read, and those a note was written about
}

// current is the section tasks go to now.
func (r *reader) current() string {
	return cmp.Or(r.sub, r.table, r.heading)
}

// section adds a section and returns its ID: the existing plan's ID for the same number
// and title, else one made from the number under its parent's ("3-i", "ii-1", "9-1").
func (r *reader) section(number, title, parent string, pos diag.Pos) string {
	number = strings.TrimSpace(number)
	if romanNumber.MatchString(number) {
		number = strings.TrimSuffix(number, ".") // "I." and "I" are the same section number
	}
	title = strings.TrimSpace(strings.TrimSuffix(joinLines(title), ":"))
	id := ""
	if r.existing != nil {
		for _, s := range r.existing.Sections {
			if s.Number == number && s.Parent == parent && sameText(s.Title, title) && !r.sectionIDs[s.ID] {
				id = s.ID
				break
			}
		}
	}
	if id == "" {
		id = fold.Slug(strings.ReplaceAll(strings.TrimSuffix(number, "."), ".", "-"))
		if id == "" {
			id = "muc"
		}
		if parent != "" && !strings.HasPrefix(id, parent+"-") {
			id = parent + "-" + id
		}
		base := id
		for n := 'b'; r.sectionIDs[id]; n++ {
			id = fmt.Sprintf("%s-%c", base, n) // a number printed twice: "vii", "vii-b"
		}
	}
	r.sectionIDs[id] = true
	r.plan.Sections = append(r.plan.Sections, content.SectionRec{ID: id, Number: number, Title: title, Parent: parent})
	r.titled = len(r.plan.Sections) - 1
	r.read(pos)
	r.ns.read(pos, "mục %s %q → mã %q", number, clip(title), id)
	return id
}

// read counts a source cell as read; warn marks it as the subject of a note.
func (r *reader) read(pos diag.Pos) { r.cells[pos] = true }
func (r *reader) warn(pos diag.Pos) { r.warned[pos] = true }

// heading reads a numbered paragraph between the appendix tables: "1. Thực hiện ...",
// "9.1. Chỉ tiêu ...". Its depth is its number's: "9.1." goes under "9.".
func (r *reader) headingParagraph(it planread.Item) {
	m := numberedText.FindStringSubmatch(it.Text)
	number := strings.TrimSpace(m[1])
	parent := ""
	if parts := strings.Split(strings.TrimSuffix(number, "."), "."); len(parts) > 1 {
		want := strings.Join(parts[:len(parts)-1], ".")
		for i := len(r.plan.Sections) - 1; i >= 0; i-- {
			if s := r.plan.Sections[i]; strings.TrimSuffix(s.Number, ".") == want {
				parent = s.ID
				break
			}
		}
	}
	r.finish()
	r.heading = r.section(number, m[2], parent, it.Pos)
	r.table, r.sub = "", ""
}

// rows reads the body rows of one table.
func (r *reader) rows(t *planread.Table, from int, cols Columns, indicator bool) {
	var above *gridRow
	for i := from; i < len(t.Rows); i++ {
		g := grid(t.Rows[i], len(cols), above)
		above = &g
		r.row(g, cols, indicator, t.Rows[i+1:])
	}
}

func (r *reader) row(g gridRow, cols Columns, indicator bool, next []planread.Row) {
	num := g.text(cols, Number)
	if IsHeader(planread.Row{Cells: g.cells}) || isColumnNumbers(g) {
		return // a header repeated after a page break, or the row numbering the columns
	}
	content := g.text(cols, Content)
	detail := g.hasDetail(cols)
	if r.sameTask(g, cols, num, content) {
		r.taskPart(g, cols)
		return
	}
	if span, ok := g.spanning(); ok && !detail {
		// A section row written as one cell across the table: "I. CÔNG TÁC CHỈ ĐẠO".
		if m := numberedText.FindStringSubmatch(span.Text); m != nil && num == "" {
			r.sectionRow(strings.TrimSpace(m[1]), m[2], g.pos)
			return
		}
	}
	if num == "" {
		// A row numbered in no column: nothing, the rest of a row split across pages, a
		// second assignment of the task above, or a task printed without a number.
		title := cmp.Or(content, g.firstText())
		if title == "" {
			return
		}
		if m := numberedText.FindStringSubmatch(title); m != nil && !detail && content == "" {
			r.sectionRow(strings.TrimSpace(m[1]), m[2], g.pos)
			return
		}
		r.unnumbered(g, cols, indicator)
		return
	}
	if m := numberedText.FindStringSubmatch(num); m != nil && !arabicNumber.MatchString(num) && !romanNumber.MatchString(num) {
		// Number and title in the number cell: "II Kiểm soát thủ tục hành chính".
		r.sectionRow(strings.TrimSpace(m[1]), m[2]+" "+content, g.pos)
		return
	}
	switch {
	case romanNumber.MatchString(num):
		r.sectionRow(num, cmp.Or(content, gridRow{cells: g.cells[1:]}.firstText()), g.pos)
	case arabicNumber.MatchString(num) && !indicator && !detail && opensNumbering(num, next, cols):
		r.sectionRow(num, content, g.pos)
	case arabicNumber.MatchString(num):
		r.read(g.cell(cols, Number).Pos)
		r.start(&record{indicator: indicator, stt: num, stt2: g.text(cols, Number2), pos: g.pos}, g, cols)
	default:
		r.finish()
		r.ns.skipped(g.pos, "dòng có số thứ tự %q không đọc được: không nhập", num)
		r.warn(g.cell(cols, Number).Pos)
	}
}

// sameTask reports whether row g goes on with the task being read though it has a
// number: its number and content cells are those of the task's first row merged down
// (Thừa Thiên Huế 3.1: one task, an agency, output and deadline on each row), or a copy
// that repeated the merged cells' text on each row.
func (r *reader) sameTask(g gridRow, cols Columns, num, content string) bool {
	rec := r.rec
	if rec == nil || rec.indicator || num == "" || num != rec.stt {
		return false
	}
	if g.cell(cols, Number).Merged {
		return g.cell(cols, Content).Merged || content == ""
	}
	// The text of merged cells repeated: the same number and content, and an agency of
	// its own.
	return content != "" && g.text(cols, Lead) != "" && sameText(content, strings.Join(rec.content.lines, "\n"))
}

// taskPart reads a row of the task being read under its merged number and content: with
// an agency of its own, it is another assignment; without, the rest of the row above,
// split across a page. Cells merged down from the row above count once.
func (r *reader) taskPart(g gridRow, cols Columns) {
	rec := r.rec
	merged := g.cell(cols, Number).Merged
	if g.text(cols, Lead) != "" && !g.cell(cols, Lead).Merged {
		rec.parts = append(rec.parts, map[Role]*cellText{})
		how := "ô số thứ tự và nội dung gộp dọc"
		if !merged {
			how = "dòng lặp lại số thứ tự và nội dung"
		}
		r.ns.read(g.pos, "phần giao việc thứ %d của nhiệm vụ %s ở dòng %d (%s)", len(rec.parts), rec.stt, rec.pos.Line, how)
		r.addDetail(rec, g, cols)
		return
	}
	r.ns.read(g.pos, "phần tiếp của nhiệm vụ %s ở dòng %d (ô số thứ tự và nội dung gộp dọc): nối vào từng ô", rec.stt, rec.pos.Line)
	rest := gridRow{cells: slices.Clone(g.cells), pos: g.pos}
	for i := range rest.cells {
		if rest.cells[i].Merged {
			rest.cells[i].Text = ""
		}
	}
	r.addDetail(rec, rest, cols)
}

// duplicates notes each task that has the number and content of an earlier task of its
// section: congkhai check refuses such a plan, as the site would show the task twice.
// (Rows that repeat the task right above are its assignments: see sameTask.)
func (r *reader) duplicates() {
	seen := map[string]int{}
	for i, t := range r.plan.Tasks {
		key := t.Section + "\x00" + t.STT + "\x00" + textKey(t.Content)
		j, dup := seen[key]
		if !dup {
			seen[key] = i
			continue
		}
		r.ns.unsure(r.taskPos[i], "nhiệm vụ %s có cùng số và nội dung với nhiệm vụ ở dòng %d trong cùng mục (congkhai check sẽ báo lỗi): nếu là các phần giao việc của một nhiệm vụ thì gộp ô số thứ tự và nội dung của các dòng rồi nhập lại, nếu dòng bị in lặp thì bỏ một dòng",
			cmp.Or(t.STT, "(không số)"), r.taskPos[j].Line)
	}
}

// sectionRow reads a section row of a table: roman numbers (and single letters) are the
// table's sections, under the latest heading paragraph; arabic ones its sub-sections.
func (r *reader) sectionRow(number, title string, pos diag.Pos) {
	r.finish()
	if romanNumber.MatchString(number) {
		r.table = r.section(number, title, r.heading, pos)
		r.sub = ""
		return
	}
	r.sub = r.section(number, title, cmp.Or(r.table, r.heading), pos)
}

// opensNumbering reports whether the next numbered row of the table is numbered under num
// ("2" followed by "2.1"): num is then a sub-section, not a task.
func opensNumbering(num string, next []planread.Row, cols Columns) bool {
	i := cols.Index(Number)
	prefix := strings.TrimSuffix(num, ".") + "."
	for _, row := range next {
		g := grid(row, len(cols), nil)
		if n := strings.TrimSpace(g.cells[i].Text); n != "" && !IsHeader(row) {
			return strings.HasPrefix(n, prefix) && len(n) > len(prefix)
		}
	}
	return false
}

func isColumnNumbers(g gridRow) bool {
	n := 0
	for _, c := range g.cells {
		if t := strings.TrimSpace(c.Text); t != "" {
			if !columnNumber.MatchString(t) {
				return false
			}
			n++
		}
	}
	return n >= 3
}

// unnumbered reads a row without a number.
func (r *reader) unnumbered(g gridRow, cols Columns, indicator bool) {
	content := g.text(cols, Content)
	lead := g.text(cols, Lead)
	if r.rec == nil && r.titled >= 0 && !g.hasDetail(cols) {
		// The rest of a section's title, split across a page.
		s := &r.plan.Sections[r.titled]
		s.Title = joinLines(s.Title + "\n" + g.firstText())
		r.read(g.pos)
		return
	}
	lower := slices.ContainsFunc(g.cells, func(c planread.Cell) bool {
		t := strings.TrimSpace(c.Text)
		return t != "" && !startsUpper(t) && !startsBullet(t)
	})
	done := g.text(cols, Deadline) != "" || g.text(cols, Output) != "" || cols.Index(Deadline) < 0
	switch {
	case r.rec != nil && lower:
		// The rest of the row above, split across a page: cell by cell.
		r.ns.read(g.pos, "phần tiếp của dòng %d (tách qua trang): nối vào từng ô", r.rec.pos.Line)
		r.continued(g, cols)
	case r.rec != nil && !r.rec.indicator && content == "" && lead != "" && done:
		// Another agency, output and deadline for the same task (a second assignment).
		r.rec.parts = append(r.rec.parts, map[Role]*cellText{})
		r.ns.read(g.pos, "phần giao việc thứ %d của dòng %d", len(r.rec.parts), r.rec.pos.Line)
		r.addDetail(r.rec, g, cols)
	case content != "" && (lead != "" && done || r.rec == nil):
		r.start(&record{indicator: indicator, pos: g.pos,
			unsure: "dòng không có số thứ tự, nhập thành nhiệm vụ riêng: nếu là phần tiếp của dòng trên thì nối lại"}, g, cols)
	case r.rec != nil:
		r.ns.read(g.pos, "phần tiếp của dòng %d: nối vào từng ô", r.rec.pos.Line)
		r.continued(g, cols)
	default:
		r.ns.skipped(g.pos, "dòng không có số thứ tự và nội dung, không thuộc nhiệm vụ nào: không nhập")
		for _, c := range g.cells {
			r.warn(c.Pos)
		}
	}
}

// start begins a task or indicator with the cells of row g, in the current section.
func (r *reader) start(rec *record, g gridRow, cols Columns) {
	r.finish()
	rec.section = r.current()
	rec.parts = []map[Role]*cellText{{}}
	r.rec, r.titled = rec, -1
	r.continued(g, cols)
}

func (r *reader) continued(g gridRow, cols Columns) {
	r.rec.content.add(g.cell(cols, Content))
	r.addDetail(r.rec, g, cols)
}

func (r *reader) addDetail(rec *record, g gridRow, cols Columns) {
	part := rec.parts[len(rec.parts)-1]
	for _, role := range detailRoles {
		c := g.cell(cols, role)
		if strings.TrimSpace(c.Text) == "" {
			continue
		}
		if part[role] == nil {
			part[role] = &cellText{}
		}
		part[role].add(c)
	}
}

// finish turns the record being read into a task or indicator.
func (r *reader) finish() {
	rec := r.rec
	if rec == nil {
		return
	}
	r.rec = nil
	r.read(rec.content.pos)
	if rec.unsure != "" {
		r.ns.unsure(rec.pos, "%s", rec.unsure)
		r.warn(rec.content.pos)
	}
	if rec.indicator {
		part := rec.parts[0]
		ind := content.IndicatorRec{Section: rec.section, STT: rec.stt, Name: joinLines(strings.Join(rec.content.lines, "\n"))}
		ind.Unit, _ = r.text(part, Unit)
		ind.Target, _ = r.text(part, Target)
		ind.Responsible = r.responsible(part)
		ev, pos := r.text(part, Evaluating)
		ind.Evaluating, ind.EvaluatingText = r.resolve(ev, pos), ev
		ind.Notes, _ = r.text(part, Notes)
		r.plan.Indicators = append(r.plan.Indicators, ind)
		r.indPos = append(r.indPos, rec.pos)
		return
	}
	task := content.TaskRec{Section: rec.section, STT: rec.stt, STT2: rec.stt2, Content: joinLines(strings.Join(rec.content.lines, "\n"))}
	for _, part := range rec.parts {
		a := content.Assignment{Responsible: r.responsible(part)}
		if c := part[Output]; c != nil {
			r.read(c.pos)
			a.Outputs = outputs(c.lines)
		}
		var pos diag.Pos
		a.Deadline, pos = r.text(part, Deadline)
		if a.Deadline != "" && schedule.Parse(a.Deadline, r.year).Kind == schedule.KindText {
			r.ns.unsure(pos, "thời hạn %q không đọc được thành mốc thời gian: trang nhiệm vụ sẽ không tính hạn; sửa lại nếu in sai", a.Deadline)
			r.warn(pos)
		}
		task.Assignments = append(task.Assignments, a)
	}
	if c := rec.parts[0][Notes]; c != nil {
		r.read(c.pos)
		task.Notes = joinLines(strings.Join(c.lines, "\n"))
	}
	if len(task.Assignments) == 1 {
		task.Assignment, task.Assignments = task.Assignments[0], nil
	}
	r.plan.Tasks = append(r.plan.Tasks, task)
	r.taskPos = append(r.taskPos, rec.pos)
}

// text returns the cell of role in part as one line of text, and where it starts, counting
// it as read.
func (r *reader) text(part map[Role]*cellText, role Role) (string, diag.Pos) {
	c := part[role]
	if c == nil {
		return "", diag.Pos{}
	}
	r.read(c.pos)
	return strings.Join(c.lines, " "), c.pos
}

func (r *reader) responsible(part map[Role]*cellText) content.Responsible {
	lead, lpos := r.text(part, Lead)
	coop, cpos := r.text(part, Cooperating)
	return content.Responsible{Lead: r.resolve(lead, lpos), LeadText: lead, Cooperating: r.resolve(coop, cpos), CooperatingText: coop}
}

// resolve finds the agencies of a cell and notes the names the registry lacks.
func (r *reader) resolve(text string, pos diag.Pos) []string {
	if text == "" {
		return nil
	}
	ids, unknown := r.agencies.resolve(text)
	if len(unknown) == 0 {
		return ids
	}
	var names []string
	for _, name := range unknown {
		n := fmt.Sprintf("%q", name)
		if near := r.agencies.nearest(name); near != "" {
			n += fmt.Sprintf(" (gần nhất: %s)", near)
		}
		names = append(names, n)
	}
	r.ns.unsure(pos, "không có cơ quan %s trong danh mục agencies/%s.toml: thêm tên vào aliases của cơ quan đúng (hoặc thêm cơ quan) rồi nhập lại",
		strings.Join(names, ", "), r.plan.Authority)
	r.warn(pos)
	return ids
}

// joinLines joins the lines of a cell into text: a line break is kept before a bullet or
// a numbered point and after a finished sentence; elsewhere it is where the copy wrapped
// a sentence, and becomes a space.
func joinLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	var b strings.Builder
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if i > 0 {
			prev := lines[i-1]
			if startsBullet(line) || strings.ContainsAny(prev[len(prev)-1:], ".;:!?") && startsUpper(line) {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

var bullet = regexp.MustCompile(`^([-+•*–]\s|[a-zđ]\)\s|\d+[.)]\s)`)

func startsBullet(s string) bool { return bullet.MatchString(s) }

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“(%", r)
}

// outputs splits an output cell into its items: one per bullet or line of its own, or a
// "- a; - b" list on one line.
func outputs(lines []string) []string {
	var out []string
	for line := range strings.SplitSeq(joinLines(strings.Join(lines, "\n")), "\n") {
		items := []string{line}
		if strings.HasPrefix(line, "- ") {
			items = strings.Split(line, " - ")
		}
		for _, item := range items {
			if item = strings.TrimSpace(itemBullet.ReplaceAllString(item, "")); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

var listMark = regexp.MustCompile(`(^|\s)[-+•]\s`)

var itemBullet = regexp.MustCompile(`^[-+•*–]\s`)

// sameText compares two texts as a person would: ignoring case, emphasis, list markers and
// spacing.
func sameText(a, b string) bool { return textKey(a) == textKey(b) }

func textKey(s string) string {
	s = strings.NewReplacer("**", "", "*", "", "_", "").Replace(listMark.ReplaceAllString(s, " "))
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}
