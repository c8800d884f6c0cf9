package privacy

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of personal data found.
type Kind uint8

// The kinds of personal data.
const (
	Phone       Kind = iota + 1 // phone number
	Email                       // e-mail address
	ID                          // identity number: CCCD, CMND, passport, tax code, social insurance
	BankAccount                 // bank account number
	Plate                       // licence plate
	Address                     // house number, street, alley, residential group, hamlet
	LandParcel                  // land parcel and map sheet numbers
	Name                        // name of a person
	Handle                      // a social network account: a profile's address or user name
)

// lastKind is the last of the kinds.
const lastKind = Handle

var labels = [...]string{
	Phone:       "số điện thoại",
	Email:       "thư điện tử",
	ID:          "số định danh",
	BankAccount: "số tài khoản",
	Plate:       "biển số xe",
	Address:     "địa chỉ",
	LandParcel:  "thửa đất",
	Name:        "họ tên",
	Handle:      "tài khoản mạng xã hội",
}

// Label is the Vietnamese name of the kind, as shown in the placeholder: "số điện thoại".
func (k Kind) Label() string {
	if int(k) < len(labels) && labels[k] != "" {
		return labels[k]
	}
	return "thông tin cá nhân"
}

var placeholders = func() (p [len(labels)]string) {
	for k := range p {
		p[k] = "[" + Kind(k).Label() + " đã ẩn]"
	}
	return p
}()

// Placeholder is the text that replaces personal data of the kind: "[số điện thoại đã ẩn]".
func (k Kind) Placeholder() string {
	if int(k) < len(placeholders) {
		return placeholders[k]
	}
	return "[" + k.Label() + " đã ẩn]"
}

// String returns the label, for messages.
func (k Kind) String() string { return k.Label() }

// Match is one piece of personal data: the bytes text[Start:End].
type Match struct {
	Start, End int
	Kind       Kind
}

// Find returns the personal data in text, sorted and non-overlapping, by the rules for a
// citizen's text and without a site's own allowed names.
func Find(text string) []Match { return defaultMasker.Find(text, Citizen) }

// Find returns the personal data in a text of the author, sorted and non-overlapping.
func (m *Masker) Find(text string, a Author) []Match {
	if text == "" {
		return nil
	}
	if len(text) > maxText {
		// Token offsets are 32-bit: a text this long is searched in pieces cut at a line break.
		k := strings.LastIndexByte(text[:maxText], '\n') + 1
		if k == 0 {
			for k = maxText; k > maxText-utf8.UTFMax && !utf8.RuneStart(text[k]); k-- {
			}
		}
		ms := m.Find(text[:k], a)
		for _, x := range m.Find(text[k:], a) {
			ms = append(ms, Match{x.Start + k, x.End + k, x.Kind})
		}
		return ms
	}
	d := &doc{s: text, t: tokenize(text), m: m, author: a}
	d.scanNumbers()
	d.scanNames()
	d.scanSurnames()
	d.scanNicknames()
	d.scanWords()
	d.scanEmails()
	d.scanLooseEmails()
	d.scanHandles()
	if a == Agency {
		d.keepOfficials()
	}
	d.expandWords()
	d.out = merge(d.out)
	if d.expandLinks() {
		d.out = merge(d.out)
	}
	if len(d.out) == 0 {
		return nil
	}
	ms := make([]Match, len(d.out))
	for i, c := range d.out {
		ms[i] = c.Match
	}
	return ms
}

// Contains reports whether text holds personal data that Mask would hide.
func Contains(text string) bool { return len(Find(text)) > 0 }

// Contains reports whether a text of the author holds personal data that Mask would hide.
func (m *Masker) Contains(text string, a Author) bool { return len(m.Find(text, a)) > 0 }

// Mask returns text with every finding of Find replaced by its placeholder. Masking can change
// the context of what remains (a placeholder does not read like the words it replaced), so
// Mask repeats until nothing is found: Mask(Mask(x)) == Mask(x) and Contains(Mask(x)) is false. Every finding holds a letter
// or digit outside the placeholders, which masking removes, so the passes end; one or two is
// usual, and maxPasses bounds them.
func Mask(text string) string { return defaultMasker.Mask(text, Citizen) }

// Mask is Mask for a text of the author, with the masker's allowed names.
func (m *Masker) Mask(text string, a Author) string {
	for pass := 0; pass < maxPasses; pass++ {
		ms := m.Find(text, a)
		if len(ms) == 0 {
			break
		}
		text = replace(text, ms)
	}
	return text
}

const maxPasses = 16

// maxText is the longest text searched in one piece (a variable for tests).
var maxText = 1 << 30

// replace puts the placeholders of ms into text.
func replace(text string, ms []Match) string {
	var b strings.Builder
	b.Grow(len(text) + 16*len(ms))
	last := 0
	for _, m := range ms {
		b.WriteString(text[last:m.Start])
		b.WriteString(m.Kind.Placeholder())
		last = m.End
		if m.End < len(text) {
			switch text[m.End] {
			case '(', '[':
				// "[họ tên đã ẩn](…)" would be a link.
				b.WriteByte(' ')
			case ':':
				// "[họ tên đã ẩn]: x" at the start of a line would be a link definition.
				if lineStart(text, m.Start) {
					b.WriteByte(' ')
				}
			}
		}
	}
	b.WriteString(text[last:])
	return b.String()
}

// lineStart reports whether only indentation and block markers precede i on its line.
func lineStart(text string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch c := text[j]; {
		case c == '\n':
			return true
		case strings.IndexByte(" \t>-*+.)", c) >= 0 || (c >= '0' && c <= '9'):
		default:
			return false
		}
	}
	return true
}

// cand is a finding before merging; prio breaks ties between findings of the same span
// (a keyword tells the kind better than the shape of a number).
type cand struct {
	Match
	prio int8
}

// doc is the text being scanned with its tokens and findings.
type doc struct {
	s       string
	t       []token
	out     []cand
	m       *Masker
	author  Author
	allowed []bool // tokens inside a name the masker allows; made on first use
}

func (d *doc) add(s, e int, k Kind, prio int8) {
	if s < e {
		d.out = append(d.out, cand{Match{s, e, k}, prio})
	}
}

// addTok adds the tokens [i, j).
func (d *doc) addTok(i, j int, k Kind, prio int8) {
	if i < j && j <= len(d.t) {
		d.add(int(d.t[i].s), int(d.t[j-1].e), k, prio)
	}
}

// word returns token i if it is a word.
func (d *doc) word(i int) *token {
	if i >= 0 && i < len(d.t) && d.t[i].k == tWord {
		return &d.t[i]
	}
	return nil
}

func (d *doc) num(i int) bool { return i >= 0 && i < len(d.t) && d.t[i].k == tNum }

// punct reports whether token i is one of the runes of rs.
func (d *doc) punct(i int, rs string) bool {
	return i >= 0 && i < len(d.t) && d.t[i].k == tPunct && strings.ContainsRune(rs, d.t[i].r)
}

// sp reports whether token i is white space within a line.
func (d *doc) sp(i int) bool {
	return i >= 0 && i < len(d.t) && d.t[i].k == tSpace && d.t[i].nl == 0
}

// alnum reports whether token i is a word or a number. The placeholder of an earlier pass
// counts as one: it stands for what it replaced, so the rules see its neighbours as before.
func (d *doc) alnum(i int) bool {
	return i >= 0 && i < len(d.t) && (d.t[i].k == tWord || d.t[i].k == tNum || d.t[i].k == tMask)
}

// numish reports whether token i is a number or a placeholder, for checks of what lies beside
// a number; it is never a value.
func (d *doc) numish(i int) bool {
	return i >= 0 && i < len(d.t) && (d.t[i].k == tNum || d.t[i].k == tMask)
}

// seq matches the keywords ks at token i, one space between words, and returns the token
// after the last word, or -1.
func (d *doc) seq(i int, ks []kw) int {
	j := i
	for n, k := range ks {
		if n > 0 {
			if !d.sp(j) {
				return -1
			}
			j++
		}
		if j >= len(d.t) || !k.match(&d.t[j]) {
			return -1
		}
		j++
	}
	return j
}

// merge sorts the findings and joins those that overlap or touch.
func merge(cs []cand) []cand {
	if len(cs) < 2 {
		return cs
	}
	sort.Slice(cs, func(a, b int) bool {
		x, y := cs[a], cs[b]
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		if x.End != y.End {
			return x.End > y.End
		}
		return x.prio > y.prio
	})
	out := cs[:1]
	for _, c := range cs[1:] {
		last := &out[len(out)-1]
		if c.Start <= last.End {
			if c.End > last.End {
				last.End = c.End
			}
			continue
		}
		out = append(out, c)
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || isMark(r) }

// expandWords widens a finding that begins or ends inside a word ("ở0số nhà 12") to the whole
// word, so that a placeholder never sits glued to letters or digits: what is left beside it
// reads the same to the rules on a second pass.
func (d *doc) expandWords() {
	s := d.s
	for i := range d.out {
		c := &d.out[i]
		for c.Start > 0 {
			r, w := utf8.DecodeLastRuneInString(s[:c.Start])
			if !isWordRune(r) {
				break
			}
			c.Start -= w
		}
		for c.End < len(s) {
			r, w := utf8.DecodeRuneInString(s[c.End:])
			if !isWordRune(r) {
				break
			}
			c.End += w
		}
	}
}

var (
	mdLinkRe   = regexp.MustCompile(`!?\[[^\[\]\n]*\]\([^()\s]*(?:\s+"[^"\n]*")?\)`)
	autoLinkRe = regexp.MustCompile(`<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*>|<[^<>\s@]+@[^<>\s]+>`)
	bareURLRe  = regexp.MustCompile(`(?i)(?:https?://|www\.)[^\s<>\[\]()]*[^\s<>\[\]().,;:!?'"]`)
)

// expandLinks widens a finding inside the destination of a Markdown link, an autolink or a
// bare URL to the whole link: a placeholder inside a URL would leave a broken link showing
// its remains. It reports whether a finding changed.
func (d *doc) expandLinks() bool {
	if len(d.out) == 0 {
		return false
	}
	s := d.s
	var spans [][3]int // link start, start of the part that widens, end
	if strings.Contains(s, "](") {
		for _, m := range mdLinkRe.FindAllStringIndex(s, -1) {
			k := strings.Index(s[m[0]:m[1]], "](")
			spans = append(spans, [3]int{m[0], m[0] + k + 1, m[1]})
		}
	}
	if strings.IndexByte(s, '<') >= 0 {
		for _, m := range autoLinkRe.FindAllStringIndex(s, -1) {
			spans = append(spans, [3]int{m[0], m[0], m[1]})
		}
	}
	if strings.Contains(s, "://") || strings.Contains(s, "www.") || strings.Contains(s, "WWW.") {
		for _, m := range bareURLRe.FindAllStringIndex(s, -1) {
			spans = append(spans, [3]int{m[0], m[0], m[1]})
		}
	}
	changed := false
	for i := range d.out {
		c := &d.out[i]
		for _, sp := range spans {
			if c.Start < sp[2] && c.End > sp[1] && (c.Start > sp[0] || c.End < sp[2]) {
				if sp[0] < c.Start {
					c.Start = sp[0]
				}
				if sp[2] > c.End {
					c.End = sp[2]
				}
				changed = true
			}
		}
	}
	return changed
}
