package generator_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"congkhai/generator"
	"congkhai/generator/render"
)

// kioskServer serves a built kiosk under /kiosk/ as a static host would (with ETags, so
// that a browser may ask again with If-None-Match), reading each file when it is asked
// for, so that a build published meanwhile is served at once. It logs every request;
// while down, it drops every connection, as a network that fails.
type kioskServer struct {
	*httptest.Server
	root string

	mu   sync.Mutex
	log  []string // request URIs since the last take
	down bool
}

const kioskPrefix = "/kiosk/"

func newKioskServer(root string) *kioskServer {
	s := &kioskServer{root: root}
	s.Server = httptest.NewServer(s)
	return s
}

func (s *kioskServer) url(rel string) string { return s.Server.URL + kioskPrefix + rel }

func (s *kioskServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.log = append(s.log, r.URL.RequestURI())
	down := s.down
	s.mu.Unlock()
	if down {
		panic(http.ErrAbortHandler) // the connection drops, without a response
	}
	rel, ok := strings.CutPrefix(r.URL.Path, kioskPrefix)
	if !ok || strings.Contains(rel, "..") {
		http.NotFound(w, r)
		return
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	data, err := os.ReadFile(filepath.Join(s.root, filepath.FromSlash(rel)))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	sum := sha256.Sum256(data)
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
	if t := mime.TypeByExtension(path.Ext(rel)); t != "" {
		w.Header().Set("Content-Type", t)
	}
	http.ServeContent(w, r, rel, time.Time{}, bytes.NewReader(data))
}

func (s *kioskServer) setDown(down bool) {
	s.mu.Lock()
	s.down = down
	s.mu.Unlock()
}

// take returns the requests logged since the last take.
func (s *kioskServer) take() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	log := s.log
	s.log = nil
	return log
}

// waitFor polls the page until the expression is true, and fails the test if it is not
// within d. A navigation under way makes an evaluation fail: it is tried again.
func waitFor(t *testing.T, ctx context.Context, js string, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	var last error
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(100 * time.Millisecond)
	}
	state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + " " + document.readyState`))
	t.Fatalf("waited %s for %s (last error %v; page %s)", d, js, last, state)
}

// evalWait is eval of an expression that returns a promise.
func evalWait[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// opened waits until the page at url (absolute) is shown and loaded.
func opened(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	waitFor(t, ctx, fmt.Sprintf(`location.href === %q && document.readyState === "complete"`, url), 15*time.Second)
}

// viewport makes the page a screen of w×h CSS pixels; a phone's is mobile.
func viewport(w, h int64, mobile bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		scale := 1.0
		if mobile {
			scale = 2
		}
		_, err := cdp.Call(ctx, t, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: w, Height: h, DeviceScaleFactor: scale, Mobile: mobile})
		return err
	})
}

// problems collects what a page must not have: console errors, exceptions, failed
// requests and responses of an error status.
type problems struct {
	mu   sync.Mutex
	list []string
}

func (p *problems) add(format string, args ...any) {
	p.mu.Lock()
	p.list = append(p.list, fmt.Sprintf(format, args...))
	p.mu.Unlock()
}

func (p *problems) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.list
	p.list = nil
	return l
}

func watchProblems(t *testing.T, ctx context.Context) *problems {
	t.Helper()
	p := &problems{}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			p.add("exception: %s %s", ev.ExceptionDetails.Text, ev.ExceptionDetails.URL)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				p.add("console.%s", ev.Type)
			}
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError || ev.Entry.Level == cdplog.EntryLevelWarning {
				p.add("log %s: %s %s", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL)
			}
		case *network.EventLoadingFailed:
			p.add("request failed: %s %s", ev.ErrorText, ev.BlockedReason)
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 {
				p.add("HTTP %d: %s", ev.Response.Status, ev.Response.URL)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// axeScript is axe-core, pinned in testdata/kiosk (npm ci there when it is missing).
func axeScript(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "testdata", "kiosk")
	file := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
	if _, err := os.Stat(file); err != nil {
		npm, err := exec.LookPath("npm")
		if err != nil {
			if os.Getenv("CONGKHAI_REQUIRE_BROWSER") != "" {
				t.Fatal("npm is needed to install axe-core into testdata/kiosk (CONGKHAI_REQUIRE_BROWSER is set)")
			}
			t.Skip("npm not found; the accessibility tests need axe-core (cd testdata/kiosk && npm ci)")
		}
		cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in %s: %v\n%s", dir, err, out)
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// axeCheck runs axe-core over the page as it is, with the rules of WCAG 2.0–2.2 A and AA
// (2.5.8, target size, among them) and axe's best practices, and fails on any violation.
func axeCheck(t *testing.T, ctx context.Context, axe, what string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	out := evalWait[string](t, ctx, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}, resultTypes: ["violations"]})
		.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map(n => n.target.join(" ") + ": " + n.failureSummary)}))))`)
	var violations []struct {
		ID, Impact, Help string
		Nodes            []string
	}
	if err := json.Unmarshal([]byte(out), &violations); err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("%s: axe %s (%s): %s\n  %s", what, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
	}
}

// The idle warning, in a real browser: after the idle time a warning counts down at
// least 20 seconds with a "Tiếp tục" button that keeps the visit; left alone, the kiosk
// goes back to its home screen, with what was typed, the scroll position and its history
// cleared. Moving around the kiosk never adds to the browser's history.
func TestKioskIdleWarningAndReset(t *testing.T) {
	t.Parallel() // each its own browser; the idle test mostly waits
	axe := axeScript(t)
	dir := kioskContent(t, "\n[kiosk]\nidle_seconds = 5\nwarning_seconds = 20\n")
	out := filepath.Join(t.TempDir(), "kiosk")
	buildKiosk(t, dir, out, false)
	srv := newKioskServer(out)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(browser(t), 3*time.Minute)
	defer cancel()
	bad := watchProblems(t, ctx)
	home, plans, plan := srv.url("index.html"), srv.url("ke-hoach/index.html"), srv.url("ke-hoach/ke-hoach-mau-2024/index.html")
	search := srv.url("tim-kiem/index.html")

	do(t, ctx, "open the kiosk", chromedp.Navigate(home))
	opened(t, ctx, home)
	entries := eval[int](t, ctx, `history.length`)
	if eval[bool](t, ctx, `!document.querySelector("[data-kiosk=back]").hidden`) {
		t.Error(`"Quay lại" shows on a fresh kiosk`)
	}
	do(t, ctx, "choose the plans", chromedp.Click(`a.choice[href="ke-hoach/index.html"]`))
	opened(t, ctx, plans)
	do(t, ctx, "open the plan", chromedp.Click(`main a[href="ke-hoach-mau-2024/index.html"]`))
	opened(t, ctx, plan)
	do(t, ctx, "scroll", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 300)`))
	waitFor(t, ctx, `window.scrollY > 250`, 5*time.Second)
	do(t, ctx, "search", chromedp.Click(`.kiosk-nav a[href$="tim-kiem/index.html"]`))
	opened(t, ctx, search)
	do(t, ctx, "type", chromedp.SendKeys("#q", "ke hoach"))
	waitFor(t, ctx, `document.querySelector("#ket-qua").dataset.state === "done"`, 10*time.Second)

	// "Quay lại" goes back where the visitor was, scrolled as they left it.
	do(t, ctx, "back", chromedp.Click(`[data-kiosk=back]`))
	opened(t, ctx, plan)
	waitFor(t, ctx, `window.scrollY > 250`, 5*time.Second)
	do(t, ctx, "search again", chromedp.Click(`.kiosk-nav a[href$="tim-kiem/index.html"]`))
	opened(t, ctx, search)
	do(t, ctx, "type again", chromedp.SendKeys("#q", "bao cao"))
	waitFor(t, ctx, `document.querySelector("#ket-qua").dataset.state === "done"`, 10*time.Second)
	if n := eval[int](t, ctx, `history.length`); n != entries {
		t.Errorf("moving around the kiosk made %d history entries of %d", n, entries)
	}
	if !eval[bool](t, ctx, `!document.querySelector("[data-kiosk=back]").hidden`) {
		t.Error(`"Quay lại" is hidden after three pages`)
	}

	// Left alone, the warning comes; "Tiếp tục" keeps the visit.
	waitFor(t, ctx, `document.getElementById("canh-bao").open`, 12*time.Second)
	if c := eval[string](t, ctx, `document.querySelector("#canh-bao .idle-count").textContent`); c != "20" && c != "19" {
		t.Errorf("the countdown starts at %s, want 20", c)
	}
	if f := eval[string](t, ctx, `document.activeElement.textContent`); f != "Tiếp tục" {
		t.Errorf("the warning focuses %q, want its Tiếp tục button", f)
	}
	axeCheck(t, ctx, axe, "the idle warning")
	do(t, ctx, "continue", chromedp.Click(`[data-kiosk=continue]`))
	waitFor(t, ctx, `!document.getElementById("canh-bao").open`, 2*time.Second)
	if v := eval[string](t, ctx, `location.href + " " + document.querySelector("#q").value`); v != search+"?q=bao+cao bao cao" && v != search+"?q=bao%20cao bao cao" {
		t.Errorf("after Tiếp tục the kiosk shows %q", v)
	}

	// Left alone again: the warning, then after its 20 seconds, home.
	waitFor(t, ctx, `document.getElementById("canh-bao").open`, 12*time.Second)
	warned := time.Now()
	time.Sleep(10 * time.Second)
	if v := eval[string](t, ctx, `location.href + " " + document.getElementById("canh-bao").open`); v != search+"?q=bao+cao true" && v != search+"?q=bao%20cao true" {
		t.Errorf("10 seconds into the warning the kiosk shows %q", v)
	}
	waitFor(t, ctx, `location.href === `+jsString(home)+` && document.readyState === "complete"`, 20*time.Second)
	if d := time.Since(warned); d < 19500*time.Millisecond {
		t.Errorf("the kiosk went home %s after the warning, want at least 20 s", d)
	}
	state := eval[map[string]any](t, ctx, `({history: history.length, session: sessionStorage.length, y: window.scrollY,
		back: document.querySelector("[data-kiosk=back]").hidden, warning: document.getElementById("canh-bao").open, pristine: congkhaiKiosk.pristine()})`)
	want := map[string]any{"history": float64(entries), "session": float64(0), "y": float64(0), "back": true, "warning": false, "pristine": true}
	for k, v := range want {
		if state[k] != v {
			t.Errorf("after the reset, %s is %v, want %v", k, state[k], v)
		}
	}
	for _, p := range bad.take() {
		t.Error(p)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// kioskCache lists what the kiosk's service worker keeps: the name of each of its caches,
// and the paths the one of version holds.
func kioskCache(t *testing.T, ctx context.Context, version string) (names, paths []string) {
	t.Helper()
	out := evalWait[string](t, ctx, `caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()).then(ks => [n, ks.map(k => k.url)]))))
		.then(list => JSON.stringify(list))`)
	var list [][]json.RawMessage
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		var name string
		var urls []string
		json.Unmarshal(c[0], &name)
		json.Unmarshal(c[1], &urls)
		names = append(names, name)
		if strings.HasSuffix(name, " "+version) {
			for _, u := range urls {
				paths = append(paths, strings.TrimPrefix(u, strings.TrimSuffix(name, " "+version)[len("congkhai-kiosk "):]))
			}
		}
	}
	slices.Sort(paths)
	return names, paths
}

func manifestPaths(m *render.KioskManifest) []string {
	var paths []string
	for _, f := range m.Files {
		paths = append(paths, f.URL)
	}
	return append(paths, render.KioskManifestPath)
}

// The service worker, in a real browser: it keeps the whole kiosk, which then works with
// the network down; a new build is fetched beside the one in use, only the files that
// changed, and put in use when the kiosk goes home, with the files it removed purged.
// Until then, the kiosk shows the build in use, never a mix. No request carries a query
// that would defeat a cache.
func TestKioskOfflineAndUpdate(t *testing.T) {
	t.Parallel() // each its own browser; the idle test mostly waits
	dir := kioskContent(t, "")
	out := filepath.Join(t.TempDir(), "kiosk")
	buildKiosk(t, dir, out, false)
	first := checkManifest(t, siteFiles(t, out))
	srv := newKioskServer(out)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(browser(t), 2*time.Minute)
	defer cancel()
	home, task := srv.url("index.html"), srv.url("ke-hoach/ke-hoach-mau-2024/so-hoa-ho-so/index.html")
	var requests []string
	defer func() {
		for _, r := range append(requests, srv.take()...) {
			if strings.Contains(r, "?") {
				t.Errorf("a request with a query: %s", r)
			}
		}
	}()

	do(t, ctx, "open the kiosk", chromedp.Navigate(home))
	opened(t, ctx, home)
	waitFor(t, ctx, `navigator.serviceWorker.controller !== null`, 30*time.Second)
	names, paths := kioskCache(t, ctx, first.Version)
	if len(names) != 1 || !slices.Equal(paths, slices.Sorted(slices.Values(manifestPaths(first)))) {
		t.Fatalf("the worker keeps %v: %v; want the files of the manifest", names, paths)
	}

	t.Run("offline", func(t *testing.T) {
		requests = append(requests, srv.take()...)
		srv.setDown(true)
		defer srv.setDown(false)
		do(t, ctx, "reload", chromedp.Reload())
		opened(t, ctx, home)
		if h := eval[string](t, ctx, `document.querySelector("h1").textContent`); h != "Trang thử nghiệm" {
			t.Errorf("offline, the home screen shows %q", h)
		}
		do(t, ctx, "a page never opened", chromedp.Navigate(task))
		opened(t, ctx, task)
		if h := eval[string](t, ctx, `document.querySelector("h1").textContent`); !strings.HasPrefix(h, "Số hóa hồ sơ") { // the task's name
			t.Errorf("offline, the task page shows %q", h)
		}
		do(t, ctx, "search", chromedp.Navigate(srv.url("tim-kiem/index.html?q=so+hoa")))
		waitFor(t, ctx, `document.querySelector("#ket-qua") && document.querySelector("#ket-qua").dataset.state === "done"`, 10*time.Second)
		if n := eval[int](t, ctx, `document.querySelectorAll("#ket-qua li").length`); n == 0 {
			t.Error("offline, the search finds nothing")
		}
		do(t, ctx, "an address the kiosk has not", chromedp.Navigate(srv.url("khong-co/index.html")))
		opened(t, ctx, srv.url("404.html"))
		for _, r := range srv.take() {
			if r != kioskPrefix+render.KioskWorkerPath {
				t.Errorf("offline, the kiosk asked the network for %s", r)
			}
		}
	})

	// A new build: a report edited, a task removed (its page with it).
	appendFile(t, filepath.Join(dir, "progress/ke-hoach-mau-2024/xay-dung-ke-hoach-2024-02-02.md"), "\nĐã gửi các sở.\n")
	removeTask(t, dir)
	buildKiosk(t, dir, out, false)
	second := checkManifest(t, siteFiles(t, out))
	old := map[string]string{}
	for _, f := range first.Files {
		old[f.URL] = f.Revision
	}
	changed := []string{kioskPrefix + render.KioskManifestPath}
	for _, f := range second.Files {
		if old[f.URL] != f.Revision {
			changed = append(changed, kioskPrefix+f.URL)
		}
	}
	if len(changed) < 3 || len(changed) > len(second.Files)/2 {
		t.Fatalf("the new build changed %v", changed)
	}
	do(t, ctx, "home", chromedp.Navigate(home))
	opened(t, ctx, home)
	requests = append(requests, srv.take()...)
	evalWait[bool](t, ctx, `navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)`)
	waitFor(t, ctx, `navigator.serviceWorker.getRegistration().then(r => !!r.waiting)`, 30*time.Second)

	// Installed, not in use: the kiosk still shows the build in use, the removed page too.
	do(t, ctx, "the removed page", chromedp.Navigate(task))
	opened(t, ctx, task)
	if names, _ := kioskCache(t, ctx, second.Version); len(names) != 2 {
		t.Errorf("while the new build waits, the caches are %v", names)
	}
	do(t, ctx, "home", chromedp.Navigate(home))
	opened(t, ctx, home)
	if n := eval[string](t, ctx, `document.querySelector(".choice-info").textContent`); !strings.Contains(n, "3 nhiệm vụ") {
		t.Errorf("before the reset, the home screen says %q, want the build in use's 3 tasks", n)
	}

	// The kiosk goes home by itself: the new build is put in use.
	do(t, ctx, "reset", chromedp.Evaluate[chromedp.Void](`congkhaiKiosk.reset()`))
	waitFor(t, ctx, `caches.keys().then(k => k.length === 1 && k[0].endsWith(`+jsString(" "+second.Version)+`))`, 15*time.Second)
	opened(t, ctx, home)
	waitFor(t, ctx, `document.querySelector(".choice-info").textContent.includes("2 nhiệm vụ")`, 10*time.Second)
	got := srv.take()
	requests = append(requests, got...)
	var fetched []string
	for _, r := range got {
		if r != kioskPrefix+render.KioskWorkerPath { // the browser looks for a new worker when it likes
			fetched = append(fetched, r)
		}
	}
	slices.Sort(fetched)
	slices.Sort(changed)
	t.Logf("the update fetched %d of the %d files of the new build: %v", len(fetched)-1, len(second.Files), fetched)
	if !slices.Equal(fetched, changed) {
		t.Errorf("the update fetched\n%v\nwant the manifest and the files that changed, once each:\n%v", fetched, changed)
	}
	names, paths = kioskCache(t, ctx, second.Version)
	if len(names) != 1 || !slices.Equal(paths, slices.Sorted(slices.Values(manifestPaths(second)))) {
		t.Errorf("after the update the worker keeps %v: %v; want the new build's files", names, paths)
	}
	if slices.Contains(paths, "ke-hoach/ke-hoach-mau-2024/so-hoa-ho-so/index.html") {
		t.Error("the removed page is still kept")
	}
	do(t, ctx, "the removed page", chromedp.Navigate(task))
	opened(t, ctx, srv.url("404.html"))
}

// The example site's kiosk on a phone (360 px), on a kiosk's portrait screen (1080×1920)
// and on a landscape one (1920×1080): no page scrolls sideways, none writes an error to
// the console or has a request fail, every control is 48 px at least, nothing shows only
// under a hovering pointer, and axe-core finds no violation on the home screen and a
// procedure's page. The service worker then keeps the whole kiosk, each file's bytes of
// the revision the manifest says.
func TestKioskLayoutAndAccessibility(t *testing.T) {
	t.Parallel() // each its own browser; the idle test mostly waits
	axe := axeScript(t)
	out := filepath.Join(t.TempDir(), "kiosk")
	if _, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS("../content"), Out: out, AsOf: asOf, BaseURL: kioskBase, Kiosk: true}); err != nil {
		t.Fatal(err)
	}
	m := render.ReadKioskManifest(must(os.ReadFile(filepath.Join(out, render.KioskManifestPath))))
	srv := newKioskServer(out)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(browser(t), 4*time.Minute)
	defer cancel()
	bad := watchProblems(t, ctx)
	pages := []string{
		"index.html",
		"thu-tuc/1.000894/index.html",
		"thu-tuc/index.html",
		"ke-hoach/an-giang-2025-kiem-soat-tthc/index.html",
		"ke-hoach/vinh-long-2024-kiem-soat-tthc/so-hoa-ho-so-ket-qua-tthc/index.html",
		"pakn/index.html",
		"chi-so-766/index.html",
		"co-quan/an-giang/cac-so-ban-nganh/index.html",
		"tim-kiem/index.html?q=khai+sinh",
	}
	for _, screen := range []struct {
		name   string
		w, h   int64
		mobile bool
	}{{"360×800", 360, 800, true}, {"1080×1920", 1080, 1920, false}, {"1920×1080", 1920, 1080, false}} {
		do(t, ctx, screen.name, viewport(screen.w, screen.h, screen.mobile))
		for _, p := range pages {
			do(t, ctx, p, chromedp.Navigate(srv.url(p)))
			opened(t, ctx, srv.url(p))
			if strings.HasPrefix(p, "tim-kiem/") {
				waitFor(t, ctx, `document.querySelector("#ket-qua").dataset.state === "done"`, 10*time.Second)
			}
			if w := eval[int](t, ctx, `Math.max(window.innerWidth, document.documentElement.scrollWidth)`); w != int(screen.w) {
				t.Errorf("%s is %d px wide on a %s screen", p, w, screen.name)
			}
			if !eval[bool](t, ctx, `(() => { const r = document.querySelector(".kiosk-bar .asof").getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })()`) {
				t.Errorf("%s: on a %s screen, the as-of day is not in view", p, screen.name)
			}
			small := eval[[]string](t, ctx, `[...document.querySelectorAll(".k-btn, a.choice, #q, .search-page button, .kinds button, nav.pager a, .crumbs a, p.more a, main li > a, main td > a, main th > a, .results a, summary, select")]
				.filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden")
				.map(e => [e, e.getBoundingClientRect()]).filter(([e, r]) => r.height < 47.5 || r.width < 47.5)
				.slice(0, 5).map(([e, r]) => e.outerHTML.slice(0, 80) + " " + Math.round(r.width) + "×" + Math.round(r.height))`)
			for _, s := range small {
				t.Errorf("%s on a %s screen: a control under 48 px: %s", p, screen.name, s)
			}
		}
	}
	hover := eval[[]string](t, ctx, `[...document.styleSheets].flatMap(s => [...s.cssRules]).flatMap(r => r.cssRules ? [...r.cssRules] : [r])
		.filter(r => r.selectorText && r.selectorText.includes(":hover"))
		.filter(r => [...r.style].some(p => !/^(color|background-color|text-decoration.*|outline.*|border-color|border-.*-color)$/.test(p)))
		.map(r => r.cssText)`)
	for _, h := range hover {
		t.Errorf("a rule that shows or moves something under a hovering pointer: %s", h)
	}
	for _, p := range bad.take() {
		t.Error(p)
	}

	do(t, ctx, "a kiosk's screen", viewport(1080, 1920, false))
	for _, p := range []string{"index.html", "thu-tuc/1.000894/index.html"} {
		do(t, ctx, p, chromedp.Navigate(srv.url(p)))
		opened(t, ctx, srv.url(p))
		axeCheck(t, ctx, axe, p)
	}

	// The whole kiosk installs: the browser found every file of the revision the
	// manifest gives it.
	waitFor(t, ctx, `navigator.serviceWorker.controller !== null`, 3*time.Minute)
	names, paths := kioskCache(t, ctx, m.Version)
	if len(names) != 1 || len(paths) != len(m.Files)+1 {
		t.Errorf("the worker keeps %v, %d files; the manifest lists %d", names, len(paths), len(m.Files))
	}
	for _, p := range bad.take() {
		t.Error(p)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
