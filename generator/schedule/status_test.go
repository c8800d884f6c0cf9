package schedule

import (
	"testing"
	"time"

	"congkhai/generator/vocab"
)

func TestAssess(t *testing.T) {
	jan := func(d int) Date { return D(2024, time.January, d) }
	done := func(date, completed Date) Report {
		return Report{Date: date, State: vocab.ReportDone, Percent: 100, Completed: completed}
	}
	started := func(date Date) Report { return Report{Date: date, State: vocab.ReportInProgress, Percent: 50} }
	tests := []struct {
		name     string
		deadline string
		reports  []Report
		asOf     Date
		want     vocab.TaskStatus
		latest   int
	}{
		{"no report, not due", "Quý I/2024", nil, jan(10), vocab.TaskNotDue, -1},
		{"no report, past due", "Tháng 01/2024", nil, D(2024, 2, 1), vocab.TaskOverdue, -1},
		{"due day itself is not overdue", "31/01/2024", nil, jan(31), vocab.TaskNotDue, -1},
		{"in progress before due", "Quý I/2024", []Report{started(jan(5))}, jan(10), vocab.TaskInProgress, 0},
		{"in progress past due", "Tháng 01/2024", []Report{started(jan(5))}, D(2024, 3, 1), vocab.TaskOverdue, 0},
		{"done on time", "Tháng 01/2024", []Report{started(jan(5)), done(jan(30), Date{})}, D(2024, 6, 1), vocab.TaskDone, 1},
		{"done late by completion day", "Tháng 01/2024", []Report{done(D(2024, 2, 10), D(2024, 2, 2))}, D(2024, 6, 1), vocab.TaskDoneLate, 0},
		{"completion day before report day counts", "Tháng 01/2024", []Report{done(D(2024, 2, 10), jan(31))}, D(2024, 6, 1), vocab.TaskDone, 0},
		{"report after as-of is ignored", "Tháng 01/2024", []Report{done(D(2024, 2, 10), jan(20))}, D(2024, 2, 5), vocab.TaskOverdue, -1},
		{"event deadline without report", "Khi có thay đổi", nil, D(2026, 1, 1), vocab.TaskNoReport, -1},
		{"event deadline in progress", "Theo yêu cầu", []Report{started(jan(5))}, D(2026, 1, 1), vocab.TaskInProgress, 0},
		{"event deadline done", "Theo yêu cầu", []Report{done(jan(5), Date{})}, D(2026, 1, 1), vocab.TaskDone, 0},
		{"empty deadline", "", nil, D(2026, 1, 1), vocab.TaskNoReport, -1},
		{"recurring", "Hàng quý", []Report{{Date: D(2024, 4, 5), State: vocab.ReportPeriodic, Period: "2024-Q2", Percent: -1}}, D(2024, 5, 1), vocab.TaskRecurring, 0},
		{"not-started report keeps not due", "Quý IV/2024", []Report{{Date: jan(5), State: vocab.ReportNotStarted, Percent: -1}}, jan(10), vocab.TaskNotDue, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(Parse(tt.deadline, 2024), tt.reports, tt.asOf)
			if a.Status != tt.want || a.Latest != tt.latest {
				t.Errorf("Assess(%q) = %v, latest %d; want %v, latest %d", tt.deadline, a.Status, a.Latest, tt.want, tt.latest)
			}
		})
	}
}

func TestAssessRecurringPeriod(t *testing.T) {
	d := Parse("Hàng quý", 2024)
	reports := []Report{
		{Date: D(2024, 1, 20), State: vocab.ReportPeriodic, Period: "2024-Q1", Percent: -1},
		{Date: D(2024, 4, 8), State: vocab.ReportInProgress, Percent: 30}, // no period: counted in the quarter of its date
	}
	a := Assess(d, reports, D(2024, 5, 15))
	if a.Period.Key != "2024-Q2" || a.PeriodReport != 1 {
		t.Errorf("period %q report %d; want 2024-Q2 and report 1", a.Period.Key, a.PeriodReport)
	}
	a = Assess(d, reports, D(2024, 8, 1))
	if a.Period.Key != "2024-Q3" || a.PeriodReport != -1 {
		t.Errorf("period %q report %d; want 2024-Q3 with no report", a.Period.Key, a.PeriodReport)
	}
	// After the plan's year the last period stays on show.
	if a = Assess(d, reports, D(2026, 11, 21)); a.Period.Key != "2024-Q4" {
		t.Errorf("after the window: period %q, want 2024-Q4", a.Period.Key)
	}
}
