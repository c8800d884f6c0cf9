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
	var out []Token
	newWords().scan(nfc(text), func(t Token) { out = append(out, t) })
	return out
}

// words caches the lower-case and folded forms of the words seen so far, and the joined
// forms of pairs: a site's vocabulary is a few tens of thousands of words, and folding each
// occurrence anew (decomposition, allocation) was most of the time of indexing. A words
// belongs to one goroutine.
type words struct {
	forms map[string][2]string
	pairs map[[2]string][2]string
}

func newWords() *words {
	return &words{forms: map[string][2]string{}, pairs: map[[2]string][2]string{}}
}

// scan calls yield for each token of text, which must be NFC.
func (w *words) scan(text string, yield func(Token)) {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWord(r) {
			i += n
			continue
		}
		end := wordEnd(text, i)
		cend := end
		if end < len(text) && strings.IndexByte("./-", text[end]) >= 0 { // only a joiner can start a code
			cend = codeEnd(text, i)
		}
		if cend > end {
			yield(w.token(text, i, cend, true))
			// The parts of a code are terms too.
			for j := i; j < cend; {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !isWord(r) {
					j += n
					continue
				}
				e := min(wordEnd(text, j), cend)
				yield(w.token(text, j, e, false))
				j = e
			}
			i = cend
			continue
		}
		yield(w.token(text, i, end, false))
		i = end
	}
}

// termKind tells what a term of walk is.
type termKind uint8

const (
	word  termKind = iota // a token of the text
	added                 // an abbreviation's expansion, or the abbreviation of a run of words
	pair                  // two neighbouring words
)

// walk calls yield for every term of text, in order: each token, then the terms it adds
// (Expand) and the pair it ends (Pairs). The index takes all of them from one pass, without
// holding a text's tokens in memory. text must be NFC: content is (content.Load normalises
// every file), and the exported functions normalise their input.
func (w *words) walk(text string, yield func(Token, termKind)) {
	var recent [maxExpansion]Token // the last tokens, for expansions spelt out
	seen := 0
	codeEnd := -1
	var prev Token
	prevWord := false // prev may start a pair: a word, not a code or a code's part
	w.scan(text, func(t Token) {
		yield(t, word)
		recent[seen%maxExpansion] = t
		seen++
		for _, a := range abbrevs {
			if t.Folded == a.short.Folded {
				for _, l := range a.long {
					l.Start, l.End = t.Start, t.End
					yield(l, added)
				}
			}
			if n := len(a.long); n <= seen && spelt(recent[:], seen, a.long) {
				s := a.short
				s.Start, s.End = recent[(seen-n)%maxExpansion].Start, t.End
				yield(s, added)
			}
		}
		if t.Code {
			codeEnd, prevWord = t.End, false
			return
		}
		isWord := t.Start >= codeEnd
		if isWord && prevWord && strings.TrimSpace(text[prev.End:t.Start]) == "" {
			f := w.pair(prev, t)
			yield(Token{Exact: f[0], Folded: f[1], Start: prev.Start, End: t.End}, pair)
		}
		prev, prevWord = t, isWord
	})
}

// spelt reports whether the last len(words) of the seen tokens (a ring in recent) are words.
func spelt(recent []Token, seen int, words []Token) bool {
	for k, w := range words {
		if recent[(seen-len(words)+k)%len(recent)].Folded != w.Folded {
			return false
		}
	}
	return true
}

// collect returns the terms of text of the given kinds.
func collect(text string, kinds ...termKind) []Token {
	var out []Token
	newWords().walk(nfc(text), func(t Token, k termKind) {
		for _, want := range kinds {
			if k == want {
				out = append(out, t)
			}
		}
	})
	return out
}

func (w *words) token(text string, start, end int, code bool) Token {
	s := text[start:end]
	f, ok := w.forms[s]
	if !ok {
		f = [2]string{strings.ToLower(s), fold.String(s)}
		w.forms[strings.Clone(s)] = f
	}
	return Token{Exact: f[0], Folded: f[1], Start: start, End: end, Code: code}
}

// pair joins two words' exact and folded forms, sharing the strings of pairs seen before.
func (w *words) pair(a, b Token) [2]string {
	k := [2]string{a.Exact, b.Exact}
	f, ok := w.pairs[k]
	if !ok {
		f = [2]string{a.Exact + " " + b.Exact, a.Folded + " " + b.Folded}
		w.pairs[k] = f
	}
	return f
}

// nfc returns text in Unicode normal form C, without copying text that is already.
func nfc(text string) string {
	if norm.NFC.IsNormalString(text) {
		return text
	}
	return norm.NFC.String(text)
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

// Pairs returns the pairs of neighbouring words of text: two words separated only by
// spaces, neither part of a code, as one term "dang ky" (exact "đăng ký"). Most Vietnamese
// words are two syllables, so the pairs are what a query of words means.
func Pairs(text string) []Token { return collect(text, pair) }

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
