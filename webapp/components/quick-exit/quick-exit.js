/*
 * Quick exit: leave the help finder at once, leaving as little as possible behind.
 *
 * Triggers: a click/tap on .exit (the first link of the page, href="/exit" so it also
 * works without JavaScript), Esc twice within 1 s, or Shift three times within 5 s.
 * Neither shortcut counts while typing in a field (text inputs, textarea, select,
 * contenteditable). A Shift press only counts when no other key was pressed while it was
 * held, so Shift+Tab (keyboard users moving backwards) never triggers the exit.
 *
 * Leaving: blank the page synchronously (hide the document, empty the body, clear the
 * title), then location.replace('/exit'): the help finder's history entry is replaced, and
 * /exit answers Clear-Site-Data and a redirect to a neutral page. If the browser still
 * restores this page from the back/forward cache, pageshow blanks it and leaves again.
 */
(function () {
  'use strict';
  var EXIT_URL = '/exit';
  var ESC_WINDOW = 1000, SHIFT_WINDOW = 5000, SHIFT_COUNT = 3;
  var gone = false, lastEsc = -Infinity, shifts = [], shiftClean = false;
  var doc = document;

  function blank() {
    doc.documentElement.style.display = 'none'; // CSSOM, allowed by the CSP
    doc.title = '';
    var b = doc.body;
    if (b) while (b.firstChild) b.removeChild(b.firstChild);
  }

  function leave() {
    gone = true;
    blank();
    location.replace(EXIT_URL);
  }

  var TEXTLESS = /^(checkbox|radio|button|submit|reset|range|color|file|image)$/i;
  function typing() {
    var el = doc.activeElement;
    if (!el || !el.tagName) return false;
    if (el.isContentEditable) return true;
    var tag = el.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
    return tag === 'INPUT' && !TEXTLESS.test(el.type || 'text');
  }

  doc.addEventListener('click', function (e) {
    var t = e.target;
    var a = t && t.closest ? t.closest('.exit') : null;
    if (!a) return;
    e.preventDefault();
    leave();
  }, true);

  doc.addEventListener('keydown', function (e) {
    if (e.key === 'Shift') {
      if (!e.repeat) shiftClean = true;
      return;
    }
    shiftClean = false; // another key while Shift is held: Shift+Tab and the like
    if ((e.key === 'Escape' || e.key === 'Esc') && !e.repeat && !typing()) {
      var now = Date.now();
      if (now - lastEsc <= ESC_WINDOW) { e.preventDefault(); leave(); return; }
      lastEsc = now;
    }
  }, true);

  doc.addEventListener('keyup', function (e) {
    if (e.key !== 'Shift') return;
    var clean = shiftClean;
    shiftClean = false;
    if (!clean || typing()) return;
    var now = Date.now();
    shifts.push(now);
    while (shifts.length && now - shifts[0] > SHIFT_WINDOW) shifts.shift();
    if (shifts.length >= SHIFT_COUNT) leave();
  }, true);

  // Restored from the back/forward cache after leaving: blank and leave again.
  window.addEventListener('pageshow', function (e) {
    if (e.persisted && gone) { blank(); location.replace(EXIT_URL); }
  });

  // Keep focused elements clear of the sticky bar, whatever its height (zoom, wrapping).
  var bar = doc.querySelector('.bar');
  if (bar && self.ResizeObserver) {
    new ResizeObserver(function () {
      doc.documentElement.style.scrollPaddingBlockStart = (bar.offsetHeight + 16) + 'px';
    }).observe(bar);
  }

  self.HW = self.HW || {};
  self.HW.exit = leave;
})();
