package nationaldb

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"congkhai/generator/content"
	"congkhai/generator/vocab"
)

// The table of ways to submit (cách thức thực hiện), flattened:
//
//	Hình thức nộpThời gianPhí, lệ phíMô tả
//	<channel><time><fee>[(<fee detail>)]<description> ... one such run per row
//
// The channel is one of three names. The time is "<number> <unit>", a bare number, "Không
// có thông tin" or a phrase ("Không phải trả kết quả cho người nộp thuế"); the fee is "Miễn
// phí", "Không có thông tin" or "<amount> <currency>", followed by its detail in brackets.
// A bare-number time runs into an amount ("120 VNĐ" is 1 and 20 VNĐ): the split takes the
// shortest time and checks the amount against the detail. A row starts where a channel name
// is followed, with no space, by something that reads as a time and a fee.

const methodsHeader = "Hình thức nộpThời gianPhí, lệ phíMô tả"

// channels are the channel names the national database prints.
var channels = []struct {
	name string
	id   vocab.MethodChannel
}{
	{"Trực tiếp", vocab.MethodInPerson},
	{"Trực tuyến", vocab.MethodOnline},
	{"Dịch vụ bưu chính", vocab.MethodPost},
}

var (
	reTimeUnit  = regexp.MustCompile(`^\d+(?:[.,]\d+)? ?(?:Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Tuần|Phút)`)
	reFee       = regexp.MustCompile(`^(?:Miễn phí|Không có thông tin|(?:\d{1,3}(?:[,.]\d{3})+|[1-9]\d*) ?(?:Việt Nam Đồng|VNĐ|USD|Đồng|đồng))`)
	reAmountCur = regexp.MustCompile(`^\d+(?:[.,]\d+)* ?(?:Việt Nam Đồng|VNĐ|USD|Đồng|đồng)`)
	reDigits    = regexp.MustCompile(`^\d+`)
)

// methodHead is what follows a channel name at the start of a row.
type methodHead struct {
	timeEnd  int // s[start:timeEnd] is the time
	feeStart int
	feeEnd   int  // the end of the fee token, before any bracketed detail
	guessed  bool // the time and the amount were glued digits, split by guessing
}

// parseHead reads the time and the fee at s[i:], or reports false.
func parseHead(s string, i int) (methodHead, bool) {
	rest := s[i:]
	fee := func(j int) (int, bool) {
		m := reFee.FindStringIndex(s[j:])
		if m == nil {
			return 0, false
		}
		return j + m[1], true
	}
	if m := reTimeUnit.FindStringIndex(rest); m != nil {
		if e, ok := fee(i + m[1]); ok {
			return methodHead{i + m[1], i + m[1], e, false}, true
		}
	}
	if strings.HasPrefix(rest, noInfo) {
		if e, ok := fee(i + len(noInfo)); ok {
			return methodHead{i, i + len(noInfo), e, false}, true
		}
	}
	if m := reAmountCur.FindStringIndex(rest); m != nil {
		// Digits of a bare time glued to an amount: the shortest time that leaves an amount.
		for k := i + 1; k < i+m[1] && s[k-1] >= '0' && s[k-1] <= '9'; k++ {
			if e, ok := fee(k); ok {
				return methodHead{k, k, e, true}, true
			}
		}
	}
	if m := reDigits.FindStringIndex(rest); m != nil {
		if e, ok := fee(i + m[1]); ok {
			return methodHead{i + m[1], i + m[1], e, false}, true
		}
	}
	// A phrase for the time, up to the first "Miễn phí" or "Không có thông tin" on its line.
	if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
		limit := len(rest)
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			limit = nl
		}
		if limit > 600 {
			limit = 600
		}
		j := -1
		for _, tok := range []string{"Miễn phí", noInfo} {
			if k := strings.Index(rest[:limit], tok); k > 0 && (j < 0 || k < j) {
				j = k
			}
		}
		if j > 0 {
			if e, ok := fee(i + j); ok {
				return methodHead{i + j, i + j, e, false}, true
			}
		}
	}
	return methodHead{}, false
}

// hasFeeDetail reports whether the fee read by h is followed by its detail in brackets.
// "Không có thông tin" (an empty cell) has none, and "(1) Trường hợp ..." or "(a) ..." is the
// description numbering its cases.
func hasFeeDetail(s string, h methodHead) bool {
	if h.feeEnd >= len(s) || s[h.feeEnd] != '(' || strings.HasPrefix(s[h.feeStart:], noInfo) {
		return false
	}
	if e := strings.IndexByte(s[h.feeEnd:], ')'); e > 0 && e <= 5 {
		label := s[h.feeEnd+1 : h.feeEnd+e]
		if strings.Trim(label, "0123456789") == "" || strings.Trim(label, "ivx") == "" || utf8.RuneCountInString(label) == 1 {
			return false
		}
	}
	return true
}

// closeBracket returns the index after the bracket that closes the one at s[i] ('('),
// searching up to limit, or -1.
func closeBracket(s string, i, limit int) int {
	depth := 0
	for k := i; k < limit; k++ {
		switch s[k] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return k + 1
			}
		}
	}
	return -1
}

type methodStart struct {
	at, after int // the channel name is s[at:after]
	id        vocab.MethodChannel
	head      methodHead
}

// parseMethods splits the flattened table into rows. It returns ok=false when the text is
// not the table (no header, or no row at its start).
func parseMethods(text string) (rows []content.MethodRec, probs []string, ok bool) {
	s := tidy(text)
	if isNoInfo(s) {
		return nil, nil, true
	}
	if !strings.HasPrefix(s, methodsHeader) {
		return nil, nil, false
	}
	s = s[len(methodsHeader):]
	if strings.TrimSpace(s) == "" {
		return nil, nil, true
	}
	var starts []methodStart
	minNext := 0 // a row cannot start inside the bracketed fee detail of the previous one
	for i := 0; i < len(s); {
		at, id, name := nextChannel(s, i)
		if at < 0 {
			break
		}
		i = at + len(name)
		if at < minNext {
			continue
		}
		after := at + len(name)
		if after < len(s) {
			r, _ := utf8.DecodeRuneInString(s[after:])
			if !unicode.IsDigit(r) && !unicode.IsUpper(r) {
				continue // "Trực tiếp tại ...", "Trực tuyến: ..." are descriptions
			}
		}
		h, ok := parseHead(s, after)
		if !ok {
			if after == len(s) {
				h = methodHead{after, after, after, false}
			} else {
				continue
			}
		}
		starts = append(starts, methodStart{at, after, id, h})
		if hasFeeDetail(s, h) {
			if e := closeBracket(s, h.feeEnd, len(s)); e > 0 {
				minNext = e
			}
		}
	}
	if len(starts) == 0 || strings.TrimSpace(s[:starts[0].at]) != "" {
		return nil, nil, false
	}
	seen := map[content.MethodRec]bool{}
	for n, st := range starts {
		end := len(s)
		if n+1 < len(starts) {
			end = starts[n+1].at
		}
		h := st.head
		feeEnd := h.feeEnd
		if feeEnd < end && hasFeeDetail(s, h) {
			e := closeBracket(s, feeEnd, end)
			if e < 0 {
				// The detail's brackets do not balance (the source is cut or mistyped): it
				// ends at the last closing bracket of the row, if any.
				probs = append(probs, "ngoặc trong phần phí không cân")
				if k := strings.LastIndexByte(s[feeEnd:end], ')'); k >= 0 {
					e = feeEnd + k + 1
				} else if strings.TrimSpace(s[feeEnd+1:end]) == "" {
					e = end
				} else {
					e = feeEnd
				}
			}
			feeEnd = e
		}
		row := content.MethodRec{
			Channel:     st.id,
			Time:        oneLine(s[st.after:h.timeEnd]),
			Fee:         feeText(s[h.feeStart:h.feeEnd], s[h.feeEnd:feeEnd]),
			Description: cleanValue(s[feeEnd:end]),
		}
		if h.guessed && !amountConfirmed(s[h.feeStart:h.feeEnd], s[h.feeEnd:feeEnd]) {
			probs = append(probs, "thời gian và số tiền dính liền, đã tách theo phỏng đoán: "+oneLine(s[st.after:h.feeEnd]))
		}
		if seen[row] {
			continue
		}
		seen[row] = true
		rows = append(rows, row)
	}
	return rows, probs, true
}

// nextChannel finds the next channel name at or after i.
func nextChannel(s string, i int) (at int, id vocab.MethodChannel, name string) {
	at = -1
	for _, c := range channels {
		if k := strings.Index(s[i:], c.name); k >= 0 && (at < 0 || i+k < at) {
			at, id, name = i+k, c.id, c.name
		}
	}
	return at, id, name
}

// amountConfirmed reports whether the amount's digits start a number in the fee's detail
// ("20 VNĐ" and "(20.000 vnđ/tờ khai)").
func amountConfirmed(amount, detail string) bool {
	digits := func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c >= '0' && c <= '9':
				b.WriteByte(c)
			case (c == '.' || c == ',') && i > 0 && i+1 < len(s) && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= '0' && s[i+1] <= '9':
			default:
				b.WriteByte(' ')
			}
		}
		return b.String()
	}
	a := strings.TrimSpace(digits(amount))
	if a == "" {
		return false
	}
	for _, f := range strings.Fields(digits(detail)) {
		if strings.HasPrefix(f, a) {
			return true
		}
	}
	return false
}

// feeText writes a fee and its detail as "<amount> (<detail>)": one pair of brackets around
// the detail, however many the source put ("Miễn phí((Miễn lệ phí …))" is "Miễn phí (Miễn
// lệ phí …)"), and a detail whose closing bracket the source lost closed again. A detail that
// starts with brackets of its own ("(1) …") follows a colon.
func feeText(amount, detail string) string {
	amount, detail = oneLine(amount), oneLine(detail)
	for strings.HasPrefix(detail, "(") {
		switch e := closeBracket(detail, 0, len(detail)); {
		case e == len(detail):
			detail = strings.TrimSpace(detail[1 : len(detail)-1])
		case e > 0 && strings.Trim(detail[e:], ".;, ") == "":
			// "(… TT-BTC)." : the brackets are around all but a full stop
			detail = strings.TrimSpace(detail[1:e-1]) + strings.TrimSpace(detail[e:])
		case e < 0:
			detail = strings.TrimSpace(detail[1:]) // its closing bracket is missing
		default:
			// "(1) …; (2) …", "(bốn triệu đồng) Lệ phí …": the detail's own brackets, which
			// close before its end; another pair around it would read as doubled.
			return amount + ": " + balance(detail)
		}
	}
	if detail == "" {
		return amount
	}
	return amount + " (" + balance(detail) + ")"
}

// balance closes the brackets s leaves open.
func balance(s string) string {
	open := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			open++
		case ')':
			if open > 0 {
				open--
			}
		}
	}
	return s + strings.Repeat(")", open)
}
