/* Spark's service worker (issue 6). Served from /sw.js by spark/blueprints/sync/pages.py, which
   fills in VERSION (a hash of the static files and templates) and SHELL (the app shell's URLs).
   - The shell is cached per version; a new version deletes the caches of the others.
   - Pages are fetched from the network first; a student page the server marked (X-Spark-Offline)
     is kept, and served when the network fails, so nothing of another role is ever kept.
   - "spark-saved" holds the lessons a student saved; offline.js fills and empties it. */
"use strict";
const VERSION = "__VERSION__";
const SHELL = "__SHELL__";
const SHELL_CACHE = "spark-shell-" + VERSION;
const PAGES_CACHE = "spark-pages-" + VERSION;
const SAVED_CACHE = "spark-saved";

self.addEventListener("install", (event) => {
  // Without cookies: the shell (the offline page) must hold nobody's data.
  event.waitUntil(caches.open(SHELL_CACHE)
    .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, {credentials: "omit"}))))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  const current = [SHELL_CACHE, PAGES_CACHE, SAVED_CACHE];
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith("spark-") && !current.includes(name))
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin
      || url.pathname.startsWith("/api/") || url.pathname === "/sw.js") {
    return;
  }
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate" || request.headers.get("HX-Boosted") === "true") {
    event.respondWith(networkFirst(request, url));
  }
});

function cacheFirst(request) {
  return caches.match(request).then((hit) => hit || fetch(request).catch(() =>
    // A kept page may name an older ?v= of a file: the current one is the best there is.
    caches.match(request, {ignoreSearch: true}).then((any) => any || Response.error())));
}

function networkFirst(request, url) {
  return fetch(request).then((response) => {
    if (response.ok && response.headers.get("X-Spark-Offline") === "page") {
      const key = new URL(response.url || request.url);
      const copy = response.clone();
      caches.open(PAGES_CACHE).then((cache) => cache.put(key.pathname + key.search, copy));
    }
    return response;
  }).catch(() => keptCopy(url));
}

function keptCopy(url) {
  const tries = [url.pathname + url.search];
  // The normal lesson and quiz pages fall back to their saved-for-offline versions.
  const page = url.pathname.match(/^\/student\/(lessons|quizzes)\/([0-9a-f-]{36})$/);
  if (page) {
    tries.push(page[1] === "lessons" ? "/student/saved/lessons/" + page[2] : "/student/saved/quizzes/" + page[2] + "?q=1");
  }
  if (url.pathname === "/") {
    tries.push("/student/");
  }
  tries.push("/offline");
  return tries.reduce((found, key) => found.then((hit) => hit || caches.match(key, {ignoreVary: true})),
    Promise.resolve(undefined))
    .then((hit) => hit || new Response("Offline", {status: 503, headers: {"Content-Type": "text/plain"}}));
}
