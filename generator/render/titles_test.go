package render

import (
	"strings"
	"testing"
)

func TestDocTitle(t *testing.T) {
	const site = "Công khai kế hoạch kiểm soát thủ tục hành chính"
	for _, c := range []struct{ title, key, want string }{
		// Short: the site's name follows.
		{"Cách tính trạng thái", "", "Cách tính trạng thái – " + site},
		// Too long for the site's name: the title alone.
		{"Danh mục thủ tục hành chính – Lĩnh vực Chăn nuôi", "", "Danh mục thủ tục hành chính – Lĩnh vực Chăn nuôi"},
		// Too long alone: the usual abbreviations first.
		{"Danh mục thủ tục hành chính – Chủ tịch Ủy ban nhân dân tỉnh Thừa Thiên Huế – trang 2", "",
			"Danh mục TTHC – Chủ tịch UBND tỉnh Thừa Thiên Huế – trang 2"},
		// Then words off the longest part, keeping the list's name and page.
		{"Trả lời phản ánh, kiến nghị – Thủ tục Cấp giấy phép khai thác tài nguyên nước mặt cho sản xuất – trang 3", "",
			"Trả lời phản ánh, kiến nghị – Thủ tục Cấp giấy phép khai… – trang 3"},
		// A procedure's code tells apart names that begin alike; no comma before "…".
		{"Điều chỉnh quyết định giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất đối với trường hợp", "1.013953",
			"Điều chỉnh quyết định giao đất, cho thuê đất, cho phép… (1.013953)"},
		// One part: cut at its end.
		{"Nhiệm vụ 7.3: Hàng tuần công khai Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ", "",
			"Nhiệm vụ 7.3: Hàng tuần công khai Bộ chỉ số chỉ đạo, điều hành và…"},
		// A word longer than the room is cut inside.
		{strings.Repeat("x", 100), "", strings.Repeat("x", MaxTitle-1) + "…"},
		// Spaces and line breaks in the title are one space.
		{"Đăng ký\n  kết hôn", "", "Đăng ký kết hôn – " + site},
	} {
		got := docTitle(c.title, c.key, site)
		if got != c.want {
			t.Errorf("docTitle(%q, %q)\n got %q\nwant %q", c.title, c.key, got, c.want)
		}
		if n := length(got); n > MaxTitle {
			t.Errorf("docTitle(%q) is %d characters long", c.title, n)
		}
	}
	if n := length("a😀"); n != 3 {
		t.Errorf("length counts UTF-16 units: %d, want 3", n)
	}
}
