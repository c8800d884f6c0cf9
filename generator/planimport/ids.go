package planimport

import (
	"fmt"
	"slices"
	"strings"

	"congkhai/generator/content"
	"congkhai/generator/diag"
	"congkhai/generator/fold"
)

// IDs are what a task's permalink is made of, so a revised plan keeps the IDs of the tasks
// it did not change: a task of the new version takes the ID of the existing task with the
// same number and content, else the same content, else (noted for a person to check) of a
// task whose content is nearly the same. Every other task gets a new ID made from its
// first words, never one the existing plan used, so an old link never lands on another task.

// item is what ID matching sees of a task or an indicator.
type item struct {
	id   *string
	stt  string
	text string   // content or name
	pos  diag.Pos // where it is in the source; zero for an existing item
}

func taskItems(tasks []content.TaskRec, pos []diag.Pos) []item {
	items := make([]item, len(tasks))
	for i := range tasks {
		t := &tasks[i]
		items[i] = item{id: &t.ID, stt: t.STT, text: t.Content}
		if i < len(pos) {
			items[i].pos = pos[i]
		}
	}
	return items
}

func indicatorItems(inds []content.IndicatorRec, pos []diag.Pos) []item {
	items := make([]item, len(inds))
	for i := range inds {
		in := &inds[i]
		items[i] = item{id: &in.ID, stt: in.STT, text: in.Name}
		if i < len(pos) {
			items[i].pos = pos[i]
		}
	}
	return items
}

// similar is how alike two texts must be (by their word pairs) for a changed task to keep
// its ID.
const similar = 0.8

// assignIDs sets the IDs of items, keeping those of old where their content matches, and
// returns the old items that found no match.
func assignIDs(items, old []item, used map[string]bool, ns *notes) (kept int, dropped []item) {
	taken := make([]bool, len(old))
	match := func(same func(n, o item) bool) {
		for _, n := range items {
			if *n.id != "" {
				continue
			}
			for j, o := range old {
				if !taken[j] && same(n, o) {
					*n.id, taken[j] = *o.id, true
					kept++
					break
				}
			}
		}
	}
	match(func(n, o item) bool { return n.stt == o.stt && sameText(n.text, o.text) })
	match(func(n, o item) bool { return sameText(n.text, o.text) })
	for _, n := range items {
		if *n.id != "" {
			continue
		}
		best, score := -1, similar
		for j, o := range old {
			if s := dice(n.text, o.text); !taken[j] && s >= score {
				best, score = j, s
			}
		}
		if best >= 0 {
			*n.id, taken[best] = *old[best].id, true
			kept++
			ns.unsure(n.pos, "nội dung khác bản đang có một chút (giống %.0f%%): giữ mã %q của dòng %s cũ; kiểm tra đúng là một việc", 100*score, *n.id, old[best].stt)
		}
	}
	for _, o := range old {
		used[*o.id] = true
	}
	for _, id := range content.ReservedTaskIDs {
		used[id] = true
	}
	for _, n := range items {
		if *n.id == "" {
			*n.id = newID(n.text, used)
		}
		used[*n.id] = true
	}
	for j, o := range old {
		if !taken[j] {
			dropped = append(dropped, o)
		}
	}
	return kept, dropped
}

// newID makes an ID from the first words of text: "Xây dựng kế hoạch hoạt động kiểm soát
// TTHC năm 2024" -> "xay-dung-ke-hoach-hoat-dong-kiem", with "-2", "-3" when taken.
func newID(text string, used map[string]bool) string {
	words := strings.Split(fold.Slug(text), "-")
	id := ""
	for _, w := range words {
		if w == "" || len(id)+len(w) > content.MaxTaskIDLen && id != "" {
			break
		}
		id = strings.TrimPrefix(id+"-"+w, "-")
	}
	if id == "" {
		id = "nhiem-vu"
	}
	id = clipID(id, content.MaxTaskIDLen)
	base := id
	for n := 2; used[id]; n++ {
		suffix := fmt.Sprintf("-%d", n)
		id = clipID(base, content.MaxTaskIDLen-len(suffix)) + suffix
	}
	return id
}

// clipID cuts an ID to at most n bytes, without leaving a dash at its end.
func clipID(id string, n int) string {
	if len(id) > n {
		id = strings.TrimRight(id[:n], "-")
	}
	return id
}

// dice is the Dice coefficient of the word pairs of two texts, folded: 1 for the same
// words in the same order, near 0 for unrelated texts.
func dice(a, b string) float64 {
	pa, pb := pairs(a), pairs(b)
	if len(pa) == 0 || len(pb) == 0 {
		return 0
	}
	total := len(pa) + len(pb)
	common := 0
	for _, p := range pa {
		if i := slices.Index(pb, p); i >= 0 {
			common++
			pb[i] = ""
		}
	}
	return 2 * float64(common) / float64(total)
}

func pairs(s string) []string {
	w := strings.Fields(fold.String(textKey(s)))
	var p []string
	for i := 1; i < len(w); i++ {
		p = append(p, w[i-1]+" "+w[i])
	}
	return p
}
