package markdown

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Edit replaces the bytes [Start, End) of a text with Text.
type Edit struct {
	Start, End int
	Text       string
}

// Rewriter writes Markdown back from what it shows, edited.
type Rewriter struct {
	// Edit returns the edits to make to a text, sorted and not overlapping: the text of a
	// whole document as Text returns it, or a link's title.
	Edit func(text string) []Edit
	// Keep reports whether a link may keep its address ("mailto:" for an e-mail autolink);
	// a link that may not is written as its text. Nil keeps every address.
	Keep func(dest string) bool
}

// Rewrite returns Markdown that shows what src shows, with rw's edits made to its text. Raw
// HTML, which the site never renders, is left out; everything a reader sees is kept, its
// structure too (headings, lists, quotes, tables, emphasis, links, code), written in one
// canonical form with the text escaped wherever Markdown could read it as syntax. So
// Text(Rewrite(src)) is Text(src) edited.
func (rw Rewriter) Rewrite(src string) string {
	doc := parse(src)
	text, runs := doc.flatten()
	if rw.Edit != nil {
		applyEdits(runs, rw.Edit(text))
	}
	w := writer{rw: rw}
	return w.container(doc.children, "\n\n")
}

// applyEdits makes edits to the runs of a text. An edit spanning several runs puts its text
// in the first run of each block it touches and removes the rest, so that inline markup
// around the runs stays balanced.
func applyEdits(runs []run, edits []Edit) {
	type cut struct {
		lo, hi int
		text   string
	}
	cuts := make(map[*inline][]cut)
	var order []*inline
	for _, e := range edits {
		lastBlock := -1
		for _, r := range runs {
			if r.end <= e.Start || r.start >= e.End {
				continue
			}
			lo, hi := max(e.Start, r.start)-r.start, min(e.End, r.end)-r.start
			text := ""
			if r.block != lastBlock {
				text, lastBlock = e.Text, r.block
			}
			if _, seen := cuts[r.in]; !seen {
				order = append(order, r.in)
			}
			cuts[r.in] = append(cuts[r.in], cut{lo, hi, text})
		}
	}
	for _, in := range order {
		cs := cuts[in]
		for i := len(cs) - 1; i >= 0; i-- {
			c := cs[i]
			in.text = in.text[:c.lo] + c.text + in.text[c.hi:]
		}
		in.edited = true
	}
}

// applyText makes edits to a plain string.
func applyText(s string, edits []Edit) string {
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		if e.Start < 0 || e.End > len(s) || e.Start > e.End {
			continue
		}
		s = s[:e.Start] + e.Text + s[e.End:]
	}
	return s
}

type writer struct {
	rw     Rewriter
	inCell bool
}

// container writes blocks one after the other, sep between them. Two lists in a row would
// read back as one: the second gets the other marker.
func (w *writer) container(bs []*block, sep string) string {
	var parts []string
	var prev *block
	for _, b := range bs {
		if b.kind == bList && prev != nil && prev.kind == bList && prev.marker == b.marker {
			b.marker = otherMarker(b.marker)
		}
		if s := w.block(b); s != "" {
			parts = append(parts, s)
			prev = b
		}
	}
	return strings.Join(parts, sep)
}

func otherMarker(m byte) byte {
	switch m {
	case '-':
		return '*'
	case '*':
		return '-'
	case '.':
		return ')'
	}
	return '.'
}

func (w *writer) block(b *block) string {
	switch b.kind {
	case bParagraph:
		return w.paragraph(b.inl)
	case bHeading:
		s := w.paragraph(b.inl)
		switch {
		case s == "":
			return ""
		case strings.Contains(s, "\n") && b.level <= 2:
			// Only a setext heading holds line breaks.
			return s + "\n" + map[int]string{1: "===", 2: "---"}[b.level]
		}
		return strings.Repeat("#", b.level) + " " + s
	case bQuote:
		inner := w.container(b.children, "\n\n")
		if inner == "" {
			return ""
		}
		return prefixLines(inner, "> ", ">")
	case bList:
		sep := "\n"
		if !b.tight {
			sep = "\n\n"
		}
		var items []string
		for i, it := range b.children {
			marker := "-"
			switch b.marker {
			case '.', ')':
				marker = strconv.Itoa(b.start+i) + string(b.marker)
			case '*':
				marker = "*"
			}
			inner := w.container(it.children, sep)
			if inner == "" {
				items = append(items, marker)
				continue
			}
			pad := strings.Repeat(" ", len(marker)+1)
			items = append(items, marker+" "+prefixLines(inner, pad, "")[len(pad):])
		}
		return strings.Join(items, sep)
	case bCode:
		code := ""
		if len(b.inl) > 0 {
			code = b.inl[0].text
		}
		fence := strings.Repeat("`", max(3, longestRun(code, '`')+1))
		return fence + "\n" + code + "\n" + fence
	case bRule:
		return "* * *"
	case bTable:
		return w.table(b)
	}
	return w.container(b.children, "\n\n")
}

func (w *writer) table(b *block) string {
	cols := len(b.align)
	var lines []string
	for i, row := range b.children {
		cells := make([]string, max(cols, len(row.children)))
		w.inCell = true
		for j, c := range row.children {
			cells[j] = strings.ReplaceAll(w.paragraph(c.inl), "\n", " ")
		}
		w.inCell = false
		lines = append(lines, "| "+strings.Join(cells, " | ")+" |")
		if i == 0 {
			delims := make([]string, len(cells))
			for j := range delims {
				delims[j] = "---"
				if j < len(b.align) {
					switch b.align[j].String() {
					case "left":
						delims[j] = ":---"
					case "right":
						delims[j] = "---:"
					case "center":
						delims[j] = ":---:"
					}
				}
			}
			lines = append(lines, "| "+strings.Join(delims, " | ")+" |")
		}
	}
	return strings.Join(lines, "\n")
}

// paragraph writes a line of inlines; each line of it is made safe to start a line.
func (w *writer) paragraph(ins []*inline) string {
	var sb strings.Builder
	w.inlines(&sb, ins)
	lines := strings.Split(sb.String(), "\n")
	out := lines[:0]
	for _, l := range lines {
		l, hard := strings.CutSuffix(l, hardBreak)
		l = strings.Trim(l, " \t")
		if hard && l != "" {
			l += "  " // two spaces: a backslash after an escaped one is not read as a break
		}
		out = append(out, safeLineStart(l))
	}
	// A break at the end shows nothing.
	return strings.TrimRight(strings.Join(out, "\n"), " \n")
}

// hardBreak marks a hard line break while a paragraph is written: folded text holds no NUL.
const hardBreak = "\x00"

var orderedStart = regexp.MustCompile(`^[0-9]{1,9}[.)]`)

// safeLineStart escapes what would start a block at the start of a line of text.
func safeLineStart(l string) string {
	if l == "" {
		return l
	}
	if strings.IndexByte("#>+-=", l[0]) >= 0 {
		return `\` + l
	}
	// A line of dashes and colons under a line with a pipe would make a table.
	if strings.Trim(l, " |:-") == "" && strings.Contains(l, "-") {
		return `\` + l
	}
	if m := orderedStart.FindString(l); m != "" {
		return m[:len(m)-1] + `\` + l[len(m)-1:]
	}
	return l
}

func (w *writer) inlines(sb *strings.Builder, ins []*inline) {
	for _, in := range tidy(ins) {
		w.inline(sb, in)
	}
}

// tidy returns inlines without those that show nothing, and with neighbours of one kind that
// would read back otherwise joined: two emphases or code spans side by side are one delimiter
// run ("*a**b*", "`a“b`"), and show as one.
func tidy(ins []*inline) []*inline {
	var out []*inline
	for _, in := range ins {
		switch in.kind {
		case iText, iCode:
			if in.text == "" {
				continue
			}
		case iEmph, iStrike:
			if !shows(in.children) {
				out = append(out, tidy(in.children)...) // its line breaks, if any
				continue
			}
		}
		if n := len(out); n > 0 && out[n-1].kind == in.kind && out[n-1].level == in.level &&
			(in.kind == iEmph || in.kind == iStrike || in.kind == iCode) {
			prev := out[n-1]
			out[n-1] = &inline{kind: in.kind, level: in.level, text: prev.text + in.text,
				children: append(slices.Clip(prev.children), in.children...)}
			continue
		}
		out = append(out, in)
	}
	return out
}

// shows reports whether inlines show anything but line breaks.
func shows(ins []*inline) bool {
	for _, in := range ins {
		switch in.kind {
		case iText, iCode, iAutoLink:
			if in.text != "" {
				return true
			}
		case iSoftBreak, iHardBreak:
		default:
			if shows(in.children) || in.kind == iImage {
				return true
			}
		}
	}
	return false
}

func (w *writer) inline(sb *strings.Builder, in *inline) {
	switch in.kind {
	case iText:
		sb.WriteString(w.escape(in.text))
	case iCode:
		if strings.Trim(in.text, " ") == "" {
			sb.WriteString(in.text)
			return
		}
		code := in.text
		if w.inCell {
			code = strings.ReplaceAll(code, "|", `\|`)
		}
		fence := strings.Repeat("`", longestRun(code, '`')+1)
		if code[0] == '`' || code[len(code)-1] == '`' || code[0] == ' ' && code[len(code)-1] == ' ' {
			code = " " + code + " "
		}
		sb.WriteString(fence + code + fence)
	case iSoftBreak:
		sb.WriteByte('\n')
	case iHardBreak:
		sb.WriteString(hardBreak + "\n")
	case iEmph, iStrike:
		delim := "~~"
		if in.kind == iEmph {
			delim = strings.Repeat("*", in.level)
			// Beside another run of asterisks, underscores keep the runs apart.
			if s := sb.String(); strings.HasSuffix(s, "*") && !strings.HasSuffix(s, `\*`) {
				delim = strings.Repeat("_", in.level)
			}
		}
		w.wrap(sb, delim, delim, unnest(in))
	case iLink, iImage:
		var inner strings.Builder
		w.inlines(&inner, in.children)
		if !w.keep(in.dest) {
			sb.WriteString(inner.String())
			return
		}
		if strings.TrimSpace(inner.String()) == "" && in.kind == iLink {
			return
		}
		open := "["
		if in.kind == iImage {
			open = "!["
		}
		sb.WriteString(open + inner.String() + "](" + destination(in.dest))
		if title := w.title(in.title); title != "" {
			sb.WriteString(` "` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "&", `\&`, "\n", " ").Replace(title) + `"`)
		}
		sb.WriteByte(')')
	case iAutoLink:
		dest := in.dest
		if in.email && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
			dest = "mailto:" + dest
		}
		if !in.edited && w.keep(dest) {
			sb.WriteString("<" + in.text + ">")
			return
		}
		sb.WriteString(w.escape(in.text))
	}
}

// unnest returns the children of an emphasis or strikethrough, with those of the same kind
// inside it replaced by their own children: they show the same, and nested delimiters of one
// kind ("~~~~a~~b~~") read back otherwise.
func unnest(in *inline) []*inline {
	var out []*inline
	for _, c := range in.children {
		if c.kind == in.kind && c.level == in.level {
			out = append(out, unnest(c)...)
		} else {
			out = append(out, c)
		}
	}
	return out
}

// wrap writes inlines between two delimiters, with the white space at their ends outside,
// where a delimiter can open and close; with nothing inside, without the delimiters.
func (w *writer) wrap(sb *strings.Builder, open, close string, ins []*inline) {
	var inner strings.Builder
	w.inlines(&inner, ins)
	s := inner.String()
	core := strings.TrimSpace(s)
	if core == "" {
		sb.WriteString(s)
		return
	}
	lead := s[:strings.Index(s, core)]
	trail := s[len(lead)+len(core):]
	sb.WriteString(lead + open + core + close + trail)
}

func (w *writer) keep(dest string) bool { return w.rw.Keep == nil || w.rw.Keep(dest) }

func (w *writer) title(t string) string {
	if t == "" || w.rw.Edit == nil {
		return t
	}
	t = fold(t)
	return applyText(t, w.rw.Edit(t))
}

// escape escapes the characters of text that Markdown could read as syntax. Characters that
// only begin a block are escaped by safeLineStart.
func (w *writer) escape(text string) string {
	if !strings.ContainsAny(text, "\\`*_[]<>&|~#") {
		return text
	}
	var sb strings.Builder
	for i := 0; i < len(text); i++ {
		if c := text[i]; strings.IndexByte("\\`*_[]<>&|~#", c) >= 0 {
			sb.WriteByte('\\')
		}
		sb.WriteByte(text[i])
	}
	return sb.String()
}

// destination writes a link's address in angle brackets, which allow any character but
// these three and line breaks.
func destination(dest string) string {
	return "<" + strings.NewReplacer(`\`, `\\`, "<", `\<`, ">", `\>`, "\n", "%0A", "\r", "%0D").Replace(dest) + ">"
}

func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// prefixLines puts prefix before every line of s, or empty before empty lines.
func prefixLines(s, prefix, empty string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = empty
		} else {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

// Literal returns Markdown that shows text as it is, a paragraph a line.
func Literal(text string) string {
	var w writer
	var paras []string
	for _, l := range strings.Split(text, "\n") {
		if l = safeLineStart(strings.TrimSpace(w.escape(l))); l != "" {
			paras = append(paras, l)
		}
	}
	return strings.Join(paras, "\n\n")
}
