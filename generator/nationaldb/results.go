package nationaldb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"congkhai/generator/content"
)

// The results (kết quả xử lý), flattened:
//
//	<name>Mã: <code><name>Mã: <code>...Từ khóa<keywords>Mô tả<description>
//
// often followed by the page's office picker ("Chọn cơ quan thực hiện..."), which is cut
// off. A code is "KQ.G01.000262", "000.00.00.G11-KQ1711" and the like, glued to the next
// result's name: it ends at its last digit. A code without digits ("VBTT") ends where a
// capitalised word begins.

// pageTrailer starts the office picker the crawl kept after the last section.
const pageTrailer = "Chọn cơ quan thực hiện"

// parseResults splits the results. extra is the description, which a result row has no
// place for, when it says something. The keywords are the portal's search terms (mostly the
// procedure's name, or its breadcrumb) and are dropped.
func parseResults(text string) (rows []content.ResultRec, extra string) {
	s := tidy(text)
	if i := strings.Index(s, pageTrailer); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndex(s, "Từ khóa"); i >= 0 && strings.Contains(s[i:], "Mô tả") {
		tail := s[i+len("Từ khóa"):]
		j := strings.LastIndex(tail, "Mô tả")
		extra = cleanValue(tail[j+len("Mô tả"):])
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if isNoInfo(s) {
		return nil, extra
	}
	parts := strings.Split(s, "Mã:")
	name := parts[0]
	for _, p := range parts[1:] {
		code, rest := resultCode(strings.TrimLeft(p, " "))
		rows = append(rows, content.ResultRec{Name: resultName(name), Code: code})
		name = rest
	}
	if n := resultName(name); n != "" {
		rows = append(rows, content.ResultRec{Name: n}) // a last result without a code
	}
	return rows, extra
}

func resultName(s string) string {
	return trimLeadingMarks(oneLine(stripBullet(strings.TrimSpace(s))))
}

// resultCode splits a result's code from the name of the next result glued to it.
func resultCode(s string) (code, rest string) {
	for _, none := range []string{"Chưa xác định rõ", "Chưa xác định", noInfo, "Không có"} {
		if strings.HasPrefix(s, none) {
			return "", strings.TrimPrefix(s, none)
		}
	}
	// The run of characters a code is made of.
	n := 0
	for n < len(s) {
		c := s[n]
		if c >= '0' && c <= '9' || isASCIILetter(c) || c == '.' || c == '-' || c == '_' {
			n++
			continue
		}
		break
	}
	run := s[:n]
	if last := strings.LastIndexAny(run, "0123456789"); last >= 0 {
		n = last + 1
	} else {
		// No digit: cut before the capital that starts the next word ("VBTTTừ khóa").
		for i := n - 1; i >= 0; i-- {
			if s[i] < 'A' || s[i] > 'Z' {
				continue
			}
			var next rune
			if i+1 < len(s) {
				next, _ = utf8.DecodeRuneInString(s[i+1:])
			}
			if unicode.IsLower(next) {
				n = i
			}
			break
		}
	}
	return strings.TrimSpace(s[:n]), s[n:]
}
