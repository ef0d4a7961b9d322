// The resident help finder in Chromium against the real binary (issue 3's test list):
// the five examples of QUESTIONNAIRE.md and more routes, each to the right first
// organisation and its call button; the quick exit (tap, Esc Esc, Shift x3, not while
// typing, blank before leaving, Back after leaving); history and storage left untouched;
// no request to another host; offline after opting in; without JavaScript; 320 px; the
// language switch; axe-core on every screen in Dutch and English.
//
// One server and one browser for the file; every test opens its own browser context
// (a fresh profile), so nothing carries over between tests. The quick exit leads to a
// decoy page (--exit-url) served by a small HTTPS server inside this test on loopback,
// with a throw-away self-signed certificate: the real redirect and the real
// Clear-Site-Data take effect, and no test ever reaches the network. (Routing an
// unreachable decoy host inside the browser is not enough: Playwright does not route the
// hop after a redirect.)
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const https = require('node:https');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startServer, launchBrowser, axeViolations, recordRequests, tempDir } = require('./harness');

const DECOY_PAGE = '<!doctype html><html lang="nl"><title>Het weer</title><p>Zonnig, 18 graden.</p></html>';

let server;
let browser;
let decoy;
let DECOY;   // where the quick exit leads
let BEFORE;  // a page visited before the help finder
let directory;
const orgByKey = {};
const nl = require('../../webapp/i18n/nl.json');
const en = require('../../webapp/i18n/en.json');

// The decoy: any path answers the same everyday page.
async function startDecoy() {
  const dir = tempDir('hw-decoy-');
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-days', '2', '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const s = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(DECOY_PAGE);
  });
  await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  fs.rmSync(dir, { recursive: true, force: true });
  return s;
}

test.before(async () => {
  decoy = await startDecoy();
  const origin = 'https://127.0.0.1:' + decoy.address().port;
  DECOY = origin + '/vandaag';
  BEFORE = origin + '/eerder';
  server = await startServer({ args: ['--exit-url', DECOY] });
  browser = await launchBrowser();
  directory = await (await fetch(server.url + '/api/v1/directory')).json();
  for (const o of directory.organizations) orgByKey[o.key] = o;
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (decoy) decoy.close();
});

// ---- helpers -------------------------------------------------------------------------

// A fresh browser profile with a phone-sized window. Records every request and every
// script error.
async function open(options = {}) {
  const { load = true, ...contextOptions } = options;
  // ignoreHTTPSErrors: for the decoy's self-signed certificate only (the app is plain http)
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, ignoreHTTPSErrors: true, ...contextOptions });
  const page = await context.newPage();
  const urls = recordRequests(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (load) await loadApp(page);
  return { context, page, urls, errors };
}

// Opens the help finder and waits until the script has taken over.
async function loadApp(page) {
  await page.goto(server.url + '/');
  await page.locator('html.js #app #sh').waitFor();
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Taps a button of the current screen by its visible text (a chosen option also carries
// a hidden "(dit had je gekozen)").
async function tap(page, label) {
  await page.locator('#app').getByRole('button', { name: new RegExp('^' + escapeRe(label) + '( \\(.*\\))?$') }).first().click();
}

// Answers the questionnaire: a string taps that option (or "Sla over"), an array ticks
// those checkboxes and taps "Verder".
async function answer(page, steps, next = nl.next) {
  for (const step of steps) {
    if (Array.isArray(step)) {
      for (const label of step) await page.locator('#app').getByLabel(label, { exact: true }).check();
      await tap(page, next);
    } else {
      await tap(page, step);
    }
  }
}

const heading = (page) => page.locator('#app h1').textContent();

// The organisations of the result, best first: name and the tel: links of the card.
async function resultCards(page) {
  await page.locator('#app ol.cards').waitFor();
  return page.locator('#app ol.cards > li > article').evaluateAll((cards) => cards.map((card) => ({
    name: card.querySelector('h2').textContent.trim(),
    tel: [...card.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href')),
  })));
}

// The tel: links the directory publishes for an organisation.
const telsOf = (key) => orgByKey[key].services.flatMap((s) => (s.phones || []).filter((p) => p.tel).map((p) => 'tel:' + p.tel));

// The first organisation is `key`, and its card offers exactly the directory's call buttons.
function assertFirst(cards, key, lang = 'nl') {
  const org = orgByKey[key];
  assert.ok(org, key + ' is in the directory');
  assert.equal(cards[0].name, org.name[lang], 'first in the result');
  assert.deepEqual(cards[0].tel, telsOf(key), 'call buttons of ' + key);
}

async function assertNoAxeViolations(page, where) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], 'axe-core on ' + where + ':\n' + JSON.stringify(violations, null, 2));
}

const local = (url) => url.startsWith(server.url + '/') || url.startsWith('data:') || url.startsWith('blob:');

// ---- routes ----------------------------------------------------------------------------

const SEXUAL = 'Iemand deed iets seksueels dat ik niet wilde';
const PARTNER = 'Geweld of bedreiging door een (ex-)partner of familielid';

test('the five examples of QUESTIONNAIRE.md lead to the right first organisation and its call button', async () => {
  const { context, page, errors } = await open();
  try {
    // 1. danger no, self, sexual, recent -> Centrum Seksueel Geweld
    await answer(page, ['Nee', 'Voor mezelf', [SEXUAL], 'In de afgelopen 7 dagen', nl.skip]);
    assert.equal(await heading(page), nl.result_title);
    let cards = await resultCards(page);
    assertFirst(cards, 'centrum-seksueel-geweld');
    assert.ok(cards[0].tel.length > 0, 'Centrum Seksueel Geweld can be called');
    await expect112AtTop(page);

    // 2. danger yes, self, partner -> the "Bel nu 112" screen, then 112, then Veilig Thuis
    await tap(page, nl.restart);
    await tap(page, 'Ja');
    assert.equal(await heading(page), nl.call_title);
    assert.equal(await page.locator('#app a.call[href="tel:112"]').count(), 1, 'a call button for 112');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'sh', 'focus on the new screen');
    await answer(page, [nl.cant_call, 'Voor mezelf', [PARTNER], nl.skip]);
    cards = await resultCards(page);
    assert.deepEqual(cards.slice(0, 2).map((c) => c.name), [orgByKey['alarm-112'].name.nl, orgByKey['veilig-thuis'].name.nl]);
    assert.deepEqual(cards[0].tel, ['tel:112']);
    assert.deepEqual(cards[1].tel, telsOf('veilig-thuis'));
    assert.ok(cards[1].tel.length > 0, 'Veilig Thuis can be called');

    // 3. danger no, self, partner, shelter -> Veilig Thuis while Moviera has no verified
    //    phone (reachable first: tests/e2e/reachable-first.test.js holds every hour)
    await tap(page, nl.restart);
    await answer(page, ['Nee', 'Voor mezelf', [PARTNER], 'Een veilige plek om te slapen']);
    cards = await resultCards(page);
    assertFirst(cards, 'veilig-thuis');
    assert.equal(cards[1].name, orgByKey.moviera.name.nl, 'Moviera second');

    // 4. danger no, own behaviour -> Veilig Thuis while Moviera has no verified phone
    await tap(page, nl.restart);
    await answer(page, ['Nee', 'Ik maak me zorgen over mijn eigen gedrag']);
    cards = await resultCards(page);
    assertFirst(cards, 'veilig-thuis');

    // 5. everything skipped -> Veilig Thuis
    await tap(page, nl.restart);
    for (let i = 0; i < 5 && await page.locator('#app ol.cards').count() === 0; i++) await tap(page, nl.skip);
    cards = await resultCards(page);
    assertFirst(cards, 'veilig-thuis');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

async function expect112AtTop(page) {
  const sos = page.locator('main > a.sos[href="tel:112"]');
  assert.ok(await sos.isVisible(), '112 at the top');
  assert.equal(await page.locator('#app a.sos[href="tel:112"]').count(), 1, '112 again below the result');
}

test('more routes: professional, someone else, images, stalking with a report', async () => {
  const { context, page } = await open();
  try {
    // professional + sexual + earlier -> Veilig Thuis first, Centrum Seksueel Geweld and the knowledge base listed
    await answer(page, ['Nee', 'Ik vraag het als professional']);
    await page.locator('#app input[value="sexual"]').check();   // worded for "die persoon"
    await answer(page, [nl.next, 'Langer dan 7 dagen geleden']);
    let cards = await resultCards(page);
    assertFirst(cards, 'veilig-thuis');
    const names = cards.map((c) => c.name);
    for (const key of ['centrum-seksueel-geweld', 'kennisbank-hgkm', 'slachtofferhulp']) {
      assert.ok(names.includes(orgByKey[key].name.nl), key + ' is listed: ' + names.join(', '));
    }
    assert.ok(names.indexOf(orgByKey['centrum-seksueel-geweld'].name.nl) < names.indexOf(orgByKey['slachtofferhulp'].name.nl));
    // every card says why it fits
    assert.equal(await page.locator('#app ol.cards > li > article .why').count(), cards.length);
    assert.match(await page.locator('#app ol.cards .why').first().textContent(), /^Omdat je vertelde dat /);

    // for someone else: the texts speak of "die persoon"; sexual + recent -> CSG first, Veilig Thuis listed
    await tap(page, nl.restart);
    await answer(page, ['Nee', 'Voor iemand anders']);
    assert.equal(await page.locator('#app').getByLabel('Iemand controleert, kleineert of isoleert die persoon').count(), 1);
    await page.locator('#app input[value="sexual"]').check();
    await tap(page, nl.next);
    await answer(page, ['In de afgelopen 7 dagen', 'Praten of advies']);
    cards = await resultCards(page);
    assertFirst(cards, 'centrum-seksueel-geweld');
    assert.equal(cards[1].name, orgByKey['veilig-thuis'].name.nl);

    // images -> Helpwanted, below Veilig Thuis while Helpwanted's hours are not sourced
    await tap(page, nl.restart);
    await answer(page, ['Nee', 'Voor mezelf', ['Iemand verspreidt beelden van mij of dreigt daarmee'], nl.skip]);
    cards = await resultCards(page);
    assertFirst(cards, 'veilig-thuis');
    assert.equal(cards[1].name, orgByKey.helpwanted.name.nl, 'Helpwanted second');

    // stalking + report -> Veilig Thuis first, the police listed with its number
    await tap(page, nl.restart);
    await answer(page, ['Weet ik niet', 'Voor mezelf', ['Iemand volgt of bespiedt mij, ook online'], 'Aangifte doen bij de politie']);
    cards = await resultCards(page);
    assertFirst(cards, 'veilig-thuis');
    const police = cards.find((c) => c.name === orgByKey.politie.name.nl);
    assert.ok(police, 'the police is listed');
    assert.deepEqual(police.tel, telsOf('politie'));

    // the in-app back step goes to the previous question with the answer marked
    await tap(page, nl.back);
    assert.equal(await heading(page), 'Wat heb je nu het meest nodig?');
    assert.equal(await page.locator('#app button.opt.on').textContent(), 'Aangifte doen bij de politie (dit had je gekozen)');
  } finally {
    await context.close();
  }
});

// ---- quick exit --------------------------------------------------------------------------

test('/exit answers Clear-Site-Data and a 303 to the configured decoy, never cached', async () => {
  const response = await fetch(server.url + '/exit', { redirect: 'manual' });
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), DECOY);
  assert.equal(response.headers.get('clear-site-data'), '"cache", "cookies", "storage"');
  assert.match(response.headers.get('cache-control'), /no-store/);
});

test('quick exit by a tap leaves for the decoy through /exit', async () => {
  const { context, page, urls } = await open();
  try {
    await answer(page, ['Nee', 'Voor mezelf']);
    await page.locator('a.exit').click();
    await page.waitForURL(DECOY);
    assert.equal(await page.title(), 'Het weer');
    assert.ok(urls.includes(server.url + '/exit'), 'through /exit');
  } finally {
    await context.close();
  }
});

test('quick exit by Esc twice and by Shift three times', async () => {
  for (const keys of [['Escape', 'Escape'], ['Shift', 'Shift', 'Shift']]) {
    const { context, page } = await open();
    try {
      await tap(page, 'Nee');  // focus is on the new screen's heading: not a field
      for (const key of keys) await page.keyboard.press(key);
      await page.waitForURL(DECOY, { timeout: 5000 });
    } finally {
      await context.close();
    }
  }
});

test('the shortcuts do not count while typing in a field, nor Shift+Tab', async () => {
  const { context, page } = await open();
  try {
    await tap(page, nl.all_help);
    const search = page.locator('#f-q');
    await search.click();
    await search.pressSequentially('stalking');
    for (const key of ['Escape', 'Escape', 'Shift', 'Shift', 'Shift', 'Escape', 'Escape']) await page.keyboard.press(key);
    await page.locator('#f-topic').focus();   // a select counts as a field too
    for (const key of ['Escape', 'Escape', 'Shift', 'Shift', 'Shift']) await page.keyboard.press(key);
    await page.locator('#f-q').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab');  // moving backwards is not Shift x3
    await page.waitForTimeout(300);
    assert.equal(page.url(), server.url + '/');
    assert.equal(await heading(page), nl.all_title);
  } finally {
    await context.close();
  }
});

test('the page is blank, title included, when the request for /exit goes out', async () => {
  const { context, page } = await open();
  try {
    await answer(page, ['Nee', 'Voor mezelf', [PARTNER]]);
    let hit;
    const requested = new Promise((resolve) => { hit = resolve; });
    // 204 No Content ends the navigation without replacing the document, so the page
    // stays exactly as it was when the request for /exit left.
    await page.route('**/exit', (route) => { hit(route.request().url()); return route.fulfill({ status: 204 }); });
    await page.locator('a.exit').click({ noWaitAfter: true });
    assert.equal(await requested, server.url + '/exit');
    const state = await page.evaluate(() => ({
      title: document.title,
      bodyNodes: document.body ? document.body.childNodes.length : 0,
      display: getComputedStyle(document.documentElement).display,
      url: location.href,
    }));
    assert.deepEqual(state, { title: '', bodyNodes: 0, display: 'none', url: server.url + '/' });
  } finally {
    await context.close();
  }
});

test('Back after the quick exit does not show the help finder again', async () => {
  const { context, page } = await open({ load: false });
  try {
    await page.goto(BEFORE);
    await loadApp(page);
    const length = await page.evaluate(() => history.length);
    await answer(page, ['Nee', 'Voor mezelf', [SEXUAL]]);
    await page.locator('a.exit').click();
    await page.waitForURL(DECOY);
    assert.equal(await page.evaluate(() => history.length), length, 'the help finder\'s entry was replaced');
    await page.goBack();
    await page.waitForTimeout(200);
    assert.equal(page.url(), BEFORE, 'Back skips the help finder');
    const text = await page.evaluate(() => document.documentElement.innerText);
    for (const t of [nl.exit, 'gevaar', '112', 'Wanneer gebeurde het']) assert.ok(!text.includes(t), 'no "' + t + '" after Back');
    await page.goForward();
    await page.waitForURL(DECOY);
    assert.equal(await page.title(), 'Het weer');
  } finally {
    await context.close();
  }
});

// ---- discretion --------------------------------------------------------------------------

test('a whole visit: history.length and URL unchanged, nothing stored, no request to another host', async () => {
  const { context, page, urls, errors } = await open();
  try {
    const before = await page.evaluate(() => history.length);
    await answer(page, ['Nee', 'Voor mezelf', [SEXUAL, PARTNER], 'Weet ik niet', 'Een veilige plek om te slapen']);
    await resultCards(page);
    await tap(page, nl.back);
    await tap(page, nl.all_help);
    assert.equal(await page.locator('#app article.card').count(), directory.organizations.length);
    // the published directory accepts no contact requests (demo data does: contact-form.test.js)
    assert.equal(await page.locator('#app button[data-go="contact"]').count(), 0, 'no contact request form offered');
    await page.locator('#f-q').fill('chat');
    await page.locator('#f-topic').selectOption('stalking');
    for (const item of [nl.nav_signs, nl.nav_safety, nl.nav_keep, nl.nav_start]) {
      await page.locator('footer').getByRole('button', { name: item }).click();
    }
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');

    assert.equal(await page.evaluate(() => history.length), before, 'history.length');
    assert.equal(page.url(), server.url + '/', 'no hash, no query string');
    assert.equal(await page.title(), en.title, 'a neutral title');

    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      controlled: !!navigator.serviceWorker.controller,
      manifest: !!document.querySelector('link[rel="manifest"]'),
    }));
    assert.deepEqual(stored, { cookie: '', local: 0, session: 0, idb: 0, caches: 0, workers: 0, controlled: false, manifest: false });
    assert.deepEqual(await context.cookies(), []);
    const cdp = await context.newCDPSession(page);
    const usage = await cdp.send('Storage.getUsageAndQuota', { origin: server.url });
    assert.equal(usage.usage, 0, 'storage used: ' + JSON.stringify(usage.usageBreakdown.filter((u) => u.usage)));

    assert.ok(urls.length > 5);
    assert.deepEqual(urls.filter((u) => !local(u)), [], 'requests to another host');
    assert.deepEqual(urls.filter((u) => u.includes('?')), [], 'no query strings');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('offline after choosing to keep the app; the quick exit removes the kept copy', async () => {
  const { context, page, errors } = await open();
  try {
    await page.locator('footer').getByRole('button', { name: nl.nav_keep }).click();
    assert.equal(await page.locator('link[rel="manifest"]').count(), 0, 'no manifest before the choice');
    await tap(page, nl.keep.save);
    await page.locator('#keep-status', { hasText: nl.keep.saved }).waitFor();
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 1);

    await context.setOffline(true);
    await page.reload();
    await page.locator('html.js #app #sh').waitFor();
    await answer(page, ['Nee', 'Voor mezelf', [PARTNER], 'Een veilige plek om te slapen']);
    assertFirst(await resultCards(page), 'veilig-thuis');
    await page.locator('#lang').click();   // the other language comes from the copy as well
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await heading(page), en.result_title);
    await context.setOffline(false);

    await page.locator('a.exit').click();
    await page.waitForURL(DECOY);
    // Back on the origin (a plain JSON address, not the app): nothing of the copy is left.
    await page.goto(server.url + '/healthz');
    const left = await page.evaluate(async () => ({
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      caches: (await caches.keys()).length,
    }));
    assert.deepEqual(left, { workers: 0, caches: 0 });
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
  } finally {
    await context.close();
  }
});

// ---- without JavaScript, small screens, languages --------------------------------------

test('without JavaScript: the exit link, 112 and the full list of help', async () => {
  const { context, page } = await open({ javaScriptEnabled: false, load: false });
  try {
    await page.goto(server.url + '/');
    assert.ok(await page.locator('a.exit[href="/exit"]').isVisible(), 'the exit link');
    assert.ok(await page.locator('main > a.sos[href="tel:112"]').isVisible(), '112');
    assert.ok(await page.locator('#alle-hulp').isVisible(), 'the list of help');
    const listed = await page.locator('#alle-hulp .help-org h4').allTextContents();
    assert.deepEqual(listed.slice().sort(), directory.organizations.map((o) => o.name.nl).sort(), 'every organisation');
    const tels = await page.locator('#alle-hulp a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const o of directory.organizations) for (const tel of telsOf(o.key)) assert.ok(tels.includes(tel), o.key + ' ' + tel);
    // "Ja" shows the call screen (by :target), the others the list
    await page.locator('a[data-o="yes"]').click();
    assert.ok(await page.locator('#bel-112').isVisible());
    assert.ok(await page.locator('#bel-112 a[href="tel:112"]').isVisible());
    await page.locator('a.exit').click();
    await page.waitForURL(DECOY);
  } finally {
    await context.close();
  }
});

test('320 px wide: the exit is visible, never covered, and the first Tab stop; nothing overflows', async () => {
  const { context, page } = await open({ viewport: { width: 320, height: 568 } });
  try {
    const inView = () => page.locator('a.exit').evaluate((a) => {
      const r = a.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight && a.contains(hit);
    });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(await inView(), 'exit visible at the start');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'exit', 'first Tab stop');
    assert.equal(await overflow(), 0);
    await answer(page, ['Nee', 'Voor mezelf', [PARTNER], 'Een veilige plek om te slapen']);
    await resultCards(page);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    assert.ok(await page.evaluate(() => window.scrollY > 0), 'the result scrolls');
    assert.ok(await inView(), 'exit visible and uncovered at the bottom of the result');
    assert.equal(await overflow(), 0, 'no sideways scrolling on the result');
    await tap(page, nl.all_help);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    assert.ok(await inView(), 'exit visible in the middle of all help');
    assert.equal(await overflow(), 0, 'no sideways scrolling on all help');
    // keyboard focus is never hidden behind the sticky bar
    await page.locator('#app ul.cards a').last().focus();
    await page.locator('#app ul.cards a').nth(3).focus();
    const covered = await page.evaluate(() => {
      const f = document.activeElement.getBoundingClientRect();
      return f.top < document.querySelector('.bar').getBoundingClientRect().bottom;
    });
    assert.equal(covered, false, 'focused link below the sticky bar');
  } finally {
    await context.close();
  }
});

test('switching the language keeps the answers, in both directions', async () => {
  const { context, page } = await open();
  try {
    await answer(page, ['Nee', 'Voor mezelf', [PARTNER]]);
    assert.equal(await heading(page), 'Wat heb je nu het meest nodig?');
    assert.equal(await page.locator('#lang').textContent(), 'English');
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await heading(page), 'What do you need most now?');
    assert.equal(await page.title(), en.title);
    assert.equal(await page.locator('a.exit').getAttribute('aria-label'), en.exit_label);
    assert.equal(await page.locator('a.exit').textContent(), en.exit);
    await tap(page, en.back);
    assert.ok(await page.locator('#app').getByLabel('Violence or threats by a (former) partner or family member').isChecked(), 'answer kept');
    await tap(page, en.next);
    await tap(page, 'A safe place to sleep');
    assertFirst(await resultCards(page), 'veilig-thuis', 'en');
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
    assert.equal(await heading(page), nl.result_title);
    assertFirst(await resultCards(page), 'veilig-thuis');
    await tap(page, nl.back);
    assert.equal(await page.locator('#app button.opt.on').textContent(), 'Een veilige plek om te slapen (dit had je gekozen)');
  } finally {
    await context.close();
  }
});

// ---- accessibility -------------------------------------------------------------------------

test('axe-core finds no violations on any screen, in Dutch and in English', async () => {
  const { context, page, errors } = await open();
  try {
    for (const [lang, texts] of [['nl', nl], ['en', en]]) {
      const where = (s) => s + ' (' + lang + ')';
      await assertNoAxeViolations(page, where('start'));
      await page.locator('#app button[data-o="yes"]').click();
      assert.equal(await heading(page), texts.call_title);
      await assertNoAxeViolations(page, where('danger screen'));
      await tap(page, texts.cant_call);
      await assertNoAxeViolations(page, where('question who'));
      await page.locator('#app button[data-o="self"]').click();
      await assertNoAxeViolations(page, where('question what'));
      await page.locator('#app input[value="sexual"]').check();
      await tap(page, texts.next);
      await assertNoAxeViolations(page, where('question when'));
      await page.locator('#app button[data-o="recent"]').click();
      await assertNoAxeViolations(page, where('question need'));
      await page.locator('#app button[data-o="talk"]').click();
      await resultCards(page);
      await assertNoAxeViolations(page, where('result'));
      await tap(page, texts.all_help);
      await assertNoAxeViolations(page, where('all help'));
      await page.locator('#f-q').fill('zzzz-nothing');
      await assertNoAxeViolations(page, where('all help, nothing found'));
      for (const item of ['nav_signs', 'nav_safety', 'nav_keep']) {
        await page.locator('footer').getByRole('button', { name: texts[item] }).click();
        await assertNoAxeViolations(page, where(item.slice(4)));
      }
      await page.locator('footer').getByRole('button', { name: texts.nav_start }).click();
      if (lang === 'nl') {
        await page.locator('#lang').click();
        await page.waitForFunction(() => document.documentElement.lang === 'en');
      }
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('axe-core: the plain page (scripts not loaded), its call screen, and the result in dark mode', async () => {
  const { context, page } = await open({ load: false });
  try {
    await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await page.goto(server.url + '/');
    await assertNoAxeViolations(page, 'the plain page');
    await page.locator('a[data-o="yes"]').click();
    await assertNoAxeViolations(page, 'the plain call screen');
  } finally {
    await context.close();
  }
  const dark = await open({ colorScheme: 'dark' });
  try {
    await answer(dark.page, ['Nee', 'Voor mezelf', [SEXUAL], 'In de afgelopen 7 dagen', nl.skip]);
    await resultCards(dark.page);
    await assertNoAxeViolations(dark.page, 'result, dark mode');
  } finally {
    await dark.context.close();
  }
});
