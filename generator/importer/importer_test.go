package importer_test

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"congkhai/generator/importer"
)

// The example's national ranking is exactly what importing the published CSV gives, so the
// site shows the real figures and the import is reproducible.
func TestScoresReproducesExample(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../../content/agencies", filepath.Join(dir, "agencies"))
	in, err := os.Open("../../testdata/766/provinces-2026-10-05.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, n, err := importer.Scores(importer.ScoreImport{Content: dir, Input: in, Name: "provinces-2026-10-05.csv",
		Period: "2026", Through: time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC), ID: "2026-toan-quoc",
		Title:  "Kết quả Bộ chỉ số 766 năm 2026 (lũy kế đến 05/10/2026) của các tỉnh, thành phố",
		Scope:  "Các tỉnh, thành phố trực thuộc trung ương",
		Source: "Cổng Dịch vụ công quốc gia, công bố ngày 05/10/2026 (tệp provinces-2026-10-05.csv)"})
	if err != nil || n != 34 {
		t.Fatalf("import: %d units, %v", n, err)
	}
	got, _ := os.ReadFile(out)
	want, _ := os.ReadFile("../../content/chi-so-766/2026-toan-quoc.toml")
	if !bytes.Equal(got, want) {
		t.Errorf("import differs from content/chi-so-766/2026-toan-quoc.toml:\n%s", got)
	}
}

// A CSV with problems is reported whole, with positions, and nothing is written.
func TestScoresRejectsBadInput(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../../content/agencies", filepath.Join(dir, "agencies"))
	csv := "ma_don_vi,ten_don_vi,tong_diem,CKMB,TDGQ,CLGQ,TTTT,MDSH,MDHL,xep_hang\n" +
		"H01,UBND tỉnh An Giang,58.72,8,18.15,7,6.49,9.13,9.95,29\n" +
		"H20,UBND tỉnh Đồng Tháp,68.2,11.46,17.63,8.88,6.37,9.67,14.1,1\n" +
		"H77,UBND tỉnh Mới,50,20,10,5,5,5,5,2\n"
	_, _, err := importer.Scores(importer.ScoreImport{Content: dir, Input: strings.NewReader(csv), Name: "kq.csv", Period: "2026", Title: "x"})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"kq.csv:3:25: total: 68.20 khác tổng điểm sáu nhóm 68.11",
		"kq.csv:4:1: không tìm thấy đơn vị H77 (UBND tỉnh Mới) trong agencies/",
		"kq.csv:4:22: ckmb: 20.00 nằm ngoài 0..18",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "chi-so-766")); err == nil {
		t.Error("a failed import wrote files")
	}
}

// Importing the whole national file accounts for every record, and reproduces the example
// catalogue byte for byte.
func TestProceduresWholeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("converts 2,642 records")
	}
	dir := t.TempDir()
	copyDir(t, "../../content/agencies", filepath.Join(dir, "agencies"))
	f, err := os.Open("../../testdata/tthc/national-procedures.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := importer.Procedures(importer.ProcedureImport{Content: dir, Input: gz, Name: "national-procedures.jsonl",
		Authority: "an-giang", Levels: []string{"tinh", "xa"}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 2642 || rep.Written+rep.Filtered+rep.Rejected != rep.Records {
		t.Errorf("records %d = written %d + filtered %d + rejected %d does not add up to 2,642", rep.Records, rep.Written, rep.Filtered, rep.Rejected)
	}
	fatal := 0
	for _, p := range rep.Problems {
		if p.Fatal {
			fatal++
			if p.Msg == "" || p.Line == 0 {
				t.Errorf("rejection without reason or line: %+v", p)
			}
		}
	}
	if fatal < rep.Rejected {
		t.Errorf("%d records rejected but only %d reasons given", rep.Rejected, fatal)
	}
	t.Logf("records %d: written %d (clean %d), other levels %d, rejected %d; %d agency names unresolved",
		rep.Records, rep.Written, rep.Clean, rep.Filtered, rep.Rejected, len(rep.Unresolved))
	got, _ := filepath.Glob(filepath.Join(dir, "thu-tuc", "*.toml"))
	want, _ := filepath.Glob("../../content/thu-tuc/*.toml")
	if len(got) != len(want) || len(got) != rep.Written {
		t.Fatalf("wrote %d files (report says %d); the example has %d", len(got), rep.Written, len(want))
	}
	for _, g := range got {
		a, _ := os.ReadFile(g)
		b, _ := os.ReadFile(filepath.Join("../../content/thu-tuc", filepath.Base(g)))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs from the example content; re-import (see README) and review", filepath.Base(g))
		}
	}
}

// An import writes only inside the content folder: an ID that is no ID is refused before
// anything is written, and a plan already in content is read only as a regular file.
func TestWritesOnlyInsideContent(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "content")
	copyDir(t, "../../content/agencies", filepath.Join(dir, "agencies"))
	csv, err := os.ReadFile("../../testdata/766/provinces-2026-10-05.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"../x", "../../x", "/tmp/x", "2026/x"} {
		_, _, err := importer.Scores(importer.ScoreImport{Content: dir, Input: bytes.NewReader(csv), Name: "kq.csv", Period: "2026", Title: "x", ID: id})
		if err == nil {
			t.Errorf("--id %q: imported", id)
		}
	}
	doc := filepath.Join(tmp, "ke-hoach.txt")
	if err := os.WriteFile(doc, []byte("Kế hoạch năm 2025 tỉnh An Giang\nSTT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành\nI\tChỉ đạo\n1\tViệc\tSở Tư pháp\tQuý I/2025\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"../x", "../../plans/x"} {
		if _, err := importer.Plan(importer.PlanImport{Content: dir, File: doc, Authority: "an-giang", ID: id}); err == nil {
			t.Errorf("plan --id %q: imported", id)
		}
	}
	// Nor a plan of a year check refuses.
	if _, err := importer.Plan(importer.PlanImport{Content: dir, File: doc, Authority: "an-giang", Year: 99999999}); err == nil {
		t.Error("a plan of the year 99999999 was imported")
	}
	if err := os.MkdirAll(filepath.Join(dir, "plans"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(tmp, "elsewhere"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(tmp, "elsewhere"), filepath.Join(dir, "plans", "p")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, err := importer.Plan(importer.PlanImport{Content: dir, File: doc, Authority: "an-giang", ID: "p"}); err == nil || !strings.Contains(err.Error(), "liên kết tượng trưng") {
		t.Errorf("a plan folder that is a link: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Join(tmp, "elsewhere")); len(entries) > 0 {
		t.Error("the plan was written through the link")
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 3 {
		t.Errorf("something was written beside the content folder: %v", entries)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}
