// Package schedule reads the free-text deadlines of a plan's task table ("Thời gian hoàn
// thành", "Thời gian thực hiện") and works with the civil dates and reporting periods they
// name.
//
// Parse never fails and never alters the text it is given: what it cannot read is KindText,
// for a person to read. Matching works on a normalised copy of the text: folded (package fold:
// lower case, diacritics removed, so that NFC, NFD and mixed input read alike and "hàng" and
// "hằng" are one word, "đ" read as "d"), runs of spaces, tabs and NBSP made one space, no spaces around "/", dashes
// made "-", and a year broken by a stray space ("16/01/202 4") joined again. Leading bullets and
// trailing punctuation are ignored.
//
// The grammar, on that normalised copy (? optional, | or, N a number, YYYY a four-digit year,
// Q a quarter: I, II, III, IV or 1..4):
//
//	text      = list | labelled | single | single "và" single | anything else (KindText)
//	list      = item { ";" item }          (also a line break before a "-", "+" or "•" bullet)
//	item      = single | label ":" single | single "," label | label single   (label ≤ 4 words)
//	labelled  = label ":" single
//	single    = event | ["dự kiến"] {modifier} core [suffix]
//	modifier  = "chậm nhất" | "trước" ["ngày"] | "hết" | "trong" | "vào"
//	            ("chậm nhất", "trước", "hết" set Before)
//	core      = recurring | half | quarters | month | date | year
//	recurring = "thường xuyên" window                          Continuous ("thường xuân" too)
//	          | ["định kỳ"] ("hàng"|"hằng"|"mỗi") ("tuần"|"tháng"|"quý"|"năm") window
//	          | ["ngày"] N "hàng tháng" window                 Monthly, DayOfMonth N
//	          | N "lần" "/" ("năm"|"quý"|"tháng"|"tuần") window e.g. "02 lần/năm": HalfYearly
//	          | ["định kỳ"] N ("tháng"|"tuần") "/" [N] "lần" window  e.g. "06 tháng/ 01 lần"
//	          | ["theo"] "định kỳ" window ["theo báo cáo CCHC"] Periodically (Quarterly for CCHC)
//	          | "6 tháng đầu năm và cuối năm" [YYYY]            HalfYearly
//	window    = [("trong"|"của"|"cả") ("năm"|"giai đoạn") [YYYY ["-" YYYY]] | ["trong"] YYYY]
//	half      = ("6 tháng"|"nửa") ("đầu"|"cuối") ["năm"] [["/"|"năm"] YYYY]
//	quarters  = "quý" Q {("," | "và" | "hoặc" | "-" | "đến") ["quý"] Q} [("/"|"năm"|",") YYYY]
//	month     = ["đầu"|"giữa"|"cuối"] "tháng" N [("hoặc"|"đến"|"và"|"-"|",") ["đầu"...] "tháng" N]
//	            [("/"|"năm"|" ") YYYY]
//	date      = ["ngày"] N "/" N ["/" YYYY] | ["ngày"] N ("."|"-") N ("."|"-") YYYY
//	          | ["ngày"] N "tháng" N ["năm" YYYY] | YYYY "-" MM "-" DD
//	year      = [("cả"|"1"|"một")] ("năm"|"giai đoạn") [YYYY ["-" YYYY]] | YYYY ["-" YYYY]
//	suffix    = ("hoặc"|"và"|"/") "đột xuất" ...   sets OrOnDemand
//	          | "(" ... | "theo" ...               kept as Note
//	event     = ("khi" | "sau khi" | "sau" N | "ngay sau" | "theo yêu cầu" | "theo đề nghị"
//	          | "theo chỉ đạo" | "theo lộ trình" | "theo quy định" | "theo hướng dẫn"
//	          | "thực hiện theo lộ trình" | "trong thời gian" N | "chậm nhất sau" | "đột xuất"
//	          | "theo kế hoạch" ... "đột xuất") ...
//
// Where the text names no year, the plan's year (Parse's year argument) is used; when that is
// unknown (≤ 0) the kind is kept but the dates stay zero. A date that is not a real day
// ("31/02/2024"), a month outside 1..12 or a year outside 1900..2199 makes the text KindText.
// "Theo kế hoạch" alone names no time and is KindText.
package schedule

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"congkhai/generator/fold"
)

// Kind is the shape of a deadline.
type Kind uint8

const (
	KindText      Kind = iota // only a person can read it ("Báo cáo kết quả kiểm tra", "Theo Kế hoạch")
	KindDate                  // a day: "31/12/2025", "Trước ngày 15/8/2022"
	KindMonth                 // a month, or two: "Tháng 12/2023", "Trong tháng 2 hoặc đầu tháng 3 năm 2025"
	KindQuarters              // one or more quarters of a year: "Quý I/2024", "Quý II, III"
	KindHalf                  // a half-year: "6 tháng đầu năm 2024"
	KindYear                  // a year or a run of years: "Năm 2025", "Trong năm", "2022 - 2025"
	KindRecurring             // repeated work: "Thường xuyên", "Hàng quý", "Ngày 05 hàng tháng"
	KindEvent                 // relative to an event: "Khi có thay đổi", "Theo yêu cầu"
	KindParts                 // several (labelled) deadlines
	numKinds
)

var kindLabels = [numKinds]string{"Văn bản", "Ngày", "Tháng", "Quý", "Nửa năm", "Năm", "Định kỳ", "Theo sự kiện", "Nhiều mốc"}

// String returns the kind's Vietnamese label.
func (k Kind) String() string {
	if k < numKinds {
		return kindLabels[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Valid reports whether k is one of the declared kinds.
func (k Kind) Valid() bool { return k < numKinds }

// dated reports whether the kind names a span of the calendar by itself.
func (k Kind) dated() bool { return k >= KindDate && k <= KindYear }

// Frequency is how often recurring work repeats.
type Frequency uint8

const (
	Once         Frequency = iota
	Continuous             // "Thường xuyên": no sub-period, the whole window
	Weekly                 // "Hàng tuần"
	Monthly                // "Hàng tháng", "Ngày 05 hàng tháng"
	Quarterly              // "Hàng quý", "Định kỳ theo báo cáo CCHC"
	HalfYearly             // "02 lần/năm", "Định kỳ 06 tháng/ 01 lần", "6 tháng đầu năm và cuối năm"
	Yearly                 // "Hàng năm", "01 lần/năm"
	Periodically           // "Định kỳ" with no stated interval; treated like Continuous
	numFrequencies
)

var frequencyLabels = [numFrequencies]string{"một lần", "thường xuyên", "hằng tuần", "hằng tháng", "hằng quý", "6 tháng một lần", "hằng năm", "định kỳ"}

// String returns the frequency's Vietnamese label ("hằng quý").
func (f Frequency) String() string {
	if f < numFrequencies {
		return frequencyLabels[f]
	}
	return "Frequency(" + strconv.Itoa(int(f)) + ")"
}

// Deadline is a parsed deadline text.
type Deadline struct {
	Text string // the original text, never altered (not even trimmed)
	Kind Kind
	// From and Due bound the window: its first and its last day; Due is the day the work is
	// due. Date: From == Due. Month: 1st of the (first) month..last day of the (last) month.
	// Quarters: first day of the first quarter..last day of the last. Half, Year: their bounds.
	// Recurring: the window the recurrence runs in (the plan year unless the text names one).
	// Parts: the earliest From and the latest Due of the parts that have them.
	// Zero for Text and Event, and where the year is unknown.
	From, Due  Date
	Quarters   []int     // KindQuarters: 1..4, ascending, no repeats
	Every      Frequency // KindRecurring
	DayOfMonth int       // "Ngày 05 hàng tháng" -> 5
	Before     bool      // "Trước ngày ...", "Chậm nhất ...", "Hết ...": the Due day is a limit
	OrOnDemand bool      // "... hoặc đột xuất", "và đột xuất khi có yêu cầu"
	Tentative  bool      // "Dự kiến ...": the plan only expects this date
	Event      string    // KindEvent: the event phrase (the text, trimmed)
	Note       string    // a remark after the deadline that was not read: "(ban hành danh mục)"
	Parts      []Part    // KindParts; for a plain list each part may have an empty Label
}

// Part is one of several deadlines in one text, with the label it was given, if any
// ("UBND cấp xã" in "...; UBND cấp xã: theo yêu cầu").
type Part struct {
	Label    string
	Deadline Deadline
}

// Parse reads a deadline text. year is the plan's year, used where the text names none
// ("Quý II, III", "Hàng tháng", "Trong năm"); ≤ 0 means unknown. It never fails: what it
// cannot read is KindText.
func Parse(text string, year int) Deadline {
	if year < 1 || year > 9999 {
		year = 0
	}
	s := normalize(text)
	d := s.parse(0, len(s.n), year)
	d.Text = text
	return d
}

// Period returns the reporting period of a recurring deadline that contains day at, clipped
// to the deadline's window: the ISO week (Weekly), month (Monthly), quarter (Quarterly),
// half-year (HalfYearly), calendar year (Yearly; the whole window when it is one year), or
// the whole window (Continuous, Periodically). ok is false if the deadline is not recurring,
// has no window, or at is before the window; if at is after the window, the last period is
// returned.
func (d Deadline) Period(at Date) (p Period, ok bool) {
	if d.Kind != KindRecurring || d.From.IsZero() || d.Due.IsZero() || d.Due.Before(d.From) || at.Before(d.From) {
		return Period{}, false
	}
	if at.After(d.Due) {
		at = d.Due
	}
	p, ok = CalendarPeriod(d.Every, at)
	if !ok {
		return SpanPeriod(d.From, d.Due), true
	}
	p.Start, p.End = maxDate(p.Start, d.From), minDate(p.End, d.Due)
	return p, true
}

// ---------------------------------------------------------------------------------------
// Normalisation

// src is a deadline text and its normalised copy n; start[i] and end[i] give the span of the
// original text that produced byte i of n, so that labels, notes and events can be returned
// in the original spelling.
type src struct {
	orig       string
	n          string
	start, end []int
}

// normRune appends what rune r becomes in the normalised copy: letters folded (package
// fold: lower case, no diacritics, đ as d), every space one space, dashes and bullets "-",
// "…" three dots, the full-width slash "/"; combining marks and zero-width characters
// append nothing.
func normRune(b []byte, r rune) []byte {
	switch {
	case r == '\u200b', r == '\u200c', r == '\u200d', r == '\ufeff', r == '\u00ad':
		return b
	case unicode.IsSpace(r):
		return append(b, ' ')
	case r == '…':
		return append(b, "..."...)
	case strings.ContainsRune("‐‑‒–—―−•●▪◦", r):
		return append(b, '-')
	case r == '／':
		return append(b, '/')
	}
	return fold.AppendRune(b, r)
}

func isBulletRune(r rune) bool { return strings.ContainsRune("-+*•●▪◦–", r) }

func normalize(orig string) *src {
	s := &src{orig: orig}
	var b []byte
	push := func(c byte, i, j int, nextIsDigit bool) {
		last := byte(0)
		if len(b) > 0 {
			last = b[len(b)-1]
		}
		switch {
		case c == ' ':
			if last == 0 || last == ' ' || last == '/' || last == ';' {
				return
			}
		case c == '/' || c == ';':
			if last == ' ' {
				b, s.start, s.end = b[:len(b)-1], s.start[:len(s.start)-1], s.end[:len(s.end)-1]
			}
		case isDigit(c) && last == ' ' && !nextIsDigit:
			// "16/01/202 4": a year broken by a stray space
			if k := len(b); k >= 5 && isDigit(b[k-2]) && isDigit(b[k-3]) && isDigit(b[k-4]) && b[k-5] == '/' {
				b, s.start, s.end = b[:k-1], s.start[:k-1], s.end[:k-1]
			}
		}
		b = append(b, c)
		s.start = append(s.start, i)
		s.end = append(s.end, j)
	}
	var folded [2 * utf8.UTFMax]byte // what one rune becomes
	for i := 0; i < len(orig); {
		r, size := utf8.DecodeRuneInString(orig[i:])
		j := i + size
		next, _ := utf8.DecodeRuneInString(orig[j:])
		nextIsDigit := j < len(orig) && next >= '0' && next <= '9'
		if r == '\n' || r == '\r' {
			// a line break before a bullet starts a new list item
			k := j
			for k < len(orig) {
				rk, sk := utf8.DecodeRuneInString(orig[k:])
				if !unicode.IsSpace(rk) {
					break
				}
				k += sk
			}
			rk, _ := utf8.DecodeRuneInString(orig[k:])
			if k < len(orig) && isBulletRune(rk) {
				push(';', i, j, false)
			} else {
				push(' ', i, j, false)
			}
			i = j
			continue
		}
		out := normRune(folded[:0], r)
		if len(out) == 0 {
			if len(s.end) > 0 {
				s.end[len(s.end)-1] = j // keep combining marks with their letter
			}
			i = j
			continue
		}
		for k := 0; k < len(out); k++ {
			push(out[k], i, j, nextIsDigit)
		}
		i = j
	}
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b, s.start, s.end = b[:len(b)-1], s.start[:len(s.start)-1], s.end[:len(s.end)-1]
	}
	s.n = string(b)
	return s
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordByte(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 0x80 }

// original returns the original text behind n[a:b], trimmed, its runs of white space (line
// breaks, NBSP) made single spaces. Letters are kept as written.
func (s *src) original(a, b int) string {
	if a >= b {
		return ""
	}
	return strings.Join(strings.Fields(s.orig[s.start[a]:s.end[b-1]]), " ")
}

// trim narrows n[a:b] past leading bullets and separators and trailing punctuation.
func (s *src) trim(a, b int) (int, int) {
	for a < b && strings.IndexByte(" -+*;,.:", s.n[a]) >= 0 {
		a++
	}
	for b > a && strings.IndexByte(" .,;:!-", s.n[b-1]) >= 0 {
		b--
	}
	return a, b
}

// ---------------------------------------------------------------------------------------
// Texts, lists and parts

func (s *src) text(a, b int) Deadline { return Deadline{Text: s.original(a, b), Kind: KindText} }

// Bounds on the work done for one text: deadline cells are short, and these keep Parse
// linear in the length of what it is given.
const (
	maxScan     = 1000 // longer texts (normalised bytes) are read only as one single deadline
	maxConjTags = 8    // "và" positions tried when splitting "deadline và deadline"
)

// parse reads a whole text: a list, a labelled deadline, a single deadline or two joined by "và".
func (s *src) parse(a, b, year int) Deadline {
	a, b = s.trim(a, b)
	if a >= b {
		return s.text(a, b)
	}
	if b-a > maxScan {
		if d, ok := s.parseSingle(a, b, year); ok {
			return d
		}
		return s.text(a, b)
	}
	if d, ok := s.parseList(a, b, year); ok {
		return d
	}
	if d, ok := s.parseSingle(a, b, year); ok {
		return d
	}
	if d, ok := s.parseConj(a, b, year); ok {
		return d
	}
	if p, ok := s.parseLabelled(a, b, year); ok {
		return s.parts(a, b, []Part{p})
	}
	return s.text(a, b)
}

// parseList reads items separated by ";": every item must be readable.
func (s *src) parseList(a, b, year int) (Deadline, bool) {
	if strings.IndexByte(s.n[a:b], ';') < 0 {
		return Deadline{}, false
	}
	var parts []Part
	for i := a; i < b; {
		j := strings.IndexByte(s.n[i:b], ';')
		if j < 0 {
			j = b
		} else {
			j += i
		}
		if pa, pb := s.trim(i, j); pa < pb {
			p, ok := s.parseItem(pa, pb, year)
			if !ok {
				return Deadline{}, false
			}
			parts = append(parts, p)
		}
		i = j + 1
	}
	if len(parts) < 2 {
		return Deadline{}, false
	}
	return s.parts(a, b, parts), true
}

// parseLabelled reads "label: deadline".
func (s *src) parseLabelled(a, b, year int) (Part, bool) {
	i := strings.IndexByte(s.n[a:b], ':')
	if i <= 0 {
		return Part{}, false
	}
	la, lb := s.trim(a, a+i)
	if la >= lb {
		return Part{}, false
	}
	if d, ok := s.parseSingle(a+i+1, b, year); ok {
		return Part{Label: s.original(la, lb), Deadline: d}, true
	}
	return Part{}, false
}

// parseItem reads one item of a list: a deadline, "label: deadline", "deadline, label" or a
// few words of label before a deadline ("Báo cáo Quý I/2022").
func (s *src) parseItem(a, b, year int) (Part, bool) {
	if d, ok := s.parseSingle(a, b, year); ok {
		return Part{Deadline: d}, true
	}
	if p, ok := s.parseLabelled(a, b, year); ok {
		return p, true
	}
	if i := strings.IndexByte(s.n[a:b], ','); i > 0 {
		if d, ok := s.parseSingle(a, a+i, year); ok && d.Kind.dated() {
			if la, lb := s.trim(a+i+1, b); la < lb {
				return Part{Label: s.original(la, lb), Deadline: d}, true
			}
		}
	}
	words := 0
	for i := a; i < b && words < 4; i++ {
		if s.n[i] != ' ' {
			continue
		}
		words++
		if d, ok := s.parseSingle(i+1, b, year); ok && d.Kind.dated() {
			return Part{Label: s.original(a, i), Deadline: d}, true
		}
	}
	return Part{}, false
}

// parseConj reads "deadline và deadline" ("Quý IV/2023 và theo định kỳ").
func (s *src) parseConj(a, b, year int) (Deadline, bool) {
	const and = " va "
	for i, tries := a, 0; i < b && tries < maxConjTags; tries++ {
		k := strings.Index(s.n[i:b], and)
		if k < 0 {
			break
		}
		k += i
		l, ok1 := s.parseSingle(a, k, year)
		r, ok2 := s.parseSingle(k+len(and), b, year)
		if ok1 && ok2 && l.Kind != KindEvent && r.Kind != KindEvent {
			return s.parts(a, b, []Part{{Deadline: l}, {Deadline: r}}), true
		}
		i = k + 1
	}
	return Deadline{}, false
}

// parts makes a KindParts deadline whose window spans its parts' windows.
func (s *src) parts(a, b int, parts []Part) Deadline {
	d := Deadline{Text: s.original(a, b), Kind: KindParts, Parts: parts}
	for _, p := range parts {
		pd := p.Deadline
		if !pd.From.IsZero() && (d.From.IsZero() || pd.From.Before(d.From)) {
			d.From = pd.From
		}
		if !pd.Due.IsZero() && (d.Due.IsZero() || pd.Due.After(d.Due)) {
			d.Due = pd.Due
		}
		d.OrOnDemand = d.OrOnDemand || pd.OrOnDemand
	}
	return d
}

// ---------------------------------------------------------------------------------------
// Single deadlines

// The expressions below run on the normalised copy and are anchored at the reading position.
const (
	qRE     = `(?:iv|iii|ii|i|[1-4])\b`
	yearsRE = `(\d{4})(?:\s*-\s*(\d{4}))?\b`
)

var (
	reTentative = regexp.MustCompile(`^du kien\b:?\s*`)
	reModifier  = regexp.MustCompile(`^(?:(cham nhat)(?:\s+la)?|(truoc)(?:\s+ngay)?|(het)|trong|vao)\s+`)
	reEvent     = regexp.MustCompile(`^(?:khi|sau khi|sau \d+|ngay sau|ngay khi|ke tu|dot xuat|cham nhat sau` +
		`|theo (?:yeu cau|de nghi|chi dao|lo trinh|quy dinh|huong dan|thong bao|tien do)` +
		`|thuc hien theo (?:lo trinh|quy dinh|huong dan|yeu cau)` +
		`|trong (?:thoi gian|thoi han|vong) \d+|truoc \d+ ngay)\b` +
		`|^theo ke hoach\b.*\bdot xuat\b`)

	reContinuous = regexp.MustCompile(`^thuong\s*(?:xuyen|xuan)\b`)
	reEvery      = regexp.MustCompile(`^(?:dinh ky\s+)?(?:hang|moi)\s+(tuan|thang|quy|nam)\b`)
	reDayOfMonth = regexp.MustCompile(`^(?:ngay\s*)?(\d{1,2})\s+(?:hang|moi)\s+thang\b`)
	reTimes      = regexp.MustCompile(`^(\d{1,2})\s*lan\s*(?:/|trong|moi|mot)\s*(?:0?1\s+)?(tuan|thang|quy|nam)\b`)
	reInterval   = regexp.MustCompile(`^(?:dinh ky\s*)?(\d{1,2})\s*(tuan|thang)\s*(?:/|mot)\s*(?:(?:0?1|mot)\s*)?lan\b`)
	rePeriodic   = regexp.MustCompile(`^(?:theo\s+)?dinh\s*ky\b`)
	reCCHC       = regexp.MustCompile(`^\s*theo\s+(?:che do\s+)?bao cao\s+(?:cchc|cai cach hanh chinh)\b`)
	reWindow     = regexp.MustCompile(`^\s*(?:,\s*)?(?:(?:(?:trong|cua|ca)\s+)?(?:nam|giai doan)\b(?:\s*` + yearsRE + `)?|(?:trong\s+)?` + yearsRE + `)`)

	reHalf = regexp.MustCompile(`^(?:0?6\s*thang|nua)\s+(dau|cuoi)(?:\s+nam)?` +
		`(?:\s*(?:,|-|\bva\b|\bhoac\b)\s*(?:(?:0?6\s*thang|nua)\s+)?(dau|cuoi)(?:\s+nam)?)?` +
		`(?:\s*(?:/|\bnam\b)?\s*(\d{4})\b)?`)
	reQuarters = regexp.MustCompile(`^quy\s*(` + qRE + `(?:(?:\s*(?:,|&|\+|-)\s*|\s+(?:va|hoac|den)\s+)(?:quy\s*)?` + qRE + `)*)` +
		`(?:\s*(?:/|\bnam\b|,)?\s*(\d{4})\b)?`)
	reQuarter = regexp.MustCompile(`\b` + qRE)
	reMonth   = regexp.MustCompile(`^(?:(?:dau|giua|cuoi)\s+)?thang\s*(\d{1,2})\b` +
		`(?:(?:\s*(?:,|-)\s*|\s+(?:hoac|den|va)\s+)(?:(?:dau|giua|cuoi)\s+)?thang\s*(\d{1,2})\b)?` +
		`(?:\s*(?:/|\bnam\b)\s*(\d{4})\b|\s+(\d{4})\b)?`)
	reDateSlash = regexp.MustCompile(`^(?:ngay\s*)?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b`)
	reDateDots  = regexp.MustCompile(`^(?:ngay\s*)?(\d{1,2})([.-])(\d{1,2})([.-])(\d{4})\b`)
	reDateWords = regexp.MustCompile(`^(?:ngay\s*)?(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*,?\s*nam\s+(\d{4}))?\b`)
	reDateISO   = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})\b`)
	reYearWord  = regexp.MustCompile(`^(?:(?:ca|1|01|mot)\s+)?(?:nam|giai doan)\b(?:\s*` + yearsRE + `)?`)
	reYearBare  = regexp.MustCompile(`^` + yearsRE)

	reOnDemand = regexp.MustCompile(`^(?:(?:hoac|va|/|-)\s*)?(?:co the\s+)?dot xuat\b`)
	reNote     = regexp.MustCompile(`^(?:[(\[]|theo\b)`)
)

// cursor is the state of reading one single deadline: the position in the normalised copy,
// its end, the plan year, and the deadline read so far.
type cursor struct {
	s        *src
	pos, end int
	year     int
	d        Deadline
}

func (c *cursor) rest() string { return c.s.n[c.pos:c.end] }

// match applies re at the reading position and moves past what it matched.
func (c *cursor) match(re *regexp.Regexp) []string {
	m := re.FindStringSubmatch(c.rest())
	if m == nil {
		return nil
	}
	c.pos += len(m[0])
	return m
}

// rules are tried in order after the modifiers; the first that reads the text wins.
var rules = []func(c *cursor) bool{
	(*cursor).continuous, (*cursor).dayOfMonth, (*cursor).every, (*cursor).times, (*cursor).interval,
	(*cursor).half, (*cursor).periodic, (*cursor).quarters, (*cursor).month, (*cursor).date, (*cursor).yearSpan,
}

// parseSingle reads n[a:b] as one deadline.
func (s *src) parseSingle(a, b, year int) (Deadline, bool) {
	a, b = s.trim(a, b)
	if a >= b {
		return Deadline{}, false
	}
	c := cursor{s: s, pos: a, end: b, year: year}
	c.d.Text = s.original(a, b)
	if c.match(reTentative) != nil {
		c.d.Tentative = true
	}
	if reEvent.MatchString(c.rest()) {
		c.d.Kind = KindEvent
		c.d.Event = s.original(c.pos, b)
		c.d.OrOnDemand = strings.Contains(c.rest(), "dot xuat")
		return c.d, true
	}
	for {
		m := c.match(reModifier)
		if m == nil {
			break
		}
		if m[1] != "" || m[2] != "" || m[3] != "" {
			c.d.Before = true
		}
	}
	for _, rule := range rules {
		cc := c
		if rule(&cc) && cc.finish() {
			return cc.d, true
		}
	}
	return Deadline{}, false
}

// finish checks what follows the deadline: nothing, an "or on demand" clause, or a note.
func (c *cursor) finish() bool {
	r := c.rest()
	if r != "" && c.pos > 0 && isWordByte(c.s.n[c.pos-1]) && isWordByte(r[0]) {
		return false // stopped inside a word or number
	}
	r2 := strings.TrimLeft(r, " ,")
	off := c.pos + len(r) - len(r2)
	switch {
	case r2 == "":
	case reOnDemand.MatchString(r2):
		c.d.OrOnDemand = true
	case reNote.MatchString(r2):
		c.d.Note = c.s.original(off, c.end)
	default:
		return false
	}
	return c.d.From.Compare(c.d.Due) <= 0
}

// yearOf reads a year written in the text, or gives the plan year for "".
func (c *cursor) yearOf(s string) (int, bool) {
	if s == "" {
		return c.year, true
	}
	y, err := strconv.Atoi(s)
	return y, err == nil && y >= 1900 && y <= 2199
}

// years reads a run of years "2022 - 2025" (the second may be missing).
func (c *cursor) years(a, b string) (y1, y2 int, ok bool) {
	if y1, ok = c.yearOf(a); !ok {
		return 0, 0, false
	}
	y2 = y1
	if b != "" {
		if y2, ok = c.yearOf(b); !ok || y2 < y1 {
			return 0, 0, false
		}
	}
	return y1, y2, true
}

// setYears sets the window to whole years y1..y2 (left zero when the year is unknown).
func (c *cursor) setYears(y1, y2 int) {
	if y1 > 0 {
		c.d.From, c.d.Due = D(y1, time.January, 1), D(y2, time.December, 31)
	}
}

// recurring sets a recurring deadline and reads its window.
func (c *cursor) recurring(f Frequency) bool {
	c.d.Kind, c.d.Every = KindRecurring, f
	y1, y2 := c.year, c.year
	if m := c.match(reWindow); m != nil {
		a, b := m[1], m[2]
		if a == "" {
			a, b = m[3], m[4]
		}
		var ok bool
		if y1, y2, ok = c.years(a, b); !ok {
			return false
		}
	}
	c.setYears(y1, y2)
	return true
}

func (c *cursor) continuous() bool {
	return c.match(reContinuous) != nil && c.recurring(Continuous)
}

func (c *cursor) dayOfMonth() bool {
	m := c.match(reDayOfMonth)
	if m == nil {
		return false
	}
	c.d.DayOfMonth, _ = strconv.Atoi(m[1])
	return c.d.DayOfMonth >= 1 && c.d.DayOfMonth <= 31 && c.recurring(Monthly)
}

var unitFrequency = map[string]Frequency{"tuan": Weekly, "thang": Monthly, "quy": Quarterly, "nam": Yearly}

func (c *cursor) every() bool {
	m := c.match(reEvery)
	return m != nil && c.recurring(unitFrequency[m[1]])
}

// times reads "N lần/năm" (N times a year, quarter, month or week).
func (c *cursor) times() bool {
	m := c.match(reTimes)
	if m == nil {
		return false
	}
	n, _ := strconv.Atoi(m[1])
	if n < 1 {
		return false
	}
	f := Periodically
	switch {
	case n == 1:
		f = unitFrequency[m[2]]
	case m[2] == "nam":
		f = map[int]Frequency{2: HalfYearly, 4: Quarterly, 12: Monthly, 52: Weekly}[n]
		if f == Once {
			f = Periodically
		}
	}
	return c.recurring(f)
}

// interval reads "Định kỳ 06 tháng/ 01 lần" (once every N months or weeks).
func (c *cursor) interval() bool {
	m := c.match(reInterval)
	if m == nil {
		return false
	}
	n, _ := strconv.Atoi(m[1])
	f := Periodically
	switch {
	case n < 1:
		return false
	case m[2] == "tuan" && n == 1:
		f = Weekly
	case m[2] == "thang":
		if g, ok := map[int]Frequency{1: Monthly, 3: Quarterly, 6: HalfYearly, 12: Yearly}[n]; ok {
			f = g
		}
	}
	return c.recurring(f)
}

// periodic reads "Định kỳ" with no interval. Administrative-reform (CCHC) reports are
// quarterly (quý, 6 tháng, năm), so "Định kỳ theo báo cáo CCHC" is Quarterly.
func (c *cursor) periodic() bool {
	if c.match(rePeriodic) == nil || !c.recurring(Periodically) {
		return false
	}
	if reCCHC.MatchString(c.rest()) {
		c.d.Every = Quarterly
	}
	return true
}

// half reads a half-year; both halves ("6 tháng đầu năm và cuối năm") make HalfYearly work.
func (c *cursor) half() bool {
	m := c.match(reHalf)
	if m == nil {
		return false
	}
	y, ok := c.yearOf(m[3])
	if !ok {
		return false
	}
	if m[2] != "" && m[2] != m[1] {
		c.d.Kind, c.d.Every = KindRecurring, HalfYearly
		c.setYears(y, y)
		return true
	}
	c.d.Kind = KindHalf
	if y > 0 {
		if m[1] == "dau" {
			c.d.From, c.d.Due = D(y, time.January, 1), D(y, time.June, 30)
		} else {
			c.d.From, c.d.Due = D(y, time.July, 1), D(y, time.December, 31)
		}
	}
	return true
}

var romanQuarter = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

func (c *cursor) quarters() bool {
	m := c.match(reQuarters)
	if m == nil {
		return false
	}
	y, ok := c.yearOf(m[2])
	if !ok {
		return false
	}
	var seen [5]bool
	for _, q := range reQuarter.FindAllString(m[1], -1) {
		seen[romanQuarter[q]] = true
	}
	for q := 1; q <= 4; q++ {
		if seen[q] {
			c.d.Quarters = append(c.d.Quarters, q)
		}
	}
	c.d.Kind = KindQuarters
	if y > 0 {
		c.d.From = quarterStart(y, c.d.Quarters[0])
		c.d.Due = quarterEnd(y, c.d.Quarters[len(c.d.Quarters)-1])
	}
	return true
}

// month reads a month, or "tháng A hoặc (đầu) tháng B": the window runs from A to B.
func (c *cursor) month() bool {
	m := c.match(reMonth)
	if m == nil {
		return false
	}
	m1, _ := strconv.Atoi(m[1])
	m2 := m1
	if m[2] != "" {
		m2, _ = strconv.Atoi(m[2])
	}
	ys := m[3]
	if ys == "" {
		ys = m[4]
	}
	y, ok := c.yearOf(ys)
	if !ok || m1 < 1 || m1 > 12 || m2 < m1 || m2 > 12 {
		return false
	}
	c.d.Kind = KindMonth
	if y > 0 {
		c.d.From, c.d.Due = D(y, time.Month(m1), 1), MonthEnd(y, time.Month(m2))
	}
	return true
}

// date reads a day in any of its written forms.
func (c *cursor) date() bool {
	var ds, ms, ys string
	if m := c.match(reDateISO); m != nil {
		ys, ms, ds = m[1], m[2], m[3]
	} else if m := c.match(reDateSlash); m != nil {
		ds, ms, ys = m[1], m[2], m[3]
	} else if m := c.match(reDateDots); m != nil && m[2] == m[4] {
		ds, ms, ys = m[1], m[3], m[5]
	} else if m := c.match(reDateWords); m != nil {
		ds, ms, ys = m[1], m[2], m[3]
	} else {
		return false
	}
	y, ok := c.yearOf(ys)
	day, _ := strconv.Atoi(ds)
	mon, _ := strconv.Atoi(ms)
	d := D(y, time.Month(mon), day)
	if !ok || y <= 0 || !d.Valid() {
		return false
	}
	c.d.Kind, c.d.From, c.d.Due = KindDate, d, d
	return true
}

// yearSpan reads "Năm 2025", "Trong năm", "Giai đoạn 2022 - 2025" or a bare year.
func (c *cursor) yearSpan() bool {
	m := c.match(reYearWord)
	if m == nil {
		m = c.match(reYearBare)
	}
	if m == nil {
		return false
	}
	y1, y2, ok := c.years(m[1], m[2])
	if !ok {
		return false
	}
	c.d.Kind = KindYear
	c.setYears(y1, y2)
	return true
}

// ---------------------------------------------------------------------------------------
// Describe

var romanNumerals = [5]string{"", "I", "II", "III", "IV"}

// QuarterName names quarter q (1..4) as Vietnamese documents do: "Quý III".
func QuarterName(q int) string { return "Quý " + romanNumerals[q] }

// Describe returns a short Vietnamese reading of the parsed deadline for the site, e.g.
// "Hạn chót 31/12/2023", "Trong tháng 12/2023 (01/12/2023 – 31/12/2023)",
// "Quý I và Quý II năm 2025, hoặc đột xuất", "Định kỳ hằng quý trong năm 2024",
// "Khi có sự kiện: Khi có thay đổi", "Không xác định được mốc thời gian". It depends only on
// the deadline's fields.
func (d Deadline) Describe() string {
	var s string
	switch d.Kind {
	case KindDate:
		switch {
		case d.Due.IsZero():
			s = "Một ngày chưa xác định năm"
		case d.Before:
			s = "Trước ngày " + d.Due.VN()
		default:
			s = "Hạn chót " + d.Due.VN()
		}
	case KindMonth:
		s = d.describeMonth()
	case KindQuarters:
		s = d.describeQuarters()
	case KindHalf:
		s = "6 tháng đầu năm"
		if d.From.Month >= time.July {
			s = "6 tháng cuối năm"
		}
		if !d.From.IsZero() {
			s += fmt.Sprintf(" %d (%s – %s)", d.From.Year, d.From.VN(), d.Due.VN())
		}
	case KindYear:
		s = "Trong " + yearsPhrase(d.From, d.Due)
		if d.Before {
			s = "Hết " + yearsPhrase(d.From, d.Due)
			if !d.Due.IsZero() {
				s += " (hạn chót " + d.Due.VN() + ")"
			}
		}
	case KindRecurring:
		s = d.describeRecurring()
	case KindEvent:
		ev := d.Event
		if ev == "" {
			ev = strings.TrimSpace(d.Text)
		}
		s = "Khi có sự kiện: " + ev
	case KindParts:
		items := make([]string, 0, len(d.Parts))
		for _, p := range d.Parts {
			item := p.Deadline.Describe()
			if p.Deadline.Kind == KindEvent && p.Deadline.Event != "" {
				item = p.Deadline.Event
			}
			if p.Label != "" {
				item = p.Label + ": " + item
			}
			items = append(items, item)
		}
		s = "Nhiều mốc: " + strings.Join(items, "; ")
	default:
		return "Không xác định được mốc thời gian"
	}
	if d.OrOnDemand && d.Kind != KindEvent && d.Kind != KindParts {
		s += ", hoặc đột xuất"
	}
	if d.Tentative {
		s += " (dự kiến)"
	}
	if d.Note != "" {
		if strings.HasPrefix(d.Note, "(") {
			s += " " + d.Note
		} else {
			s += " (" + d.Note + ")"
		}
	}
	return s
}

func (d Deadline) describeMonth() string {
	if d.From.IsZero() {
		return "Trong một tháng chưa xác định năm"
	}
	month := func(x Date) string { return fmt.Sprintf("tháng %02d/%04d", int(x.Month), x.Year) }
	var s string
	switch {
	case d.From.Month != d.Due.Month || d.From.Year != d.Due.Year:
		s = "Từ " + month(d.From) + " đến " + month(d.Due)
	case d.Before:
		s = "Chậm nhất trong " + month(d.From)
	default:
		s = "Trong " + month(d.From)
	}
	return s + " (" + d.From.VN() + " – " + d.Due.VN() + ")"
}

func (d Deadline) describeQuarters() string {
	names := make([]string, 0, len(d.Quarters))
	for _, q := range d.Quarters {
		if q >= 1 && q <= 4 {
			names = append(names, QuarterName(q))
		}
	}
	s := joinVN(names)
	if s == "" {
		s = "Trong quý"
	}
	if !d.From.IsZero() {
		s += fmt.Sprintf(" năm %d", d.From.Year)
	}
	if d.Before {
		s = "Chậm nhất trong " + s
	}
	return s
}

func (d Deadline) describeRecurring() string {
	var s string
	switch {
	case d.DayOfMonth > 0 && d.Before:
		s = fmt.Sprintf("Trước ngày %02d hằng tháng", d.DayOfMonth)
	case d.DayOfMonth > 0:
		s = fmt.Sprintf("Ngày %02d hằng tháng", d.DayOfMonth)
	case d.Every == Continuous:
		s = "Thường xuyên"
	case d.Every == Periodically:
		s = "Định kỳ"
	default:
		s = "Định kỳ " + d.Every.String()
	}
	if !d.From.IsZero() {
		s += " trong " + yearsPhrase(d.From, d.Due)
	}
	return s
}

// yearsPhrase names the years of a window: "năm 2024", "giai đoạn 2022 – 2025", "năm".
func yearsPhrase(from, to Date) string {
	switch {
	case from.IsZero():
		return "năm"
	case from.Year == to.Year:
		return fmt.Sprintf("năm %d", from.Year)
	}
	return fmt.Sprintf("giai đoạn %d – %d", from.Year, to.Year)
}

// joinVN joins "A", "B", "C" as "A, B và C".
func joinVN(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " và " + items[len(items)-1]
}
