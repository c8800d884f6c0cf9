package model

import (
	"fmt"

	"congkhai/generator/schedule"
	"congkhai/generator/vocab"
)

// StatusNote dates the task's status in a few words, for beside its label, so that every
// rating says what it rests on: "ngày 15/03/2024" (completed), "hạn 31/12/2024" (overdue or
// not yet due), "báo cáo 15/06/2024, 50%" (in progress), "báo cáo gần nhất 15/06/2024"
// (stale), "báo cáo 3/4 quý" (recurring); "" when there is nothing to date it by.
func (t *Task) StatusNote() string {
	a := t.Assessment
	switch a.Status {
	case vocab.TaskDone:
		return "ngày " + a.Since.VN()
	case vocab.TaskDoneLate:
		return "ngày " + a.Since.VN() + ", hạn " + a.Due.VN()
	case vocab.TaskOverdue, vocab.TaskNotDue:
		return "hạn " + a.Due.VN()
	case vocab.TaskInProgress:
		s := "báo cáo " + a.Since.VN()
		if r := t.LatestReport(); r != nil && r.Percent >= 0 {
			s += fmt.Sprintf(", %d%%", r.Percent)
		}
		return s
	case vocab.TaskStale:
		return "báo cáo gần nhất " + a.Since.VN()
	case vocab.TaskPeriodsMissing, vocab.TaskPeriodsReported:
		if a.PeriodsDue == 0 {
			return "chưa hết kỳ báo cáo đầu tiên"
		}
		return fmt.Sprintf("báo cáo %d/%d %s", a.PeriodsReported, a.PeriodsDue, a.Unit)
	}
	return ""
}

// PeriodReports are a recurring task's reporting periods that have begun, newest first,
// each with its report (nil if none) and whether a missing report counts yet.
func (t *Task) PeriodReports() []PeriodReport {
	ps := t.Assessment.Periods
	out := make([]PeriodReport, len(ps))
	for i, c := range ps {
		out[len(ps)-1-i] = PeriodReport{Label: c.Period.Label(), Start: c.Period.Start, End: c.Period.End, Report: t.report(c.Report), Due: c.Due}
	}
	return out
}

// PeriodReport is one reporting period of a recurring task.
type PeriodReport struct {
	Label      string
	Start, End schedule.Date
	Report     *Report
	Due        bool
}
