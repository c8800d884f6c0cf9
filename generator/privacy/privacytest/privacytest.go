// Package privacytest holds the labelled texts that measure the masking of personal data,
// and the test of what a masked output still gives away, for the tests of package privacy
// and of the site built from such texts.
package privacytest

import (
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"congkhai/generator/markdown"
)

// Case is a labelled text: how citizens and agencies really write, with every piece of
// personal data in it and the words around it that must stay readable.
type Case struct {
	Class    string // the difficulty the text exercises (testdata/leaks.toml)
	Author   string // "citizen" or "agency" (testdata/leaks-heldout.toml)
	Text     string // Markdown
	Personal []string
	Keep     []string
}

// ByAgency reports whether an agency wrote the text: an answer or its document's title.
func (c Case) ByAgency() bool {
	return c.Author == "agency" || c.Class == "answer-mentions-petitioner" || c.Class == "document-title"
}

// KnownLeaks are the personal data of the corpora the rules are known to miss, each with the
// reason; any other leak fails.
var KnownLeaks = map[string]string{
	"Kien":         "a given name alone at the end of a text without diacritics",
	"46 Hàng Kênh": "a house number before a Hanoi street without a street word",
	"48 Hàng Kênh": "a house number before a Hanoi street without a street word",
	"52 Hàng Kênh": "a house number before a Hanoi street without a street word",
	"không hai năm bốn – ba tám năm hai – bảy một không": "a phone number written in words",
	"Xuân":                    "a given name alone, named again later as a nickname",
	"Xuân Bắp":                "a nickname after 'gọi là' at the end of a line",
	"S5.02-1811":              "an apartment's code with a pronoun between it and 'căn hộ'",
	"Lê Văn Tám":              "a private person named like the hero parks are named after",
	"Lê Văn Mùi":              "a numbered list of relatives after a hero's name",
	"Út Nhỏ Mỹ Phú":           "a nickname with a place in it",
	"so 12 ngo 190 Lach Tray": "'ngõ' written 'ngo', which is also 'Ngô', without diacritics",
}

// Load reads the cases of a file of the privacy package's testdata.
func Load(file string) ([]Case, error) {
	var f struct{ Case []Case }
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	_, err = toml.Decode(string(data), &f)
	return f.Case, err
}

// Leaks returns the personal data of personal that shown, a text a reader sees, still gives
// away: the whole, two neighbouring words of a name, or seven digits of a number in a row.
func Leaks(shown string, personal []string) []string {
	shown = markdown.Plain(shown)
	digits := onlyDigits(shown)
	var found []string
	for _, p := range personal {
		pp := markdown.Plain(p)
		words := strings.Fields(pp)
		switch {
		case containsWord(shown, pp):
			found = append(found, p)
		case len(onlyDigits(pp)) >= 8 && containsWindow(digits, onlyDigits(pp), 7):
			found = append(found, p+" (số)")
		case len(words) >= 2 && !strings.ContainsAny(pp, "0123456789"):
			for i := 0; i+1 < len(words); i++ {
				if pair := words[i] + " " + words[i+1]; strings.Contains(" "+shown+" ", " "+pair+" ") {
					found = append(found, p+" ("+pair+")")
					break
				}
			}
		}
	}
	return found
}

// containsWord reports whether w stands in s as whole words, not inside others ("hoa" is not in
// "hoàn thành" nor in "khoa").
func containsWord(s, w string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		start, end := off+i, off+i+len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		off = start + 1
	}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func onlyDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

func containsWindow(s, of string, n int) bool {
	for i := 0; i+n <= len(of); i++ {
		if strings.Contains(s, of[i:i+n]) {
			return true
		}
	}
	return false
}
