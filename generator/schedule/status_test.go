package schedule

import (
	"fmt"
	"testing"
	"time"

	"congkhai/generator/vocab"
)

// TestAssess covers every rule of Assess at its boundaries: the day before, of and after a
// due day, the stale age, and a period's end with its grace days. Rules: 6 months, 15 days.
func TestAssess(t *testing.T) {
	rules := Rules{StaleMonths: 6, GraceDays: 15}
	d := func(m time.Month, day int) Date { return D(2024, m, day) }
	done := func(date, completed Date) Report {
		return Report{Date: date, State: vocab.ReportDone, Percent: 100, Completed: completed}
	}
	started := func(date Date) Report { return Report{Date: date, State: vocab.ReportInProgress, Percent: 50} }
	notStarted := func(date Date) Report { return Report{Date: date, State: vocab.ReportNotStarted, Percent: -1} }
	periodic := func(date Date, period string) Report {
		return Report{Date: date, State: vocab.ReportPeriodic, Period: period, Percent: -1}
	}
	type want struct {
		status vocab.TaskStatus
		since  Date
		latest int
	}
	tests := []struct {
		name     string
		deadline string
		reports  []Report
		asOf     Date
		want     want
	}{
		// Rule 3 and 5: a due day (31/03/2024 for "Quý I/2024").
		{"day before due, no report", "Quý I/2024", nil, d(3, 30), want{vocab.TaskNotDue, d(3, 31), -1}},
		{"due day, no report", "Quý I/2024", nil, d(3, 31), want{vocab.TaskNotDue, d(3, 31), -1}},
		{"day after due, no report", "Quý I/2024", nil, d(4, 1), want{vocab.TaskOverdue, d(4, 1), -1}},
		{"not-started report keeps not due", "Quý IV/2024", []Report{notStarted(d(1, 5))}, d(1, 10), want{vocab.TaskNotDue, d(12, 31), 0}},
		// Rule 2: completion, on the due day or after it.
		{"completed on the due day", "31/01/2024", []Report{done(d(2, 3), d(1, 31))}, d(6, 1), want{vocab.TaskDone, d(1, 31), 0}},
		{"completed the day after", "31/01/2024", []Report{done(d(2, 3), d(2, 1))}, d(6, 1), want{vocab.TaskDoneLate, d(2, 1), 0}},
		{"completion day defaults to the report's", "31/01/2024", []Report{done(d(2, 3), Date{})}, d(6, 1), want{vocab.TaskDoneLate, d(2, 3), 0}},
		{"done beats overdue", "Tháng 01/2024", []Report{started(d(1, 5)), done(d(1, 30), Date{})}, d(6, 1), want{vocab.TaskDone, d(1, 30), 1}},
		{"done without a due day", "Theo yêu cầu", []Report{done(d(1, 5), Date{})}, D(2026, 1, 1), want{vocab.TaskDone, d(1, 5), 0}},
		{"report after as-of is ignored", "Tháng 01/2024", []Report{done(d(2, 10), d(1, 20))}, d(2, 5), want{vocab.TaskOverdue, d(2, 1), -1}},
		// Rule 4: a report of work under way, fresh until six months after its date.
		{"in progress before due", "Năm 2024", []Report{started(d(1, 15))}, d(3, 1), want{vocab.TaskInProgress, d(1, 15), 0}},
		{"in progress, last fresh day", "Năm 2024", []Report{started(d(1, 15))}, d(7, 15), want{vocab.TaskInProgress, d(1, 15), 0}},
		{"in progress, first stale day", "Năm 2024", []Report{started(d(1, 15))}, d(7, 16), want{vocab.TaskStale, d(1, 15), 0}},
		{"stale without a due day", "Theo lộ trình", []Report{started(d(6, 15))}, D(2026, 12, 6), want{vocab.TaskStale, d(6, 15), 0}},
		{"fresh without a due day", "Theo lộ trình", []Report{started(D(2026, 11, 1))}, D(2026, 12, 6), want{vocab.TaskInProgress, D(2026, 11, 1), 0}},
		{"overdue beats in progress", "Tháng 01/2024", []Report{started(d(1, 5))}, d(3, 1), want{vocab.TaskOverdue, d(2, 1), 0}},
		{"stale age from the month's end", "Năm 2025", []Report{started(d(8, 31))}, D(2025, 2, 28), want{vocab.TaskInProgress, d(8, 31), 0}},
		{"stale age from the month's end, day after", "Năm 2025", []Report{started(d(8, 31))}, D(2025, 3, 1), want{vocab.TaskStale, d(8, 31), 0}},
		// Rule 5: nothing to hold the task to.
		{"event deadline without report", "Khi có thay đổi", nil, D(2026, 1, 1), want{vocab.TaskNoReport, Date{}, -1}},
		{"empty deadline", "", nil, D(2026, 1, 1), want{vocab.TaskNoReport, Date{}, -1}},
		// Rule 1: recurring tasks by period; Q1 2024 ends 31/03, its report is due by 15/04.
		{"quarterly, first quarter within grace", "Hàng quý", nil, d(4, 15), want{vocab.TaskPeriodsReported, Date{}, -1}},
		{"quarterly, first quarter missing", "Hàng quý", nil, d(4, 16), want{vocab.TaskPeriodsMissing, d(4, 16), -1}},
		{"quarterly, first quarter reported late", "Hàng quý", []Report{periodic(d(4, 20), "2024-Q1")}, d(4, 25), want{vocab.TaskPeriodsReported, d(4, 20), 0}},
		{"quarterly, a gap stays missing", "Hàng quý", []Report{periodic(d(4, 5), "2024-Q1"), periodic(d(10, 5), "2024-Q3")}, D(2025, 6, 1),
			want{vocab.TaskPeriodsMissing, d(7, 16), 1}},
		{"quarterly, all four reported", "Hàng quý", []Report{periodic(d(4, 5), "2024-Q1"), periodic(d(7, 5), "2024-Q2"), periodic(d(10, 5), "2024-Q3"), periodic(D(2025, 1, 5), "2024-Q4")}, D(2026, 12, 6),
			want{vocab.TaskPeriodsReported, D(2025, 1, 5), 3}},
		{"continuous, within the year", "Thường xuyên", nil, d(12, 31), want{vocab.TaskPeriodsReported, Date{}, -1}},
		{"continuous, year over and grace", "Thường xuyên", nil, D(2025, 1, 15), want{vocab.TaskPeriodsReported, Date{}, -1}},
		{"continuous, year over, no report", "Thường xuyên", nil, D(2025, 1, 16), want{vocab.TaskPeriodsMissing, D(2025, 1, 16), -1}},
		{"continuous, a report in the year", "Thường xuyên", []Report{started(d(6, 1))}, D(2026, 12, 6), want{vocab.TaskPeriodsReported, d(6, 1), 0}},
		{"continuous, a quarter's report counts for the year", "Thường xuyên", []Report{periodic(d(4, 2), "2024-Q1")}, D(2026, 12, 6), want{vocab.TaskPeriodsReported, d(4, 2), 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(Parse(tt.deadline, 2024), tt.reports, tt.asOf, rules)
			got := want{a.Status, a.Since, a.Latest}
			if got != tt.want {
				t.Errorf("Assess(%q) on %v = %v since %v, latest %d; want %v since %v, latest %d", tt.deadline, tt.asOf,
					got.status, got.since, got.latest, tt.want.status, tt.want.since, tt.want.latest)
			}
		})
	}
}

func TestAssessPeriods(t *testing.T) {
	rules := Rules{StaleMonths: 6, GraceDays: 15}
	d := Parse("Hàng quý", 2024)
	reports := []Report{
		{Date: D(2024, 1, 20), State: vocab.ReportPeriodic, Period: "2024-Q1", Percent: -1},
		{Date: D(2024, 4, 8), State: vocab.ReportInProgress, Percent: 30}, // no period: counted in the quarter of its date
	}
	summary := func(a Assessment) string {
		s := fmt.Sprintf("%d/%d %s;", a.PeriodsReported, a.PeriodsDue, a.Unit)
		for _, c := range a.Periods {
			s += fmt.Sprintf(" %s:%d:%v", c.Period.Key, c.Report, c.Due)
		}
		return s + " now " + a.Period.Key
	}
	for _, tt := range []struct {
		asOf Date
		want string
	}{
		{D(2024, 5, 15), "1/1 quý; 2024-Q1:0:true 2024-Q2:1:false now 2024-Q2"},
		{D(2024, 8, 1), "2/2 quý; 2024-Q1:0:true 2024-Q2:1:true 2024-Q3:-1:false now 2024-Q3"},
		// After the plan's year the last period stays on show, and all four are due.
		{D(2026, 11, 21), "2/4 quý; 2024-Q1:0:true 2024-Q2:1:true 2024-Q3:-1:true 2024-Q4:-1:true now 2024-Q4"},
		{D(2023, 12, 1), "0/0 quý; now "},
	} {
		if got := summary(Assess(d, reports, tt.asOf, rules)); got != tt.want {
			t.Errorf("on %v: %s\nwant       %s", tt.asOf, got, tt.want)
		}
	}
}

func TestPeriods(t *testing.T) {
	for _, tt := range []struct {
		deadline string
		want     string
	}{
		{"Hàng quý", "2024-Q1 2024-Q2 2024-Q3 2024-Q4"},
		{"02 lần/năm", "2024-H1 2024-H2"},
		{"Thường xuyên", "2024"},
		{"Quý I, Quý II năm 2025 hoặc đột xuất", ""},
		{"Hàng tháng", "2024-01 2024-02 2024-03 2024-04 2024-05 2024-06 2024-07 2024-08 2024-09 2024-10 2024-11 2024-12"},
	} {
		var keys []string
		for _, p := range Parse(tt.deadline, 2024).Periods() {
			keys = append(keys, p.Key)
		}
		if got := fmt.Sprint(keys); got != "["+tt.want+"]" {
			t.Errorf("Periods(%q) = %s; want [%s]", tt.deadline, got, tt.want)
		}
	}
	weeks := Parse("Hàng tuần", 2024).Periods()
	if len(weeks) != 53 || weeks[0].Start != D(2024, 1, 1) || weeks[52].End != D(2024, 12, 31) || weeks[52].Start != D(2024, 12, 30) {
		t.Errorf("weekly periods of 2024: %d, first %v, last %v–%v", len(weeks), weeks[0].Start, weeks[52].Start, weeks[52].End)
	}
}

func TestPeriodLabel(t *testing.T) {
	for key, want := range map[string]string{
		"2024-Q3": "Quý III/2024", "2025-03": "Tháng 3/2025", "2025-11": "Tháng 11/2025", "2024-W05": "Tuần 5/2024",
		"2024-H1": "6 tháng đầu năm 2024", "2024-H2": "6 tháng cuối năm 2024", "2024": "Năm 2024", "2024-2025": "Năm 2024–2025",
		"2024-03-15..2024-09-30": "15/03/2024 – 30/09/2024",
	} {
		p, err := ParsePeriodKey(key)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Label(); got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
}

func TestAddMonths(t *testing.T) {
	for _, tt := range []struct {
		d, want Date
		n       int
	}{
		{D(2024, 1, 15), D(2024, 7, 15), 6},
		{D(2024, 8, 31), D(2025, 2, 28), 6},
		{D(2023, 8, 31), D(2024, 2, 29), 6},
		{D(2024, 11, 30), D(2025, 5, 30), 6},
		{D(2024, 3, 31), D(2023, 9, 30), -6},
		{D(2024, 1, 31), D(2023, 12, 31), -1},
	} {
		if got := AddMonths(tt.d, tt.n); got != tt.want {
			t.Errorf("AddMonths(%v, %d) = %v, want %v", tt.d, tt.n, got, tt.want)
		}
	}
}
