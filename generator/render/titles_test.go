package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"congkhai/generator/model"
)

// A task is named by what it is, in the plan's words, cut where a reader would stop.
func TestTaskName(t *testing.T) {
	for _, c := range []struct {
		content, want string
		whole         bool
	}{
		{"Xây dựng kế hoạch năm 2024.", "Xây dựng kế hoạch năm 2024", true},
		// An aside in parentheses goes; the rest of the content then shows on the page.
		{"Báo cáo định kỳ hàng quý về hoạt động kiểm soát TTHC (gửi trước ngày 19 của tháng cuối quý)",
			"Báo cáo định kỳ hàng quý về hoạt động kiểm soát TTHC", false},
		// A heading that introduces a list.
		{"Báo cáo định kỳ:\n\n- Hàng quý.\n- Hàng năm.", "Báo cáo định kỳ", false},
		// A long sentence is cut before a word that opens a phrase, not inside a word group.
		{"Báo cáo định kỳ hàng quý, năm về hoạt động kiểm soát TTHC trên Hệ thống báo cáo của Văn phòng Chính phủ và của Ủy ban nhân dân tỉnh",
			"Báo cáo định kỳ hàng quý, năm về hoạt động kiểm soát TTHC trên Hệ thống báo cáo…", false},
		// Of several sentences, the first.
		{"Làm sạch dữ liệu hộ tịch đã số hóa. Kết quả gửi về Sở Tư pháp trước ngày 30 hằng tháng để tổng hợp báo cáo Ủy ban nhân dân tỉnh và Bộ Tư pháp.",
			"Làm sạch dữ liệu hộ tịch đã số hóa…", false},
	} {
		task := &model.Task{Content: c.content, STT: "1.", Section: &model.Section{Number: "IX"}}
		got, whole := TaskName(task)
		if got != c.want || whole != c.whole {
			t.Errorf("TaskName(%q) = %q, %v; want %q, %v", c.content, got, whole, c.want, c.whole)
		}
		if n := utf8.RuneCountInString(got); n > taskNameMax {
			t.Errorf("TaskName(%q) has %d characters", c.content, n)
		}
	}
	if got := TaskNumber(&model.Task{STT: "1.", Section: &model.Section{Number: "IX."}}); got != "Nhiệm vụ IX.1" {
		t.Errorf("TaskNumber = %q", got)
	}
	if got := TaskNumber(&model.Task{STT: "2.1", Section: &model.Section{Number: "2."}}); got != "Nhiệm vụ 2.1" {
		t.Errorf("TaskNumber of a number that holds its section's = %q", got)
	}
}

// A page's <title> is at most 70 characters: the site's name goes first, then the page's
// title is cut at a word; a plan uses its short title; a list page keeps its page number.
func TestHeadTitle(t *testing.T) {
	site := &model.Site{Title: "Công khai kế hoạch kiểm soát thủ tục hành chính"}
	long := strings.Repeat("Thủ tục cấp giấy phép hoạt động cho cơ sở ", 3)
	plan := &model.Plan{Title: long, ShortTitle: "Kiểm soát TTHC 2025 (An Giang)"}
	for _, c := range []struct {
		pg   Page
		want string
	}{
		{Page{Title: "Trang chủ"}, "Trang chủ – Công khai kế hoạch kiểm soát thủ tục hành chính"},
		{Page{Title: "Danh mục thủ tục hành chính"}, "Danh mục thủ tục hành chính"},
		{Page{Title: long, Plan: plan}, "Kiểm soát TTHC 2025 (An Giang)"},
		{Page{Title: long}, "Thủ tục cấp giấy phép hoạt động cho cơ sở Thủ tục cấp giấy phép hoạt…"},
		{Page{Title: long + " – trang 12", List: &Listing{}}, "Thủ tục cấp giấy phép hoạt động cho cơ sở Thủ tục cấp giấy… – trang 12"},
	} {
		c.pg.Site = site
		got := c.pg.HeadTitle()
		if got != c.want {
			t.Errorf("HeadTitle(%q) = %q, want %q", c.pg.Title, got, c.want)
		}
		if n := utf8.RuneCountInString(got); n > titleMax {
			t.Errorf("HeadTitle(%q) has %d characters", c.pg.Title, n)
		}
	}
}
