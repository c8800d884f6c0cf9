package generator_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congkhai/generator"
	"congkhai/generator/content"
	"congkhai/generator/diag"
)

// smallWith copies the small example into a temporary folder, with files added or replaced.
func smallWith(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../testdata/small/content")); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		name = filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Check and build agree on names: IDs and slugs of MaxNameLen bytes, the longest that
// check accepts, build; one byte more is a check error at the value's position, not a
// failed write without one.
func TestLongestNamesBuild(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("A ", n)) } // slug "a-a-…": 2n-1 bytes
	site := func(agencyID, field string) map[string]string {
		return map[string]string{
			"agencies/tinh-mau.toml": mustRead(t, "../testdata/small/content/agencies/tinh-mau.toml") +
				"\n[[agency]]\nid = \"" + agencyID + "\"\nname = \"Sở Tư pháp\"\nkind = \"agency\"\nlevel = \"tinh\"\n",
			"thu-tuc/1.000001.toml": "code = \"1.000001\"\nname = \"Đăng ký khai sinh\"\nfield = \"" + field + "\"\nlevels = [\"xa\"]\n" +
				"[[agency]]\nrole = \"thuc-hien\"\nname = \"Sở Tư pháp\"\nid = \"tinh-mau/" + agencyID + "\"\n",
			"pakn/2026-001.toml": "received = 2026-03-02\nchannel = \"truc-tiep\"\nkind = \"phan-anh\"\nsubject = \"Hỏi\"\n" +
				"question = \"Hỏi.\"\nstatus = \"dang-xu-ly\"\nagencies = [\"tinh-mau/" + agencyID + "\"]\n",
		}
	}
	longest := strings.Repeat("a", content.MaxNameLen)
	dir := smallWith(t, site(longest, words((content.MaxNameLen+1)/2)))
	if _, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS(dir), Out: filepath.Join(t.TempDir(), "public"), AsOf: asOf}); err != nil {
		t.Fatalf("names of %d bytes: %v", content.MaxNameLen, err)
	}

	dir = smallWith(t, site(longest+"a", words((content.MaxNameLen+1)/2)+"A")) // 256-byte ID and slug
	_, err := generator.Check(context.Background(), generator.Options{Content: os.DirFS(dir), AsOf: asOf})
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("names of %d bytes: %v", content.MaxNameLen+1, err)
	}
	want := map[string]bool{"agencies/tinh-mau.toml": false, "thu-tuc/1.000001.toml": false}
	for _, e := range list {
		if _, ok := want[e.Pos.File]; !ok || e.Pos.Line == 0 || !strings.Contains(e.Msg, "quá 255 byte") {
			t.Errorf("unexpected error: %v", e)
		}
		want[e.Pos.File] = true
	}
	for f, seen := range want {
		if !seen {
			t.Errorf("no error in %s", f)
		}
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A report's period is a period of the years of content, like its dates.
func TestReportPeriodIsBounded(t *testing.T) {
	report := "+++\ntask = \"bao-cao-quy\"\ndate = 2024-04-05\nagency = \"so-tttt\"\nstatus = \"periodic\"\nperiod = \"%s\"\n+++\n"
	for period, ok := range map[string]bool{"2024-Q2": true, "0001": false, "9999-W01": false, "2024-01-01..9999-12-31": false} {
		dir := smallWith(t, map[string]string{"progress/ke-hoach-mau-2024/bao-cao-quy-2024-04-05.md": strings.Replace(report, "%s", period, 1)})
		_, err := generator.Check(context.Background(), generator.Options{Content: os.DirFS(dir), AsOf: asOf})
		if (err == nil) != ok || err != nil && !strings.Contains(err.Error(), "bao-cao-quy-2024-04-05.md:6:1: kiểm tra: period:") {
			t.Errorf("period %q: %v", period, err)
		}
	}
}
