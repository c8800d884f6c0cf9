package generator_test

import (
	"os"
	"testing"

	"congkhai/generator/schedule"
)

// Every deadline of the five seed plans is read as something a program can use, except the
// few that only a person can read; those are listed here so that a regression in the parser,
// or a new unreadable text, fails.
func TestExampleSiteDeadlines(t *testing.T) {
	site := exampleModel(t)
	unreadable := map[string]bool{}
	kinds := map[schedule.Kind]int{}
	for _, p := range site.Plans {
		for _, task := range p.Tasks {
			for _, a := range task.Assignments {
				kinds[a.Deadline.Kind]++
				if a.Deadline.Kind == schedule.KindText && a.Deadline.Text != "" {
					unreadable[a.Deadline.Text] = true
				}
				if os.Getenv("DEADLINES") != "" {
					t.Logf("%-12s %-40q %s", a.Deadline.Kind, a.Deadline.Text, a.Deadline.Describe())
				}
			}
		}
	}
	t.Logf("deadlines by kind: %v", kinds)
	// Texts with no date in them: the status of their tasks is "Chưa có báo cáo" until a
	// report says otherwise, as for event deadlines.
	want := []string{"Báo cáo kết quả kiểm tra", "Theo Kế hoạch", "Theo Kế hoạch của Cơ quan Trung ương", "Theo Kế hoạch của đơn vị"}
	for _, text := range want {
		if !unreadable[text] {
			t.Errorf("deadline %q is now understood: update this test", text)
		}
		delete(unreadable, text)
	}
	for text := range unreadable {
		t.Errorf("deadline %q is not understood", text)
	}
}
