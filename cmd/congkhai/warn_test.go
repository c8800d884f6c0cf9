package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// What still looks like personal data in a petition after masking is a warning with its
// place in the file, for the editor to look at before publishing; it fails neither check
// nor build, and public_names in site.toml silences a name that is not a person's.
func TestCheckWarnsOfWhatLooksPersonal(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../testdata/small/content")); err != nil {
		t.Fatal(err)
	}
	petition := `received = 2026-03-02
channel = "truc-tiep"
kind = "phan-anh"
agencies = ["tinh-mau/vp-ubnd"]
status = "dang-xu-ly"
subject = "Hỏi về thủ tục"
question = """
Tôi bán hàng ở chợ Bà Năm từ năm 2010.
Nhờ cán bộ gửi giấy hẹn cho Thanh Hương giúp tôi.
"""
`
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("pakn/2026-001.toml", petition)
	write("pakn/nguyen-van-an-0912345678.toml", petition)
	code, _, stderr := runApp(t, nil, "check", "--content", dir)
	if code != exitOK {
		t.Fatalf("check exits %d: %s", code, stderr)
	}
	file := filepath.ToSlash(filepath.Join(dir, "pakn", "2026-001.toml"))
	for _, want := range []string{
		file + `:8:23: cảnh báo: có thể còn họ tên chưa được che: "Năm"`,
		file + `:9:29: cảnh báo: có thể còn họ tên chưa được che: "Thanh Hương"`,
		`nguyen-van-an-0912345678.toml: cảnh báo: tên tệp "nguyen-van-an-0912345678" có thể chứa họ tên`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("no %q in:\n%s", want, stderr)
		}
	}
	// Names the site declares public are not doubted.
	site, err := os.ReadFile(filepath.Join(dir, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	write("site.toml", string(site)+"\n[pakn]\npublic_names = [\"chợ Bà Năm\", \"Thanh Hương\"]\n")
	if _, _, stderr := runApp(t, nil, "check", "--content", dir); strings.Contains(stderr, "2026-001.toml:") {
		t.Errorf("public names are still doubted:\n%s", stderr)
	}
}
