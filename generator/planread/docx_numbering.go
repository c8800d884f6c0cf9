package planread

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// This file computes the numbers Word shows for paragraphs in automatic lists (w:numPr):
// a plan's STT column is often such a list, whose numbers are in no w:t of the document.
// The list definitions are in word/numbering.xml, a paragraph style may carry the
// numbering (word/styles.xml), and the number follows Word's rules:
//
//   - paragraphs of the w:num instances of one w:abstractNum count together, as one list;
//     a w:num with a w:lvlOverride/w:startOverride restarts its level when it is first
//     used, and a w:lvlOverride/w:lvl replaces the level's definition;
//   - a level starts at its w:start and goes up by one with each paragraph of that level;
//     using a level restarts the levels below it (unless their w:lvlRestart says otherwise);
//   - the label is w:lvlText with each %N replaced by level N's number in its w:numFmt
//     (decimal, roman, letters, ...; all decimal with w:isLgl), a level not yet used since
//     its restart showing one less than its start, as Word shows it; a bullet's label is
//     its character ("•" for symbol-font characters);
//   - w:suff puts a tab (the default) or a space after the label, or nothing.

// maxListLevels is the number of levels of a Word list.
const maxListLevels = 9

// maxLevelText caps a level's w:lvlText, so that no label grows long (Word keeps them
// short).
const maxLevelText = 100

// docxLevel is a level of a list definition.
type docxLevel struct {
	start   int
	format  string // w:numFmt
	text    string // w:lvlText
	suffix  string // w:suff: "tab", "space" or "nothing"
	legal   bool   // w:isLgl
	restart int    // w:lvlRestart: -1 when absent (restart after any higher level), 0 never
	pStyle  string // the paragraph style the level is linked to
}

// docxAbstract is a w:abstractNum.
type docxAbstract struct {
	id        string
	levels    [maxListLevels]*docxLevel
	styleLink string // w:numStyleLink: the levels are those of this numbering style's list
}

// docxNum is a w:num: an instance of an abstract definition, with overrides.
type docxNum struct {
	abstract string
	starts   map[int]int        // w:startOverride by level
	levels   map[int]*docxLevel // w:lvl overrides by level
	used     bool               // the overrides were applied
}

// docxListState counts the paragraphs of one list (one abstract definition).
type docxListState struct {
	value  [maxListLevels]int
	used   [maxListLevels]bool // the level was numbered since it last restarted
	starts [maxListLevels]*int // start values set by a w:startOverride
}

// docxStyle is what a paragraph style says of numbering.
type docxStyle struct {
	basedOn string
	numID   string
	ilvl    int // -1 when the style does not give one
	hasNum  bool
}

// docxNumbering holds a document's list definitions and the state of its lists.
type docxNumbering struct {
	abstracts map[string]*docxAbstract
	nums      map[string]*docxNum
	styles    map[string]docxStyle
	lists     map[string]*docxListState // by abstract ID
}

// docxParaNum is the numbering a paragraph asks for in its w:pPr.
type docxParaNum struct {
	style   string
	numID   string
	hasNum  bool // a w:numId was given (possibly "0", which removes a style's numbering)
	ilvl    int
	hasIlvl bool
}

type xmlVal struct {
	Val string `xml:"val,attr"`
}

type xmlLvl struct {
	Ilvl       string  `xml:"ilvl,attr"`
	Start      *xmlVal `xml:"start"`
	NumFmt     *xmlVal `xml:"numFmt"`
	LvlText    *xmlVal `xml:"lvlText"`
	Suff       *xmlVal `xml:"suff"`
	IsLgl      *xmlVal `xml:"isLgl"`
	LvlRestart *xmlVal `xml:"lvlRestart"`
	PStyle     *xmlVal `xml:"pStyle"`
}

type xmlNumbering struct {
	Abstracts []struct {
		ID           string   `xml:"abstractNumId,attr"`
		NumStyleLink *xmlVal  `xml:"numStyleLink"`
		Levels       []xmlLvl `xml:"lvl"`
	} `xml:"abstractNum"`
	Nums []struct {
		ID        string  `xml:"numId,attr"`
		Abstract  *xmlVal `xml:"abstractNumId"`
		Overrides []struct {
			Ilvl  string  `xml:"ilvl,attr"`
			Start *xmlVal `xml:"startOverride"`
			Lvl   *xmlLvl `xml:"lvl"`
		} `xml:"lvlOverride"`
	} `xml:"num"`
}

type xmlNumPr struct {
	Ilvl  *xmlVal `xml:"ilvl"`
	NumID *xmlVal `xml:"numId"`
}

type xmlStyles struct {
	Styles []struct {
		Type    string  `xml:"type,attr"`
		ID      string  `xml:"styleId,attr"`
		BasedOn *xmlVal `xml:"basedOn"`
		PPr     *struct {
			NumPr *xmlNumPr `xml:"numPr"`
		} `xml:"pPr"`
	} `xml:"style"`
}

// docxLevelIndex reads a level number, 0 to 8.
func docxLevelIndex(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil && n >= 0 && n < maxListLevels
}

// docxInt reads a number attribute; def if absent or not a number. Values are kept
// within ±1e9 so that counting cannot overflow.
func docxInt(v *xmlVal, def int) int {
	if v == nil {
		return def
	}
	n, err := strconv.Atoi(strings.TrimSpace(v.Val))
	if err != nil {
		return def
	}
	return max(min(n, 1e9), -1e9)
}

func docxStr(v *xmlVal) string {
	if v == nil {
		return ""
	}
	return v.Val
}

func (l *xmlLvl) level() *docxLevel {
	lv := &docxLevel{start: docxInt(l.Start, 0), format: strings.TrimSpace(docxStr(l.NumFmt)), suffix: "tab", restart: -1}
	if lv.format == "" {
		lv.format = "decimal"
	}
	if l.LvlText != nil {
		lv.text = l.LvlText.Val
		if r := []rune(lv.text); len(r) > maxLevelText {
			lv.text = string(r[:maxLevelText])
		}
	}
	if l.Suff != nil {
		lv.suffix = strings.TrimSpace(l.Suff.Val)
	}
	if l.IsLgl != nil {
		lv.legal = docxOnOffVal(l.IsLgl.Val)
	}
	if l.LvlRestart != nil {
		lv.restart = max(docxInt(l.LvlRestart, -1), -1)
	}
	lv.pStyle = docxStr(l.PStyle)
	return lv
}

// docxOnOffVal reads the w:val of an on/off property that is present.
func docxOnOffVal(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// parseDocxNumbering reads word/numbering.xml (data) and word/styles.xml (styles); either
// may be nil.
func parseDocxNumbering(data, styles []byte) (*docxNumbering, error) {
	n := &docxNumbering{abstracts: map[string]*docxAbstract{}, nums: map[string]*docxNum{},
		styles: map[string]docxStyle{}, lists: map[string]*docxListState{}}
	if len(data) > 0 {
		var x xmlNumbering
		if err := xml.Unmarshal(data, &x); err != nil {
			return nil, err
		}
		for _, a := range x.Abstracts {
			abs := &docxAbstract{id: a.ID, styleLink: docxStr(a.NumStyleLink)}
			for i := range a.Levels {
				if k, ok := docxLevelIndex(a.Levels[i].Ilvl); ok {
					abs.levels[k] = a.Levels[i].level()
				}
			}
			if _, dup := n.abstracts[a.ID]; !dup {
				n.abstracts[a.ID] = abs
			}
		}
		for _, m := range x.Nums {
			num := &docxNum{abstract: docxStr(m.Abstract), starts: map[int]int{}, levels: map[int]*docxLevel{}}
			for _, o := range m.Overrides {
				k, ok := docxLevelIndex(o.Ilvl)
				if !ok {
					continue
				}
				if o.Lvl != nil {
					num.levels[k] = o.Lvl.level()
					if o.Lvl.Start != nil && o.Start == nil {
						num.starts[k] = num.levels[k].start
					}
				}
				if o.Start != nil {
					num.starts[k] = docxInt(o.Start, 0)
				}
			}
			if _, dup := n.nums[m.ID]; !dup {
				n.nums[m.ID] = num
			}
		}
	}
	if len(styles) > 0 {
		var x xmlStyles
		if err := xml.Unmarshal(styles, &x); err != nil {
			return nil, err
		}
		for _, s := range x.Styles {
			st := docxStyle{basedOn: docxStr(s.BasedOn), ilvl: -1}
			if s.PPr != nil && s.PPr.NumPr != nil {
				if s.PPr.NumPr.NumID != nil {
					st.numID, st.hasNum = strings.TrimSpace(s.PPr.NumPr.NumID.Val), true
				}
				if s.PPr.NumPr.Ilvl != nil {
					if k, ok := docxLevelIndex(s.PPr.NumPr.Ilvl.Val); ok {
						st.ilvl = k
					}
				}
			}
			if _, dup := n.styles[s.ID]; !dup {
				n.styles[s.ID] = st
			}
		}
	}
	return n, nil
}

// styleNum finds the numbering a paragraph style gives, through the styles it is based
// on.
func (n *docxNumbering) styleNum(style string) (numID string, ilvl int, ok bool) {
	ilvl = -1
	for range 20 { // style chains are short; a loop in a broken file stops here
		st, found := n.styles[style]
		if !found {
			break
		}
		if ilvl < 0 {
			ilvl = st.ilvl
		}
		if st.hasNum {
			return st.numID, ilvl, true
		}
		style = st.basedOn
	}
	return "", -1, false
}

// resolve finds the abstract definition of a w:num, following a w:numStyleLink to the
// list of a numbering style.
func (n *docxNumbering) resolve(num *docxNum) *docxAbstract {
	abs := n.abstracts[num.abstract]
	for range 5 {
		if abs == nil || abs.styleLink == "" {
			return abs
		}
		numID, _, ok := n.styleNum(abs.styleLink)
		target := n.nums[numID]
		if !ok || target == nil {
			return abs
		}
		abs = n.abstracts[target.abstract]
	}
	return abs
}

// label numbers a paragraph and returns the label Word shows before its text, with the
// space after it; "" for a paragraph not in a list.
func (n *docxNumbering) label(p docxParaNum) string {
	if n == nil {
		return ""
	}
	numID, ilvl := p.numID, -1
	if p.hasIlvl {
		ilvl = p.ilvl
	}
	if !p.hasNum {
		id, styleLvl, ok := n.styleNum(p.style)
		if !ok {
			return ""
		}
		numID = id
		if ilvl < 0 {
			ilvl = styleLvl
		}
	}
	num := n.nums[numID]
	if num == nil {
		return "" // numId 0, or a list the file does not define: no number
	}
	abs := n.resolve(num)
	if abs == nil {
		return ""
	}
	if ilvl < 0 {
		ilvl = 0
		for k, lv := range abs.levels {
			if lv != nil && lv.pStyle != "" && lv.pStyle == p.style {
				ilvl = k
				break
			}
		}
	}
	levels := abs.levels
	for k, lv := range num.levels {
		levels[k] = lv
	}
	lv := levels[ilvl]
	if lv == nil {
		return ""
	}
	st := n.lists[abs.id]
	if st == nil {
		st = &docxListState{}
		n.lists[abs.id] = st
	}
	if !num.used {
		num.used = true
		for k, v := range num.starts {
			st.starts[k], st.used[k] = &v, false
		}
	}
	start := func(k int) int {
		if st.starts[k] != nil {
			return *st.starts[k]
		}
		if levels[k] != nil {
			return levels[k].start
		}
		return 0
	}
	if st.used[ilvl] {
		st.value[ilvl] = min(st.value[ilvl]+1, 2e9)
	} else {
		st.value[ilvl], st.used[ilvl] = start(ilvl), true
	}
	for k := ilvl + 1; k < maxListLevels; k++ {
		restart := -1
		if levels[k] != nil {
			restart = levels[k].restart
		}
		if restart < 0 || ilvl < restart {
			st.used[k] = false
		}
	}
	if lv.format == "bullet" {
		return docxBullet(lv.text) + docxSuffix(lv)
	}
	var b strings.Builder
	for i := 0; i < len(lv.text); i++ {
		c := lv.text[i]
		if c == '%' && i+1 < len(lv.text) && lv.text[i+1] >= '1' && lv.text[i+1] <= '9' {
			k := int(lv.text[i+1] - '1')
			i++
			v := start(k) - 1
			if st.used[k] {
				v = st.value[k]
			}
			format := "decimal"
			if levels[k] != nil {
				format = levels[k].format
			}
			if lv.legal {
				format = "decimal"
			}
			b.WriteString(docxFormatNumber(v, format))
			continue
		}
		b.WriteByte(c)
	}
	if b.Len() == 0 {
		return ""
	}
	return b.String() + docxSuffix(lv)
}

func docxSuffix(lv *docxLevel) string {
	if lv.suffix == "nothing" {
		return ""
	}
	return " " // a tab or a space: the reader collapses both
}

// docxBullet is the character a bullet level shows: itself when it is one a plan's text
// uses for bullets, else "•" (symbol fonts draw "" and "o" as bullets).
func docxBullet(text string) string {
	t := strings.TrimSpace(text)
	switch t {
	case "":
		return ""
	case "-", "–", "+", "•", "*":
		return t
	}
	return "•"
}

// docxFormatNumber writes n in a w:numFmt; formats it does not know are decimal.
func docxFormatNumber(n int, format string) string {
	switch format {
	case "none":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperRoman", "lowerRoman":
		if n > 0 && n < 4000 {
			s := romanNumeral(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperLetter", "lowerLetter":
		// A, …, Z, AA, …, ZZ, AAA: the letter repeated, as Word writes them.
		if n > 0 && n <= 26*10 {
			c := byte('A' + (n-1)%26)
			if format == "lowerLetter" {
				c += 'a' - 'A'
			}
			return strings.Repeat(string(c), (n-1)/26+1)
		}
	}
	return strconv.Itoa(n)
}

func romanNumeral(n int) string {
	var b strings.Builder
	for _, r := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= r.v {
			b.WriteString(r.s)
			n -= r.v
		}
	}
	return b.String()
}

// docxNumberingParts reads the numbering and styles parts of the package that the main
// part at mainName names in its relationships (word/numbering.xml and word/styles.xml
// when it names none). A part too large is an error; a missing one is none.
func docxNumberingParts(zr *zip.Reader, mainName string) (*docxNumbering, error) {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	dir := path.Dir(mainName)
	targets := map[string]string{
		"numbering": path.Join(dir, "numbering.xml"),
		"styles":    path.Join(dir, "styles.xml"),
	}
	if rels := files[path.Join(dir, "_rels", path.Base(mainName)+".rels")]; rels != nil {
		if data, err := docxReadPart(rels); err == nil {
			var v struct {
				Rels []struct {
					Type   string `xml:"Type,attr"`
					Target string `xml:"Target,attr"`
					Mode   string `xml:"TargetMode,attr"`
				} `xml:"Relationship"`
			}
			if xml.Unmarshal(data, &v) == nil {
				for _, r := range v.Rels {
					kind := r.Type[strings.LastIndex(r.Type, "/")+1:]
					if _, ok := targets[kind]; ok && r.Mode != "External" {
						t := r.Target
						if !strings.HasPrefix(t, "/") {
							t = path.Join(dir, t)
						}
						targets[kind] = strings.TrimPrefix(path.Clean("/"+t), "/")
					}
				}
			}
		}
	}
	var parts [2][]byte
	for i, kind := range []string{"numbering", "styles"} {
		f := files[targets[kind]]
		if f == nil {
			continue
		}
		data, err := docxReadPart(f)
		if err != nil {
			return nil, err
		}
		parts[i] = data
	}
	n, err := parseDocxNumbering(parts[0], parts[1])
	if err != nil {
		return nil, fmt.Errorf("%s, %s: %v", targets["numbering"], targets["styles"], err)
	}
	return n, nil
}

// docxReadPart reads a part whole, within maxDocxPart.
func docxReadPart(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > maxDocxPart {
		return nil, fmt.Errorf("%s quá lớn (%d byte)", f.Name, f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(&docxLimitedReader{r: rc, n: maxDocxPart})
	if err != nil {
		return nil, fmt.Errorf("%s: %v", f.Name, err)
	}
	return data, nil
}
