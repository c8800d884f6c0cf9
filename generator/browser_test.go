package generator_test

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// chromium finds a Chromium to drive. A machine without one skips the browser tests, unless
// CONGKHAI_REQUIRE_BROWSER is set, as .ci/run does after installing it. $CHROMIUM names
// another browser.
func chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CONGKHAI_REQUIRE_BROWSER") != "" {
		t.Fatal("Chromium is required (CONGKHAI_REQUIRE_BROWSER is set) but not found")
	}
	t.Skip("Chromium not found; the browser tests need it (apt-get install chromium)")
	return ""
}

// browser starts a headless Chromium for the test, with a fresh profile and none of the
// background connections a closed network refuses. It lives until the test ends; limit
// actions with a context derived from it.
func browser(t testing.TB) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)), chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.WindowSize(1024, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// Search works in a real browser from a page deep in the site, served under a subpath, and
// from disk; and without JavaScript, the search page says so and links to the lists.
func TestSearchInBrowser(t *testing.T) {
	site := builtExample(t)
	ctx, cancel := context.WithTimeout(browser(t), 2*time.Minute)
	defer cancel()
	srv := newSiteServer(site, "/so/ubnd/")
	defer srv.Close()
	base := srv.url("")
	task := "ke-hoach/vinh-long-2024-kiem-soat-tthc/so-hoa-ho-so-ket-qua-tthc/index.html"

	t.Run("header box under a subpath", func(t *testing.T) {
		do(t, ctx, "open a task page",
			chromedp.Navigate(base+task),
			chromedp.WaitVisible("#tim-nhanh"),
			chromedp.SendKeys("#tim-nhanh", "dang ky ket hon"),
			chromedp.WaitVisible(`#tim-nhanh-kq[data-state="done"][data-query="dang ky ket hon"]`))
		hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll("#tim-nhanh-kq a")].map(a => a.href)`)
		if len(hrefs) < 2 || !strings.HasPrefix(hrefs[0], base+"thu-tuc/") {
			t.Fatalf("results %v", hrefs)
		}
		if !slices.Contains(hrefs, base+"thu-tuc/1.000894/index.html") {
			t.Errorf("Đăng ký kết hôn is not among %v", hrefs)
		}
		if last := hrefs[len(hrefs)-1]; !strings.HasPrefix(last, base+"tim-kiem/index.html?q=dang%20ky%20ket%20hon") {
			t.Errorf("the last link is %q, want the search page with the query", last)
		}
		if s := eval[string](t, ctx, `document.querySelector("form.search [role=status]").textContent`); !strings.Contains(s, "kết quả") {
			t.Errorf("live region says %q", s)
		}
		if m := eval[[]string](t, ctx, `[...document.querySelectorAll("#tim-nhanh-kq mark")].map(m => m.textContent)`); !slices.Contains(m, "kết") || !slices.Contains(m, "đăng") && !slices.Contains(m, "Đăng") {
			t.Errorf("marks %v: want the matches in their diacritics", m)
		}
		// Arrows move through the results, Escape closes them and returns to the box.
		do(t, ctx, "keys", chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown))
		if f := eval[string](t, ctx, `document.activeElement.href || ""`); f != hrefs[1] {
			t.Errorf("after two ArrowDown, focus is on %q, want %q", f, hrefs[1])
		}
		do(t, ctx, "escape", chromedp.KeyEvent(kb.Escape))
		if eval[string](t, ctx, `document.activeElement.id`) != "tim-nhanh" || !eval[bool](t, ctx, `document.getElementById("tim-nhanh-kq").hidden`) {
			t.Error("Escape did not close the results and return to the box")
		}
		// Enter goes to the search page with the query.
		do(t, ctx, "submit",
			chromedp.Focus("#tim-nhanh"), chromedp.KeyEvent(kb.Enter),
			chromedp.WaitVisible(`#ket-qua[data-state="done"]`))
		if u := eval[string](t, ctx, `location.href`); !strings.HasPrefix(u, base+"tim-kiem/index.html?q=dang+ky+ket+hon") {
			t.Errorf("Enter led to %s", u)
		}
	})

	t.Run("search page filters by kind", func(t *testing.T) {
		do(t, ctx, "open the search page",
			chromedp.Navigate(base+"tim-kiem/index.html?q=so+hoa"),
			chromedp.WaitVisible(`#ket-qua[data-state="done"]`))
		if n := eval[int](t, ctx, `document.querySelectorAll("#ket-qua li").length`); n != 20 {
			t.Errorf("%d results on the first screen, want 20", n)
		}
		do(t, ctx, "more results",
			chromedp.Click("#them"),
			chromedp.WaitVisible(`#ket-qua li:nth-child(40)`))
		buttons := eval[[]string](t, ctx, `[...document.querySelectorAll(".kinds button")].map(b => b.textContent)`)
		if len(buttons) < 3 || !strings.HasPrefix(buttons[0], "Tất cả (") {
			t.Fatalf("kind buttons %v", buttons)
		}
		do(t, ctx, "choose tasks",
			chromedp.Click(`//button[starts-with(., "Nhiệm vụ")]`),
			chromedp.WaitVisible(`.kinds button[aria-pressed="true"]:not(:first-child)`),
			chromedp.WaitVisible(`#ket-qua[data-state="done"]`))
		kinds := eval[[]string](t, ctx, `[...document.querySelectorAll("#ket-qua .kind")].map(k => k.textContent)`)
		if len(kinds) == 0 {
			t.Fatal("no results after choosing a kind")
		}
		for _, k := range kinds {
			if k != "Nhiệm vụ" {
				t.Errorf("a %q among the tasks", k)
			}
		}
		if u := eval[string](t, ctx, `location.search`); !strings.Contains(u, "loai=nhiem-vu") {
			t.Errorf("the address %q does not keep the filter", u)
		}
		if eval[bool](t, ctx, `getComputedStyle(document.querySelector(".no-js")).display !== "none"`) {
			t.Error("the no-JavaScript notice shows while JavaScript runs")
		}
	})

	t.Run("from disk", func(t *testing.T) {
		root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(site) + "/"}).String()
		do(t, ctx, "open the search page from disk",
			chromedp.Navigate(root+"tim-kiem/index.html?q=1.001226"),
			chromedp.WaitVisible(`#ket-qua[data-state="done"]`))
		hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll("#ket-qua a")].map(a => a.href)`)
		if len(hrefs) != 1 || hrefs[0] != root+"thu-tuc/1.001226/index.html" {
			t.Errorf("from disk, 1.001226 gives %v", hrefs)
		}
		do(t, ctx, "the header box from disk",
			chromedp.Navigate(root+task),
			chromedp.SendKeys("#tim-nhanh", "2890/QĐ-UBND"),
			chromedp.WaitVisible(`#tim-nhanh-kq[data-state="done"]`))
		if first := eval[string](t, ctx, `document.querySelector("#tim-nhanh-kq a").href`); first != root+"ke-hoach/vinh-long-2024-cai-cach-hanh-chinh/index.html" {
			t.Errorf("from disk, 2890/QĐ-UBND first gives %s", first)
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		ctx, cancel := chromedp.NewContext(ctx)
		defer cancel()
		do(t, ctx, "open the search page without JavaScript",
			chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
				return err
			}),
			chromedp.Navigate(base+"tim-kiem/index.html?q=dat+dai"),
			chromedp.WaitVisible(".no-js"))
		text := eval[string](t, ctx, `document.querySelector(".no-js").innerText`)
		if !strings.Contains(text, "cần JavaScript") || !strings.Contains(text, "Danh mục thủ tục hành chính") {
			t.Errorf("the notice says %q", text)
		}
		do(t, ctx, "a task page", chromedp.Navigate(base+task), chromedp.WaitVisible("main"))
		if eval[bool](t, ctx, `getComputedStyle(document.querySelector("form.search")).display !== "none"`) {
			t.Error("the header's search box shows where it cannot work")
		}
	})
}

// The list pages and an agency's page, read on a phone 360 px wide, do not scroll sideways:
// their tables become cards and the page navigation wraps.
func TestListPagesFitAPhone(t *testing.T) {
	site := builtExample(t)
	ctx := browser(t)
	root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(site) + "/"}).String()
	do(t, ctx, "a phone's screen", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 360, Height: 800, DeviceScaleFactor: 2, Mobile: true})
		return err
	}))
	for _, page := range []string{
		"ke-hoach/index.html",
		"co-quan/index.html",
		"co-quan/an-giang/index.html",
		"co-quan/an-giang/cac-so-ban-nganh/index.html",
		"co-quan/vinh-long/cac-so-ban-nganh/chu-tri/trang-2/index.html",
		"co-quan/an-giang/ubnd-tinh/truc-thuoc/index.html",
		"thu-tuc/trang-12/index.html",
		"thu-tuc/co-quan/index.html",
		"pakn/index.html",
		"pakn/co-quan/index.html",
		"chi-so-766/index.html",
	} {
		do(t, ctx, page, chromedp.Navigate(root+page), chromedp.WaitVisible("main"))
		// A phone widens its viewport to what does not fit, or lets it scroll.
		if w := eval[int](t, ctx, `Math.max(window.innerWidth, document.documentElement.scrollWidth)`); w != 360 {
			t.Errorf("%s is %d px wide on a 360 px screen", page, w)
		}
	}
}
