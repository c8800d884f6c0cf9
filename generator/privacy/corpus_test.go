package privacy

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"congkhai/generator/markdown"
	"congkhai/generator/privacy/privacytest"
)

func leakCases(t testing.TB, file string, min int) []privacytest.Case {
	cases, err := privacytest.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < min {
		t.Fatalf("%s: only %d cases", file, len(cases))
	}
	return cases
}

func author(c privacytest.Case) Author {
	if c.ByAgency() {
		return Agency
	}
	return Citizen
}

// leaks is what out, masked Markdown, still gives away of personal: on the page, or in a
// link's address.
func leaks(out string, personal []string) []string {
	found := privacytest.Leaks(markdown.Text(out), personal)
	for _, p := range personal {
		if strings.Contains(out, p) && !slices.ContainsFunc(found, func(f string) bool { return strings.HasPrefix(f, p) }) {
			found = append(found, p+" (trong Markdown)")
		}
	}
	return found
}

// Every personal datum of the corpus is masked on the page, and the words around it stay.
func TestLeakCorpus(t *testing.T) {
	checkCorpus(t, leakCases(t, "testdata/leaks.toml", 150))
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// exampleLabels is testdata/example-answers.toml: the personal data of each petition of the
// example site, as a reader would see it.
type exampleLabels struct {
	File     string
	Personal []string
	Public   []string
}

// The example's petitions lose nothing but personal data to masking: every masked piece of
// their subjects, questions, answers and documents' titles holds personal data, and every
// piece of personal data is masked.
func TestExampleFalseMasking(t *testing.T) {
	var labels struct{ Petition []exampleLabels }
	data, err := os.ReadFile("testdata/example-answers.toml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := toml.Decode(string(data), &labels); err != nil {
		t.Fatal(err)
	}
	var stats struct{ masks, falseMasks, words, leaks int }
	for _, l := range labels.Petition {
		var f struct {
			Subject, Question, Answer string
			Document                  []struct{ Title string }
		}
		raw, err := os.ReadFile("../../content/pakn/" + l.File)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := toml.Decode(string(raw), &f); err != nil {
			t.Fatal(err)
		}
		texts := []struct {
			text string
			a    Author
		}{{markdown.Plain(f.Subject), Citizen}, {markdown.Text(f.Question), Citizen}, {markdown.Text(f.Answer), Agency}}
		for _, d := range f.Document {
			texts = append(texts, struct {
				text string
				a    Author
			}{markdown.Plain(d.Title), Agency})
		}
		for _, x := range texts {
			stats.words += len(strings.Fields(x.text))
			for _, m := range defaultMasker.Find(x.text, x.a) {
				stats.masks++
				found := x.text[m.Start:m.End]
				if !overlapsAny(x.text, m, l.Personal) {
					stats.falseMasks++
					t.Errorf("%s: masked %s %q, which is not personal", l.File, m.Kind.Label(), found)
				}
			}
			if ls := leaks(markdown.Literal(defaultMasker.Mask(x.text, x.a)), l.Personal); len(ls) > 0 {
				for _, p := range ls {
					if strings.Contains(x.text, strings.Fields(p)[0]) {
						stats.leaks++
						t.Errorf("%s: %q is not masked", l.File, p)
					}
				}
			}
		}
	}
	t.Logf("example petitions: %d words, %d masked pieces, %d of them not personal (%.1f%%); %d personal data left",
		stats.words, stats.masks, stats.falseMasks, pct(stats.falseMasks, stats.masks), stats.leaks)
}

// overlapsAny reports whether the match m of text overlaps an occurrence of one of ps.
func overlapsAny(text string, m Match, ps []string) bool {
	for _, p := range ps {
		for off := 0; ; {
			i := strings.Index(text[off:], p)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(p)
			if s < m.End && e > m.Start {
				return true
			}
			off = e
		}
	}
	return false
}

// maskedByDesign are words the corpora's writers marked to keep that the rules mask on
// purpose, each with the reason: the rules err on the side of masking.
var maskedByDesign = map[string]string{
	"ngõ 58 phố Trần Bình":              "an alley with its number is an address (doc.go)",
	"ngõ 220 Tô Hiệu":                   "an alley with its number is an address (doc.go)",
	"chung cu Eco Green":                "a building after an apartment's number is the rest of the address",
	"xóm Nà Rài":                        "a hamlet after 'trú tại' says where a person lives",
	"Hợp tác xã dệt thổ cẩm Châu Giang": "a cooperative's name that reads as a person's",
	"990K":              "a number and a letter before a capital in a text all in capitals",
	"0296 3 861 113":    "a landline in a citizen's text: the rules cannot tell an office's",
	"0275.3861.113":     "a landline in a citizen's text: the rules cannot tell an office's",
	"hẻm 14 Hùng Vương": "an alley with its number is an address (doc.go)",
	"tổ dân phố số 12":  "a residential group with its number is an address (doc.go)",
	"tổ dân phố 4":      "a residential group with its number is an address (doc.go)",
	"tổ 9":              "a residential group with its number is an address (doc.go)",
	"số 41 đường số 7 KCN Tân Tạo": "a company's address reads as a person's",
	"0316457289":                 "a company's tax code after MST reads as a household's",
	"số 2 Nguyễn Văn Trị":        "an office's address after 'địa chỉ liên hệ:', not after its name",
	"số 1 đường Nguyễn Xiển":     "an office's address after 'tại', which also places a citizen's house",
	"số 51 Nguyễn Chí Thanh":     "an office's address after 'tại', which also places a citizen's house",
	"Cty TNHH Giay Da Phu Loi":   "a company's name without diacritics reads as a person's",
	"BAN SEO MY TY":              "a hamlet's name in a text all in capitals",
	"THÔN PẢ VI HẠ":              "a hamlet's name in a text all in capitals",
	"APP VAY":                    "words in a text all in capitals",
	"Bun Khăm":                   "an elephant's name",
	"PA-2026-0021":               "a code in a table cell beside a name",
	"Quản lý thị trường Đà Nẵng": "an agency's name read as a person's after a title",
}

// The first held-out corpus, written without sight of the rules, measured them before it was
// used to improve them (see the commit that added it); it is now held to what it gave after:
// nothing leaks, and only the words of maskedByDesign are masked.
func TestLeakHeldOut(t *testing.T) {
	checkCorpus(t, leakCases(t, "testdata/leaks-heldout.toml", 100))
}

// checkCorpus masks every case as its author would write it and requires that no personal
// datum leaks and that the words to keep stay, but for those masked by design.
func checkCorpus(t *testing.T, cases []privacytest.Case) {
	items, leaked, leakedCases, keeps, lost := 0, 0, 0, 0, 0
	for i, c := range cases {
		out := defaultMasker.Markdown(c.Text, author(c))
		ls := leaks(out, c.Personal)
		items += len(c.Personal)
		leaked += len(ls)
		if len(ls) > 0 {
			leakedCases++
		}
		for _, l := range ls {
			if _, known := privacytest.KnownLeaks[strings.Split(l, " (")[0]]; !known {
				t.Errorf("case %d (%s%s): leaks %q\n%s\n→ %s", i+1, c.Class, c.Author, l, c.Text, out)
			}
		}
		shown := markdown.Plain(markdown.Text(out))
		for _, k := range c.Keep {
			keeps++
			if !strings.Contains(shown, markdown.Plain(k)) {
				lost++
				if _, ok := maskedByDesign[k]; !ok {
					t.Errorf("case %d (%s%s): %q is masked\n→ %s", i+1, c.Class, c.Author, k, out)
				}
			}
		}
	}
	t.Logf("%d cases, %d personal data: %d cases leak (%.1f%%), %d data (%.1f%%); %d words to keep, %d masked (%.1f%%)",
		len(cases), items, leakedCases, pct(leakedCases, len(cases)), leaked, pct(leaked, items), keeps, lost, pct(lost, keeps))
}

// The second held-out corpus was written without sight of the rules, after the first had
// been used to improve them. Measured before it was used in turn (see the commit that added
// it): 41 of 125 texts leaked (32.8%), 53 of 490 personal data (10.8%); 25 of 501 words to
// keep were masked (5.0%). It is now held to what it gave after: only the gaps of privacytest.KnownLeaks
// leak, and only the words of maskedByDesign are masked.
func TestLeakHeldOut2(t *testing.T) {
	checkCorpus(t, leakCases(t, "testdata/leaks-heldout2.toml", 100))
}
