// Runs congkhai's search client (static/search.js) in Node against a built site, without a
// browser: index parts are read from disk and run as the scripts they are. Used by the Go
// tests (generator/search_test.go) and by the client tests (client.test.mjs).
//
//   node engine.mjs <public dir> <queries.json>   prints [{q, results: [url...]}...]
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const client = path.join(here, "..", "..", "static", "search.js");

// open loads the client in a fresh context and opens the index of the site built in dir.
// It returns the engine, the client (fold, tokens, snippet) and the parts loaded, in order.
export function open(dir) {
  const ctx = vm.createContext({ URL, console });
  vm.runInContext(fs.readFileSync(client, "utf8"), ctx, { filename: client });
  const S = ctx.congkhaiSearch;
  const loaded = [];
  S.loadScript = (url) => {
    const file = fileURLToPath(url);
    loaded.push(path.relative(dir, file));
    return new Promise((ok, fail) => {
      fs.readFile(file, "utf8", (err, src) => {
        if (err) return fail(err);
        vm.runInContext(src, ctx, { filename: file });
        ok();
      });
    });
  };
  const engine = S.open(pathToFileURL(path.join(dir, "tim-kiem", "chi-muc.js")).href);
  return { S, engine, loaded };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, queries] = process.argv.slice(2);
  const { engine } = open(path.resolve(dir));
  const out = [];
  for (const q of JSON.parse(fs.readFileSync(queries, "utf8"))) {
    const res = await engine.query(q.q, { limit: q.limit || 5 });
    out.push({ q: q.q, total: res.total, results: res.results.map((r) => r.url) });
  }
  process.stdout.write(JSON.stringify(out, null, 1) + "\n");
}
