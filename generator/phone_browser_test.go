package generator_test

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
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
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The site as people see it on a phone 360 px wide and on a desktop 1280 px wide, served by
// a static host under a subpath with its "not found" page configured (hostServer).
//
// Screenshots: with CONGKHAI_SCREENSHOTS naming a folder, TestPhoneAndDesktop saves there
// pictures of the key pages at each width, to be looked at after a change of the theme:
// <page>-360.png and <page>-1280.png show the first screen, <page>-360-page.png and
// <page>-1280-page.png the page down to screenshotHeight px. Without it, none is taken.

// keyPages are the pages every width is checked on: one of each kind people land on.
var keyPages = []struct{ name, path string }{
	{"trang-chu", "index.html"},
	{"ke-hoach", "ke-hoach/index.html"},
	{"ke-hoach-an-giang", "ke-hoach/an-giang-2025-kiem-soat-tthc/index.html"},
	{"nhiem-vu", "ke-hoach/an-giang-2025-kiem-soat-tthc/bao-cao-kstthc-hang-quy/index.html"},
	{"nhiem-vu-2", "ke-hoach/vinh-long-2024-kiem-soat-tthc/so-hoa-ho-so-ket-qua-tthc/index.html"},
	{"co-quan", "co-quan/index.html"},
	{"co-quan-ca-nuoc", "co-quan/ca-nuoc/index.html"},
	{"co-quan-an-giang", "co-quan/an-giang/index.html"},
	{"so-tu-phap", "co-quan/an-giang/so-tu-phap/index.html"},
	{"chi-so-766", "chi-so-766/index.html"},
	{"ky-766", "chi-so-766/2026-10/index.html"},
	{"thu-tuc", "thu-tuc/index.html"},
	{"thu-tuc-1.001226", "thu-tuc/1.001226/index.html"},
	{"pakn", "pakn/index.html"},
	{"cach-tinh", "cach-tinh/index.html"},
	{"tim-kiem", "tim-kiem/index.html?q=so+hoa"},
	{"404", "ke-hoach/khong-co/trang-nay/"}, // a nested missing address: the host sends 404.html
}

// screenshotHeight is the most of a page a screenshot holds, in CSS pixels.
const screenshotHeight = 4000

// hostServer serves a built site under a subpath as a static host does, with its "not
// found" page configured: a missing address gets 404.html with the status 404.
type hostServer struct {
	*httptest.Server
	prefix string
}

func newHostServer(root, prefix string) *hostServer {
	s := &hostServer{prefix: prefix}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel, ok := strings.CutPrefix(r.URL.Path, prefix)
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		file := filepath.Join(root, filepath.FromSlash(path.Clean("/"+rel)))
		if st, err := os.Stat(file); !ok || err != nil || st.IsDir() {
			data, _ := os.ReadFile(filepath.Join(root, "404.html"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			if r.Method != http.MethodHead {
				w.Write(data)
			}
			return
		}
		f, err := os.Open(file)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer f.Close()
		st, _ := f.Stat()
		http.ServeContent(w, r, file, st.ModTime(), f) // ServeFile would redirect …/index.html to …/

	}))
	return s
}

func (s *hostServer) url(rel string) string { return s.Server.URL + s.prefix + rel }

// pageProblems collects what a page should never show in the browser's console: errors,
// uncaught exceptions, requests that failed or were answered 4xx or 5xx. A missing address
// the test asks for (expect) is not one.
type pageProblems struct {
	mu     sync.Mutex
	list   []string
	urls   map[network.RequestID]string
	expect map[string]bool
}

func watch(t *testing.T, ctx context.Context) *pageProblems {
	t.Helper()
	p := &pageProblems{urls: map[network.RequestID]string{}, expect: map[string]bool{}}
	err := chromedp.Listen(ctx, func(ev any) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			p.urls[e.RequestID] = e.Request.URL
		case *network.EventResponseReceived:
			if e.Response.Status >= 400 && !p.expect[e.Response.URL] {
				p.list = append(p.list, fmt.Sprintf("%s answered %d", e.Response.URL, e.Response.Status))
			}
		case *network.EventLoadingFailed:
			if !e.Canceled && !p.expect[p.urls[e.RequestID]] {
				p.list = append(p.list, fmt.Sprintf("%s failed: %s", p.urls[e.RequestID], e.ErrorText))
			}
		case *runtime.EventExceptionThrown:
			p.list = append(p.list, "exception: "+e.ExceptionDetails.Text+" "+string(exceptionText(e.ExceptionDetails)))
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
				p.list = append(p.list, fmt.Sprintf("console.%s called", e.Type))
			}
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError && !p.expect[e.Entry.URL] {
				p.list = append(p.list, "console: "+e.Entry.Text+" ("+e.Entry.URL+")")
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d.Exception != nil {
		return d.Exception.Description
	}
	return ""
}

// allow makes a missing address the test asks for no problem.
func (p *pageProblems) allow(u string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.expect[u] = true
}

// take returns the pageProblems seen since the last call.
func (p *pageProblems) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.list
	p.list = nil
	return l
}

// screen makes the browser a phone (mobile, scaled 2×) or a desktop of the given width.
func screen(width int) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		p := emulation.SetDeviceMetricsOverrideParams{Width: int64(width), Height: 800, DeviceScaleFactor: 1}
		if width < 600 {
			p.Height, p.DeviceScaleFactor, p.Mobile = 780, 2, true
		}
		_, err := cdp.Call(ctx, t, emulation.SetDeviceMetricsOverride, p)
		return err
	})
}

// settle waits until the page has loaded and its scripts have run.
func settle(t *testing.T, ctx context.Context, what, u string) {
	t.Helper()
	do(t, ctx, what, chromedp.Navigate(u), chromedp.WaitReady("main"))
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		state := eval[string](t, ctx, `(document.querySelector("ol#ket-qua") || {dataset: {state: "done"}}).dataset.state`)
		if state == "done" || state == "idle" || time.Now().After(deadline) {
			break
		}
	}
}

// pageReport is what audit measures of a page.
type pageReport struct {
	ScrollWidth, InnerWidth int
	H1Top                   float64
	H1, Title               string
	Tables                  []struct {
		Caption         string
		Hidden          float64 // width of the table's columns that do not show
		CaptionOverflow float64 // how far the caption reaches beyond the screen
	}
	Charts []struct {
		ID       string
		MinFont  float64 // the smallest text, in CSS pixels
		Overlaps []string
		Spread   float64 // the height the line's points span, as a share of the chart's
	}
	MonoLabels []string // card labels drawn in a monospace font
	// LeftHeaders are the headers of columns of numbers that do not sit over them.
	LeftHeaders []string
	// ZeroColumns are the columns of a table of five rows or more that read 0 in every row.
	ZeroColumns []string
	// Unexplained are abbreviations explained only in their title, which a touch screen
	// cannot show.
	Unexplained []string
	// Prose is the width of the widest paragraph of the page, in ems.
	Prose float64
	// HeaderMisfits are the parts of the header that stand out of its column.
	HeaderMisfits []string
	// TagsAlike reports that the tag of a kind of agency ("Nhóm") looks like the warning
	// of illustrative data ("Minh họa").
	TagsAlike  bool
	Unlabelled []string // card cells with neither a label nor a link saying what they are
	Icon       string
}

// audit measures a page: its width, tables, charts, cards and first heading.
const audit = `(() => {
  const W = innerWidth, r = {ScrollWidth: document.documentElement.scrollWidth, InnerWidth: W};
  const h1 = document.querySelector("h1");
  r.H1Top = h1 ? h1.getBoundingClientRect().top + scrollY : -1;
  r.H1 = h1 ? h1.textContent.trim() : "";
  r.Title = document.title;
  const icon = document.querySelector("link[rel~=icon]");
  r.Icon = icon ? icon.href : "";
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  r.Tables = [...document.querySelectorAll("table")].filter(shown).map(t => {
    const wrap = t.closest(".table-wrap") || t.parentElement, cap = t.caption;
    return {Caption: cap ? cap.textContent.trim().slice(0, 70) : "", Hidden: Math.max(0, wrap.scrollWidth - wrap.clientWidth),
      CaptionOverflow: cap ? Math.max(0, cap.getBoundingClientRect().right - W, ...[...cap.getClientRects()].map(c => c.right - wrap.getBoundingClientRect().right)) : 0};
  });
  r.Charts = [...document.querySelectorAll("svg.chart")].filter(shown).map(svg => {
    const texts = [...svg.querySelectorAll("text")].filter(x => x.textContent.trim() && x.getBBox().width > 0);
    const scale = svg.getScreenCTM().a, boxes = texts.map(x => x.getBoundingClientRect()), overlaps = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1 && w * h > 4) overlaps.push(texts[i].textContent + " / " + texts[j].textContent);
    }
    const line = svg.querySelector(".chart-line");
    return {ID: svg.getAttribute("aria-labelledby"), Overlaps: overlaps,
      MinFont: Math.min(...texts.map(x => parseFloat(getComputedStyle(x).fontSize) * scale)),
      Spread: line ? line.getBBox().height / svg.viewBox.baseVal.height : 1};
  });
  const cells = [...document.querySelectorAll("td[data-label]")].filter(shown)
    .filter(td => getComputedStyle(td, "::before").content !== "none");
  r.MonoLabels = [...new Set(cells.filter(td => /mono/i.test(getComputedStyle(td, "::before").fontFamily)).map(td => td.dataset.label))];
  r.LeftHeaders = [];
  r.ZeroColumns = [];
  for (const t of [...document.querySelectorAll("table")].filter(shown)) {
    const rows = [...t.tBodies].flatMap(b => [...b.rows]), head = t.tHead && t.tHead.rows[0];
    if (!head || !rows.length) continue;
    [...head.cells].forEach((th, i) => {
      const col = rows.map(r => r.cells[i]).filter(Boolean);
      if (getComputedStyle(th).display === "table-cell" && col.length && col.every(c => c.classList.contains("num")) && !/right|end/.test(getComputedStyle(th).textAlign))
        r.LeftHeaders.push(th.textContent.trim());
      if (rows.length >= 5 && col.length === rows.length && col.every(c => /^0( |$)/.test(c.textContent.trim())))
        r.ZeroColumns.push((t.caption ? t.caption.textContent.trim().slice(0, 40) : "") + ": " + th.textContent.trim());
    });
  }
  const said = document.body.innerText + " " + [...document.querySelectorAll("svg text")].map(x => x.textContent).join(" ");
  r.Unexplained = [...new Set([...document.querySelectorAll("abbr[title]")].filter(shown).map(a => a.title).filter(t => !said.includes(t)))];
  const em = parseFloat(getComputedStyle(document.body).fontSize);
  r.Prose = Math.max(0, ...[...document.querySelectorAll("main p")].filter(x => shown(x) && !x.closest("table, nav, .results")).map(x => x.getBoundingClientRect().width / em));
  const wrap = document.querySelector("header.site .brand").parentElement, ws = getComputedStyle(wrap), wr = wrap.getBoundingClientRect();
  const left = wr.left + parseFloat(ws.paddingLeft), right = wr.right - parseFloat(ws.paddingRight);
  r.HeaderMisfits = [...document.querySelectorAll("header.site :is(.brand, nav, form, .asof)")].filter(shown)
    .filter(c => { const b = c.getBoundingClientRect(); return b.left < left - 1 || b.right > right + 1; }).map(c => c.className || c.tagName);
  const look = e => { const c = getComputedStyle(e); return [c.color, c.backgroundColor, c.borderColor, c.borderRadius].join(); };
  const tag = text => [...document.querySelectorAll(".tag")].find(e => e.textContent.trim() === text);
  r.TagsAlike = !!(tag("Nhóm") && tag("Minh họa") && look(tag("Nhóm")) === look(tag("Minh họa")));
  r.Unlabelled = [...document.querySelectorAll("table.tasks tbody tr, table.list tbody tr")].filter(shown)
    .filter(tr => getComputedStyle(tr).display === "block" || getComputedStyle(tr).display === "grid")
    .flatMap(tr => [...tr.children].filter(c => shown(c) && c.textContent.trim() && !c.dataset.label && !c.querySelector("a")
      && !c.classList.contains("stt") && getComputedStyle(c).display !== "table-cell").map(c => c.textContent.trim().slice(0, 40)));
  return r;
})()`

// Every key page, at 360 and 1280 px: nothing scrolls sideways, no table hides columns or
// its caption, charts are legible and their texts apart, card labels read as Vietnamese,
// the first heading is on the first screen of a phone, the <title> fits, and the browser
// reports no error and no failed request.
func TestPhoneAndDesktop(t *testing.T) {
	site := builtExample(t)
	ctx, cancel := context.WithTimeout(browser(t), 4*time.Minute)
	defer cancel()
	srv := newHostServer(site, "/so/ubnd/")
	defer srv.Close()
	shots := os.Getenv("CONGKHAI_SCREENSHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	} else {
		t.Log("CONGKHAI_SCREENSHOTS is not set: no screenshots")
	}
	p := watch(t, ctx)
	p.allow(srv.url("ke-hoach/khong-co/trang-nay/"))
	for _, width := range []int{360, 1280} {
		do(t, ctx, "screen", screen(width))
		for _, kp := range keyPages {
			name := fmt.Sprintf("%s at %d px", kp.name, width)
			settle(t, ctx, name, srv.url(kp.path))
			r := eval[pageReport](t, ctx, audit)
			if r.ScrollWidth > r.InnerWidth {
				t.Errorf("%s scrolls sideways: %d px wide", name, r.ScrollWidth)
			}
			for _, tb := range r.Tables {
				if tb.Hidden > 1 {
					t.Errorf("%s: the table %q hides %.0f px of its columns", name, tb.Caption, tb.Hidden)
				}
				if tb.CaptionOverflow > 1 {
					t.Errorf("%s: the caption %q reaches %.0f px beyond the screen", name, tb.Caption, tb.CaptionOverflow)
				}
			}
			for _, c := range r.Charts {
				if min := 12.0 * min(1, float64(width)/360); c.MinFont < min-0.5 {
					t.Errorf("%s: the chart %s draws text at %.1f px, want at least %.0f", name, c.ID, c.MinFont, min)
				}
				if len(c.Overlaps) > 0 {
					t.Errorf("%s: the chart %s draws texts over each other: %q", name, c.ID, c.Overlaps)
				}
				if c.Spread < 0.2 {
					t.Errorf("%s: the chart %s draws its values within %.0f%% of its height", name, c.ID, 100*c.Spread)
				}
			}
			if len(r.MonoLabels) > 0 {
				t.Errorf("%s: card labels in a monospace font, where Vietnamese accents come apart: %q", name, r.MonoLabels)
			}
			if len(r.Unlabelled) > 0 {
				t.Errorf("%s: card cells that do not say what they are: %q", name, r.Unlabelled)
			}
			if len(r.LeftHeaders) > 0 {
				t.Errorf("%s: headers of columns of numbers do not sit over them: %q", name, r.LeftHeaders)
			}
			if len(r.ZeroColumns) > 0 {
				t.Errorf("%s: columns that read 0 in every row: %q", name, r.ZeroColumns)
			}
			if len(r.Unexplained) > 0 {
				t.Errorf("%s: abbreviations explained only where a touch screen cannot show: %q", name, r.Unexplained)
			}
			if r.Prose > 48 {
				t.Errorf("%s: a paragraph %.0f em wide, more than 90 characters a line", name, r.Prose)
			}
			if r.TagsAlike {
				t.Errorf("%s: the tag “Nhóm” looks like the tag “Minh họa”", name)
			}
			if len(r.HeaderMisfits) > 0 {
				t.Errorf("%s: parts of the header out of its column: %q", name, r.HeaderMisfits)
			}
			if width == 360 && r.H1Top > 480 {
				t.Errorf("%s: the first heading starts %.0f px down, below a phone's first screen", name, r.H1Top)
			}
			if n := len([]rune(r.Title)); n > 70 || n == 0 {
				t.Errorf("%s: the title %q has %d characters, want 1 to 70", name, r.Title, n)
			}
			if r.Icon == "" {
				t.Errorf("%s has no icon: every visit asks for /favicon.ico", name)
			}
			for _, e := range p.take() {
				t.Errorf("%s: %s", name, e)
			}
			if shots != "" {
				saveScreenshot(t, ctx, filepath.Join(shots, fmt.Sprintf("%s-%d.png", kp.name, width)), true)
				saveScreenshot(t, ctx, filepath.Join(shots, fmt.Sprintf("%s-%d-page.png", kp.name, width)), false)
			}
		}
	}
}

// saveScreenshot writes the first screen of the page, or the page down to screenshotHeight px.
func saveScreenshot(t *testing.T, ctx context.Context, file string, firstScreen bool) {
	t.Helper()
	h := eval[float64](t, ctx, `document.documentElement.scrollHeight`)
	if firstScreen {
		h = eval[float64](t, ctx, `innerHeight`)
	}
	w := eval[float64](t, ctx, `document.documentElement.clientWidth`)
	data, err := chromedp.Run(ctx, chromedp.Action[[]byte](func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		yes := true
		r, err := cdp.Call(ctx, tg, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format: page.CaptureScreenshotFormatPng, CaptureBeyondViewport: &yes, FromSurface: &yes,
			Clip: &page.Viewport{Width: w, Height: math.Min(h, screenshotHeight), Scale: 1}})
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}))
	if err != nil {
		t.Fatalf("screenshot %s: %v", file, err)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// On a phone, a person finds their way: from the home page through the sections to a plan,
// its contents, a section, back to the contents, a task and back up its breadcrumbs; the
// home page names every task it lists.
func TestPhoneNavigation(t *testing.T) {
	site := builtExample(t)
	ctx, cancel := context.WithTimeout(browser(t), 2*time.Minute)
	defer cancel()
	srv := newHostServer(site, "/so/ubnd/")
	defer srv.Close()
	p := watch(t, ctx)
	do(t, ctx, "a phone", screen(360))
	click := func(what, sel string) {
		t.Helper()
		do(t, ctx, what, chromedp.Click(sel), chromedp.WaitReady("main"))
	}
	at := func(want string) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			got := eval[string](t, ctx, `location.href`)
			if got == want {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("at %s, want %s", got, want)
			}
		}
	}
	plan := srv.url("ke-hoach/an-giang-2025-kiem-soat-tthc/index.html")

	settle(t, ctx, "home", srv.url("index.html"))
	// The latest updates name each task; two links with the same words go to the same place.
	updates := eval[[][2]string](t, ctx, `[...document.querySelectorAll("ul.updates a")].filter(a => a.closest("#cap-nhat, [aria-labelledby=cap-nhat]")).map(a => [a.textContent.trim(), a.href])`)
	if len(updates) == 0 {
		t.Fatal("no latest updates")
	}
	seen := map[string]string{}
	for _, u := range updates {
		if strings.HasPrefix(u[0], "Nhiệm vụ") || strings.Contains(u[0], ", nhiệm vụ ") {
			t.Errorf("an update's link says %q: a number, not what the task is", u[0])
		}
		task, _, _ := strings.Cut(u[1], "#") // two reports of one task may follow each other
		if href, ok := seen[u[0]]; ok && href != task {
			t.Errorf("two updates' links say %q and go to %s and %s", u[0], href, task)
		}
		seen[u[0]] = task
	}
	// Each overdue task on a card says its plan: their numbers restart in every plan.
	if n := eval[int](t, ctx, `[...document.querySelectorAll("table.overdue tbody tr")].filter(tr => ![...tr.querySelectorAll("td[data-label='Kế hoạch']")].some(td => td.getClientRects().length && td.textContent.trim() && getComputedStyle(td, "::before").content.includes("Kế hoạch"))).length`); n > 0 {
		t.Errorf("%d overdue tasks on the home page do not say their plan on a phone", n)
	}

	click("the plans", `header nav a[href$="ke-hoach/index.html"]`)
	at(srv.url("ke-hoach/index.html"))
	click("An Giang's plan", `main a[href$="an-giang-2025-kiem-soat-tthc/index.html"]`)
	at(plan)
	// The contents list leads to the indicators, and the way back leads to the contents.
	if n := eval[int](t, ctx, `document.querySelectorAll("nav.toc a").length`); n < 10 {
		t.Errorf("the plan's contents list has %d links", n)
	}
	click("the indicators in the contents", `nav.toc a[href="#chi-tieu"]`)
	at(plan + "#chi-tieu")
	if top := eval[float64](t, ctx, `document.getElementById("chi-tieu").getBoundingClientRect().top`); math.Abs(top) > 5 {
		t.Errorf("the indicators are %.0f px from the top of the screen after following the contents", top)
	}
	click("back to the contents", `#chi-tieu ~ p.top a, section[aria-labelledby=chi-tieu] p.top a`)
	at(plan + "#muc-luc")
	if top := eval[float64](t, ctx, `document.getElementById("muc-luc").getBoundingClientRect().top`); math.Abs(top) > 5 {
		t.Errorf("the contents are %.0f px from the top of the screen after going back", top)
	}
	// Every section of the appendix ends with the way back.
	if n := eval[int](t, ctx, `[...document.querySelectorAll("#phu-luc ~ section.appendix")].filter(s => !(s.nextElementSibling && s.nextElementSibling.matches("p.top"))).length`); n > 0 {
		t.Errorf("%d sections of the appendix have no way back to the contents", n)
	}
	click("a task", `section.appendix a[href$="bao-cao-kstthc-hang-quy/index.html"]`)
	at(srv.url("ke-hoach/an-giang-2025-kiem-soat-tthc/bao-cao-kstthc-hang-quy/index.html"))
	h1 := eval[string](t, ctx, `document.querySelector("h1").textContent.trim()`)
	if !strings.HasPrefix(h1, "Báo cáo định kỳ hàng quý") {
		t.Errorf("the task's heading is %q: it should say what the task is", h1)
	}
	if title := eval[string](t, ctx, `document.title`); !strings.HasPrefix(h1, strings.TrimSuffix(title, "…")) {
		t.Errorf("the task's title %q and heading %q do not agree", title, h1)
	}
	click("the breadcrumb to its plan", `nav.crumbs a:nth-of-type(2)`)
	at(plan)
	for _, e := range p.take() {
		t.Error(e)
	}
}

// Search on a phone, typed without diacritics, served under a subpath and from disk; its
// filters by plan and year; and without JavaScript, no box that cannot work.
func TestPhoneSearch(t *testing.T) {
	site := builtExample(t)
	ctx, cancel := context.WithTimeout(browser(t), 2*time.Minute)
	defer cancel()
	srv := newHostServer(site, "/so/ubnd/")
	defer srv.Close()
	p := watch(t, ctx)
	do(t, ctx, "a phone", screen(360))
	results := func() []string {
		return eval[[]string](t, ctx, `[...document.querySelectorAll("#ket-qua li > a")].map(a => a.href)`)
	}
	task := "ke-hoach/an-giang-2025-kiem-soat-tthc/bao-cao-kstthc-hang-quy/index.html"

	t.Run("search page under a subpath", func(t *testing.T) {
		settle(t, ctx, "the search page", srv.url("tim-kiem/index.html"))
		do(t, ctx, "type", chromedp.SendKeys("#q", "bao cao dinh ky hang quy"),
			chromedp.WaitVisible(`#ket-qua[data-state="done"][data-query="bao cao dinh ky hang quy"]`))
		hrefs := results()
		if !slices.Contains(hrefs, srv.url(task)) {
			t.Fatalf("typed without diacritics, the quarterly report task is not among %v", hrefs)
		}
		// The result names the task as its page does.
		title := eval[string](t, ctx, `[...document.querySelectorAll("#ket-qua li > a")].find(a => a.href.endsWith("`+task+`")).querySelector(".title").textContent`)
		settle(t, ctx, "the task", srv.url(task))
		if h1 := eval[string](t, ctx, `document.querySelector("h1").textContent.trim()`); h1 != title {
			t.Errorf("the result says %q, the page %q", title, h1)
		}
	})

	t.Run("filters", func(t *testing.T) {
		settle(t, ctx, "the search page", srv.url("tim-kiem/index.html?q=so+hoa"))
		all := eval[int](t, ctx, `parseInt(document.getElementById("ket-qua-dem").textContent)`)
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
			t.Errorf("with its filters filled, the search page is %d px wide", w)
		}
		do(t, ctx, "choose a plan",
			chromedp.SetValue(`select[name="ke-hoach"]`, "an-giang-2025-kiem-soat-tthc"),
			chromedp.Evaluate[chromedp.Void](`document.querySelector('select[name="ke-hoach"]').dispatchEvent(new Event("change"))`),
			chromedp.WaitVisible(`#ket-qua[data-state="done"]`))
		for deadline := time.Now().Add(5 * time.Second); eval[int](t, ctx, `parseInt(document.getElementById("ket-qua-dem").textContent)`) == all && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
		}
		hrefs := results()
		if len(hrefs) == 0 {
			t.Fatal("no result in An Giang's plan")
		}
		for _, h := range hrefs {
			if !strings.Contains(h, "/ke-hoach/an-giang-2025-kiem-soat-tthc/") {
				t.Errorf("filtered by An Giang's plan, %s", h)
			}
		}
		if q := eval[string](t, ctx, `location.search`); !strings.Contains(q, "ke-hoach=an-giang-2025-kiem-soat-tthc") {
			t.Errorf("the address %q does not keep the plan", q)
		}
		do(t, ctx, "choose a year",
			chromedp.SetValue(`select[name="ke-hoach"]`, ""),
			chromedp.SetValue(`select[name="nam"]`, "2022"),
			chromedp.Evaluate[chromedp.Void](`document.querySelector('select[name="nam"]').dispatchEvent(new Event("change"))`))
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if strings.Contains(eval[string](t, ctx, `location.search`), "nam=2022") && eval[string](t, ctx, `document.getElementById("ket-qua").dataset.state`) == "done" {
				break
			}
		}
		for _, h := range results() {
			if strings.Contains(h, "/ke-hoach/") && !strings.Contains(h, "-2022-") {
				t.Errorf("filtered by 2022, %s", h)
			}
		}
	})

	t.Run("from disk", func(t *testing.T) {
		root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(site) + "/"}).String()
		settle(t, ctx, "the search page from disk", root+"tim-kiem/index.html")
		do(t, ctx, "type", chromedp.SendKeys("#q", "dang ky ket hon"),
			chromedp.WaitVisible(`#ket-qua[data-state="done"][data-query="dang ky ket hon"]`))
		if hrefs := results(); !slices.Contains(hrefs, root+"thu-tuc/1.000894/index.html") {
			t.Errorf("from disk, typed without diacritics, Đăng ký kết hôn is not among %v", hrefs)
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		ctx, cancel := chromedp.NewContext(ctx)
		defer cancel()
		do(t, ctx, "a phone without JavaScript", screen(360), chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}), chromedp.Navigate(srv.url("tim-kiem/index.html?q=dat+dai")), chromedp.WaitReady("main"))
		shown := eval[[]string](t, ctx, `[...document.querySelectorAll("main input, main select, main label, main button, main fieldset")].filter(e => e.getClientRects().length).map(e => e.outerHTML.slice(0, 60))`)
		if len(shown) > 0 {
			t.Errorf("without JavaScript, the search page shows controls that cannot work: %q", shown)
		}
		if !eval[bool](t, ctx, `document.querySelector(".no-js").getClientRects().length > 0`) {
			t.Error("without JavaScript, the search page does not say why it cannot search")
		}
	})

	t.Run("the header's box before the script runs", func(t *testing.T) {
		// The box takes its place when the page is laid out, not when search.js has run
		// (which moved the page down): here the script never loads.
		ctx, cancel := chromedp.NewContext(ctx)
		defer cancel()
		do(t, ctx, "a phone that cannot load search.js", screen(360), chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/*/assets/search.*.js", Block: true}}})
			return err
		}), chromedp.Navigate(srv.url(task)), chromedp.WaitReady("main"))
		if !eval[bool](t, ctx, `document.querySelector("form.search").getClientRects().length > 0 && typeof congkhaiSearch === "undefined"`) {
			t.Error("the header's search box waits for search.js to show: the page moves when it comes")
		}
	})
	for _, e := range p.take() {
		t.Error(e)
	}
}

// The "not found" page, built without --base-url and served by a host at any missing
// address, is styled and its links, icon and search box work: from under the site's first
// folders, from a folder unknown to the site, and opened from disk.
func TestNotFoundPageAnywhere(t *testing.T) {
	site := builtExample(t)
	ctx, cancel := context.WithTimeout(browser(t), 2*time.Minute)
	defer cancel()
	srv := newHostServer(site, "/so/ubnd/")
	defer srv.Close()
	p := watch(t, ctx)
	do(t, ctx, "a phone", screen(360))
	root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(site) + "/"}).String()
	for _, c := range []struct{ address, root string }{
		{srv.url("ke-hoach/khong-co/trang-nay/"), srv.url("")},
		{srv.url("thu-tuc/9.999999/index.html"), srv.url("")},
		{srv.url("khong-co"), srv.url("")},
		{srv.url("khong/co/trang-nay"), srv.url("")}, // the script looks for the root
		{root + "404.html", root},
	} {
		p.allow(c.address)
		// Looking for the root asks for 404.html where it is not.
		for u := c.address; ; {
			dir := u[:strings.LastIndex(u, "/")+1]
			p.allow(dir + "404.html")
			if dir == c.root || !strings.HasPrefix(dir, c.root) {
				break
			}
			u = strings.TrimSuffix(dir, "/")
		}
		do(t, ctx, c.address, chromedp.Navigate(c.address), chromedp.WaitReady("main"))
		for deadline := time.Now().Add(5 * time.Second); !eval[bool](t, ctx, `typeof congkhaiSearch !== "undefined"`) && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
		}
		if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector("header.site")).backgroundColor`); bg != "rgb(138, 28, 28)" {
			t.Errorf("%s: the page is not styled (header %s)", c.address, bg)
		}
		links := eval[[]string](t, ctx, `[...document.querySelectorAll("main a, header nav a")].map(a => a.href)`)
		for _, l := range links {
			if !strings.HasPrefix(l, c.root) || !strings.HasSuffix(l, "index.html") {
				t.Errorf("%s: a link to %s, outside the site at %s", c.address, l, c.root)
			}
		}
		if len(links) < 5 {
			t.Errorf("%s: links %v", c.address, links)
		}
		if strings.HasPrefix(c.address, "http") {
			do(t, ctx, "search from the page", chromedp.SendKeys("#tim-nhanh", "dang ky ket hon"),
				chromedp.WaitVisible(`#tim-nhanh-kq[data-state="done"]`))
			if first := eval[string](t, ctx, `document.querySelector("#tim-nhanh-kq a").href`); !strings.HasPrefix(first, c.root+"thu-tuc/") {
				t.Errorf("%s: the search box's first result is %s", c.address, first)
			}
			do(t, ctx, "follow a link", chromedp.KeyEvent(kb.Escape), chromedp.Click(`main a[href$="ke-hoach/index.html"]`))
			for deadline := time.Now().Add(5 * time.Second); eval[string](t, ctx, `location.href`) != c.root+"ke-hoach/index.html" && time.Now().Before(deadline); {
				time.Sleep(50 * time.Millisecond)
			}
			if u := eval[string](t, ctx, `location.href`); u != c.root+"ke-hoach/index.html" {
				t.Errorf("%s: the link to the plans led to %s", c.address, u)
			}
		}
		for _, e := range p.take() {
			t.Errorf("%s: %s", c.address, e)
		}
	}
}

// Focus rings have a contrast of at least 3:1 with what surrounds them (WCAG 2.4.13): the
// header's button on red, a link on white.
func TestFocusRingsContrast(t *testing.T) {
	site := builtExample(t)
	ctx, cancel := context.WithTimeout(browser(t), time.Minute)
	defer cancel()
	srv := newHostServer(site, "/so/ubnd/")
	defer srv.Close()
	settle(t, ctx, "a plan", srv.url("ke-hoach/vinh-long-2024-kiem-soat-tthc/index.html"))
	contrast := `((el, bg) => {
	  const lum = c => { const [r, g, b] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
	  const s = getComputedStyle(el), o = s.outlineColor, ring = s.outlineStyle === "none" ? "rgb(0, 0, 0, 0)" : o;
	  const a = lum(ring), b = lum(getComputedStyle(bg).backgroundColor);
	  return [s.outlineStyle === "none" ? 0 : parseFloat(s.outlineWidth), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
	})`
	for _, c := range []struct{ what, focus, bg string }{
		{"the header's search button", `form.search button`, `header.site`},
		{"a header link", `header nav a`, `header.site`},
		{"a link in the page", `main a`, `body`},
		{"the search box", `#tim-nhanh`, `header.site`},
	} {
		// A key press first, so that focus shows as it does for keyboard users.
		do(t, ctx, "focus "+c.what, chromedp.KeyEvent(kb.Tab),
			chromedp.Evaluate[chromedp.Void](`document.querySelector("`+c.focus+`").focus()`))
		got := eval[[]float64](t, ctx, contrast+`(document.querySelector("`+c.focus+`"), document.querySelector("`+c.bg+`"))`)
		if got[0] < 2 || got[1] < 3 {
			t.Errorf("%s: a focus ring %.0f px wide with a contrast of %.2f:1, want 2 px and 3:1", c.what, got[0], got[1])
		}
	}
}
