/*
 * Keep the app on this phone, only when the resident chooses it.
 *
 * Nothing here runs on a normal visit except reading navigator.serviceWorker.controller
 * (no storage is touched). save() registers /sw.js, which caches the page, its assets and
 * the two API responses; remove() unregisters every service worker of this origin and
 * deletes every cache. The web app manifest link is added only once the resident chose to
 * keep the app, so the browser never offers "install" to someone who did not ask.
 * The quick exit (/exit, Clear-Site-Data "storage") removes the saved copy as well.
 */
(function () {
  'use strict';
  var nav = navigator, installPrompt = null;

  function supported() { return 'serviceWorker' in nav && 'caches' in self; }

  // Saved already? Only the synchronous controller check: no storage is opened.
  function kept() { return supported() && !!nav.serviceWorker.controller; }

  function linkManifest() {
    if (document.querySelector('link[rel="manifest"]')) return;
    var l = document.createElement('link');
    l.rel = 'manifest';
    l.href = '/manifest.webmanifest';
    document.head.appendChild(l);
  }

  // Resolves when the new worker is active (its install step cached everything).
  function save() {
    if (!supported()) return Promise.reject(new Error('unsupported'));
    return nav.serviceWorker.register('/sw.js', { scope: '/' }).then(function (reg) {
      linkManifest();
      var w = reg.installing || reg.waiting;
      if (!w) return reg;
      return new Promise(function (resolve, reject) {
        w.addEventListener('statechange', function () {
          if (w.state === 'activated') resolve(reg);
          else if (w.state === 'redundant') reject(new Error('install failed'));
        });
      });
    });
  }

  function remove() {
    if (!supported()) return Promise.resolve();
    var l = document.querySelector('link[rel="manifest"]');
    if (l) l.parentNode.removeChild(l);
    return nav.serviceWorker.getRegistrations().then(function (regs) {
      return Promise.all(regs.map(function (r) { return r.unregister(); }));
    }).then(function () {
      return caches.keys();
    }).then(function (keys) {
      return Promise.all(keys.map(function (k) { return caches.delete(k); }));
    });
  }

  // Never let the browser show its own install banner; offer it only on the keep screen.
  self.addEventListener('beforeinstallprompt', function (e) {
    e.preventDefault();
    installPrompt = e;
  });

  function canInstall() { return !!installPrompt; }
  function install() {
    var p = installPrompt;
    installPrompt = null;
    if (!p) return Promise.resolve(false);
    p.prompt();
    return p.userChoice.then(function (c) { return c && c.outcome === 'accepted'; });
  }

  if (kept()) linkManifest();

  self.HW = self.HW || {};
  self.HW.keep = {
    supported: supported, kept: kept, save: save, remove: remove,
    canInstall: canInstall, install: install
  };
})();
