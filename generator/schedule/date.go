package schedule

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a civil date (no time of day, no zone). The zero Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// D returns the date y-m-d. It does not normalise: D(2024, 2, 31) is an invalid date
// (see Valid); use AddDays to move across months.
func D(y int, m time.Month, d int) Date { return Date{Year: y, Month: m, Day: d} }

// FromTime returns the civil date of t in t's own location.
func FromTime(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d names a real day of the Gregorian calendar.
func (d Date) Valid() bool {
	return d.Month >= time.January && d.Month <= time.December && d.Day >= 1 && d.Day <= DaysIn(d.Year, d.Month)
}

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	return cmp.Or(cmp.Compare(d.Year, e.Year), cmp.Compare(d.Month, e.Month), cmp.Compare(d.Day, e.Day))
}

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays returns d moved by n days (n may be negative).
func (d Date) AddDays(n int) Date { return FromTime(d.Time().AddDate(0, 0, n)) }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// String formats d as ISO 8601, "2024-03-05"; the zero Date gives "".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// VN formats d the Vietnamese way, "05/03/2024"; the zero Date gives "".
func (d Date) VN() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// ParseISO reads a date written "2024-03-05" (exactly four, two and two digits).
func ParseISO(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("schedule: date %q is not YYYY-MM-DD", s)
	}
	y, err1 := atoiDigits(s[0:4])
	m, err2 := atoiDigits(s[5:7])
	day, err3 := atoiDigits(s[8:10])
	if err1 != nil || err2 != nil || err3 != nil {
		return Date{}, fmt.Errorf("schedule: date %q is not YYYY-MM-DD", s)
	}
	d := D(y, time.Month(m), day)
	if !d.Valid() {
		return Date{}, fmt.Errorf("schedule: %q is not a real day", s)
	}
	return d, nil
}

// atoiDigits converts a string of ASCII digits only (no sign, no spaces).
func atoiDigits(s string) (int, error) {
	if s == "" {
		return 0, errors.New("empty")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, errors.New("not a digit")
		}
	}
	return strconv.Atoi(s)
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// MonthEnd returns the last day of month m of year y.
func MonthEnd(y int, m time.Month) Date { return D(y, m, DaysIn(y, m)) }

// quarterStart and quarterEnd bound quarter q (1..4) of year y.
func quarterStart(y, q int) Date { return D(y, time.Month(3*q-2), 1) }
func quarterEnd(y, q int) Date   { return MonthEnd(y, time.Month(3*q)) }

// maxDate and minDate pick the later and the earlier of two dates.
func maxDate(a, b Date) Date {
	if a.After(b) {
		return a
	}
	return b
}

func minDate(a, b Date) Date {
	if a.Before(b) {
		return a
	}
	return b
}

// Period is one reporting period: its first and last day and a key naming the calendar
// period it belongs to.
//
// Keys: "2024" (a year), "2022-2025" (several whole years), "2024-H1" (a half-year),
// "2024-Q1" (a quarter), "2024-03" (a month), "2024-W07" (an ISO 8601 week, numbered in its
// ISO year) and "2024-03-05..2024-06-30" (any other span). When Deadline.Period clips a
// period to the deadline's window, Start and End are clipped but the Key still names the
// whole calendar period, so reports keyed "2025-W01" match however the week is clipped.
type Period struct {
	Start, End Date
	Key        string
}

// Contains reports whether day d falls within the period.
func (p Period) Contains(d Date) bool { return !d.Before(p.Start) && !d.After(p.End) }

// CalendarPeriod returns the calendar period of frequency f containing day at: its ISO week
// (Weekly), month (Monthly), quarter (Quarterly), half-year (HalfYearly) or year (Yearly).
// ok is false for the other frequencies, which have no calendar period of their own.
func CalendarPeriod(f Frequency, at Date) (p Period, ok bool) {
	y := at.Year
	switch f {
	case Weekly:
		wy, w := at.Time().ISOWeek()
		start := isoWeekStart(wy, w)
		return Period{start, start.AddDays(6), fmt.Sprintf("%04d-W%02d", wy, w)}, true
	case Monthly:
		return Period{D(y, at.Month, 1), MonthEnd(y, at.Month), fmt.Sprintf("%04d-%02d", y, int(at.Month))}, true
	case Quarterly:
		q := (int(at.Month)-1)/3 + 1
		return Period{quarterStart(y, q), quarterEnd(y, q), fmt.Sprintf("%04d-Q%d", y, q)}, true
	case HalfYearly:
		if at.Month <= time.June {
			return Period{D(y, 1, 1), D(y, 6, 30), fmt.Sprintf("%04d-H1", y)}, true
		}
		return Period{D(y, 7, 1), D(y, 12, 31), fmt.Sprintf("%04d-H2", y)}, true
	case Yearly:
		return yearsPeriod(y, y), true
	}
	return Period{}, false
}

// SpanPeriod returns the period from..to with the shortest key that names it.
func SpanPeriod(from, to Date) Period {
	if from.Month == time.January && from.Day == 1 && to.Month == time.December && to.Day == 31 && from.Year <= to.Year {
		return yearsPeriod(from.Year, to.Year)
	}
	return Period{from, to, from.String() + ".." + to.String()}
}

func yearsPeriod(y1, y2 int) Period {
	key := fmt.Sprintf("%04d", y1)
	if y2 != y1 {
		key += fmt.Sprintf("-%04d", y2)
	}
	return Period{D(y1, 1, 1), D(y2, 12, 31), key}
}

// isoWeekStart returns the Monday of ISO week w of ISO year y.
func isoWeekStart(y, w int) Date {
	jan4 := D(y, 1, 4)
	monday := jan4.AddDays(-((int(jan4.Weekday()) + 6) % 7))
	return monday.AddDays(7 * (w - 1))
}

// isoWeeks returns the number of ISO weeks (52 or 53) in ISO year y.
func isoWeeks(y int) int {
	_, w := D(y, 12, 28).Time().ISOWeek()
	return w
}

// ParsePeriodKey is the inverse of Period.Key: it returns the whole calendar period a key
// names (unclipped).
func ParsePeriodKey(key string) (Period, error) {
	bad := func() (Period, error) { return Period{}, fmt.Errorf("schedule: bad period key %q", key) }
	if from, to, ok := strings.Cut(key, ".."); ok {
		a, err1 := ParseISO(from)
		b, err2 := ParseISO(to)
		if err1 != nil || err2 != nil || b.Before(a) {
			return bad()
		}
		if p := SpanPeriod(a, b); p.Key != key {
			return bad() // a span that has a shorter key is not written this way
		}
		return Period{a, b, key}, nil
	}
	if len(key) < 4 {
		return bad()
	}
	y, err := atoiDigits(key[:4])
	if err != nil {
		return bad()
	}
	rest := key[4:]
	if rest == "" {
		return yearsPeriod(y, y), nil
	}
	if rest[0] != '-' {
		return bad()
	}
	rest = rest[1:]
	var p Period
	var ok bool
	switch {
	case len(rest) == 4:
		y2, err := atoiDigits(rest)
		if err != nil || y2 <= y {
			return bad()
		}
		p, ok = yearsPeriod(y, y2), true
	case len(rest) == 2 && rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2'):
		p, ok = CalendarPeriod(HalfYearly, D(y, time.Month(6*int(rest[1]-'0')), 1))
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		p, ok = CalendarPeriod(Quarterly, D(y, time.Month(3*int(rest[1]-'0')), 1))
	case len(rest) == 2:
		m, err := atoiDigits(rest)
		if err != nil || m < 1 || m > 12 {
			return bad()
		}
		p, ok = CalendarPeriod(Monthly, D(y, time.Month(m), 1))
	case len(rest) == 3 && rest[0] == 'W':
		w, err := atoiDigits(rest[1:])
		if err != nil || w < 1 || w > isoWeeks(y) {
			return bad()
		}
		p, ok = CalendarPeriod(Weekly, isoWeekStart(y, w))
	}
	if !ok || p.Key != key {
		return bad()
	}
	return p, nil
}
