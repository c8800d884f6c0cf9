/* congkhai kiosk: the service worker, at the kiosk's root (sw.js), that keeps the whole
 * kiosk for when the network drops. The build writes it with the line
 *
 *   const VERSION = "<hash of the precache manifest>";
 *
 * before this text, so that a new build is a new worker, which the browser installs, and
 * the same build the same worker. Its precache manifest, precache.json beside it, lists
 * every file of the kiosk with its revision, the first 8 bytes of the SHA-256 of its bytes
 * in hex.
 *
 * - Install: read the manifest (it must be this build's), and fill a cache of this build:
 *   a file whose revision the cache of the build in use holds is copied from it, any other
 *   is fetched, once, and kept only if its bytes have the revision the manifest says (a
 *   server half way through publishing a newer build fails the install, which the next
 *   look for updates tries again). The manifest goes in last: it marks the cache whole, and
 *   an install that stopped half way starts again from what it had.
 * - The new build waits until the page asks for it ({type: "activate"}, sent when the
 *   kiosk goes home by itself), so that a visitor's pages all come from one build. Then the
 *   caches of other builds are deleted: a file the new build removed is gone.
 * - Fetch: inside the kiosk, every GET is answered from the cache of the build in use, the
 *   query left aside (the search page's ?q=, and no request can defeat the cache with one);
 *   an address that the build does not have gets 404.html. Only a file the manifest lists
 *   but the cache lost (the browser may evict it) is asked of the network.
 */
/* global VERSION */
"use strict";

var SCOPE = self.registration.scope; // the kiosk's root, ending in "/"
var PREFIX = "congkhai-kiosk " + SCOPE + " ";
var NAME = PREFIX + VERSION;
var MANIFEST = new URL("precache.json", SCOPE).href;
var WORKER = new URL("sw.js", SCOPE).href;
var PARALLEL = 6; // files fetched at once

self.addEventListener("install", function (ev) {
  ev.waitUntil(install().then(function () {
    // The first build of a kiosk has nothing to wait for.
    if (!self.registration.active) return self.skipWaiting();
  }));
});

self.addEventListener("message", function (ev) {
  if (ev.data && ev.data.type === "activate") self.skipWaiting();
});

self.addEventListener("activate", function (ev) {
  ev.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf(PREFIX) === 0 && n !== NAME; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

function hex(buf) {
  return Array.prototype.map.call(new Uint8Array(buf), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
}

function revision(buf) {
  return crypto.subtle.digest("SHA-256", buf).then(function (sum) { return hex(sum.slice(0, 8)); });
}

// manifestOf reads the manifest kept in a cache: url -> revision, or null.
function manifestOf(cache) {
  return cache.match(MANIFEST).then(function (res) {
    if (!res) return null;
    return res.json().then(function (m) {
      var revs = {};
      m.files.forEach(function (f) { revs[new URL(f.url, SCOPE).href] = f.revision; });
      return revs;
    });
  });
}

// older lists the caches of other builds of this kiosk that are whole, with their manifests.
function older() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf(PREFIX) === 0 && n !== NAME; }).map(function (n) {
      return caches.open(n).then(function (c) {
        return manifestOf(c).then(function (revs) { return revs && { cache: c, revs: revs }; });
      });
    }));
  }).then(function (list) { return list.filter(Boolean); });
}

function install() {
  var text, m;
  return fetch(MANIFEST, { cache: "no-cache" }).then(function (res) {
    if (!res.ok) throw new Error(MANIFEST + ": " + res.status);
    return res.text();
  }).then(function (t) {
    text = t;
    m = JSON.parse(t);
    if (m.version !== VERSION) throw new Error("precache.json is of build " + m.version + ", this worker of " + VERSION);
    return Promise.all([caches.open(NAME), older()]);
  }).then(function (got) {
    var cache = got[0], olds = got[1];
    return cache.keys().then(function (keys) {
      var have = {};
      keys.forEach(function (k) { have[k.url] = true; });
      var todo = m.files.filter(function (f) { return !have[new URL(f.url, SCOPE).href]; }), next = 0;
      function one(f) {
        var url = new URL(f.url, SCOPE).href;
        var old = olds.filter(function (o) { return o.revs[url] === f.revision; })[0];
        var kept = old ? old.cache.match(url) : Promise.resolve(null);
        return kept.then(function (res) {
          if (res) return cache.put(url, res);
          return fetch(url, { cache: "no-cache" }).then(function (res) {
            if (!res.ok) throw new Error(url + ": " + res.status);
            var type = res.headers.get("Content-Type");
            return res.arrayBuffer().then(function (body) {
              return revision(body).then(function (rev) {
                if (rev !== f.revision) throw new Error(url + ": revision " + rev + ", the manifest says " + f.revision);
                var headers = type ? { "Content-Type": type } : {};
                return cache.put(url, new Response(body, { headers: headers }));
              });
            });
          });
        });
      }
      function worker() {
        if (next >= todo.length) return Promise.resolve();
        return one(todo[next++]).then(worker);
      }
      var workers = [];
      for (var i = 0; i < PARALLEL; i++) workers.push(worker());
      return Promise.all(workers).then(function () {
        return cache.put(MANIFEST, new Response(text, { headers: { "Content-Type": "application/json" } }));
      });
    });
  });
}

var listed = null; // the manifest of the build in use, url -> revision, once read

self.addEventListener("fetch", function (ev) {
  var req = ev.request;
  if (req.method !== "GET") return;
  var url = new URL(req.url);
  var key = url.origin + url.pathname;
  if (key.indexOf(SCOPE) !== 0 || key === WORKER || key === MANIFEST) return;
  if (key.charAt(key.length - 1) === "/") key += "index.html";
  ev.respondWith(caches.open(NAME).then(function (cache) {
    return cache.match(key).then(function (hit) {
      if (hit) return hit;
      if (!listed) listed = manifestOf(cache);
      return listed.then(function (revs) {
        if (!revs || revs[key]) return fetch(req); // not installed yet, or evicted
        if (req.mode === "navigate") return Response.redirect(new URL("404.html", SCOPE).href, 302);
        return new Response("Không có tệp này trong kiosk.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
      });
    });
  }));
});
