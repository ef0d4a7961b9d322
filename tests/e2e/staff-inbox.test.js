// The partner inbox at /staff/ in Chromium against the real server with demo accounts:
// login, reading a request submitted through the public API, status, note, delete,
// logout and session end, roles (other partner, editor lands on the directory editor,
// admin with audit log), axe-core,
// and no request to any other host. One server for the whole file; the tests run in order
// and build on each other (the request is deleted near the end).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const crypto = require('node:crypto');
const { startServer, launchBrowser, watchPage, assertNoViolations, assertReflows, submitContactRequest } = require('./harness');

const MARKER = 'marker-' + crypto.randomUUID();
const NOTE = 'note-' + crypto.randomUUID();

let server;
let browser;
let requestId;
const tracked = [];  // every page: {page, context, urls, csp}

function account(role, organization) {
  const found = server.accounts.find((a) => a.role === role && (!organization || a.organization === organization));
  assert.ok(found, `demo account ${role} ${organization || ''}`);
  return found;
}

// A new browser profile (context), or another tab in an existing one.
async function newPage(existingContext) {
  const context = existingContext || await browser.newContext();
  const page = await context.newPage();
  const entry = { page, context, ...watchPage(page) };
  tracked.push(entry);
  return entry;
}



const activeId = (page) => page.evaluate(() => (document.activeElement ? document.activeElement.id : ''));

async function openLogin(page) {
  await page.goto(server.url + '/staff/');
  await page.locator('#login-title').waitFor({ state: 'visible' });
}

async function login(page, who, landing) {
  await openLogin(page);
  await page.getByLabel('E-mailadres').fill(who.email);
  await page.getByLabel('Wachtwoord').fill(who.password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.locator(landing || '#home-title').waitFor({ state: 'visible' });
}

async function openTheRequest(page) {
  await page.locator(`[data-open="${requestId}"]`).click();
  await page.locator('#request-title').waitFor({ state: 'visible' });
}

// Calls the staff API from inside the page (with its cookie); returns the HTTP status.
const apiStatus = (page, path) => page.evaluate((p) => fetch(p, { cache: 'no-store' }).then((r) => r.status), path);

test.before(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
  const directory = await (await fetch(server.url + '/api/v1/directory')).json();
  const veiligThuis = directory.organizations.find((o) => o.key === 'veilig-thuis');
  assert.ok(veiligThuis, 'Veilig Thuis is in the directory');
  const response = await submitContactRequest(server, {
    organization_id: veiligThuis.id, channel: 'phone', phone: '0612345678', safe_times: ['weekend'],
    voicemail_ok: false, may_identify: false, language: 'nl', message: MARKER, consent: true,
  });
  assert.strictEqual(response.status, 202, await response.text());
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

let vt;  // the Veilig Thuis partner's page

test('the login form is accessible and explains what is wrong', async () => {
  vt = await newPage();
  const { page } = vt;
  await openLogin(page);
  assert.strictEqual(await page.title(), 'Inloggen – Hulpwijzer medewerkers');
  assert.strictEqual(await page.getAttribute('html', 'lang'), 'nl');
  await assertNoViolations(page, 'the login form');

  // Empty form: an error per field, linked with aria-describedby, focus on the first.
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  assert.strictEqual(await page.locator('#email-error').innerText(), 'Vul je e-mailadres in.');
  assert.strictEqual(await page.locator('#password-error').innerText(), 'Vul je wachtwoord in.');
  assert.strictEqual(await page.getAttribute('#email', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#email', 'aria-describedby'), /email-error/);
  assert.strictEqual(await activeId(page), 'email');

  // Wrong password: the server says no; the message is shown, focused and linked.
  await page.getByLabel('E-mailadres').fill(account('partner', 'veilig-thuis').email);
  await page.getByLabel('Wachtwoord').fill('not-the-password');
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.locator('#login-error').waitFor({ state: 'visible' });
  assert.match(await page.locator('#login-error').innerText(), /e-mailadres of het wachtwoord klopt niet/);
  assert.strictEqual(await activeId(page), 'login-error');
  assert.match(await page.getAttribute('#password', 'aria-describedby'), /login-error-text/);
  assert.strictEqual(await page.inputValue('#password'), '', 'the wrong password is cleared');
  assert.strictEqual(await page.locator('#logout').isVisible(), false);
  await assertNoViolations(page, 'the login form with errors');
});

test('the interface is Dutch first and can switch to English', async () => {
  const { page } = vt;
  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.strictEqual(await page.getAttribute('html', 'lang'), 'en');
  assert.strictEqual(await page.locator('#login-title').innerText(), 'Log in');
  assert.strictEqual(await page.getByLabel('Password').count(), 1);
  await page.getByRole('button', { name: 'Naar het Nederlands' }).click();
  assert.strictEqual(await page.getAttribute('html', 'lang'), 'nl');
  assert.strictEqual(await page.locator('#login-title').innerText(), 'Inloggen');
});

test('the Veilig Thuis partner logs in and sees the new request, with its age and status', async () => {
  const { page } = vt;
  await login(page, account('partner', 'veilig-thuis'));
  assert.strictEqual(await activeId(page), 'home-title', 'focus on the inbox heading');
  assert.ok(await page.locator('#logout').isVisible(), 'logout is visible');
  assert.match(await page.locator('#account').innerText(), /partner@veilig-thuis/);
  assert.match(await page.locator('#inbox-count').innerText(), /^1 nieuw verzoek/);
  assert.strictEqual(await page.title(), '1 nieuw verzoek – Hulpwijzer medewerkers');
  const rows = page.locator('#inbox tbody tr');
  assert.strictEqual(await rows.count(), 1);
  const row = await rows.first().innerText();
  assert.match(row, /zojuist|minuut geleden/);
  assert.match(row, /Nieuw/);
  assert.match(row, /over 29 dagen|over 30 dagen/);
  requestId = await rows.first().locator('[data-open]').getAttribute('data-open');
  assert.match(requestId, /^[0-9a-f-]{36}$/);
  assert.ok(!(await page.content()).includes(MARKER), 'the list shows no content');
  await assertNoViolations(page, 'the inbox');
  await assertReflows(page, 'the inbox');
});

test('an opened request shows how to reach them, leaks nothing, and focus returns on close', async () => {
  const { page } = vt;
  await openTheRequest(page);
  assert.strictEqual(await activeId(page), 'request-title', 'focus on the heading of the request');
  const text = await page.locator('#request-body').innerText();
  assert.ok(text.includes(MARKER), 'the message is shown');
  assert.match(text, /0612345678/);
  assert.match(text, /in het weekend/);
  assert.match(text, /Nee, spreek geen bericht in\./);
  assert.match(text, /Mag de beller zeggen wie hij is als iemand anders opneemt\?/);
  assert.match(text, /Nee\. Neemt iemand anders op\? Zeg dan niet wie je bent/);
  assert.match(text, /Geen codewoord opgegeven/);
  assert.match(text, /Nederlands/);
  assert.match(text, /wordt automatisch verwijderd op .*30 dagen na ontvangst/);
  assert.strictEqual(await page.getAttribute('#request-body a[href^="tel:"]', 'href'), 'tel:0612345678');
  assert.match(await page.getAttribute('#note', 'aria-describedby'), /note-hint/);
  assert.match(await page.locator('#note-hint').innerText(), /versleuteld/);

  // Nothing of the request in the URL, the title or any storage of the browser.
  assert.strictEqual(page.url(), server.url + '/staff/');
  assert.strictEqual(await page.title(), 'Contactverzoek – Hulpwijzer medewerkers');
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    cookie: document.cookie,
  }));
  assert.deepStrictEqual(stored, { local: 0, session: 0, idb: 0, caches: 0, cookie: '' });
  await assertNoViolations(page, 'an opened request');
  await assertReflows(page, 'an opened request');

  await page.getByRole('button', { name: 'Terug naar het overzicht' }).first().click();
  await page.locator('#inbox').waitFor({ state: 'visible' });
  assert.strictEqual(await page.evaluate(() => document.activeElement.getAttribute('data-open')), requestId,
    'focus back on the button that opened it');
  assert.ok(!(await page.content()).includes(MARKER), 'closing the request empties it from the page');
});

test('a status change persists after reload', async () => {
  const { page } = vt;
  await openTheRequest(page);
  await page.getByLabel('Status van dit verzoek').selectOption('in_progress');
  await page.getByRole('button', { name: 'Status opslaan' }).click();
  await page.waitForFunction(() => document.getElementById('status-saved').textContent.includes('In behandeling'));
  await page.reload();
  await page.locator('#inbox').waitFor({ state: 'visible' });
  assert.match(await page.locator('#inbox tbody tr').first().innerText(), /In behandeling/);
  assert.match(await page.locator('#inbox-count').innerText(), /^Geen nieuwe verzoeken/);
  await openTheRequest(page);
  assert.strictEqual(await page.inputValue('#status-select'), 'in_progress');

  // Closing starts the 7-day clock, and the page says so.
  await page.getByLabel('Status van dit verzoek').selectOption('closed');
  await page.getByRole('button', { name: 'Status opslaan' }).click();
  await page.waitForFunction(() => document.getElementById('status-saved').textContent.includes('Afgesloten'));
  assert.match(await page.locator('#retention').innerText(), /7 dagen na het afsluiten/);
  await page.getByLabel('Status van dit verzoek').selectOption('in_progress');
  await page.getByRole('button', { name: 'Status opslaan' }).click();
  await page.waitForFunction(() => document.getElementById('status-saved').textContent.includes('In behandeling'));
  assert.match(await page.locator('#retention').innerText(), /30 dagen na ontvangst/);
});

test('an internal note is saved and shown after reload', async () => {
  const { page } = vt;
  await page.getByLabel('Notitie', { exact: true }).fill(NOTE);
  // Switching the language keeps what was typed and translates the request's labels.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.match(await page.locator('#request-body').innerText(), /How to reach them[\s\S]*at the weekend/);
  assert.strictEqual(await page.inputValue('#note'), NOTE);
  await page.getByRole('button', { name: 'Naar het Nederlands' }).click();
  assert.strictEqual(await page.inputValue('#note'), NOTE);
  await page.getByRole('button', { name: 'Notitie opslaan' }).click();
  await page.waitForFunction(() => document.getElementById('note-saved').textContent === 'De notitie is opgeslagen.');
  await page.reload();
  await page.locator('#inbox').waitFor({ state: 'visible' });
  assert.ok(!(await page.content()).includes(NOTE), 'a reload does not bring the request back on screen');
  await openTheRequest(page);
  assert.strictEqual(await page.inputValue('#note'), NOTE);
});

test('logout returns to the login form and leaves nothing of the request in the page, in every tab', async () => {
  const { page } = vt;
  assert.ok((await page.content()).includes(MARKER));
  // A second tab of the same browser shares the session; it shows the request too.
  const other = await newPage(vt.context);
  await other.page.goto(server.url + '/staff/');
  await other.page.locator('#inbox').waitFor({ state: 'visible' });
  await openTheRequest(other.page);
  assert.ok((await other.page.content()).includes(MARKER));

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.locator('#login-title').waitFor({ state: 'visible' });
  assert.strictEqual(await activeId(page), 'login-title');
  assert.match(await page.locator('#notice').innerText(), /Je bent uitgelogd/);
  const html = await page.content();
  assert.ok(!html.includes(MARKER), 'the message is gone from the DOM');
  assert.ok(!html.includes(NOTE), 'the note is gone from the DOM');
  assert.ok(!html.includes(requestId), 'even the request id is gone from the DOM');
  assert.strictEqual(await page.locator('#logout').isVisible(), false);
  assert.strictEqual(await apiStatus(page, '/staff/api/v1/requests'), 401, 'the session is gone on the server');
  assert.strictEqual(await page.title(), 'Inloggen – Hulpwijzer medewerkers');

  await other.page.locator('#login-title').waitFor({ state: 'visible' });
  assert.ok(!(await other.page.content()).includes(MARKER), 'the other tab is emptied too');
  await other.page.close();
});

test('when the session ends, the page returns to the login form with a clear message', async () => {
  const { page, context } = vt;
  await login(page, account('partner', 'veilig-thuis'));
  await openTheRequest(page);
  assert.ok((await page.content()).includes(MARKER));
  await context.clearCookies();  // what the server sees after 30 idle minutes: no valid session
  await page.getByRole('button', { name: 'Notitie opslaan' }).click();
  await page.locator('#login-title').waitFor({ state: 'visible' });
  assert.match(await page.locator('#notice').innerText(), /30 minuten niets hebt gedaan/);
  assert.ok(!(await page.content()).includes(MARKER), 'the message is gone from the DOM');
  assert.strictEqual(await activeId(page), 'login-title');
});

test('after 28 idle minutes a warning offers to stay; after 30 the page logs out and empties itself', async () => {
  const { page } = await newPage();
  await page.clock.install();  // the page's clock only; the server keeps real time
  await login(page, account('partner', 'veilig-thuis'));
  await openTheRequest(page);
  await page.clock.fastForward('28:05');
  await page.locator('#idle button').waitFor({ state: 'visible' });
  assert.match(await page.locator('#idle').innerText(), /over 2 minuten automatisch uitgelogd/);
  assert.strictEqual(await page.getAttribute('#idle', 'role'), 'alert');
  await page.getByRole('button', { name: 'Ingelogd blijven' }).click();
  await page.waitForFunction(() => document.getElementById('idle').children.length === 0);
  assert.match(await page.locator('#notice').innerText(), /Je blijft ingelogd/);
  assert.ok((await page.content()).includes(MARKER), 'staying keeps the request open');

  await page.clock.fastForward('30:05');
  await page.locator('#login-title').waitFor({ state: 'visible' });
  assert.match(await page.locator('#notice').innerText(), /30 minuten niets hebt gedaan/);
  assert.ok(!(await page.content()).includes(MARKER), 'the message is gone from the DOM');
  await page.waitForFunction(() => fetch('/staff/api/v1/session').then((r) => r.status === 401));
});

test('a partner of another organisation does not see the request', async () => {
  const { page } = await newPage();
  await login(page, account('partner', 'moviera'));
  assert.match(await page.locator('#inbox-count').innerText(), /^Geen nieuwe verzoeken/);
  assert.match(await page.locator('#home-body').innerText(), /Er zijn nu geen contactverzoeken\./);
  assert.strictEqual(await page.locator(`[data-open="${requestId}"]`).count(), 0);
  assert.strictEqual(await apiStatus(page, '/staff/api/v1/requests/' + requestId), 404);
  assert.ok(!(await page.content()).includes(MARKER));
  await assertNoViolations(page, 'an empty inbox');
});

// Editors who are not partners land on the directory editor (tests/e2e/directory-editor.test.js).
test('an editor lands on the directory editor, never on an inbox', async () => {
  const { page } = await newPage();
  await login(page, account('editor'), '#overview-title');
  assert.strictEqual(await page.locator('#inbox').count(), 0);
  assert.strictEqual(await page.locator('#no-access').count(), 0);
  assert.strictEqual(await page.locator('#audit').count(), 0, 'editors do not see the audit log');
  assert.strictEqual(await page.locator('#nav-home-item').isVisible(), false, 'no way to an inbox');
  assert.ok(!(await page.content()).includes(MARKER));
  assert.ok(await page.locator('#logout').isVisible());
  await assertNoViolations(page, 'the editor view');
});

test('an administrator sees the audit log, with who opened the request but never its content', async () => {
  const { page } = await newPage();
  await login(page, account('admin'));
  assert.match(await page.locator('#no-access').innerText(), /Je account heeft geen toegang tot contactverzoeken/);
  await page.locator('#audit').waitFor({ state: 'visible' });
  const audit = await page.locator('#audit').innerText();
  assert.match(audit, /Verzoek geopend\s+open_request/);
  assert.match(audit, /set_status:in_progress/);
  assert.match(audit, /set_note/);
  assert.ok(audit.includes(requestId), 'the audit log names the request');
  assert.match(audit, /partner@veilig-thuis\.demo\.invalid/);
  const html = await page.content();
  assert.ok(!html.includes(MARKER) && !html.includes(NOTE), 'no content in the audit log');
  await assertNoViolations(page, 'the admin view with the audit log');
  await assertReflows(page, 'the admin view');
});

test('the administrator filters the audit log by request and action, and loads older entries', async () => {
  const partner = await newPage();
  await login(partner.page, account('partner', 'veilig-thuis'));
  // 110 reads: more than the first page (100) holds, so the oldest entries need "older".
  await partner.page.evaluate(async (id) => {
    for (let i = 0; i < 110; i++) await fetch('/staff/api/v1/requests/' + id, { cache: 'no-store' });
  }, requestId);
  const { page } = await newPage();
  await login(page, account('admin'));
  await page.locator('#audit').waitFor({ state: 'visible' });
  assert.strictEqual(await page.locator('#audit-rows tr').count(), 100);
  assert.ok(!(await page.locator('#audit').innerText()).includes('create_org_keys'), 'the oldest are not on page one');
  for (let i = 0; i < 5 && await page.locator('#audit-more').count(); i++) {
    const shown = await page.locator('#audit-rows tr').count();
    await page.locator('#audit-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('#audit-rows tr').length > n, shown);
  }
  assert.strictEqual(await page.locator('#audit-more').count(), 0, 'at the oldest entry there is nothing older');
  assert.match(await page.locator('#audit').innerText(), /create_org_keys/);

  await page.getByLabel('Verzoek (nummer)').fill(requestId);
  await page.getByLabel('Wat', { exact: true }).selectOption('set_status');
  await page.getByRole('button', { name: 'Filteren', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('#audit-rows tr').length < 100);
  const rows = await page.locator('#audit-rows tr').allInnerTexts();
  assert.ok(rows.length >= 1 && rows.every((row) => row.includes(requestId) && row.includes('set_status:')), rows.join('\n'));
  assert.ok(rows.some((row) => row.includes('set_status:in_progress')));
  await page.getByRole('button', { name: 'Alle regels', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('#audit-rows tr').length === 100);
  assert.strictEqual(await page.getByLabel('Verzoek (nummer)').inputValue(), '');
  await assertNoViolations(page, 'the audit log with its filter');
});

test('the inbox works with the keyboard alone, with a visible focus', async () => {
  const { page } = vt;
  const who = account('partner', 'veilig-thuis');
  await openLogin(page);
  await page.keyboard.press('Tab');
  assert.strictEqual(await page.evaluate(() => document.activeElement.textContent), 'Naar de inhoud', 'a skip link first');
  for (let i = 0; i < 5 && (await activeId(page)) !== 'email'; i++) await page.keyboard.press('Tab');
  assert.strictEqual(await activeId(page), 'email');
  await page.keyboard.type(who.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(who.password);
  await page.keyboard.press('Enter');
  await page.locator('#inbox').waitFor({ state: 'visible' });
  const onOpenButton = () => page.evaluate(() => document.activeElement.hasAttribute('data-open'));
  for (let i = 0; i < 10 && !(await onOpenButton()); i++) await page.keyboard.press('Tab');
  assert.ok(await onOpenButton(), 'the open button is reachable with Tab');
  assert.strictEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'solid', 'visible focus');
  await page.keyboard.press('Enter');
  await page.locator('#request-title').waitFor({ state: 'visible' });
  assert.strictEqual(await activeId(page), 'request-title');
  await page.keyboard.press('Tab');
  assert.strictEqual(await page.evaluate(() => document.activeElement.getAttribute('href')), 'tel:0612345678');
});

test('deleting asks for confirmation, then removes the request', async () => {
  const { page } = vt;
  assert.strictEqual(await page.locator('#request-title').isVisible(), true, 'the request is open');
  await page.getByRole('button', { name: 'Verzoek verwijderen' }).click();
  assert.strictEqual(await activeId(page), 'delete-question', 'focus on the question');
  assert.match(await page.locator('#delete-confirm').innerText(), /definitief/);
  await assertNoViolations(page, 'the delete confirmation');
  await page.getByRole('button', { name: 'Nee, niet verwijderen' }).click();
  assert.strictEqual(await activeId(page), 'delete-start', 'focus back on the delete button');
  assert.strictEqual(await page.locator('#delete-confirm').isVisible(), false);

  await page.getByRole('button', { name: 'Verzoek verwijderen' }).click();
  await page.getByRole('button', { name: 'Ja, definitief verwijderen' }).click();
  await page.locator('#inbox-count').waitFor({ state: 'visible' });
  assert.match(await page.locator('#notice').innerText(), /Het verzoek is verwijderd\./);
  assert.strictEqual(await activeId(page), 'home-title');
  assert.match(await page.locator('#home-body').innerText(), /Er zijn nu geen contactverzoeken\./);
  assert.ok(!(await page.content()).includes(MARKER));
  await page.reload();
  await page.locator('#inbox-count').waitFor({ state: 'visible' });
  assert.strictEqual(await page.locator('#inbox').count(), 0, 'still gone after reload');
  assert.strictEqual(await apiStatus(page, '/staff/api/v1/requests/' + requestId), 404);
});

test('no page made a request to any other host, and nothing broke the CSP', () => {
  assert.ok(tracked.length >= 4);
  for (const { urls, csp } of tracked) {
    const elsewhere = urls.filter((u) => !u.startsWith(server.url + '/') && !u.startsWith('data:') && u !== 'about:blank');
    assert.deepStrictEqual(elsewhere, [], 'requests to another host');
    assert.ok(urls.some((u) => u.startsWith(server.url + '/assets/staff/')), 'the staff assets were loaded');
    assert.deepStrictEqual(csp, [], 'CSP violations or page errors');
  }
});
