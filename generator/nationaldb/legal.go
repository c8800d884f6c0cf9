package nationaldb

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"congkhai/generator/content"
)

// The legal bases (căn cứ pháp lý), flattened:
//
//	Tên văn bản pháp lýMã văn bản<title><number><title><number>...
//
// A number is "68/2013/TT-BCA", "02/2011/QH13", "08/2026" or "2890/QĐ-UBND": digits, a year,
// and a code of capitals (and Đ) in dash-separated parts, where only a National Assembly
// part ("QH13", "UBTVQH14") carries digits and "TTg" is the one lower-case letter. The
// number is glued to what comes before and after it: a title often ends with the same
// number ("Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP"), a title ending in a year runs into the
// number ("năm 201102/2011/QH13"), and the next title starts right after the code
// ("TT-BCALuật", "NĐ-CPNGHỊ ĐỊNH"). A number ends a row when what follows it starts a new
// title: a letter with no space before it, or the end of the text.

const legalHeader = "Tên văn bản pháp lýMã văn bản"

type numToken struct {
	start, end int // rune offsets
	text       string
}

// isCodeLetter reports whether r can be part of a document code.
func isCodeLetter(r rune) bool { return r >= 'A' && r <= 'Z' || r == 'Đ' }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// numberTokens finds the document numbers in rs.
func numberTokens(rs []rune) []numToken {
	var toks []numToken
	lastEnd := -1
	for i := 0; i < len(rs); {
		if !isDigit(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isDigit(rs[j]) {
			j++
		}
		// A resolution numbered "66.19/2026/NQ-CP".
		dotted := j
		for dotted+1 < len(rs) && rs[dotted] == '.' && isDigit(rs[dotted+1]) {
			dotted++
			for dotted < len(rs) && isDigit(rs[dotted]) {
				dotted++
			}
		}
		hasDot := false
		if dotted > j && dotted < len(rs) && rs[dotted] == '/' && j-i <= 4 {
			j, hasDot = dotted, true
		}
		if j >= len(rs) || rs[j] != '/' {
			i = j
			continue
		}
		start := i
		switch {
		case j-i > 4 && !hasDot:
			// A year glued to a number: "năm 201102/2011/QH13".
			if y := string(rs[i : i+2]); (y == "19" || y == "20") && j-i-4 <= 4 {
				start = i + 4
			} else {
				i = j
				continue
			}
		case i > 0 && i != lastEnd && (rs[i-1] == '/' || rs[i-1] == '.' && i > 1 && isDigit(rs[i-2])):
			i = j // a part of a date ("26/12/2013") or of a decimal number
			continue
		}
		end := -1
		k := j + 1
		if k+4 <= len(rs) && isDigit(rs[k]) && isDigit(rs[k+1]) && isDigit(rs[k+2]) && isDigit(rs[k+3]) {
			y := string(rs[k : k+2])
			if y == "19" || y == "20" {
				end = k + 4
				if end < len(rs) && rs[end] == '/' {
					if e := scanCode(rs, end+1); e > end+1 {
						end = e
					}
				}
			}
		} else if k < len(rs) && isCodeLetter(rs[k]) {
			if e := scanCode(rs, k); e > k && strings.ContainsRune(string(rs[k:e]), '-') {
				end = e
			}
		}
		if end < 0 {
			i = j
			continue
		}
		toks = append(toks, numToken{start, end, string(rs[start:end])})
		lastEnd = end
		i = end
	}
	return toks
}

// scanCode returns the end of the document code starting at rs[p].
func scanCode(rs []rune, p int) int {
	end := p
	for {
		q := p
		for q < len(rs) && isCodeLetter(rs[q]) {
			q++
		}
		letters := string(rs[p:q])
		if q == p {
			return end
		}
		switch {
		case q < len(rs) && rs[q] == 'g' && strings.HasSuffix(letters, "TT"):
			q++ // "TTg" (Thủ tướng)
		case q < len(rs) && unicode.IsLower(rs[q]):
			if startsWord(rs, q-1) {
				q-- // the capital starts the next word: "BCALuật"
			} // else the next title starts in lower case: "TT-BTCquy định"
		case q < len(rs) && unicode.IsUpper(rs[q]):
			q = p + len([]rune(letters[:wordStart(letters)])) // "CPLUẬT", "CPNGHỊ"
		case q < len(rs) && isDigit(rs[q]):
			d := q
			for d < len(rs) && isDigit(rs[d]) {
				d++
			}
			// Only a National Assembly part ("QH13", "UBTVQH14") has digits, two at
			// most; more digits start the next number.
			if strings.HasSuffix(letters, "QH") {
				q += min(d-q, 2)
			}
		case q == len(rs) || rs[q] == ' ':
			for _, w := range []string{"QUY", "BAN", "DANH", "THI"} {
				if strings.HasSuffix(letters, w) && len(letters) > len(w) && q < len(rs) {
					q -= len(w)
					break
				}
			}
		}
		if q <= p {
			return end
		}
		end = q
		// The next part: after "-" (or, mistyped, "/", "_" or "- ").
		if end+1 < len(rs) && strings.ContainsRune("-/_", rs[end]) {
			switch {
			case isCodeLetter(rs[end+1]):
				p = end + 1
				continue
			case rs[end] == '-' && rs[end+1] == ' ' && end+2 < len(rs) && isCodeLetter(rs[end+2]):
				p = end + 2
				continue
			}
		}
		return end
	}
}

// wordStart returns where, in a run of capitals glued to a Vietnamese capitalised word that
// goes on with a letter the code cannot have ("CPLU" + "ẬT"), that word begins: before its
// vowels and the consonants that open its syllable.
func wordStart(letters string) int {
	i := len(letters)
	for i > 0 && strings.IndexByte("AEIOUY", letters[i-1]) >= 0 {
		i--
	}
	head := letters[:i]
	for _, c := range []string{"NGH", "NG", "NH", "CH", "TR", "TH", "PH", "GI", "KH", "GH"} {
		if strings.HasSuffix(head, c) {
			cut := i - len(c)
			if c == "PH" && strings.HasSuffix(head[:cut+1], "CP") {
				break // "NĐ-CPHƯỚNG": the P belongs to CP
			}
			return cut
		}
	}
	if i > 0 {
		if strings.HasSuffix(head, "Đ") {
			return i - len("Đ")
		}
		return i - 1
	}
	return 0
}

// startsWord reports whether the capital rs[i], followed by lower-case letters, is the
// first letter of a Vietnamese word: together they make one syllable ("Luật", "Nghị",
// "Quy"). "BTCquy" and "BCAngày" are codes followed by a word starting in lower case: "Cquy"
// has no valid onset, "Angày" two syllables.
func startsWord(rs []rune, i int) bool {
	j := i + 1
	for j < len(rs) && unicode.IsLower(rs[j]) {
		j++
	}
	if isSyllable(strings.ToLower(string(rs[i:j]))) {
		return true
	}
	// Neither "Xabc" nor "abc" is Vietnamese ("CPDecision"): a capitalised foreign word.
	return !isSyllable(string(rs[i+1 : j]))
}

// isSyllable reports whether w (lower case) is one Vietnamese syllable: an onset, one
// group of vowels, and a final consonant.
func isSyllable(w string) bool {
	rs := []rune(w)
	i := 0
	for i < len(rs) && !isVowel(rs[i]) {
		i++
	}
	if i > 0 && !validOnset(string(rs[:i])) {
		return false
	}
	j := i
	for j < len(rs) && isVowel(rs[j]) {
		j++
	}
	if j == i {
		return false
	}
	return j == len(rs) || validFinal(string(rs[j:]))
}

// vowels are the Vietnamese vowel letters, in lower case, with every tone mark.
const vowels = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"

// isVowel reports whether r is a Vietnamese vowel letter, with or without marks.
func isVowel(r rune) bool {
	if r < 0x80 {
		return strings.IndexByte("aeiouyAEIOUY", byte(r)) >= 0
	}
	return strings.ContainsRune(vowels, unicode.ToLower(r))
}

// parseLegal splits the legal bases into rows. ok is false when the text is not the table.
func parseLegal(text string) (rows []content.LegalBasisRec, probs []string, ok bool) {
	s := tidy(text)
	if isNoInfo(s) {
		return nil, nil, true
	}
	if !strings.HasPrefix(s, legalHeader) {
		return nil, nil, false
	}
	s = strings.TrimSpace(s[len(legalHeader):])
	if isNoInfo(s) {
		return nil, nil, true
	}
	rs := []rune(s)
	toks := numberTokens(rs)
	rowStart := 0
	seen := map[content.LegalBasisRec]bool{}
	add := func(r content.LegalBasisRec) {
		if !seen[r] {
			seen[r] = true
			rows = append(rows, r)
		}
	}
	for i, t := range toks {
		if t.start < rowStart || !endsRow(rs, toks, i) {
			continue
		}
		title := legalTitle(string(rs[rowStart:t.start]))
		add(content.LegalBasisRec{Title: title, Number: t.text})
		rowStart = t.end
		for rowStart < len(rs) && strings.ContainsRune(".;,", rs[rowStart]) {
			rowStart++
		}
	}
	// A row printed the other way round ("24/2022/TT-BNNPTNT" then "Thông tư
	// 24/2022/TT-BNNPTNT") leaves a number without a title next to the same number with one.
	rows = slices.DeleteFunc(rows, func(r content.LegalBasisRec) bool {
		return r.Title == "" && slices.ContainsFunc(rows, func(o content.LegalBasisRec) bool { return o.Title != "" && o.Number == r.Number })
	})
	for _, r := range rows {
		if r.Title == "" {
			probs = append(probs, "văn bản không có tên: "+r.Number)
		}
	}
	if rest := legalTitle(string(rs[rowStart:])); rest != "" {
		probs = append(probs, "văn bản không có số hiệu: "+shorten(rest, 80))
		add(content.LegalBasisRec{Title: rest})
	}
	return rows, probs, true
}

// endsRow reports whether toks[i] is a number cell: what follows it starts a new row.
func endsRow(rs []rune, toks []numToken, i int) bool {
	t := toks[i]
	if t.end >= len(rs) {
		return true
	}
	if i+1 < len(toks) && toks[i+1].start == t.end {
		// Another number glued on: a title ending in its number, then the number cell; or
		// a number cell, then a title that is itself a number, then its number cell.
		n := toks[i+1]
		if n.text == t.text {
			return false
		}
		if i+2 < len(toks) && toks[i+2].start == n.end && toks[i+2].text == n.text {
			return true
		}
		return false
	}
	// Punctuation typed after the number ("84/2019/NĐ-CP.") belongs to the cell when a new
	// title or the end follows it.
	k := t.end
	for k < len(rs) && strings.ContainsRune(".;,", rs[k]) {
		k++
	}
	if k > t.end && (k == len(rs) || unicode.IsLetter(rs[k])) {
		return true
	}
	next := string(rs[t.end:min(len(rs), t.end+6)])
	r := rs[t.end]
	switch {
	case unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
		return false
	case isDigit(r):
		return true
	case strings.HasPrefix(next, "ngày ") || strings.HasPrefix(next, "năm ") || strings.HasPrefix(next, "của "):
		return false // "53/2025/TT-BCAngày 01/7/2025" goes on in the title
	}
	return true
}

func legalTitle(s string) string {
	s = oneLine(s)
	s = strings.TrimSpace(strings.TrimRight(s, ";,"))
	// A number cell printed as "Luật số 32/2024/QH15" leaves "Luật số" glued to the end of
	// the title: "Luật Các tổ chức tín dụngLuật số".
	for _, kind := range docKinds {
		for _, suffix := range []string{kind + " số", kind} {
			rest, ok := strings.CutSuffix(s, suffix)
			if !ok || rest == "" {
				continue
			}
			last, _ := utf8.DecodeLastRuneInString(rest)
			if unicode.IsLower(last) || last == '.' || last == ')' || last == ' ' && strings.HasSuffix(suffix, " số") {
				return strings.TrimSpace(rest)
			}
		}
	}
	return s
}

// docKinds are the kinds of legal document, as a number cell may name them.
var docKinds = []string{"Luật", "Bộ luật", "Nghị định", "Thông tư", "Thông tư liên tịch", "Quyết định", "Nghị quyết", "Pháp lệnh"}

// shorten cuts s to about n characters for a problem's detail.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}
