// Reachable first, in the real page (issue 11): with the browser's clock fixed at Friday
// 23:10, Sunday 03:00 and Tuesday 10:00 (Amsterdam), every path of answers, walked through
// the real screens, puts first a card with a tel: link or an open chat. Paths that lead to
// the same organisations are walked once (one path per distinct result: the order depends
// only on which organisations are in it and the moment). Also the shared routing cases
// (tests/fixtures/routing-cases.json) through the real page, the bystander answers and
// the 112 card, and the line on a card that cannot be reached now.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const { startServer, launchBrowser } = require('./harness');
const R = require('../../webapp/components/routing/routing.js');

const ROOT = path.join(__dirname, '..', '..');
const qn = JSON.parse(fs.readFileSync(path.join(ROOT, 'directory-data', 'questionnaire.json'), 'utf8'));
const cases = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'routing-cases.json'), 'utf8')).cases;
const nl = require('../../webapp/i18n/nl.json');

const MOMENTS = {
  'Friday 23:10': '2026-12-04T22:10:00Z',
  'Sunday 03:00': '2026-12-06T02:00:00Z',
  'Tuesday 10:00': '2026-12-08T09:00:00Z',
};

let server;
let browser;
const orgName = {};

test.before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const directory = await (await fetch(server.url + '/api/v1/directory')).json();
  for (const o of directory.organizations) orgName[o.key] = o.name.nl;
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

// Every path of answers (skips included), one per distinct set of routed organisations.
function representativePaths() {
  const groups = new Map();
  function walk(i, answers) {
    if (i === qn.questions.length) {
      const key = R.route(qn, answers).map((r) => r.organization).sort().join(',');
      if (!groups.has(key)) groups.set(key, JSON.parse(JSON.stringify(answers)));
      return;
    }
    const q = qn.questions[i];
    if (!R.isShown(qn, answers, q.id)) { delete answers[q.id]; walk(i + 1, answers); return; }
    answers[q.id] = null;
    walk(i + 1, answers);
    const ids = q.options.map((o) => o.id);
    if (!q.multiple) {
      for (const id of ids) { answers[q.id] = id; walk(i + 1, answers); }
    } else {
      for (let m = 1; m < (1 << ids.length); m++) { answers[q.id] = ids.filter((_, k) => m & (1 << k)); walk(i + 1, answers); }
    }
    delete answers[q.id];
  }
  walk(0, {});
  return [...groups.values()];
}

async function openAt(iso) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(iso));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + '/');
  await page.locator('html.js #app #sh').waitFor();
  return { context, page, errors };
}

const buttonNamed = (page, label) =>
  page.locator('#app').getByRole('button', { name: new RegExp('^' + label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '( \\(.*\\))?$') }).first();

// Walks the real screens: taps each option (label_other wording when the help is for
// someone else), ticks the checkboxes of the multiple-choice question, or taps "Sla over".
async function walkScreens(page, answers) {
  const other = answers.who === 'other' || answers.who === 'professional';
  for (let guard = 0; guard < 10; guard++) {
    if (await page.locator('#app ol.cards').count()) return;
    if (await page.locator('#app a.call[href="tel:112"]').count()) { await buttonNamed(page, nl.cant_call).click(); continue; }
    const title = (await page.locator('#app h1').textContent()).trim();
    const q = qn.questions.find((x) => [x.text.nl, x.text_other && x.text_other.nl].includes(title));
    assert.ok(q, 'a question screen: ' + title);
    const given = answers[q.id];
    const label = (o) => (other && o.label_other ? o.label_other : o.label).nl;
    if (given === null || given === undefined) {
      await buttonNamed(page, nl.skip).click();
    } else if (Array.isArray(given)) {
      for (const id of given) await page.locator('#app input[value="' + id + '"]').check();
      await buttonNamed(page, nl.next).click();
    } else {
      await buttonNamed(page, label(q.options.find((o) => o.id === given))).click();
    }
  }
  throw new Error('no result after 10 screens');
}

// The first card: its name, whether it has a tel: link, and whether its chat is open now.
async function firstCard(page) {
  await page.locator('#app ol.cards').waitFor();
  return page.locator('#app ol.cards > li > article').first().evaluate((card) => ({
    name: card.querySelector('h2').textContent.trim(),
    tel: [...card.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href')),
    openChat: !!card.querySelector('.contact .cost.open'),
  }));
}

async function restart(page) {
  await buttonNamed(page, nl.restart).click();
  await page.locator('#app h1').waitFor();
}

for (const [moment, iso] of Object.entries(MOMENTS)) {
  test('at ' + moment + ' every path\'s first card can be called or chatted with now', async () => {
    const { context, page, errors } = await openAt(iso);
    try {
      const paths = representativePaths();
      assert.ok(paths.length > 50, 'many distinct results: ' + paths.length);
      for (const answers of paths) {
        await walkScreens(page, answers);
        const first = await firstCard(page);
        assert.ok(first.tel.length > 0 || first.openChat,
          'at ' + moment + ', ' + JSON.stringify(answers) + ' puts ' + first.name + ' first, which cannot be reached');
        await restart(page);
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('the shared routing cases hold in the real page', async () => {
  for (const c of cases) {
    const { context, page } = await openAt(c.at);
    try {
      await walkScreens(page, c.answers);
      const names = await page.locator('#app ol.cards > li > article h2').allTextContents();
      if (c.first) assert.equal(names[0], orgName[c.first], c.name);
      if (c.order) assert.deepEqual(names, c.order.map((k) => orgName[k]), c.name);
      for (const key of c.includes || []) assert.ok(names.includes(orgName[key]), c.name + ': ' + key);
    } finally {
      await context.close();
    }
  }
});

test('a bystander gets the 112 card for "Ja" and "Weet ik niet", and 112 on the page for "Nee"', async () => {
  const { context, page } = await openAt(MOMENTS['Friday 23:10']);
  try {
    for (const danger of ['yes', 'unsure', 'no']) {
      await walkScreens(page, { danger, who: 'other', what: ['partner'], need: null });
      const names = await page.locator('#app ol.cards > li > article h2').allTextContents();
      if (danger !== 'no') assert.ok(names.includes(orgName['alarm-112']), danger + ': the 112 card in ' + names.join(', '));
      if (danger === 'unsure') {
        assert.match(await page.locator('#app ol.cards').textContent(), /Twijfel je\? Bij direct gevaar bel je 112\./);
      }
      assert.ok(await page.locator('#app a[href="tel:112"]').count() > 0, danger + ': a tel:112 link on the result');
      await restart(page);
    }
  } finally {
    await context.close();
  }
});

test('a card that cannot be reached now says so, below one that can', async () => {
  const { context, page } = await openAt(MOMENTS['Sunday 03:00']);
  try {
    await walkScreens(page, { danger: 'no', who: 'self', what: ['partner'], need: 'shelter' });
    const cards = page.locator('#app ol.cards > li > article');
    assert.equal(await cards.nth(0).locator('h2').textContent(), orgName['veilig-thuis']);
    assert.equal(await cards.nth(1).locator('h2').textContent(), orgName.moviera);
    assert.equal(await cards.nth(1).locator('.reach').textContent(), nl.reach_website);
    assert.equal(await cards.nth(0).locator('.reach').count(), 0);
    // Veilig Thuis's chat is closed on Sunday night, and its card says when it opens.
    assert.match(await cards.nth(0).textContent(), /De chat is nu dicht\./);
  } finally {
    await context.close();
  }
});
