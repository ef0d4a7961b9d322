/*
 * Texts and formatting for the staff portal: the current language, t() with plural forms,
 * ages in plain words ("2 uur geleden"), dates, and the retention dates of DESIGN.md
 * (closed: 7 days after closing; otherwise 30 days after it came in).
 * Pure functions apart from the current language; no DOM, no network, no storage.
 */
'use strict';
(function () {
  // Language -> {key: text}, from webapp/i18n/staff/<language>.json: load() fetches the
  // files the page names (<html data-texts-nl="…">); tests give them with addTexts().
  var TEXTS = {};
  var LANGUAGES = ['nl', 'en'];
  var LOCALES = { nl: 'nl-NL', en: 'en-GB' };
  var DAY = 24 * 3600;
  var CLOSED_RETENTION = 7 * DAY;
  var UNHANDLED_RETENTION = 30 * DAY;
  var lang = 'nl';

  function addTexts(code, table) { TEXTS[code] = table; }

  // Fetches the texts of every language before the page starts (same origin, hashed
  // immutable URLs); rejects when one cannot be read.
  function load() {
    var root = document.documentElement;
    return Promise.all(LANGUAGES.map(function (code) {
      var url = root.getAttribute('data-texts-' + code);
      if (!url) return Promise.reject(new Error('no texts for ' + code));
      return fetch(url, { credentials: 'same-origin', redirect: 'error', referrerPolicy: 'no-referrer' })
        .then(function (response) {
          if (!response.ok) throw new Error('texts ' + code + ': ' + response.status);
          return response.json();
        })
        .then(function (table) { addTexts(code, table); });
    }));
  }

  function setLanguage(code) { lang = TEXTS[code] ? code : 'nl'; }
  function language() { return lang; }

  // t('home.new', {n: 2}) picks home.new_zero (n = 0, when present), _one or _other.
  function t(key, params) {
    var table = TEXTS[lang] || {};
    var name = key;
    if (params && typeof params.n === 'number') {
      if (params.n === 0 && (key + '_zero') in table) name = key + '_zero';
      else name = key + (params.n === 1 ? '_one' : '_other');
    }
    var text = table[name];
    if (text === undefined && TEXTS.nl) text = TEXTS.nl[name];
    if (text === undefined) return key;
    return text.replace(/\{(\w+)\}/g, function (all, p) {
      return params && params[p] !== undefined ? String(params[p]) : all;
    });
  }

  function nowSeconds() { return Math.floor(Date.now() / 1000); }

  // "zojuist", "5 minuten geleden", "2 uur geleden", "3 dagen geleden".
  function age(unixSeconds, now) {
    var seconds = Math.max(0, (now === undefined ? nowSeconds() : now) - unixSeconds);
    if (seconds < 60) return t('age.now');
    if (seconds < 3600) return t('age.minutes', { n: Math.floor(seconds / 60) });
    if (seconds < DAY) return t('age.hours', { n: Math.floor(seconds / 3600) });
    return t('age.days', { n: Math.floor(seconds / DAY) });
  }

  // "vandaag", "over 1 dag", "over 29 dagen".
  function until(unixSeconds, now) {
    var seconds = unixSeconds - (now === undefined ? nowSeconds() : now);
    if (seconds < DAY) return t('until.today');
    return t('until.days', { n: Math.floor(seconds / DAY) });
  }

  function dateTime(unixSeconds) {
    return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short' }).format(new Date(unixSeconds * 1000));
  }
  function date(unixSeconds) {
    return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long' }).format(new Date(unixSeconds * 1000));
  }
  function shortDateTime(unixSeconds) {
    return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(unixSeconds * 1000));
  }
  function isoDateTime(unixSeconds) { return new Date(unixSeconds * 1000).toISOString(); }

  // When the server's retention timer deletes this request (it runs on a timer, so
  // deletion can come a little later than this moment, never earlier).
  function expiresAt(request) {
    if (request.status === 'closed' && typeof request.closed_at === 'number') return request.closed_at + CLOSED_RETENTION;
    return request.created_at + UNHANDLED_RETENTION;
  }

  function statusLabel(status) {
    var key = 'status.' + status;
    var text = t(key);
    return text === key ? String(status) : text;
  }

  function languageName(code) {
    var key = 'language.' + code;
    var text = t(key);
    return text === key ? String(code) : text;
  }

  // Audit actions: "set_status:closed" becomes "Status veranderd naar “Afgesloten”".
  function auditAction(action) {
    var parts = String(action).split(':');
    var key = 'audit.action.' + parts[0];
    var text = t(key, parts[0] === 'set_status' ? { status: statusLabel(parts[1]) } : undefined);
    return text === key ? null : text;
  }

  window.HWStaffFormat = {
    LANGUAGES: LANGUAGES, load: load, addTexts: addTexts,
    setLanguage: setLanguage, language: language, t: t, age: age, until: until,
    dateTime: dateTime, date: date, shortDateTime: shortDateTime, isoDateTime: isoDateTime,
    expiresAt: expiresAt, statusLabel: statusLabel, languageName: languageName, auditAction: auditAction,
    STATUSES: ['new', 'in_progress', 'contacted', 'closed'],
    SAFE_TIMES: ['weekday_morning', 'weekday_afternoon', 'weekday_evening', 'weekend']
  };
}());
