package privacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"congkhai/generator/fold"
)

// The detectors work on a token stream of the original text, so that offsets are byte offsets
// of the input whatever its normalisation form: a word is a run of letters and combining marks
// (NFD "Nguye\u0302\u0303n" is one word), a number a run of ASCII digits, a space a run of white
// space, and anything else is one punctuation token per rune.

type tkind uint8

const (
	tWord tkind = iota
	tNum
	tSpace
	tPunct
	tMask // the placeholder of an earlier pass: "[họ tên đã ẩn]"
)

type token struct {
	low   string // words: lower case, NFC; numbers: the digits
	fold  string // words: lower case without diacritics, đ folded to d
	s, e  int32  // byte offsets in the text
	r     rune   // first rune (punctuation)
	nl    int32  // spaces: number of line breaks
	k     tkind  // kind of token
	ascii bool   // the token is plain ASCII
	loose bool   // an ASCII word in a text written without diacritics: may match keywords folded
	upper bool   // words: the first letter is upper case
}

func isMark(r rune) bool { return unicode.Is(unicode.Mn, r) }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// tokenize splits s into tokens; the tokens cover s without gaps.
// tokenize splits s into tokens; the tokens cover s without gaps. The lower-case and folded
// forms of a word are substrings of s when they equal the word, and otherwise of one string
// shared by all tokens, to keep allocations few.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/2+1)
	arena := make([]byte, 0, len(s)/2)
	type fixup struct {
		ti             int
		la, lb, fa, fb int // arena ranges of low and fold; la < 0: low is already set
	}
	fix := make([]fixup, 0, len(s)/16)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		start := i
		switch {
		case r >= '0' && r <= '9':
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			toks = append(toks, token{s: int32(start), e: int32(i), k: tNum, r: r, low: s[start:i], ascii: true})
		case unicode.IsLetter(r) || isMark(r):
			i += w
			marks, ascii, upper := isMark(r), r < utf8.RuneSelf, unicode.IsUpper(r)
		scan:
			for i < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[i:])
				switch {
				case r2 >= 'a' && r2 <= 'z':
				case r2 >= 'A' && r2 <= 'Z':
					upper = true
				case r2 == '\'' || r2 == '’':
					// An apostrophe inside a name: H'Hen Niê.
					if r3, _ := utf8.DecodeRuneInString(s[i+w2:]); !unicode.IsLetter(r3) {
						break scan
					}
					ascii = ascii && r2 == '\''
				case unicode.IsLetter(r2):
					ascii = false
					upper = upper || unicode.IsUpper(r2)
				case isMark(r2):
					ascii, marks = false, true
				default:
					break scan
				}
				i += w2
			}
			word := s[start:i]
			t := token{s: int32(start), e: int32(i), k: tWord, r: r, ascii: ascii}
			for _, r := range word {
				if !isMark(r) {
					t.upper = unicode.IsUpper(r)
					break
				}
			}
			fx := fixup{ti: len(toks), la: -1}
			switch {
			case !upper && !marks:
				t.low = word
			case ascii:
				fx.la = len(arena)
				for j := 0; j < len(word); j++ {
					c := word[j]
					if c >= 'A' && c <= 'Z' {
						c += 'a' - 'A'
					}
					arena = append(arena, c)
				}
				fx.lb = len(arena)
			default:
				fx.la = len(arena)
				for _, r := range word {
					arena = utf8.AppendRune(arena, unicode.ToLower(r))
				}
				if marks && !norm.NFC.IsNormal(arena[fx.la:]) {
					l := norm.NFC.Append(nil, arena[fx.la:]...)
					arena = append(arena[:fx.la], l...)
				}
				fx.lb = len(arena)
			}
			switch {
			case ascii && fx.la < 0:
				t.fold = word
			case ascii:
				fx.fa, fx.fb = fx.la, fx.lb
			case fx.la >= 0:
				fx.fa = len(arena)
				for j := fx.la; j < fx.lb; {
					r, w := utf8.DecodeRune(arena[j:fx.lb])
					arena = fold.AppendRune(arena, r)
					j += w
				}
				fx.fb = len(arena)
			default:
				fx.fa = len(arena)
				arena = fold.Append(arena, word)
				fx.fb = len(arena)
			}
			if t.fold == "" {
				fix = append(fix, fx)
			}
			toks = append(toks, t)
		case unicode.IsSpace(r):
			nl := 0
			for i < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[i:])
				if !unicode.IsSpace(r2) {
					break
				}
				if r2 == '\n' {
					nl++
				}
				i += w2
			}
			toks = append(toks, token{s: int32(start), e: int32(i), k: tSpace, r: r, nl: int32(nl)})
		default:
			if r == '[' {
				if n := placeholderAt(s[i:]); n > 0 {
					i += n
					toks = append(toks, token{s: int32(start), e: int32(i), k: tMask, r: r})
					continue
				}
			}
			i += w
			toks = append(toks, token{s: int32(start), e: int32(i), k: tPunct, r: r})
		}
	}
	// A text written without diacritics lets its ASCII words match keywords by their folded
	// form; in a text with diacritics an ASCII word is what it is ("Phan" is not "phần").
	words, accented := 0, 0
	for i := range toks {
		if toks[i].k == tWord {
			words++
			if !toks[i].ascii {
				accented++
			}
		}
	}
	if accented*10 < words {
		for i := range toks {
			toks[i].loose = toks[i].k == tWord && toks[i].ascii
		}
	}
	if len(fix) > 0 {
		str := string(arena)
		for _, fx := range fix {
			t := &toks[fx.ti]
			if fx.la >= 0 {
				t.low = str[fx.la:fx.lb]
			}
			t.fold = str[fx.fa:fx.fb]
		}
	}
	return toks
}

// kw is a keyword of the rules. A word matches it when its lower-case form is the keyword
// with its diacritics, or, if ascii is set, when the word is loose (an ASCII word of a text
// written without diacritics) and folds to the keyword ("ong" for "ông"). Words written with
// other diacritics never match ("có" is not "cô"), nor do ASCII words of a text with
// diacritics ("Phan" is not "phần"), which keeps ambiguous folded forms from firing.
type kw struct {
	low, fold string
	ascii     bool
}

func newKW(s string, ascii bool) kw {
	l := norm.NFC.String(strings.ToLower(s))
	return kw{low: l, fold: fold.String(l), ascii: ascii || isASCII(l)}
}

func (k kw) match(t *token) bool {
	if t.k != tWord {
		return false
	}
	return t.low == k.low || (k.ascii && t.loose && t.fold == k.fold)
}

// wordSet is a set of keywords. Entries written with a leading '=' match only with their
// diacritics (their folded form is a common, different word or name).
type wordSet struct {
	low  map[string]bool
	fold map[string]bool
}

func newWordSet(words ...string) wordSet {
	ws := wordSet{low: map[string]bool{}, fold: map[string]bool{}}
	for _, w := range words {
		exact := strings.HasPrefix(w, "=")
		k := newKW(strings.TrimPrefix(w, "="), !exact)
		ws.low[k.low] = true
		if k.ascii {
			ws.fold[k.fold] = true
		}
	}
	return ws
}

// allFolds are the set's words without diacritics, all of them (fold holds only those
// that match a word typed without them).
func (ws wordSet) allFolds() map[string]bool {
	m := map[string]bool{}
	for low := range ws.low {
		m[fold.String(low)] = true
	}
	return m
}

func (ws wordSet) has(t *token) bool {
	if t.k != tWord {
		return false
	}
	return ws.low[t.low] || (t.loose && ws.fold[t.fold])
}

// phrase parses "số nhà" or "=tổ" into keywords (see wordSet for '=').
func phrase(p string) []kw {
	var ks []kw
	for _, w := range strings.Fields(p) {
		exact := strings.HasPrefix(w, "=")
		ks = append(ks, newKW(strings.TrimPrefix(w, "="), !exact))
	}
	return ks
}

// pairSet holds two-word sequences ("chủ tịch"), matched word by word like keywords.
type pairSet map[string][][2]kw

func newPairSet(pairs ...string) pairSet {
	ps := pairSet{}
	for _, p := range pairs {
		ks := phrase(p)
		if len(ks) != 2 {
			panic("privacy: pair " + p)
		}
		ps[ks[0].fold] = append(ps[ks[0].fold], [2]kw{ks[0], ks[1]})
	}
	return ps
}

func (ps pairSet) has(a, b *token) bool {
	if a == nil || b == nil || a.k != tWord || b.k != tWord {
		return false
	}
	for _, p := range ps[a.fold] {
		if p[0].match(a) && p[1].match(b) {
			return true
		}
	}
	return false
}

// placeholderAt returns the length of the placeholder at the start of s, or 0.
func placeholderAt(s string) int {
	if !strings.HasPrefix(s, "[") {
		return 0
	}
	for k := Phone; k <= lastKind; k++ {
		if p := k.Placeholder(); strings.HasPrefix(s, p) {
			return len(p)
		}
	}
	return 0
}
