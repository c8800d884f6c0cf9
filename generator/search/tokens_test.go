package search

import (
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func folded(ts []Token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Folded
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string // folded terms joined by spaces; codes in brackets
	}{
		{"Đường Trần Hưng Đạo", "duong tran hung dao"},
		{"đăng ký kết hôn", "dang ky ket hon"},
		{"Thủ tục 1.001226 được sửa đổi", "thu tuc [1.001226] 1 001226 duoc sua doi"},
		{"mã 1.003901.H01.", "ma [1.003901.h01] 1 003901 h01"},
		{"Quyết định số 2890/QĐ-UBND ngày 12/3/2024", "quyet dinh so [2890/qd-ubnd] 2890 qd ubnd ngay [12/3/2024] 12 3 2024"},
		{"Thừa Thiên-Huế", "thua thien hue"},
		{"(02/2017/TT-VPCP)", "[02/2017/tt-vpcp] 02 2017 tt vpcp"},
		{"50.000 đồng, 10%", "[50.000] 50 000 dong 10"},
		{norm.NFD.String("Hộ tịch"), "ho tich"},
		{"", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokens(tt.in) {
			if tok.Code {
				got = append(got, "["+tok.Folded+"]")
			} else {
				got = append(got, tok.Folded)
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

func TestTokensKeepExactFormAndOffsets(t *testing.T) {
	text := "Sở Tư pháp trả lời"
	ts := Tokens(text)
	if ts[0].Exact != "sở" || ts[0].Folded != "so" || text[ts[1].Start:ts[1].End] != "Tư" {
		t.Errorf("tokens = %+v", ts)
	}
}

func TestExpandAbbreviationsBothWays(t *testing.T) {
	got := folded(Expand("Danh mục TTHC của UBND tỉnh"))
	for _, w := range []string{"tthc", "thu", "tuc", "hanh", "chinh", "ubnd", "uy", "ban", "nhan", "dan"} {
		if !slices.Contains(got, w) {
			t.Errorf("Expand of the short forms lacks %q: %v", w, got)
		}
	}
	got = folded(Expand("Kế hoạch kiểm soát thủ tục hành chính và cải cách hành chính"))
	for _, w := range []string{"kstthc", "tthc", "cchc"} {
		if !slices.Contains(got, w) {
			t.Errorf("Expand of the spelt-out forms lacks %q: %v", w, got)
		}
	}
	if got := folded(Expand("phản ánh")); slices.Contains(got, "pakn") {
		t.Errorf("half an expansion added its abbreviation: %v", got)
	}
}

func TestExpandIsDeterministic(t *testing.T) {
	want := "dich vu cong dvc truc tuyen dvctt"
	for range 20 {
		if got := strings.Join(folded(Expand("Dịch vụ công trực tuyến")), " "); got != want {
			t.Fatalf("Expand = %q, want %q", got, want)
		}
	}
}

func TestUnpad(t *testing.T) {
	for in, want := range map[string]string{
		"03/2026": "3/2026", "05/10/2026": "5/10/2026", "03": "3", "0": "0", "00": "0",
		"1.000894": "1.000894", "2026": "2026", "10": "10", "x05y": "x5y", "203": "203",
	} {
		if got := Unpad(in); got != want {
			t.Errorf("Unpad(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkTokens cuts a plan's narrative into terms, each word folded once (Tokens starts
// with an empty cache of folded words).
func BenchmarkTokens(b *testing.B) {
	text, err := os.ReadFile("../../content/plans/vinh-long-2024-cai-cach-hanh-chinh/narrative.md")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Tokens(string(text))
	}
}
