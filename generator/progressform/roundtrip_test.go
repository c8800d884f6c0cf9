package progressform_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"congkhai/generator"
	"congkhai/generator/importer"
	"congkhai/generator/model"
	"congkhai/generator/progressform"
	"congkhai/generator/schedule"
)

var asOf = schedule.D(2026, time.December, 6)

func site(t testing.TB, dir string) *model.Site {
	t.Helper()
	s, err := generator.Check(context.Background(), generator.Options{Content: os.DirFS(dir), AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// copyContent copies the example content into a temporary folder the test may write.
func copyContent(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("../../content", p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func exportOne(t *testing.T, s *model.Site, agency string) (string, *progressform.Form) {
	t.Helper()
	w, err := progressform.Export(s, progressform.Selection{Agencies: []string{agency}, Period: progressform.QuarterOf(asOf)}, t.TempDir())
	if err != nil || len(w) != 1 {
		t.Fatalf("export %s: %v (%d forms)", agency, err, len(w))
	}
	return w[0].Path, w[0].Form
}

// Every agency of the example that has something to report gets a form, the same bytes each
// time, listing its tasks by ID.
func TestExportExample(t *testing.T) {
	s := site(t, "../../content")
	sel := progressform.Selection{Period: progressform.QuarterOf(asOf)}
	dir1, dir2 := t.TempDir(), t.TempDir()
	w1, err := progressform.Export(s, sel, dir1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := progressform.Export(s, sel, dir2); err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, w := range w1 {
		rows += w.Rows
		a, _ := os.ReadFile(w.Path)
		b, _ := os.ReadFile(filepath.Join(dir2, filepath.Base(w.Path)))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two exports differ", filepath.Base(w.Path))
		}
	}
	// Every agency leading an unfinished task due by the quarter's end has a form with it.
	for _, p := range s.Plans {
		for _, task := range p.Tasks {
			st := task.Status()
			if st.Recurring() || task.Assessment.Status.Key() == "hoan-thanh" || task.Assessment.Status.Key() == "hoan-thanh-tre-han" {
				continue
			}
			for _, a := range task.Assignments {
				for _, ag := range a.Lead {
					if ag.Group() {
						continue
					}
					found := false
					for _, w := range w1 {
						if w.Form.Agency == ag {
							for _, r := range w.Form.Leads {
								found = found || r.Task == task
							}
						}
					}
					if !found {
						t.Errorf("%s leads %s/%s (%s), not on its form", ag.Key, p.ID, task.ID, st.Label())
					}
				}
			}
		}
	}
	t.Logf("%d forms, %d rows", len(w1), rows)
	if len(w1) < 20 {
		t.Errorf("only %d forms for the example", len(w1))
	}
}

// clerk fills a form as an agency's clerk would: in the yellow cells, some typed by hand.
type clerk struct {
	t *testing.T
	x *excelize.File
}

func open(t *testing.T, path string) *clerk {
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return &clerk{t, x}
}

func (c *clerk) set(sheet, cell string, v any) {
	if err := c.x.SetCellValue(sheet, cell, v); err != nil {
		c.t.Fatal(err)
	}
}

func (c *clerk) save(path string) {
	if err := c.x.SaveAs(path); err != nil {
		c.t.Fatal(err)
	}
}

// rowOf finds the sheet row of a task (and period key), from the hidden ID column.
func (c *clerk) rowOf(sheet string, match func(id string) bool) int {
	rows, _ := c.x.GetRows(sheet)
	for i, r := range rows {
		if len(r) > 0 && strings.Contains(r[0], "|") && match(r[0]) {
			return i + 1
		}
	}
	c.t.Fatalf("no row matches in %s", sheet)
	return 0
}

// A filled form comes back as progress records that pass check and show on the site;
// importing it again writes nothing.
func TestFilledFormRoundTrip(t *testing.T) {
	dir := copyContent(t)
	s := site(t, dir)
	path, form := exportOne(t, s, "an-giang/vp-ubnd")
	var plain, periodic progressform.Row
	for _, r := range form.Leads {
		if r.Period.Key == "" && plain.Task == nil {
			plain = r
		}
		if r.Period.Key != "" && periodic.Task == nil {
			periodic = r
		}
	}
	if plain.Task == nil || periodic.Task == nil {
		t.Fatal("the form has no plain or no periodic row")
	}
	c := open(t, path)
	r1 := c.rowOf("Chủ trì", func(id string) bool { return strings.HasPrefix(id, plain.ID()[:strings.Index(plain.ID(), "|")+1]) })
	r2 := c.rowOf("Chủ trì", func(id string) bool { return id == periodic.ID() })
	cellAt := func(col string, r int) string { return col + strconv.Itoa(r) }
	// Row 1: typed by hand: no diacritics, "50%" as text, a date as text.
	c.set("Chủ trì", cellAt("I", r1), "dang thuc hien")
	c.set("Chủ trì", cellAt("J", r1), "50%")
	c.set("Chủ trì", cellAt("K", r1), "15/3/2026")
	c.set("Chủ trì", cellAt("M", r1), "Đã trình dự thảo, chờ ý kiến các sở.")
	// Row 2: the period's report, a real date cell, and a document.
	c.set("Chủ trì", cellAt("I", r2), "Báo cáo kỳ")
	c.set("Chủ trì", cellAt("K", r2), time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	c.set("Chủ trì", cellAt("M", r2), "Đã công khai kết quả của kỳ.")
	c.set("Chủ trì", cellAt("N", r2), "123/BC-VP")
	c.set("Chủ trì", cellAt("O", r2), "20/11/2026")
	c.set("Chủ trì", cellAt("P", r2), "Báo cáo kết quả")
	c.set("Chủ trì", cellAt("Q", r2), "https://angiang.gov.vn/bao-cao-123")
	filled := filepath.Join(t.TempDir(), "filled.xlsx")
	c.save(filled)

	ctx := context.Background()
	rep, err := importer.Progress(ctx, importer.ProgressImport{Content: dir, Files: []string{filled}, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 2 || len(rep.Written) != 2 {
		t.Fatalf("read %d rows, wrote %v", rep.Rows, rep.Written)
	}
	rec, _ := os.ReadFile(filepath.Join(dir, rep.Written[0]))
	for _, want := range []string{`status = "in-progress"`, "percent = 50", "date = 2026-03-15", `agency = "vp-ubnd"`, "Đã trình dự thảo"} {
		if !bytes.Contains(rec, []byte(want)) {
			t.Errorf("%s lacks %s:\n%s", rep.Written[0], want, rec)
		}
	}
	rec, _ = os.ReadFile(filepath.Join(dir, rep.Written[1]))
	for _, want := range []string{`status = "periodic"`, `period = "` + periodic.Period.Key + `"`, "date = 2026-11-20", `number = "123/BC-VP"`, "date = 2026-11-20", `url = "https://angiang.gov.vn/bao-cao-123"`} {
		if !bytes.Contains(rec, []byte(want)) {
			t.Errorf("%s lacks %s:\n%s", rep.Written[1], want, rec)
		}
	}
	// The site has the reports: the period is reported now.
	after := site(t, dir)
	for _, p := range after.Plans {
		for _, task := range p.Tasks {
			if task.ID == periodic.Task.ID && p.ID == periodic.Task.Plan.ID {
				for _, pc := range task.Assessment.Periods {
					if pc.Period.Key == periodic.Period.Key && pc.Report < 0 {
						t.Errorf("period %s still without a report", pc.Period.Key)
					}
				}
			}
			if task.ID == plain.Task.ID && p.ID == plain.Task.Plan.ID {
				if r := task.LatestReport(); r == nil || r.Percent != 50 {
					t.Errorf("latest report of %s: %+v", task.ID, r)
				}
			}
		}
	}
	// Again: nothing new.
	rep, err = importer.Progress(ctx, importer.ProgressImport{Content: dir, Files: []string{filled}, AsOf: asOf})
	if err != nil || len(rep.Written) != 0 || rep.Unchanged != 2 {
		t.Errorf("second import: %v, wrote %v, unchanged %d", err, rep.Written, rep.Unchanged)
	}
}

// Every bad cell of a form is reported at its position, all at once, and nothing is written.
func TestBadFormReportsEveryCell(t *testing.T) {
	dir := copyContent(t)
	s := site(t, dir)
	path, form := exportOne(t, s, "an-giang/vp-ubnd")
	if len(form.Leads) < 8 {
		t.Fatalf("%d rows", len(form.Leads))
	}
	c := open(t, path)
	const sh = "Chủ trì"
	row := func(i int) string { return strconv.Itoa(5 + i) }
	c.set(sh, "I"+row(0), "xong rồi") // not a status
	c.set(sh, "K"+row(0), "01/01/2026")
	c.set(sh, "I"+row(1), "Đang thực hiện")
	c.set(sh, "J"+row(1), "150")           // out of range
	c.set(sh, "K"+row(1), "01/01/2027")    // after the as-of day
	c.set(sh, "I"+row(2), "Đã hoàn thành") // done without a completion day
	c.set(sh, "K"+row(2), "10/10/2026")
	c.set(sh, "I"+row(3), "Đang thực hiện")
	c.set(sh, "K"+row(3), "31/02/2026")         // no such day
	c.set(sh, "D"+row(4), "Nội dung đã bị sửa") // a locked cell edited
	c.set(sh, "I"+row(4), "Đang thực hiện")
	c.set(sh, "K"+row(4), "10/10/2026")
	c.set(sh, "A"+row(5), "an-giang-2025-kiem-soat-tthc/khong-co|| 00000000") // an ID edited
	c.set(sh, "I"+row(5), "Đang thực hiện")
	c.set(sh, "K"+row(5), "10/10/2026")
	c.set(sh, "I"+row(6), "Đang thực hiện")
	c.set(sh, "K"+row(6), "01/01/2020") // before the plan
	id, _ := c.x.GetCellValue(sh, "A"+row(7))
	c.set(sh, "A"+row(7), id[:strings.LastIndex(id, "|")+1]+"00000000") // an older revision
	c.set(sh, "I"+row(7), "Đang thực hiện")
	c.set(sh, "K"+row(7), "10/10/2026")
	bad := filepath.Join(t.TempDir(), "bad.xlsx")
	c.save(bad)
	_, err := importer.Progress(context.Background(), importer.ProgressImport{Content: dir, Files: []string{bad}, AsOf: asOf})
	if err == nil {
		t.Fatal("a bad form was imported")
	}
	msg := err.Error()
	for _, want := range []string{
		"bad.xlsx[Chủ trì]:5:9: tình trạng \"xong rồi\" không có trong danh sách",
		"bad.xlsx[Chủ trì]:6:10: tỷ lệ 150 không phải số nguyên từ 0 đến 100",
		"bad.xlsx[Chủ trì]:6:11: ngày báo cáo 01/01/2027 sau ngày số liệu 06/12/2026",
		"bad.xlsx[Chủ trì]:7:12: đã hoàn thành cần ghi ngày hoàn thành",
		"bad.xlsx[Chủ trì]:8:11: ngày \"31/02/2026\" không đọc được",
		"bad.xlsx[Chủ trì]:9:4: ô khóa “Nội dung nhiệm vụ” đã bị sửa",
		"bad.xlsx[Chủ trì]:10:1: không có nhiệm vụ an-giang-2025-kiem-soat-tthc/khong-co",
		"bad.xlsx[Chủ trì]:11:11: ngày báo cáo 01/01/2020 trước khi có kế hoạch",
		"bad.xlsx[Chủ trì]:12:1: nhiệm vụ",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
	if !strings.Contains(msg, "bản kế hoạch cũ") {
		t.Errorf("an older revision is not named:\n%s", msg)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "progress", "an-giang-2025-kiem-soat-tthc"))
	before, _ := os.ReadDir("../../content/progress/an-giang-2025-kiem-soat-tthc")
	if len(entries) != len(before) {
		t.Errorf("%d records after a refused import, %d before", len(entries), len(before))
	}
}

// A form of one agency whose rows were pasted into another agency's form is refused.
func TestFormOfAnotherAgency(t *testing.T) {
	dir := copyContent(t)
	s := site(t, dir)
	path, _ := exportOne(t, s, "an-giang/so-tu-phap")
	c := open(t, path)
	c.set("_congkhai", "B2", "an-giang/so-noi-vu") // the form claims another agency
	c.set("Chủ trì", "I5", "Đang thực hiện")
	c.set("Chủ trì", "K5", "10/10/2026")
	other := filepath.Join(t.TempDir(), "other.xlsx")
	c.save(other)
	_, err := importer.Progress(context.Background(), importer.ProgressImport{Content: dir, Files: []string{other}, AsOf: asOf})
	if err == nil || !strings.Contains(err.Error(), "other.xlsx[Chủ trì]:5:1") || !strings.Contains(err.Error(), "phiếu của cơ quan khác") {
		t.Errorf("a form of another agency: %v", err)
	}
}

// A second, different report for the same task and day is a conflict shown with both.
func TestConflictIsReportedWithBoth(t *testing.T) {
	dir := copyContent(t)
	s := site(t, dir)
	path, _ := exportOne(t, s, "an-giang/so-tu-phap")
	fill := func(pct string) string {
		c := open(t, path)
		c.set("Chủ trì", "I5", "Đang thực hiện")
		c.set("Chủ trì", "J5", pct)
		c.set("Chủ trì", "K5", "10/10/2026")
		out := filepath.Join(t.TempDir(), "f.xlsx")
		c.save(out)
		return out
	}
	ctx := context.Background()
	if _, err := importer.Progress(ctx, importer.ProgressImport{Content: dir, Files: []string{fill("40")}, AsOf: asOf}); err != nil {
		t.Fatal(err)
	}
	_, err := importer.Progress(ctx, importer.ProgressImport{Content: dir, Files: []string{fill("60")}, AsOf: asOf})
	if err == nil || !strings.Contains(err.Error(), "xung đột") || !strings.Contains(err.Error(), "percent = 40") || !strings.Contains(err.Error(), "percent = 60") {
		t.Errorf("conflict: %v", err)
	}
}

// A form filled by hand and saved by LibreOffice (which rewrites styles, shared strings,
// validation and protection) reads back right.
func TestLibreOfficeForm(t *testing.T) {
	dir := copyContent(t)
	rep, err := importer.Progress(context.Background(), importer.ProgressImport{Content: dir, Files: []string{"testdata/libreoffice-filled.xlsx"}, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Written) != 2 {
		t.Fatalf("wrote %v", rep.Written)
	}
	want := [][]string{
		{`status = "done"`, "percent = 100", "date = 2026-11-05", "completed = 2026-11-01", `agency = "so-tu-phap"`},
		{`status = "in-progress"`, "percent = 30", "date = 2026-11-20", `agency = "so-tu-phap"`, "Đã góp ý dự thảo."},
	}
	for i, rel := range rep.Written {
		rec, _ := os.ReadFile(filepath.Join(dir, rel))
		for _, w := range want[i] {
			if !bytes.Contains(rec, []byte(w)) {
				t.Errorf("%s lacks %s:\n%s", rel, w, rec)
			}
		}
	}
}

// A percentage is read where its meaning is certain: 50, "50%", 0.5 in a cell formatted as a
// percentage; 0.5 in a plain cell is reported.
func TestPercentCells(t *testing.T) {
	dir := copyContent(t)
	s := site(t, dir)
	path, _ := exportOne(t, s, "an-giang/so-tu-phap")
	read := func(v any, percentFormat bool) (string, error) {
		c := open(t, path)
		c.set("Chủ trì", "I5", "Đang thực hiện")
		c.set("Chủ trì", "K5", "10/10/2026")
		c.set("Chủ trì", "J5", v)
		if percentFormat {
			st, err := c.x.NewStyle(&excelize.Style{NumFmt: 9})
			if err != nil {
				t.Fatal(err)
			}
			c.x.SetCellStyle("Chủ trì", "J5", "J5", st)
		}
		out := filepath.Join(t.TempDir(), "p.xlsx")
		c.save(out)
		data, _ := os.ReadFile(out)
		es, errs := progressform.Read("p.xlsx", data, s)
		if len(errs) > 0 {
			return "", errs.Err()
		}
		return strconv.Itoa(*es[0].Percent), nil
	}
	for _, tt := range []struct {
		v       any
		format  bool
		want    string
		wantErr string
	}{
		{50, false, "50", ""},
		{"50%", false, "50", ""},
		{"50 %", false, "50", ""},
		{0.5, true, "50", ""},
		{0.5, false, "", "tỷ lệ 0.5 không rõ"},
		{"101", false, "", "không phải số nguyên từ 0 đến 100"},
		{"năm mươi", false, "", "không phải số từ 0 đến 100"},
	} {
		got, err := read(tt.v, tt.format)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%v (percent format %v): %v, want %q", tt.v, tt.format, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%v (percent format %v): %s, %v; want %s", tt.v, tt.format, got, err, tt.want)
		}
	}
}

// The form prints on A4 landscape with its header row on every page, hides and locks the ID
// column, and leaves only the cells to fill unlocked.
func TestFormLayout(t *testing.T) {
	path, _ := exportOne(t, site(t, "../../content"), "an-giang/vp-ubnd")
	c := open(t, path)
	const sh = "Chủ trì"
	pl, err := c.x.GetPageLayout(sh)
	if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 {
		t.Errorf("page layout: %+v %v", pl, err)
	}
	titled := false
	for _, n := range c.x.GetDefinedName() {
		titled = titled || n.Name == "_xlnm.Print_Titles" && n.Scope == sh && strings.HasSuffix(n.RefersTo, "!$4:$4")
	}
	if !titled {
		t.Error("no repeated header row")
	}
	if v, _ := c.x.GetColVisible(sh, "A"); v {
		t.Error("the ID column is visible")
	}
	lockedOf := func(ref string) bool {
		id, _ := c.x.GetCellStyle(sh, ref)
		st, _ := c.x.GetStyle(id)
		return st.Protection == nil || st.Protection.Locked
	}
	for _, ref := range []string{"A5", "B5", "D5", "E5", "H5"} {
		if !lockedOf(ref) {
			t.Errorf("%s is not locked", ref)
		}
	}
	for _, ref := range []string{"I5", "J5", "K5", "M5", "Q5"} {
		if lockedOf(ref) {
			t.Errorf("%s, a cell to fill, is locked", ref)
		}
	}
	dv, _ := c.x.GetDataValidations(sh)
	kinds := map[string]bool{}
	for _, d := range dv {
		kinds[d.Type] = true
	}
	if !kinds["list"] || !kinds["whole"] || !kinds["date"] {
		t.Errorf("validations: %v", kinds)
	}
}
