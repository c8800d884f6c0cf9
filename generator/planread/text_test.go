package planread

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// rowsOf renders a document's tables as lines "line: cell | cell(span n)* | …" and its
// paragraphs as "line: ¶ text", for comparing with what a test expects.
func rowsOf(doc *Document) []string {
	var out []string
	for _, it := range doc.Items {
		if it.Table == nil {
			b := ""
			if it.Bold {
				b = "*"
			}
			out = append(out, fmt.Sprintf("%d: ¶ %s%s", it.Pos.Line, it.Text, b))
			continue
		}
		for _, r := range it.Table.Rows {
			var cells []string
			for _, c := range r.Cells {
				s := strings.ReplaceAll(c.Text, "\n", "/")
				if c.Span > 1 {
					s += fmt.Sprintf("(span %d)", c.Span)
				}
				if c.Bold {
					s += "*"
				}
				cells = append(cells, s)
			}
			out = append(out, fmt.Sprintf("%d: %s", r.Pos.Line, strings.Join(cells, " | ")))
		}
	}
	return out
}

func TestReadTextShapes(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"tab rows with HTML and a page break",
			"PHỤ LỤC\nTT\tNội dung\tChủ trì\n<b>I</b>\t<b>Chỉ đạo</b>\t\n1\tBan hành &amp; triển khai\tVăn phòng\n\n\tvăn bản\t\n",
			[]string{"1: ¶ PHỤ LỤC", "2: TT | Nội dung | Chủ trì", "3: I* | Chỉ đạo* | ", "4: 1 | Ban hành & triển khai | Văn phòng", "6:  | văn bản | "}},
		{"one cell a line",
			"\tSTT\n\tNội dung\n\n\tI. Chỉ đạo\n\tI. Chỉ đạo\n\n\t1.\n\t- Sở Nội vụ;\n- Sở Tư pháp.\n\t\nSau bảng",
			[]string{"1: STT | Nội dung", "4: I. Chỉ đạo(span 2)", "7: 1. | - Sở Nội vụ;/- Sở Tư pháp. | ", "11: ¶ Sau bảng"}},
		{"cells ending with a bar",
			"Số: 12/KH |\nSTT\n|\nNhiệm vụ\n|\nChủ trì\n|\nI. CÔNG\nTÁC CHỈ ĐẠO\n|\n1.\n|\nXây dựng kế\nhoạch\n|\nSở Nội vụ\n|\n2.\n|\nBáo cáo\n|\n|\n",
			[]string{"1: ¶ Số: 12/KH", "2: STT | Nhiệm vụ | Chủ trì", "8: I. CÔNG TÁC CHỈ ĐẠO(span 3)", "11: 1. | Xây dựng kế hoạch | Sở Nội vụ", "18: 2. | Báo cáo | "}},
		{"bar cells, a heading between two tables",
			"Stt |\nNội dung |\n1 |\nLập kế hoạch |\n2. Tổ chức thực hiện\nStt |\nNội dung |\nI |\nMột cửa |\n",
			[]string{"1: Stt | Nội dung", "3: 1 | Lập kế hoạch", "5: ¶ 2. Tổ chức thực hiện", "6: Stt | Nội dung", "8: I | Một cửa"}},
		{"bold by ** and <strong>", "**Điều 1.** Ban hành\n<strong>QUYẾT ĐỊNH</strong>\n",
			[]string{"1: ¶ Điều 1. Ban hành", "2: ¶ QUYẾT ĐỊNH*"}},
	}
	for _, tt := range tests {
		doc, err := ReadText("kh.txt", []byte(tt.in))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := rowsOf(doc); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestReadTextPositionsAndErrors(t *testing.T) {
	doc, err := ReadText("kh.txt", []byte("\ufeffa\r\nb\tcc\tdd\n"))
	if err != nil {
		t.Fatal(err)
	}
	cells := doc.Items[1].Table.Rows[0].Cells
	if p := cells[2].Pos; p.File != "kh.txt" || p.Line != 2 || p.Col != 6 {
		t.Errorf("third cell at %v, want kh.txt:2:6", p)
	}
	if _, err := ReadText("kh.txt", []byte("đúng\nsai \xff\n")); err == nil || !strings.Contains(err.Error(), "kh.txt:2") {
		t.Errorf("invalid UTF-8: err = %v, want one at kh.txt:2", err)
	}
}

// Every seed reads into tables whose rows all have the table's width, or are one cell
// spanning it; and the numbered rows are at least the plan's tasks (sub-numbered headings
// and rows split across pages add some).
func TestReadTextSeeds(t *testing.T) {
	tasks := map[string]int{ // numbered rows of the appendix; the plans in content/ have these tasks
		"vinh-long-2024-kiem-soat-tthc.txt":      40,
		"vinh-long-2024-cai-cach-hanh-chinh.txt": 66,
		"thua-thien-hue-2022-kiem-soat-tthc.txt": 46,
		"vinh-linh-2024-kiem-soat-tthc.txt":      25,
		"an-giang-2025-kiem-soat-tthc.txt":       105,
	}
	for name, want := range tasks {
		src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ReadText(name, src)
		if err != nil {
			t.Fatal(err)
		}
		numbered := 0
		for _, it := range doc.Items {
			if it.Table == nil || len(it.Table.Rows) < 3 {
				continue
			}
			width := 0
			for _, c := range it.Table.Rows[0].Cells {
				width += c.Span
			}
			for _, r := range it.Table.Rows {
				n := 0
				for _, c := range r.Cells {
					n += c.Span
				}
				if n != width {
					t.Errorf("%s: row at line %d spans %d columns, its table %d", name, r.Pos.Line, n, width)
				}
				if len(r.Cells) > 1 && rowNumber.MatchString(r.Cells[0].Text) {
					numbered++
				}
			}
		}
		if numbered < want {
			t.Errorf("%s: %d numbered rows, want at least %d", name, numbered, want)
		}
	}
}

func FuzzReadText(f *testing.F) {
	for _, s := range []string{"a\tb\n", "\tx\n\ty\n\n", "STT |\nA |\n1 |\nB |\n", "<b>I</b>\tx", "STT\n|\nI. A\n|\n1.\n|\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := ReadText("f.txt", src)
		if err != nil {
			return
		}
		lines := strings.Count(string(src), "\n") + strings.Count(string(src), "\r") + 1
		check := func(line, col int) {
			if line < 1 || line > lines || col < 0 {
				t.Fatalf("position %d:%d outside %d lines", line, col, lines)
			}
		}
		for _, it := range doc.Items {
			check(it.Pos.Line, it.Pos.Col)
			if it.Table == nil {
				if !utf8.ValidString(it.Text) {
					t.Fatal("invalid UTF-8 out")
				}
				continue
			}
			for _, r := range it.Table.Rows {
				check(r.Pos.Line, r.Pos.Col)
				for _, c := range r.Cells {
					check(c.Pos.Line, c.Pos.Col)
					if c.Span < 1 {
						t.Fatalf("span %d", c.Span)
					}
				}
			}
		}
	})
}
