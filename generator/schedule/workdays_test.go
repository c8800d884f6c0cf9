package schedule

import (
	"testing"
	"time"
)

func TestCalendar(t *testing.T) {
	// Tết Bính Ngọ: days off Monday 16 to Friday 20 February 2026; a made-up make-up
	// Saturday on 28 February to exercise workdays.
	cal := NewCalendar(
		[]Period{{Start: D(2026, time.February, 16), End: D(2026, time.February, 20)}, {Start: D(2026, time.January, 1), End: D(2026, time.January, 1)}},
		[]Period{{Start: D(2026, time.February, 28), End: D(2026, time.February, 28)}},
	)
	tests := []struct {
		from Date
		n    int
		want Date
	}{
		{D(2026, time.March, 2), 10, D(2026, time.March, 16)},       // Monday: two full weeks
		{D(2026, time.March, 6), 1, D(2026, time.March, 9)},         // Friday: skips the weekend
		{D(2026, time.March, 7), 1, D(2026, time.March, 9)},         // received on a Saturday
		{D(2026, time.February, 12), 2, D(2026, time.February, 23)}, // Thursday before Tết: 13, then 23
		{D(2026, time.February, 12), 7, D(2026, time.February, 28)}, // 13, 23, 24, 25, 26, 27, Saturday 28
		{D(2025, time.December, 31), 1, D(2026, time.January, 2)},   // New Year's Day
		{D(2026, time.March, 2), 0, D(2026, time.March, 2)},
	}
	for _, tt := range tests {
		if got := cal.AddWorkingDays(tt.from, tt.n); got != tt.want {
			t.Errorf("AddWorkingDays(%v, %d) = %v, want %v", tt.from, tt.n, got, tt.want)
		}
		if got := cal.WorkingDaysBetween(tt.from, tt.want); got != tt.n {
			t.Errorf("WorkingDaysBetween(%v, %v) = %d, want %d", tt.from, tt.want, got, tt.n)
		}
	}
	if cal.IsWorkingDay(D(2026, time.February, 17)) || !cal.IsWorkingDay(D(2026, time.February, 28)) || cal.IsWorkingDay(D(2026, time.March, 1)) {
		t.Error("IsWorkingDay ignores holidays, make-up days or Sundays")
	}
	if got := cal.WorkingDaysBetween(D(2026, time.March, 16), D(2026, time.March, 2)); got != 0 {
		t.Errorf("WorkingDaysBetween backwards = %d, want 0", got)
	}
}
