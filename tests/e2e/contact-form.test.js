// The resident side of contact requests (issue 4) in Chromium against the real binary with
// demo data (Moviera, Centrum Seksueel Geweld and Veilig Thuis accept requests): the
// button only where the directory says so; a request that arrives in the partner's inbox
// (read through the staff API) with nothing left in the browser; Dutch messages at each
// field for the form's own checks and for the server's 422; calm messages for 429 and a
// lost connection; the real reason and a call instead for 503 organization_inbox_full; the form wiped when left; 320 px; axe-core on the form, the errors and
// the confirmation in Dutch and English.
//
// One server and one browser for the file, a fresh browser context per test. The server
// allows 5 submissions per client per 10 minutes (invalid ones count too), so only three
// tests reach it; 429, 503, a refused proof of work and network failures are simulated in
// the browser. The proof of work runs at the server's real difficulty.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer, launchBrowser, axeViolations, recordRequests } = require('./harness');
const PoW = require('../../webapp/components/contact-request/proof-of-work.js');

const nl = require('../../webapp/i18n/nl.json');
const en = require('../../webapp/i18n/en.json');
const API = '/api/v1/contact-requests';
const CHALLENGE = API + '/challenge';
const FIELDS = ['organization_id', 'channel', 'phone', 'email', 'safe_times', 'voicemail_ok', 'may_identify', 'code_word',
  'language', 'message', 'consent'];

let server;
let browser;
let directory;
const orgByKey = {};

test.before(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
  directory = await (await fetch(server.url + '/api/v1/directory')).json();
  for (const o of directory.organizations) orgByKey[o.key] = o;
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

// ---- helpers -----------------------------------------------------------------------------

async function open(options = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, ...options });
  const page = await context.newPage();
  const urls = recordRequests(page);
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(r); });
  const errors = [];
  page.on('pageerror', (e) => errors.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  await page.goto(server.url + '/');
  await page.locator('html.js #app #sh').waitFor();
  return { context, page, urls, posts, errors };
}

const tap = (page, name) => page.locator('#app').getByRole('button', { name, exact: true }).first().click();

// "Alle hulp", then the form of one organisation.
async function openForm(page, key) {
  await tap(page, nl.all_help);
  await page.locator(`#app button[data-go="contact"][data-org="${key}"]`).click();
  await page.locator('#app form.cr').waitFor();
}

async function assertNoAxeViolations(page, where) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], 'axe-core on ' + where + ':\n' + JSON.stringify(violations, null, 2));
}

// The messages shown at the fields: {field: text} (without the hidden "Fout:").
const shownErrors = (page) => page.locator('#app .cr-err:not([hidden])').evaluateAll((els) =>
  Object.fromEntries(els.map((e) => [e.id.replace(/^cr-|-err$/g, ''), e.lastChild.textContent])));

// Every error is linked to its control (or fieldset) and marks it invalid.
async function assertLinked(page) {
  const bad = await page.locator('#app .cr-err:not([hidden])').evaluateAll((els) => els.map((e) => {
    const f = e.id.replace(/-err$/, '');
    const target = document.getElementById(f);
    const ids = (target.getAttribute('aria-describedby') || '').split(' ');
    const invalidOk = target.tagName === 'FIELDSET' || target.getAttribute('aria-invalid') === 'true';
    return ids.includes(e.id) && invalidOk ? null : f;
  }).filter(Boolean));
  assert.deepEqual(bad, [], 'errors linked with aria-describedby and aria-invalid');
}

const focused = (page) => page.evaluate(() => document.activeElement.id);

// A request the form accepts: by e-mail, at the weekend, with consent.
async function fillValid(page) {
  await page.getByLabel(nl.cr_email, { exact: true }).check();
  await page.locator('#cr-contact').fill('naam@voorbeeld.nl');
  await page.getByLabel(nl.cr_weekend).check();
  await page.locator('#cr-consent').check();
}

// Sends the form, and the browser answers in the server's place with `status` and `error`.
async function sendRefused(page, status, error, headers = {}) {
  await page.unroute('**' + API);
  await page.route('**' + API, (route) => route.fulfill({
    status, contentType: 'application/json', headers, body: JSON.stringify({ error: { field: null, ...error } }),
  }));
  await page.getByRole('button', { name: nl.cr_send }).click();
}

// The alert above the form has focus, says `text`, and offers the organisation's numbers.
async function assertCallInstead(page, key, text) {
  await page.locator('#cr-alert:not([hidden])').waitFor();
  assert.equal(await focused(page), 'cr-alert');
  assert.equal(await page.locator('#cr-alert p').first().textContent(), text);
  const tels = await page.locator('#cr-alert a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(tels, orgByKey[key].services.flatMap((s) => s.phones.map((p) => 'tel:' + p.tel)));
  assert.ok(tels.length > 0, 'a way to call instead');
}

// What the browser keeps for this origin.
async function stored(page, context) {
  const inBrowser = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
  const cdp = await context.newCDPSession(page);
  const usage = await cdp.send('Storage.getUsageAndQuota', { origin: server.url });
  return { ...inBrowser, cookies: (await context.cookies()).length, usage: usage.usage };
}

// The staff API from node: log in as the demo partner of an organisation.
async function staffSession(key) {
  const account = server.accounts.find((a) => a.role === 'partner' && a.organization === key);
  assert.ok(account, 'demo partner of ' + key);
  const response = await fetch(server.url + '/staff/api/v1/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  assert.equal(response.status, 201);
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await response.json();
  return {
    get: async (path) => {
      const r = await fetch(server.url + '/staff/api/v1/' + path, { headers: { Cookie: cookie } });
      assert.equal(r.status, 200, path);
      return r.json();
    },
    logout: () => fetch(server.url + '/staff/api/v1/session', { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': csrf } }),
  };
}

const accepting = () => directory.organizations.filter((o) =>
  o.services.some((s) => s.status !== 'inactive' && s.contact_requests && s.contact_requests.accepted)).map((o) => o.key);

// ---- tests --------------------------------------------------------------------------------

test('only organisations that accept contact requests offer the form, on the result and in all help', async () => {
  const { context, page, errors } = await open();
  try {
    assert.deepEqual(accepting().sort(), ['centrum-seksueel-geweld', 'moviera', 'veilig-thuis'], 'the demo set-up');
    await tap(page, nl.all_help);
    const offered = await page.locator('#app button[data-go="contact"]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-org')));
    assert.deepEqual(offered.slice().sort(), accepting().sort());
    const cards = await page.locator('#app article.card').count();
    assert.equal(cards, directory.organizations.length);
    const button = page.locator('#app button[data-org="moviera"]');
    assert.equal(await button.textContent(), nl.cr_open);
    assert.equal(await button.getAttribute('aria-label'), 'Laat iemand contact met je opnemen: Moviera');

    // the result: Centrum Seksueel Geweld first, with the button; 112 without
    await page.locator('footer').getByRole('button', { name: nl.nav_start }).click();
    await page.locator('#app button[data-o="no"]').click();
    await page.locator('#app button[data-o="self"]').click();
    await page.locator('#app input[value="sexual"]').check();
    await tap(page, nl.next);
    await page.locator('#app button[data-o="recent"]').click();
    await tap(page, nl.skip);
    const first = page.locator('#app ol.cards > li > article').first();
    assert.equal(await first.locator('h2').textContent(), 'Centrum Seksueel Geweld');
    assert.equal(await first.locator('button[data-go="contact"]').count(), 1);
    const resultOffers = await page.locator('#app button[data-go="contact"]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-org')));
    assert.deepEqual([...new Set(resultOffers)].sort(), accepting().sort());
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a request is sent, only its organisation reads it, and nothing is left in the browser', async () => {
  const { context, page, urls, posts, errors } = await open();
  const marker = 'marker-' + crypto.randomUUID();
  const message = 'Graag na 18:00 — ' + marker;
  try {
    const length = await page.evaluate(() => history.length);
    await openForm(page, 'centrum-seksueel-geweld');
    assert.equal(await page.locator('#sh').textContent(), 'Laat iemand van Centrum Seksueel Geweld contact met je opnemen');
    assert.equal(await focused(page), 'sh', 'focus on the form\'s heading');
    assert.match(await page.locator('#app').textContent(), /Reactie: DEMO: binnen 2 werkdagen\./);
    // every field: autocomplete off
    const fields = await page.locator('#app form.cr').evaluate((f) => [...f.querySelectorAll('input,select,textarea')].map((x) => [x.id, x.getAttribute('autocomplete')]));
    assert.ok(fields.length >= 15);
    assert.deepEqual(fields.filter((x) => x[1] !== 'off'), [], 'autocomplete="off" everywhere');
    assert.equal(await page.locator('#app form.cr').getAttribute('autocomplete'), 'off');
    // the input for the contact detail appears once a channel is chosen
    assert.ok(await page.locator('#cr-contact').isHidden());

    await page.getByLabel(nl.cr_phone, { exact: true }).check();
    await page.getByLabel(nl.cr_phone_label).fill('06 1234 5678');
    assert.equal(await page.locator('#cr-contact').getAttribute('type'), 'tel');
    assert.ok(await page.getByLabel(nl.cr_no).first().isChecked(), 'voicemail: no by default');
    await page.getByLabel(nl.cr_weekday_evening).check();
    await page.getByLabel(nl.cr_weekend).check();
    await page.locator('#cr-may_identify-yes').check();
    await page.getByLabel(nl.cr_code).fill('zonnebloem');
    await page.getByLabel(nl.cr_language).selectOption('en');
    await page.getByLabel(nl.cr_message).fill(message);
    assert.equal(await page.locator('#cr-count').textContent(), 'Tekens over: ' + (1000 - [...message].length) + '.');
    await page.getByLabel(/^Ik wil dat Centrum Seksueel Geweld contact met me opneemt/).check();
    await page.getByRole('button', { name: nl.cr_send }).click();

    await page.locator('#sh', { hasText: nl.cr_done_title }).waitFor();
    assert.equal(await focused(page), 'sh', 'focus on the confirmation heading');
    const text = await page.locator('#app').textContent();
    assert.ok(text.includes('Centrum Seksueel Geweld neemt contact met je op'), text);
    assert.ok(text.includes('Reactie: DEMO: binnen 2 werkdagen.'), 'how soon, from the response');
    assert.ok(text.includes("'Snel weg'"), 'a reminder about the quick exit');
    assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'no receipt or id');
    await assertNoAxeViolations(page, 'the confirmation (nl)');

    // first a challenge for this organisation, then the request with its proof of work
    assert.deepEqual(posts.map((r) => r.url().slice(server.url.length)), [CHALLENGE, API]);
    assert.deepEqual(posts[0].postDataJSON(), { organization_id: orgByKey['centrum-seksueel-geweld'].id });
    const issued = await (await posts[0].response()).json();
    assert.equal(issued.bits, 17, 'the server\'s real difficulty, done by the browser');
    // the request: JSON with exactly the API's fields, only the chosen channel's detail
    const sent = posts.filter((r) => r.url() === server.url + API);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].headers()['content-type'], 'application/json');
    assert.equal(sent[0].headers().cookie, undefined);
    const { proof, ...body } = sent[0].postDataJSON();
    assert.equal(proof.challenge, issued.challenge);
    assert.ok(PoW.zeroBits(proof.challenge, proof.nonce) >= issued.bits, 'the nonce holds');
    assert.deepEqual(Object.keys(body).filter((k) => !FIELDS.includes(k)), []);
    assert.deepEqual(body, {
      organization_id: orgByKey['centrum-seksueel-geweld'].id, channel: 'phone', phone: '06 1234 5678',
      safe_times: ['weekday_evening', 'weekend'], voicemail_ok: false, may_identify: true, code_word: 'zonnebloem',
      language: 'en', message, consent: true,
    });

    // nothing of it in the page, the URL, history or storage
    const left = await page.evaluate((m) => ({
      html: document.documentElement.outerHTML.includes(m),
      fields: [...document.querySelectorAll('input,textarea,select')].map((x) => x.value).filter((v) => v.includes(m) || v.includes('zonnebloem')),
      forms: document.querySelectorAll('form').length,
    }), marker);
    assert.deepEqual(left, { html: false, fields: [], forms: 0 });
    assert.equal(page.url(), server.url + '/');
    assert.equal(await page.evaluate(() => history.length), length, 'no history entries');
    assert.deepEqual(await stored(page, context), { cookie: '', local: 0, session: 0, idb: 0, caches: 0, workers: 0, cookies: 0, usage: 0 });

    // the confirmation in English: who and how soon in the current language
    await page.locator('#lang').click();
    await page.locator('#sh', { hasText: en.cr_done_title }).waitFor();
    const english = await page.locator('#app').textContent();
    assert.ok(english.includes('Centrum Seksueel Geweld (Sexual Assault Centre) will contact you'), english);
    assert.ok(english.includes('Response: DEMO: within 2 working days.'), english);
    await assertNoAxeViolations(page, 'the confirmation (en)');
    await tap(page, en.cr_done_back);
    assert.equal(await page.locator('#sh').textContent(), en.all_title);
    assert.deepEqual(urls.filter((u) => !u.startsWith(server.url + '/')), [], 'requests to another host');
    assert.deepEqual(errors, []);

    // the partner of that organisation reads it; another organisation's partner does not see it
    const partner = await staffSession('centrum-seksueel-geweld');
    const { requests } = await partner.get('requests');
    assert.equal(requests.length, 1);
    const opened = await partner.get('requests/' + requests[0].id);
    assert.equal(opened.status, 'new');
    assert.deepEqual(opened.request, {
      channel: 'phone', phone: '0612345678', safe_times: ['weekday_evening', 'weekend'], voicemail_ok: false,
      may_identify: true, code_word: 'zonnebloem', language: 'en', message,
    });
    await partner.logout();
    const other = await staffSession('moviera');
    assert.deepEqual((await other.get('requests')).requests.filter((r) => r.id === requests[0].id), []);
    await other.logout();
  } finally {
    await context.close();
  }
});

test('empty and invalid input: a Dutch message at each field, focus on the first, nothing sent', async () => {
  const { context, page, posts, errors } = await open();
  try {
    await openForm(page, 'moviera');
    await assertNoAxeViolations(page, 'the form (nl)');

    await page.getByRole('button', { name: nl.cr_send }).click();
    assert.deepEqual(await shownErrors(page), { channel: nl.cr_err_channel, safe_times: nl.cr_err_times, consent: nl.cr_err_consent });
    assert.equal(await focused(page), 'cr-channel-phone', 'focus on the first field with an error');
    await assertLinked(page);
    assert.equal(await page.locator('#cr-channel-err').textContent(), nl.cr_error_prefix + ' ' + nl.cr_err_channel);
    await assertNoAxeViolations(page, 'the form with errors (nl)');

    // phone: empty, then not a number
    await page.getByLabel(nl.cr_phone, { exact: true }).check();
    await page.getByLabel(nl.cr_weekend).check();
    await page.getByRole('button', { name: nl.cr_send }).click();
    assert.deepEqual(await shownErrors(page), { contact: nl.cr_err_phone_required, consent: nl.cr_err_consent });
    assert.equal(await focused(page), 'cr-contact');
    await page.locator('#cr-contact').fill('06-123');
    await page.getByRole('button', { name: nl.cr_send }).click();
    assert.equal((await shownErrors(page)).contact, nl.cr_err_phone_invalid);
    assert.equal(await page.locator('#cr-contact').getAttribute('aria-invalid'), 'true');

    // e-mail: the same input becomes an e-mail field
    await page.getByLabel(nl.cr_email, { exact: true }).check();
    assert.equal(await page.locator('#cr-contact').getAttribute('type'), 'email');
    assert.equal(await page.locator('label[for="cr-contact"]').textContent(), nl.cr_email_label);
    assert.ok(await page.locator('#cr-voicemail_ok').isHidden(), 'no voicemail question for e-mail');
    await page.locator('#cr-contact').fill('naam@voorbeeld');
    // too long: code word and message (with the counter)
    await page.getByLabel(nl.cr_code).fill('x'.repeat(41));
    await page.getByLabel(nl.cr_message).fill('y'.repeat(1001));
    assert.equal(await page.locator('#cr-count').textContent(), 'Te veel tekens: 1. Maak je bericht korter.');
    await page.getByRole('button', { name: nl.cr_send }).click();
    assert.deepEqual(await shownErrors(page), {
      contact: nl.cr_err_email_invalid, code_word: nl.cr_err_code_long, message: nl.cr_err_message_long, consent: nl.cr_err_consent,
    });
    assert.equal(await focused(page), 'cr-contact');
    await assertLinked(page);

    // the other language keeps the values and shows the messages in English
    await page.locator('#lang').click();
    await page.locator('#sh', { hasText: 'Ask someone from Moviera to contact you' }).waitFor();
    assert.equal(await page.locator('#cr-contact').inputValue(), 'naam@voorbeeld');
    assert.ok(await page.getByLabel(en.cr_email, { exact: true }).isChecked());
    assert.ok(await page.getByLabel(en.cr_weekend).isChecked());
    assert.equal(await page.locator('#cr-code_word').inputValue(), 'x'.repeat(41));
    assert.deepEqual(await shownErrors(page), {
      contact: en.cr_err_email_invalid, code_word: en.cr_err_code_long, message: en.cr_err_message_long, consent: en.cr_err_consent,
    });
    await assertLinked(page);
    await assertNoAxeViolations(page, 'the form with errors (en)');
    await page.locator('#lang').click();
    await page.locator('#sh', { hasText: 'Laat iemand van Moviera' }).waitFor();
    await assertNoAxeViolations(page, 'the form after switching back (nl)');

    assert.deepEqual(posts.filter((r) => r.url().endsWith(API)), [], 'nothing was sent');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the server\'s 422 errors appear at the same fields, with the same texts', async () => {
  const { context, page, errors } = await open();
  try {
    await openForm(page, 'veilig-thuis');
    await page.getByLabel(nl.cr_phone, { exact: true }).check();
    await page.locator('#cr-contact').fill('0612345678');
    await page.getByLabel(nl.cr_weekday_morning).check();
    await page.locator('#cr-consent').check();
    // The form's checks match the server's, so change the request on its way out: the
    // real server answers with every error in error.errors[].
    let answer;
    await page.route('**' + API, async (route) => {
      const body = { ...route.request().postDataJSON(), phone: '12', safe_times: ['never'], language: 'xx', code_word: 'a\u0001b' };
      const response = await route.fetch({ postData: JSON.stringify(body) });
      answer = await response.json();
      await route.fulfill({ response });
    });
    await page.getByRole('button', { name: nl.cr_send }).click();
    await page.locator('#cr-contact-err:not([hidden])').waitFor();
    assert.deepEqual(answer.error.errors.map((e) => e.field + ':' + e.code).sort(),
      ['code_word:invalid', 'language:invalid', 'phone:invalid', 'safe_times:invalid']);
    assert.deepEqual(await shownErrors(page), {
      contact: nl.cr_err_phone_invalid, safe_times: nl.cr_err_times, code_word: nl.cr_err_code_invalid, language: nl.cr_err_language,
    });
    assert.equal(await focused(page), 'cr-contact');
    await assertLinked(page);
    await assertNoAxeViolations(page, 'the form with the server\'s errors');

    // an organisation that does not take requests: a message for the whole form
    await page.unroute('**' + API);
    await page.route('**' + API, async (route) => {
      const body = { ...route.request().postDataJSON(), organization_id: orgByKey['alarm-112'].id };
      await route.fulfill({ response: await route.fetch({ postData: JSON.stringify(body) }) });
    });
    await page.getByRole('button', { name: nl.cr_send }).click();
    await page.locator('#cr-alert:not([hidden])').waitFor();
    assert.equal(await focused(page), 'cr-alert');
    assert.match(await page.locator('#cr-alert').textContent(), /^Veilig Thuis kan nu geen vraag via deze site krijgen/);
    assert.deepEqual(await shownErrors(page), {});
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('too many requests or no connection: a calm message, the values kept to try again', async () => {
  const { context, page, errors } = await open();
  try {
    await openForm(page, 'centrum-seksueel-geweld');
    await fillValid(page);
    await sendRefused(page, 429, { code: 'too_many_requests', message: 'Too many requests from here; try again later.' },
      { 'Retry-After': '600' });
    await assertCallInstead(page, 'centrum-seksueel-geweld', nl.cr_err_busy);
    await assertNoAxeViolations(page, 'the form after a 429');

    await page.unroute('**' + API);
    await page.route('**' + API, (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: nl.cr_send }).click();
    await page.locator('#cr-alert', { hasText: 'Je vraag is niet verstuurd: er is nu geen verbinding' }).waitFor();
    assert.equal(await focused(page), 'cr-alert');
    assert.equal(await page.locator('#cr-contact').inputValue(), 'naam@voorbeeld.nl', 'values kept');
    assert.ok(await page.locator('#cr-send').isEnabled());
    assert.equal(await page.locator('#cr-send').textContent(), nl.cr_send);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an organisation with too many open requests: the real reason, and its numbers to call instead', async () => {
  const { context, page, errors } = await open();
  try {
    await openForm(page, 'centrum-seksueel-geweld');
    await fillValid(page);
    // What the server answers when the organisation has 1,000 open requests (simulated:
    // the real bound is tested over HTTP in tests/integration/test_contact_requests.py).
    await sendRefused(page, 503, { code: 'organization_inbox_full', message: 'This organisation has too many contact ' +
      'requests waiting for an answer to take more here; nothing was stored. Please phone them instead.' });
    const name = orgByKey['centrum-seksueel-geweld'].name.nl;
    await assertCallInstead(page, 'centrum-seksueel-geweld', nl.cr_err_full.replace('{name}', name));
    assert.equal(await page.locator('#cr-contact').inputValue(), 'naam@voorbeeld.nl', 'values kept');
    assert.ok(await page.locator('#cr-send').isEnabled());
    await assertNoAxeViolations(page, 'the form after a 503 organization_inbox_full');

    // Another 503 (the disk, say) is the general "something went wrong on our side".
    await sendRefused(page, 503, { code: 'unavailable', message: 'The service cannot store data right now.' });
    await page.locator('#cr-alert p', { hasText: nl.cr_err_server }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('leaving the form wipes it; the quick exit works from the form but not while typing', async () => {
  const { context, page } = await open({ viewport: { width: 320, height: 568 } });
  try {
    await openForm(page, 'veilig-thuis');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0, 'fits 320 px');
    await page.getByLabel(nl.cr_phone, { exact: true }).check();
    await page.locator('#cr-contact').fill('0612345678');
    await page.getByLabel(nl.cr_message).fill('geheim-bericht');
    // typing: Esc Esc and Shift x3 do not leave
    for (const key of ['Escape', 'Escape', 'Shift', 'Shift', 'Shift']) await page.keyboard.press(key);
    await page.waitForTimeout(200);
    assert.equal(page.url(), server.url + '/');
    // the exit stays visible while deep in the form
    await page.locator('#cr-send').focus();
    const exit = await page.locator('a.exit').boundingBox();
    assert.ok(exit && exit.y >= 0 && exit.y + exit.height <= 568, 'exit in view');

    await page.locator('#app').getByRole('button', { name: nl.back }).click();
    assert.equal(await page.locator('#sh').textContent(), nl.all_title);
    const trace = await page.evaluate(() => document.documentElement.outerHTML.includes('geheim-bericht')
      || [...document.querySelectorAll('input,textarea')].some((x) => x.value === '0612345678' || x.value === 'geheim-bericht'));
    assert.equal(trace, false, 'nothing of the form left');
    await page.locator('#app button[data-org="veilig-thuis"]').click();
    assert.equal(await page.locator('#cr-message').inputValue(), '', 'a new, empty form');
    assert.equal(await page.locator('#cr-channel-phone').isChecked(), false);

    // a radio is not a text field: Esc twice leaves (204: the page stays as it was when
    // the request for /exit went out, so no decoy on another host is needed)
    let exited;
    const requested = new Promise((resolve) => { exited = resolve; });
    await page.route('**/exit', (route) => { exited(); return route.fulfill({ status: 204 }); });
    await page.getByLabel(nl.cr_email, { exact: true }).check();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await requested;
    assert.deepEqual(await page.evaluate(() => [document.title, document.body.childNodes.length]), ['', 0], 'blank');
  } finally {
    await context.close();
  }
});

test('a proof the server refuses (expired, or the difficulty rose meanwhile): the page works once more and sends', async () => {
  const { context, page, posts, errors } = await open();
  try {
    await openForm(page, 'moviera');
    await fillValid(page);
    let refused = 0;
    await page.route('**' + API, (route) => {
      if (refused++) return route.continue();
      return route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: {
        code: 'proof_rejected', field: 'proof', message: 'The proof of work has expired; ask for a new challenge and try again.' } }) });
    });
    await page.getByRole('button', { name: nl.cr_send }).click();
    await page.locator('#sh', { hasText: nl.cr_done_title }).waitFor();
    assert.deepEqual(posts.map((r) => r.url().slice(server.url.length)), [CHALLENGE, API, CHALLENGE, API]);
    const [first, second] = posts.filter((r) => r.url().endsWith(API)).map((r) => r.postDataJSON().proof.challenge);
    assert.notEqual(first, second, 'a new challenge for the second try');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('while the browser works: the page answers, the quick exit works, and leaving sends nothing', async () => {
  const { context, page, posts, errors } = await open();
  try {
    await openForm(page, 'centrum-seksueel-geweld');
    await fillValid(page);
    // A challenge no phone finishes (2^40 hashes): the work runs until it is stopped.
    await page.route('**' + CHALLENGE, async (route) => {
      const real = await (await route.fetch()).json();
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...real, bits: 40 }) });
    });
    await page.getByRole('button', { name: nl.cr_send }).click();
    await page.locator('#cr-send[disabled]').waitFor();
    assert.equal(await page.locator('#cr-form').getAttribute('aria-busy'), 'true');
    // the page still handles timers and clicks while it works (the work runs in slices)
    assert.equal(await page.evaluate(() => new Promise((resolve) => setTimeout(() => resolve(1), 10))), 1);
    // leaving stops the work: nothing is sent, however long one waits
    await page.locator('#app').getByRole('button', { name: nl.back }).click();
    assert.equal(await page.locator('#sh').textContent(), nl.all_title);
    await page.waitForTimeout(500);
    assert.deepEqual(posts.map((r) => r.url().slice(server.url.length)), [CHALLENGE]);

    // and during the work, the quick exit leaves at once
    await page.locator(`#app button[data-go="contact"][data-org="centrum-seksueel-geweld"]`).click();
    await fillValid(page);
    await page.getByRole('button', { name: nl.cr_send }).click();
    await page.locator('#cr-send[disabled]').waitFor();
    let exited;
    const requested = new Promise((resolve) => { exited = resolve; });
    await page.route('**/exit', (route) => { exited(); return route.fulfill({ status: 204 }); });
    await page.locator('a.exit').click();
    await requested;
    assert.deepEqual(await page.evaluate(() => [document.title, document.body.childNodes.length]), ['', 0], 'blank');
    assert.deepEqual(posts.filter((r) => r.url().endsWith(API)), [], 'nothing was sent');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
