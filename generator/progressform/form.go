// Package progressform hands each agency the progress report form for its tasks, as an Excel
// workbook, and reads filled forms back as progress records.
//
// A form lists, for one agency and one reporting period, the tasks it leads (sheet "Chủ
// trì") and those it cooperates on (sheet "Phối hợp") that the period asks about: the tasks
// not yet completed whose due day has come by the period's end or that have none, and, for a
// recurring task, each period that has begun by then and has no report (one row per
// period). Every row carries the task's stable ID in a hidden, locked column, with the period
// and a revision of the task's wording, so that a form is read back by ID, never by position
// or wording, and a form exported before the plan was revised is told apart.
package progressform

import (
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"congkhai/generator/model"
	"congkhai/generator/schedule"
	"congkhai/generator/vocab"
)

// Form is the report form of one agency for one period.
type Form struct {
	Agency *model.Agency
	Period schedule.Period
	AsOf   schedule.Date
	Leads  []Row // tasks it leads
	Coops  []Row // tasks it cooperates on
}

// Row is one line of a form: a task, or one period of a recurring task.
type Row struct {
	Task   *model.Task
	Period schedule.Period // for a recurring task: the period reported; zero otherwise
}

// ID is the row's stable identifier: plan/task, the period for a recurring task, and the
// revision of the task's wording: "an-giang-2025-kiem-soat-tthc/cong-bo-tthc|2025-Q1|3f2a9c1b".
func (r Row) ID() string {
	return r.Task.Plan.ID + "/" + r.Task.ID + "|" + r.Period.Key + "|" + Revision(r.Task)
}

// Revision is a short hash of what the form shows of a task as the plan prints it (number,
// content, leads and deadlines): a form exported before a revision of the task is refused.
func Revision(t *model.Task) string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", t.STT, t.STT2, t.Content)
	for _, a := range t.Assignments {
		fmt.Fprintf(h, "%s\x00%s\x00", a.LeadText, a.DeadlinePrinted)
		for _, ag := range a.Lead {
			fmt.Fprintf(h, "%s\x00", ag.Key)
		}
	}
	return fmt.Sprintf("%08x", h.Sum32())
}

// Selection says which forms to make: for these agencies (by key, "an-giang/so-tu-phap"; nil:
// every agency with a row) and plans (by ID; nil: all), for the period.
type Selection struct {
	Agencies []string
	Plans    []string
	Period   schedule.Period
}

// Forms makes the forms the selection asks for, in the site's order of agencies. An agency
// named in the selection that the site does not hold is an error.
func Forms(site *model.Site, sel Selection) ([]*Form, error) {
	byKey := map[string]*model.Agency{}
	for _, a := range site.Agencies {
		byKey[a.Key] = a
	}
	var unknown []string
	for _, k := range sel.Agencies {
		if byKey[k] == nil {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("không có cơ quan %s trong danh mục (dạng tinh/ma-co-quan, ví dụ an-giang/so-tu-phap)", strings.Join(unknown, ", "))
	}
	for _, id := range sel.Plans {
		if !slices.ContainsFunc(site.Plans, func(p *model.Plan) bool { return p.ID == id }) {
			return nil, fmt.Errorf("không có kế hoạch %q", id)
		}
	}
	var forms []*Form
	for _, a := range site.Agencies {
		if len(sel.Agencies) > 0 && !slices.Contains(sel.Agencies, a.Key) {
			continue
		}
		if a.Group() && len(sel.Agencies) == 0 {
			continue // "Các sở, ban, ngành": no one body fills a form for a class of them
		}
		f := &Form{Agency: a, Period: sel.Period, AsOf: site.AsOf,
			Leads: rows(a.Leads, sel), Coops: rows(a.Cooperates, sel)}
		if len(f.Leads)+len(f.Coops) > 0 || len(sel.Agencies) > 0 {
			forms = append(forms, f)
		}
	}
	return forms, nil
}

// rows are the rows of a form for tasks: in the site's order of plans and the plan's order of
// tasks, a recurring task's periods oldest first.
func rows(tasks []*model.Task, sel Selection) []Row {
	var out []Row
	for _, t := range tasks {
		if len(sel.Plans) > 0 && !slices.Contains(sel.Plans, t.Plan.ID) {
			continue
		}
		out = append(out, taskRows(t, sel.Period)...)
	}
	return out
}

// taskRows are the rows a period asks of a task.
func taskRows(t *model.Task, p schedule.Period) []Row {
	a := t.Assessment
	if t.Status().Recurring() {
		var out []Row
		for _, c := range a.Periods {
			if c.Report < 0 && !c.Period.Start.After(p.End) {
				out = append(out, Row{Task: t, Period: c.Period})
			}
		}
		// A period that begins within the asked period but after the as-of day.
		for _, q := range t.Deadline.Periods() {
			if q.Start.After(lastStart(a.Periods)) && !q.Start.After(p.End) && !q.Start.Before(p.Start) {
				out = append(out, Row{Task: t, Period: q})
			}
		}
		return out
	}
	switch a.Status {
	case vocab.TaskDone, vocab.TaskDoneLate:
		return nil
	}
	if due, ok := t.Deadline.DueDay(); ok && due.After(p.End) {
		return nil // not asked about yet
	}
	return []Row{{Task: t}}
}

func lastStart(cs []schedule.PeriodCheck) schedule.Date {
	if len(cs) == 0 {
		return schedule.Date{}
	}
	return cs[len(cs)-1].Period.Start
}

// QuarterOf is the calendar quarter containing d, the default period of a form.
func QuarterOf(d schedule.Date) schedule.Period {
	p, _ := schedule.CalendarPeriod(schedule.Quarterly, d)
	return p
}

// FileName is the name of an agency's form file: the authority, the agency and the period,
// "an-giang_so-tu-phap_2026-Q4.xlsx".
func (f *Form) FileName() string {
	return strings.ReplaceAll(f.Agency.Key, "/", "_") + "_" + f.Period.Key + ".xlsx"
}

// Written is a form written by Export.
type Written struct {
	Path       string
	Form       *Form
	Rows, Size int
}

// Export writes the forms the selection asks for into dir, one .xlsx per agency, and
// returns them. A form is written whole or not at all.
func Export(site *model.Site, sel Selection, dir string) ([]Written, error) {
	forms, err := Forms(site, sel)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var out []Written
	for _, f := range forms {
		data, err := f.Workbook()
		if err != nil {
			return out, fmt.Errorf("%s: %w", f.FileName(), err)
		}
		path := filepath.Join(dir, f.FileName())
		tmp := path + ".tmp"
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			return out, err
		}
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(tmp)
			return out, err
		}
		out = append(out, Written{Path: path, Form: f, Rows: len(f.Leads) + len(f.Coops), Size: len(data)})
	}
	return out, nil
}
