package planimport

import (
	"testing"

	"congkhai/generator/planread"
)

// The importer reads whatever the text reader makes of any input without panicking, and
// every task it returns lies in a section it returns.
func FuzzImportText(f *testing.F) {
	f.Add("STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\nI\tChỉ đạo\n1\tViệc\tSở Tư pháp\tUBND cấp huyện, xã\tQuý I/2025\n\tcủa tỉnh\t\t\t\n")
	f.Add("1. Mục\nStt |\nNội dung |\nCơ quan chủ trì |\nThời gian hoàn thành |\n1 |\nViệc |\nVăn phòng UBND tỉnh |\nThường xuyên |\n")
	f.Add("STT\tChỉ tiêu\tĐơn vị\tChỉ tiêu năm 2025\tCơ quan chủ trì đánh giá\n1\tTỷ lệ\t%\t80\tSở TT&TT\n")
	reg := testRegistry()
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := planread.ReadText("f", []byte(src))
		if err != nil {
			return
		}
		res, err := Import(doc, Options{Name: "f", Registry: reg})
		if err != nil {
			return
		}
		sections := map[string]bool{"": true}
		for _, s := range res.Plan.Sections {
			sections[s.ID] = true
		}
		for _, tk := range res.Plan.Tasks {
			if !sections[tk.Section] || tk.ID == "" {
				t.Fatalf("task %+v: section or ID missing", tk)
			}
		}
		if res.Clean > res.Cells {
			t.Fatalf("clean %d > cells %d", res.Clean, res.Cells)
		}
	})
}
