package planimport

// This file reads the opening of a plan's source: the decision that issues the plan (or
// the plan itself, when it is issued directly), with its number, date, title, legal bases,
// recipients and signature.

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"congkhai/generator/content"
	"congkhai/generator/diag"
	"congkhai/generator/fold"
	"congkhai/generator/planread"
	"congkhai/generator/vocab"
)

// Decision is what the opening of a plan's source says about the document that issued it.
type Decision struct {
	Document content.Document
	Title    string // the plan's title
	Year     int    // the plan's year; 0 if not found
	// Appendix is the appendix's own title, when the source prints one ("PHỤ LỤC" then
	// "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024"): where the source is the appendix alone, the
	// plan's year and kind are read from it.
	Appendix string
}

// readDecision reads the decision metadata from a document's items before its appendix table
// (the caller passes doc.Items[:k]; items may include small tables, e.g. the header block
// printed as a table — look inside their cells too). Facts it cannot find are left empty and
// noted (ns.unsure with the position where it looked, or of the document start); facts
// taken from a fallback (the number from "(Kèm theo Quyết định số ...)") are noted as unsure
// too, saying where they came from.
//
// The notes start with the key of the fact in plan.toml ("document.number: ...", "title:
// ...").
//
// The opening is read in the order official documents print it: a letterhead with "Số:"
// and "<place>, ngày ... tháng ... năm ...", the type heading (QUYẾT ĐỊNH or KẾ HOẠCH), the
// title and, for a decision, the issuer's line, then the "Căn cứ ..." and "Theo đề nghị
// ..." paragraphs, the operative "QUYẾT ĐỊNH:" and the articles, the "Nơi nhận:" list and
// the signature block. A plan issued directly has no articles: its opening "Thực hiện ..."
// or "Căn cứ ..." paragraphs are its legal bases. Lines broken mid-sentence are joined;
// text printed in capitals is put in sentence case, with the capitals of names restored
// where the document prints them in mixed case elsewhere.
func readDecision(items []planread.Item, ns *notes) Decision {
	r := &decisionReader{ns: ns, places: map[string]map[string]int{}, acronyms: map[string]bool{}, names: map[string]bool{}}
	r.lines, r.meta = decOpeningLines(items)
	if len(items) > 0 {
		r.start = items[0].Pos
	}
	r.learnCasing()
	r.read()
	return r.d
}

// decLine is a line of the opening: a paragraph, or one line of a table cell.
type decLine struct {
	text string
	pos  diag.Pos
	cell int // the table cell holding the line, numbered from 1; 0 for a paragraph
}

// decMeta is a value of the metadata block some web copies print before the document
// ("Số hiệu | 242/QĐ-UBND", "Người ký | Hồ Văn Mừng").
type decMeta struct {
	text string
	pos  diag.Pos
}

// decMetaFields maps the folded keys of a metadata block to the facts they give.
var decMetaFields = map[string]string{
	"so hieu":       "number",
	"so ky hieu":    "number",
	"ngay ban hanh": "date",
	"loai van ban":  "type",
	"nguoi ky":      "signer",
}

// decOpeningLines flattens items into lines: paragraphs split at their line breaks, table
// cells line by line (row by row, cell by cell), without Markdown heading and emphasis
// marks and without lines holding neither letters nor digits ("-------", "|"). Lines and
// two-cell rows of a metadata block are returned apart.
func decOpeningLines(items []planread.Item) ([]decLine, map[string]decMeta) {
	var lines []decLine
	meta := map[string]decMeta{}
	// setMeta records a line "key | value" of a metadata block; it reports whether the line
	// is one: any short key without digits, though only some keys give facts.
	setMeta := func(key, value string, pos diag.Pos) bool {
		k := decKey(key)
		value = decTidy(value)
		if k == "" || value == "" || strings.Count(k, " ") > 4 || strings.ContainsAny(k, "0123456789") {
			return false
		}
		if f := decMetaFields[k]; f != "" {
			if _, ok := meta[f]; !ok {
				meta[f] = decMeta{value, pos}
			}
		}
		return true
	}
	cell := 0
	for _, it := range items {
		if it.Table == nil {
			if k, v, ok := strings.Cut(it.Text, "|"); ok && !strings.Contains(v, "|") && setMeta(k, v, it.Pos) {
				continue
			}
			for _, t := range strings.Split(it.Text, "\n") {
				if t = decTidy(t); t != "" {
					lines = append(lines, decLine{t, it.Pos, 0})
				}
			}
			continue
		}
		for _, row := range it.Table.Rows {
			// A row of two cells is a "key | value" of a metadata block, unless it is the
			// letterhead's "Số: …" | "<place>, ngày … tháng … năm …".
			if len(row.Cells) == 2 && !decLetterheadRow(row) && setMeta(row.Cells[0].Text, row.Cells[1].Text, row.Cells[1].Pos) {
				continue
			}
			for _, c := range row.Cells {
				cell++
				for _, t := range strings.Split(c.Text, "\n") {
					if t = decTidy(t); t != "" {
						lines = append(lines, decLine{t, c.Pos, cell})
					}
				}
			}
		}
	}
	return lines, meta
}

var decMdHeading = regexp.MustCompile(`^#{1,6}\s+`)

// decLetterheadRow reports whether a row of a table holds a line of a letterhead: the
// number ("Số: 12/KH-UBND", or blank) or the place and date.
func decLetterheadRow(row planread.Row) bool {
	for _, c := range row.Cells {
		for _, t := range strings.Split(c.Text, "\n") {
			if t = decTidy(t); decNumberRe.MatchString(t) || decPlaceDate.MatchString(t) {
				return true
			}
		}
	}
	return false
}

// decTidy removes what a copy adds around a line: Markdown heading marks, emphasis around
// the whole line, a table's "|".
func decTidy(s string) string {
	s = strings.TrimSpace(s)
	s = decMdHeading.ReplaceAllString(s, "")
	s = strings.Trim(s, "*_| \t")
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return ""
	}
	return strings.Join(strings.Fields(s), " ")
}

type decisionReader struct {
	lines []decLine
	meta  map[string]decMeta
	start diag.Pos
	ns    *notes
	d     Decision

	places   map[string]map[string]int // folded level ("tinh", "thanh pho") -> name -> count
	acronyms map[string]bool           // all-capital words of the mixed-case text ("TTHC")
	names    map[string]bool           // runs of capitalised words in the mixed-case text ("Sở Nội")

	// What the reading found, settled into d at the end.
	titleLines  []decLine // the document's title as printed
	issuerLine  *decLine
	article1    string   // the plan's name in Điều 1 ("Kế hoạch ...")
	planHeading *decLine // the title under the plan's own heading, lines joined
	numberLine  *decLine
	numberSeen  bool   // a "Số:" line was printed (maybe with the number blank)
	numberRaw   string // the number as printed ("Số: /KH-UBND")
	dateLine    *decLine
	dateSeen    bool
	annex       *decAnnexRef // "(Kèm theo Quyết định số ... ngày ...)"
	headPos     diag.Pos     // where the type heading is, or the document start
	block       []decLine    // the signature block's lines
	blockEnd    int          // the index of the line after it
}

// decAnnexRef is what a "(Ban hành kèm theo Quyết định số N ngày D ...)" line says.
type decAnnexRef struct {
	kind   vocab.DocumentType
	number string
	date   decDate
	pos    diag.Pos
}

// read walks the opening once, in its printed order.
func (r *decisionReader) read() {
	doc := &r.d.Document
	r.headPos = r.start
	head, firstClause := -1, len(r.lines)
	for i, l := range r.lines {
		if decClauseKind(l.text) != "" {
			firstClause = i
			break
		}
		if t, _ := decHeadingType(l.text); t != 0 {
			head = i
			doc.Type = t
			r.headPos = l.pos
			break
		}
	}
	top := firstClause
	if head >= 0 {
		top = head
	}
	r.readHeader(top)
	i := top
	if head >= 0 {
		i = r.readTitle(head + 1)
	}
	r.readAnnexRef()
	if doc.Type == 0 {
		doc.Type = r.guessType()
	}
	if doc.Type == vocab.DocPlan {
		i = r.readPlanBases(i)
	} else {
		i = r.readPreamble(i)
		r.readArticle1(i)
		r.readPlanHeading(i)
	}
	r.readClosing(i)
	r.settle()
}

// readHeader reads the number, place and date from the lines before the type heading.
func (r *decisionReader) readHeader(end int) {
	for i := 0; i < end; i++ {
		l := r.lines[i]
		rest := l.text
		if !r.numberSeen {
			if m := decNumberRe.FindStringSubmatchIndex(rest); m != nil {
				r.numberSeen = true
				ln := l
				ln.text = decCompactNumber(rest[m[2]:m[3]], rest[m[4]:m[5]])
				r.numberLine = &ln
				r.numberRaw = rest[:m[1]]
				rest = decTidy(rest[m[1]:]) // the place and date may follow on the line
			}
		}
		if r.dateSeen || !decPlaceDate.MatchString(rest) {
			continue
		}
		// "Vĩnh Long, ngày" / "18 tháng 12 năm 2023": the date goes on on the next lines.
		for j := i + 1; j < end && j <= i+2 && !strings.Contains(decKey(rest)+" ", "nam ") && decDateGoesOn(r.lines[j].text); j++ {
			rest += " " + r.lines[j].text
		}
		r.dateSeen = true
		ln := l
		ln.text = rest
		r.dateLine = &ln
	}
}

// readTitle reads the lines after the type heading up to the first clause: the title and,
// for a decision, the issuer's line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"). It returns the index
// of the line after them.
func (r *decisionReader) readTitle(i int) int {
	var lines []decLine
	for ; i < len(r.lines); i++ {
		l := r.lines[i]
		if decClauseKind(l.text) != "" || strings.HasPrefix(l.text, "(") || decNumbered.MatchString(l.text) {
			break
		}
		if t, _ := decHeadingType(l.text); t != 0 {
			break
		}
		lines = append(lines, l)
	}
	if r.d.Document.Type != vocab.DocPlan && len(lines) > 0 {
		last := lines[len(lines)-1]
		prev := ""
		if len(lines) > 1 {
			prev = decKey(lines[len(lines)-2].text)
		}
		if decIsCaps(last.text) && decIsAuthority(last.text) && !strings.HasSuffix(prev, " cua") && prev != "cua" {
			r.issuerLine = &last
			lines = lines[:len(lines)-1]
		}
	}
	r.titleLines = lines
	return i
}

// readPreamble reads a decision's "Căn cứ" and "Theo đề nghị" paragraphs from line i up to
// the operative "QUYẾT ĐỊNH:" (or the first article), whose index it returns.
func (r *decisionReader) readPreamble(i int) int {
	doc := &r.d.Document
	var proposal []string
	for i < len(r.lines) {
		l := r.lines[i]
		if t, _ := decHeadingType(l.text); t != 0 || decClauseKind(l.text) == "article" {
			break
		}
		if decIsCaps(l.text) {
			i++
			continue
		}
		text, next := r.paragraph(i)
		switch decClauseKind(text) {
		case "basis", "implementation":
			doc.LegalBases = append(doc.LegalBases, text)
		case "proposal":
			proposal = append(proposal, text)
		default:
			r.ns.unsure(l.pos, "document.legal_bases: đoạn không mở đầu bằng “Căn cứ” trước “QUYẾT ĐỊNH:”, được ghi vào căn cứ: %s", clip(text))
			doc.LegalBases = append(doc.LegalBases, text)
		}
		i = next
	}
	doc.Proposal = strings.Join(proposal, " ")
	return i
}

// readPlanBases reads the opening "Thực hiện ..." or "Căn cứ ..." paragraphs of a plan
// issued directly, from line i; it returns the index of the line after them.
func (r *decisionReader) readPlanBases(i int) int {
	for i < len(r.lines) {
		l := r.lines[i]
		if strings.HasPrefix(l.text, "(") { // "(Ban hành kèm theo ...)"
			i++
			continue
		}
		if k := decClauseKind(l.text); k != "basis" && k != "implementation" {
			break
		}
		text, next := r.paragraph(i)
		r.d.Document.LegalBases = append(r.d.Document.LegalBases, text)
		i = next
	}
	return i
}

// readArticle1 finds Điều 1 after the operative line at i and the plan's name in it:
// "Ban hành kèm theo Quyết định này Kế hoạch ... ." gives "Kế hoạch ...".
func (r *decisionReader) readArticle1(i int) {
	for ; i < len(r.lines); i++ {
		if !decArticle1Re.MatchString(r.lines[i].text) {
			continue
		}
		text, _ := r.paragraph(i)
		words := strings.Fields(text)
		for k := 0; k+1 < len(words); k++ {
			if decWordKey(words[k]) == "ke" && decWordKey(words[k+1]) == "hoach" {
				r.article1 = decPlanName(words[k:])
				break
			}
		}
		return
	}
}

// decPlanName cuts the plan's name from the words of Điều 1 that start with "Kế hoạch": up to
// the end of the sentence, a ";" or ":", or a parenthesis.
func decPlanName(words []string) string {
	var out []string
	for k, w := range words {
		if k > 0 && strings.HasPrefix(w, "(") {
			break
		}
		end := strings.HasSuffix(w, ";") || strings.HasSuffix(w, ":") || strings.HasSuffix(w, "./.")
		if strings.HasSuffix(w, ".") && (k+1 == len(words) || decStartsUpper(words[k+1])) {
			end = true
		}
		out = append(out, w)
		if end {
			break
		}
	}
	name := strings.Trim(strings.Join(out, " "), " .,;:/“”\"")
	return decUpperFirst(name)
}

// readPlanHeading reads the plan's own title printed under its heading ("KẾ HOẠCH" then
// "CẢI CÁCH HÀNH CHÍNH NĂM 2024 ..."), after the decision's articles.
func (r *decisionReader) readPlanHeading(i int) {
	for ; i < len(r.lines); i++ {
		if t, colon := decHeadingType(r.lines[i].text); t == vocab.DocPlan && !colon {
			break
		}
	}
	var parts []string
	var first decLine
	for i++; i < len(r.lines); i++ {
		l := r.lines[i]
		if decClauseKind(l.text) != "" || strings.HasPrefix(l.text, "(") || decNumbered.MatchString(l.text) {
			break
		}
		if t, _ := decHeadingType(l.text); t != 0 || len(parts) == 6 {
			break
		}
		if len(parts) == 0 {
			first = l
		}
		parts = append(parts, l.text)
	}
	if len(parts) > 0 {
		first.text = strings.Join(parts, " ")
		r.planHeading = &first
	}
}

// readAnnexRef reads the first "(Kèm theo Quyết định số ... ngày ...)" line, which may be
// broken over several lines.
func (r *decisionReader) readAnnexRef() {
	for i, l := range r.lines {
		if !strings.HasPrefix(l.text, "(") || !strings.Contains(decKey(l.text), "kem theo") {
			continue
		}
		text := l.text
		for j := i + 1; j < len(r.lines) && j <= i+3 && !strings.Contains(text, ")"); j++ {
			text += " " + r.lines[j].text
		}
		m := decAnnexRe.FindStringSubmatchIndex(text)
		if m == nil {
			continue
		}
		a := &decAnnexRef{kind: vocab.DocDecision, pos: l.pos}
		if decKey(text[m[2]:m[3]]) == "ke hoach" {
			a.kind = vocab.DocPlan
		}
		if m[6] >= 0 {
			a.number = decCompactNumber(text[m[4]:m[5]], text[m[6]:m[7]])
		}
		a.date, _ = decFindDate(text[m[1]:])
		r.annex = a
		return
	}
}

// guessType says what the document is when no heading names it: from the number's sign
// ("/QĐ-"), the metadata, or the annex line.
func (r *decisionReader) guessType() vocab.DocumentType {
	pos := r.start
	switch {
	case r.numberLine != nil && strings.Contains(fold.String(r.numberLine.text), "/qd"):
		r.ns.unsure(r.numberLine.pos, "document.type: không thấy dòng “QUYẾT ĐỊNH”; theo số hiệu %s", r.numberLine.text)
		return vocab.DocDecision
	case r.numberLine != nil && strings.Contains(fold.String(r.numberLine.text), "/kh"):
		r.ns.unsure(r.numberLine.pos, "document.type: không thấy dòng “KẾ HOẠCH”; theo số hiệu %s", r.numberLine.text)
		return vocab.DocPlan
	}
	if m, ok := r.meta["type"]; ok {
		switch decKey(m.text) {
		case "quyet dinh":
			r.ns.unsure(m.pos, "document.type: không thấy dòng tên loại văn bản; lấy từ “Loại văn bản” ở phần thông tin văn bản")
			return vocab.DocDecision
		case "ke hoach":
			r.ns.unsure(m.pos, "document.type: không thấy dòng tên loại văn bản; lấy từ “Loại văn bản” ở phần thông tin văn bản")
			return vocab.DocPlan
		}
	}
	if r.annex != nil {
		r.ns.unsure(r.annex.pos, "document.type: không thấy dòng tên loại văn bản; theo dòng “(Kèm theo %s số ...)”", r.annex.kind)
		return r.annex.kind
	}
	r.ns.unsure(pos, "document.type: không thấy dòng “QUYẾT ĐỊNH” hay “KẾ HOẠCH” ở đầu văn bản")
	return 0
}

// readClosing reads the "Nơi nhận:" list and the signature block after line i.
func (r *decisionReader) readClosing(i int) {
	doc := &r.d.Document
	recipients, block := false, false
	for j := i; j < len(r.lines) && !(recipients && block); j++ {
		l := r.lines[j]
		if !recipients && strings.HasPrefix(decKey(l.text), "noi nhan") && decStartsUpper(l.text) {
			recipients = true
			doc.Recipients = r.readRecipients(j)
			continue
		}
		if !block && decSignatureLine(l.text) {
			block = true
			k := j
			for k < len(r.lines) && decSignatureLine(r.lines[k].text) && k-j < 4 {
				r.block = append(r.block, r.lines[k])
				k++
			}
			r.blockEnd = k
			j = k - 1
		}
	}
}

// readRecipients reads the list after the "Nơi nhận:" line at i: "- " items, an item
// broken over lines joined, until a line that is not part of the list.
func (r *decisionReader) readRecipients(i int) []string {
	var out []string
	head := r.lines[i]
	var todo []decLine
	if _, after, ok := strings.Cut(head.text, ":"); ok && strings.TrimSpace(after) != "" {
		todo = append(todo, decLine{strings.TrimSpace(after), head.pos, head.cell})
	}
	for j := i + 1; j < len(r.lines); j++ {
		todo = append(todo, r.lines[j])
	}
	cell := head.cell
	for k, l := range todo {
		if m := decBullet.FindStringIndex(l.text); m != nil {
			if item := strings.TrimSpace(l.text[m[1]:]); item != "" {
				out = append(out, item)
			}
			cell = l.cell
			continue
		}
		if k == 0 || len(out) == 0 || l.cell != cell || decIsCaps(l.text) || decSignatureLine(l.text) || decClauseKind(l.text) != "" {
			break
		}
		last := &out[len(out)-1]
		if strings.HasSuffix(*last, ";") || strings.HasSuffix(*last, ".") {
			break
		}
		*last += " " + l.text
	}
	return out
}

// paragraph joins line i with the lines that continue it (a copy that broke lines
// mid-sentence) and returns the text and the index of the line after it.
func (r *decisionReader) paragraph(i int) (string, int) {
	text := r.lines[i].text
	cell := r.lines[i].cell
	j := i + 1
	for ; j < len(r.lines); j++ {
		l := r.lines[j]
		if l.cell != cell || !decContinues(text, l.text) {
			break
		}
		text += " " + l.text
	}
	return text, j
}

// decContinues reports whether next goes on with the sentence prev ends: it starts no clause,
// heading, numbered point or list item, and does not start with a capital after a sentence
// or clause ended (";", ".", ":"). A bare "Điều 1." goes on with its text.
func decContinues(prev, next string) bool {
	if decArticleOnly.MatchString(prev) {
		return decClauseKind(next) == "" && !decIsCaps(next)
	}
	if decClauseKind(next) != "" || decIsCaps(next) || decNumbered.MatchString(next) || decBullet.MatchString(next) || strings.HasPrefix(next, "(") {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(prev); strings.ContainsRune(";.:!?", last) && decStartsUpper(next) {
		return false
	}
	return true
}

// settle turns what was read into the Decision, with the fallbacks and the notes.
func (r *decisionReader) settle() {
	doc := &r.d.Document
	r.settleNumber()
	r.settleDate()
	if doc.Place != "" {
		r.addPlace(doc.Place)
	}

	// The document's title.
	switch {
	case len(r.titleLines) > 0:
		texts := make([]string, len(r.titleLines))
		for i, l := range r.titleLines {
			texts[i] = l.text
		}
		title := strings.Join(texts, " ")
		if decIsCaps(title) {
			var unsure bool
			title, unsure = r.sentenceCase(title, true)
			if unsure {
				r.ns.unsure(r.titleLines[0].pos, "document.title: bản gốc in hoa; đã chuyển sang chữ thường, cần kiểm tra chữ hoa của tên riêng: %s", clip(title))
			}
		}
		if strings.HasPrefix(title, "V/v ") || strings.HasPrefix(title, "V/V ") {
			title = "Về việc " + strings.TrimSpace(title[4:])
		}
		doc.Title = title
	default:
		r.ns.unsure(r.headPos, "document.title: không thấy tên văn bản sau dòng tên loại văn bản")
	}

	r.settleIssuer()
	r.settleSignature()

	if len(doc.LegalBases) == 0 {
		r.ns.unsure(r.headPos, "document.legal_bases: không thấy đoạn “Căn cứ ...”")
	}
	if doc.Proposal == "" && doc.Type == vocab.DocDecision {
		r.ns.unsure(r.headPos, "document.proposal: không thấy đoạn “Theo đề nghị của ...”")
	}
	if doc.Recipients == nil {
		r.ns.unsure(r.headPos, "document.recipients: không thấy phần “Nơi nhận:”")
	}

	r.settlePlanTitle()
	r.settleYear()
}

// readAppendixTitle reads the appendix's own title: the lines after a "PHỤ LỤC" line (or,
// without one, the lines in capitals right before the "(Kèm theo ...)" line) up to that
// line. Where no plan's title was found, as in a source that is the appendix alone, a
// title naming a plan ("KẾ HOẠCH KIỂM SOÁT ... NĂM 2022 ...") is taken as the plan's.
func (r *decisionReader) readAppendixTitle() {
	var lines []decLine
	for i, l := range r.lines {
		k := decKey(l.text)
		if k != "phu luc" && !decAppendixLine.MatchString(k) {
			continue
		}
		lines = lines[:0]
		for _, m := range r.lines[i+1:] {
			if strings.HasPrefix(m.text, "(") || decClauseKind(m.text) != "" || len(lines) == 4 {
				break
			}
			lines = append(lines, m)
		}
	}
	if len(lines) == 0 && r.annex != nil {
		at := slices.IndexFunc(r.lines, func(l decLine) bool { return l.pos == r.annex.pos })
		for j := at - 1; j >= 0 && j >= at-3 && decIsCaps(r.lines[j].text) && !decSignatureLine(r.lines[j].text); j-- {
			if t, _ := decHeadingType(r.lines[j].text); t != 0 {
				break
			}
			lines = append([]decLine{r.lines[j]}, lines...)
		}
	}
	if len(lines) == 0 {
		return
	}
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	title := strings.Join(texts, " ")
	if decIsCaps(title) {
		title, _ = r.sentenceCase(title, true)
	}
	r.d.Appendix = title
	words := strings.Fields(title)
	if r.d.Title == "" && len(words) > 2 && decWordKey(words[0]) == "ke" && decWordKey(words[1]) == "hoach" {
		r.d.Title = decUpperFirst(title)
		r.ns.unsure(lines[0].pos, "title: tên Kế hoạch lấy từ tên Phụ lục (văn bản không có phần Quyết định): %s", clip(title))
	}
}

// decAppendixLine is a folded "PHỤ LỤC I", "PHỤ LỤC 2".
var decAppendixLine = regexp.MustCompile(`^phu luc (?:[ivxl]+|\d+)$`)

func (r *decisionReader) settleNumber() {
	doc := &r.d.Document
	a := r.annex
	if a != nil && doc.Type != 0 && a.kind != doc.Type {
		a = nil // it names another document
	}
	switch {
	case r.numberLine != nil && r.numberLine.text != "":
		doc.Number = r.numberLine.text
		if a != nil && a.number != "" && a.number != doc.Number {
			r.ns.unsure(a.pos, "document.number: số %s ở đầu văn bản khác số %s ở dòng “(Kèm theo ...)”", doc.Number, a.number)
		}
	case r.numberSeen:
		r.ns.unsure(r.numberLine.pos, "document.number: văn bản để trống số (“%s”)", r.numberRaw)
	case a != nil && a.number != "":
		doc.Number = a.number
		r.ns.unsure(a.pos, "document.number: đầu văn bản không có dòng “Số:”; số %s lấy từ dòng “(Kèm theo %s số ...)”", a.number, a.kind)
	default:
		if m, ok := r.meta["number"]; ok {
			doc.Number = strings.Join(strings.Fields(m.text), "")
			r.ns.unsure(m.pos, "document.number: đầu văn bản không có dòng “Số:”; số %s lấy từ “Số hiệu” ở phần thông tin văn bản", doc.Number)
			return
		}
		r.ns.unsure(r.start, "document.number: không thấy số văn bản (dòng “Số:” hay “Kèm theo ... số”)")
	}
}

func (r *decisionReader) settleDate() {
	doc := &r.d.Document
	a := r.annex
	if a != nil && doc.Type != 0 && a.kind != doc.Type {
		a = nil
	}
	looked := r.headPos
	if r.dateLine != nil {
		looked = r.dateLine.pos
		if m := decPlaceDate.FindStringSubmatch(r.dateLine.text); m != nil {
			doc.Place = strings.TrimSpace(m[1])
		}
		if doc.Place == "" {
			r.ns.unsure(looked, "document.place: dòng ngày tháng không ghi địa danh")
		}
		if d, ok := decFindDate(r.dateLine.text); ok {
			r.setDate(d)
			switch {
			case d.filled() && doc.Date.IsZero():
				r.ns.unsure(looked, "document.date: ngày in không có thật (“%s”)", d.text)
			case doc.Date.IsZero() && a != nil && a.date.text != "" && a.date.text != d.text:
				r.ns.unsure(looked, "document.date: văn bản để trống ngày (“%s”); dòng “(Kèm theo ...)” ghi “%s”", d.text, a.date.text)
			case doc.Date.IsZero():
				r.ns.unsure(looked, "document.date: văn bản để trống ngày (“%s”)", d.text)
			case a != nil && a.date.complete() && !a.date.time().Equal(doc.Date):
				r.ns.unsure(a.pos, "document.date: ngày ở đầu văn bản (%s) khác ngày ở dòng “(Kèm theo ...)” (%s)", d.text, a.date.text)
			}
			return
		}
	} else {
		r.ns.unsure(looked, "document.place: đầu văn bản không có dòng “<địa danh>, ngày ... tháng ... năm ...”")
	}
	switch {
	case a != nil && a.date.text != "":
		r.setDate(a.date)
		r.ns.unsure(a.pos, "document.date: đầu văn bản không ghi ngày; ngày lấy từ dòng “(Kèm theo %s số ...)”: %s", a.kind, a.date.text)
	case r.meta["date"].text != "":
		m := r.meta["date"]
		d, ok := decFindDate("ngày " + m.text)
		if !ok {
			r.ns.unsure(m.pos, "document.date: không đọc được “Ngày ban hành” %q", m.text)
			return
		}
		r.setDate(d)
		r.ns.unsure(m.pos, "document.date: đầu văn bản không ghi ngày; ngày lấy từ “Ngày ban hành” ở phần thông tin văn bản")
	default:
		r.ns.unsure(looked, "document.date: không thấy ngày ký")
	}
}

func (r *decisionReader) setDate(d decDate) {
	doc := &r.d.Document
	if d.complete() {
		doc.Date = d.time()
		return
	}
	doc.DateText = d.text
}

// settleIssuer completes the issuer's line with the place it names ("ỦY BAN NHÂN DÂN TỈNH"
// is "Ủy ban nhân dân tỉnh Thừa Thiên Huế"), or makes the issuer from the signature block
// ("TM. ỦY BAN NHÂN DÂN") when no line names it.
func (r *decisionReader) settleIssuer() {
	doc := &r.d.Document
	if r.issuerLine != nil {
		issuer, _ := r.sentenceCase(r.issuerLine.text, false)
		words := strings.Fields(issuer)
		if level := decLevelAtEnd(words); level != "" {
			name, ok := r.placeName(level)
			switch {
			case name == "":
				r.ns.unsure(r.issuerLine.pos, "document.issuer: dòng cơ quan ban hành không ghi tên địa phương: %s", issuer)
			case !ok:
				r.ns.unsure(r.issuerLine.pos, "document.issuer: dòng cơ quan ban hành không ghi tên địa phương; thêm “%s” theo nội dung văn bản", name)
			}
			if name != "" {
				issuer += " " + name
			}
		}
		doc.Issuer = issuer
		return
	}
	for _, l := range r.block {
		m := decSignPrefix.FindStringSubmatch(l.text)
		if m == nil || !strings.EqualFold(m[1], "TM") {
			continue
		}
		body, _ := r.sentenceCase(m[2], false)
		issuer := body
		if decLevelAtEnd(strings.Fields(body)) == "" {
			if phrase := r.placePhrase(doc.Place); phrase != "" {
				issuer += " " + phrase
			}
		}
		doc.Issuer = issuer
		r.ns.unsure(l.pos, "document.issuer: văn bản không in dòng cơ quan ban hành; suy từ khối chữ ký “%s” và địa danh: %s", l.text, issuer)
		return
	}
	r.ns.unsure(r.headPos, "document.issuer: không thấy dòng cơ quan ban hành")
}

// settleSignature reads the signer's title from the block and the name after it.
func (r *decisionReader) settleSignature() {
	doc := &r.d.Document
	if len(r.block) == 0 {
		r.ns.unsure(r.start, "document.signer_title: không thấy khối chữ ký (“TM. ...”, “KT. CHỦ TỊCH”, ...)")
	} else {
		parts := make([]string, len(r.block))
		for i, l := range r.block {
			parts[i] = r.signerTitleLine(l.text)
		}
		doc.SignerTitle = strings.Join(parts, " – ")
	}
	name := ""
	var namePos diag.Pos
	for k := r.blockEnd; len(r.block) > 0 && k < len(r.lines) && k <= r.blockEnd+3; k++ {
		t := r.lines[k].text
		if decSignedMark.MatchString(t) {
			continue
		}
		if decPersonName(t) {
			name, namePos = t, r.lines[k].pos
		}
		break
	}
	meta, hasMeta := r.meta["signer"]
	switch {
	case name != "":
		doc.Signer = name
		if hasMeta && fold.String(meta.text) != fold.String(name) {
			r.ns.unsure(namePos, "document.signer: tên dưới chữ ký (%s) khác “Người ký” ở phần thông tin văn bản (%s)", name, meta.text)
		}
	case hasMeta:
		doc.Signer = meta.text
		r.ns.unsure(meta.pos, "document.signer: khối chữ ký không in tên người ký; lấy từ “Người ký” ở phần thông tin văn bản: %s", meta.text)
	case len(r.block) > 0:
		r.ns.unsure(r.block[len(r.block)-1].pos, "document.signer: khối chữ ký không in tên người ký")
	default:
		r.ns.unsure(r.start, "document.signer: không thấy tên người ký")
	}
}

// signerTitleLine puts a line of the signature block in the case content writes it:
// "KT. CHỦ TỊCH" is "KT. Chủ tịch", "PHÓ CHỦ TỊCH" is "Phó Chủ tịch".
func (r *decisionReader) signerTitleLine(s string) string {
	prefix := ""
	if m := decSignPrefix.FindStringSubmatch(s); m != nil {
		prefix, s = strings.ToUpper(m[1])+". ", m[2]
	}
	if decIsCaps(s) {
		s, _ = r.sentenceCase(s, false)
	}
	if words := strings.Fields(s); len(words) > 1 && words[0] == "Phó" {
		words[1] = decRecase(words[1], decCaseTitle)
		s = strings.Join(words, " ")
	}
	return prefix + s
}

// settlePlanTitle takes the plan's name from Điều 1, its own heading, or the title of a
// plan issued directly.
func (r *decisionReader) settlePlanTitle() {
	doc := &r.d.Document
	heading := ""
	if r.planHeading != nil {
		heading = r.planHeading.text
		if decIsCaps(heading) {
			heading, _ = r.sentenceCase(heading, true)
		}
		// Some print "KẾ HOẠCH ..." as one line, the heading and the name together.
		if words := strings.Fields(heading); len(words) > 2 && decWordKey(words[0]) == "ke" && decWordKey(words[1]) == "hoach" {
			heading = strings.Join(words[2:], " ")
		}
		heading = decLowerFirst(heading)
	}
	switch {
	case r.article1 != "":
		r.d.Title = r.article1
		if heading != "" && fold.Slug("Kế hoạch "+heading) != fold.Slug(r.article1) {
			r.ns.unsure(r.planHeading.pos, "title: tên Kế hoạch lấy theo Điều 1 (%s); tiêu đề in ở đầu Kế hoạch khác: %s", clip(r.article1), clip(r.planHeading.text))
		}
	case heading != "":
		r.d.Title = "Kế hoạch " + heading
		if decIsCaps(r.planHeading.text) {
			r.ns.unsure(r.planHeading.pos, "title: tên Kế hoạch lấy từ tiêu đề in hoa của Kế hoạch; cần kiểm tra chữ hoa của tên riêng")
		}
	case doc.Type == vocab.DocPlan && doc.Title != "":
		r.d.Title = "Kế hoạch " + decLowerFirst(doc.Title)
	case doc.Title != "":
		words := strings.Fields(doc.Title)
		for k := 0; k+1 < len(words); k++ {
			if decWordKey(words[k]) == "ke" && decWordKey(words[k+1]) == "hoach" {
				r.d.Title = decUpperFirst(strings.Join(words[k:], " "))
				r.ns.unsure(r.titleLines[0].pos, "title: không thấy tên Kế hoạch ở Điều 1 hay ở đầu Kế hoạch; lấy từ tên Quyết định")
				break
			}
		}
	}
	r.readAppendixTitle()
	if r.d.Title == "" {
		r.ns.unsure(r.headPos, "title: không thấy tên Kế hoạch")
	}
}

var decPlanYear = regexp.MustCompile(`(?i:năm)\s+(\d{4})`)

// settleYear reads the plan's year from its title ("... năm 2024 ..."), or the title of
// its appendix; failing that, the year of the signing date.
func (r *decisionReader) settleYear() {
	for _, s := range []string{r.d.Title, r.d.Document.Title} {
		if m := decPlanYear.FindAllStringSubmatch(s, -1); m != nil {
			r.d.Year, _ = strconv.Atoi(m[len(m)-1][1])
			return
		}
	}
	if m := decPlanYear.FindAllStringSubmatch(r.d.Appendix, -1); m != nil {
		r.d.Year, _ = strconv.Atoi(m[len(m)-1][1])
		r.ns.unsure(r.headPos, "year: văn bản không có tên Kế hoạch ghi năm; lấy năm %d từ tên Phụ lục (%s)", r.d.Year, clip(r.d.Appendix))
		return
	}
	doc := &r.d.Document
	switch {
	case !doc.Date.IsZero():
		r.d.Year = doc.Date.Year()
		r.ns.unsure(r.headPos, "year: tên Kế hoạch không ghi năm; lấy năm ký %d", r.d.Year)
	default:
		if m := decYearRe.FindStringSubmatch(doc.DateText); m != nil {
			r.d.Year, _ = strconv.Atoi(m[1])
			r.ns.unsure(r.headPos, "year: tên Kế hoạch không ghi năm; lấy năm ký %d", r.d.Year)
			return
		}
		r.ns.unsure(r.headPos, "year: không thấy năm của Kế hoạch")
	}
}

// ---------------------------------------------------------------- lines

var (
	// "Số: 242/QĐ-UBND", "Số: /KH-UBND" (printed blank).
	decNumberRe = regexp.MustCompile(`^(?i:số)\s*[:.]?\s*(\d*)\s*(/\s*[\p{L}\d]+(?:\s*[-–]\s*[\p{L}\d.]+)*)`)
	// "An Giang, ngày 24 tháng 02 năm 2025".
	// The day and month may be left blank, as spaces, dots or underscores.
	decPlaceDate = regexp.MustCompile(`^([^,]{2,40}),\s*(?i:ngày)(?:[\s._…]|$)`)
	decYearRe    = regexp.MustCompile(`(?i:năm)\s*(\d{4})`)
	decDateWords = regexp.MustCompile(`(?i:ngày)[\s._…]*(\d{1,2})?[\s._…]*(?i:tháng)[\s._…]*(\d{1,2})?[\s._…]*(?i:năm)\s*(\d{4})?`)
	decDateSlash = regexp.MustCompile(`(?i:ngày)\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`)
	// "(Ban hành kèm theo Quyết định số 242/QĐ-UBND ngày ...)".
	decAnnexRe    = regexp.MustCompile(`(?i:kèm theo)\s+((?i:quyết định|kế hoạch))\s+(?:(?i:số)\s*:?\s*)?(\d*)\s*(/\s*[\p{L}\d]+(?:\s*[-–]\s*[\p{L}\d]+)*)?`)
	decArticle1Re = regexp.MustCompile(`^Điều\s+1(?:\D|$)`)
	// A bare article number, its text on the next line.
	decArticleOnly = regexp.MustCompile(`^Điều\s+\d+\s*[.:]?$`)
	// Numbered points and headings: "I.", "1.", "1.2.", "a)", "đ)".
	decNumbered = regexp.MustCompile(`^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s`)
	decBullet   = regexp.MustCompile(`^[-–—+•]\s*`)
	// The prefixes of a signature block: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH".
	decSignPrefix = regexp.MustCompile(`^(?i)(TM|KT|TL|TUQ|Q)\s*\.\s*(\S.*)$`)
	// The functions a signature block names, folded.
	decSignRole = regexp.MustCompile(`^(pho )?(chu tich|giam doc|truong ban|chanh van phong|bo truong|thu truong|thu tuong|truong phong|bi thu|cuc truong|tong cuc truong|vien truong|chanh thanh tra|truong)$`)
	// What copies print where the signature is.
	decSignedMark = regexp.MustCompile(`(?i)^[(\[]?\s*(đã ký|da ky|ký|signed)[^)\]]*[)\]]?$`)
)

// decCompactNumber writes a number as content does: "242" and "/QĐ - UBND" are "242/QĐ-UBND".
func decCompactNumber(n, sign string) string {
	if n == "" {
		return ""
	}
	return n + strings.Join(strings.Fields(sign), "")
}

// decDate is a date as printed, its parts 0 where blank.
type decDate struct {
	day, month, year int
	text             string // "ngày 24 tháng 02 năm 2025"
}

// filled reports whether every part is printed, complete whether they make a real date.
func (d decDate) filled() bool { return d.day > 0 && d.month > 0 && d.year > 0 }

func (d decDate) complete() bool {
	if d.day == 0 || d.month == 0 || d.year == 0 || d.month > 12 {
		return false
	}
	return d.time().Day() == d.day
}

func (d decDate) time() time.Time {
	return time.Date(d.year, time.Month(d.month), d.day, 0, 0, 0, 0, time.UTC)
}

// decFindDate finds the first date in s: "ngày 24 tháng 02 năm 2025", "ngày 26/12/2023", or
// one with blanks ("ngày tháng năm 2024").
func decFindDate(s string) (decDate, bool) {
	if m := decDateSlash.FindStringSubmatch(s); m != nil {
		d := decDate{text: strings.Join(strings.Fields(m[0]), " ")}
		d.day, _ = strconv.Atoi(m[1])
		d.month, _ = strconv.Atoi(m[2])
		d.year, _ = strconv.Atoi(m[3])
		if w := decDateWords.FindStringIndex(s); w == nil || w[0] > strings.Index(s, m[0]) {
			return d, true
		}
	}
	m := decDateWords.FindStringSubmatch(s)
	if m == nil {
		return decDate{}, false
	}
	d := decDate{text: strings.Join(strings.Fields(m[0]), " ")}
	d.day, _ = strconv.Atoi(m[1])
	d.month, _ = strconv.Atoi(m[2])
	d.year, _ = strconv.Atoi(m[3])
	return d, true
}

// decDateGoesOn reports whether a line goes on with a date broken after "ngày".
func decDateGoesOn(s string) bool {
	k := decKey(s)
	return k != "" && (k[0] >= '0' && k[0] <= '9' || strings.HasPrefix(k, "thang") || strings.HasPrefix(k, "nam"))
}

// decHeadingType says whether a line is a type heading ("QUYẾT ĐỊNH", "KẾ HOẠCH", in
// capitals) and whether it ends with a colon (the operative "QUYẾT ĐỊNH:").
func decHeadingType(s string) (vocab.DocumentType, bool) {
	if !decIsCaps(s) {
		return 0, false
	}
	colon := strings.HasSuffix(s, ":")
	switch strings.ReplaceAll(decKey(s), " ", "") {
	case "quyetdinh":
		return vocab.DocDecision, colon
	case "kehoach":
		return vocab.DocPlan, colon
	}
	return 0, false
}

// decClauseKind says what clause a line starts: "basis" (Căn cứ), "proposal" (Theo đề nghị,
// Xét đề nghị), "implementation" (Thực hiện), "article" (Điều N), "recipients" (Nơi nhận);
// "" if none. A clause starts with a capital.
func decClauseKind(s string) string {
	if !decStartsUpper(s) {
		return ""
	}
	k := decKey(s) + " "
	switch {
	case strings.HasPrefix(k, "can cu "):
		return "basis"
	case strings.HasPrefix(k, "theo de nghi "), strings.HasPrefix(k, "xet de nghi "):
		return "proposal"
	case strings.HasPrefix(k, "thuc hien "):
		return "implementation"
	case strings.HasPrefix(s, "Điều ") && len(k) > 5 && k[5] >= '0' && k[5] <= '9':
		return "article"
	case strings.HasPrefix(k, "noi nhan "):
		return "recipients"
	}
	return ""
}

// decAuthorityWords start the issuer's line of a decision, folded.
var decAuthorityWords = []string{"uy ban nhan dan", "chu tich", "hoi dong nhan dan", "giam doc", "bo truong", "thu tuong", "truong ban", "ban chi dao", "chanh van phong", "cuc truong", "tong cuc truong", "ban nhan dan"}

func decIsAuthority(s string) bool {
	k := decKey(s) + " "
	for _, w := range decAuthorityWords {
		if strings.HasPrefix(k, w+" ") {
			return true
		}
	}
	return false
}

// decSignatureLine reports whether a line belongs to a signature block: a prefix such as "TM."
// or "KT." before capitals, or a function in capitals ("PHÓ CHỦ TỊCH").
func decSignatureLine(s string) bool {
	if !decIsCaps(s) {
		return false
	}
	if m := decSignPrefix.FindStringSubmatch(s); m != nil {
		return decIsCaps(m[2])
	}
	return decSignRole.MatchString(decKey(s))
}

// decPersonName reports whether a line looks like a person's name: two to seven words, each a
// capital followed by small letters.
func decPersonName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 7 {
		return false
	}
	for _, w := range words {
		for i, c := range w {
			if !unicode.IsLetter(c) || (i == 0) != unicode.IsUpper(c) {
				return false
			}
		}
	}
	return true
}

// ---------------------------------------------------------------- case

// decCase is how a word is written: in small letters, with a capital, or in capitals.
type decCase uint8

const (
	decCaseLower decCase = iota
	decCaseTitle
	decCaseUpper
)

// decCasing is a run of words and how the document writes each.
type decCasing struct {
	keys  []string // the words folded
	cases []decCase
}

func newDecCasing(s string) decCasing {
	var c decCasing
	for _, w := range strings.Fields(s) {
		c.keys = append(c.keys, decCaseKey(w))
		c.cases = append(c.cases, decCaseOf(w))
	}
	return c
}

// decFixedCasings are the capitals of official names and titles, which Vietnamese keeps in a
// sentence: "Ủy ban nhân dân", "Phó Chủ tịch", "ban hành Kế hoạch".
var decFixedCasings = func() []decCasing {
	var out []decCasing
	for _, s := range []string{
		"Ủy ban nhân dân", "Hội đồng nhân dân", "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc",
		"Chính phủ", "Thủ tướng Chính phủ", "Quốc hội", "Trung ương",
		"ban hành Kế hoạch", "ban hành Chương trình", "ban hành Đề án", "ban hành Quy chế",
		"phê duyệt Kế hoạch", "phê duyệt Đề án",
	} {
		out = append(out, newDecCasing(s))
	}
	return out
}()

func decCaseOf(w string) decCase {
	upper, lower, first := 0, 0, true
	firstUpper := false
	for _, c := range w {
		if !unicode.IsLetter(c) {
			continue
		}
		if first {
			firstUpper, first = unicode.IsUpper(c), false
		}
		switch {
		case unicode.IsUpper(c):
			upper++
		case unicode.IsLower(c):
			lower++
		}
	}
	switch {
	case upper >= 2 && lower == 0:
		return decCaseUpper
	case firstUpper:
		return decCaseTitle
	}
	return decCaseLower
}

// decRecase writes w's letters in case c.
func decRecase(w string, c decCase) string {
	var b strings.Builder
	first := true
	for _, r := range w {
		if unicode.IsLetter(r) {
			if c == decCaseUpper || c == decCaseTitle && first {
				r = unicode.ToUpper(r)
			} else {
				r = unicode.ToLower(r)
			}
			first = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// learnCasing collects the capitals the document's mixed-case text gives names: places
// after their level ("tỉnh An Giang", "huyện Vĩnh Linh"), acronyms ("TTHC") and names of
// several capitalised words.
func (r *decisionReader) learnCasing() {
	for _, l := range r.lines {
		if !decMostlySmall(l.text) {
			continue
		}
		for _, m := range decPlaceRe.FindAllStringSubmatch(l.text, -1) {
			level := decKey(m[1])
			if r.places[level] == nil {
				r.places[level] = map[string]int{}
			}
			r.places[level][m[2]]++
		}
		for _, w := range strings.FieldsFunc(l.text, func(c rune) bool { return !unicode.IsLetter(c) }) {
			if utf8.RuneCountInString(w) >= 2 && decCaseOf(w) == decCaseUpper {
				r.acronyms[w] = true
			}
		}
		// Runs of capitalised words inside a sentence name something: "Sở Nội vụ" gives
		// "Sở Nội", "Đài Phát thanh" gives "Đài Phát".
		words := strings.Fields(l.text)
		for k := 1; k < len(words); {
			prev := words[k-1]
			if decCaseOf(words[k]) != decCaseTitle || strings.ContainsAny(prev[len(prev)-1:], ".;:!?") {
				k++
				continue
			}
			n := k
			for n < len(words) && decCaseOf(words[n]) == decCaseTitle && decWordKey(words[n]) != "" {
				n++
				if strings.ContainsAny(words[n-1][len(words[n-1])-1:], ".,;:!?)") {
					break
				}
			}
			run := words[k:n]
			for len(run) > 0 && decLevelOf(strings.ToLower(run[0])) != "" {
				run = run[1:]
			}
			if len(run) >= 2 {
				r.names[strings.Join(run, " ")] = true
			}
			k = n + 1
		}
	}
}

var decPlaceRe = regexp.MustCompile(`(?:^|[\s(,;])((?:[tT]ỉnh|[tT]hành phố|[hH]uyện|[qQ]uận|[tT]hị xã|[tT]hị trấn|[xX]ã|[pP]hường))\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*)`)

// addPlace adds the place of the date line to the known names.
func (r *decisionReader) addPlace(place string) {
	if r.places[""] == nil {
		r.places[""] = map[string]int{}
	}
	r.places[""][place]++
}

// knownNames lists the names and acronyms whose capitals the document gives, in the order
// they are to be applied: acronyms and runs of capitalised words, then places with their
// level in small letters ("tỉnh An Giang"), which settle "TỈNH AN GIANG" over a run
// "Tỉnh An Giang" that opened a line.
func (r *decisionReader) knownNames() []string {
	var runs, places []string
	for w := range r.acronyms {
		runs = append(runs, w)
	}
	for w := range r.names {
		runs = append(runs, w)
	}
	for level, names := range r.places {
		for name := range names {
			places = append(places, name)
			if level != "" {
				places = append(places, decLevelWords[level]+" "+name)
			}
		}
	}
	sort.Strings(runs)
	sort.Strings(places)
	return append(runs, places...)
}

// decLevelWords writes the folded levels of localities.
var decLevelWords = map[string]string{"tinh": "tỉnh", "thanh pho": "thành phố", "huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "thi tran": "thị trấn", "xa": "xã", "phuong": "phường"}

// placeName returns the name of the locality at level ("tinh"): the place of the date line
// if the text names it at that level, else the name the text gives most often at that level
// (ok false), else the place of the date line (ok false).
func (r *decisionReader) placeName(level string) (string, bool) {
	names := r.places[level]
	if _, ok := names[r.d.Document.Place]; ok && r.d.Document.Place != "" {
		return r.d.Document.Place, true
	}
	best, n := "", 0
	for name, c := range names {
		if c > n || c == n && name < best {
			best, n = name, c
		}
	}
	if best != "" {
		return best, false
	}
	return r.d.Document.Place, false
}

// placePhrase returns place with the level the text gives it ("huyện Vĩnh Linh"), or "".
func (r *decisionReader) placePhrase(place string) string {
	if place == "" {
		return ""
	}
	best, n := "", 0
	for level, names := range r.places {
		if level == "" {
			continue
		}
		if c := names[place]; c > n || c == n && c > 0 && level < best {
			best, n = level, c
		}
	}
	if best == "" {
		return ""
	}
	for _, l := range r.lines {
		for _, m := range decPlaceRe.FindAllStringSubmatch(l.text, -1) {
			if decKey(m[1]) == best && m[2] == place {
				return decRecase(m[1], decCaseLower) + " " + place
			}
		}
	}
	return ""
}

// decLevelAtEnd returns the folded level word that ends words without a name ("tinh" for
// "Ủy ban nhân dân tỉnh"), or "". Levels are compared with their diacritics: "Hà Tĩnh"
// ends with a name, not with "tỉnh".
func decLevelAtEnd(words []string) string {
	n := len(words)
	if n == 0 {
		return ""
	}
	if n >= 2 {
		if level := decLevelOf(words[n-2] + " " + words[n-1]); level != "" {
			return level
		}
	}
	return decLevelOf(words[n-1])
}

// decLevelOf returns the folded level a word (or two) in small letters names: "tỉnh" is
// "tinh", "thành phố" is "thanh pho"; "" for anything else, "Tĩnh" and "Tỉnh" included.
func decLevelOf(s string) string {
	s = strings.Trim(s, ".,;:()")
	for k, w := range decLevelWords {
		if s == w {
			return k
		}
	}
	return ""
}

// sentenceCase writes a text printed in capitals in sentence case: small letters but for
// the first, the capitals of official names, and those the document's mixed-case text gives
// its names, acronyms and (when plan is set) the plan's name in Điều 1. unsure reports words
// whose case no known name settled, beyond the opening words of a title ("Về việc ban
// hành").
func (r *decisionReader) sentenceCase(s string, plan bool) (string, bool) {
	words := strings.Fields(s)
	known := make([]bool, len(words))
	for i, w := range words {
		if strings.ContainsAny(w, "0123456789/") {
			known[i] = true
			continue
		}
		words[i] = decRecase(w, decCaseLower)
	}
	apply := func(c decCasing, mark bool) {
		for i := 0; i+len(c.keys) <= len(words); i++ {
			match := true
			for k, key := range c.keys {
				if decCaseKey(words[i+k]) != key {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			for k := range c.keys {
				words[i+k] = decRecase(words[i+k], c.cases[k])
				known[i+k] = known[i+k] || mark
			}
		}
	}
	for _, c := range decFixedCasings {
		apply(c, false)
	}
	for _, name := range r.knownNames() {
		apply(newDecCasing(name), true)
	}
	if plan && r.article1 != "" {
		c := newDecCasing(r.article1)
		apply(c, true)
		if len(c.keys) > 2 && c.keys[0] == decCaseKey("kế") && c.keys[1] == decCaseKey("hoạch") {
			// The plan's heading prints its name without "Kế hoạch".
			apply(decCasing{c.keys[2:], c.cases[2:]}, true)
		}
	}
	if len(words) > 0 {
		words[0] = decUpperFirst(words[0])
	}
	unsure := false
	lead := map[string]bool{"ve": true, "viec": true, "ban": true, "hanh": true, "phe": true, "duyet": true, "ke": true, "hoach": true}
	for i, w := range words {
		if !known[i] && !lead[decWordKey(w)] && decWordKey(w) != "" {
			unsure = true
		}
	}
	return strings.Join(words, " "), unsure
}

// ---------------------------------------------------------------- text helpers

// decKey folds s and keeps its letters and digits, words separated by single spaces:
// "QUYẾT ĐỊNH:" is "quyet dinh".
func decKey(s string) string {
	return strings.Join(strings.FieldsFunc(fold.String(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// decCaseKey is a word in small letters without the punctuation around it, for matching
// words whatever their case. Unlike decKey it keeps the diacritics ("số" is not "sở"), but
// the tone mark goes to the end, so that the old and new placements match ("UỶ", "ỦY").
func decCaseKey(w string) string {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var base, tones []rune
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch r {
		case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323': // huyền, sắc, ngã, hỏi, nặng
			tones = append(tones, r)
		default:
			base = append(base, r)
		}
	}
	return string(append(base, tones...))
}

// decWordKey is decKey of one word, without the punctuation around it.
func decWordKey(w string) string { return strings.ReplaceAll(decKey(w), " ", "") }

// decLetters counts the capital and the small letters of s.
func decLetters(s string) (upper, lower int) {
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	return upper, lower
}

// decIsCaps reports whether s is printed in capitals.
func decIsCaps(s string) bool {
	upper, lower := decLetters(s)
	return upper >= 2 && lower == 0
}

// decMostlySmall reports whether most letters of s are small: running text, not a heading.
func decMostlySmall(s string) bool {
	upper, lower := decLetters(s)
	return lower >= 2*upper && lower > 0
}

func decStartsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func decUpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// decLowerFirst puts the first letter of a title in small letters ("Kiểm soát ..." after
// "Kế hoạch"), unless the first word is an acronym or a name (its next word has a capital
// too).
func decLowerFirst(s string) string {
	words := strings.Fields(s)
	if len(words) == 0 || decCaseOf(words[0]) != decCaseTitle || len(words) > 1 && decCaseOf(words[1]) != decCaseLower {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
