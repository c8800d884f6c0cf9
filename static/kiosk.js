/* congkhai kiosk: what makes the site's pages a kiosk's (congkhai build --kiosk).
 *
 * - Nothing leaves the kiosk, and its browser keeps no history: a link inside the kiosk
 *   replaces the page shown (location.replace), and the kiosk keeps its own list of the
 *   pages a visitor came through, for its "Quay lại" button, in sessionStorage. Links to
 *   other hosts are not links at all (the build writes them as text with a QR code).
 * - After <html data-idle> seconds without a touch, a key or a scroll, a warning counts
 *   down <html data-warning> seconds (at least 20, WCAG 2.2.1), with a "Tiếp tục" button;
 *   then the kiosk goes back to its home screen, clearing what was typed, the scroll
 *   position and its history. On its untouched home screen there is nothing to lose: the
 *   kiosk only looks for a new build there.
 * - The service worker (sw.js, at the kiosk's root) keeps the whole kiosk for when the
 *   network drops. A new build is installed beside the one in use and put in use only
 *   when the kiosk goes home by itself, so that a visitor never sees two builds mixed.
 */
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  root.classList.add("js");
  var IDLE = (+root.getAttribute("data-idle") || 120) * 1000;
  var WARN = Math.max(20, +root.getAttribute("data-warning") || 30);
  var home = new URL(root.getAttribute("data-home"), doc.baseURI).href;
  var base = new URL(root.getAttribute("data-root"), doc.baseURI).href;
  var BACK = "congkhai-kiosk-back", SCROLL = "congkhai-kiosk-scroll";
  try { history.scrollRestoration = "manual"; } catch (e) { /* old browsers */ }

  function get(key) { try { return sessionStorage.getItem(key); } catch (e) { return null; } }
  function set(key, v) { try { sessionStorage.setItem(key, v); } catch (e) { /* storage off */ } }
  function stack() { try { return JSON.parse(get(BACK)) || []; } catch (e) { return []; } }

  function page(href) { return href.split("#")[0]; }
  function inside(url) { return url.origin === location.origin && url.href.indexOf(base) === 0; }

  // go shows the page at href in place of this one, remembering this one for "Quay lại".
  function go(href) {
    var s = stack();
    s.push({ u: location.href, y: Math.round(window.scrollY) });
    set(BACK, JSON.stringify(s.slice(-50)));
    location.replace(href);
  }

  doc.addEventListener("click", function (ev) {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var a = ev.target.closest && ev.target.closest("a[href]");
    if (!a) return;
    ev.preventDefault();
    var url = new URL(a.getAttribute("href"), doc.baseURI);
    if (!inside(url)) return; // nothing leaves the kiosk
    if (page(url.href) === page(location.href)) location.replace(url.href); // a place on this page
    else go(url.href);
  });

  // A form that its own script did not handle (the search page's does) is sent the same way.
  doc.addEventListener("submit", function (ev) {
    var form = ev.target;
    [].forEach.call(form.querySelectorAll("input"), function (i) { i.blur(); }); // closes the on-screen keyboard
    if (ev.defaultPrevented) return;
    ev.preventDefault();
    var url = new URL(form.getAttribute("action") || location.href, doc.baseURI);
    url.search = new URLSearchParams(new FormData(form)).toString();
    if (inside(url) && (form.method || "get").toLowerCase() === "get") go(url.href);
  });

  var back = doc.querySelector("[data-kiosk=back]");
  if (back) {
    back.hidden = !stack().length;
    back.addEventListener("click", function () {
      var s = stack(), last = s.pop();
      set(BACK, JSON.stringify(s));
      if (!last) { back.hidden = true; return; }
      set(SCROLL, String(last.y || 0));
      location.replace(last.u);
    });
  }
  var y = get(SCROLL);
  if (y !== null) {
    try { sessionStorage.removeItem(SCROLL); } catch (e) { /* storage off */ }
    requestAnimationFrame(function () { window.scrollTo(0, +y); });
  }

  // The service worker, where there is one: not from disk (file://).
  var reg = null;
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register(new URL("sw.js", base).href, { scope: base, updateViaCache: "none" })
      .then(function (r) { reg = r; }, function () { /* the kiosk works without it, online */ });
  }

  // activated puts a new build in use, if one is installed and waiting, then calls next.
  function activated(next) {
    var w = reg && reg.waiting, done = false;
    function fin() { if (!done) { done = true; next(); } }
    if (!w) return fin();
    navigator.serviceWorker.addEventListener("controllerchange", fin);
    setTimeout(fin, 3000);
    w.postMessage({ type: "activate" });
  }

  // The idle warning.
  var dialog = doc.getElementById("canh-bao");
  var count = dialog && dialog.querySelector(".idle-count"), bar = dialog && dialog.querySelector(".idle-bar span");
  var last = Date.now(), warnUntil = 0, checked = 0;

  function touched() { if (!warnUntil) last = Date.now(); }
  ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "scroll", "input"].forEach(function (t) {
    window.addEventListener(t, touched, { capture: true, passive: true });
  });

  // pristine reports whether the kiosk is as a reset leaves it: home, at the top, nothing
  // typed, no history.
  function pristine() {
    if (page(location.href) !== page(home) || window.scrollY > 2 || stack().length) return false;
    return ![].some.call(doc.querySelectorAll("input, textarea"), function (i) { return i.value; });
  }

  function show(left) {
    if (count) count.textContent = String(left);
    if (bar) bar.style.transform = "scaleX(" + Math.max(0, (left - 1) / WARN) + ")";
  }

  function warn() {
    warnUntil = Date.now() + WARN * 1000;
    show(WARN);
    if (!dialog) return;
    if (dialog.showModal) dialog.showModal(); else dialog.setAttribute("open", "");
    var b = dialog.querySelector("[data-kiosk=continue]");
    if (b) b.focus();
  }

  function keep() {
    warnUntil = 0;
    last = Date.now();
    if (dialog && dialog.open) dialog.close();
  }

  // reset goes home and forgets the visit: what was typed, where the page was scrolled,
  // the pages it came through.
  function reset() {
    warnUntil = 0;
    try { sessionStorage.clear(); } catch (e) { /* storage off */ }
    [].forEach.call(doc.querySelectorAll("input, textarea"), function (i) { i.value = ""; });
    if (dialog && dialog.open) dialog.close();
    window.scrollTo(0, 0);
    activated(function () { location.replace(home); });
  }

  // look asks the server for a new build now and then (when the network is down, the
  // kiosk goes on with the one it has) and puts one that is ready in use.
  function look() {
    if (!reg) return;
    if (reg.waiting) { activated(function () { location.replace(home); }); return; }
    if (Date.now() - checked < 60000) return;
    checked = Date.now();
    reg.update().catch(function () { /* offline */ });
  }

  if (dialog) {
    dialog.addEventListener("click", function (ev) {
      var act = ev.target.closest && ev.target.closest("[data-kiosk]");
      if (act && act.getAttribute("data-kiosk") === "reset") reset();
      else if (act || ev.target === dialog) keep(); // "Tiếp tục", or a touch beside the box
    });
    dialog.addEventListener("cancel", function (ev) { ev.preventDefault(); keep(); }); // Escape
  }

  setInterval(function () {
    var now = Date.now();
    if (warnUntil) {
      var left = Math.ceil((warnUntil - now) / 1000);
      if (left <= 0) reset(); else show(left);
    } else if (now - last >= IDLE) {
      if (pristine()) { last = now; look(); } else warn();
    }
  }, 250);

  // A test, or a kiosk's own page, may ask for a reset at once.
  window.congkhaiKiosk = { reset: reset, warn: warn, pristine: pristine };
})();
