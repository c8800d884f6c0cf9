package markdown

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

var htmlWriter = html.DefaultWriter

func unescapeHTML(s string) string { return stdhtml.UnescapeString(s) }

// newBufWriter wraps a buffer for goldmark's writer.
func newBufWriter(b *bytes.Buffer) *bufio.Writer { return bufio.NewWriter(b) }

// The tree of what a document shows: blocks holding blocks or a line of inlines, inlines
// holding text as a reader sees it. It is made from goldmark's AST, edited, and written back
// as Markdown or as text.

type blockKind uint8

const (
	bDocument blockKind = iota
	bParagraph
	bHeading
	bQuote
	bList
	bItem
	bCode
	bRule
	bTable
	bRow // a table row; its children are cells
	bCell
)

type block struct {
	kind     blockKind
	level    int  // heading level
	marker   byte // list: '-', '.' or ')'
	start    int  // ordered list: the first number
	tight    bool // list: items without blank lines between them
	header   bool // table row: the header
	align    []east.Alignment
	children []*block
	inl      []*inline // paragraph, heading, cell; code block: one code inline
}

type inlineKind uint8

const (
	iText inlineKind = iota
	iCode
	iEmph
	iStrike
	iLink
	iImage
	iAutoLink
	iSoftBreak
	iHardBreak
)

type inline struct {
	kind     inlineKind
	text     string // text, code, autolink: what is shown
	level    int    // emphasis: 1 or 2
	dest     string // link, image, autolink: the address
	title    string // link, image
	email    bool   // autolink: an e-mail address
	edited   bool   // text, code, autolink: changed by an edit
	children []*inline
}

type converter struct{ src []byte }

func (c *converter) block(n ast.Node) *block {
	b := &block{}
	switch n := n.(type) {
	case *ast.Document:
		b.kind = bDocument
	case *ast.Paragraph, *ast.TextBlock:
		b.kind = bParagraph
		b.inl = c.inlines(n)
		return b
	case *ast.Heading:
		b.kind, b.level = bHeading, n.Level
		b.inl = c.inlines(n)
		return b
	case *ast.Blockquote:
		b.kind = bQuote
	case *ast.List:
		b.kind, b.marker, b.start, b.tight = bList, n.Marker, n.Start, n.IsTight
		if !n.IsOrdered() {
			b.marker = '-'
		}
	case *ast.ListItem:
		b.kind = bItem
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		// The block's lines, as typed, are its one inline.
		b.kind = bCode
		var sb strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			sb.Write(seg.Value(c.src))
		}
		b.inl = []*inline{{kind: iCode, text: strings.TrimSuffix(sb.String(), "\n")}}
		return b
	case *ast.ThematicBreak:
		b.kind = bRule
		return b
	case *ast.HTMLBlock:
		return nil // the renderer leaves raw HTML out
	case *east.Table:
		b.kind, b.align = bTable, n.Alignments
	case *east.TableHeader:
		b.kind, b.header = bRow, true
	case *east.TableRow:
		b.kind = bRow
	case *east.TableCell:
		b.kind = bCell
		b.inl = c.inlines(n)
		return b
	default:
		// A block this dialect does not make: keep what it shows as a paragraph.
		b.kind = bParagraph
		b.inl = c.inlines(n)
		return b
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if cb := c.block(ch); cb != nil {
			b.children = append(b.children, cb)
		}
	}
	return b
}

func (c *converter) inlines(n ast.Node) []*inline {
	var out []*inline
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		out = append(out, c.inline(ch)...)
	}
	return out
}

func (c *converter) inline(n ast.Node) []*inline {
	switch n := n.(type) {
	case *ast.Text:
		value := n.Segment.Value(c.src)
		t := &inline{kind: iText}
		if n.IsRaw() {
			t.text = string(value)
		} else {
			t.text = display(value)
		}
		out := []*inline{t}
		switch {
		case n.HardLineBreak():
			out = append(out, &inline{kind: iHardBreak})
		case n.SoftLineBreak():
			out = append(out, &inline{kind: iSoftBreak})
		}
		return out
	case *ast.String:
		if n.IsCode() || n.IsRaw() {
			return []*inline{{kind: iText, text: string(n.Value)}}
		}
		return []*inline{{kind: iText, text: display(n.Value)}}
	case *ast.CodeSpan:
		var sb strings.Builder
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if t, ok := ch.(*ast.Text); ok {
				v := t.Segment.Value(c.src)
				if bytes.HasSuffix(v, []byte("\n")) {
					v = append(v[:len(v)-1:len(v)-1], ' ')
				}
				sb.Write(v)
			}
		}
		return []*inline{{kind: iCode, text: sb.String()}}
	case *ast.Emphasis:
		return []*inline{{kind: iEmph, level: n.Level, children: c.inlines(n)}}
	case *east.Strikethrough:
		return []*inline{{kind: iStrike, children: c.inlines(n)}}
	case *ast.Link:
		return []*inline{{kind: iLink, dest: string(n.Destination), title: display(n.Title), children: c.inlines(n)}}
	case *ast.Image:
		return []*inline{{kind: iImage, dest: string(n.Destination), title: display(n.Title), children: c.inlines(n)}}
	case *ast.AutoLink:
		return []*inline{{kind: iAutoLink, text: string(n.Label(c.src)), dest: string(n.URL(c.src)), email: n.AutoLinkType == ast.AutoLinkEmail}}
	case *ast.RawHTML:
		return nil // the renderer leaves raw HTML out
	default:
		return c.inlines(n)
	}
}

// run is a piece of the text of a document: the inline that holds it (text, code or autolink)
// or, for the separators Text puts between blocks and for line breaks, none.
type run struct {
	in         *inline
	start, end int // in the text
	block      int // the number of the block it belongs to
}

// flatten returns the text of the tree as a reader sees it, folded, with the runs that make
// it up. Blocks are separated by line breaks; a soft line break is a space. The inlines' text
// is folded in place, so that the runs' text and the inlines' agree.
func (b *block) flatten() (string, []run) {
	var f flattener
	f.block(b)
	return f.sb.String(), f.runs
}

type flattener struct {
	sb     strings.Builder
	runs   []run
	nblock int
	sep    bool // a block ended: the next text starts a line
}

// write writes s, on a line of its own if a block ended before it.
func (f *flattener) write(s string) {
	if s == "" {
		return
	}
	if f.sep && f.sb.Len() > 0 {
		f.sb.WriteByte('\n')
	}
	f.sep = false
	f.sb.WriteString(s)
}

func (f *flattener) block(b *block) {
	switch b.kind {
	case bCode:
		// A code block keeps its spaces and lines.
		f.sep = true
		f.nblock++
		in := b.inl[0]
		in.text = fold(in.text)
		f.write(in.text)
		f.runs = append(f.runs, run{in: in, start: f.sb.Len() - len(in.text), end: f.sb.Len(), block: f.nblock})
		f.sep = true
	case bParagraph, bHeading, bCell:
		f.sep = true
		f.nblock++
		f.inlines(b.inl)
		f.sep = true
	default:
		for _, c := range b.children {
			f.block(c)
		}
	}
}

func (f *flattener) inlines(ins []*inline) {
	for _, in := range ins {
		switch in.kind {
		case iText, iCode, iAutoLink:
			in.text = collapseSpaces(fold(in.text))
			f.write(in.text)
			f.runs = append(f.runs, run{in: in, start: f.sb.Len() - len(in.text), end: f.sb.Len(), block: f.nblock})
		case iSoftBreak:
			f.write(" ")
		case iHardBreak:
			f.write("\n")
		default:
			f.inlines(in.children)
		}
	}
}

// fold returns s as a reader sees it: NFC; every kind of space a space; invisible characters
// left out; full-width and other compatibility forms of ASCII letters, digits and signs, and
// digits of other scripts, as ASCII.
func fold(s string) string {
	changed := false
	for _, r := range s {
		if foldRune(r) != r {
			changed = true
			break
		}
	}
	if changed {
		var sb strings.Builder
		for _, r := range s {
			if f := foldRune(r); f >= 0 {
				sb.WriteRune(f)
			}
		}
		s = sb.String()
	}
	return norm.NFC.String(s)
}

// foldRune returns the rune a reader takes r for, or -1 for an invisible one. Text that
// Markdown parsed has its NUL characters replaced already, as the renderer does.
func foldRune(r rune) rune {
	switch {
	case r < ' ' && r != '\t' && r != '\n' || r == 0x7f:
		return -1 // control characters show nothing
	case r < utf8.RuneSelf:
		return r
	case r == '\u00ad' || r == '\u180e' || r >= '\u200b' && r <= '\u200f' || r >= '\u2060' && r <= '\u2064' || r == '\ufeff':
		return -1
	case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
		return ' '
	case r >= '\uff01' && r <= '\uff5e':
		if f, _ := utf8.DecodeRuneInString(width.Fold.String(string(r))); f < utf8.RuneSelf {
			return f
		}
	case unicode.IsDigit(r):
		return '0' + digitValue(r)
	}
	return r
}

// digitValue returns the value of a decimal digit of any script: Unicode puts the ten digits
// of a script in one run, from zero.
func digitValue(r rune) rune {
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return (r - rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return (r - rune(rg.Lo)) % 10
		}
	}
	return 0
}

// text returns what the tree shows: each line trimmed, spaces collapsed, as a browser shows
// them.
func (b *block) text() string {
	s, _ := b.flatten()
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(collapseSpaces(l)); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// collapseSpaces replaces every run of spaces and tabs with one space.
func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && !strings.Contains(s, "\t") {
		return s
	}
	var sb strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' {
			if !space {
				sb.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		sb.WriteRune(r)
	}
	return sb.String()
}
