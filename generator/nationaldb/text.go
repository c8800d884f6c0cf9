package nationaldb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// noInfo is what the portal prints in an empty cell.
const noInfo = "Không có thông tin"

// clean makes text safe to keep: valid UTF-8 in NFC, LF line ends, no control characters
// but newlines, non-breaking and other odd spaces turned into plain spaces, zero-width
// characters removed, each line trimmed at its end, and the whole trimmed. Convert cleans
// every field of a record once; the splitters then only tidy the parts they cut out.
func clean(s string) string {
	if utf8.ValidString(s) && isTidy(s) && norm.NFC.IsNormalString(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return tidy(norm.NFC.String(s))
}

// tidy is clean but for the normalisation to NFC, for text that is in NFC already.
func tidy(s string) string {
	if isTidy(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t' || r == '\u00a0' || r == '\u3000' || (r >= '\u2000' && r <= '\u200a') || r == '\u202f' || r == '\u205f':
			b.WriteByte(' ')
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
		case r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte('\n')
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// isTidy reports whether tidy(s) == s, cheaply (one pass over the bytes), so that text
// tidied once is not rebuilt.
func isTidy(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[0] == '\n' || s[len(s)-1] == ' ' || s[len(s)-1] == '\n' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if i+1 < len(s) && s[i+1] == '\n' {
				return false
			}
		case c == '\n':
		case c < 0x20 || c == 0x7f:
			return false
		case c < 0xc2:
		case c == 0xc2: // U+0080 to U+00BF: C1 controls, no-break space, soft hyphen
			if i+1 < len(s) && (s[i+1] <= 0x9f || s[i+1] == 0xa0 || s[i+1] == 0xad) {
				return false
			}
		case c == 0xe2: // U+2000 to U+206F: odd spaces, zero-width, line separators
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] <= 0x8d || s[i+2] == 0xa8 || s[i+2] == 0xa9 || s[i+2] == 0xaf) {
				return false
			}
			if i+2 < len(s) && s[i+1] == 0x81 && (s[i+2] == 0x9f || s[i+2] == 0xa0) {
				return false
			}
		case c == 0xe3: // U+3000
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
				return false
			}
		case c == 0xef: // U+FEFF
			if i+2 < len(s) && s[i+1] == 0xbb && s[i+2] == 0xbf {
				return false
			}
		}
	}
	return true
}

// cleanValue is tidy, and "" for the portal's "Không có thông tin".
func cleanValue(s string) string {
	s = tidy(s)
	if isNoInfo(s) {
		return ""
	}
	return s
}

// isNoInfo reports whether s says there is no information.
func isNoInfo(s string) bool {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "."))
	return s == "" || strings.EqualFold(s, noInfo) || s == "--"
}

// oneLine is cleanValue with every run of white space (newlines included) made one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(cleanValue(s)), " ")
}

// collapse makes every run of white space one space and trims; used to compare texts.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// bulletMarker returns the list marker a line starts with ("-", "+", "++", "*", "•"...)
// and the text after it, or ok=false when the line is not a list item. A marker of
// ASCII characters must be followed by a space (or, for a single "-" or "+", by a capital
// letter, as in "-Bước 1"); the typographic bullets need nothing after them.
func bulletMarker(line string) (marker, rest string, ok bool) {
	r, size := utf8.DecodeRuneInString(line)
	switch r {
	case '•', '●', '▪', '◦', '■', '□', '○', '►', '➢', '✓', '\uf0b7', '\uf0a7', '\uf0fc', '\uf0d8', '\uf076', '\uf0e0':
		rest = strings.TrimSpace(line[size:])
		return "•", rest, rest != ""
	case '–', '—':
		rest = line[size:]
		if strings.HasPrefix(rest, " ") && strings.TrimSpace(rest) != "" {
			return "-", strings.TrimSpace(rest), true
		}
		return "", "", false
	}
	i := 0
	for i < len(line) && (line[i] == '-' || line[i] == '+' || line[i] == '*') {
		i++
	}
	if i == 0 || i > 4 || strings.Trim(line[:i], string(line[0])) != "" {
		return "", "", false // no marker, or a mix such as "-+"
	}
	rest = line[i:]
	switch {
	case strings.HasPrefix(rest, " "):
		rest = strings.TrimSpace(rest)
	case i == 1 && line[0] != '*' && rest != "":
		if next, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(next) {
			return "", "", false
		}
	default:
		return "", "", false
	}
	if rest == "" {
		return "", "", false
	}
	return line[:i], rest, true
}

// markdown turns the portal's plain text (steps, conditions, dossier documents) into
// Markdown that reads as the text was meant: each line a paragraph, "Bước N:" lines as
// paragraphs led by the step in bold, runs of bullet lines ("-", "+", "*", "•") as lists
// nested by the order their markers appear in, and every character Markdown would otherwise
// read as syntax escaped. The text is cleaned first; "" stays "".
func markdown(s string) string {
	s = cleanValue(s)
	if s == "" {
		return ""
	}
	var out strings.Builder
	var stack []string // the markers of the current list, outermost first
	inList := false
	for _, line := range strings.Split(s, "\n") {
		line = collapse(line)
		if line == "" {
			continue
		}
		marker, rest, isItem := bulletMarker(line)
		if isItem {
			if _, _, ok := stepLabel(rest); ok {
				isItem = false // "- Bước 1: ..." is a step, written as one
				line = rest
			}
		}
		if isItem {
			level := -1
			for i, m := range stack {
				if m == marker {
					level = i
					break
				}
			}
			if level < 0 {
				if len(stack) >= 4 {
					level = len(stack) - 1 // do not nest deeper than four levels
					stack[level] = marker
				} else {
					stack = append(stack, marker)
					level = len(stack) - 1
				}
			} else {
				stack = stack[:level+1]
			}
			if out.Len() > 0 {
				if inList {
					out.WriteByte('\n')
				} else {
					out.WriteString("\n\n")
				}
			}
			out.WriteString(strings.Repeat("  ", level))
			out.WriteString("- ")
			out.WriteString(escapeBlockStart(escapeInline(rest)))
			inList = true
			continue
		}
		stack, inList = stack[:0], false
		if out.Len() > 0 {
			out.WriteString("\n\n")
		}
		if label, text, ok := stepLabel(line); ok {
			out.WriteString("**")
			out.WriteString(escapeInline(label))
			out.WriteString("**")
			if text != "" {
				out.WriteByte(' ')
				out.WriteString(escapeInline(text))
			}
			continue
		}
		out.WriteString(escapeBlockStart(escapeInline(line)))
	}
	return out.String()
}

// stepLabel splits "Bước 1: Nộp hồ sơ" into "Bước 1:" and "Nộp hồ sơ".
func stepLabel(line string) (label, rest string, ok bool) {
	const word = "Bước"
	if !strings.HasPrefix(line, word) {
		return "", "", false
	}
	i := len(word)
	for i < len(line) && line[i] == ' ' {
		i++
	}
	j := i
	for j < len(line) && line[j] >= '0' && line[j] <= '9' {
		j++
	}
	if j == i || j-i > 2 {
		return "", "", false
	}
	// An optional letter ("Bước 2a") and punctuation.
	if j < len(line) && line[j] >= 'a' && line[j] <= 'z' && (j+1 == len(line) || !isASCIILetter(line[j+1])) {
		j++
	}
	k := j
	for k < len(line) && line[k] == ' ' {
		k++
	}
	if k < len(line) && strings.ContainsRune(":.)-", rune(line[k])) {
		j = k + 1
	} else if strings.HasPrefix(line[k:], "–") {
		j = k + len("–")
	}
	if j < len(line) && line[j] != ' ' {
		// "Bước 1.2" or "Bước 10a..." glued to more text: not a label we understand
		if r, _ := utf8.DecodeRuneInString(line[j:]); unicode.IsDigit(r) {
			return "", "", false
		}
	}
	return strings.TrimSpace(line[:j]), strings.TrimSpace(line[j:]), true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// escapeInline escapes the characters that Markdown (CommonMark with tables and
// strikethrough) would read as inline syntax.
func escapeInline(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '*', '_', '`', '[', ']', '<', '>', '|', '~':
			b.WriteByte('\\')
		case '&':
			// Only what could start an entity: "&amp;", "&#39;".
			j := i + 1
			for j < len(s) && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '#') {
				j++
			}
			if j > i+1 && j < len(s) && s[j] == ';' {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// escapeBlockStart escapes what would make a line start a block other than a paragraph: an
// ordered-list number ("1. ", "2) "), a heading ("#"), a list marker, a thematic break or a
// setext underline. Call it on text escaped by escapeInline.
func escapeBlockStart(s string) string {
	if s == "" {
		return s
	}
	// "12. text" or "3) text": escape the delimiter, so the number stays as printed.
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < 10 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ') {
		return s[:i] + `\` + s[i:]
	}
	switch s[0] {
	case '#', '+', '-', '=':
		if s[0] == '#' || len(s) == 1 || s[1] == ' ' || strings.Trim(s, string(s[0])+" ") == "" {
			return `\` + s
		}
	}
	return s
}

// stripBullet removes a leading list marker ("- ", "+ ", "• ") from a one-item text such as
// a document's name, where the row is already an item.
func stripBullet(s string) string {
	if _, rest, ok := bulletMarker(s); ok {
		return rest
	}
	return s
}

// collapsedPrefix reports whether collapse(p) is a prefix of collapse(s), without building
// either.
func collapsedPrefix(s, p string) bool {
	s, p = strings.TrimSpace(s), strings.TrimSpace(p)
	i, j := 0, 0
	for j < len(p) {
		if i >= len(s) {
			return false
		}
		ps, ss := isSpaceByte(p[j]), isSpaceByte(s[i])
		switch {
		case ps && ss:
			for j < len(p) && isSpaceByte(p[j]) {
				j++
			}
			for i < len(s) && isSpaceByte(s[i]) {
				i++
			}
		case ps || ss || p[j] != s[i]:
			return false
		default:
			i++
			j++
		}
	}
	return true
}

// collapsedEqual reports whether collapse(a) == collapse(b).
func collapsedEqual(a, b string) bool {
	return collapsedPrefix(a, b) && collapsedPrefix(b, a)
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
