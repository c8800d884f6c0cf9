package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A content folder with the example registries, for imports to resolve against.
func importContent(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "agencies"), os.DirFS("../../content/agencies")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestImport766(t *testing.T) {
	dir := importContent(t)
	code, stdout, stderr := runApp(t, nil, "import", "766", "../../testdata/766/provinces-2026-10-05.csv", "--content", dir,
		"--period", "2026", "--through", "2026-10-05", "--id", "2026-toan-quoc", "--title", "Năm 2026")
	if code != exitOK || stdout != "Đã nhập 34 đơn vị vào "+filepath.Join(dir, "chi-so-766", "2026-toan-quoc.toml")+".\n" {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	// The imported file is valid content.
	if code, _, stderr := runApp(t, nil, "check", "--content", dir); code != exitProblem || strings.Contains(stderr, "chi-so-766") {
		t.Errorf("the imported file has problems (or check passed without site.toml):\n%s", stderr)
	}
}

func TestImport766BadInput(t *testing.T) {
	dir := importContent(t)
	if code, _, stderr := runApp(t, nil, "import", "766", "../../testdata/766/provinces-2026-10-05.csv", "--content", dir, "--period", "2026-Q3", "--title", "Q3"); code != exitProblem || !strings.Contains(stderr, `kỳ "2026-Q3" không hợp lệ`) {
		t.Errorf("a period check would reject was imported: exit %d\n%s", code, stderr)
	}
	csv := filepath.Join(t.TempDir(), "kq.csv")
	os.WriteFile(csv, []byte("ma_don_vi,ten_don_vi,tong_diem,CKMB,TDGQ,CLGQ,TTTT,MDSH,MDHL,xep_hang\n"+
		"H01,UBND tỉnh An Giang,58.72,8,18.15,7,6.49,9.13,9.95,29\n"+
		"H20,UBND tỉnh Đồng Tháp,68.11,11.46,17.63,8.88,6.37,9.67,14.1,x\n"), 0o644)
	code, _, stderr := runApp(t, nil, "import", "766", csv, "--content", dir, "--period", "2026", "--title", "Năm 2026")
	if code != exitProblem || !strings.Contains(stderr, csv+":3:63: xep_hang: \"x\" không phải thứ hạng") || !strings.Contains(stderr, "1 lỗi; không ghi tệp nào") {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "chi-so-766")); err == nil {
		t.Error("a failed import wrote a file")
	}
}

func TestImportTTHC(t *testing.T) {
	dir := importContent(t)
	in := filepath.Join(t.TempDir(), "tthc.jsonl")
	rec := `{"ma_thu_tuc": "1.001226", "ten_thu_tuc": "Cấp giấy phép", "cap_thuc_hien": "Cấp tỉnh", "linh_vuc": "Quản lý xuất nhập cảnh", "co_quan_co_tham_quyen": "Công an cấp Tỉnh", "co_quan_thuc_hien": "Phòng quản lý xuất nhập cảnh", "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp1 Ngày làm việc10 USD", "trinh_tu_thuc_hien": "Bước 1: Nộp hồ sơ.", "raw_text": ""}`
	os.WriteFile(in, []byte(rec+"\n{not json\n"+strings.Replace(rec, "Cấp tỉnh", "Cấp bộ", 1)+"\n"), 0o644)
	if code, _, stderr := runApp(t, nil, "import", "tthc", in, "--content", dir, "--levels", "tỉnh"); code != exitProblem || !strings.Contains(stderr, `cấp "tỉnh" không có; các cấp là: bo, tinh, huyen, xa, khac`) {
		t.Errorf("an unknown level was not refused: exit %d\n%s", code, stderr)
	}
	code, stdout, stderr := runApp(t, nil, "import", "tthc", in, "--content", dir, "--authority", "an-giang", "--levels", "tinh, xa")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		in + ":2: bỏ qua thủ tục",
		"Đọc 3 bản ghi: ghi 1 tệp vào " + dir + "/thu-tuc",
		"bỏ qua 1 không thuộc cấp đã chọn, 1 không chuyển được.",
		"Phòng quản lý xuất nhập cảnh",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "thu-tuc", "1.001226.toml"))
	if err != nil || !strings.Contains(string(b), `id = "an-giang/cong-an-tinh"`) {
		t.Errorf("procedure file without the resolved agency (%v):\n%s", err, b)
	}
}

// A code that two records carry is written once; the second is reported, not written over
// the first.
func TestImportTTHCDuplicateCode(t *testing.T) {
	dir := importContent(t)
	in := filepath.Join(t.TempDir(), "tthc.jsonl")
	rec := `{"ma_thu_tuc": "1.001226", "ten_thu_tuc": "Cấp giấy phép", "cap_thuc_hien": "Cấp tỉnh", "linh_vuc": "Quản lý xuất nhập cảnh", "trinh_tu_thuc_hien": "Bước 1: Nộp hồ sơ.", "raw_text": ""}`
	os.WriteFile(in, []byte(rec+"\n"+strings.Replace(rec, "Cấp giấy phép", "Cấp lại giấy phép", 1)+"\n"), 0o644)
	code, stdout, stderr := runApp(t, nil, "import", "tthc", in, "--content", dir)
	if code != exitOK || !strings.Contains(stdout, in+":2: bỏ qua thủ tục 1.001226: mã thủ tục đã có ở một bản ghi trước (dòng 1)") ||
		!strings.Contains(stdout, "ghi 1 tệp") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "thu-tuc", "1.001226.toml")); !strings.Contains(string(b), `name = "Cấp giấy phép"`) {
		t.Errorf("the first record's file was replaced:\n%s", b)
	}
}

// A broken registry stops an import, reported at its place in the content folder; the
// rest of the content is not read.
func TestImportReadsOnlyTheRegistries(t *testing.T) {
	dir := importContent(t)
	os.MkdirAll(filepath.Join(dir, "plans", "x"), 0o755)
	os.WriteFile(filepath.Join(dir, "plans", "x", "plan.toml"), []byte("not = [toml"), 0o644)
	code, _, stderr := runApp(t, nil, "import", "766", "../../testdata/766/provinces-2026-10-05.csv", "--content", dir, "--period", "2026", "--title", "x")
	if code != exitOK {
		t.Errorf("a broken plan stopped the import:\n%s", stderr)
	}
	os.WriteFile(filepath.Join(dir, "agencies", "hong.toml"), []byte("x = [\n"), 0o644)
	code, _, stderr = runApp(t, nil, "import", "766", "../../testdata/766/provinces-2026-10-05.csv", "--content", dir, "--period", "2026", "--title", "x")
	if code != exitProblem || !strings.Contains(stderr, filepath.ToSlash(filepath.Join(dir, "agencies", "hong.toml"))+":1:6: đọc: cú pháp TOML") {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

// A plan imported from its text is valid content; imported again over itself, it keeps
// every ID and rewrites the same file; a dry run writes nothing.
func TestImportPlan(t *testing.T) {
	seed := "../../testdata/seeds/vinh-long-2024-kiem-soat-tthc.txt"
	if _, err := os.Stat(seed); err != nil {
		t.Fatal(err)
	}
	dir := importContent(t)
	for _, f := range []string{"site.toml", "ngay-nghi.toml"} {
		data, _ := os.ReadFile(filepath.Join("../../content", f))
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	plan := filepath.Join(dir, "plans", "vinh-long-2024-kiem-soat-tthc", "plan.toml")
	code, stdout, stderr := runApp(t, nil, "import", "plan", seed, "--content", dir, "-n")
	if _, err := os.Stat(plan); code != exitOK || err == nil || !strings.Contains(stdout, "chạy thử, chưa ghi") {
		t.Fatalf("dry run: exit %d, file written: %v\n%s%s", code, err == nil, stdout, stderr)
	}
	code, stdout, stderr = runApp(t, nil, "import", "plan", seed, "--content", dir)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		seed + ":419:2: cần xem lại: thời hạn \"Báo cáo kết quả kiểm tra\"",
		"9 mục, 40 nhiệm vụ, 0 chỉ tiêu",
		"Đã ghi " + plan,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	if code, _, stderr := runApp(t, nil, "check", "--content", dir); code != exitOK {
		t.Errorf("the imported plan is not valid content:\n%s", stderr)
	}
	first, _ := os.ReadFile(plan)
	code, stdout, _ = runApp(t, nil, "import", "plan", seed, "--content", dir)
	again, _ := os.ReadFile(plan)
	if code != exitOK || !strings.Contains(stdout, "40 nhiệm vụ và chỉ tiêu giữ mã cũ, 0 mã cũ không còn") || string(again) != string(first) {
		t.Errorf("re-import: exit %d, same file %v\n%s", code, string(again) == string(first), stdout)
	}
}

// A document without an appendix table is refused, naming the file, and nothing is written.
func TestImportPlanWithoutAppendix(t *testing.T) {
	dir := importContent(t)
	in := filepath.Join(t.TempDir(), "ke-hoach.txt")
	os.WriteFile(in, []byte("KẾ HOẠCH\nKiểm soát thủ tục hành chính năm 2025 trên địa bàn tỉnh An Giang\n"), 0o644)
	code, _, stderr := runApp(t, nil, "import", "plan", in, "--content", dir)
	if code != exitProblem || !strings.Contains(stderr, in+": không tìm thấy bảng phụ lục") {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "plans")); err == nil {
		t.Error("a failed import wrote a file")
	}
}

// An ID given on the command line obeys the rule of IDs in content: "--id ../../x" is a
// usage error, and nothing is written, inside the content folder or out of it.
func TestImportRefusesAnIDThatIsNoID(t *testing.T) {
	// Two folders deep in a folder of its own, so that ../../x lands where the test looks.
	root := t.TempDir()
	dir := filepath.Join(root, "site", "content")
	if err := os.CopyFS(filepath.Join(dir, "agencies"), os.DirFS("../../content/agencies")); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(t.TempDir(), "ke-hoach.txt")
	os.WriteFile(doc, []byte("Kế hoạch kiểm soát thủ tục hành chính năm 2025 tỉnh An Giang\n"+
		"STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\nI\tChỉ đạo\n1\tViệc\tSở Tư pháp\tUBND cấp huyện, xã\tQuý I/2025\n"), 0o644)
	for _, args := range [][]string{
		{"766", "../../testdata/766/provinces-2026-10-05.csv", "--period", "2026", "--title", "x", "--id", "../../x"},
		{"766", "../../testdata/766/provinces-2026-10-05.csv", "--period", "2026", "--title", "x", "--id", "2026/x"},
		{"plan", doc, "--authority", "an-giang", "--id", "../../x"},
		{"plan", doc, "--authority", "an-giang", "--id", "Kế-hoạch"},
	} {
		code, _, stderr := runApp(t, nil, append([]string{"import"}, append(args, "--content", dir)...)...)
		if code != exitUsage || !strings.Contains(stderr, "--id: mã") {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, stderr)
		}
	}
	for _, d := range []string{root, filepath.Join(root, "site"), dir} {
		if entries, _ := os.ReadDir(d); len(entries) != 1 {
			t.Errorf("%s holds %v, want only what the test put there", d, entries)
		}
	}
	// The plan's own folder name is made of the authority and the year, which is a year
	// check accepts.
	for _, year := range []string{"-5", "99999999", "1989"} {
		code, _, stderr := runApp(t, nil, "import", "plan", doc, "--content", dir, "--authority", "an-giang", "--year", year)
		if code != exitUsage || !strings.Contains(stderr, "--year "+year+": nằm ngoài các năm") {
			t.Errorf("--year %s: exit %d, stderr %q", year, code, stderr)
		}
	}
}

// The real-office fixtures (seed appendices saved by LibreOffice) import, without
// --authority or --year, over the plans of the example content as their new versions:
// every task keeps its ID, none is dropped, and the content is still valid.
func TestImportPlanRealOfficeFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		file, plan string
		tasks      int
	}{
		{"thua-thien-hue-2022-kiem-soat-tthc.docx", "thua-thien-hue-2022-kiem-soat-tthc", 46},
		{"vinh-long-2024-kiem-soat-tthc.docx", "vinh-long-2024-kiem-soat-tthc", 40},
		{"vinh-long-2024-cai-cach-hanh-chinh.xlsx", "vinh-long-2024-cai-cach-hanh-chinh", 66},
		{"vinh-linh-2024-kiem-soat-tthc.docx", "vinh-linh-2024-kiem-soat-tthc", 26},
	} {
		in := filepath.Join("../../generator/planimport/testdata/office", f.file)
		code, stdout, stderr := runApp(t, nil, "import", "plan", in, "--content", dir)
		for _, want := range []string{
			fmt.Sprintf(" %d nhiệm vụ, 0 chỉ tiêu;", f.tasks),
			fmt.Sprintf("Kế hoạch đã có: %d nhiệm vụ và chỉ tiêu giữ mã cũ, 0 mã cũ không còn.", f.tasks),
			"Đã ghi " + filepath.Join(dir, "plans", f.plan, "plan.toml"),
		} {
			if code != exitOK || !strings.Contains(stdout, want) {
				t.Errorf("%s: exit %d, report lacks %q:\n%s%s", f.file, code, want, stdout, stderr)
			}
		}
	}
	if code, _, stderr := runApp(t, nil, "check", "--content", dir); code != exitOK {
		t.Errorf("the content is no longer valid:\n%s", stderr)
	}
}
