// Static checks of the staff portal (webapp/staff) against the CSP and the "leak nothing"
// rules, and unit tests of its formatting (ages in words, plurals, retention dates).
// The browser tests are in tests/e2e/staff-inbox.test.js.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const WEB = path.join(__dirname, '..', '..', 'webapp');
const STAFF = path.join(WEB, 'staff');
const read = (name) => fs.readFileSync(path.join(STAFF, name), 'utf8');
const html = read('index.html');
// Every file of the portal, in its subfolders too (editor/, components/), and the shared
// element builder in webapp/common/ as '../common/…'.
function files(dir) {
  return fs.readdirSync(path.join(STAFF, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
const all = files('').concat(files('../common')).filter((f) => !f.endsWith('.md'));
const scripts = all.filter((f) => f.endsWith('.js'));

test('index.html: no inline style or script, no style attribute, no event handler', () => {
  assert.doesNotMatch(html, /<style[\s>]/);
  for (const tag of html.match(/<script\b[^>]*>/g) || []) {
    assert.match(tag, /\bsrc="\{\{asset:(staff|common)\/[^}]+\}\}"/, tag);
    assert.match(tag, /\bdefer\b/, tag);
  }
  assert.doesNotMatch(html, /<script\b(?![^>]*\bsrc=)[^>]*>/);
  assert.doesNotMatch(html, /\sstyle\s*=/i);
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
  assert.doesNotMatch(html, /javascript:/i);
});

test('asset placeholders name real files, and appear nowhere else', () => {
  const placeholders = html.match(/\{\{asset:[^}]*\}\}/g) || [];
  assert.ok(placeholders.length >= 5);
  for (const p of placeholders) assert.ok(fs.existsSync(path.join(WEB, p.slice(8, -2))), p);
  for (const file of all.filter((f) => f !== 'index.html')) assert.ok(!read(file).includes('{{asset:'), file);
});

test('no other host, no storage, no history, no HTML parsing of data', () => {
  for (const file of all) {
    const text = read(file);
    assert.doesNotMatch(text, /(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i, file + ' names another host');
    if (!file.endsWith('.js')) continue;
    assert.doesNotMatch(text, /localStorage|sessionStorage|indexedDB|caches\.|document\.cookie/, file);
    assert.doesNotMatch(text, /pushState|replaceState|location\.hash|location\.search/, file);
    assert.doesNotMatch(text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, file);
    assert.doesNotMatch(text, /\.style\.|setAttribute\('style'|Notification/, file);
  }
});

// Loads format.js the way the page does, with the texts of webapp/i18n/staff/.
const { F, TEXTS } = require('./staff-texts').loadStaff();

test('Dutch and English have the same texts, none empty', () => {
  assert.deepEqual(Object.keys(TEXTS.en).sort(), Object.keys(TEXTS.nl).sort());
  for (const lang of ['nl', 'en']) for (const [k, v] of Object.entries(TEXTS[lang])) assert.ok(v.trim(), `${lang} ${k}`);
});

test('every text key the page uses exists', () => {
  const used = new Set();
  for (const m of html.matchAll(/data-t="([^"]+)"/g)) used.add(m[1]);
  for (const file of scripts) for (const m of read(file).matchAll(/\bt\('([a-zA-Z.]+)'[,)]/g)) used.add(m[1]);
  for (const key of used) {
    const known = key in TEXTS.nl || (key + '_one') in TEXTS.nl;
    assert.ok(known, 'missing text ' + key);
  }
});

test('ages in plain Dutch and English', () => {
  const now = 1_800_000_000;
  F.setLanguage('nl');
  assert.equal(F.age(now - 10, now), 'zojuist');
  assert.equal(F.age(now + 30, now), 'zojuist', 'a clock a little ahead is not "in the future"');
  assert.equal(F.age(now - 60, now), '1 minuut geleden');
  assert.equal(F.age(now - 5 * 60, now), '5 minuten geleden');
  assert.equal(F.age(now - 3600, now), '1 uur geleden');
  assert.equal(F.age(now - 2 * 3600 - 59, now), '2 uur geleden');
  assert.equal(F.age(now - 86400, now), '1 dag geleden');
  assert.equal(F.age(now - 3 * 86400, now), '3 dagen geleden');
  assert.equal(F.t('home.new', { n: 0 }), 'Geen nieuwe verzoeken');
  assert.equal(F.t('home.new', { n: 1 }), '1 nieuw verzoek');
  assert.equal(F.t('home.new', { n: 4 }), '4 nieuwe verzoeken');
  F.setLanguage('en');
  assert.equal(F.age(now - 2 * 3600, now), '2 hours ago');
  assert.equal(F.t('home.new', { n: 1 }), '1 new request');
  F.setLanguage('nl');
});

test('retention: 7 days after closing, otherwise 30 days after it came in', () => {
  const day = 86400;
  assert.equal(F.expiresAt({ status: 'new', created_at: 1000 }), 1000 + 30 * day);
  assert.equal(F.expiresAt({ status: 'contacted', created_at: 1000 }), 1000 + 30 * day);
  assert.equal(F.expiresAt({ status: 'closed', created_at: 1000, closed_at: 5000 }), 5000 + 7 * day);
  assert.equal(F.until(1000 + 29 * day + 5, 1000), 'over 29 dagen');
  assert.equal(F.until(1000 + 3600, 1000), 'vandaag');
});

test('labels for statuses, safe times, languages and audit actions', () => {
  F.setLanguage('nl');
  assert.deepEqual(F.STATUSES.map(F.statusLabel), ['Nieuw', 'In behandeling', 'Contact gehad', 'Afgesloten']);
  assert.equal(F.t('safe.weekday_morning'), 'doordeweeks ’s ochtends');
  assert.equal(F.languageName('uk'), 'Oekraïens');
  assert.equal(F.languageName('xx'), 'xx');
  assert.equal(F.auditAction('open_request'), 'Verzoek geopend');
  assert.equal(F.auditAction('set_status:closed'), 'Status veranderd naar “Afgesloten”');
  assert.equal(F.auditAction('something_new'), null);
});
