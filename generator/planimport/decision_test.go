package planimport

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"congkhai/generator/content"
	"congkhai/generator/diag"
	"congkhai/generator/fold"
	"congkhai/generator/planread"
	"congkhai/generator/vocab"
)

// decisionOpening returns the items before the appendix: before the first table whose first
// rows hold a header cell "STT", "TT" or "Số TT". (The importer makes its own cut.)
func decisionOpening(items []planread.Item) []planread.Item {
	for k, it := range items {
		if it.Table == nil {
			continue
		}
		for r, row := range it.Table.Rows {
			if r == 3 {
				break
			}
			for _, c := range row.Cells {
				switch strings.Join(strings.Fields(fold.String(c.Text)), " ") {
				case "stt", "tt", "so tt":
					return items[:k]
				}
			}
		}
	}
	return items
}

// decisionFields renders each fact of a Decision by its key in plan.toml, for comparing.
func decisionFields(d Decision) map[string]string {
	doc := d.Document
	date := "text: " + doc.DateText
	if !doc.Date.IsZero() {
		date = doc.Date.Format("2006-01-02")
	}
	m := map[string]string{
		"document.type":         doc.Type.Key(),
		"document.number":       doc.Number,
		"document.date":         date,
		"document.place":        doc.Place,
		"document.title":        doc.Title,
		"document.issuer":       doc.Issuer,
		"document.signer":       doc.Signer,
		"document.signer_title": doc.SignerTitle,
		"document.legal_bases":  strings.Join(doc.LegalBases, "\n"),
		"document.proposal":     doc.Proposal,
		"document.recipients":   strings.Join(doc.Recipients, "\n"),
		"title":                 d.Title,
		"year":                  strconv.Itoa(d.Year),
	}
	if d.Appendix != "" { // compared where a case gives one
		m["appendix"] = d.Appendix
	}
	return m
}

// notedKeys lists the plan.toml keys the unsure notes are about (a note starts with its
// key), sorted and without repeats.
func notedKeys(t *testing.T, ns notes) []string {
	var keys []string
	for _, n := range ns {
		if n.Level != Unsure {
			t.Errorf("note %v: want only unsure notes", n)
		}
		key, _, ok := strings.Cut(n.Msg, ":")
		if !ok {
			t.Errorf("note %v does not start with a key", n)
		}
		keys = append(keys, key)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

func compareDecision(t *testing.T, name string, got, want Decision) {
	t.Helper()
	g, w := decisionFields(got), decisionFields(want)
	keys := make([]string, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if g[k] != w[k] {
			t.Errorf("%s: %s\n got: %q\nwant: %q", name, k, g[k], w[k])
		}
	}
}

// Every seed's opening gives the [document] table, title and year of its hand-made
// plan.toml. Where the editor took a fact from elsewhere than the copy's header (editor_notes
// say where), readDecision must have noted the field for a person to check; no other field
// may be noted.
func TestDecisionOfSeeds(t *testing.T) {
	tests := []struct {
		seed   string
		unsure map[string]string // field -> why a person must check it
	}{
		{"an-giang-2025-kiem-soat-tthc", map[string]string{
			"document.signer":     "the signature block prints only “CHỦ TỊCH”; the name is the copy's “Người ký | Hồ Văn Mừng” metadata",
			"document.recipients": "the copy prints no “Nơi nhận:” (content has none either)",
		}},
		{"thua-thien-hue-2022-kiem-soat-tthc", nil},
		{"vinh-linh-2024-kiem-soat-tthc", map[string]string{
			"document.number": "printed blank (“Số: /KH-UBND”)",
			"document.date":   "day and month printed blank; the appendix's note says month 3",
			"document.issuer": "a plan issued directly prints no issuer line; made from “TM. ỦY BAN NHÂN DÂN” and “huyện Vĩnh Linh”",
		}},
		{"vinh-long-2024-cai-cach-hanh-chinh", nil},
		{"vinh-long-2024-kiem-soat-tthc", map[string]string{
			"document.number": "the copy lacks the header; taken from “(Kèm theo Quyết định số 2974/QĐ-UBND ngày 26/12/2023 ...)”",
			"document.date":   "likewise taken from the “(Kèm theo ...)” line",
			"document.place":  "printed nowhere without the header (content leaves it empty)",
			"title":           "the plan's heading omits “hoạt động”; the editor took Điều 1's wording",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(seedDir, tt.seed+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			var plan content.PlanFile
			if _, err := toml.DecodeFile(filepath.Join("..", "..", "content", "plans", tt.seed, "plan.toml"), &plan); err != nil {
				t.Fatalf("plan.toml not readable: %v", err)
			}
			doc, err := planread.ReadText(tt.seed+".txt", src)
			if err != nil {
				t.Fatal(err)
			}
			var ns notes
			got := readDecision(decisionOpening(doc.Items), &ns)
			compareDecision(t, tt.seed, got, Decision{Document: plan.Document, Title: plan.Title, Year: plan.Year})

			var want []string
			for k := range tt.unsure {
				want = append(want, k)
			}
			slices.Sort(want)
			if keys := notedKeys(t, ns); !slices.Equal(keys, want) {
				t.Errorf("noted %q, want %q; notes:\n%v", keys, want, ns)
			}
		})
	}
}

func decisionDay(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// Made-up openings, one heuristic each.
func TestDecisionHeuristics(t *testing.T) {
	pos := func(line, col int) diag.Pos { return diag.Pos{File: "qt.docx", Line: line, Col: col} }
	cell := func(text string, line, col int) planread.Cell {
		return planread.Cell{Text: text, Span: 1, Pos: pos(line, col)}
	}
	para := func(text string, line int) planread.Item { return planread.Item{Text: text, Pos: pos(line, 0)} }
	table := func(line int, rows ...[]planread.Cell) planread.Item {
		t := &planread.Table{Pos: pos(line, 0)}
		for i, r := range rows {
			t.Rows = append(t.Rows, planread.Row{Cells: r, Pos: pos(line+i, 0)})
		}
		return planread.Item{Table: t, Pos: t.Pos}
	}

	tests := []struct {
		name  string
		text  string          // read with planread.ReadText, or
		items []planread.Item // given as a reader gives them
		want  Decision
		noted []string // the keys noted unsure
	}{{
		name: "a title and issuer in capitals take the capitals of Điều 1 and of the text's place names",
		text: `ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 15/QĐ-UBND
Bắc Ninh, ngày 05 tháng 01 năm 2024
QUYẾT ĐỊNH
VỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024 TRÊN ĐỊA BÀN TỈNH BẮC NINH
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Giám đốc Sở Nội vụ.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2024 trên địa bàn tỉnh Bắc Ninh.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bảo
`,
		want: Decision{
			Document: content.Document{
				Type: vocab.DocDecision, Number: "15/QĐ-UBND", Date: decisionDay(2024, 1, 5), Place: "Bắc Ninh",
				Title:       "Về việc ban hành Kế hoạch cải cách hành chính năm 2024 trên địa bàn tỉnh Bắc Ninh",
				Issuer:      "Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh",
				Signer:      "Trần Văn Bảo",
				SignerTitle: "KT. Chủ tịch – Phó Chủ tịch",
				LegalBases:  []string{"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"},
				Proposal:    "Theo đề nghị của Giám đốc Sở Nội vụ.",
				Recipients:  []string{"Như Điều 2;", "Lưu: VT."},
			},
			Title: "Kế hoạch cải cách hành chính năm 2024 trên địa bàn tỉnh Bắc Ninh",
			Year:  2024,
		},
	}, {
		name: "a title in capitals that Điều 1 does not word is cased from official names and acronyms, and noted",
		text: `Số: 7/QĐ-UBND
Hà Tĩnh, ngày 3 tháng 2 năm 2023
QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH TUYÊN TRUYỀN VỀ TTHC CỦA UBND TỈNH HÀ TĨNH
ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Căn cứ Quyết định số 1/QĐ-UBND ngày 02/01/2023 của UBND tỉnh về kiểm soát TTHC;
Theo đề nghị của Chánh Văn phòng.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này nội dung tuyên truyền năm 2023.
`,
		want: Decision{
			Document: content.Document{
				Type: vocab.DocDecision, Number: "7/QĐ-UBND", Date: decisionDay(2023, 2, 3), Place: "Hà Tĩnh",
				Title:      "Ban hành Kế hoạch tuyên truyền về TTHC của UBND tỉnh Hà Tĩnh",
				Issuer:     "Ủy ban nhân dân tỉnh Hà Tĩnh",
				LegalBases: []string{"Căn cứ Quyết định số 1/QĐ-UBND ngày 02/01/2023 của UBND tỉnh về kiểm soát TTHC;"},
				Proposal:   "Theo đề nghị của Chánh Văn phòng.",
			},
			Title: "Kế hoạch tuyên truyền về TTHC của UBND tỉnh Hà Tĩnh", // from the decision's title
			Year:  2023,                                                  // the title has none: the signing year
		},
		noted: []string{"document.recipients", "document.signer", "document.signer_title", "document.title", "title", "year"},
	}, {
		name: "a plan issued directly: blank number and day, bold and Markdown marks, issuer made from the signature",
		text: `**ỦY BAN NHÂN DÂN**
**HUYỆN CAM LỘ**

Số: /KH-UBND
Cam Lộ, ngày ** ** tháng 5 năm 2024

## KẾ HOẠCH

### Chuyển đổi số năm 2024 trên địa bàn huyện Cam Lộ

Căn cứ Quyết định số 1/QĐ-UBND ngày 02/01/2024 của UBND tỉnh Quảng Trị;

Thực hiện Kế hoạch số 2/KH-UBND ngày 03/01/2024 của UBND tỉnh, UBND huyện ban hành Kế hoạch như sau:

## I. MỤC ĐÍCH

1. Nâng cao chất lượng dịch vụ công.

**Nơi nhận:**
- UBND tỉnh;
- Lưu: VT.

**TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Lê Thị Cúc**
`,
		want: Decision{
			Document: content.Document{
				Type: vocab.DocPlan, DateText: "ngày tháng 5 năm 2024", Place: "Cam Lộ",
				Title:       "Chuyển đổi số năm 2024 trên địa bàn huyện Cam Lộ",
				Issuer:      "Ủy ban nhân dân huyện Cam Lộ",
				Signer:      "Lê Thị Cúc",
				SignerTitle: "TM. Ủy ban nhân dân – KT. Chủ tịch – Phó Chủ tịch",
				LegalBases: []string{
					"Căn cứ Quyết định số 1/QĐ-UBND ngày 02/01/2024 của UBND tỉnh Quảng Trị;",
					"Thực hiện Kế hoạch số 2/KH-UBND ngày 03/01/2024 của UBND tỉnh, UBND huyện ban hành Kế hoạch như sau:",
				},
				Recipients: []string{"UBND tỉnh;", "Lưu: VT."},
			},
			Title: "Kế hoạch chuyển đổi số năm 2024 trên địa bàn huyện Cam Lộ",
			Year:  2024,
		},
		noted: []string{"document.date", "document.issuer", "document.number"},
	}, {
		name: "markup inside the number and the date",
		text: `Số: **3489**/QĐ-UBND
Thừa Thiên Huế, ngày **30** tháng 12 năm 2021
QUYẾT ĐỊNH
Ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2022
ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm soát thủ tục hành chính năm 2022 trên địa bàn tỉnh Thừa Thiên Huế.
Nơi nhận:
- Như Điều 3;
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
<b>Nguyễn Thanh Bình</b>
`,
		want: Decision{
			Document: content.Document{
				Type: vocab.DocDecision, Number: "3489/QĐ-UBND", Date: decisionDay(2021, 12, 30), Place: "Thừa Thiên Huế",
				Title:       "Ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2022",
				Issuer:      "Ủy ban nhân dân tỉnh Thừa Thiên Huế", // the place the line leaves out
				Signer:      "Nguyễn Thanh Bình",
				SignerTitle: "TM. Ủy ban nhân dân – KT. Chủ tịch – Phó Chủ tịch",
				LegalBases:  []string{"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"},
				Proposal:    "Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.",
				Recipients:  []string{"Như Điều 3;"},
			},
			Title: "Kế hoạch kiểm soát thủ tục hành chính năm 2022 trên địa bàn tỉnh Thừa Thiên Huế",
			Year:  2022,
		},
	}, {
		name: "lines broken mid-sentence are joined",
		text: `Số: 3/QĐ-UBND
Cà Mau, ngày
09 tháng 01 năm 2024
QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2024 TRÊN ĐỊA BÀN
TỈNH CÀ MAU
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức
Chính quyền địa phương ngày 19/6/2015;
Căn cứ Quyết định số
749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ
Theo đề nghị của Giám đốc Sở
Thông tin và Truyền thông tại Tờ trình số 5/TTr-STTTT.
QUYẾT ĐỊNH:
Điều 1.
Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số
năm 2024 trên địa bàn tỉnh Cà Mau.
Điều 2. Quyết định có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Sở Thông tin và
Truyền thông;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lâm Văn Bi
`,
		want: Decision{
			Document: content.Document{
				Type: vocab.DocDecision, Number: "3/QĐ-UBND", Date: decisionDay(2024, 1, 9), Place: "Cà Mau",
				Title:       "Ban hành Kế hoạch chuyển đổi số năm 2024 trên địa bàn tỉnh Cà Mau",
				Issuer:      "Chủ tịch Ủy ban nhân dân tỉnh Cà Mau",
				Signer:      "Lâm Văn Bi",
				SignerTitle: "KT. Chủ tịch – Phó Chủ tịch",
				LegalBases: []string{
					"Căn cứ Luật Tổ chức Chính quyền địa phương ngày 19/6/2015;",
					"Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ",
				},
				Proposal:   "Theo đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 5/TTr-STTTT.",
				Recipients: []string{"Như Điều 2;", "Sở Thông tin và Truyền thông;", "Lưu: VT."},
			},
			Title: "Kế hoạch chuyển đổi số năm 2024 trên địa bàn tỉnh Cà Mau",
			Year:  2024,
		},
	}, {
		name: "header and signature printed as tables, as a .docx gives them",
		items: []planread.Item{
			table(1,
				[]planread.Cell{cell("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n-------", 1, 1), cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------", 1, 2)},
				[]planread.Cell{cell("Số: 45/QĐ-UBND", 2, 1), cell("Quảng Trị, ngày 04 tháng 3 năm 2024", 2, 2)}),
			para("QUYẾT ĐỊNH", 3),
			para("Về việc ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2024", 4),
			para("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", 5),
			para("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", 6),
			para("Xét đề nghị của Chánh Văn phòng UBND tỉnh.", 7),
			para("QUYẾT ĐỊNH:", 8),
			para("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm soát thủ tục hành chính năm 2024 trên địa bàn tỉnh Quảng Trị.", 9),
			table(10, []planread.Cell{cell("Nơi nhận:\n- Như Điều 3;\n- Lưu: VT, NC.", 10, 1), cell("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\nVõ Văn Hưng", 10, 2)}),
		},
		want: Decision{
			Document: content.Document{
				Type: vocab.DocDecision, Number: "45/QĐ-UBND", Date: decisionDay(2024, 3, 4), Place: "Quảng Trị",
				Title:       "Về việc ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2024",
				Issuer:      "Ủy ban nhân dân tỉnh Quảng Trị",
				Signer:      "Võ Văn Hưng",
				SignerTitle: "TM. Ủy ban nhân dân – Chủ tịch",
				LegalBases:  []string{"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"},
				Proposal:    "Xét đề nghị của Chánh Văn phòng UBND tỉnh.",
				Recipients:  []string{"Như Điều 3;", "Lưu: VT, NC."},
			},
			Title: "Kế hoạch kiểm soát thủ tục hành chính năm 2024 trên địa bàn tỉnh Quảng Trị",
			Year:  2024,
		},
	}, {
		name: "without the header: number and date from the “Kèm theo” line, signer from the metadata block",
		text: `Số hiệu | 99/QĐ-UBND |
Người ký | Phạm Văn Dũng |
QUYẾT ĐỊNH
Ban hành Kế hoạch phòng, chống thiên tai năm 2025
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
CHỦ TỊCH
KẾ HOẠCH
PHÒNG, CHỐNG THIÊN TAI NĂM 2025
(Kèm theo Quyết định số 99/QĐ-UBND ngày 10/01/2025 của Chủ tịch UBND
tỉnh Lâm Đồng)
I. MỤC ĐÍCH
`,
		want: Decision{
			Document: content.Document{
				Type: vocab.DocDecision, Number: "99/QĐ-UBND", Date: decisionDay(2025, 1, 10),
				Title:       "Ban hành Kế hoạch phòng, chống thiên tai năm 2025",
				Issuer:      "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng",
				Signer:      "Phạm Văn Dũng",
				SignerTitle: "Chủ tịch",
				LegalBases:  []string{"Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;"},
			},
			Title: "Kế hoạch phòng, chống thiên tai năm 2025",
			Year:  2025,
		},
		noted: []string{"document.date", "document.issuer", "document.number", "document.place", "document.proposal", "document.recipients", "document.signer"},
	}, {
		name: "a department's decision: its name keeps the capitals the text gives it",
		text: `UBND TỈNH NINH BÌNH
SỞ NỘI VỤ
Số: 120/QĐ-SNV
Ninh Bình, ngày 15 tháng 11 năm 2023
QUYẾT ĐỊNH
Ban hành Kế hoạch cải cách hành chính năm 2024 của Sở Nội vụ
GIÁM ĐỐC SỞ NỘI VỤ TỈNH NINH BÌNH
Căn cứ Quyết định số 5/2022/QĐ-UBND ngày 10/02/2022 của UBND tỉnh Ninh Bình;
Xét đề nghị của Chánh Văn phòng Sở.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2024 của Sở Nội vụ.
Nơi nhận:
- Như Điều 1;
- Lưu: VT, VP.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Đinh Thị Hoa
`,
		want: Decision{
			Document: content.Document{
				Type: vocab.DocDecision, Number: "120/QĐ-SNV", Date: decisionDay(2023, 11, 15), Place: "Ninh Bình",
				Title:       "Ban hành Kế hoạch cải cách hành chính năm 2024 của Sở Nội vụ",
				Issuer:      "Giám đốc Sở Nội vụ tỉnh Ninh Bình",
				Signer:      "Đinh Thị Hoa",
				SignerTitle: "KT. Giám đốc – Phó Giám đốc",
				LegalBases:  []string{"Căn cứ Quyết định số 5/2022/QĐ-UBND ngày 10/02/2022 của UBND tỉnh Ninh Bình;"},
				Proposal:    "Xét đề nghị của Chánh Văn phòng Sở.",
				Recipients:  []string{"Như Điều 1;", "Lưu: VT, VP."},
			},
			Title: "Kế hoạch cải cách hành chính năm 2024 của Sở Nội vụ",
			Year:  2024,
		},
	}, {
		name: "casing keeps diacritics apart (“SỐ NỘI” is not the text's “Sở Nội”) but not tone placements (“UỶ”, “Ủy”)",
		text: `Số: 8/QĐ-UBND
Lào Cai, ngày 02 tháng 3 năm 2024
QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH NÂNG CAO CHỈ SỐ NỘI BỘ CỦA UỶ BAN NHÂN DÂN TỈNH LÀO CAI
UỶ BAN NHÂN DÂN TỈNH LÀO CAI
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Giám đốc Sở Nội vụ.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch nâng cao chỉ số nội bộ năm 2024.
`,
		want: Decision{
			Document: content.Document{
				Type: vocab.DocDecision, Number: "8/QĐ-UBND", Date: decisionDay(2024, 3, 2), Place: "Lào Cai",
				Title:      "Ban hành Kế hoạch nâng cao chỉ số nội bộ của Uỷ ban nhân dân tỉnh Lào Cai",
				Issuer:     "Uỷ ban nhân dân tỉnh Lào Cai",
				LegalBases: []string{"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"},
				Proposal:   "Theo đề nghị của Giám đốc Sở Nội vụ.",
			},
			Title: "Kế hoạch nâng cao chỉ số nội bộ năm 2024",
			Year:  2024,
		},
		noted: []string{"document.recipients", "document.signer", "document.signer_title", "document.title"},
	}, {
		name: "a date that does not exist is kept as printed and noted; a bare opening notes what it lacks",
		text: `Số: 1/QĐ-UBND
Hà Nội, ngày 31 tháng 02 năm 2024
QUYẾT ĐỊNH
Ban hành Kế hoạch thi đua năm 2024
`,
		want: Decision{
			Document: content.Document{
				Type: vocab.DocDecision, Number: "1/QĐ-UBND", DateText: "ngày 31 tháng 02 năm 2024", Place: "Hà Nội",
				Title: "Ban hành Kế hoạch thi đua năm 2024",
			},
			Title: "Kế hoạch thi đua năm 2024",
			Year:  2024,
		},
		noted: []string{"document.date", "document.issuer", "document.legal_bases", "document.proposal", "document.recipients", "document.signer", "document.signer_title", "title"},
	}, {
		name: "a letterhead printed as a two-column table: its number and blank date are no metadata block, and the blanks may be dots",
		items: []planread.Item{
			table(1, []planread.Cell{cell("ỦY BAN NHÂN DÂN\nHUYỆN VĨNH LINH", 1, 1), cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", 1, 2)},
				[]planread.Cell{cell("Số: /KH-UBND", 2, 1), cell("Vĩnh Linh, ngày ..... tháng ..... năm 2024", 2, 2)}),
			para("KẾ HOẠCH", 3),
			para("Kiểm soát thủ tục hành chính năm 2024 trên địa bàn huyện Vĩnh Linh", 4),
			para("Thực hiện Nghị định số 63/2010/NĐ-CP của Chính phủ, UBND huyện ban hành Kế hoạch như sau:", 5),
		},
		want: Decision{
			Document: content.Document{
				Type: vocab.DocPlan, DateText: "ngày ..... tháng ..... năm 2024", Place: "Vĩnh Linh",
				Title:      "Kiểm soát thủ tục hành chính năm 2024 trên địa bàn huyện Vĩnh Linh",
				LegalBases: []string{"Thực hiện Nghị định số 63/2010/NĐ-CP của Chính phủ, UBND huyện ban hành Kế hoạch như sau:"},
			},
			Title: "Kế hoạch kiểm soát thủ tục hành chính năm 2024 trên địa bàn huyện Vĩnh Linh",
			Year:  2024,
		},
		noted: []string{"document.date", "document.issuer", "document.number", "document.recipients", "document.signer", "document.signer_title"},
	}, {
		name: "the appendix alone: the year from its title, not from the decision's date",
		text: `PHỤ LỤC
NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024
(Kèm theo Quyết định số 2890/QĐ-UBND ngày 18/12/2023 của Chủ tịch Ủy ban
nhân dân tỉnh Vĩnh Long)
`,
		want: Decision{
			Document: content.Document{Type: vocab.DocDecision, Number: "2890/QĐ-UBND", Date: decisionDay(2023, 12, 18)},
			Year:     2024,
			Appendix: "Nhiệm vụ cải cách hành chính năm 2024",
		},
		noted: []string{"document.date", "document.issuer", "document.legal_bases", "document.number", "document.place", "document.proposal",
			"document.recipients", "document.signer", "document.signer_title", "document.title", "document.type", "title", "year"},
	}, {
		name: "the appendix alone, titled as the plan: the plan's title",
		text: `Phụ lục
KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2022 TRÊN ĐỊA BÀN TỈNH THỪA THIÊN HUẾ
(Ban hành kèm theo Quyết định số 3489/QĐ-UBND ngày 30 tháng 12 năm 2021 của UBND tỉnh Thừa Thiên Huế)
`,
		want: Decision{
			Document: content.Document{Type: vocab.DocDecision, Number: "3489/QĐ-UBND", Date: decisionDay(2021, 12, 30)},
			Title:    "Kế hoạch kiểm soát thủ tục hành chính năm 2022 trên địa bàn tỉnh Thừa Thiên Huế",
			Year:     2022,
			Appendix: "Kế hoạch kiểm soát thủ tục hành chính năm 2022 trên địa bàn tỉnh Thừa Thiên Huế",
		},
		noted: []string{"document.date", "document.issuer", "document.legal_bases", "document.number", "document.place", "document.proposal",
			"document.recipients", "document.signer", "document.signer_title", "document.title", "document.type", "title"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := tt.items
			if tt.text != "" {
				doc, err := planread.ReadText("test.txt", []byte(tt.text))
				if err != nil {
					t.Fatal(err)
				}
				items = doc.Items
			}
			var ns notes
			got := readDecision(items, &ns)
			compareDecision(t, tt.name, got, tt.want)
			if keys := notedKeys(t, ns); !slices.Equal(keys, tt.noted) {
				t.Errorf("noted %q, want %q; notes:\n%v", keys, tt.noted, ns)
			}
		})
	}
}

// An empty opening yields an empty Decision, every fact noted at the document's start.
func TestDecisionEmpty(t *testing.T) {
	var ns notes
	got := readDecision(nil, &ns)
	if !got.Document.Date.IsZero() || got.Document.Type != 0 || got.Title != "" || got.Year != 0 {
		t.Errorf("got %+v, want an empty Decision", got)
	}
	want := []string{"document.date", "document.issuer", "document.legal_bases", "document.number", "document.place",
		"document.recipients", "document.signer", "document.signer_title", "document.title", "document.type", "title", "year"}
	if keys := notedKeys(t, ns); !slices.Equal(keys, want) {
		t.Errorf("noted %q, want %q", keys, want)
	}
}
