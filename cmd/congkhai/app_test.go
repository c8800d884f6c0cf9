package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func runApp(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := &app{stdout: &out, stderr: &errOut, getenv: func(k string) string { return env[k] },
		now: func() time.Time { return time.Date(2026, 11, 20, 18, 30, 0, 0, time.UTC) }}
	code = a.run(context.Background(), args)
	return code, out.String(), errOut.String()
}

func TestBuildPrintsSummary(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runApp(t, nil, "build", "--content", "../../testdata/small/content", "--out", out, "--base-url", "https://congkhai.example.vn/tinh/")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// 18:30 UTC on the 20th is the 21st in Asia/Ho_Chi_Minh.
	if !regexp.MustCompile(`^Đã dựng \d+ trang \(\d+ tệp, [\d,]+ [KM]?B\) vào .* trong [\d,]+ giây; ghi \d+ tệp; số liệu đến ngày 21/11/2026\.\n$`).MatchString(stdout) {
		t.Errorf("summary: %q", stdout)
	}
	// Again, with nothing changed: nothing is written.
	if code, stdout, stderr := runApp(t, nil, "build", "--content", "../../testdata/small/content", "--out", out, "--base-url", "https://congkhai.example.vn/tinh/"); code != exitOK || !strings.Contains(stdout, "; không tệp nào thay đổi;") {
		t.Errorf("a second build, exit %d: %q %s", code, stdout, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "ke-hoach/ke-hoach-mau-2024/bao-cao-quy/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte("https://congkhai.example.vn/tinh/ke-hoach/ke-hoach-mau-2024/bao-cao-quy/")) {
		t.Error("the task page does not state its permanent link under --base-url")
	}
	notFound, err := os.ReadFile(filepath.Join(out, "404.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, link := range []string{`href="https://congkhai.example.vn/tinh/assets/style.`, `href="https://congkhai.example.vn/tinh/ke-hoach/"`} {
		if !bytes.Contains(notFound, []byte(link)) {
			t.Errorf("404.html, served at any missing address, lacks the absolute link %s", link)
		}
	}
}

func TestAsOfSources(t *testing.T) {
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"today in Vietnam", nil, nil, "21/11/2026"},
		{"SOURCE_DATE_EPOCH", map[string]string{"SOURCE_DATE_EPOCH": "1704067200"}, nil, "01/01/2024"}, // 2024-01-01 00:00 UTC
		{"flag wins", map[string]string{"SOURCE_DATE_EPOCH": "1704067200"}, []string{"--as-of", "2025-06-30"}, "30/06/2025"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"build", "--content", "../../testdata/small/content", "--out", filepath.Join(t.TempDir(), "p")}, tt.args...)
			code, stdout, stderr := runApp(t, tt.env, args...)
			if code != exitOK || !strings.Contains(stdout, "số liệu đến ngày "+tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want as-of %s", code, stdout, stderr, tt.want)
			}
		})
	}
}

func TestCheckReportsPositions(t *testing.T) {
	code, stdout, stderr := runApp(t, nil, "check", "--content", "../../testdata/broken/content")
	if code != exitProblem {
		t.Fatalf("exit %d, want %d", code, exitProblem)
	}
	if stdout != "" {
		t.Errorf("check wrote to stdout: %q", stdout)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	pos := regexp.MustCompile(`^\.\./\.\./testdata/broken/content/[^:]+(:\d+:\d+)?: `)
	for _, l := range lines[:len(lines)-1] {
		if !pos.MatchString(l) {
			t.Errorf("not file:line:col: message: %q", l)
		}
	}
	if !strings.Contains(stderr, "plan.toml:25:9: kiểm tra: lead[0]: không có cơ quan \"vp-ubn\"") {
		t.Errorf("the unknown agency is not reported at its position:\n%s", stderr)
	}
	if !strings.HasSuffix(stderr, "không ghi tệp nào.\n") {
		t.Errorf("last line: %q", lines[len(lines)-1])
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"publish"},
		{"build", "--as-of", "21/11/2026", "--content", "../../testdata/small/content"},
		{"build", "--content", "no-such-folder"},
		{"build", "--base-url", "congkhai.vn", "--content", "../../testdata/small/content"},
		{"check", "--unknown"},
	} {
		if code, _, stderr := runApp(t, nil, args...); code != exitUsage || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with a message", args, code, stderr, exitUsage)
		}
	}
	if code, stdout, _ := runApp(t, nil, "help"); code != exitOK || !strings.Contains(stdout, "--as-of") {
		t.Errorf("help: exit %d, %q", code, stdout)
	}
}

// The --templates and --static folders are read like the content folder: a symbolic link
// in them (to a file or a folder) is refused, at its path, as a usage error.
func TestOverrideFoldersRefuseLinks(t *testing.T) {
	tmp := t.TempDir()
	templates, static, outside := filepath.Join(tmp, "templates"), filepath.Join(tmp, "static"), filepath.Join(tmp, "outside")
	for _, d := range []string{templates, static, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	base, err := os.ReadFile("../../templates/base.html")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "base.html"), base, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "base.html"), filepath.Join(templates, "base.html")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(outside, filepath.Join(static, "img")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runApp(t, nil, "build", "--content", "../../testdata/small/content", "--out", filepath.Join(tmp, "public"),
		"--templates", templates, "--static", static)
	if code != exitUsage {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, exitUsage, stderr)
	}
	for _, want := range []string{filepath.ToSlash(filepath.Join(templates, "base.html")) + ": là liên kết tượng trưng", filepath.ToSlash(filepath.Join(static, "img")) + ": là liên kết tượng trưng"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("no %q in:\n%s", want, stderr)
		}
	}
}

// A build whose output folder holds its content, or sits in it, is refused before it
// starts: the first would delete the content, the second read the site as content.
func TestBuildRefusesOverlappingFolders(t *testing.T) {
	tmp := t.TempDir()
	out := filepath.Join(tmp, "public")
	if err := os.CopyFS(filepath.Join(out, "content"), os.DirFS("../../testdata/small/content")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, ".congkhai"), nil, 0o644); err != nil { // built before
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--content", filepath.Join(out, "content"), "--out", out},
		{"--content", filepath.Join(out, "content"), "--out", filepath.Join(out, "content", "public")},
		{"--content", filepath.Join(out, "content"), "--out", filepath.Join(out, "content")},
	} {
		code, _, stderr := runApp(t, nil, append([]string{"build", "--as-of", "2026-11-21"}, args...)...)
		if code != exitUsage || !strings.Contains(stderr, "--out") {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, stderr)
		}
		if _, err := os.Stat(filepath.Join(out, "content", "site.toml")); err != nil {
			t.Fatalf("%v: the content is gone: %v", args, err)
		}
	}
}

// An as-of day outside the years of content is a usage error, from the flag or from
// SOURCE_DATE_EPOCH (a negative one printed the year -1199).
func TestAsOfOutOfRange(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		args []string
	}{
		{map[string]string{"SOURCE_DATE_EPOCH": "-99999999999"}, nil},
		{map[string]string{"SOURCE_DATE_EPOCH": "-1"}, nil},
		{map[string]string{"SOURCE_DATE_EPOCH": "9223372036854775807"}, nil},
		{nil, []string{"--as-of", "0001-01-01"}},
		{nil, []string{"--as-of", "9999-12-31"}},
	} {
		args := append([]string{"check", "--content", "../../testdata/small/content"}, tt.args...)
		if code, _, stderr := runApp(t, tt.env, args...); code != exitUsage || !strings.Contains(stderr, "nằm ngoài các năm 1990–2100") {
			t.Errorf("%v %v: exit %d, stderr %q; want a usage error", tt.env, tt.args, code, stderr)
		}
	}
}
