// Static checks of the resident app against the server contract (webapp/README.md) and
// the budgets of DESIGN.md: one inline <style> and no inline script, style attribute or
// handler (CSP); the quick exit first; placeholders that name real files; no request to
// another host; no storage or history APIs; texts complete in both languages; sizes.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const WEB = path.join(__dirname, '..', '..', 'webapp');
const read = (rel) => fs.readFileSync(path.join(WEB, rel), 'utf8');
const html = read('resident/index.html');
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

function files(dir) {
  return fs.readdirSync(path.join(WEB, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
// The resident app's files; i18n/staff/ holds the staff portal's texts, which residents never load.
const appFiles = ['resident', 'components', 'common', 'i18n'].flatMap(files)
  .filter((f) => !f.endsWith('.md') && !f.startsWith(path.join('i18n', 'staff') + path.sep));
const scripts = appFiles.filter((f) => f.endsWith('.js'));

test('index.html: one inline <style>, no inline script, style attribute or event handler', () => {
  assert.equal((html.match(/<style[\s>]/g) || []).length, 1);
  for (const tag of html.match(/<script\b[^>]*>/g) || []) {
    assert.match(tag, /\bsrc="\{\{asset:[^}]+\}\}"/, tag);
    assert.match(tag, /\bdefer\b/, tag);
  }
  assert.doesNotMatch(html, /<script\b(?![^>]*\bsrc=)[^>]*>/);
  assert.doesNotMatch(html, /\sstyle\s*=/i);
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
  assert.doesNotMatch(html, /javascript:/i);
});

test('index.html: no render-blocking stylesheet; the lazy ones are media="print"', () => {
  for (const tag of html.match(/<link\b[^>]*rel="stylesheet"[^>]*>/g) || []) {
    assert.match(tag, /media="print"/, tag);
    assert.match(tag, /data-lazy/, tag);
  }
});

test('the quick exit is the first focusable element, a link to /exit with an emergency label', () => {
  const body = html.slice(html.indexOf('<body'));
  const first = body.match(/<(a|button|input|select|textarea)\b[^>]*>/)[0];
  assert.match(first, /class="exit"/);
  assert.match(first, /href="\/exit"/);
  assert.match(first, /aria-label="Snel weg: verlaat deze site direct"/);
});

test('the style of components/quick-exit is in the inline style, verbatim', () => {
  const style = html.match(/<style>([\s\S]*?)<\/style>/)[1];
  for (const line of read('components/quick-exit/quick-exit.css').split('\n').filter(Boolean)) {
    assert.ok(style.includes(line), 'missing in index.html: ' + line);
  }
});

test('the first screen is in the HTML: 112, the first question with its options, all help', () => {
  assert.match(html, /<title>Informatie<\/title>/);
  assert.match(html, /href="tel:112"/);
  assert.match(html, /<h1[^>]*>Ben je nu in gevaar\?<\/h1>/);
  for (const o of ['yes', 'no', 'unsure']) assert.match(html, new RegExp('data-o="' + o + '"'));
  assert.match(html, /<section id="alle-hulp"[^>]*>\s*<h2[^>]*>Alle hulp<\/h2>\s*<!--help-list-->/);
});

test('every {{asset:...}} placeholder names a file under webapp/', () => {
  for (const f of ['resident/index.html', 'resident/sw.js', 'resident/manifest.webmanifest']) {
    for (const m of read(f).matchAll(/\{\{asset:([^}]+)\}\}/g)) {
      assert.ok(fs.existsSync(path.join(WEB, m[1])), f + ' names a missing file: ' + m[1]);
    }
  }
  // the service worker caches every script and stylesheet the page loads
  const sw = read('resident/sw.js');
  for (const m of html.matchAll(/\{\{asset:([^}]+\.(?:js|css))\}\}/g)) assert.ok(sw.includes('{{asset:' + m[1] + '}}'), m[1]);
});

test('no request to another host, and no storage, cookie or history API', () => {
  for (const f of appFiles.filter((x) => /\.(html|css|js|webmanifest)$/.test(x))) {
    const src = read(f);
    assert.doesNotMatch(src, /(src|href)\s*=\s*["']https?:/i, f);
    assert.doesNotMatch(src, /url\(\s*["']?https?:/i, f);
    assert.doesNotMatch(src, /@import/i, f);
  }
  for (const f of scripts) {
    const code = read(f).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    assert.doesNotMatch(code, /\b(pushState|replaceState|localStorage|sessionStorage|indexedDB|document\.cookie)\b/, f);
    assert.doesNotMatch(code, /location\.(hash|search|href)\s*=(?!=)|location\.assign\(/, f);
    assert.doesNotMatch(code, /\.innerHTML\b|insertAdjacentHTML|document\.write/, f);
  }
});

test('nl.json and en.json have the same keys, and the phone numbers in them come from the data', () => {
  const nl = JSON.parse(read('i18n/nl.json'));
  const en = JSON.parse(read('i18n/en.json'));
  const shape = (v) => Array.isArray(v) ? v.map(shape) : v && typeof v === 'object'
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, shape(v[k])])) : typeof v;
  assert.deepEqual(shape(nl), shape(en));
  for (const d of [nl, en]) {
    const text = JSON.stringify(d);
    // no number but 112 in the interface texts: numbers come from the directory
    assert.deepEqual([...text.matchAll(/\b0[0-9][0-9 -]{5,}\b/g)].map((m) => m[0]), []);
    assert.equal(d.switch.to === d.lang, false);
  }
});

test('budgets: the page within 14 KB and the whole app within 60 KB, gzip -9', () => {
  const page = gz(Buffer.from(html));
  // the server adds the help list (about 4-5 KB compressed for the current directory)
  assert.ok(page < 6 * 1024, 'index.html template ' + page + ' bytes compressed');
  const total = appFiles.filter((f) => f !== path.join('i18n', 'en.json'))
    .reduce((n, f) => n + gz(fs.readFileSync(path.join(WEB, f))), 0);
  assert.ok(total < 60 * 1024, 'resident app ' + total + ' bytes compressed');
});
