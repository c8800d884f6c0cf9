package content

import (
	"reflect"
	"strconv"
	"strings"
	"time"
)

// The bounds of the content's numbers and dates. A value outside them is a typo (2204 for
// 2024), and some would stall the build or overflow: a deadline of 10⁹ working days is
// counted day by day, one of 2⁶³ wraps round.
const (
	// MinYear and MaxYear bound every year and date: the plans are of the 2020s, the oldest
	// document they cite is of the 2010s, and a day is counted across the range in
	// working days.
	MinYear = 1990
	MaxYear = 2100
	// MaxAnswerDays bounds [pakn] answer_days: the plans require answers within 10 days;
	// a year is the most any rule allows.
	MaxAnswerDays = 365
	// MaxStaleMonths and MaxGraceDays bound [status]: a report may stay fresh up to five
	// years, and a period's report may be a year late before it counts as missing.
	MaxStaleMonths = 60
	MaxGraceDays   = 365
	// MinKioskIdle..MaxKioskIdle bound [kiosk] idle_seconds, and MinKioskWarning..
	// MaxKioskWarning its warning_seconds: WCAG 2.2.1 gives a user at least 20 seconds to
	// ask for more time; an hour without a touch is no longer the same visitor.
	MinKioskIdle, MaxKioskIdle       = 5, 3600
	MinKioskWarning, MaxKioskWarning = 20, 600
	// MaxRank bounds a unit's rank in a 766 period: there were fewer than 11,000 communes
	// in the country before 2025, and ranks are of provinces, agencies or communes.
	MaxRank = 100_000
)

// InYears reports whether year is within MinYear..MaxYear.
func InYears(year int) bool { return year >= MinYear && year <= MaxYear }

// dates checks every date of a decoded record (a pointer to a struct, its fields found by
// their TOML keys): within MinYear..MaxYear, and a day, without a time.
func (v *validator) dates(src *source, rec any) {
	v.walkDates(src, reflect.ValueOf(rec).Elem(), "")
}

func (v *validator) walkDates(src *source, val reflect.Value, path string) {
	switch {
	case val.Type() == timeType:
		t := val.Interface().(time.Time)
		switch {
		case t.IsZero():
		case !InYears(t.Year()):
			v.errs.Add(src.Pos(path), "%s: ngày %s nằm ngoài các năm %d–%d", keyName(path), t.Format("2006-01-02"), MinYear, MaxYear)
		case t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 || t.Nanosecond() != 0:
			// A datetime decodes to the same time.Time as a date, in a zone that depends on
			// the machine: only its clock tells them apart.
			v.errs.Add(src.Pos(path), "%s: chỉ ghi ngày (2024-12-31), không ghi giờ", keyName(path))
		}
	case val.Kind() == reflect.Pointer:
		if !val.IsNil() {
			v.walkDates(src, val.Elem(), path)
		}
	case val.Kind() == reflect.Slice:
		for i := range val.Len() {
			v.walkDates(src, val.Index(i), join(path, strconv.Itoa(i)))
		}
	case val.Kind() == reflect.Struct:
		t := val.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("toml")
			switch {
			case tag == "-" || !f.IsExported():
			case f.Anonymous && tag == "":
				v.walkDates(src, val.Field(i), path)
			default:
				v.walkDates(src, val.Field(i), join(path, strings.Split(tag, ",")[0]))
			}
		}
	}
}

// bounds checks the numbers of the content and every date of every file.
func (v *validator) bounds(set *Set) {
	if f := set.Site; f != nil {
		v.dates(&f.source, f)
		if d := f.Petitions.AnswerDays; d != nil && (*d < 1 || *d > MaxAnswerDays) {
			v.errs.Add(f.Pos("pakn.answer_days"), "answer_days: %d nằm ngoài 1..%d (số ngày phải trả lời phản ánh, kiến nghị)", *d, MaxAnswerDays)
		}
		if l := f.OpenData.License; l != "" && !IsSiteURL(l) {
			v.errs.Add(f.Pos("open_data.license"), "license: %q cần là địa chỉ http(s) đầy đủ của giấy phép, ví dụ https://creativecommons.org/licenses/by/4.0/", l)
		}
		if e := f.OpenData.ContactEmail; e != "" && (strings.Count(e, "@") != 1 || strings.ContainsAny(e, " <>,;:") || strings.HasPrefix(e, "@") || strings.HasSuffix(e, "@")) {
			v.errs.Add(f.Pos("open_data.contact_email"), "contact_email: %q không phải một địa chỉ thư điện tử", e)
		}
		if m := f.Status.StaleMonths; m != nil && (*m < 1 || *m > MaxStaleMonths) {
			v.errs.Add(f.Pos("status.stale_after_months"), "stale_after_months: %d nằm ngoài 1..%d (số tháng một báo cáo đang thực hiện còn được coi là mới)", *m, MaxStaleMonths)
		}
		if d := f.Status.GraceDays; d != nil && (*d < 0 || *d > MaxGraceDays) {
			v.errs.Add(f.Pos("status.report_grace_days"), "report_grace_days: %d nằm ngoài 0..%d (số ngày sau khi hết kỳ để nộp báo cáo kỳ)", *d, MaxGraceDays)
		}
		if s := f.Kiosk.IdleSeconds; s != nil && (*s < MinKioskIdle || *s > MaxKioskIdle) {
			v.errs.Add(f.Pos("kiosk.idle_seconds"), "idle_seconds: %d nằm ngoài %d..%d (số giây không ai chạm vào màn hình kiosk trước khi hiện cảnh báo)", *s, MinKioskIdle, MaxKioskIdle)
		}
		if s := f.Kiosk.WarningSeconds; s != nil && (*s < MinKioskWarning || *s > MaxKioskWarning) {
			v.errs.Add(f.Pos("kiosk.warning_seconds"), "warning_seconds: %d nằm ngoài %d..%d (số giây đếm ngược của cảnh báo trước khi kiosk về trang chủ; WCAG 2.2.1 cần ít nhất 20 giây)", *s, MinKioskWarning, MaxKioskWarning)
		}
	}
	for _, f := range set.Authorities {
		v.dates(&f.source, f)
	}
	for _, f := range set.Plans {
		v.dates(&f.source, f)
	}
	for _, f := range set.Reports {
		v.dates(&f.source, f)
	}
	for _, f := range set.Procedures {
		v.dates(&f.source, f)
	}
	for _, f := range set.Petitions {
		v.dates(&f.source, f)
	}
	for _, f := range set.Results {
		v.dates(&f.source, f)
	}
	if f := set.Holidays; f != nil {
		v.dates(&f.source, f)
	}
}
