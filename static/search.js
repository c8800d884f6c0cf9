/* congkhai search: the client of the index that the build writes under tim-kiem/<version>/.
 *
 * No framework and no build step. The index is split into parts that are scripts calling
 * congkhaiSearch.add(key, data), so that they load from any static host, under a subpath,
 * from a service worker's cache and from disk (file://, where fetch() is blocked). Pages
 * name the index's entry, tim-kiem/chi-muc.js, which never moves and names the current part
 * list, m.<version>.js: a new index changes that one file, not every page. Every part is
 * named by its number and a hash of its bytes, listed in the part list, so a rebuild keeps
 * the parts it did not change and a browser never mixes parts of two builds. A query loads
 * the entry, the part list (kinds, filters, parts), the term parts holding its terms
 * (t/N.<hash>.js) and the record parts of the results shown (d/N.<hash>.js, a run of pages
 * each).
 *
 * Matching mirrors generator/search: text is folded (case, diacritics, đ→d), codes and
 * document numbers ("1.001226", "2890/QĐ-UBND") are single terms, the last term of a query
 * also matches as a prefix, and results whose diacritics match the query rank first.
 */
(function (G) {
  "use strict";
  var store = {};
  var S = G.congkhaiSearch = {
    add: function (key, data) { store[key] = data; },
    fold: fold,
    tokens: tokens,
    snippet: snippet,
    parse: function (q) { return query(q).concat(pairs(q)); },
    open: function (url) { return new Engine(url); },
    loadScript: function (url) {
      return new Promise(function (ok, fail) {
        var s = document.createElement("script");
        s.src = url;
        s.onload = function () { s.remove(); ok(); };
        s.onerror = function () { s.remove(); fail(new Error(url)); };
        document.head.appendChild(s);
      });
    }
  };

  var MARK = /\p{Mn}/gu, WORD = /[\p{L}\p{Nd}\p{Mn}]+(?:[./-][\p{L}\p{Nd}\p{Mn}]+)*/gu, PART = /[\p{L}\p{Nd}\p{Mn}]+/gu;

  function fold(s) { return s.normalize("NFD").replace(MARK, "").replace(/[đĐ]/g, "d").toLowerCase(); }

  // tokens cuts text (NFC) into terms {e: exact lower case, f: folded, s, n: offsets, c: is a
  // code}. A code is words joined by . / - with a digit in it; its parts are terms too.
  function tokens(text) {
    var out = [], m, p;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      var w = m[0], code = /[./-]/.test(w) && /\p{Nd}/u.test(w);
      if (code) out.push(tok(w, m.index, true));
      PART.lastIndex = 0;
      while ((p = PART.exec(w))) out.push(tok(p[0], m.index + p.index, false));
    }
    return out;
  }
  // unpad drops the leading zero of two-digit numbers ("03/2026" -> "3/2026"), as the index
  // does. (No lookbehind: Safari before 16.4 would refuse the whole script.)
  function unpad(s) { return s.replace(/(^|\D)0(\d)(?!\d)/g, "$1$2"); }
  function tok(w, at, code) { var e = w.toLowerCase(); return { e: e, f: fold(e), s: at, n: at + w.length, c: code }; }

  // query turns what was typed into terms: the codes whole (not their parts), every other
  // word folded; the last term matches as a prefix.
  function query(q) {
    var ts = tokens(q.normalize("NFC")), terms = [], seen = {};
    ts.forEach(function (t, i) {
      var inCode = !t.c && ts.some(function (c) { return c.c && c.s <= t.s && t.n <= c.n; });
      if (inCode || seen[t.f]) return;
      seen[t.f] = 1;
      terms.push({ f: unpad(t.f), e: unpad(t.e), accents: t.e !== t.f });
    });
    var last = terms[terms.length - 1];
    if (last && last.f.length > 1) last.prefix = true;
    return terms;
  }

  // pairs are the neighbouring words of a query, which the index holds as terms of their own
  // ("dang ky"); a page holding them scores higher, but no page needs them.
  function pairs(q) {
    q = q.normalize("NFC");
    var ts = tokens(q), out = [], codeEnd = -1;
    ts.forEach(function (t, i) {
      if (t.c) { codeEnd = t.n; return; }
      var p = ts[i - 1];
      if (!p || p.c || t.s < codeEnd || p.s < codeEnd || q.slice(p.n, t.s).trim()) return;
      out.push({ f: p.f + " " + t.f, e: p.e + " " + t.e, accents: p.e !== p.f || t.e !== t.f, opt: true });
    });
    var last = out[out.length - 1];
    if (last && ts[ts.length - 1].f.length > 1 && last.f.slice(-ts[ts.length - 1].f.length - 1) === " " + ts[ts.length - 1].f) last.prefix = true;
    return out;
  }

  // Engine opens the index whose entry is at url; its parts load relative to the part list the
  // entry names.
  function Engine(url) { this.entry = url; this.cache = {}; }

  function script(url, key) {
    return S.loadScript(url).then(function () {
      var d = store[key];
      delete store[key];
      if (d === undefined) throw new Error("index part " + key + " did not register");
      return d;
    });
  }

  // ready resolves the URL of the current part list. An entry a browser kept from an older
  // build names a part list that is gone: then the entry is read again, fresh (see query).
  Engine.prototype.ready = function (fresh) {
    var e = this;
    if (!e.at || fresh) {
      e.at = script(e.entry + (fresh ? (e.entry.indexOf("?") < 0 ? "?" : "&") + "moi=" + Date.now() : ""), "i").then(function (m) {
        return (e.url = new URL(m, e.entry).href);
      });
      e.at.catch(function () { e.at = null; });
    }
    return e.at;
  };

  Engine.prototype.load = function (key, file) {
    var e = this;
    if (!e.cache[key]) {
      e.cache[key] = e.ready().then(function (base) { return script(new URL(file, base).href, key); });
      e.cache[key].catch(function () { delete e.cache[key]; });
    }
    return e.cache[key];
  };

  Engine.prototype.meta = function () {
    var e = this;
    if (!e.cache.m) {
      // A part list that fails to load may be gone: the entry was kept from an older build.
      e.cache.m = e.ready().then(function (url) {
        return script(url, "m").catch(function (err) {
          return e.ready(true).then(function (fresh) {
            if (fresh === url) throw err;
            return script(fresh, "m");
          });
        });
      });
      e.cache.m.catch(function () { delete e.cache.m; });
    }
    return e.cache.m;
  };

  // HASH is the length of the hash in a part's name (generator/search hashChars).
  var HASH = 6;

  function partFile(dir, i, hashes) { return dir + "/" + i + "." + hashes.substr(i * HASH, HASH) + ".js"; }

  // terms returns the index entries of a query term: the term itself and, for a prefix, every
  // term that starts with it (from at most three parts).
  Engine.prototype.terms = function (m, t) {
    var e = this, parts = m.parts, from = at(parts, t.f), to = t.prefix ? Math.min(at(parts, t.f + "\uffff"), from + 2) : from, loads = [];
    for (var i = Math.max(from, 0); i <= to; i++) loads.push(e.load("t" + i, partFile("t", i, m.ph)));
    return Promise.all(loads).then(function (ps) {
      var out = [];
      ps.forEach(function (entries) {
        entries.forEach(function (en) {
          if (en[0] === t.f || (t.prefix && en[0].lastIndexOf(t.f, 0) === 0)) out.push(en);
        });
      });
      return out;
    });
  };

  // complete adds to the entries of the last word, a prefix, the words that the last pair
  // completes it to ("vinh lo" finds the pair "vinh long", so "lo" may mean "long"), when
  // the parts scanned for the prefix did not reach them: a short prefix spans more parts
  // than a query loads.
  Engine.prototype.complete = function (m, found, nWords, all) {
    var e = this, wi = nWords - 1, pi = all.length - 1, word = all[wi], pair = all[pi], have = {}, more = [];
    if (!word.prefix || !pair.opt || !pair.prefix) return found;
    found[wi].forEach(function (en) { have[en[0]] = 1; });
    found[pi].forEach(function (en) {
      var w = en[0].slice(en[0].indexOf(" ") + 1);
      if (!have[w]) { have[w] = 1; more.push(e.terms(m, { f: w })); }
    });
    return Promise.all(more).then(function (lists) {
      lists.forEach(function (l) { found[wi] = found[wi].concat(l); });
      return found;
    });
  };

  // record loads the record of page id from its record part.
  Engine.prototype.record = function (m, id) {
    var n = Math.floor(id / m.dn);
    return this.load("d" + n, partFile("d", n, m.dh)).then(function (recs) { return recs[id - n * m.dn]; });
  };

  // at is the index of the last part whose first term is <= term.
  function at(parts, term) {
    var lo = 0, hi = parts.length - 1, r = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (parts[mid] <= term) { r = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return r;
  }

  // query returns every page matching q, best first, with counts per kind.
  // opts: kind, plan, year (filters); limit: how many results to load for display.
  // A part that fails to load may be gone because the site was rebuilt since the part list
  // was read: then the entry is read again, fresh, and a new part list is searched once.
  Engine.prototype.query = function (q, opts) {
    var e = this;
    return e.run(q, opts).catch(function (err) {
      var old = e.url;
      return e.ready(true).then(function (url) {
        if (url === old) throw err;
        e.cache = {};
        return e.run(q, opts);
      }, function () { throw err; });
    });
  };

  Engine.prototype.run = function (q, opts) {
    opts = opts || {};
    var e = this;
    return e.meta().then(function (m) {
      var terms = query(q), req = [];
      if (opts.plan) req.push({ f: "@p:" + opts.plan, e: "" });
      if (opts.year) req.push({ f: "@y:" + opts.year, e: "" });
      if (!terms.length) return { total: 0, counts: {}, results: [], terms: [] };
      var all = terms.concat(req, pairs(q)), need = terms.length + req.length;
      return Promise.all(all.map(function (t) { return e.terms(m, t); })).then(function (found) {
        return e.complete(m, found, terms.length, all);
      }).then(function (found) {
        var docs = rank(m, all, found, terms.length, need);
        var approx = !docs.some(function (d) { return d.hits === need; });
        docs = docs.filter(function (d) { return approx ? d.req === req.length : d.hits === need; });
        var counts = {};
        m.kinds.forEach(function (k) { counts[k[0]] = 0; });
        docs.forEach(function (d) { counts[d.kind[0]]++; });
        docs.sort(order);
        var total = docs.length;
        if (opts.kind) docs = docs.filter(function (d) { return d.kind[0] === opts.kind; });
        var shown = docs.slice(opts.offset || 0, (opts.offset || 0) + (opts.limit || 10));
        return Promise.all(shown.map(function (d) { return e.record(m, d.id); })).then(function (recs) {
          return {
            total: total, matched: docs.length, counts: counts, kinds: m.kinds, approximate: approx && terms.length > 1, terms: terms, abbr: m.abbr,
            results: recs.map(function (r, i) {
              return { url: r.u, kind: r.k, kindLabel: shown[i].kind[1], title: r.t, code: r.c, context: r.p, status: r.s, illustrative: !!r.m, text: r.x, score: shown[i].score, exact: shown[i].exact };
            })
          };
        });
      });
    });
  };

  function kindOf(m, id) {
    for (var i = 0; i < m.kinds.length; i++) if (id < m.kinds[i][3]) return m.kinds[i];
  }

  // rank scores pages: per query term the best of its entries, a full term above a prefix,
  // rarer terms above common ones (idf), times the boost of the page's kind. The caller
  // sorts what it keeps by order: pages holding every term first; among them, those
  // matching more terms with the query's own diacritics, then by score.
  function rank(m, terms, found, nWords, need) {
    var docs = {}, list = [];
    terms.forEach(function (t, j) {
      found[j].forEach(function (en) {
        var df = 0;
        for (var k = 2; k < en.length; k += 2) df += en[k].length;
        var idf = Math.log(1 + m.n / df) * (en[0] === t.f ? 1 : 0.5);
        for (k = 1; k < en.length; k += 2) {
          var exact = t.accents && en[k] === t.e, ps = en[k + 1], id = 0;
          for (var i = 0; i < ps.length; i++) {
            id += ps[i] >> 4;
            var d = docs[id];
            if (!d) {
              if (j >= need) continue;
              d = docs[id] = { id: id, s: [], x: [], hits: 0, req: 0, exact: 0, score: 0 };
              list.push(d);
            }
            var s = (ps[i] & 15) * idf;
            if (d.s[j] === undefined) { if (j < need) d.hits++; if (j >= nWords && j < need) d.req++; d.s[j] = 0; }
            if (s > d.s[j]) d.s[j] = s;
            if (exact && j < need) d.x[j] = 1;
          }
        }
      });
    });
    list.forEach(function (d) {
      d.s.forEach(function (s) { d.score += s || 0; });
      d.x.forEach(function (x) { d.exact += x || 0; });
      d.kind = kindOf(m, d.id);
      d.score *= d.kind[4];
    });
    return list;
  }

  function order(a, b) { return b.hits - a.hits || b.exact - a.exact || b.score - a.score || a.id - b.id; }

  // snippet cuts text to about n words around the place where most query terms meet, and
  // returns its pieces [{t: text, m: is a match}], the matches in the text's own diacritics.
  function snippet(text, terms, abbr, n) {
    var ts = tokens(text), want = {}, hit = [], best = 0, bestAt = 0;
    terms.forEach(function (t) {
      want[t.f] = t.prefix ? 2 : 1;
      var long = abbr && abbr[t.f];
      if (long) long.split(" ").forEach(function (w) { want[w] = want[w] || 1; });
    });
    var spelt = terms.map(function (t) { return t.f; }).join(" ");
    for (var a in abbr) if (spelt.indexOf(abbr[a]) >= 0) want[a] = 1;
    function match(f) {
      if (want[f]) return true;
      for (var w in want) if (want[w] === 2 && f.lastIndexOf(w, 0) === 0) return true;
      return false;
    }
    ts.forEach(function (t, i) { if (match(unpad(t.f))) hit.push(i); });
    n = n || 30;
    hit.forEach(function (i) {
      var c = 0;
      hit.forEach(function (k) { if (k >= i && k < i + n) c++; });
      if (c > best) { best = c; bestAt = i; }
    });
    var from = n >= ts.length ? 0 : Math.max(0, Math.min(bestAt - 6, ts.length - n)), to = Math.min(ts.length, from + n);
    var start = from > 0 ? ts[from].s : 0, end = to < ts.length ? ts[to - 1].n : text.length, out = [], pos = start;
    if (start > 0) out.push({ t: "… ", m: false });
    ts.slice(from, to).forEach(function (t) {
      if (t.s >= pos && match(unpad(t.f))) {
        if (t.s > pos) out.push({ t: text.slice(pos, t.s), m: false });
        out.push({ t: text.slice(t.s, t.n), m: true });
        pos = t.n;
      }
    });
    if (end > pos) out.push({ t: text.slice(pos, end), m: false });
    if (end < text.length) out.push({ t: " …", m: false });
    return out;
  }

  if (typeof document === "undefined") return;

  // The page: every form[data-index] is a search box. The search page's form (#tim) lists
  // results on the page; the box in every page's header shows the first few under it.
  var T = {
    count: function (n, approx) { return n ? (approx ? "Không trang nào có đủ các từ; " + n + " kết quả gần đúng" : n + " kết quả") : "Không tìm thấy kết quả nào"; },
    all: "Tất cả", more: "Xem tất cả kết quả", loading: "Đang tìm…", illus: "Minh họa",
    failed: "Không tải được chỉ mục tìm kiếm. Hãy tải lại trang."
  };

  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text) x.textContent = text;
    return x;
  }

  function pieces(parent, ps) {
    ps.forEach(function (p) { parent.appendChild(p.m ? el("mark", "", p.t) : document.createTextNode(p.t)); });
    return parent;
  }

  function item(r, res, root) {
    var li = el("li"), a = el("a");
    a.href = new URL(r.url, root).href;
    a.appendChild(el("span", "kind", r.kindLabel));
    a.appendChild(pieces(el("span", "title"), snippet(r.title, res.terms, res.abbr, 60)));
    li.appendChild(a);
    if (r.illustrative) li.appendChild(el("span", "tag", T.illus));
    if (r.status) li.appendChild(el("span", "status", r.status));
    if (r.context) li.appendChild(el("p", "context", r.context));
    if (r.text) li.appendChild(pieces(el("p", "snippet"), snippet(r.text, res.terms, res.abbr, 30)));
    return li;
  }

  function setup(form) {
    var engine = S.open(new URL(form.getAttribute("data-index"), document.baseURI).href), root = new URL("../", engine.entry);
    var full = form.id === "tim", input = form.querySelector("input[type=search]");
    var list = document.getElementById(full ? "ket-qua" : input.getAttribute("aria-controls"));
    var status = form.querySelector("[role=status]") || document.getElementById("ket-qua-dem");
    var more = document.getElementById("them"), kinds = form.querySelector(".kinds");
    var state = { q: "", kind: "", plan: "", year: "", shown: 0 }, timer, seq = 0;
    if (!S.query) S.query = function (q, o) { return engine.query(q, o); };

    function run(append) {
      var q = input.value.trim(), my = ++seq, size = full ? 20 : 6;
      if (!append) state.shown = 0;
      state.q = q;
      if (!q) { clear(); return; }
      list.setAttribute("data-state", "loading");
      engine.query(q, { kind: state.kind, plan: state.plan, year: state.year, offset: state.shown, limit: size }).then(function (res) {
        if (my !== seq) return;
        if (!append) list.textContent = "";
        res.results.forEach(function (r) { list.appendChild(item(r, res, root)); });
        state.shown += res.results.length;
        status.textContent = T.count(res.total, res.approximate);
        if (full) {
          filters(res);
          more.hidden = state.shown >= res.matched;
          remember();
        } else {
          if (res.total > res.results.length) {
            var li = el("li", "all"), a = el("a", "", T.more + " (" + res.total + ")");
            a.href = form.action + "?q=" + encodeURIComponent(q);
            li.appendChild(a);
            list.appendChild(li);
          }
          list.hidden = false;
        }
        list.setAttribute("data-query", q);
        list.setAttribute("data-state", "done");
      }, function () {
        if (my !== seq) return;
        status.textContent = T.failed;
        list.setAttribute("data-state", "error");
      });
    }

    function clear() {
      list.textContent = "";
      status.textContent = "";
      list.removeAttribute("data-query");
      list.setAttribute("data-state", "idle");
      if (full) { more.hidden = true; kinds.hidden = true; remember(); } else list.hidden = true;
    }

    // filters draws the kind buttons with their counts.
    function filters(res) {
      var row = kinds.querySelector("div");
      row.textContent = "";
      kinds.hidden = false;
      [["", T.all, res.total]].concat(res.kinds.map(function (k) {
        return [k[0], k[1], res.counts[k[0]]];
      })).forEach(function (k) {
        if (k[0] && !k[2]) return;
        var b = el("button", "", k[1] + " (" + k[2] + ")");
        b.type = "button";
        b.setAttribute("aria-pressed", String(state.kind === k[0]));
        b.onclick = function () { state.kind = k[0]; run(); };
        row.appendChild(b);
      });
    }

    function remember() {
      var p = new URLSearchParams();
      if (state.q) p.set("q", state.q);
      [["loai", state.kind], ["ke-hoach", state.plan], ["nam", state.year]].forEach(function (x) { if (x[1]) p.set(x[0], x[1]); });
      try { history.replaceState(null, "", "?" + p); } catch (e) { /* some browsers refuse on file:// */ }
    }

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(); }, 120); });
    form.addEventListener("submit", function (ev) {
      if (full) { ev.preventDefault(); clearTimeout(timer); run(); }
    });

    if (full) {
      var p = new URLSearchParams(location.search);
      state.kind = p.get("loai") || "";
      state.plan = p.get("ke-hoach") || "";
      state.year = p.get("nam") || "";
      input.value = p.get("q") || "";
      more.onclick = function () { run(true); };
      engine.meta().then(function (m) {
        select("ke-hoach", m.plans, "plan");
        select("nam", m.years.map(function (y) { return [String(y), String(y)]; }), "year");
        if (input.value) run();
      }, function () { status.textContent = T.failed; list.setAttribute("data-state", "error"); });
      input.focus();
    } else {
      // The list under the header's box: arrows move through it, Escape closes it.
      form.addEventListener("keydown", function (ev) {
        var links = [].slice.call(list.querySelectorAll("a")), i = links.indexOf(document.activeElement);
        if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
          if (!links.length || list.hidden) return;
          ev.preventDefault();
          i = ev.key === "ArrowDown" ? Math.min(i + 1, links.length - 1) : i - 1;
          (i < 0 ? input : links[i]).focus();
        } else if (ev.key === "Escape") {
          input.focus();
          list.hidden = true;
        }
      });
      document.addEventListener("click", function (ev) { if (!form.contains(ev.target)) list.hidden = true; });
      input.addEventListener("focus", function () { if (list.childNodes.length) list.hidden = false; });
    }

    // select fills the search page's <select name=...> with the values of a filter.
    function select(name, values, key) {
      var s = form.querySelector("select[name='" + name + "']");
      if (!s) return;
      values.forEach(function (v) {
        var o = el("option", "", v[1]);
        o.value = v[0];
        s.appendChild(o);
      });
      s.value = state[key];
      s.parentNode.hidden = !values.length;
      s.onchange = function () { state[key] = s.value; run(); };
    }
  }

  function init() {
    document.documentElement.classList.add("js");
    [].forEach.call(document.querySelectorAll("form[data-index]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(typeof window !== "undefined" ? window : globalThis);
