// leadup's service worker; the server prepends LEADUP (this build's asset
// URLs and the offline page). It caches only those: never a signed-in page.
"use strict";
var CACHE = "leadup-" + LEADUP.version;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE)
    .then(function (c) { return c.addAll(LEADUP.assets.concat([LEADUP.offline])); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys()
    .then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
    })
    .then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var req = event.request;
  if (req.method !== "GET") { return; }
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) { return; }
  if (LEADUP.assets.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.match(req).then(function (hit) { return hit || fetch(req); }));
    return;
  }
  // Pages come from the network; the offline page stands in if it fails.
  if (req.mode === "navigate") {
    event.respondWith(fetch(req).catch(function () { return caches.match(LEADUP.offline); }));
  }
});
