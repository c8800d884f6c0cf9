package fold

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestString(t *testing.T) {
	tests := map[string]string{
		"Đường Trần Hưng Đạo":      "duong tran hung dao",
		"đường":                    "duong",
		"ĐẤT ĐAI":                  "dat dai",
		"Thủ tục hành chính":       "thu tuc hanh chinh",
		"Quảng Trị":                "quang tri",
		"2890/QĐ-UBND":             "2890/qd-ubnd",
		"already plain":            "already plain",
		norm.NFD.String("Hộ tịch"): "ho tich",
	}
	for in, want := range tests {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Hộ tịch":                      "ho-tich",
		"Đất đai (cấp tỉnh)":           "dat-dai-cap-tinh",
		"Khiếu nại, tố cáo":            "khieu-nai-to-cao",
		"  Giáo dục & Đào tạo -- ":     "giao-duc-dao-tao",
		"Văn hóa, Thể thao và Du lịch": "van-hoa-the-thao-va-du-lich",
		"":                             "",
		"※":                            "",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"vp-ubnd", "vp-ubnd", 0}, {"vp-ubn", "vp-ubnd", 1}, {"kitten", "sitting", 3}, {"", "abc", 3}, {"abc", "", 3}} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// benchText is a plan's narrative: Vietnamese prose, with capitals, numbers and punctuation.
func benchText(b *testing.B) string {
	text, err := os.ReadFile("../../content/plans/vinh-long-2024-cai-cach-hanh-chinh/narrative.md")
	if err != nil {
		b.Fatal(err)
	}
	return string(text)
}

func BenchmarkString(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		String(text)
	}
}

// BenchmarkStringWords folds the text word by word, as the search index and the masker do.
func BenchmarkStringWords(b *testing.B) {
	text := benchText(b)
	words := strings.Fields(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for _, w := range words {
			String(w)
		}
	}
}
