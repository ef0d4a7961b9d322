/*
 * Hulpwijzer service worker. Registered only when the resident chooses to keep the app
 * (components/keep-offline). The server renders the asset placeholders into
 * hashed URLs, so a new release changes this file and the browser installs it anew.
 *
 * Page and API: network first, the cached copy when offline. Assets: cache first (their
 * URLs are immutable). /exit and everything else: untouched, straight to the network.
 */
'use strict';
var CACHE = 'hulpwijzer';
var PAGE = '/';
var API = ['/api/v1/directory', '/api/v1/questionnaire'];
var ASSETS = [
  '{{asset:common/dom.js}}',
  '{{asset:resident/screens.js}}',
  '{{asset:resident/app.js}}',
  '{{asset:resident/app.css}}',
  '{{asset:resident/icon.svg}}',
  '{{asset:components/quick-exit/quick-exit.js}}',
  '{{asset:components/routing/routing.js}}',
  '{{asset:components/schedule/schedule.js}}',
  '{{asset:components/reach/reach.js}}',
  '{{asset:components/org-card/org-card.js}}',
  '{{asset:components/org-card/org-card.css}}',
  '{{asset:components/keep-offline/keep-offline.js}}',
  '{{asset:components/contact-request/proof-of-work.js}}',
  '{{asset:components/contact-request/contact-request.js}}',
  '{{asset:components/contact-request/contact-request.css}}',
  '{{asset:i18n/nl.json}}',
  '{{asset:i18n/en.json}}'
];
var ALL = [PAGE].concat(API, ASSETS);

self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) {
    return c.addAll(ALL);
  }).then(function () { return self.skipWaiting(); }));
});

// Drop what an older release cached.
self.addEventListener('activate', function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) {
    return c.keys().then(function (reqs) {
      return Promise.all(reqs.filter(function (r) {
        return ALL.indexOf(new URL(r.url).pathname) === -1;
      }).map(function (r) { return c.delete(r); }));
    });
  }).then(function () { return self.clients.claim(); }));
});

function networkFirst(req, key) {
  return fetch(req).then(function (res) {
    if (res.ok) {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { return c.put(key, copy); });
    }
    return res;
  }).catch(function () {
    return caches.match(key).then(function (r) { return r || Response.error(); });
  });
}

function cacheFirst(req) {
  return caches.match(req).then(function (r) { return r || fetch(req); });
}

self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (req.method !== 'GET') return;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  var p = url.pathname;
  if ((p === PAGE && req.mode === 'navigate') || API.indexOf(p) !== -1) {
    e.respondWith(networkFirst(req, p));
  } else if (ASSETS.indexOf(p) !== -1) {
    e.respondWith(cacheFirst(req));
  }
});
