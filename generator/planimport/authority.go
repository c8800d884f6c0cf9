package planimport

import (
	"strings"
	"unicode"

	"congkhai/generator/content"
	"congkhai/generator/fold"
	"congkhai/generator/planread"
	"congkhai/generator/vocab"
)

// Authority finds the registry whose place the opening of the document names most ("tỉnh
// Vĩnh Long", "huyện Vĩnh Linh"): its paragraphs and the first row of each table, and the
// title rows an Excel sheet holds above its table's header, as the importer reads them
// ("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024", "(Kèm theo Quyết định ... của Chủ tịch Ủy ban
// nhân dân tỉnh Vĩnh Long)"). It returns nil when no place is named, or two are named as
// often.
func Authority(registries []*content.AgencyFile, doc *planread.Document) *content.AgencyFile {
	var opening strings.Builder
	for i, it := range liftTitleRows(doc.Items) {
		if i > 200 {
			break
		}
		opening.WriteString(fold.String(it.Text) + " ")
		if it.Table != nil && len(it.Table.Rows) > 0 {
			for _, c := range it.Table.Rows[0].Cells {
				opening.WriteString(fold.String(c.Text) + " ")
			}
		}
	}
	// Words only: "tỉnh Vĩnh Long)" names the place as well.
	words := strings.FieldsFunc(opening.String(), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	text := " " + strings.Join(words, " ") + " "
	var best *content.AgencyFile
	bestN, tie := 0, false
	for _, r := range registries {
		place := strings.Join(strings.FieldsFunc(fold.String(r.Authority.Name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
		if r.Authority.Level.Level == vocab.NoLevel || !strings.ContainsRune(place, ' ') {
			continue
		}
		n := strings.Count(text, " "+place+" ")
		switch {
		case n > bestN:
			best, bestN, tie = r, n, false
		case n == bestN && n > 0:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}
