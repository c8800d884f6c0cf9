package schedule

// Calendar knows which days are working days: Monday to Friday, except public holidays, plus
// the weekend days decreed as make-up working days. Holidays come from content (Tết follows
// the lunar calendar), never from code.
type Calendar struct {
	off, on map[Date]bool
}

// NewCalendar returns a calendar with the given days off and extra working days.
func NewCalendar(holidays, workdays []Period) *Calendar {
	c := &Calendar{off: map[Date]bool{}, on: map[Date]bool{}}
	for _, p := range holidays {
		for d := p.Start; !d.After(p.End); d = d.AddDays(1) {
			c.off[d] = true
		}
	}
	for _, p := range workdays {
		for d := p.Start; !d.After(p.End); d = d.AddDays(1) {
			c.on[d] = true
		}
	}
	return c
}

// IsWorkingDay reports whether d is a working day.
func (c *Calendar) IsWorkingDay(d Date) bool {
	if c.on[d] {
		return true
	}
	wd := d.Weekday()
	return wd != 0 && wd != 6 && !c.off[d]
}

// AddWorkingDays returns the n-th working day after d: the day a deadline of n working days
// counted from d (the day of receipt, which is not counted) falls on. n <= 0 returns d.
func (c *Calendar) AddWorkingDays(d Date, n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween counts the working days after from up to and including to; it is 0
// when to is not after from.
func (c *Calendar) WorkingDaysBetween(from, to Date) int {
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}
