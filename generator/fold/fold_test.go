package fold

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

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

// reference is folding as written before there were fast paths: the whole text decomposed,
// its combining marks dropped, đ as d, lower case.
func reference(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// The fast paths fold as decomposition does: every letter of the Latin tables and around
// them, other scripts, and every file of the example site.
func TestStringIsDecomposition(t *testing.T) {
	var texts []string
	for r := rune(0); r < 0x3000; r++ {
		texts = append(texts, string(r))
	}
	texts = append(texts, "Ελληνικά ά ΐ", "Йошкар-Ола ёж", "한국어 각", "ﬁ ǅ Ǳ ß İ ı", norm.NFD.String("Nguyễn Thị Ánh Đào"),
		"e\u0301\u0323 a\u0323\u0302", "\ufeff\u200b\u00ad")
	err := fs.WalkDir(os.DirFS("../../content"), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text, err := os.ReadFile(filepath.Join("../../content", name))
		texts = append(texts, string(text))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range texts {
		if got, want := String(s), reference(s); got != want {
			t.Errorf("String(%.40q) = %.40q, want %.40q", s, got, want)
		}
		var b []byte
		for _, r := range s {
			b = AppendRune(b, r)
		}
		if string(b) != reference(s) {
			t.Errorf("AppendRune rune by rune on %.40q = %.40q", s, b)
		}
	}
}

// Folding a word of Latin letters, or of letters that do not decompose, into a buffer that
// has room allocates nothing: the masker and the search index fold word after word.
func TestAppendAllocates(t *testing.T) {
	buf := make([]byte, 0, 64)
	for _, w := range []string{"Nguyễn", "ĐƯỜNG", "phường", "ward", "Øresund", "Москва", "“…”–"} {
		if n := testing.AllocsPerRun(100, func() { Append(buf[:0], w) }); n != 0 {
			t.Errorf("Append(%q) allocates %v times", w, n)
		}
	}
	if s := "already folded"; testing.AllocsPerRun(100, func() { String(s) }) != 0 {
		t.Errorf("String of a folded ASCII text allocates")
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
