package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// export forms writes one form per agency named; import progress reads a filled one back,
// in a dry run writing nothing, and refuses usage errors.
func TestExportFormsAndImportProgress(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := runApp(t, nil, "export", "forms", "--content", "../../content", "--as-of", "2026-12-06",
		"--agency", "an-giang/so-tu-phap,an-giang/so-noi-vu", "--out", out)
	if code != exitOK {
		t.Fatalf("export: %d %s", code, stderr)
	}
	for _, name := range []string{"an-giang_so-tu-phap_2026-Q4.xlsx", "an-giang_so-noi-vu_2026-Q4.xlsx"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s not written: %v\n%s", name, err, stdout)
		}
	}
	if !strings.Contains(stdout, "Đã xuất 2 phiếu") {
		t.Errorf("export said: %s", stdout)
	}
	code, stdout, stderr = runApp(t, nil, "import", "progress", "../../generator/progressform/testdata/libreoffice-filled.xlsx",
		"-n", "--content", "../../content", "--as-of", "2026-12-06")
	if code != exitOK || !strings.Contains(stdout, "Sẽ ghi (chạy thử, chưa ghi) progress/an-giang-2025-kiem-soat-tthc/") ||
		!strings.Contains(stdout, "2 dòng đã điền") {
		t.Errorf("import -n: %d\n%s\n%s", code, stdout, stderr)
	}
	for _, args := range [][]string{
		{"export"}, {"export", "forms"}, {"export", "forms", "--out", out, "--period", "2026-Q9"},
		{"import", "progress"},
	} {
		if code, _, _ := runApp(t, nil, append(args, "--content", "../../content")...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	code, _, stderr = runApp(t, nil, "export", "forms", "--content", "../../content", "--as-of", "2026-12-06", "--agency", "an-giang/khong-co", "--out", out)
	if code != exitProblem || !strings.Contains(stderr, "an-giang/khong-co") {
		t.Errorf("unknown agency: %d %s", code, stderr)
	}
}
