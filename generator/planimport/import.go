package planimport

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"congkhai/generator/content"
	"congkhai/generator/diag"
	"congkhai/generator/fold"
	"congkhai/generator/planread"
	"congkhai/generator/vocab"
)

// Options are what an import needs besides the document.
type Options struct {
	Name     string              // the source file's name, for positions of the plan as a whole
	Registry *content.AgencyFile // the agencies of the plan's authority
	Year     int                 // the plan's year; 0 takes it from the document
	ID       string              // the plan's folder name; "" makes one (see ID)
	// Existing returns the plan already in content under id, or nil. The document is then
	// its new version: tasks whose content did not change keep their IDs, and what a person
	// added to the plan (short title, source, editor notes, a task's editor note) is kept.
	// A nil Existing means there is none.
	Existing func(id string) (*content.PlanFile, error)
}

// Result is a plan read from a document, and the report of the reading.
type Result struct {
	Plan *content.PlanFile
	// Revision reports that the plan was already in content: its IDs were kept.
	Revision bool
	Notes    []Note // what was read (Level Read), unsure or skipped, in source order
	// Cells counts the table cells and headings read into the plan; Clean those of them no
	// note is about.
	Cells, Clean int
	// Kept counts the tasks and indicators that kept an existing ID; Dropped lists the
	// existing ones the document no longer has.
	Kept    int
	Dropped []string
}

// Import reads a plan from doc: the decision's metadata from the text before the
// appendix, the sections, tasks and indicators from the appendix. It fails only when the
// document has no appendix table; everything else it could not read for sure is in the
// result's notes.
func Import(doc *planread.Document, o Options) (*Result, error) {
	items := liftTitleRows(doc.Items)
	start, first := findAppendix(items)
	if first < 0 {
		return nil, diag.Errorf(diag.Pos{File: o.Name}, "không tìm thấy bảng phụ lục: cần một bảng có dòng tiêu đề với cột số thứ tự và nội dung (STT, Nội dung, Cơ quan chủ trì, ...)")
	}
	var ns notes
	dec := readDecision(items[:start], &ns)
	p := &content.PlanFile{Authority: o.Registry.ID, Title: dec.Title, Year: cmp.Or(o.Year, dec.Year), Document: dec.Document}
	p.Kind = planKind(p.Title + " " + dec.Document.Title)
	if p.Kind == vocab.PlanOther {
		p.Kind = planKind(dec.Appendix) // a source that is the appendix alone
	}
	p.ID = o.ID
	if p.ID == "" {
		if p.Year == 0 {
			return nil, diag.Errorf(diag.Pos{File: o.Name}, "không tìm thấy năm của kế hoạch trong văn bản: cho biết năm, hoặc tên thư mục của kế hoạch")
		}
		p.ID = ID(p)
	}
	var existing *content.PlanFile
	if o.Existing != nil {
		var err error
		if existing, err = o.Existing(p.ID); err != nil {
			return nil, err
		}
	}
	if existing != nil {
		keep(p, existing)
	}
	r := &reader{ns: &ns, agencies: newAgencies(o.Registry), year: p.Year, plan: p, existing: existing,
		titled: -1, sectionIDs: map[string]bool{}, cells: map[diag.Pos]bool{}, warned: map[diag.Pos]bool{}}
	var cols Columns
	indicator := false
	for _, it := range items[start:] {
		switch {
		case it.Table != nil:
			n, c, ind := tableHeader(it.Table)
			switch {
			case c != nil:
				cols, indicator = c, ind
			case cols != nil && tableWidth(it.Table) == len(cols):
				// A table without a header goes on with the columns of the one before: the
				// same table broken by a page or pasted in parts.
			default:
				r.finish()
				ns.skipped(it.Pos, "bảng không có dòng tiêu đề nêu các cột (STT, Nội dung, ...) và khác số cột với bảng trước: không nhập")
				continue
			}
			r.rows(it.Table, n, cols, indicator)
		case isHeading(it.Text):
			r.headingParagraph(it)
		case strings.TrimSpace(it.Text) != "":
			r.finish()
			ns.skipped(it.Pos, "đoạn văn trong phần phụ lục, không thuộc bảng nào: không nhập (%s)", clip(it.Text))
		}
	}
	r.finish()
	r.duplicates()

	res := &Result{Plan: p, Revision: existing != nil}
	used := map[string]bool{}
	var old, oldInd []item
	if existing != nil {
		old, oldInd = taskItems(existing.Tasks, nil), indicatorItems(existing.Indicators, nil)
	}
	k1, d1 := assignIDs(taskItems(p.Tasks, r.taskPos), old, used, &ns)
	k2, d2 := assignIDs(indicatorItems(p.Indicators, r.indPos), oldInd, used, &ns)
	res.Kept = k1 + k2
	for i, t := range p.Tasks {
		ns.read(r.taskPos[i], "nhiệm vụ %s → mã %q, mục %q", cmp.Or(t.STT, "(không số)"), t.ID, t.Section)
	}
	for i, in := range p.Indicators {
		ns.read(r.indPos[i], "chỉ tiêu %s → mã %q, mục %q", in.STT, in.ID, in.Section)
	}
	for _, d := range slices.Concat(d1, d2) {
		res.Dropped = append(res.Dropped, *d.id)
		ns.unsure(diag.Pos{File: o.Name}, "mục %s %q (mã %q) của kế hoạch đang có không còn trong văn bản này: trang của nó sẽ mất, và báo cáo tiến độ ghi mã này sẽ báo lỗi", d.stt, clip(d.text), *d.id)
	}
	if existing != nil {
		carryOver(p, existing)
		noteAddedAndDropped(p, existing, d1)
	}
	for pos := range r.cells {
		if pos != (diag.Pos{}) {
			res.Cells++
			if !r.warned[pos] {
				res.Clean++
			}
		}
	}
	slices.SortStableFunc(ns, func(a, b Note) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	res.Notes = ns
	return res, nil
}

// keep copies what a person added to the existing plan, and the facts of its decision
// that the document does not print.
func keep(p, e *content.PlanFile) {
	p.Kind = cmp.Or(e.Kind, p.Kind)
	p.Title = cmp.Or(p.Title, e.Title)
	p.Year = cmp.Or(p.Year, e.Year)
	p.ShortTitle, p.Source, p.EditorNotes, p.Changes = e.ShortTitle, e.Source, e.EditorNotes, e.Changes
	d, o := &p.Document, e.Document
	d.Type = cmp.Or(d.Type, o.Type)
	for _, f := range []struct {
		to   *string
		from string
	}{
		{&d.Number, o.Number}, {&d.DateText, o.DateText}, {&d.Place, o.Place}, {&d.Title, o.Title},
		{&d.Issuer, o.Issuer}, {&d.Signer, o.Signer}, {&d.SignerTitle, o.SignerTitle}, {&d.Proposal, o.Proposal},
	} {
		*f.to = cmp.Or(*f.to, f.from)
	}
	if d.Date.IsZero() {
		d.Date = o.Date
	}
	if len(d.LegalBases) == 0 {
		d.LegalBases = o.LegalBases
	}
	if len(d.Recipients) == 0 {
		d.Recipients = o.Recipients
	}
}

// carryOver keeps, for a task that kept its ID, the editor's note and the reading of a
// misprinted deadline when the deadline is still printed the same.
func carryOver(p, e *content.PlanFile) {
	byID := map[string]*content.TaskRec{}
	for i := range e.Tasks {
		byID[e.Tasks[i].ID] = &e.Tasks[i]
	}
	for i := range p.Tasks {
		t, o := &p.Tasks[i], byID[p.Tasks[i].ID]
		if o == nil {
			continue
		}
		t.EditorNote, t.Aliases, t.Revisions = o.EditorNote, o.Aliases, o.Revisions
		if t.Content != o.Content && !p.Document.Date.IsZero() {
			// Reworded by the new version of the plan: its history keeps the old wording.
			t.Revisions = append(slices.Clone(o.Revisions), content.Revision{Date: p.Document.Date, Content: o.Content,
				Note: "Nội dung sửa theo " + documentName(p.Document) + "."})
		}
		if t.Deadline == o.Deadline {
			t.DeadlineReadAs = o.DeadlineReadAs
		}
		for j := range t.Assignments {
			if j < len(o.Assignments) && t.Assignments[j].Deadline == o.Assignments[j].Deadline {
				t.Assignments[j].DeadlineReadAs = o.Assignments[j].DeadlineReadAs
			}
		}
	}
	inds := map[string]*content.IndicatorRec{}
	for i := range e.Indicators {
		inds[e.Indicators[i].ID] = &e.Indicators[i]
	}
	for i := range p.Indicators {
		if o := inds[p.Indicators[i].ID]; o != nil {
			p.Indicators[i].EditorNote = o.EditorNote
		}
	}
}

// planKind tells a plan for administrative reform from one for controlling procedures.
func planKind(title string) vocab.PlanKind {
	switch t := fold.String(title); {
	case strings.Contains(t, "cai cach hanh chinh"):
		return vocab.PlanAdminReform
	case strings.Contains(t, "thu tuc hanh chinh") || strings.Contains(t, "tthc"):
		return vocab.PlanProcedureControl
	}
	return vocab.PlanOther
}

// ID proposes a plan's folder name: authority, year and kind, "an-giang-2025-kiem-soat-tthc".
func ID(p *content.PlanFile) string {
	return p.Authority + "-" + strconv.Itoa(p.Year) + "-" + p.Kind.Key()
}

func tableWidth(t *planread.Table) int {
	w := 0
	for _, row := range t.Rows {
		n := 0
		for _, c := range row.Cells {
			n += max(c.Span, 1)
		}
		w = max(w, n)
	}
	return w
}

// clip shortens a text for a note.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 80 {
		return string(r[:79]) + "…"
	}
	return s
}

// Summary is the report's last line: how much was read, and how much of it needs a look.
func (r *Result) Summary() string {
	unsure, skipped := 0, 0
	for _, n := range r.Notes {
		switch n.Level {
		case Unsure:
			unsure++
		case Skipped:
			skipped++
		}
	}
	share := 100.0
	if r.Cells > 0 {
		share = 100 * float64(r.Clean) / float64(r.Cells)
	}
	return fmt.Sprintf("%d mục, %d nhiệm vụ, %d chỉ tiêu; %d ô đọc được, %d ô (%.1f%%) không có cảnh báo; %d chỗ cần xem lại, %d chỗ bỏ qua",
		len(r.Plan.Sections), len(r.Plan.Tasks), len(r.Plan.Indicators), r.Cells, r.Clean, share, unsure, skipped)
}

// documentName names a plan's document for a change note: "Quyết định số 12/QĐ-UBND ngày
// 20/12/2024".
func documentName(d content.Document) string {
	s := d.Type.Label()
	if d.Number != "" {
		s += " số " + d.Number
	}
	if !d.Date.IsZero() {
		s += " ngày " + d.Date.Format("02/01/2006")
	}
	return s
}

// noteAddedAndDropped writes the revised plan's public change notes: a task the new document
// adds, and one it no longer has, dated by the new document (the change history shows them).
// Without a date in the document, an editor dates them by hand.
func noteAddedAndDropped(p, e *content.PlanFile, dropped []item) {
	if p.Document.Date.IsZero() {
		return
	}
	had := map[string]bool{}
	for _, t := range e.Tasks {
		had[t.ID] = true
	}
	doc := documentName(p.Document)
	for _, t := range p.Tasks {
		if !had[t.ID] {
			p.Changes = append(p.Changes, content.Change{Date: p.Document.Date, Task: t.ID, Note: "Nhiệm vụ mới, thêm theo " + doc + "."})
		}
	}
	for _, d := range dropped {
		p.Changes = append(p.Changes, content.Change{Date: p.Document.Date,
			Note: "Bỏ nhiệm vụ " + cmp.Or(d.stt, "(không số)") + " (" + clip(d.text) + ") theo " + doc + "."})
	}
}
