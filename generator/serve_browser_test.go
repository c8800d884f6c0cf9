package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"congkhai/generator"
	"congkhai/generator/serve"
)

// In a real browser, a page of the preview reloads by itself when a file is saved: with the
// change, with the list of problems when the change breaks the content, and with the site
// again once it is fixed.
func TestServeReloadsInBrowser(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	copyDir(t, "../testdata/small/content", dir)
	s, err := serve.Listen(serve.Config{
		Build:      generator.Options{Content: os.DirFS(dir), Out: filepath.Join(t.TempDir(), "public"), AsOf: asOf},
		Watch:      []string{dir},
		Addr:       "127.0.0.1:0",
		ContentDir: dir,
	})
	if err != nil {
		t.Fatal(err)
	}
	sctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(sctx) }()
	t.Cleanup(func() { stop(); <-done })

	site := filepath.Join(dir, "site.toml")
	orig, _ := os.ReadFile(site)
	save := func(text string) {
		t.Helper()
		if err := os.WriteFile(site, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// title waits until the page shows want; the page reloads meanwhile, so a look that
	// meets a navigation looks again.
	title := func(want string) {
		t.Helper()
		got := ""
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
			if err == nil && strings.Contains(v, want) {
				return
			}
			got = v
		}
		t.Fatalf("the page never showed %q; it shows %.300q", want, got)
	}
	do(t, ctx, "open the preview", chromedp.Navigate(s.URL()+"ke-hoach/"))
	title("Trang thử nghiệm")
	save(strings.Replace(string(orig), "Trang thử nghiệm", "Trang đã lưu lại", 1))
	title("Trang đã lưu lại")
	save(string(orig) + "\nkhoa_la = 1\n")
	title("Lỗi khi dựng trang")
	title("site.toml")
	save(string(orig))
	title("Trang thử nghiệm")
}
