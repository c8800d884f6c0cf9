package nationaldb

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The portal lists a document's form by the name of its file, and its upload dropped every
// letter that is not ASCII from many of those names, spaces and punctuation too: "Mẫu CT01
// ban hành kèm theo Thông tư số 53" became "1.MuCT01banhnhkmtheoThngts53.doc", and "Cấp mới,
// Cấp lại Giấy phép sử dụng thiết bị phát tín hiệu của xe ưu tiên" became
// "12.CpmiCpliGiyphpsdngthitbphttnhiucaxeutin.docx". The words are usually still in the
// record, in the document's name or elsewhere on the page: formName finds the text whose
// ASCII letters are the file name's and shows that text.

// formTexts are the texts of a record a form's name is looked for in: the document's own
// name first, then the other documents, the procedure's name and the whole page.
type formTexts struct {
	texts []strippedText
}

// strippedText is a text with only its ASCII letters and digits, lower-cased (what the
// portal's upload kept of it), and where each of them is in the text.
type strippedText struct {
	text string
	kept string
	at   []int // byte offset in text of each byte of kept
}

func stripText(t string) strippedText {
	st := strippedText{text: t}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if c := t[i]; c < utf8.RuneSelf && isASCIIAlnum(c) {
			b.WriteByte(lowerASCII(c))
			st.at = append(st.at, i)
		}
	}
	st.kept = b.String()
	return st
}

func newFormTexts(texts ...string) *formTexts {
	ft := &formTexts{}
	for _, t := range texts {
		if t != "" {
			ft.texts = append(ft.texts, stripText(t))
		}
	}
	return ft
}

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// find returns the words of one of the texts whose ASCII letters and digits are key (lower
// case), when they hold letters that are not ASCII (else the file name lost nothing), or "".
// The words must be whole: the match starts at the first ASCII character of a word and ends
// at the last one of a word, and it lies on one line, outside any file name or address.
func (ft *formTexts) find(key string) string {
	if len(key) < 4 {
		return ""
	}
	for _, st := range ft.texts {
		for from := 0; ; {
			j := strings.Index(st.kept[from:], key)
			if j < 0 {
				break
			}
			j += from
			from = j + 1
			if span, ok := st.words(j, j+len(key)); ok {
				return span
			}
		}
	}
	return ""
}

// words returns the text's words that hold kept[i:j], if they are whole words of it.
func (st strippedText) words(i, j int) (string, bool) {
	t := st.text
	a, b := st.at[i], st.at[j-1]+1
	wa, wb := a, b
	for wa > 0 {
		r, size := utf8.DecodeLastRuneInString(t[:wa])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		if r < utf8.RuneSelf {
			return "", false // an ASCII letter before the match, in the same word
		}
		wa -= size
	}
	for wb < len(t) {
		r, size := utf8.DecodeRuneInString(t[wb:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		if r < utf8.RuneSelf {
			return "", false
		}
		wb += size
	}
	span := t[wa:wb]
	if strings.ContainsAny(span, "\n_/\\") || !hasNonASCIILetter(span) {
		return "", false
	}
	return span, true
}

func hasNonASCIILetter(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

var (
	// reCopySuffix is what a file name gets when it is uploaded twice or repaired: " (1)",
	// "-Copy", "Repaired".
	reCopySuffix = regexp.MustCompile(`(?:\s*\(\d+\)|[\s_-]+[Cc]opy|Repaired)$`)
	// reNumbering is the number the portal's lists put before a file name: "12.", "1. ".
	reNumbering = regexp.MustCompile(`^\d{1,2}\.\s*`)
	// reFormRef is a document's reference to its form: "Mẫu số 02", "mẫu TK01", "Phụ lục số 08".
	reFormRef = regexp.MustCompile(`(?:[Mm]ẫu|MẪU)(?: số)? [0-9A-Z][0-9A-Za-zĐđ./-]*[0-9A-Za-z]|(?:[Mm]ẫu|MẪU)(?: số)? [0-9A-Z]|Phụ lục(?: số)? [0-9IVXL]+[a-zA-Z]?`)
)

// cleanFileName is a form's file name as a name: without its extension, without the marks
// of a second upload ("(1)", "-Copy"), with underscores as spaces.
func cleanFileName(file string) string {
	name := strings.TrimSpace(file)
	if m := reFormExt.FindAllStringIndex(name, -1); len(m) > 0 && m[len(m)-1][1] == len(name) {
		name = name[:m[len(m)-1][0]]
	}
	for {
		t := strings.TrimRight(reCopySuffix.ReplaceAllString(name, ""), " .-_")
		if t == name || t == "" {
			break
		}
		name = t
	}
	name = strings.ReplaceAll(name, "_", " ")
	return collapse(name)
}

// formName returns the name to show for a form file of a document: the words the file name
// was made of, where the record still has them; else, when the file name is garbled, the
// form the document's name refers to ("Mẫu số 02") or, failing that, "Có mẫu kèm theo";
// else the file name cleaned (cleanFileName). A web address is kept as it is.
func formName(file, docName string, ft *formTexts) string {
	if strings.Contains(file, "://") || strings.HasPrefix(file, "//") || strings.HasPrefix(strings.ToLower(file), "www.") {
		return file
	}
	name := cleanFileName(file)
	if name == "" || !isASCII(name) {
		return name
	}
	bare := reNumbering.ReplaceAllString(name, "")
	if span := ft.find(keyOf(bare)); span != "" {
		return capitalize(span)
	}
	if !garbled(name) {
		return name
	}
	if words := ft.recoverParts(bare); words != "" {
		return capitalize(words)
	}
	if ref := reFormRef.FindString(docName); ref != "" {
		return capitalize(ref)
	}
	return "Có mẫu kèm theo"
}

// keyOf is what the upload kept of s: its ASCII letters and digits, lower-cased.
func keyOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isASCIIAlnum(s[i]) {
			b.WriteByte(lowerASCII(s[i]))
		}
	}
	return b.String()
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + s[size:]
	}
	return s
}

// strippedWords are words form names often start with, as the upload left them.
var strippedWords = []struct{ stripped, word string }{
	{"phlcs", "Phụ lục số"}, {"phlc", "Phụ lục"}, {"mus", "Mẫu số"}, {"mu", "Mẫu"},
	{"thngts", "Thông tư số"}, {"thngt", "Thông tư"},
}

// strippedWord returns the word s starts with, if it is one of strippedWords followed by
// the start of something else (a capital, a digit, a separator, the end), and its length.
func strippedWord(s string) (word string, n int) {
	for _, w := range strippedWords {
		if len(s) < len(w.stripped) || !strings.EqualFold(s[:len(w.stripped)], w.stripped) {
			continue
		}
		if rest := s[len(w.stripped):]; rest == "" || !isLowerASCII(rest[0]) {
			return w.word, len(w.stripped)
		}
	}
	return "", 0
}

// recoverParts finds the words of a garbled name part by part. The name is cut where a
// capital letter, a digit or a separator begins something new, between a capital and the
// small letters after it, and after a word of strippedWords ("Cpmi|Cpli|G|iyphp…",
// "TK01-|Phi|ungh…", "Mu|nngh…"); from the left, the longest run of parts the record has
// words for is replaced by them. A word of strippedWords is written out; a run of capitals
// and digits is a code ("TK01", "GCN", "01a") and is kept; the other parts the record has no
// words for are shown as "…". It returns "" when the words found and the codes hold less
// than three fifths of the name's letters: what would be shown would be mostly gaps.
func (ft *formTexts) recoverParts(name string) string {
	cuts := []int{0}
	for i := 1; i < len(name); i++ {
		a, b := name[i-1], name[i]
		switch {
		case !isASCIIAlnum(a):
			if isASCIIAlnum(b) {
				cuts = append(cuts, i)
			}
		case !isASCIIAlnum(b):
			cuts = append(cuts, i)
		case isDigitASCII(a) && isLowerASCII(b) && (i+1 == len(name) || !isASCIILetter(name[i+1])):
			// "01a": one letter after a number belongs to it
		case isUpperASCII(b) && !isUpperASCII(a),
			isDigitASCII(b) != isDigitASCII(a),
			isUpperASCII(a) && isLowerASCII(b),
			isUpperASCII(a) && isUpperASCII(b) && i+1 < len(name) && isLowerASCII(name[i+1]):
			cuts = append(cuts, i)
		}
	}
	cuts = append(cuts, len(name))
	// A stripped word at the start of a part is a part of its own.
	for k := 0; k < len(cuts)-1; k++ {
		if _, n := strippedWord(name[cuts[k]:]); n > 0 && cuts[k]+n < cuts[k+1] {
			cuts = slices.Insert(cuts, k+1, cuts[k]+n)
		}
	}
	// The cuts inside a stripped word ("M|u") are not cuts.
	for k := 0; k < len(cuts)-1; k++ {
		if _, n := strippedWord(name[cuts[k]:]); n > 0 {
			for k+1 < len(cuts) && cuts[k+1] < cuts[k]+n {
				cuts = slices.Delete(cuts, k+1, k+2)
			}
		}
	}
	var out []string
	gap := false // the last thing written is a gap
	found, total := 0, len(keyOf(name))
	for k := 0; k < len(cuts)-1; {
		piece := name[cuts[k]:cuts[k+1]]
		if keyOf(piece) == "" {
			k++
			continue
		}
		// The longest run of parts from k that the record has words for.
		best, bestEnd := "", -1
		for e := len(cuts) - 1; e > k; e-- {
			run := name[cuts[k]:cuts[e]]
			if countLower(run) < 2 {
				continue // a code, or too little to tell
			}
			if span := ft.find(keyOf(run)); span != "" {
				best, bestEnd = span, e
				break
			}
		}
		word, n := strippedWord(piece)
		switch {
		case bestEnd >= 0:
			out = append(out, best)
			found += len(keyOf(name[cuts[k]:cuts[bestEnd]]))
			k = bestEnd
			gap = false
			continue
		case n == len(piece):
			out = append(out, word)
			found += n
			gap = false
		case isCode(piece):
			// With the code parts right after it, joined or after a full stop or a hyphen
			// ("TK" "01", "TT10" "." "2016").
			e := k + 1
			for e < len(cuts)-1 {
				if next := name[cuts[e]:cuts[e+1]]; isCode(next) {
					e++
				} else if strings.Trim(next, ".-") == "" && e+1 < len(cuts)-1 && isCode(name[cuts[e+1]:cuts[e+2]]) {
					e += 2
				} else {
					break
				}
			}
			code := strings.Trim(name[cuts[k]:cuts[e]], " -_.")
			// One capital alone is the start of a word whose small letters follow ("C|pmi").
			if len(code) > 1 || strings.ContainsAny(code, "0123456789") || e == len(cuts)-1 || !isLowerASCII(name[cuts[e]]) {
				out = append(out, code)
				found += len(keyOf(code))
				gap = false
				k = e
				continue
			}
			fallthrough // one capital, of a word whose small letters follow
		case !gap:
			out = append(out, "…")
			gap = true
		}
		k++
	}
	if found == 0 || found*5 < total*3 {
		return ""
	}
	return collapse(strings.Join(out, " "))
}

// isCode reports whether a part of a name is capitals and digits, with at most one small
// letter after a digit ("01a").
func isCode(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isLowerASCII(c) && !(i > 0 && isDigitASCII(s[i-1]) && i == len(s)-1) {
			return false
		}
	}
	return keyOf(s) != ""
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }
func isDigitASCII(c byte) bool { return c >= '0' && c <= '9' }

func countLower(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isLowerASCII(s[i]) {
			n++
		}
	}
	return n
}

// garbled reports whether a name is a file name whose Vietnamese letters were dropped: ASCII,
// not a few words written apart (those read, with or without their accents), and with at
// least two runs of consonants that no Vietnamese syllables, written without accents,
// could make ("Cpmi", "Giyphpsdng…", "Thngts").
func garbled(name string) bool {
	if !isASCII(name) || strings.ContainsAny(name, "/") || len(strings.Fields(name)) >= 3 {
		return false
	}
	if _, n := strippedWord(name); n > 0 {
		return true // "Phlc8", "Mus01"
	}
	bad := 0
	for _, tok := range letterTokens(name) {
		if len(tok) >= 3 && countLower(tok) > 0 {
			bad += badConsonantRuns(strings.ToLower(tok))
		}
	}
	return bad >= 2
}

// letterTokens cuts s into runs of letters, a capital after a small letter starting a new
// one ("MuCT" gives "Mu", "CT").
func letterTokens(s string) []string {
	var toks []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isASCIILetter(s[i]) {
			if start >= 0 && isUpperASCII(s[i]) && isLowerASCII(s[i-1]) {
				toks = append(toks, s[start:i])
				start = i
			}
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	return toks
}

// badConsonantRuns counts the runs of consonants of a lower-case word that cannot be the
// start of a Vietnamese syllable (at the word's start), its end (at the word's end), or an
// end followed by a start (inside it).
func badConsonantRuns(w string) int {
	bad := 0
	for i := 0; i < len(w); {
		if isVowelASCII(w[i]) {
			i++
			continue
		}
		j := i
		for j < len(w) && !isVowelASCII(w[j]) {
			j++
		}
		run := w[i:j]
		var ok bool
		switch {
		case i == 0 && j == len(w):
			ok = false
		case i == 0:
			ok = asciiOnsets[run]
		case j == len(w):
			ok = asciiFinals[run]
		default:
			for k := 0; k <= len(run) && !ok; k++ {
				ok = asciiFinals[run[:k]] && asciiOnsets[run[k:]]
			}
		}
		if !ok {
			bad++
		}
		i = j
	}
	return bad
}

func isVowelASCII(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

var asciiOnsets = setOf("", "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
	"p", "ph", "q", "r", "s", "t", "th", "tr", "v", "x")

var asciiFinals = setOf("", "c", "ch", "m", "n", "ng", "nh", "p", "t")

func setOf(s ...string) map[string]bool {
	m := make(map[string]bool, len(s))
	for _, x := range s {
		m[x] = true
	}
	return m
}
