package schedule

// Status is what a reader sees of a task at a glance. The list is small and fixed; every
// status has a label and a symbol so that it is never shown by colour alone.
type Status uint8

const (
	NoReport   Status = iota // Chưa có báo cáo: no report, and no date to hold the task to
	NotDue                   // Chưa đến hạn: no completion yet, the due day has not passed
	InProgress               // Đang thực hiện: reported as under way, not yet due
	Overdue                  // Quá hạn: the due day has passed without a report of completion
	DoneLate                 // Hoàn thành trễ hạn: completed after the due day
	Done                     // Hoàn thành: completed on or before the due day (or no due day)
	Recurring                // Thường xuyên: recurring work; the latest period's report is shown
	numStatuses
)

// Statuses lists every status in the order pages show them.
var Statuses = []Status{Done, DoneLate, InProgress, Recurring, NotDue, Overdue, NoReport}

var statusInfo = [numStatuses]struct{ label, slug, symbol, desc string }{
	NoReport:   {"Chưa có báo cáo", "chua-co-bao-cao", "?", "Chưa có báo cáo tiến độ và thời hạn không phải một ngày cụ thể (theo yêu cầu, khi có sự kiện…)."},
	NotDue:     {"Chưa đến hạn", "chua-den-han", "○", "Chưa có báo cáo hoàn thành và chưa đến ngày hết hạn."},
	InProgress: {"Đang thực hiện", "dang-thuc-hien", "◐", "Có báo cáo đang thực hiện và chưa quá hạn."},
	Overdue:    {"Quá hạn", "qua-han", "!", "Đã qua ngày hết hạn mà chưa có báo cáo hoàn thành."},
	DoneLate:   {"Hoàn thành trễ hạn", "hoan-thanh-tre-han", "✓!", "Có báo cáo hoàn thành, nhưng ngày hoàn thành sau ngày hết hạn."},
	Done:       {"Hoàn thành", "hoan-thanh", "✓", "Có báo cáo hoàn thành, đúng hạn hoặc nhiệm vụ không có ngày hết hạn."},
	Recurring:  {"Thường xuyên", "thuong-xuyen", "↻", "Nhiệm vụ định kỳ hoặc thường xuyên; trang hiển thị báo cáo của kỳ gần nhất."},
}

func (s Status) Label() string       { return statusInfo[s].label }
func (s Status) Slug() string        { return statusInfo[s].slug }
func (s Status) Symbol() string      { return statusInfo[s].symbol }
func (s Status) Description() string { return statusInfo[s].desc }
func (s Status) String() string      { return s.Label() }

// Report is what status needs of a progress report.
type Report struct {
	Date      Date
	State     ReportState
	Percent   int // -1 if not given
	Period    string
	Completed Date // zero: Date
}

// ReportState is the state a report declares.
type ReportState uint8

const (
	NotStarted ReportState = iota
	Started
	Finished
	Periodic
)

// Assessment is a task's derived state on the as-of day.
type Assessment struct {
	Status Status
	Due    Date // the day the task is held to; zero if none
	Latest int  // index of the latest report dated on or before the as-of day; -1 if none
	// For recurring tasks: the period containing the as-of day (or the last one, when the
	// window has ended) and the index of the report for it (-1 if none).
	Period       Period
	PeriodReport int
}

// Due returns the day a deadline is held to: its Due, or for several labelled deadlines the
// latest of theirs. ok is false when the deadline has no computable day.
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

// Assess derives the status of a task with deadline d from its reports on day asOf.
// reports must be sorted by date, oldest first. Reports dated after asOf are ignored, so a
// site built "as of" a past day shows that day.
//
// The rules, in order (the site's "Cách tính" page states them too):
//  1. A recurring deadline gives Recurring, with the report of the current period.
//  2. A latest report of completion gives Done, or DoneLate if completed after the due day.
//  3. A due day that has passed gives Overdue.
//  4. A latest report of work under way gives InProgress.
//  5. Otherwise NotDue when there is a due day, NoReport when there is none.
func Assess(d Deadline, reports []Report, asOf Date) Assessment {
	known := len(reports)
	for known > 0 && reports[known-1].Date.After(asOf) {
		known--
	}
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
		a.Status = Recurring
		if p, ok := d.Period(asOf); ok {
			a.Period = p
			for i := known - 1; i >= 0; i-- {
				r := reports[i]
				if r.Period == p.Key || r.Period == "" && p.Contains(r.Date) {
					a.PeriodReport = i
					break
				}
			}
		}
		return a
	}
	switch {
	case latest != nil && latest.State == Finished:
		completed := latest.Completed
		if completed.IsZero() {
			completed = latest.Date
		}
		a.Status = Done
		if hasDue && completed.After(due) {
			a.Status = DoneLate
		}
	case hasDue && asOf.After(due):
		a.Status = Overdue
	case latest != nil && latest.State != NotStarted:
		a.Status = InProgress
	case hasDue:
		a.Status = NotDue
	default:
		a.Status = NoReport
	}
	return a
}

// Counts tallies statuses.
type Counts [numStatuses]int

func (c *Counts) Add(s Status)   { c[s]++ }
func (c Counts) Of(s Status) int { return c[s] }
func (c Counts) Total() (n int) {
	for _, v := range c {
		n += v
	}
	return n
}

// Overdue is the number of overdue tasks.
func (c Counts) Overdue() int { return c[Overdue] }

// Settled is the number of tasks completed (on time or late).
func (c Counts) Settled() int { return c[Done] + c[DoneLate] }
