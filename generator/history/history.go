// Package history lists what changed on the site, each change dated by the content, never
// by the build clock: a plan issued, a progress report, a deadline passed without a report
// of completion, a period of a recurring task ended without its report, a petition
// answered, a 766 period published. The "Nhật ký cập nhật" page and the Atom feeds are made
// from it, so that the same content and as-of day give the same feeds.
package history

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"congkhai/generator/markdown"
	"congkhai/generator/model"
	"congkhai/generator/schedule"
	"congkhai/generator/vocab"
)

// Kind is what sort of change an event is.
type Kind string

const (
	PlanIssued    Kind = "ke-hoach"      // a plan was issued
	Report        Kind = "bao-cao"       // a progress report was made
	Overdue       Kind = "qua-han"       // a due day passed without a report of completion
	PeriodMissing Kind = "thieu-bao-cao" // a reporting period ended without its report
	Answer        Kind = "tra-loi"       // a petition was answered
	Scores        Kind = "chi-so-766"    // a period of 766 results was published
	Revised       Kind = "sua-doi"       // a task was reworded, or an editor noted a change
)

// Label names a kind in Vietnamese.
func (k Kind) Label() string {
	switch k {
	case PlanIssued:
		return "Ban hành kế hoạch"
	case Report:
		return "Báo cáo tiến độ"
	case Overdue:
		return "Quá hạn"
	case PeriodMissing:
		return "Thiếu báo cáo kỳ"
	case Answer:
		return "Trả lời phản ánh, kiến nghị"
	case Scores:
		return "Kết quả Bộ chỉ số 766"
	case Revised:
		return "Sửa đổi"
	}
	return string(k)
}

// Event is one dated change.
type Event struct {
	Date         schedule.Date
	Kind         Kind
	Key          string // unique in the site and stable: the entry's ID in the feeds
	Title        string
	Summary      string
	Page         any // the model value whose page shows it
	Plan         *model.Plan
	Agencies     []*model.Agency
	Register     string // "ke-hoach", "pakn", "chi-so-766"
	Illustrative bool
	Task         *model.Task     // the task it is about, if one
	Revision     *model.Revision // a task's rewording
	// Minor marks an editor's correction: on the task's history, not in the feeds nor the
	// site's history.
	Minor bool
}

// Major are the events that are not minor corrections.
func Major(evs []Event) []Event {
	var out []Event
	for _, e := range evs {
		if !e.Minor {
			out = append(out, e)
		}
	}
	return out
}

// Events lists the site's changes up to its as-of day, newest first; events of one day in
// the order of their keys.
func Events(s *model.Site) []Event {
	var out []Event
	for _, p := range s.Plans {
		if d := p.Document.Date; !d.IsZero() && !d.After(s.AsOf) {
			out = append(out, Event{Date: d, Kind: PlanIssued, Key: "ke-hoach/" + p.ID, Title: p.Title,
				Summary: strings.TrimSpace(p.Document.Type.Label() + " " + docNumber(p) + " ngày " + d.VN() + " của " + p.Document.Issuer),
				Page:    p, Plan: p, Register: "ke-hoach"})
		}
		for _, t := range p.Tasks {
			out = append(out, taskEvents(s, t)...)
		}
		for i, c := range p.Changes {
			if c.Date.After(s.AsOf) {
				continue
			}
			e := Event{Date: c.Date, Kind: Revised, Key: fmt.Sprintf("ke-hoach/%s/sua-doi/%d", p.ID, i), Title: p.Title,
				Summary: c.Note, Page: p, Plan: p, Register: "ke-hoach", Minor: c.Minor, Task: c.Task}
			if c.Task != nil {
				e.Title, e.Page = taskTitle(c.Task), c.Task
			}
			out = append(out, e)
		}
	}
	for _, pt := range s.Petitions {
		if !pt.Answered.IsZero() && !pt.Answered.After(s.AsOf) {
			out = append(out, Event{Date: pt.Answered, Kind: Answer, Key: "pakn/" + pt.ID, Title: pt.Subject,
				Summary: fmt.Sprintf("%s %s, tiếp nhận ngày %s, trả lời ngày %s (%s).", pt.Kind.Label(), pt.ID, pt.Received.VN(), pt.Answered.VN(), strings.ToLower(pt.Timeliness.Label())),
				Page:    pt, Agencies: pt.Agencies, Register: "pakn", Illustrative: pt.Illustrative})
		}
	}
	for _, sp := range s.ScorePeriods {
		d := sp.Through
		if d.IsZero() {
			d = periodEnd(sp)
		}
		if d.After(s.AsOf) {
			continue
		}
		var ags []*model.Agency
		for _, u := range sp.Units {
			if u.Agency != nil {
				ags = append(ags, u.Agency)
			}
		}
		out = append(out, Event{Date: d, Kind: Scores, Key: "chi-so-766/" + sp.ID, Title: sp.Label() + ", " + sp.Scope,
			Summary: fmt.Sprintf("Kết quả của %d đơn vị.", len(sp.Units)), Page: sp, Agencies: ags, Register: "chi-so-766", Illustrative: sp.Illustrative})
	}
	slices.SortStableFunc(out, func(a, b Event) int { return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Key, b.Key)) })
	return out
}

func docNumber(p *model.Plan) string {
	if p.Document.Number == "" {
		return ""
	}
	return "số " + p.Document.Number
}

// taskEvents are a task's reports, the day it fell overdue, and the periods it left without
// a report.
func taskEvents(s *model.Site, t *model.Task) []Event {
	var leads []*model.Agency
	for _, a := range t.Assignments {
		leads = append(leads, a.Lead...)
	}
	title := taskTitle(t)
	ev := func(d schedule.Date, k Kind, key, summary string, page any, ags []*model.Agency, illustrative bool) Event {
		return Event{Date: d, Kind: k, Key: key, Title: title, Summary: summary, Page: page, Plan: t.Plan, Agencies: ags,
			Register: "ke-hoach", Illustrative: illustrative, Task: t}
	}
	base := "ke-hoach/" + t.Plan.ID + "/" + t.ID
	var out []Event
	for i, r := range t.Reports {
		if r.Date.After(s.AsOf) {
			continue
		}
		sum := r.StateLabel()
		if r.Percent >= 0 {
			sum += fmt.Sprintf(", %d%%", r.Percent)
		}
		sum += ". " + clip(markdown.Text(r.Body), 240)
		ags := append([]*model.Agency{r.Agency}, leads...)
		out = append(out, ev(r.Date, Report, fmt.Sprintf("%s/bao-cao/%s/%d", base, r.Date, i), sum, r, ags, r.Illustrative))
	}
	for i, rv := range t.Revisions {
		if rv.Date.After(s.AsOf) {
			continue
		}
		e := ev(rv.Date, Revised, fmt.Sprintf("%s/sua-doi/%d", base, i), cmp.Or(rv.Note, "Nội dung nhiệm vụ được sửa."), t, leads, false)
		e.Revision, e.Minor = rv, rv.Minor
		out = append(out, e)
	}
	a := t.Assessment
	if a.Status == vocab.TaskOverdue {
		out = append(out, ev(a.Since, Overdue, base+"/qua-han", "Đã qua hạn "+a.Due.VN()+" mà chưa có báo cáo hoàn thành.", t, leads, false))
	}
	for _, c := range a.Periods {
		if c.Due && c.Report < 0 {
			d := s.StatusRules.MissingFrom(c.Period)
			out = append(out, ev(d, PeriodMissing, base+"/thieu/"+c.Period.Key,
				c.Period.Label()+" đã kết thúc mà chưa có báo cáo.", t, leads, false))
		}
	}
	return out
}

// periodEnd is the last day of a 766 period.
func periodEnd(p *model.ScorePeriod) schedule.Date {
	switch p.Kind {
	case "thang":
		return schedule.MonthEnd(p.Year, timeMonth(p.Number))
	case "quy":
		return schedule.MonthEnd(p.Year, timeMonth(3*p.Number))
	}
	return schedule.MonthEnd(p.Year, 12)
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return strings.TrimSpace(string(r[:n])) + "…"
	}
	return s
}

func timeMonth(m int) time.Month { return time.Month(m) }

func taskTitle(t *model.Task) string {
	return "Nhiệm vụ " + t.STT + ", " + t.Plan.ShortTitle + ": " + clip(markdown.Text(t.Content), 90)
}
