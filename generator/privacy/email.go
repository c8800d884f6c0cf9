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
				if !publicAddress(s[st:en]) {
					d.add(st, en, Email, 2)
				}
				i = en - 1
				break
			}
		}
	}
}

// publicAddress reports whether an e-mail address is a state body's, on a .gov.vn domain: its
// offices and officials publish them.
func publicAddress(a string) bool {
	return strings.HasSuffix(strings.ToLower(a), ".gov.vn")
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

// Addresses written so that no '@' shows, as people write them to dodge spam or for want of
// the key: "an at gmail dot com", "an [a còng] gmail.com", "an a cong gmail cham com",
// "minh . tran @ gmail . com", "an.ho@gmail,com", "an#gmail.com", "an.nguyen gmail.com". They
// are found from their domain: labels joined by dots, or by "dot", "chấm", ",", ending in a
// top-level domain; before it a sign or word for '@', and before that the local part. With
// no sign at all, only a mail provider's domain, after a local part with a dot, a digit or
// an underscore, makes an address.

var (
	mailProviders = newWordSet("gmail", "yahoo", "hotmail", "outlook", "icloud", "ymail", "live",
		"msn", "protonmail", "proton", "vnn", "fpt", "viettel", "mail", "email")
	topDomains = newWordSet("com", "vn", "net", "org", "edu", "gov", "info", "biz", "io", "me", "co")
	dotWords   = newWordSet("dot", "chấm", "cham")
	atWords    = newWordSet("at", "acong", "còng", "cong")
)

// scanLooseEmails finds addresses written without an '@'.
func (d *doc) scanLooseEmails() {
	for i := range d.t {
		w := d.word(i)
		if w == nil || !w.ascii || d.punct(i-1, ".") && !d.sp(i-2) {
			continue
		}
		end, ok := d.domainAt(i)
		if !ok {
			continue
		}
		at, explicit := d.atBefore(i)
		if at < 0 || !explicit && !mailProviders.has(w) {
			continue
		}
		if ls := d.localBefore(at, explicit); ls >= 0 && !publicAddress(d.s[d.t[ls].s:d.t[end-1].e]) {
			d.addTok(ls, end, Email, 2)
		}
	}
}

// domainAt matches a domain at token i and returns the token after it.
func (d *doc) domainAt(i int) (int, bool) {
	labels, j, last := 1, i+1, i
	for labels < 5 {
		k := d.dotAt(j)
		if k < 0 {
			break
		}
		w := d.word(k)
		if w == nil || !w.ascii {
			break
		}
		labels++
		last, j = k, k+1
	}
	return j, labels >= 2 && topDomains.has(&d.t[last])
}

// dotAt matches a dot, plain or written out, at token j and returns the token after it, or -1:
// "gmail.com", "gmail,com" before a top-level domain, "gmail . com", "gmail dot com",
// "gmail chấm com", "gmail (dot) com".
func (d *doc) dotAt(j int) int {
	switch {
	case d.punct(j, ".") && d.word(j+1) != nil:
		return j + 1
	case d.punct(j, ",") && d.word(j+1) != nil && topDomains.has(&d.t[j+1]):
		return j + 1
	case !d.sp(j):
		return -1
	}
	k := j + 1
	switch {
	case d.punct(k, "."):
		k++
	case d.word(k) != nil && dotWords.has(&d.t[k]):
		k++
	case d.punct(k, "([") && d.word(k+1) != nil && dotWords.has(&d.t[k+1]) && d.punct(k+2, ")]"):
		k += 3
	default:
		return -1
	}
	if !d.sp(k) {
		return -1
	}
	return k + 1
}

// atBefore matches a sign or word for '@' before the domain at token i and returns where it
// begins, and whether it is written; a single space alone is not.
func (d *doc) atBefore(i int) (int, bool) {
	j := i - 1
	if d.sp(j) {
		j--
	}
	switch {
	case d.punct(j, "@#"):
		k := j
		if d.sp(k - 1) {
			k--
		}
		return k, true
	case d.punct(j, ")]}"):
		// "(at)", "[a còng]", "(a)"
		for k := j - 1; k >= j-4 && k >= 0; k-- {
			if d.punct(k, "([{") {
				if k > 0 && d.sp(k-1) {
					return k - 1, true
				}
				return k, true
			}
		}
	case d.word(j) != nil && atWords.has(&d.t[j]) && j < i-1:
		k := j
		// "a còng", "a cong"
		if d.sp(k-1) && d.word(k-2) != nil && d.t[k-2].low == "a" && d.t[j].low != "at" {
			k -= 2
		}
		if d.sp(k - 1) {
			k--
		}
		return k, true
	case j == i-2 && d.sp(i-1) && d.t[i-1].e-d.t[i-1].s == 1:
		return i - 1, false
	}
	return -1, false
}

// localBefore matches the local part that ends before token at and returns its first token,
// or -1: ASCII words and numbers joined by '.', '_' or '-', single spaces around a dot allowed.
func (d *doc) localBefore(at int, explicit bool) int {
	s, parts, marked := -1, 0, false
	for k := at - 1; k >= 0 && parts < 12; k-- {
		switch t := &d.t[k]; {
		case (t.k == tWord && t.ascii) || t.k == tNum:
			if s >= 0 && s == k+1 && (d.t[s].k == tWord || d.t[s].k == tNum) {
				return s // two words would be two words, not one part
			}
			s, parts = k, parts+1
			marked = marked || t.k == tNum
		case d.punct(k, "._-"):
			if s < 0 {
				return -1
			}
			marked = true
		case d.sp(k) && (d.punct(k-1, ".") || d.punct(k+1, ".")) && t.e-t.s == 1:
		default:
			k = -1
		}
		if k < 0 {
			break
		}
	}
	if s < 0 || !explicit && !marked {
		return -1
	}
	for d.punct(s, "._-") || d.sp(s) {
		s++
	}
	return s
}
