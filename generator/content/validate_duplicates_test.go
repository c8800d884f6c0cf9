package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// Two tasks of one section with the same number and content are one task read twice (the
// two parts of Thừa Thiên Huế 3.1 written as two tasks): check reports the second. The
// same content under another number or in another section, and one task with two
// assignments, are not reported.
func TestDuplicateTasks(t *testing.T) {
	const head = "authority = \"a\"\nkind = \"other\"\nyear = 2022\ntitle = \"Q\"\n[document]\ntype = \"Kế hoạch\"\ntitle = \"Q\"\nissuer = \"I\"\ndate_text = \"năm 2022\"\n" +
		"[[section]]\nid = \"s\"\ntitle = \"S\"\n[[section]]\nid = \"t\"\ntitle = \"T\"\n"
	task := func(id, section, stt, content string) string {
		return "[[task]]\nid = \"" + id + "\"\nsection = \"" + section + "\"\nstt = \"" + stt + "\"\ncontent = \"" + content + "\"\n"
	}
	for _, c := range []struct {
		name, tasks string
		want        string // the start of the one error, "" for none
	}{
		{"two parts as two tasks", task("a", "s", "3.1", "Xây dựng kế hoạch") + task("b", "s", "3.1", "Xây dựng  *kế hoạch*"),
			"plans/q/plan.toml:21:1: nhiệm vụ 3.1 trùng số và nội dung với nhiệm vụ ở dòng 16 trong cùng mục \"s\""},
		{"unnumbered twice", task("a", "s", "", "Báo cáo") + task("b", "s", "", "báo cáo"), "plans/q/plan.toml:21:1: nhiệm vụ (không số) trùng"},
		{"another number", task("a", "s", "1", "Báo cáo") + task("b", "s", "2", "Báo cáo"), ""},
		{"another section", task("a", "s", "1", "Báo cáo") + task("b", "t", "1", "Báo cáo"), ""},
		{"one task, two assignments", task("a", "s", "3.1", "Xây dựng kế hoạch") +
			"[[task.assignment]]\nlead_text = \"X\"\n[[task.assignment]]\nlead_text = \"Y\"\n", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"site.toml":         {Data: []byte(`title = "T"`)},
				"agencies/a.toml":   {Data: []byte("[authority]\nname = \"Tỉnh A\"\nlevel = \"tinh\"\n")},
				"plans/q/plan.toml": {Data: []byte(head + c.tasks)},
			}
			set, err := Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			if err := Validate(set, nil); err != nil {
				for _, e := range strings.Split(err.Error(), "\n") {
					if strings.Contains(e, "trùng") {
						got = append(got, e)
					}
				}
			}
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("reported %q", got)
			case c.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], c.want)):
				t.Errorf("got %q, want one starting %q", got, c.want)
			}
		})
	}
}
