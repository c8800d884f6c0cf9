// Package fold folds Vietnamese text for comparison and for URLs: case and diacritics are
// removed, and đ/Đ become d, which Unicode decomposition alone does not do (đ is a letter of
// its own, not d with a combining mark). It is the one implementation of folding for
// matching: the search index, the masker of personal data, the deadline parser, agency names
// and the imports all fold through it.
//
// A rune folds to its canonical decomposition (NFD) without its combining marks (Mn), each
// rune in lower case, with đ and Đ as d. Folding goes rune by rune, so a text folds to what
// its runes fold to; that is what decomposing the whole text gives too, except where
// canonical reordering would move a spacing combining mark (Mc), which Vietnamese has none of.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// String returns s in lower case without diacritics: "Đường Trần Hưng Đạo" -> "duong tran hung dao".
// It returns s itself, without copying, when s is already folded ASCII.
func String(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return string(Append(make([]byte, 0, len(s)), s))
		}
	}
	return s
}

// Append appends s folded to dst and returns the extended buffer. It allocates only to grow
// dst, so a caller folding word after word into one buffer allocates nothing per word.
func Append(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = AppendRune(dst, r)
		i += n
	}
	return dst
}

// Latin letters with diacritics, Vietnamese's among them, fold through two tables: latin for
// U+00C0–U+024F (Latin-1 Supplement, Latin Extended-A and -B, đ and Đ included) and viet
// for U+1E00–U+1EFF (Latin Extended Additional: ạ, ả, ấ, ầ, ẩ, ẫ, ậ, ...). An entry is the
// letter's fold when that is one ASCII byte, else 0 and the rune takes the general way.
const (
	latinLo, vietLo = 0xC0, 0x1E00
	tableLen        = 0x190
)

var latin, viet = func() (l, v [tableLen]byte) {
	fill := func(t *[tableLen]byte, lo rune) {
		for r := lo; r < lo+tableLen; r++ {
			if f := appendDecomposed(nil, r); len(f) == 1 && f[0] < utf8.RuneSelf {
				t[r-lo] = f[0]
			}
		}
	}
	fill(&l, latinLo)
	fill(&v, vietLo)
	return l, v
}()

// AppendRune appends r folded to dst: in lower case, without diacritics, đ as d. A combining
// mark appends nothing. It allocates only to grow dst (and for a rune that decomposes outside
// the Latin letters: Greek with accents, Hangul syllables).
func AppendRune(dst []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	case r >= latinLo && r < latinLo+tableLen && latin[r-latinLo] != 0:
		return append(dst, latin[r-latinLo])
	case r >= vietLo && r < vietLo+tableLen && viet[r-vietLo] != 0:
		return append(dst, viet[r-vietLo])
	case unicode.Is(unicode.Mn, r):
		return dst
	case decomposes(r):
		return appendDecomposed(dst, r)
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// decomposes reports whether r has a canonical decomposition.
func decomposes(r rune) bool {
	var b [utf8.UTFMax]byte
	n := utf8.EncodeRune(b[:], r)
	return norm.NFD.Properties(b[:n]).Decomposition() != nil ||
		r >= 0xAC00 && r <= 0xD7A3 // Hangul syllables decompose by rule, not by table
}

// appendDecomposed appends r folded the long way: decomposed, without combining marks, each
// rune in lower case, đ as d. The tables and the fast cases of AppendRune give what it gives.
func appendDecomposed(dst []byte, r rune) []byte {
	for _, c := range norm.NFD.String(string(r)) {
		switch {
		case unicode.Is(unicode.Mn, c):
		case c == 'đ' || c == 'Đ':
			dst = append(dst, 'd')
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(c))
		}
	}
	return dst
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
