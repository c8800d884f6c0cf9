package privacy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// E-mail addresses are found from their '@' (or an obfuscated "[at]", "(a)", "{at}"): the
// local part is scanned backwards and the domain forwards, so the cost is proportional to the
// addresses, not to the text. Letters may carry diacritics (NFC or NFD). Obfuscated dots
// ("[dot]", "(.)") are accepted in the domain.

func isLocalRune(r rune) bool {
	return unicode.IsLetter(r) || isMark(r) || unicode.IsDigit(r) || strings.ContainsRune("._%+-", r)
}

func isLabelRune(r rune) bool {
	return unicode.IsLetter(r) || isMark(r) || unicode.IsDigit(r) || r == '-'
}

// obfuscated matches "[at]", "( at )", "{a}", "[@]" (when word is "at") or "[dot]", "(.)"
// (when word is "dot") at i and returns the index after it, or -1.
func obfuscated(s string, i int, words ...string) int {
	if i >= len(s) || strings.IndexByte("([{", s[i]) < 0 {
		return -1
	}
	j := i + 1
	if j < len(s) && s[j] == ' ' {
		j++
	}
	for _, w := range words {
		if len(s)-j >= len(w) && strings.EqualFold(s[j:j+len(w)], w) {
			k := j + len(w)
			if k < len(s) && s[k] == ' ' {
				k++
			}
			if k < len(s) && strings.IndexByte(")]}", s[k]) >= 0 {
				return k + 1
			}
		}
	}
	return -1
}

// atSign returns the extent [a, b) of an at-sign, plain or obfuscated, at i, with one space on
// either side; a is -1 if there is none.
func atSign(s string, i int) (int, int) {
	a := i
	if s[i] == ' ' {
		i++
		if i >= len(s) {
			return -1, 0
		}
	}
	var b int
	switch {
	case s[i] == '@':
		b = i + 1
	default:
		if b = obfuscated(s, i, "at", "a", "@"); b < 0 {
			return -1, 0
		}
	}
	if b < len(s) && s[b] == ' ' {
		b++
	}
	return a, b
}

// label scans a domain label at i and returns its end.
func label(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isLabelRune(r) {
			break
		}
		i += w
	}
	return i
}

// emailAt returns the address around the at-sign [a, b), or ok false.
func emailAt(s string, a, b int) (int, int, bool) {
	// Local part, backwards.
	start := a
	for start > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:start])
		if !isLocalRune(r) {
			break
		}
		start -= w
	}
	for start < a && strings.IndexByte("._%+-", s[start]) >= 0 {
		start++
	}
	if start == a {
		return 0, 0, false
	}
	// Domain, forwards: labels joined by dots, at least two labels.
	end := label(s, b)
	if end == b {
		return 0, 0, false
	}
	labels, lastStart := 1, b
	for end < len(s) {
		j := -1
		switch {
		case s[end] == '.':
			j = end + 1
		default:
			k := end
			if s[k] == ' ' {
				k++
			}
			if j = obfuscated(s, k, "dot", "."); j >= 0 && j < len(s) && s[j] == ' ' {
				j++
			}
		}
		if j < 0 {
			break
		}
		e := label(s, j)
		if e == j {
			break
		}
		labels++
		lastStart, end = j, e
	}
	if labels < 2 || !isLettersASCII(s[lastStart:end]) || end-lastStart > 24 {
		return 0, 0, false
	}
	return start, end, true
}

// scanEmails finds e-mail addresses.
func (d *doc) scanEmails() {
	s := d.s
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '@' && c != '(' && c != '[' && c != '{' {
			continue
		}
		a := i
		if a > 0 && s[a-1] == ' ' {
			a--
		}
		for _, from := range []int{a, i} {
			x, y := atSign(s, from)
			if x < 0 {
				continue
			}
			if st, en, ok := emailAt(s, x, y); ok {
				d.add(st, en, Email, 2)
				i = en - 1
				break
			}
		}
	}
}

func isLettersASCII(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
