// Package search builds the site's search index at build time. This file holds what index
// and query share: how Vietnamese text is cut into terms.
//
// A term is folded (case, diacritics and đ removed, package fold) so that "duong", "đường"
// and "Đường" meet; each token also keeps its exact lower-case form, so that results whose
// diacritics match the query can rank first. Procedure codes ("1.001226", "1.003901.H01")
// and document numbers ("2890/QĐ-UBND", "13/2023/NĐ-CP") are single tokens, because people
// paste them whole; their parts are tokens too, so "2890" alone still finds the decision.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"congkhai/generator/fold"
)

// Token is one term of a text.
type Token struct {
	Exact      string // lower case, with diacritics (NFC)
	Folded     string // lower case, without diacritics
	Start, End int    // byte offsets in the NFC text
	// Code marks a code or document number kept whole ("1.001226", "2890/qđ-ubnd").
	Code bool
}

// Tokens cuts text (normalised to NFC first; offsets refer to the NFC form) into terms:
// runs of letters and digits, and codes and document numbers, which are also cut into
// their parts.
func Tokens(text string) []Token {
	text = norm.NFC.String(text)
	var out []Token
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWord(r) {
			i += n
			continue
		}
		end := wordEnd(text, i)
		if cend := codeEnd(text, i); cend > end {
			out = append(out, token(text, i, cend, true))
			// The parts of a code are terms too.
			for j := i; j < cend; {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !isWord(r) {
					j += n
					continue
				}
				e := min(wordEnd(text, j), cend)
				out = append(out, token(text, j, e, false))
				j = e
			}
			i = cend
			continue
		}
		out = append(out, token(text, i, end, false))
		i = end
	}
	return out
}

func token(text string, start, end int, code bool) Token {
	s := text[start:end]
	return Token{Exact: strings.ToLower(s), Folded: fold.String(s), Start: start, End: end, Code: code}
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// wordEnd is the end of the run of letters and digits starting at i.
func wordEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWord(r) {
			break
		}
		i += n
	}
	return i
}

// codeEnd is the end of a code or document number starting at i, or i if there is none
// there. A code is words joined by ".", "/" or "-" with no space, containing a digit and at
// least one joiner that is not a trailing one: "1.001226", "1.003901.H01", "2890/QĐ-UBND",
// "02/2017/TT-VPCP". Plain hyphenated words ("Thừa Thiên-Huế") have no digit and are not codes.
func codeEnd(text string, i int) int {
	end, joins, digit := i, 0, false
	for j := i; j < len(text); {
		e := wordEnd(text, j)
		if e == j {
			break
		}
		for _, r := range text[j:e] {
			if unicode.IsDigit(r) {
				digit = true
			}
		}
		end = e
		if e < len(text) && strings.IndexByte("./-", text[e]) >= 0 && e+1 < len(text) {
			if r, _ := utf8.DecodeRuneInString(text[e+1:]); isWord(r) {
				joins++
				j = e + 1
				continue
			}
		}
		break
	}
	if joins == 0 || !digit {
		return i
	}
	return end
}

// Pairs returns the pairs of neighbouring words of text (whose Tokens are tokens): two words
// separated only by spaces, neither part of a code, as one term "dang ky" (exact "đăng ký").
// Most Vietnamese words are two syllables, so the pairs are what a query of words means.
func Pairs(text string, tokens []Token) []Token {
	text = norm.NFC.String(text)
	var out []Token
	codeEnd := -1
	for i, t := range tokens {
		if t.Code {
			codeEnd = t.End
			continue
		}
		if i == 0 || t.Start < codeEnd {
			continue
		}
		p := tokens[i-1]
		if p.Code || p.Start < codeEnd || strings.TrimSpace(text[p.End:t.Start]) != "" {
			continue
		}
		out = append(out, Token{Exact: p.Exact + " " + t.Exact, Folded: p.Folded + " " + t.Folded, Start: p.Start, End: t.End})
	}
	return out
}

// Unpad drops the leading zero of each two-digit number in a term: "03/2026" -> "3/2026",
// "05" -> "5", so that a month or a day finds the page whichever way either wrote it.
// Longer numbers keep their zeros (procedure codes: "1.000894").
func Unpad(term string) string {
	isDigit := func(i int) bool { return i >= 0 && i < len(term) && term[i] >= '0' && term[i] <= '9' }
	var b []byte
	for i := 0; i < len(term); i++ {
		if term[i] == '0' && !isDigit(i-1) && isDigit(i+1) && !isDigit(i+2) {
			if b == nil {
				b = append(make([]byte, 0, len(term)), term[:i]...)
			}
			continue
		}
		if b != nil {
			b = append(b, term[i])
		}
	}
	if b == nil {
		return term
	}
	return string(b)
}
