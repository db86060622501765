/* Spark offline (issue 6): registers the service worker, keeps saved lessons on the phone, and queues
   what a student does offline in IndexedDB until the sync API (POST /api/sync) acknowledges it.
   Each action has a client-made id, the device id, the moment it happened and the version it was
   based on; the server applies each once (spark/sync.py). Plain script, no build step. */
(function () {
  "use strict";
  if (!window.indexedDB || !window.fetch || !window.Promise) {
    return; // an old browser: every page still works online, as without JavaScript
  }
  var SAVED = "spark-saved", BATCH = 200, ACK = ["applied", "duplicate", "conflict", "refused"];
  var dbOpen, device, draining = false, failures = 0, nextTry = 0, reading = null;

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(function () {});
  }

  // --- IndexedDB: "queue" (actions, by client_id) and "meta" (device id, drafts, saved lessons, last sync)
  function db() {
    dbOpen = dbOpen || new Promise(function (ok, fail) {
      var open = indexedDB.open("spark", 1);
      open.onupgradeneeded = function () {
        open.result.createObjectStore("queue", {keyPath: "client_id"});
        open.result.createObjectStore("meta");
      };
      open.onsuccess = function () { ok(open.result); };
      open.onerror = function () { fail(open.error); };
    });
    return dbOpen;
  }
  function run(name, mode, work) {
    return db().then(function (d) {
      return new Promise(function (ok, fail) {
        var t = d.transaction(name, mode), request = work(t.objectStore(name));
        t.oncomplete = function () { ok(request && request.result); };
        t.onerror = function () { fail(t.error); };
      });
    });
  }
  function get(key) { return run("meta", "readonly", function (s) { return s.get(key); }); }
  function put(key, value) { return run("meta", "readwrite", function (s) { return s.put(value, key); }); }
  function forget(key) { return run("meta", "readwrite", function (s) { return s.delete(key); }); }
  function pending(user) {
    return run("queue", "readonly", function (s) { return s.getAll(); }).then(function (all) {
      return all.filter(function (a) { return a.user === user; })
        .sort(function (a, b) { return a.occurred_at < b.occurred_at ? -1 : 1; });
    });
  }
  function uuid() {
    if (crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16)), h = [];
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    b.forEach(function (x) { h.push((x + 256).toString(16).slice(1)); });
    return h.slice(0, 4).join("") + "-" + h.slice(4, 6).join("") + "-" + h.slice(6, 8).join("") + "-" +
      h.slice(8, 10).join("") + "-" + h.slice(10).join("");
  }
  function deviceId() {
    return get("device").then(function (found) {
      device = found || uuid();
      return found ? device : put("device", device).then(function () { return device; });
    });
  }
  function el() { return document.getElementById("sync-status"); }
  function me() { var s = el(); return s ? s.dataset.user : "*"; }
  function student() { var s = el(); return s && s.dataset.student === "1" ? s.dataset.user : null; }
  function now() { return new Date().toISOString(); }
  function toInt(value) { return /^\d+$/.test(value || "") ? parseInt(value, 10) : null; }

  // --- The queue
  function enqueue(action) {
    return deviceId().then(function (d) {
      var item = Object.assign({client_id: uuid(), user: student(), occurred_at: now(), device_id: d}, action);
      return run("queue", "readwrite", function (s) { return s.put(item); });
    }).then(function () { showStatus(); setTimeout(drain, 50); });
  }
  function json(response) {
    if (!response.ok) { throw new Error("HTTP " + response.status); }
    return response.json();
  }
  function drain(force) {
    var user = student();
    if (draining || !user || !navigator.onLine || Date.now() < nextTry) { return Promise.resolve(); }
    draining = true;
    return Promise.all([pending(user), deviceId(), get("saved:" + user)]).then(function (got) {
      var items = got[0], saved = got[2] || {}, versions = {};
      if (!items.length && !(force && Object.keys(saved).length)) { return null; }
      Object.keys(saved).forEach(function (id) { versions[id] = saved[id].version; });
      return fetch("/api/sync", {credentials: "same-origin"}).then(json).then(function (state) {
        if (state.user_id !== user) { throw new Error("another session"); } // keep the queue for its owner
        var chain = Promise.resolve(), retry = false;
        for (var i = 0; i < Math.max(items.length, 1); i += BATCH) {
          chain = chain.then(send.bind(null, user, items.slice(i, i + BATCH), versions, state.csrf_token))
            .then(function (again) { retry = retry || again; });
        }
        return chain.then(function () {
          if (retry) { throw new Error("retry"); }
          return put("last:" + user, now());
        });
      });
    }).then(function () { failures = 0; nextTry = 0; }, function () {
      failures += 1; // back off: 10 s, 20 s, 40 s... up to 10 minutes, with jitter
      nextTry = Date.now() + Math.min(600000, 5000 * Math.pow(2, failures)) * (0.5 + Math.random() / 2);
    }).then(function () { draining = false; showStatus(); });
  }
  function send(user, chunk, versions, token) {
    var body = {device_id: device, saved: versions, actions: chunk.map(function (item) {
      var action = Object.assign({}, item);
      delete action.user;
      return action;
    })};
    return fetch("/api/sync", {method: "POST", credentials: "same-origin", body: JSON.stringify(body),
      headers: {"Content-Type": "application/json", "X-CSRFToken": token}}).then(json).then(function (answer) {
      var done = answer.results.filter(function (r) { return ACK.indexOf(r.status) >= 0; })
        .map(function (r) { return r.client_id; });
      // Only what the server acknowledged leaves the queue; an "error" is sent again later.
      return run("queue", "readwrite", function (s) {
        chunk.forEach(function (item) { if (done.indexOf(item.client_id) >= 0) { s.delete(item.client_id); } });
      }).then(function () { return keepSaved(user, answer.saved); })
        .then(function () { return done.length < chunk.length; });
    });
  }

  // --- Saved lessons: keep exactly the server's list on the phone
  function keepSaved(user, list) {
    return get("saved:" + user).then(function (local) {
      local = local || {};
      var keep = {}, wanted = {}, work = [];
      list.forEach(function (entry) {
        entry.urls.forEach(function (u) { wanted[u] = true; });
        var had = local[entry.lesson_id];
        if (had && had.version === entry.version) { keep[entry.lesson_id] = had; return; }
        work.push(caches.open(SAVED).then(function (cache) { return cache.addAll(entry.urls); }).then(function () {
          keep[entry.lesson_id] = {version: entry.version, urls: entry.urls};
        }, function () { if (had) { keep[entry.lesson_id] = had; } }));
      });
      Object.keys(local).forEach(function (id) {
        if (!keep[id] && !list.some(function (e) { return e.lesson_id === id; })) {
          work.push(caches.open(SAVED).then(function (cache) {
            return Promise.all(local[id].urls.filter(function (u) { return !wanted[u]; })
              .map(function (u) { return cache.delete(u); }));
          }));
        }
      });
      return Promise.all(work).then(function () { return put("saved:" + user, keep); }).then(showSaved);
    });
  }
  function savedFromPage(user, box) {
    var list = [].map.call(box.querySelectorAll("[data-offline-lesson]"), function (li) {
      return {lesson_id: li.dataset.offlineLesson, version: li.dataset.version, urls: li.dataset.urls.split(" ")};
    });
    var pages = box.dataset.offlineSaved.split(" ");
    return caches.open(SAVED).then(function (cache) {
      return list.length ? cache.addAll(pages) : Promise.all(pages.map(function (u) { return cache.delete(u); }));
    }).catch(function () {}).then(function () { return keepSaved(user, list); });
  }
  function showSaved() {
    var user = student();
    return get("saved:" + user).then(function (local) {
      document.querySelectorAll("[data-offline-lesson]").forEach(function (li) {
        var had = (local || {})[li.dataset.offlineLesson], badge = li.querySelector("[data-offline-state]");
        var ready = had && had.version === li.dataset.version;
        if (badge) { badge.className = ready ? "badge ok" : ""; badge.textContent = ready ? badge.dataset.ready : ""; }
      });
    });
  }
  function clearCopies(previous) {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n === SAVED || n.indexOf("spark-pages-") === 0; })
        .map(function (n) { return caches.delete(n); }));
    }).then(function () { return previous ? forget("saved:" + previous) : null; });
  }

  // --- Reading time, measured on the phone while the page is visible (seconds per action)
  function flushReading(event) {
    if (!reading) { return Promise.resolve(0); }
    var seconds = Math.round((Date.now() - reading.since) / 1000);
    reading.since = Date.now();
    if (!event && seconds < 1) { return Promise.resolve(0); }
    return event === "finish" ? Promise.resolve(seconds) : enqueue({type: "lesson_progress", event: event || "read",
      lesson_id: reading.lesson, based_on: reading.basedOn, seconds: Math.min(seconds, 300)});
  }
  function startReading(node) {
    if (reading && reading.lesson === node.dataset.offlineReading) { return; }
    reading = {lesson: node.dataset.offlineReading, basedOn: toInt(node.dataset.basedOn), since: Date.now()};
    flushReading("open");
  }
  setInterval(function () {
    if (reading && !document.querySelector("[data-offline-reading]")) { flushReading(); reading = null; }
    if (reading && document.visibilityState === "visible") { flushReading(); }
  }, 60000);
  window.addEventListener("pagehide", function () { flushReading(); });
  document.addEventListener("visibilitychange", function () {
    if (!reading) { return; }
    if (document.visibilityState === "hidden") { flushReading(); } else { reading.since = Date.now(); }
  });

  // --- Forms: the offline pages always queue; a lesson's finish and a text hand-in queue when offline
  function fields(form) {
    var out = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrf_token" && name !== "client_id" && typeof value === "string") {
        (out[name] = out[name] || []).push(value);
      }
    });
    return out;
  }
  function done(form, text, link) {
    var note = document.createElement("p");
    note.className = "flash success";
    note.setAttribute("role", "status");
    note.textContent = text;
    form.replaceWith(note);
    if (link) { var a = document.createElement("a"); a.href = link; a.textContent = "→"; note.append(" ", a); }
  }
  document.addEventListener("submit", function (event) {
    var form = event.target, kind = form.dataset.offline, user = student();
    var path = new URL(form.action, location.href).pathname;
    if (path === "/sign-out") { return signOut(event, form); }
    var finish = !kind && !navigator.onLine && /^\/student\/lessons\/[0-9a-f-]{36}\/finish$/.test(path);
    var handIn = !kind && !navigator.onLine && /^\/student\/assignments\/[0-9a-f-]{36}$/.test(path) &&
      form.elements.content && ![].some.call(form.querySelectorAll("input[type=file]"), function (i) { return i.files.length; });
    if (!user || (!kind && !finish && !handIn)) { return; }
    event.preventDefault();
    event.stopImmediatePropagation(); // before htmx sees it
    var draftKey = "draft:" + user + ":" + form.dataset.quiz;
    if (handIn) {
      enqueue({type: "assignment_submission", assignment_id: path.split("/")[3], text: form.elements.content.value})
        .then(function () { done(form, el().dataset.offline); });
    } else if (kind === "answer") {
      get(draftKey).then(function (draft) {
        draft = draft || {started_at: now(), answers: {}};
        draft.answers[form.dataset.question] = {fields: fields(form), answered_at: now()};
        return put(draftKey, draft);
      }).then(function () { location.assign(form.dataset.next); });
    } else if (kind === "hand-in") {
      get(draftKey).then(function (draft) {
        draft = draft || {started_at: now(), answers: {}};
        return enqueue({type: "quiz_attempt", quiz_id: form.dataset.quiz, based_on: null,
          started_at: draft.started_at, answers: draft.answers});
      }).then(function () { return forget(draftKey); })
        .then(function () { done(form, form.dataset.doneText, form.dataset.doneUrl); });
    } else {
      var lesson = finish ? path.split("/")[3] : form.dataset.lesson;
      var measured = reading && reading.lesson === lesson ? flushReading("finish") : Promise.resolve(0);
      measured.then(function (seconds) {
        return enqueue({type: "lesson_progress", event: "finish", lesson_id: lesson,
          based_on: toInt(form.dataset.basedOn), seconds: Math.min(seconds, 300)});
      }).then(function () { done(form, form.dataset.doneText || el().dataset.offline); });
    }
  }, true);
  function signOut(event, form) {
    if (form.dataset.leaving) { return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    form.dataset.leaving = "1";
    var user = me();
    // Send what waits first; what cannot be sent stays for this student's next sign-in.
    drain().then(function () { return clearCopies(user); }).then(function () { return put("user", ""); })
      .catch(function () {}).then(function () { form.submit(); });
  }

  // --- The status line: how many actions wait, and when the last sync was
  function showStatus() {
    var box = el(), user = student();
    if (!box || !user) { return; }
    Promise.all([pending(user), get("last:" + user)]).then(function (got) {
      var parts = [], last = got[1];
      if (!navigator.onLine) { parts.push(box.dataset.offline); }
      if (got[0].length) { parts.push(box.dataset.waiting.replace("{n}", got[0].length)); }
      if (parts.length || last) {
        parts.push(last ? box.dataset.synced.replace("{t}", new Date(last).toLocaleString(
          document.documentElement.lang || undefined, {dateStyle: "short", timeStyle: "short"})) : box.dataset.never);
      }
      box.textContent = parts.join(" · ");
      box.hidden = !parts.length;
    });
  }
  function countAnswered(node) {
    get("draft:" + student() + ":" + node.closest("section").querySelector("form").dataset.quiz).then(function (d) {
      node.textContent = node.dataset.offlineAnswered.replace("{n}", d ? Object.keys(d.answers).length : 0);
    });
  }

  // --- Each page (also after an htmx swap)
  function initPage() {
    var user = me();
    if (user === "*") { showStatus(); return; }
    get("user").then(function (last) {
      // Another person on this phone: drop the previous student's kept pages (not their queue).
      return last === user ? null : clearCopies(last).then(function () { return put("user", user); });
    }).then(function () {
      if (!student()) { return; }
      showStatus();
      var box = document.querySelector("[data-offline-saved]"), node = document.querySelector("[data-offline-reading]");
      var answered = document.querySelector("[data-offline-answered]");
      if (box && navigator.onLine) { savedFromPage(user, box); }
      if (node) { startReading(node); }
      if (answered) { countAnswered(answered); }
      return get("last:" + user).then(function (last) {
        drain(!last || Date.now() - Date.parse(last) > 1800000); // refresh saved lessons every 30 minutes
      });
    }).catch(function () {});
  }
  deviceId().catch(function () {});
  document.addEventListener("htmx:configRequest", function (event) {
    if (device) { event.detail.headers["X-Spark-Device"] = device; }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target === document.body) { initPage(); }
  });
  window.addEventListener("online", function () { failures = 0; nextTry = 0; drain(); });
  window.addEventListener("offline", showStatus);
  setInterval(drain, 60000);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initPage);
  } else {
    initPage();
  }
}());
