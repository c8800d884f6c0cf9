package content

import (
	"strconv"
	"strings"
)

// duplicateTasks reports two tasks of one section of a plan with the same number and the
// same content: one task read twice, such as a row whose number and content cells were
// merged over its two assignments (Thừa Thiên Huế 3.1 and 3.2) written as two tasks. The
// site would show the task twice, each with half of its work; the task is one, with a
// [[task.assignment]] for each part.
func (v *validator) duplicateTasks(p *PlanFile) {
	seen := map[string]int{}
	for i, t := range p.Tasks {
		if strings.TrimSpace(t.Content) == "" {
			continue // reported as required
		}
		key := t.Section + "\x00" + strings.TrimSpace(t.STT) + "\x00" + duplicateKey(t.Content)
		j, dup := seen[key]
		if !dup {
			seen[key] = i
			continue
		}
		number := strings.TrimSpace(t.STT)
		if number == "" {
			number = "(không số)"
		}
		v.errs.Add(p.Pos("task."+strconv.Itoa(i)),
			"nhiệm vụ %s trùng số và nội dung với nhiệm vụ ở dòng %d trong cùng mục %q: nếu đây là các phần giao việc của một nhiệm vụ, gộp thành một nhiệm vụ với mỗi phần một [[task.assignment]]",
			number, p.Pos("task."+strconv.Itoa(j)).Line, t.Section)
	}
}

// duplicateKey is a content as a reader tells it apart: without emphasis marks, case and
// spacing.
func duplicateKey(s string) string {
	s = strings.NewReplacer("*", "", "_", "").Replace(s)
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}
