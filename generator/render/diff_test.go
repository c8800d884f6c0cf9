package render

import "testing"

func TestWordDiff(t *testing.T) {
	for _, tt := range []struct{ a, b, want string }{
		{"Rà soát TTHC năm 2024", "Rà soát TTHC năm 2025", "Rà soát TTHC năm <del>2024</del> <ins>2025</ins>"},
		{"a b c", "a b c", "a b c"},
		{"a b c", "a x b c d", "a <ins>x</ins> b c <ins>d</ins>"},
		{"Lập *kế hoạch* <b>", "Lập kế hoạch & dự toán", "Lập kế hoạch <ins>&amp; dự toán</ins>"},
		{"", "mới", "<ins>mới</ins>"},
	} {
		if got := string(wordDiff(tt.a, tt.b)); got != tt.want {
			t.Errorf("wordDiff(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}
