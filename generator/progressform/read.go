package progressform

import (
	"bytes"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"congkhai/generator/diag"
	"congkhai/generator/fold"
	"congkhai/generator/model"
	"congkhai/generator/schedule"
	"congkhai/generator/vocab"
)

// Entry is one filled row of a form, read back and checked.
type Entry struct {
	Pos       diag.Pos // file[Sheet]:row
	Agency    *model.Agency
	Task      *model.Task
	Period    schedule.Period // the period reported, for a recurring task
	State     vocab.ReportStatus
	Percent   *int
	Date      schedule.Date
	Completed schedule.Date
	Body      string
	Evidence  *Evidence
}

// Evidence is the document a row names.
type Evidence struct {
	Number, Title, URL string
	Date               schedule.Date
}

// Read reads a filled form. name is the file's name for positions. Every problem is
// reported, as file[Sheet]:row:col, and no entry is returned when there is any.
func Read(name string, data []byte, site *model.Site) ([]Entry, diag.List) {
	var errs diag.List
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		errs.Add(diag.Pos{File: name}, "không đọc được tệp Excel: %v", err)
		return nil, errs
	}
	defer x.Close()
	r := &reader{name: name, x: x, site: site, errs: &errs}
	form := r.meta()
	if form == nil {
		return nil, errs
	}
	var out []Entry
	for _, sh := range []struct {
		name string
		lead bool
	}{{sheetLeads, true}, {sheetCoops, false}} {
		out = append(out, r.sheet(form, sh.name, sh.lead)...)
	}
	if len(errs) > 0 {
		return nil, errs.Sort()
	}
	return out, nil
}

type reader struct {
	name string
	x    *excelize.File
	site *model.Site
	errs *diag.List
}

func (r *reader) pos(sheet string, row, c int) diag.Pos {
	return diag.Pos{File: r.name + "[" + sheet + "]", Line: row, Col: c + 1}
}

// meta reads what the form was made for, and the agency it was made for.
func (r *reader) meta() *Form {
	rows, err := r.x.GetRows(sheetMeta)
	if err != nil {
		r.errs.Add(diag.Pos{File: r.name}, "không phải phiếu báo cáo do congkhai xuất (thiếu trang %s): xuất phiếu bằng congkhai export forms", sheetMeta)
		return nil
	}
	kv := map[string]string{}
	for _, row := range rows {
		if len(row) >= 2 {
			kv[row[0]] = row[1]
		}
	}
	if kv["format"] != formatID {
		r.errs.Add(r.pos(sheetMeta, 1, 1), "phiếu dạng %q, congkhai này đọc %q", kv["format"], formatID)
		return nil
	}
	f := &Form{}
	for _, a := range r.site.Agencies {
		if a.Key == kv["agency"] {
			f.Agency = a
		}
	}
	if f.Agency == nil {
		r.errs.Add(r.pos(sheetMeta, 2, 1), "phiếu của cơ quan %q, không có trong danh mục", kv["agency"])
		return nil
	}
	return f
}

func (r *reader) sheet(f *Form, sheet string, lead bool) []Entry {
	rows, err := r.x.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		r.errs.Add(diag.Pos{File: r.name}, "thiếu trang %q của phiếu", sheet)
		return nil
	}
	var out []Entry
	for i := firstRow - 1; i < len(rows); i++ {
		cells := rows[i]
		get := func(c int) string {
			if c < len(cells) {
				return strings.TrimSpace(cells[c])
			}
			return ""
		}
		filled := false
		for c := colState; c < numCols; c++ {
			filled = filled || get(c) != ""
		}
		row := i + 1
		id := get(colID)
		if !filled {
			continue
		}
		if id == "" {
			r.errs.Add(r.pos(sheet, row, colID), "dòng không có mã nhiệm vụ (dòng thêm vào phiếu?): chỉ điền vào các dòng phiếu đã có")
			continue
		}
		e, ok := r.row(f, sheet, row, id, get, lead)
		if ok {
			out = append(out, e)
		}
	}
	return out
}

// task finds the row's task and period by its ID, and says why not.
func (r *reader) task(f *Form, id string, pos diag.Pos, lead bool) (*model.Task, schedule.Period, bool) {
	parts := strings.Split(id, "|")
	plan, taskID, ok := strings.Cut(parts[0], "/")
	if len(parts) != 3 || !ok {
		r.errs.Add(pos, "mã %q không đúng dạng: ô mã bị sửa", id)
		return nil, schedule.Period{}, false
	}
	var t *model.Task
	for _, p := range r.site.Plans {
		if p.ID == plan {
			for _, pt := range p.Tasks {
				if pt.ID == taskID {
					t = pt
				}
			}
		}
	}
	if t == nil {
		r.errs.Add(pos, "không có nhiệm vụ %s/%s: kế hoạch đã bỏ nhiệm vụ này hoặc ô mã bị sửa", plan, taskID)
		return nil, schedule.Period{}, false
	}
	if rev := Revision(t); parts[2] != rev {
		r.errs.Add(pos, "nhiệm vụ %s %s đã được sửa từ khi xuất phiếu (bản kế hoạch cũ): xuất phiếu mới và điền lại", t.Plan.ShortTitle, t.STT)
		return nil, schedule.Period{}, false
	}
	mine := false
	for _, a := range t.Assignments {
		group := a.Cooperating
		if lead {
			group = a.Lead
		}
		for _, ag := range group {
			mine = mine || ag == f.Agency
		}
	}
	if !mine {
		r.errs.Add(pos, "nhiệm vụ %s %s không do %s %s: phiếu của cơ quan khác hoặc dòng chép từ phiếu khác", t.Plan.ShortTitle, t.STT, f.Agency.ShortName(), map[bool]string{true: "chủ trì", false: "phối hợp"}[lead])
		return nil, schedule.Period{}, false
	}
	var period schedule.Period
	if key := parts[1]; key != "" {
		for _, p := range t.Deadline.Periods() {
			if p.Key == key {
				period = p
			}
		}
		if period.Key == "" {
			r.errs.Add(pos, "kỳ %q không phải kỳ báo cáo của nhiệm vụ %s: ô mã bị sửa", key, t.STT)
			return nil, schedule.Period{}, false
		}
	}
	return t, period, true
}

func (r *reader) row(f *Form, sheet string, row int, id string, get func(int) string, lead bool) (Entry, bool) {
	e := Entry{Pos: r.pos(sheet, row, 0), Agency: f.Agency}
	e.Pos.Col = 0
	n := len(*r.errs)
	t, period, ok := r.task(f, id, r.pos(sheet, row, colID), lead)
	if !ok {
		return e, false
	}
	e.Task, e.Period = t, period
	// The cells the form locked hold what it was given.
	want := lockedValues(Row{Task: t, Period: period})
	for _, c := range []int{colSTT, colPlan, colContent, colDeadline, colPeriod} {
		if got := get(c); got != strings.TrimSpace(want[c]) {
			r.errs.Add(r.pos(sheet, row, c), "ô khóa “%s” đã bị sửa: phiếu ghi %q, kế hoạch ghi %q", headers[c], clip(got), clip(want[c]))
		}
	}
	e.State = r.state(get(colState), r.pos(sheet, row, colState), period.Key != "")
	e.Percent = r.percent(get(colPercent), r.pos(sheet, row, colPercent), r.isPercentCell(sheet, cell(colPercent, row)))
	e.Date = r.date(get(colDate), r.pos(sheet, row, colDate))
	e.Completed = r.date(get(colCompleted), r.pos(sheet, row, colCompleted))
	e.Body = strings.TrimSpace(strings.ReplaceAll(get(colDone), "\r\n", "\n"))
	if e.Date.IsZero() && get(colDate) == "" {
		r.errs.Add(r.pos(sheet, row, colDate), "thiếu ngày báo cáo")
	}
	if !e.Date.IsZero() {
		if e.Date.After(r.site.AsOf) {
			r.errs.Add(r.pos(sheet, row, colDate), "ngày báo cáo %s sau ngày số liệu %s", e.Date.VN(), r.site.AsOf.VN())
		}
		if start := planStart(t.Plan); e.Date.Before(start) {
			r.errs.Add(r.pos(sheet, row, colDate), "ngày báo cáo %s trước khi có kế hoạch (%s)", e.Date.VN(), start.VN())
		}
	}
	switch {
	case e.State == vocab.ReportDone && e.Completed.IsZero() && get(colCompleted) == "":
		r.errs.Add(r.pos(sheet, row, colCompleted), "đã hoàn thành cần ghi ngày hoàn thành")
	case e.State != vocab.ReportDone && !e.Completed.IsZero():
		r.errs.Add(r.pos(sheet, row, colCompleted), "ngày hoàn thành chỉ ghi khi tình trạng là “%s”", vocab.ReportDone.Label())
	case !e.Completed.IsZero() && !e.Date.IsZero() && e.Completed.After(e.Date):
		r.errs.Add(r.pos(sheet, row, colCompleted), "ngày hoàn thành %s sau ngày báo cáo %s", e.Completed.VN(), e.Date.VN())
	}
	if e.State == vocab.ReportDone && e.Percent != nil && *e.Percent != 100 {
		r.errs.Add(r.pos(sheet, row, colPercent), "đã hoàn thành nhưng tỷ lệ là %d%%", *e.Percent)
	}
	if num, title, link := get(colEvNumber), get(colEvTitle), get(colEvURL); num != "" || title != "" || link != "" || get(colEvDate) != "" {
		e.Evidence = &Evidence{Number: num, Title: title, URL: link, Date: r.date(get(colEvDate), r.pos(sheet, row, colEvDate))}
		if u, err := url.Parse(link); link != "" && (err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "") {
			r.errs.Add(r.pos(sheet, row, colEvURL), "đường dẫn %q không phải địa chỉ http(s)", link)
		}
	}
	return e, len(*r.errs) == n
}

// planStart is the first day a report on the plan can be dated: the day its document was
// issued, or the first day of the year before its year when the document is undated (plans
// are issued in the last weeks of the year before).
func planStart(p *model.Plan) schedule.Date {
	if !p.Document.Date.IsZero() {
		return p.Document.Date
	}
	return schedule.D(p.Year-1, time.January, 1)
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// state reads the "Tình trạng" cell: a choice of the list, or the same words typed by hand
// in another case, without diacritics, without "Đã", or the content's key ("done").
func (r *reader) state(s string, pos diag.Pos, periodic bool) vocab.ReportStatus {
	if s == "" {
		r.errs.Add(pos, "chưa chọn tình trạng (%s)", joinVN(StateChoices()))
		return 0
	}
	key := strings.Join(strings.Fields(fold.String(s)), " ")
	for _, st := range vocab.ReportStatuses() {
		label := fold.String(st.Label())
		if key == label || key == st.Key() || key == strings.TrimPrefix(label, "da ") {
			if st == vocab.ReportPeriodic && !periodic {
				r.errs.Add(pos, "“%s” chỉ dùng cho dòng có kỳ báo cáo của nhiệm vụ định kỳ", st.Label())
			}
			return st
		}
	}
	r.errs.Add(pos, "tình trạng %q không có trong danh sách (%s)", s, joinVN(StateChoices()))
	return 0
}

var percentRe = regexp.MustCompile(`^(\d+(?:[.,]\d+)?)\s*%?$`)

// isPercentCell reports whether a cell is formatted as a percentage, so that its value 0.5
// is shown, and meant, as 50%.
func (r *reader) isPercentCell(sheet, ref string) bool {
	id, err := r.x.GetCellStyle(sheet, ref)
	if err != nil {
		return false
	}
	st, err := r.x.GetStyle(id)
	if err != nil || st == nil {
		return false
	}
	return st.NumFmt == 9 || st.NumFmt == 10 || st.CustomNumFmt != nil && strings.Contains(*st.CustomNumFmt, "%")
}

// percent reads a whole percentage: 50, "50%", "50 %", or 0.5 in a cell formatted as a
// percentage. 0.5 in any other cell is not certain (half a percent, or half done?) and is
// reported.
func (r *reader) percent(s string, pos diag.Pos, percentCell bool) *int {
	if s == "" {
		return nil
	}
	m := percentRe.FindStringSubmatch(s)
	if m == nil {
		r.errs.Add(pos, "tỷ lệ %q không phải số từ 0 đến 100", s)
		return nil
	}
	v, _ := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", "."), 64)
	if percentCell && !strings.HasSuffix(s, "%") {
		v = math.Round(v*100*1e6) / 1e6 // the raw value of a cell formatted as a percentage
	} else if !strings.HasSuffix(s, "%") && v > 0 && v < 1 {
		r.errs.Add(pos, "tỷ lệ %s không rõ: ghi số từ 0 đến 100, ví dụ 50 hoặc 50%%", s)
		return nil
	}
	if v < 0 || v > 100 || v != math.Trunc(v) {
		r.errs.Add(pos, "tỷ lệ %s không phải số nguyên từ 0 đến 100", s)
		return nil
	}
	n := int(v)
	return &n
}

var dateRe = regexp.MustCompile(`^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$`)

// date reads a date: a date cell (a serial number), "15/3/2025" typed as text, or
// "2025-03-15".
func (r *reader) date(s string, pos diag.Pos) schedule.Date {
	if s == "" {
		return schedule.Date{}
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && v > 20000 && v < 80000 {
		t, err := excelize.ExcelDateToTime(v, false)
		if err == nil {
			return schedule.FromTime(t)
		}
	}
	if d, err := schedule.ParseISO(s); err == nil {
		return d
	}
	if m := dateRe.FindStringSubmatch(s); m != nil {
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[3])
		if d := schedule.D(year, time.Month(month), day); d.Valid() {
			return d
		}
	}
	r.errs.Add(pos, "ngày %q không đọc được: ghi dạng dd/mm/yyyy, ví dụ 15/03/2025", s)
	return schedule.Date{}
}

// String describes an entry for messages: "Sở Tư pháp, nhiệm vụ 3 (Kiểm soát TTHC 2025), 15/03/2025".
func (e Entry) String() string {
	s := fmt.Sprintf("nhiệm vụ %s (%s)", e.Task.STT, e.Task.Plan.ShortTitle)
	if e.Period.Key != "" {
		s += ", " + e.Period.Label()
	}
	return s + ", " + e.Date.VN()
}
