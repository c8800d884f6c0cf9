package generator_test

import (
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congkhai/generator"
)

// A task's old ID keeps its old address working: a page there sends the reader on; the
// sitemap lists every page at its permanent address with the day its content last changed;
// robots.txt names the sitemap.
func TestOldAddressesAndSitemap(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/small/content")); err != nil {
		t.Fatal(err)
	}
	planFile := filepath.Join(dir, "plans", "ke-hoach-mau-2024", "plan.toml")
	plan, _ := os.ReadFile(planFile)
	edited := strings.Replace(string(plan), "id = \"xay-dung-ke-hoach\"\n", "id = \"xay-dung-ke-hoach\"\naliases = [\"ke-hoach-nam\"]\n", 1)
	if edited == string(plan) {
		t.Fatal("the small site has no task xay-dung-ke-hoach")
	}
	os.WriteFile(planFile, []byte(edited), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS(dir), Out: out, AsOf: asOf, BaseURL: "https://congkhai.example.vn/tinh/"}); err != nil {
		t.Fatal(err)
	}
	redirect, err := os.ReadFile(filepath.Join(out, "ke-hoach", "ke-hoach-mau-2024", "ke-hoach-nam", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`url=../xay-dung-ke-hoach/index.html`, `href="https://congkhai.example.vn/tinh/ke-hoach/ke-hoach-mau-2024/xay-dung-ke-hoach/"`, `<html lang="vi">`} {
		if !strings.Contains(string(redirect), want) {
			t.Errorf("the old address's page lacks %s:\n%s", want, redirect)
		}
	}
	var sm struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	raw, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(raw, &sm); err != nil {
		t.Fatal(err)
	}
	locs := map[string]string{}
	for _, u := range sm.URLs {
		if !strings.HasPrefix(u.Loc, "https://congkhai.example.vn/tinh/") || strings.Contains(u.Loc, "index.html") {
			t.Errorf("sitemap address %s", u.Loc)
		}
		locs[u.Loc] = u.LastMod
	}
	task := "https://congkhai.example.vn/tinh/ke-hoach/ke-hoach-mau-2024/xay-dung-ke-hoach/"
	if got := locs[task]; got != "2024-02-02" { // its report's day
		t.Errorf("lastmod of the task: %q (listed: %v)", got, len(locs))
	}
	if _, ok := locs["https://congkhai.example.vn/tinh/"]; !ok {
		t.Error("the home page is not in the sitemap")
	}
	if strings.Contains(string(raw), "ke-hoach-nam") {
		t.Error("the sitemap lists an old address")
	}
	// A link to the task pasted into a chat shows its title, status and picture; the page
	// says how to cite it.
	page, _ := os.ReadFile(filepath.Join(out, "ke-hoach", "ke-hoach-mau-2024", "xay-dung-ke-hoach", "index.html"))
	for _, want := range []string{
		`<meta property="og:image" content="https://congkhai.example.vn/tinh/ke-hoach/ke-hoach-mau-2024/xay-dung-ke-hoach/chia-se.png">`,
		`<meta name="twitter:card" content="summary_large_image">`, `<meta property="og:description" content="Hoàn thành trễ hạn`,
		`Trạng thái: Hoàn thành trễ hạn (ngày 01/02/2024`, `https://congkhai.example.vn/tinh/ke-hoach/ke-hoach-mau-2024/xay-dung-ke-hoach/ (số liệu đến ngày`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the task page lacks %s", want)
		}
	}
	robots, _ := os.ReadFile(filepath.Join(out, "robots.txt"))
	if !strings.Contains(string(robots), "Sitemap: https://congkhai.example.vn/tinh/sitemap.xml") {
		t.Errorf("robots.txt:\n%s", robots)
	}
}

// A reworded task shows its history with the change visible; a significant change reaches the
// site's history and feeds, an editor's minor correction only the task's page.
func TestRevisionsShowAndFeed(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/small/content")); err != nil {
		t.Fatal(err)
	}
	planFile := filepath.Join(dir, "plans", "ke-hoach-mau-2024", "plan.toml")
	plan, _ := os.ReadFile(planFile)
	edited := strings.Replace(string(plan), "deadline = \"Tháng 01/2024\"\n", "deadline = \"Tháng 01/2024\"\n\n"+
		"[[task.revision]]\ndate = 2024-01-10\ncontent = \"Xây dựng kế hoạch năm 2023.\"\nnote = \"Sửa năm theo Quyết định 15/QĐ-UBND.\"\n\n"+
		"[[task.revision]]\ndate = 2024-01-12\ncontent = \"Xây dựng kế hoạch nam 2024.\"\nnote = \"Sửa lỗi chính tả.\"\nminor = true\n", 1)
	if edited == string(plan) {
		t.Fatal("no task to revise")
	}
	os.WriteFile(planFile, []byte(edited), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS(dir), Out: out, AsOf: asOf}); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(filepath.Join(out, "ke-hoach", "ke-hoach-mau-2024", "xay-dung-ke-hoach", "index.html"))
	for _, want := range []string{"Lịch sử nhiệm vụ", "Sửa năm theo Quyết định 15/QĐ-UBND.", "<del>năm 2023.</del> <ins>nam 2024.</ins>", "(đính chính)", "<del>nam</del> <ins>năm</ins>"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the task page lacks %s", want)
		}
	}
	feed, _ := os.ReadFile(filepath.Join(out, "nhat-ky", "atom.xml"))
	if !strings.Contains(string(feed), "Sửa năm theo Quyết định 15/QĐ-UBND.") || strings.Contains(string(feed), "Sửa lỗi chính tả.") {
		t.Errorf("the site's feed should hold the significant change only:\n%s", feed)
	}
}
