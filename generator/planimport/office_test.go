package planimport

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"congkhai/generator/content"
	"congkhai/generator/planread"
)

// The real-office fixtures: seed appendices saved by LibreOffice, not by planreadtest (see
// testdata/office/README.md for how each was made).
var officeFixtures = []struct {
	file, plan string
}{
	{"thua-thien-hue-2022-kiem-soat-tthc.docx", "thua-thien-hue-2022-kiem-soat-tthc"},
	{"vinh-long-2024-kiem-soat-tthc.docx", "vinh-long-2024-kiem-soat-tthc"},
	{"vinh-long-2024-cai-cach-hanh-chinh.xlsx", "vinh-long-2024-cai-cach-hanh-chinh"},
	{"vinh-linh-2024-kiem-soat-tthc.docx", "vinh-linh-2024-kiem-soat-tthc"},
}

// officeDoc reads a fixture of testdata/office.
func officeDoc(t testing.TB, file string) *planread.Document {
	t.Helper()
	name := filepath.Join("testdata", "office", file)
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	var doc *planread.Document
	if strings.HasSuffix(file, ".xlsx") {
		doc, err = planread.ReadXlsx(file, f)
	} else {
		doc, err = planread.ReadDocx(file, f, st.Size())
	}
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// score counts the tasks of got that are the task of want in the same place in every
// field compare looks at, and the cells of those tasks that are: the number, the content
// and the notes, and each assignment's lead, cooperating agencies, outputs and deadline.
func score(got, want *content.PlanFile) (tasksRight, tasks, cellsRight, cells int) {
	tasks = len(want.Tasks)
	for i, w := range want.Tasks {
		wa := assignments(w)
		n := 3 + 4*len(wa)
		cells += n
		if i >= len(got.Tasks) {
			continue
		}
		g := got.Tasks[i]
		ga := assignments(g)
		right := 0
		for _, ok := range []bool{g.Section == w.Section && g.STT == w.STT && g.STT2 == w.STT2, sameText(g.Content, w.Content), sameText(g.Notes, w.Notes)} {
			if ok {
				right++
			}
		}
		for j := range wa {
			if j >= len(ga) {
				break
			}
			for _, ok := range []bool{
				sameSet(ga[j].Lead, wa[j].Lead), sameSet(ga[j].Cooperating, wa[j].Cooperating),
				sameText(strings.Join(ga[j].Outputs, "\n"), strings.Join(wa[j].Outputs, "\n")), sameText(ga[j].Deadline, wa[j].Deadline),
			} {
				if ok {
					right++
				}
			}
		}
		if len(ga) != len(wa) {
			right = min(right, n-1)
		}
		cellsRight += right
		if right == n {
			tasksRight++
		}
	}
	return
}

// Each real-office fixture imports, without being told its year, to the plan in content/:
// its folder name (authority, year, kind), sections and every task.
func TestOfficeFixturesReproduceContent(t *testing.T) {
	for _, f := range officeFixtures {
		t.Run(f.file, func(t *testing.T) {
			want, reg := contentPlan(t, f.plan)
			res := importDoc(t, officeDoc(t, f.file), reg, 0, nil)
			if id := ID(res.Plan); id != f.plan {
				t.Errorf("filed as %q (year %d, kind %q), want %q", id, res.Plan.Year, res.Plan.Kind, f.plan)
			}
			for _, d := range compare(res.Plan, want) {
				t.Error(d)
			}
			tr, tn, cr, cn := score(res.Plan, want)
			t.Logf("%s: tasks read right %d/%d, cells %d/%d; %s", f.file, tr, tn, cr, cn, res.Summary())
			for _, n := range res.Notes {
				if n.Level != Read {
					t.Logf("%v", n)
				}
			}
		})
	}
}

// Imported over the plan in content/, each fixture is its new version: every task keeps its
// ID and none is dropped or added.
func TestOfficeFixturesReimport(t *testing.T) {
	for _, f := range officeFixtures {
		t.Run(f.file, func(t *testing.T) {
			want, reg := contentPlan(t, f.plan)
			res := importDoc(t, officeDoc(t, f.file), reg, 0, want)
			if !res.Revision || res.Kept != len(want.Tasks)+len(want.Indicators) || len(res.Dropped) != 0 || len(res.Plan.Tasks) != len(want.Tasks) {
				t.Errorf("revision %v: %d tasks, kept %d of %d, dropped %v", res.Revision, len(res.Plan.Tasks), res.Kept, len(want.Tasks), res.Dropped)
			}
			for i := range min(len(res.Plan.Tasks), len(want.Tasks)) {
				if g, w := res.Plan.Tasks[i], want.Tasks[i]; g.ID != w.ID || g.EditorNote != w.EditorNote {
					t.Errorf("task %d: id %q, want %q", i, g.ID, w.ID)
				}
			}
		})
	}
}

// The Vĩnh Linh fixture is the whole plan, its letterhead a two-column table with the
// number and day left blank ("Số: /KH-UBND", "Vĩnh Linh, ngày tháng năm 2024"): the
// document's facts read as in content/.
func TestOfficeFixtureOpening(t *testing.T) {
	want, reg := contentPlan(t, "vinh-linh-2024-kiem-soat-tthc")
	res := importDoc(t, officeDoc(t, "vinh-linh-2024-kiem-soat-tthc.docx"), reg, 0, nil)
	g, w := res.Plan.Document, want.Document
	for _, f := range []struct{ key, got, want string }{
		{"type", g.Type.String(), w.Type.String()}, {"number", g.Number, w.Number}, {"date_text", g.DateText, w.DateText},
		{"place", g.Place, w.Place}, {"title", g.Title, w.Title}, {"issuer", g.Issuer, w.Issuer}, {"signer", g.Signer, w.Signer},
		{"signer_title", g.SignerTitle, w.SignerTitle}, {"legal_bases", fmt.Sprint(g.LegalBases), fmt.Sprint(w.LegalBases)},
		{"recipients", fmt.Sprint(g.Recipients), fmt.Sprint(w.Recipients)}, {"plan title", res.Plan.Title, want.Title},
	} {
		if f.got != f.want {
			t.Errorf("document.%s: %q, want %q", f.key, f.got, f.want)
		}
	}
	if !g.Date.IsZero() || !slices.ContainsFunc(res.Notes, func(n Note) bool {
		return n.Pos.Line == 2 && strings.HasPrefix(n.Msg, "document.date: văn bản để trống ngày")
	}) {
		t.Errorf("date %v; the blank day is not noted where the letterhead prints it", g.Date)
	}
}
