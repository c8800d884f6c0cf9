// Package fold folds Vietnamese text for comparison and for URLs: case and diacritics are
// removed, and đ/Đ become d, which Unicode decomposition alone does not do (đ is a letter of
// its own, not d with a combining mark).
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// String returns s in lower case without diacritics: "Đường Trần Hưng Đạo" -> "duong tran hung dao".
func String(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Slug returns s folded to ASCII letters and digits joined by single hyphens, for a URL
// segment: "Hộ tịch" -> "ho-tich", "Đất đai (cấp tỉnh)" -> "dat-dai-cap-tinh". Characters
// that are neither letters nor digits after folding separate words.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range String(s) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
