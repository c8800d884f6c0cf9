package schedule

import (
	"strings"
	"time"

	"congkhai/generator/vocab"
)

// Report is what status needs of a progress report.
type Report struct {
	Date      Date
	State     vocab.ReportStatus
	Percent   int // -1 if not given
	Period    string
	Completed Date // zero: Date
}

// Rules are a site's settings for judging tasks (site.toml's [status] table).
type Rules struct {
	// StaleMonths is the age, in months, after which a report of work under way no longer
	// supports "Đang thực hiện": a report of 15/01 is fresh until 15/07 and stale from 16/07.
	StaleMonths int
	// GraceDays is how many days after a period's last day its report may come in before
	// the period counts as missing: a quarter ending 31/03 is missing from 16/04 with 15.
	GraceDays int
}

// DefaultRules are the rules of a site that sets none.
var DefaultRules = Rules{StaleMonths: 6, GraceDays: 15}

// StaleFrom returns the first day on which a report dated d is stale.
func (r Rules) StaleFrom(d Date) Date { return AddMonths(d, r.StaleMonths).AddDays(1) }

// MissingFrom returns the first day on which period p counts as missing if it has no report.
func (r Rules) MissingFrom(p Period) Date { return p.End.AddDays(r.GraceDays + 1) }

// Assessment is a task's derived state on the as-of day.
type Assessment struct {
	Status vocab.TaskStatus
	Due    Date // the day the task is held to; zero if none
	// Since dates the rating: the day of completion (Done, DoneLate), the first day overdue
	// (Overdue), the date of the report it rests on (InProgress, Stale, PeriodsReported),
	// the due day (NotDue), the first day the first missing period counted as missing
	// (PeriodsMissing); zero for NoReport.
	Since  Date
	Latest int // index of the latest report dated on or before the as-of day; -1 if none
	// For recurring tasks: every period of the window that has begun on the as-of day, oldest
	// first, with its report; how many of them are due (ended, grace included) and how many
	// of those have a report; and the period containing the as-of day (or the last one, when
	// the window has ended) and the index of the report for it (-1 if none).
	Periods         []PeriodCheck
	PeriodsDue      int
	PeriodsReported int
	Period          Period
	PeriodReport    int
	Unit            string // what a period is called: "quý", "tháng"…
}

// PeriodCheck is one reporting period of a recurring task.
type PeriodCheck struct {
	Period Period
	Report int  // index of its report, -1 if none
	Due    bool // ended, grace included: a missing report now counts
}

// DueDay returns the day a deadline is held to: its Due, or for several labelled deadlines
// the latest of theirs. ok is false when the deadline has no computable day.
func (d Deadline) DueDay() (Date, bool) {
	if d.Kind == KindParts {
		var last Date
		for _, p := range d.Parts {
			if due, ok := p.Deadline.DueDay(); ok && (last.IsZero() || due.After(last)) {
				last = due
			}
		}
		return last, !last.IsZero()
	}
	return d.Due, !d.Due.IsZero() && d.Kind != KindText && d.Kind != KindEvent
}

// Periods returns the reporting periods of a recurring deadline's window, oldest first: one
// per calendar period of its frequency, clipped to the window, or the whole window for
// "Thường xuyên" and "Định kỳ" without an interval. It is nil for a deadline that is not
// recurring or has no window.
func (d Deadline) Periods() []Period {
	if d.Kind != KindRecurring || d.From.IsZero() || d.Due.IsZero() || d.Due.Before(d.From) {
		return nil
	}
	if _, ok := CalendarPeriod(d.Every, d.From); !ok {
		return []Period{SpanPeriod(d.From, d.Due)}
	}
	var ps []Period
	for at := d.From; !at.After(d.Due); {
		p, _ := CalendarPeriod(d.Every, at)
		next := p.End.AddDays(1)
		p.Start, p.End = maxDate(p.Start, d.From), minDate(p.End, d.Due)
		ps = append(ps, p)
		at = next
	}
	return ps
}

// PeriodUnit is what one period of frequency f is called in "Báo cáo 3/4 quý".
func PeriodUnit(f Frequency) string {
	switch f {
	case Weekly:
		return "tuần"
	case Monthly:
		return "tháng"
	case Quarterly:
		return "quý"
	case HalfYearly:
		return "kỳ 6 tháng"
	case Yearly:
		return "năm"
	}
	return "kỳ"
}

// Assess derives the status of a task with deadline d from its reports on day asOf under
// rules. reports must be sorted by date, oldest first. Reports dated after asOf are
// ignored, so a site built "as of" a past day shows that day.
//
// The rules, in order (the site's "Cách tính" page states them too, with examples):
//  1. A recurring deadline is judged by its periods: PeriodsMissing when a period whose
//     report is due (its last day plus the grace days has passed) has none, otherwise
//     PeriodsReported.
//  2. A latest report of completion gives Done, or DoneLate if completed after the due day.
//  3. A due day that has passed gives Overdue.
//  4. A latest report of work under way gives InProgress while it is fresh and Stale once
//     it is older than the stale age.
//  5. Otherwise NotDue when there is a due day, NoReport when there is none.
func Assess(d Deadline, reports []Report, asOf Date, rules Rules) Assessment {
	known := len(reports)
	for known > 0 && reports[known-1].Date.After(asOf) {
		known--
	}
	reports = reports[:known]
	a := Assessment{Latest: known - 1, PeriodReport: -1}
	var latest *Report
	if known > 0 {
		latest = &reports[known-1]
	}
	due, hasDue := d.DueDay()
	if hasDue {
		a.Due = due
	}
	if d.Kind == KindRecurring {
		a.assessPeriods(d, reports, asOf, rules)
		return a
	}
	switch {
	case latest != nil && latest.State == vocab.ReportDone:
		completed := latest.Completed
		if completed.IsZero() {
			completed = latest.Date
		}
		a.Status, a.Since = vocab.TaskDone, completed
		if hasDue && completed.After(due) {
			a.Status = vocab.TaskDoneLate
		}
	case hasDue && asOf.After(due):
		a.Status, a.Since = vocab.TaskOverdue, due.AddDays(1)
	case latest != nil && latest.State != vocab.ReportNotStarted:
		a.Status, a.Since = vocab.TaskInProgress, latest.Date
		if !asOf.Before(rules.StaleFrom(latest.Date)) {
			a.Status = vocab.TaskStale
		}
	case hasDue:
		a.Status, a.Since = vocab.TaskNotDue, due
	default:
		a.Status = vocab.TaskNoReport
	}
	return a
}

func (a *Assessment) assessPeriods(d Deadline, reports []Report, asOf Date, rules Rules) {
	a.Status = vocab.TaskPeriodsReported
	a.Unit = PeriodUnit(d.Every)
	if a.Latest >= 0 {
		a.Since = reports[a.Latest].Date
	}
	missing := false
	for _, p := range d.Periods() {
		if p.Start.After(asOf) {
			break
		}
		c := PeriodCheck{Period: p, Report: reportFor(p, reports), Due: !asOf.Before(rules.MissingFrom(p))}
		a.Periods = append(a.Periods, c)
		if c.Due {
			a.PeriodsDue++
			if c.Report >= 0 {
				a.PeriodsReported++
			} else if !missing {
				missing = true
				a.Status, a.Since = vocab.TaskPeriodsMissing, rules.MissingFrom(p)
			}
		}
	}
	if n := len(a.Periods); n > 0 {
		a.Period, a.PeriodReport = a.Periods[n-1].Period, a.Periods[n-1].Report
	}
}

// reportFor returns the index of the latest report for period p, -1 if none: a report
// naming p or a period within it, or, naming none, dated within it.
func reportFor(p Period, reports []Report) int {
	for i := len(reports) - 1; i >= 0; i-- {
		r := reports[i]
		if r.Period == p.Key {
			return i
		}
		if rp, err := ParsePeriodKey(r.Period); err == nil {
			if !rp.Start.Before(p.Start) && !rp.End.After(p.End) {
				return i
			}
			continue
		}
		if p.Contains(r.Date) {
			return i
		}
	}
	return -1
}

// Label names a period the way a page says it: "Quý III/2024", "Tháng 3/2025", "Tuần 5/2024",
// "6 tháng đầu năm 2024", "Năm 2024", "Năm 2024–2025", or its first and last day.
func (p Period) Label() string {
	key := p.Key
	if strings.Contains(key, "..") || len(key) < 4 {
		return p.Start.VN() + " – " + p.End.VN()
	}
	y, rest := key[:4], strings.TrimPrefix(key[4:], "-")
	switch {
	case rest == "":
		return "Năm " + y
	case len(rest) == 4:
		return "Năm " + y + "–" + rest
	case rest == "H1":
		return "6 tháng đầu năm " + y
	case rest == "H2":
		return "6 tháng cuối năm " + y
	case rest[0] == 'Q' && len(rest) == 2:
		return QuarterName(int(rest[1]-'0')) + "/" + y
	case rest[0] == 'W':
		return "Tuần " + strings.TrimLeft(rest[1:], "0") + "/" + y
	case len(rest) == 2:
		return "Tháng " + strings.TrimLeft(rest, "0") + "/" + y
	}
	return p.Start.VN() + " – " + p.End.VN()
}

// AddMonths returns the day n months after d, on the last day of the month when d's day does
// not exist there (31/08 + 6 months is 28/02 or 29/02).
func AddMonths(d Date, n int) Date {
	m := int(d.Month) - 1 + n
	y := d.Year + m/12
	if m %= 12; m < 0 {
		m += 12
		y--
	}
	month := time.Month(m + 1)
	return D(y, month, min(d.Day, DaysIn(y, month)))
}

// Counts tallies the statuses of tasks, and for recurring tasks their periods.
type Counts struct {
	ByStatus [vocab.NumTaskStatuses]int
	// PeriodsDue and PeriodsReported sum the recurring tasks' periods whose report is due,
	// and of those the ones reported.
	PeriodsDue, PeriodsReported int
}

// Add counts one task's assessment.
func (c *Counts) Add(a Assessment) {
	c.ByStatus[a.Status]++
	c.PeriodsDue += a.PeriodsDue
	c.PeriodsReported += a.PeriodsReported
}

func (c Counts) Of(s vocab.TaskStatus) int { return c.ByStatus[s] }

// Total is the number of tasks counted.
func (c Counts) Total() (n int) {
	for _, v := range c.ByStatus {
		n += v
	}
	return n
}

// Recurring is the number of recurring tasks, judged by their periods.
func (c Counts) Recurring() int {
	return c.ByStatus[vocab.TaskPeriodsMissing] + c.ByStatus[vocab.TaskPeriodsReported]
}

// Completable is the number of tasks that can be completed: every task that is not recurring.
func (c Counts) Completable() int { return c.Total() - c.Recurring() }

// Overdue is the number of overdue tasks.
func (c Counts) Overdue() int { return c.ByStatus[vocab.TaskOverdue] }

// Settled is the number of tasks completed (on time or late).
func (c Counts) Settled() int { return c.ByStatus[vocab.TaskDone] + c.ByStatus[vocab.TaskDoneLate] }
