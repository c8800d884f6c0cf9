package nationaldb

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"congkhai/generator/content"
)

// The dossier (thành phần hồ sơ), flattened:
//
//	<case heading or "--">Tên giấy tờMẫu đơn, tờ khaiSố lượng
//	<name>[<form file>...]<quantity> ... <next case heading>Tên giấy tờ...
//
// The quantity is what the portal prints: "1 bản chính", "0 bản chính,1 bản sao", "1 bản sao"
// with one-digit counts; it is followed directly by the next document's name, never by a
// space, which tells it from the same words inside a name ("nộp 02 bản chính tờ khai"). Form
// files end in ".docx", ".doc", ".pdf"...; where a file name begins is found at the join
// between the document's name and the file's (".Mẫu số 01.docx", "NĐ-CPMẫu số 01.docx",
// "thông thườngMau01.docx"). Text after the last quantity of a case is the heading of the
// next case.

const dossierHeader = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"

// reFormExt is the extension of a form file, sometimes doubled (".docx.docx").
var reFormExt = regexp.MustCompile(`(?i)\.(?:docx|doc|pdf|xlsx|xls|rar|zip|odt|rtf)(?:\.(?:docx|doc|pdf))?`)

// formWindow is how far before its extension a form file's name may begin, in characters.
const formWindow = 110

// parseDossier splits the dossier into documents. rest is text it could not split (as the
// source printed it), probs what went wrong. Each row's Form is its form files as the
// portal names them, joined by "; "; files holds them one by one, row by row.
func parseDossier(text string) (rows []content.DossierRec, files [][]string, rest string, probs []string) {
	s := tidy(text)
	if isNoInfo(s) {
		return nil, nil, "", nil
	}
	parts := strings.Split(s, dossierHeader)
	if len(parts) == 1 {
		return nil, nil, s, []string{"không thấy bảng giấy tờ"}
	}
	heading := parts[0]
	var notes []string
	for pi, part := range parts[1:] {
		group := oneLine(heading)
		if strings.Trim(group, "-") == "" {
			group = "" // "--": no case
		}
		group = stripBullet(group) // "* Giấy tờ phải nộp:"
		pos := 0
		found := false
		for _, m := range quantities(part) {
			seg := part[pos:m[0]]
			pos = m[1]
			found = true
			name, forms, ok := splitForms(seg)
			if !ok {
				probs = append(probs, "không tách được tên mẫu đơn khỏi tên giấy tờ: …"+tail(collapse(seg), 90))
			}
			name = stripBullet(collapse(tidy(name)))
			// A web address the crawl cut at its "//": "… tại địa chỉ: http:" and
			// "//www.basel.int/….doc".
			if len(forms) > 0 && strings.HasPrefix(forms[0], "//") {
				for _, scheme := range []string{"https:", "http:"} {
					if strings.HasSuffix(name, scheme) {
						name = strings.TrimSpace(strings.TrimSuffix(name, scheme))
						forms[0] = scheme + forms[0]
						break
					}
				}
			}
			row := content.DossierRec{
				Group:    group,
				Name:     markdown(trimLeadingMarks(name)),
				Form:     strings.Join(forms, "; "),
				Quantity: quantityText(part[m[0]:m[1]]),
			}
			if row.Name == "" {
				probs = append(probs, "giấy tờ không có tên")
			}
			rows = append(rows, row)
			files = append(files, forms)
		}
		tail := part[pos:]
		if !found && strings.TrimSpace(tail) != "" && pi+1 < len(parts)-1 {
			// No quantity at all before the next heading: the case's rows cannot be told
			// apart from its heading; keep the text.
			notes = append(notes, strings.TrimSpace(tail))
			probs = append(probs, "không tách được các dòng của một nhóm giấy tờ")
			heading = ""
			continue
		}
		heading = tail
	}
	if t := strings.TrimSpace(heading); t != "" && strings.Trim(t, "-") != "" {
		// Text after the last document: a note, or rows without quantities.
		notes = append(notes, t)
		probs = append(probs, "có đoạn văn sau dòng giấy tờ cuối, giữ nguyên trong dossier_text")
	}
	return rows, files, strings.Join(notes, "\n"), probs
}

// quantities finds the quantity cells of part: "1 bản chính", "0 bản chính,1 bản sao", "1
// bản sao" (one-digit counts), not followed by a space or by punctuation that continues a
// sentence.
func quantities(part string) [][2]int {
	var out [][2]int
	for i := 0; i < len(part); {
		k := strings.Index(part[i:], "ản ")
		if k < 0 {
			break
		}
		k += i
		i = k + len("ản ")
		start, end, ok := quantityAt(part, k)
		if !ok {
			continue
		}
		// A second count: ",1 bản sao".
		if j := end; j < len(part) && part[j] == ',' {
			j++
			if j < len(part) && part[j] == ' ' {
				j++
			}
			if s2, e2, ok := quantityAt(part, j+3); ok && s2 == j {
				end = e2
			}
		}
		i = end
		if end < len(part) && strings.IndexByte(" \n.,;:)", part[end]) >= 0 {
			continue
		}
		// "…: 01 bản chính1 bản chính": a count written in the name, then the cell.
		if n := len(out); n > 0 && out[n-1][1] == start {
			out = out[:n-1]
		}
		out = append(out, [2]int{start, end})
	}
	return out
}

// quantityAt reads "<digit> bản chính" or "<digit> bản sao" around part[k:], where "ản " is.
func quantityAt(part string, k int) (start, end int, ok bool) {
	b := k - 1 // "b" or "B"
	if b < 2 || k+len("ản ") > len(part) || (part[b] != 'b' && part[b] != 'B') || part[b-1] != ' ' || part[b-2] < '0' || part[b-2] > '9' {
		return 0, 0, false
	}
	rest := part[k+len("ản "):]
	switch {
	case strings.HasPrefix(rest, "chính"):
		end = k + len("ản ") + len("chính")
	case strings.HasPrefix(rest, "sao"):
		end = k + len("ản ") + len("sao")
	default:
		return 0, 0, false
	}
	return b - 2, end, true
}

// reCount is one count of a quantity cell: "1 bản chính", "0 bản sao".
var reCount = regexp.MustCompile(`(\d+) bản (chính|sao)`)

// quantityText writes a quantity as a reader wants it: the counts that are not zero, with a
// space after their comma ("0 bản chính,1 bản sao" is "1 bản sao"). A cell whose counts are
// all zero ("0 bản chính") asks for no copy: the row is a line of explanation the portal
// put in the table, and its quantity is "".
func quantityText(q string) string {
	var counts []string
	for _, m := range reCount.FindAllStringSubmatch(q, -1) {
		if strings.Trim(m[1], "0") != "" {
			counts = append(counts, m[0])
		}
	}
	return strings.Join(counts, ", ")
}

// nameForms gives every row's Form the names to show for its form files (formName), found
// in the record's texts: the documents' names, then extra (the procedure's name, the page).
func nameForms(rows []content.DossierRec, files [][]string, extra ...string) {
	var ft *formTexts
	for i, fs := range files {
		if len(fs) == 0 {
			continue
		}
		if ft == nil {
			texts := make([]string, 0, len(rows)+len(extra))
			for _, r := range rows {
				texts = append(texts, r.Name)
			}
			ft = newFormTexts(append(texts, extra...)...)
		}
		// The document's own name is looked in first.
		own := &formTexts{texts: append([]strippedText{stripText(rows[i].Name)}, ft.texts...)}
		names := make([]string, 0, len(fs))
		for _, f := range fs {
			if n := formName(f, rows[i].Name, own); n != "" && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		rows[i].Form = strings.Join(names, "; ")
	}
}

// trimLeadingMarks removes what a name should not start with: the stray full stops, list
// marks and dashes the portal's texts sometimes begin with (". Thủ tục …", "+++Tờ khai",
// "-02 ảnh", "...văn bản trả lời"), but not an opening bracket or quotation mark.
func trimLeadingMarks(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool {
		if strings.ContainsRune("([{“‘\"'«", r) {
			return false
		}
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	})
}

// splitForms splits "<name><file>[<file>...]" into the name and the form files. ok is false
// when files were seen but where the first begins could not be told; the whole text is
// then the name.
func splitForms(seg string) (name string, forms []string, ok bool) {
	exts := reFormExt.FindAllStringIndex(seg, -1)
	if len(exts) == 0 || exts[len(exts)-1][1] != len(strings.TrimRight(seg, " ")) {
		return seg, nil, true
	}
	seg = strings.TrimRight(seg, " ")
	rs := []rune(seg)
	// Byte offsets to rune offsets.
	runeAt := make(map[int]int, len(rs)+1)
	bi := 0
	for ri, r := range rs {
		runeAt[bi] = ri
		bi += len(string(r))
	}
	runeAt[bi] = len(rs)
	var files []string
	end := len(rs)
	for i := len(exts) - 1; i >= 0; i-- {
		extStart := runeAt[exts[i][0]]
		if i > 0 {
			prevEnd := runeAt[exts[i-1][1]]
			if extStart-prevEnd <= formWindow && prevEnd < extStart {
				files = append(files, strings.TrimSpace(string(rs[prevEnd:end])))
				end = prevEnd
				continue
			}
		}
		b := firstJoin(rs, max(extStart-formWindow, 1), extStart)
		if b < 0 {
			// A long file name: look further back for a plain join only.
			for k := max(extStart-2*formWindow, 1); k < extStart-formWindow; k++ {
				if plainJoin(rs, k) {
					b = k
					break
				}
			}
		}
		if b < 0 {
			return seg, nil, false
		}
		files = append(files, strings.TrimSpace(string(rs[b:end])))
		end = b
		break
	}
	for l, r := 0, len(files)-1; l < r; l, r = l+1, r-1 {
		files[l], files[r] = files[r], files[l]
	}
	return string(rs[:end]), files, true
}

// firstJoin returns the first place in rs[lo:hi] where two cells were glued together, or
// -1. It looks for the plain joins first: closing punctuation followed by more text ("…;Mẫu",
// ").10-Mẫu"), a lower-case letter followed by a capital or by a number that goes on
// ("thườngMau01", "trực tiếp18-Mẫu"), a run of capitals followed by a capitalised word
// ("CPMẫu"), a number followed by a capitalised word. Failing those, two Vietnamese
// syllables written together ("hạnmau so 20.doc").
func firstJoin(rs []rune, lo, hi int) int {
	// The surest join is one followed by the word a form's file name usually starts with;
	// the last such before the extension wins ("…số 11.NT ban hành … NĐ-CPMẫu số 11.docx").
	for i := hi - 1; i >= max(lo, 1); i-- {
		if plainJoin(rs, i) && startsFormName(rs[i:hi]) {
			return i
		}
	}
	for i := max(lo, 1); i < hi; i++ {
		if plainJoin(rs, i) {
			return i
		}
	}
	for i := max(lo, 1); i < hi; i++ {
		if syllableJoin(rs, i) {
			return i
		}
	}
	return -1
}

// formWords start most form file names in the data.
var formWords = []string{"Mẫu", "MẪU", "mẫu", "Mau", "MAU", "mau", "Phụ lục", "Phụ Lục", "PHỤ LỤC", "Phu luc", "Phlc", "PL", "Mus", "Mu0", "Mu1", "TK", "Tờ khai", "Biểu mẫu", "Đơn"}

func startsFormName(rs []rune) bool {
	s := string(rs[:min(len(rs), 12)])
	for _, w := range formWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func plainJoin(rs []rune, i int) bool {
	a, b := rs[i-1], rs[i]
	var next rune
	if i+1 < len(rs) {
		next = rs[i+1]
	}
	switch {
	case a == ',' && unicode.IsLetter(b):
		return true // ",PL 01 TT 62.docx": a name never has a comma without a space
	case strings.ContainsRune(";:.)]”\"’", a):
		if unicode.IsSpace(b) || strings.ContainsRune(".,;:)]”\"’-", b) {
			return false
		}
		// Not inside a number ("1.5", "12.10") or a date.
		return !(a == '.' && i >= 2 && unicode.IsDigit(rs[i-2]) && unicode.IsDigit(b))
	case unicode.IsLower(a) && unicode.IsUpper(b):
		return true
	case unicode.IsLower(a) && unicode.IsDigit(b):
		j := i
		for j < len(rs) && unicode.IsDigit(rs[j]) {
			j++
		}
		return j < len(rs) && (rs[j] == '-' || rs[j] == '.' || rs[j] == '_' || unicode.IsLetter(rs[j]))
	case unicode.IsUpper(a) && unicode.IsUpper(b) && unicode.IsLower(next) && i >= 2 && (unicode.IsUpper(rs[i-2]) || rs[i-2] == '-'):
		return !(a == 'T' && b == 'T' && next == 'g') // "QĐ-TTg" is a code, not a join
	case unicode.IsDigit(a) && unicode.IsUpper(b) && unicode.IsLower(next):
		return true
	}
	return false
}

// syllableJoin reports whether rs[i] starts a second syllable written onto the end of
// another in one lower-case word: a vowel, then consonants that cannot all end a syllable
// or that are followed by another vowel ("hạn|mau", "nuôi|báo").
func syllableJoin(rs []rune, i int) bool {
	if !unicode.IsLower(rs[i]) || isVowel(rs[i]) || !unicode.IsLower(rs[i-1]) {
		return false
	}
	// The word so far must be one syllable: letters back to a space, with one vowel group.
	j := i
	for j > 0 && i-j <= 8 && unicode.IsLetter(rs[j-1]) {
		j--
	}
	if j > 0 && unicode.IsLetter(rs[j-1]) {
		return false // too long for one syllable
	}
	word := rs[j:i]
	groups, inVowel := 0, false
	for _, r := range word {
		v := isVowel(r)
		if v && !inVowel {
			groups++
		}
		inVowel = v
	}
	if groups != 1 {
		return false
	}
	// The rest of the word must start with a consonant onset and a vowel.
	k := i
	for k < len(rs) && k-i < 4 && unicode.IsLower(rs[k]) && !isVowel(rs[k]) {
		k++
	}
	if k == i || k >= len(rs) || !isVowel(rs[k]) {
		return false
	}
	onset := string(rs[i:k])
	final := ""
	for _, r := range word {
		if isVowel(r) {
			final = ""
		} else {
			final += string(r)
		}
	}
	if !validOnset(onset) {
		return false
	}
	// "nhanh" is one syllable: the n of an "nh"/"ng"/"ch" final is not a join.
	return final == "" || validFinal(final)
}

func validOnset(s string) bool {
	switch s {
	case "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "q", "r", "s", "t", "th", "tr", "v", "x":
		return true
	}
	return false
}

func validFinal(s string) bool {
	switch s {
	case "c", "ch", "m", "n", "ng", "nh", "p", "t":
		return true
	}
	return false
}

// tail returns about the last n characters of s.
func tail(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[len(rs)-n:])
}
