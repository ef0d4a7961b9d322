// Issue 12, finding 1, the partner's side: a flood of fake requests is dealt with as a
// batch in the staff portal (webapp/staff/flood.js) in Chromium against the real binary.
// The partner picks the time window, reads its requests in one view, ticks the fakes and
// deletes them in one confirmed action; the real request stays, the audit log has one
// entry naming each deleted request, and axe-core finds nothing on the way.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { startServer, launchBrowser, watchPage, assertNoViolations, submitContactRequest } = require('./harness');

let server;
let browser;
const fakes = 7;

test.before(async () => {
  server = await startServer({ demo: true, args: ['--behind-proxy'] });  // X-Real-IP: many "addresses"
  browser = await launchBrowser();
  const directory = await (await fetch(server.url + '/api/v1/directory')).json();
  const org = directory.organizations.find((o) => o.key === 'veilig-thuis');
  const body = (message) => ({
    organization_id: org.id, channel: 'phone', phone: '0612345678', safe_times: ['weekend'],
    voicemail_ok: false, may_identify: false, language: 'nl', message, consent: true,
  });
  assert.equal((await submitContactRequest(server, body('ECHT-VERZOEK'), { 'X-Real-IP': '192.0.2.1' })).status, 202);
  for (let n = 0; n < fakes; n++) {
    const answer = await submitContactRequest(server, body('NEP-' + n), { 'X-Real-IP': '10.9.0.' + (n + 1) });
    assert.equal(answer.status, 202);
  }
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

async function login(page, role, organization) {
  const who = server.accounts.find((a) => a.role === role && (!organization || a.organization === organization));
  await page.goto(server.url + '/staff/');
  await page.getByLabel('E-mailadres').fill(who.email);
  await page.getByLabel('Wachtwoord').fill(who.password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.locator('#home-title').waitFor({ state: 'visible' });
}

test('the partner finds a flood by its time window and deletes the fakes in one audited action', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watched = watchPage(page);
  try {
    await login(page, 'partner', 'veilig-thuis');
    assert.match(await page.locator('#inbox-count').innerText(), /^8 nieuwe verzoeken/);
    await page.locator('#flood-title').waitFor();
    await assertNoViolations(page, 'the inbox with the flood tools');

    // The default window is the last hour: every request of this test is in it.
    await page.getByRole('button', { name: 'Toon de verzoeken uit deze periode' }).click();
    await page.locator('#request-title', { hasText: 'Verzoeken van' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'request-title');
    assert.equal(await page.locator('#flood-count').innerText(), '8 verzoeken in deze periode.');
    const items = page.locator('.flood-item');
    assert.equal(await items.count(), 8);
    await assertNoViolations(page, 'the batch view');

    // Deleting nothing is refused with a reason; then tick the fakes only.
    await page.getByRole('button', { name: 'Verwijder de aangevinkte verzoeken' }).click();
    assert.match(await page.locator('#flood-delete-error').innerText(), /Vink eerst/);
    for (let i = 0; i < 8; i++) {
      const item = items.nth(i);
      if ((await item.innerText()).includes('NEP-')) await item.getByLabel(/Vals: verwijderen/).check();
    }
    await page.getByRole('button', { name: 'Verwijder de aangevinkte verzoeken' }).click();
    assert.equal(await page.locator('#flood-question').innerText(), `Weet je zeker dat je ${fakes} verzoeken wilt verwijderen?`);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'flood-question');
    await page.getByRole('button', { name: 'Ja, definitief verwijderen' }).click();

    await page.locator('#notice', { hasText: `${fakes} verzoeken zijn verwijderd.` }).waitFor();
    assert.match(await page.locator('#inbox-count').innerText(), /^1 nieuw verzoek/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'flood-title');
    const left = await page.evaluate(() => fetch('/staff/api/v1/requests').then((r) => r.json()));
    assert.equal(left.requests.length, 1);
    const opened = await page.evaluate((id) => fetch('/staff/api/v1/requests/' + id).then((r) => r.json()), left.requests[0].id);
    assert.equal(opened.request.message, 'ECHT-VERZOEK');
    // Nothing of the requests stays in the page once it is back on the inbox.
    assert.equal(await page.evaluate(() => document.body.innerText.includes('NEP-')), false);
    assert.deepEqual(watched.urls.filter((u) => !u.startsWith(server.url + '/')), []);
  } finally {
    await context.close();
  }

  // One audit entry for the batch, naming every deleted request, seen by an administrator.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  try {
    await login(admin, 'admin');
    const audit = await admin.evaluate(() => fetch('/staff/api/v1/audit').then((r) => r.json()));
    const batch = audit.entries.filter((e) => e.action === 'delete_requests');
    assert.equal(batch.length, 1);
    assert.match(batch[0].target, new RegExp('^' + fakes + ':'));
    assert.equal(batch[0].target.split(':')[1].split(',').length, fakes);
    assert.equal(audit.entries.filter((e) => e.action === 'open_request').length, 8 + 1, 'each open audited');
  } finally {
    await adminContext.close();
  }
});
