package planimport

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congkhai/generator/planread"
)

func TestRoleOf(t *testing.T) {
	tests := map[string]Role{
		"STT": Number, "Số TT": Number, "TT": Number, "Stt2": Number2, "Số thứ tự": Number,
		"Nội dung": Content, "NỘI DUNG CÔNG VIỆC": Content, "Nhiệm vụ": Content, "Nội dung nhiệm vụ": Content,
		"Cơ quan chủ trì": Lead, "Đơn vị chủ trì": Lead, "CƠ QUAN CHỦ TRÌ": Lead, "Cơ quan chủ trì thực hiện": Lead,
		"Cơ quan phối hợp": Cooperating, "Cơ quan, đơn vị phối hợp": Cooperating, "Đơn vị thực hiện hoặc phối hợp": Cooperating,
		"Sản phẩm": Output, "Kết quả thực hiện": Output, "Sản phẩm dự kiến hoàn thành": Output, "KẾT QUẢ THỰC HIỆN": Output,
		"Thời gian hoàn thành": Deadline, "Thời gian thực hiện": Deadline, "THỜI GIAN HOÀN THÀNH": Deadline,
		"Ghi chú": Notes, "Cơ quan chủ trì đánh giá": Evaluating, "Phân công thực hiện": Assignment,
		"Chỉ tiêu": Content, "Đơn vị": Unit, "Đơn vị tính": Unit, "Chỉ tiêu năm 2025": Target,
		"": None, "1": None, "Văn phòng UBND tỉnh": None,
		"Xây dựng kế hoạch hoạt động kiểm soát thủ tục hành chính của tỉnh năm 2024 và thời gian thực hiện": None,
	}
	for in, want := range tests {
		if got := RoleOf(in); got != want {
			t.Errorf("RoleOf(%q) = %v, want %v", in, got, want)
		}
	}
}

// The first appendix table of each seed, however its copy is laid out, has the columns
// its header names.
func TestHeaderColumnsOfSeeds(t *testing.T) {
	want := map[string]string{
		"vinh-long-2024-kiem-soat-tthc.txt":      "stt nội-dung chủ-trì phối-hợp sản-phẩm thời-gian",
		"vinh-long-2024-cai-cach-hanh-chinh.txt": "stt nội-dung chủ-trì phối-hợp sản-phẩm thời-gian",
		"thua-thien-hue-2022-kiem-soat-tthc.txt": "stt nội-dung chủ-trì phối-hợp sản-phẩm thời-gian",
		"vinh-linh-2024-kiem-soat-tthc.txt":      "stt nội-dung chủ-trì phối-hợp thời-gian",
		"an-giang-2025-kiem-soat-tthc.txt":       "stt nội-dung chủ-trì phối-hợp thời-gian sản-phẩm ghi-chú",
	}
	for name, cols := range want {
		src, err := os.ReadFile(filepath.Join(seedDir, name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := planread.ReadText(name, src)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, it := range doc.Items {
			if it.Table == nil {
				continue
			}
			var header []planread.Row
			for _, r := range it.Table.Rows {
				if !IsHeader(r) {
					break
				}
				header = append(header, r)
			}
			if len(header) > 0 {
				got = describe(HeaderColumns(header))
				break
			}
		}
		if got != cols {
			t.Errorf("%s: columns %q, want %q", name, got, cols)
		}
	}
}

func describe(c Columns) string {
	var out []string
	for _, r := range c {
		out = append(out, strings.ReplaceAll(fmt.Sprint(r), " ", "-"))
	}
	return strings.Join(out, " ")
}
