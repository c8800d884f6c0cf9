package schedule

import (
	"testing"
	"time"
)

func TestAssess(t *testing.T) {
	jan := func(d int) Date { return D(2024, time.January, d) }
	done := func(date, completed Date) Report {
		return Report{Date: date, State: Finished, Percent: 100, Completed: completed}
	}
	started := func(date Date) Report { return Report{Date: date, State: Started, Percent: 50} }
	tests := []struct {
		name     string
		deadline string
		reports  []Report
		asOf     Date
		want     Status
		latest   int
	}{
		{"no report, not due", "Quý I/2024", nil, jan(10), NotDue, -1},
		{"no report, past due", "Tháng 01/2024", nil, D(2024, 2, 1), Overdue, -1},
		{"due day itself is not overdue", "31/01/2024", nil, jan(31), NotDue, -1},
		{"in progress before due", "Quý I/2024", []Report{started(jan(5))}, jan(10), InProgress, 0},
		{"in progress past due", "Tháng 01/2024", []Report{started(jan(5))}, D(2024, 3, 1), Overdue, 0},
		{"done on time", "Tháng 01/2024", []Report{started(jan(5)), done(jan(30), Date{})}, D(2024, 6, 1), Done, 1},
		{"done late by completion day", "Tháng 01/2024", []Report{done(D(2024, 2, 10), D(2024, 2, 2))}, D(2024, 6, 1), DoneLate, 0},
		{"completion day before report day counts", "Tháng 01/2024", []Report{done(D(2024, 2, 10), jan(31))}, D(2024, 6, 1), Done, 0},
		{"report after as-of is ignored", "Tháng 01/2024", []Report{done(D(2024, 2, 10), jan(20))}, D(2024, 2, 5), Overdue, -1},
		{"event deadline without report", "Khi có thay đổi", nil, D(2026, 1, 1), NoReport, -1},
		{"event deadline in progress", "Theo yêu cầu", []Report{started(jan(5))}, D(2026, 1, 1), InProgress, 0},
		{"event deadline done", "Theo yêu cầu", []Report{done(jan(5), Date{})}, D(2026, 1, 1), Done, 0},
		{"empty deadline", "", nil, D(2026, 1, 1), NoReport, -1},
		{"recurring", "Hàng quý", []Report{{Date: D(2024, 4, 5), State: Periodic, Period: "2024-Q2", Percent: -1}}, D(2024, 5, 1), Recurring, 0},
		{"not-started report keeps not due", "Quý IV/2024", []Report{{Date: jan(5), State: NotStarted, Percent: -1}}, jan(10), NotDue, 0},
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
		{Date: D(2024, 1, 20), State: Periodic, Period: "2024-Q1", Percent: -1},
		{Date: D(2024, 4, 8), State: Started, Percent: 30}, // no period: counted in the quarter of its date
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

func TestStatusLabelsAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Statuses {
		for _, v := range []string{s.Label(), s.Slug(), "sym:" + s.Symbol()} {
			if v == "" || seen[v] {
				t.Errorf("status %d: empty or repeated %q", s, v)
			}
			seen[v] = true
		}
	}
	if len(Statuses) != int(numStatuses) {
		t.Errorf("Statuses lists %d of %d statuses", len(Statuses), numStatuses)
	}
}
