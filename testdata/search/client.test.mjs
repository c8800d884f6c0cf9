// Tests of the search client's logic (static/search.js), run by Node's test runner from
// generator/search_test.go, which passes the example site's build (SITE) and the folding
// and tokenising of a set of strings by the Go side (CASES), so that both sides agree.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { open } from "./engine.mjs";

const site = process.env.SITE;
const cases = JSON.parse(fs.readFileSync(process.env.CASES, "utf8"));

test("folding and tokenising agree with the Go side", () => {
  const { S } = open(site);
  for (const c of cases) {
    assert.equal(S.fold(c.in), c.fold, `fold(${JSON.stringify(c.in)})`);
    const got = S.tokens(c.in.normalize("NFC")).map((t) => (t.c ? "[" + t.f + "]" : t.f)).join(" ");
    assert.equal(got, c.tokens, `tokens(${JSON.stringify(c.in)})`);
  }
});

test("a query: codes whole, the last word a prefix, pairs optional", () => {
  const { S } = open(site);
  const q = S.parse("Số 2890/QĐ-UBND đăng ky");
  assert.deepEqual(Array.from(q, (t) => [t.f, !!t.prefix, !!t.opt]), [
    ["so", false, false], ["2890/qd-ubnd", false, false], ["dang", false, false], ["ky", true, false],
    ["dang ky", true, true],
  ]);
  assert.equal(q[2].e, "đăng");
  assert.equal(S.parse("thang 03/2026")[1].f, "3/2026", "two-digit numbers lose their leading zero");
  assert.equal(S.parse("05/03/2026")[0].f, "5/3/2026");
  assert.equal(S.parse("1.000894")[0].f, "1.000894", "longer numbers keep their zeros");
  assert.equal(S.parse("x05")[0].f, "x5");
  assert.ok(!/\(\?<[!=]/.test(fs.readFileSync(new URL("../../static/search.js", import.meta.url), "utf8")),
    "no lookbehind in the client: older Safari refuses the whole script");
});

test("snippets highlight matches in the text's own diacritics", () => {
  const { S } = open(site);
  const text = "Hồ sơ nộp tại Ủy ban nhân dân xã để đăng ký kết hôn theo Quyết định 2890/QĐ-UBND.";
  const marks = (q, abbr) => Array.from(S.snippet(text, S.parse(q), abbr, 40).filter((p) => p.m), (p) => p.t);
  assert.deepEqual(marks("dang ky ket hon"), ["đăng", "ký", "kết", "hôn"]);
  assert.deepEqual(marks("ket ho"), ["Hồ", "kết", "hôn"], "the last word is a prefix: ho finds Hồ and hôn");
  assert.deepEqual(marks("2890/qd-ubnd"), ["2890/QĐ-UBND"]);
  assert.deepEqual(marks("ubnd", { ubnd: "uy ban nhan dan" }), ["Ủy", "ban", "nhân", "dân", "UBND"], "an abbreviation marks its expansion");
  const long = "mở đầu ".repeat(40) + "đăng ký kết hôn" + " kết thúc".repeat(40);
  const pieces = S.snippet(long, S.parse("ket hon"), {}, 20);
  assert.equal(pieces[0].t, "… ", "a window in the middle starts with an ellipsis");
  assert.ok(pieces.some((p) => p.m && p.t === "kết"), "the window holds the match");
  assert.ok(pieces.map((p) => p.t).join("").length < 200);
});

test("results matching the query's diacritics come first", async () => {
  const { engine } = open(site);
  const plain = await engine.query("duong", { limit: 1 });
  for (const q of ["đường", "dương", "Đường"]) {
    const res = await engine.query(q, { limit: 1000 });
    assert.equal(res.total, plain.total, `${q}: the folded query finds the same pages`);
    const exact = res.results.map((r) => r.exact);
    const first = exact.indexOf(0);
    assert.ok(first > 0 && first < exact.length, `${q}: ${first} exact matches of ${exact.length}`);
    assert.ok(exact.slice(first).every((x) => x === 0), `${q}: an exact match ranks below a folded one`);
  }
});

test("prefixes, codes and document numbers", async () => {
  const { engine } = open(site);
  const top = async (q) => Array.from((await engine.query(q, { limit: 5 })).results, (r) => r.url);
  assert.ok((await top("dang ky ket ho")).includes("thu-tuc/1.000894/index.html"));
  assert.deepEqual(await top("1.001226"), ["thu-tuc/1.001226/index.html"]);
  assert.equal((await top("2890/qd-ubnd"))[0], "ke-hoach/vinh-long-2024-cai-cach-hanh-chinh/index.html");
  assert.equal((await top("2890/QĐ"))[0], "ke-hoach/vinh-long-2024-cai-cach-hanh-chinh/index.html", "a code typed in part is a prefix");
});

test("counts per kind, the kind filter and the plan and year filters", async () => {
  const { engine } = open(site);
  const all = await engine.query("so hoa", { limit: 50 });
  const sum = Object.values(all.counts).reduce((a, b) => a + b, 0);
  assert.equal(sum, all.total);
  assert.ok(all.counts["nhiem-vu"] > 0 && all.counts["thu-tuc"] > 0);
  const tasks = await engine.query("so hoa", { kind: "nhiem-vu", limit: 50 });
  assert.equal(tasks.matched, all.counts["nhiem-vu"]);
  assert.ok(tasks.results.every((r) => r.kind === "nhiem-vu"));
  const plan = "vinh-long-2024-kiem-soat-tthc";
  const inPlan = await engine.query("so hoa", { plan, limit: 50 });
  assert.ok(inPlan.total > 0 && inPlan.total < all.total);
  assert.ok(inPlan.results.every((r) => r.url.startsWith("ke-hoach/" + plan + "/")), inPlan.results.map((r) => r.url).join(" "));
  const y2026 = await engine.query("dat dai", { year: "2026", limit: 50 });
  assert.ok(y2026.total > 0 && y2026.results.every((r) => r.kind === "pakn" || r.kind === "chi-so-766"));
});

test("a query loads only the parts it needs", async () => {
  const { engine, loaded } = open(site);
  const res = await engine.query("1.001226", { limit: 10 });
  assert.equal(res.total, 1);
  const terms = loaded.filter((f) => /\/t\/\d+\.[0-9a-f]{6}\.js$/.test(f));
  const docs = loaded.filter((f) => /\/d\/\d+\.[0-9a-f]{6}\.js$/.test(f));
  assert.ok(loaded[0].endsWith("tim-kiem/chi-muc.js") && /tim-kiem\/m\.[0-9a-f]{8}\.js$/.test(loaded[1]), loaded.join(" "));
  assert.equal(loaded.length, 2 + terms.length + docs.length, loaded.join(" "));
  assert.equal(terms.length, 1, loaded.join(" "));
  assert.equal(docs.length, 1);
  const before = loaded.length;
  await engine.query("1.001226", { limit: 10 });
  assert.equal(loaded.length, before, "a repeated query loads nothing");
});

test("no page holds every word: the best partial matches, marked approximate", async () => {
  const { engine } = open(site);
  const res = await engine.query("dang ky ket hon xyzzyq", { limit: 5 });
  assert.ok(res.approximate);
  assert.ok(res.results.map((r) => r.url).includes("thu-tuc/1.000894/index.html"));
  const none = await engine.query("xyzzyq", { limit: 5 });
  assert.equal(none.total, 0);
  assert.ok(!none.approximate);
});

test("a part that cannot load fails the query, and a retry loads it again", async () => {
  const { S, engine } = open(site);
  const load = S.loadScript;
  S.loadScript = (url) => (url.includes("/t/") ? Promise.reject(new Error("offline")) : load(url));
  await assert.rejects(engine.query("ket hon", { limit: 1 }));
  S.loadScript = load;
  const res = await engine.query("ket hon", { limit: 1 });
  assert.ok(res.total > 0);
});

test("a short prefix is completed through the pair before it", async () => {
  // A tiny index whose prefix "lo" spans more parts than a query scans: "long" sits in the
  // fifth part, reached only through the pair "vinh long".
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "congkhai-complete-"));
  const idx = path.join(dir, "tim-kiem");
  fs.mkdirSync(path.join(idx, "t"), { recursive: true });
  fs.mkdirSync(path.join(idx, "d"), { recursive: true });
  const add = (file, key, data) => fs.writeFileSync(path.join(idx, file), `congkhaiSearch.add(${JSON.stringify(key)},${JSON.stringify(data)});\n`);
  const terms = [["lo", 0], ["loa", 0], ["loai", 0], ["loan", 0], ["long", 1], ["vinh", 1], ["vinh long", 1]];
  terms.forEach(([t, doc], i) => add(`t/${i}.00000${i}.js`, "t" + i, [[t, t, [(doc << 4) | 8]]]));
  add("m.00000001.js", "m", { v: "00000001", n: 2, kinds: [["x", "X", 0, 2, 1]], plans: [], years: [], parts: terms.map((t) => t[0]),
    ph: terms.map((t, i) => "00000" + i).join(""), dh: "aaaaaa", dn: 16, abbr: {} });
  add("d/0.aaaaaa.js", "d0", [{ u: "a/index.html", k: "x", t: "lo loa loai loan" }, { u: "b/index.html", k: "x", t: "Vĩnh Long" }]);
  fs.writeFileSync(path.join(idx, "chi-muc.js"), 'congkhaiSearch.add("i","m.00000001.js");\n');
  const { engine, loaded } = open(dir);
  const res = await engine.query("vinh lo", { limit: 5 });
  assert.ok(!res.approximate, "the page holding both words was found");
  assert.deepEqual(Array.from(res.results, (r) => r.url), ["b/index.html"]);
  assert.ok(loaded.some((f) => f.endsWith("t/4.000004.js")), "the part of the completion was loaded");
  assert.ok(!loaded.some((f) => f.endsWith("t/3.000003.js")), "the prefix scan stops at three parts");
});

test("a site rebuilt while a page is open: a part gone, the entry is read again", async () => {
  // Two builds of a tiny index, the second with other hashes and another address for the
  // page holding "long": a query after the rebuild finds the first build's parts gone,
  // reads the entry again and answers from the second build, whole.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "congkhai-rebuilt-"));
  const idx = path.join(dir, "tim-kiem");
  const build = (v, url) => {
    fs.rmSync(idx, { recursive: true, force: true });
    fs.mkdirSync(path.join(idx, "t"), { recursive: true });
    fs.mkdirSync(path.join(idx, "d"), { recursive: true });
    const add = (file, key, data) => fs.writeFileSync(path.join(idx, file), `congkhaiSearch.add(${JSON.stringify(key)},${JSON.stringify(data)});\n`);
    const terms = [["long", 1], ["vinh", 0]];
    terms.forEach(([t, doc], i) => add(`t/${i}.${v}0000${i}.js`, "t" + i, [[t, t, [(doc << 4) | 8]]]));
    add(`m.${v}0000000.js`, "m", { v: v + "0000000", n: 2, kinds: [["x", "X", 0, 2, 1]], plans: [], years: [], parts: terms.map((t) => t[0]),
      ph: terms.map((t, i) => v + "0000" + i).join(""), dh: v + "aaaaa", dn: 16, abbr: {} });
    add(`d/0.${v}aaaaa.js`, "d0", [{ u: "a/index.html", k: "x", t: "Vĩnh" }, { u: url, k: "x", t: "Long" }]);
    fs.writeFileSync(path.join(idx, "chi-muc.js"), `congkhaiSearch.add("i","m.${v}0000000.js");\n`);
  };
  build("1", "b/index.html");
  const { engine } = open(dir);
  assert.deepEqual(Array.from((await engine.query("vinh", { limit: 5 })).results, (r) => r.url), ["a/index.html"]);
  build("2", "c/index.html");
  assert.deepEqual(Array.from((await engine.query("long", { limit: 5 })).results, (r) => r.url), ["c/index.html"]);
  fs.rmSync(idx, { recursive: true, force: true });
  await assert.rejects(engine.query("zzz long", { limit: 5 }), "with the index gone, the query fails");
});
