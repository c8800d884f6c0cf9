package render

import (
	"strings"
	"unicode/utf8"
)

// MaxTitle is the most characters a page's <title> holds: about what a browser's tab, a
// bookmark and a search engine's result show of it, and the limit of html-validate's
// long-title rule.
const MaxTitle = 70

// DocTitle is the text of the page's <title>, at most MaxTitle characters (see docTitle).
func (pg *Page) DocTitle() string {
	key := ""
	if pg.Kind == "procedure" && pg.Procedure != nil {
		key = pg.Procedure.Code
	}
	return docTitle(pg.Title, key, pg.Site.Title)
}

// docTitle is the length rule of every page's <title>, whatever the page's title says (the
// titles themselves are made where the pages are listed):
//   - "title – site" when it fits in MaxTitle characters;
//   - otherwise the title alone: the header names the site on every page;
//   - if that is still too long, the title with the usual abbreviations of the
//     administration's long names (UBND for Ủy ban nhân dân, TTHC for thủ tục hành chính…);
//   - and if that is still too long, shortened at a word, with "…", in its longest part
//     (the parts are what " – " separates: a list's own name and its page number stay),
//     followed by key in brackets when there is one (a procedure's code, which tells apart
//     procedures whose names begin alike).
func docTitle(title, key, site string) string {
	title = strings.Join(strings.Fields(title), " ")
	if site != "" {
		if full := title + " – " + site; length(full) <= MaxTitle {
			return full
		}
	}
	if length(title) <= MaxTitle {
		return title
	}
	title = abbreviate(title)
	if length(title) <= MaxTitle {
		return title
	}
	end := ""
	if key != "" {
		end = " (" + key + ")"
	}
	return shorten(title, MaxTitle-length(end)) + end
}

// abbreviations are the short forms the administration's own documents use for its long
// names, longest first.
var abbreviations = strings.NewReplacer(
	"Ủy ban nhân dân", "UBND", "Uỷ ban nhân dân", "UBND", "ủy ban nhân dân", "UBND", "uỷ ban nhân dân", "UBND",
	"Hội đồng nhân dân", "HĐND", "hội đồng nhân dân", "HĐND",
	"Thủ tục hành chính", "TTHC", "thủ tục hành chính", "TTHC",
	"Cải cách hành chính", "CCHC", "cải cách hành chính", "CCHC",
)

func abbreviate(s string) string { return abbreviations.Replace(s) }

// shorten makes s at most n characters long: it cuts words off the end of its longest part
// (parts are separated by " – "), or off its end when that is not enough.
func shorten(s string, n int) string {
	const sep = " – "
	if length(s) <= n {
		return s
	}
	parts := strings.Split(s, sep)
	longest := 0
	for i, p := range parts {
		if length(p) > length(parts[longest]) {
			longest = i
		}
	}
	over := length(s) - n
	// A part keeps at least a few words; when the others leave it less room, the whole
	// title is cut at its end instead.
	if keep := length(parts[longest]) - over; len(parts) > 1 && keep >= 20 {
		parts[longest] = cutWords(parts[longest], keep)
		return strings.Join(parts, sep)
	}
	return cutWords(s, n)
}

// cutWords cuts s at a space so that, with "…" after it, it is at most n characters long;
// it cuts inside a word only when the first word is already too long.
func cutWords(s string, n int) string {
	if length(s) <= n {
		return s
	}
	r := []rune(s)[:n-1] // room for "…"
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	// No comma, colon, dash or opening bracket before the ellipsis: "giao đất,…" reads as
	// "giao đất…".
	cut = strings.TrimRight(cut, " ,;:–-(/")
	return cut + "…"
}

// length is the number of characters of s, as html-validate counts them (in UTF-16 code
// units, which for Vietnamese text in NFC are its runes).
func length(s string) int {
	n := 0
	for _, r := range s {
		n += utf8.RuneLen(r) / 4 // a rune outside the BMP is two UTF-16 units
		n++
	}
	return n
}
