package schedule

import "congkhai/generator/vocab"

// Report is what status needs of a progress report.
type Report struct {
	Date      Date
	State     vocab.ReportStatus
	Percent   int // -1 if not given
	Period    string
	Completed Date // zero: Date
}

// Assessment is a task's derived state on the as-of day.
type Assessment struct {
	Status vocab.TaskStatus
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
		a.Status = vocab.TaskRecurring
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
	case latest != nil && latest.State == vocab.ReportDone:
		completed := latest.Completed
		if completed.IsZero() {
			completed = latest.Date
		}
		a.Status = vocab.TaskDone
		if hasDue && completed.After(due) {
			a.Status = vocab.TaskDoneLate
		}
	case hasDue && asOf.After(due):
		a.Status = vocab.TaskOverdue
	case latest != nil && latest.State != vocab.ReportNotStarted:
		a.Status = vocab.TaskInProgress
	case hasDue:
		a.Status = vocab.TaskNotDue
	default:
		a.Status = vocab.TaskNoReport
	}
	return a
}

// Counts tallies statuses.
type Counts [vocab.NumTaskStatuses]int

func (c *Counts) Add(s vocab.TaskStatus)   { c[s]++ }
func (c Counts) Of(s vocab.TaskStatus) int { return c[s] }
func (c Counts) Total() (n int) {
	for _, v := range c {
		n += v
	}
	return n
}

// Overdue is the number of overdue tasks.
func (c Counts) Overdue() int { return c[vocab.TaskOverdue] }

// Settled is the number of tasks completed (on time or late).
func (c Counts) Settled() int { return c[vocab.TaskDone] + c[vocab.TaskDoneLate] }
