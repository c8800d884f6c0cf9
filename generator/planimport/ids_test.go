package planimport

import (
	"slices"
	"strings"
	"testing"

	"congkhai/generator/content"
	"congkhai/generator/planread"
)

// appendixRows returns the rows of a document's appendix tables, to edit them as a revised
// plan would.
func appendixRows(t *testing.T, d *planread.Document) *planread.Table {
	t.Helper()
	_, i := findAppendix(d.Items)
	if i < 0 {
		t.Fatal("no appendix")
	}
	return d.Items[i].Table
}

// rowOf finds the row whose content cell starts with prefix.
func rowOf(t *testing.T, tbl *planread.Table, prefix string) int {
	t.Helper()
	for i, r := range tbl.Rows {
		if len(r.Cells) > 1 && strings.HasPrefix(r.Cells[1].Text, prefix) {
			return i
		}
	}
	t.Fatalf("no row starting %q", prefix)
	return -1
}

func taskByContent(p *content.PlanFile, prefix string) *content.TaskRec {
	for i := range p.Tasks {
		if strings.HasPrefix(p.Tasks[i].Content, prefix) {
			return &p.Tasks[i]
		}
	}
	return nil
}

// A revised plan keeps the IDs of the tasks it did not change, whatever else changed around
// them: a new deadline, a reworded task, a task removed, one added, two swapped.
func TestRevisedPlanKeepsIDs(t *testing.T) {
	const id = "vinh-long-2024-kiem-soat-tthc"
	old, reg := contentPlan(t, id)
	d := seedDoc(t, id)
	tbl := appendixRows(t, d)

	const (
		deadlineChanged = "Xây dựng kế hoạch hoạt động kiểm soát"
		reworded        = "Triển khai thực hiện công tác kiểm soát TTHC"
		removed         = "Triển khai thực hiện các chủ trương"
	)
	oldID := func(prefix string) string {
		if tk := taskByContent(old, prefix); tk != nil {
			return tk.ID
		}
		t.Fatalf("content has no task %q", prefix)
		return ""
	}
	const rewordedNow = "Triển khai thực hiện hoạt động kiểm soát TTHC"
	wantSame := map[string]string{deadlineChanged: oldID(deadlineChanged), rewordedNow: oldID(reworded)}
	removedID := oldID(removed)

	r := rowOf(t, tbl, deadlineChanged)
	tbl.Rows[r].Cells[len(tbl.Rows[r].Cells)-1].Text = "Tháng 01/2024"
	r = rowOf(t, tbl, reworded)
	tbl.Rows[r].Cells[1].Text = strings.Replace(tbl.Rows[r].Cells[1].Text, "công tác", "hoạt động", 1)
	r = rowOf(t, tbl, removed)
	added := slices.Clone(tbl.Rows[r].Cells)
	added[1].Text = "Tổ chức hội nghị tập huấn chuyên sâu về số hóa hồ sơ thủ tục hành chính cho cán bộ một cửa"
	tbl.Rows[r] = planread.Row{Cells: added, Pos: tbl.Rows[r].Pos}
	// Swap two tasks of another section.
	a, b := rowOf(t, tbl, "Cho ý kiến đối với quy định"), rowOf(t, tbl, "Thẩm định, thẩm tra quy định")
	tbl.Rows[a].Cells[1].Text, tbl.Rows[b].Cells[1].Text = tbl.Rows[b].Cells[1].Text, tbl.Rows[a].Cells[1].Text
	wantSame["Cho ý kiến đối với quy định"] = oldID("Cho ý kiến đối với quy định")
	wantSame["Thẩm định, thẩm tra quy định"] = oldID("Thẩm định, thẩm tra quy định")

	res := importDoc(t, d, reg, old.Year, old)
	for prefix, want := range wantSame {
		if tk := taskByContent(res.Plan, prefix); tk == nil || tk.ID != want {
			t.Errorf("task %q: %+v, want id %q", prefix, tk, want)
		}
	}
	if tk := taskByContent(res.Plan, deadlineChanged); tk == nil || tk.Deadline != "Tháng 01/2024" {
		t.Errorf("changed deadline not imported: %+v", tk)
	}
	if !slices.ContainsFunc(res.Notes, func(n Note) bool { return n.Level == Unsure && strings.Contains(n.Msg, wantSame[rewordedNow]) }) {
		t.Errorf("the reworded task kept its ID without a note to check it: %v", res.Notes)
	}
	if !slices.Equal(res.Dropped, []string{removedID}) {
		t.Errorf("dropped %v, want [%s]", res.Dropped, removedID)
	}
	newTask := taskByContent(res.Plan, "Tổ chức hội nghị tập huấn chuyên sâu")
	if newTask == nil || slices.ContainsFunc(old.Tasks, func(o content.TaskRec) bool { return o.ID == newTask.ID }) {
		t.Errorf("new task got an existing ID: %+v", newTask)
	}
	if newTask != nil && newTask.ID != "to-chuc-hoi-nghi-tap-huan-chuyen-sau-ve" {
		t.Errorf("new task's ID %q is not made from its first words", newTask.ID)
	}
	if want := len(old.Tasks) - 1; res.Kept != want {
		t.Errorf("kept %d IDs, want %d", res.Kept, want)
	}
}

func TestNewIDs(t *testing.T) {
	used := map[string]bool{"xay-dung-ke-hoach": true}
	if got := newID("Xây dựng kế hoạch", used); got != "xay-dung-ke-hoach-2" {
		t.Errorf("newID of a taken ID = %q", got)
	}
	if got := newID("Rà soát, đánh giá quy định, thủ tục hành chính theo Thông tư 02/2017/TT-VPCP", map[string]bool{}); got != "ra-soat-danh-gia-quy-dinh-thu-tuc-hanh" {
		t.Errorf("newID = %q", got)
	}
	if got := newID("…", map[string]bool{}); got != "nhiem-vu" {
		t.Errorf("newID of no words = %q", got)
	}
	// IDs are never longer than check allows, whether the first word is long or the ID
	// takes a number.
	long := "Thu thập ý kiến đánh giá giải quyết TTHC của tỉnh"
	first := newID(long, map[string]bool{})
	for _, got := range []string{
		first,
		newID(long, map[string]bool{first: true}),
		newID(strings.Repeat("x", 60)+" là một từ rất dài", map[string]bool{}),
		newID(strings.Repeat("x", 60), map[string]bool{strings.Repeat("x", 40): true}),
	} {
		if len(got) > content.MaxTaskIDLen || content.CheckID(got) != nil {
			t.Errorf("newID = %q, %d bytes", got, len(got))
		}
	}
}
