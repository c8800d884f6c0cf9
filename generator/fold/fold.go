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

// Distance is the edit distance between a and b counted in bytes, for comparing folded
// keys and IDs (ASCII) when suggesting the nearest one.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
