// The directory editor at /staff/ in Chromium against the real server with demo accounts:
// an editor lands on the overview (what is published, the draft, what needs attention),
// changes Veilig Thuis's chat hours (which unticks the chat at once: an edit is not a
// check), saves, previews under a "Voorbeeld, niet gepubliceerd" banner, and publishing this
// crisis line waits for a second editor (editor2) to approve; residents never see the
// unchecked hours (with a new ETag); a wrong phone number (the dial form is derived, never
// typed) is shown next to its field and publishing is refused; a readable diff between versions, and restoring the previous
// version brings the old hours back; two editors at once (the second save is refused
// with a clear message and keeps its changes on screen); removing an organisation the
// questionnaire routes to asks what replaces it; leaving with unsaved changes asks first;
// partners and admins without the editor role never see the editor; the "due for a check"
// list puts withdrawn and overdue details first with their source links; a crisis number
// edited is unverified at once, needs a new check (source, date, who) and a second editor,
// and residents never see it as verified before that (nor an unchecked one at all); axe-core
// on every view; no request to another host. One server for the file; the tests run in order and
// build on each other (versions 3 to 6 are made here).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { startServer, launchBrowser, watchPage, assertNoViolations, assertReflows } = require('./harness');

let server;
let browser;
const tracked = [];  // every page: {page, context, urls, csp}
let before;          // the resident API before anything was published: {etag, body}
let afterPublish;    // ... after version 3

function account(role, organization, email) {
  const found = server.accounts.find((a) => a.role === role && (!organization || a.organization === organization) && (!email || a.email === email));
  assert.ok(found, `demo account ${role} ${organization || ''}`);
  return found;
}

async function newPage(existingContext) {
  const context = existingContext || await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const entry = { page, context, ...watchPage(page) };
  tracked.push(entry);
  return entry;
}



// Every id once: labels, aria-describedby and the links of the error list depend on it.
async function assertUniqueIds(page, where) {
  const duplicates = await page.evaluate(() => {
    const seen = new Map();
    for (const node of document.querySelectorAll('[id]')) seen.set(node.id, (seen.get(node.id) || 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  assert.deepStrictEqual(duplicates, [], `duplicate ids on ${where}`);
}

const activeId = (page) => page.evaluate(() => (document.activeElement ? document.activeElement.id : ''));
const text = (page, selector) => page.locator(selector).innerText();

async function login(page, who, landing) {
  await page.goto(server.url + '/staff/');
  await page.locator('#login-title').waitFor({ state: 'visible' });
  await page.getByLabel('E-mailadres').fill(who.email);
  await page.getByLabel('Wachtwoord').fill(who.password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.locator(landing).waitFor({ state: 'visible' });
}

// The editor view with one organisation's form open.
async function openOrganization(page, name) {
  if (!(await page.locator('#editor-title').isVisible())) {
    await page.getByRole('button', { name: 'Concept bewerken' }).first().click();
    await page.locator('#org-list').waitFor({ state: 'visible' });
  }
  await page.locator('#org-list button', { hasText: name }).click();
  await page.waitForFunction((n) => document.getElementById('org-title').textContent === n, name);
}

// The second editor logs in, opens the draft and approves its crisis-line changes;
// `inspect(page)` looks at the approval first. Returns the text of the crisis-line changes.
async function approveAsSecondEditor(inspect) {
  const { page } = await newPage();
  await login(page, account('editor', null, 'editor2@gemeente.demo.invalid'), '#overview-title');
  await page.getByRole('button', { name: 'Concept bewerken' }).first().click();
  await page.locator('#approval').waitFor({ state: 'visible' });
  const changes = await text(page, '#approval-changes');
  if (inspect) await inspect(page);
  await page.getByRole('button', { name: 'Goedkeuren' }).click();
  await page.waitForFunction(() => /Goedgekeurd door/.test(document.getElementById('approval-state').textContent));
  assert.strictEqual(await text(page, '#approval-state'), 'Goedgekeurd door editor2@gemeente.demo.invalid.');
  assert.strictEqual(await activeId(page), 'approval-title');
  await page.close();
  return changes;
}

async function save(page) {
  await page.locator('#ed-save').click();
  await page.waitForFunction(() => document.getElementById('ed-saved') && document.getElementById('ed-saved').textContent !== '');
}

// What residents get: the public API, with its ETag.
async function residentDirectory() {
  const response = await fetch(server.url + '/api/v1/directory');
  assert.strictEqual(response.status, 200);
  return { etag: response.headers.get('etag'), body: await response.text() };
}

const apiStatus = (page, path) => page.evaluate((p) => fetch(p, { cache: 'no-store' }).then((r) => r.status), path);

const CHAT_OPENS = '#ef-services-0-chat-schedule-0-opens';
const CHAT_CLOSES = '#ef-services-0-chat-schedule-0-closes';
const NUMBER = '#ef-services-0-phones-0-number';
const TEL = '#ef-services-0-phones-0-tel-value';
const CHAT_VERIFIED = '#ef-services-0-chat-verified';

test.before(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
  before = await residentDirectory();
  assert.ok(before.body.includes('"closes":"17:00"'), 'Veilig Thuis chat closes at 17:00');
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

let editor;  // the editor's page

test('an editor lands on the directory overview: what is published, the draft, what needs attention', async () => {
  editor = await newPage();
  const { page } = editor;
  await login(page, account('editor', null, 'editor@gemeente.demo.invalid'), '#overview-title');
  assert.strictEqual(await activeId(page), 'overview-title', 'focus on the heading');
  assert.strictEqual(await page.title(), 'Hulpgids – Hulpwijzer medewerkers');
  assert.strictEqual(await page.getAttribute('html', 'lang'), 'nl');
  assert.strictEqual(await page.locator('#inbox').count(), 0, 'no inbox');
  assert.strictEqual(await page.locator('#no-access').count(), 0, 'no "no access" message');
  assert.strictEqual(await page.getAttribute('#nav-overview', 'aria-current'), 'page');
  assert.strictEqual(await page.locator('#nav-home-item').isVisible(), false, 'no inbox in the navigation');
  assert.match(await text(page, '#ov-published'), /^Versie 2, op .* door demo\.$/);
  assert.match(await text(page, '#ov-draft'), /Er is geen concept/);
  const attention = await text(page, '#attention');
  assert.match(attention, /Moviera/);
  assert.match(attention, /Nog te doen: Telefoonnummer van Moviera: nog niet gecontroleerd/);
  assert.match(await text(page, '.attention'), /10 punten/);
  await assertNoViolations(page, 'the overview');
  await assertReflows(page, 'the overview');

  // "Bewerken" on an attention item opens that organisation's form at that field.
  await page.locator('#attention button', { hasText: 'Fier' }).first().click();
  await page.locator('#org-title').waitFor({ state: 'visible' });
  assert.strictEqual(await text(page, '#org-title'), 'Fier');
  assert.strictEqual(await activeId(page), 'ef-todo-0-nl', 'focus on the todo note');
});

test('Veilig Thuis: the chat hours are changed with the keyboard, saved, and the preview answers', async () => {
  const { page, context } = editor;
  // Choosing an organisation with the keyboard moves focus to its form.
  await page.locator('#org-list button', { hasText: 'Veilig Thuis' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('org-title').textContent === 'Veilig Thuis');
  assert.strictEqual(await activeId(page), 'org-title');
  assert.strictEqual(await page.inputValue(CHAT_OPENS), '09:00');
  assert.strictEqual(await page.inputValue(CHAT_CLOSES), '17:00');
  // Every field has a label; the chat's slot is a group of its own.
  assert.strictEqual(await page.getByLabel('Open tot').first().getAttribute('id'), 'ef-services-0-schedule-0-closes');
  assert.strictEqual(await page.locator(CHAT_CLOSES).evaluate((n) => n.closest('fieldset').querySelector('legend').textContent), 'Tijdvak 1');
  assert.strictEqual(await page.isChecked('#ef-services-0-chat-schedule-0-days-FR'), true);
  assert.strictEqual(await page.isChecked('#ef-services-0-free-yes'), true, 'free: ja');

  assert.strictEqual(await page.isChecked(CHAT_VERIFIED), true, 'the chat is checked');
  await page.locator(CHAT_OPENS).fill('08:00');
  // An edit is not a check: the box is unticked at once, and the form says why.
  assert.strictEqual(await page.isChecked(CHAT_VERIFIED), false, 'editing the hours unticks the chat at once');
  assert.strictEqual(await text(page, '#ef-services-0-chat-recheck'), 'Gewijzigd: controleer opnieuw (bron, datum, wie). Tot dan zien inwoners dit niet.');
  await page.locator(CHAT_CLOSES).fill('20:00');
  assert.match(await text(page, '#ed-dirty'), /nog niet zijn opgeslagen/);
  assert.match(await text(page, '#nav-editor'), /niet opgeslagen/);
  assert.match(await text(page, '#org-list [aria-current="true"]'), /gewijzigd/);
  assert.match(await text(page, '#preview-dirty'), /zie je niet in het voorbeeld/);

  await save(page);
  assert.match(await text(page, '#ed-saved'), /Het concept is opgeslagen\. We hebben geen problemen gevonden\./);
  assert.strictEqual(await activeId(page), 'ed-save');
  assert.strictEqual(await page.locator('#ed-issues').count(), 0);
  assert.strictEqual(await text(page, '#ed-dirty'), '');
  assert.strictEqual(await page.inputValue(CHAT_CLOSES), '20:00', 'the saved value is shown');
  assert.match(await text(page, '#ed-state'), /wijziging 2/);
  assert.strictEqual(await page.isChecked(CHAT_VERIFIED), false, 'the saved chat is unverified');
  // Veilig Thuis is a crisis line: publishing waits for a second editor.
  assert.match(await text(page, '#approval'), /Vier ogen: een tweede redacteur moet goedkeuren/);
  assert.match(await text(page, '#approval-state'), /Nog niet goedgekeurd/);
  assert.strictEqual(await page.locator('#approve').count(), 0, 'no "Goedkeuren" for your own change');
  await assertNoViolations(page, 'the editor without issues');
  await assertUniqueIds(page, 'the editor');
  await assertReflows(page, 'the editor');

  // The preview: a link that opens the real resident app, reading the draft, in a new tab,
  // under a banner that says it is not what residents see.
  assert.strictEqual(await text(page, '#preview-banner'), 'Voorbeeld, niet gepubliceerd'.toUpperCase());
  assert.strictEqual(await page.locator('#preview-banner').textContent(), 'Voorbeeld, niet gepubliceerd');
  const link = page.locator('#preview-link');
  assert.strictEqual(await link.getAttribute('href'), '/staff/preview/');
  assert.strictEqual(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /\bnoopener\b/);
  assert.match(await link.innerText(), /opent in een nieuw tabblad/);
  const page2 = page.evaluate(() => fetch('/staff/preview/', { cache: 'no-store' }).then(async (r) => ({ status: r.status, html: await r.text() })));
  const preview = await page2;
  assert.strictEqual(preview.status, 200);
  assert.match(preview.html, /data-api-base/);
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState('domcontentloaded');
  assert.strictEqual(tab.url(), server.url + '/staff/preview/');
  assert.strictEqual(await tab.evaluate(() => window.opener), null, 'no opener');
  await tab.close();

  assert.ok(!(await residentDirectory()).body.includes('"closes":"20:00"'), 'residents do not see the draft');
});

test('publishing a crisis line shows what changes and waits for a second editor; residents never see the unchecked hours', async () => {
  const { page } = editor;
  // A short note is required.
  await page.getByRole('button', { name: 'Controleren en publiceren' }).click();
  assert.strictEqual(await text(page, '#publish-note-error'), 'Schrijf in een paar woorden wat je hebt veranderd.');
  assert.strictEqual(await activeId(page), 'publish-note');
  assert.match(await page.getAttribute('#publish-note', 'aria-describedby'), /publish-note-error/);

  await page.getByLabel('Korte notitie: wat heb je veranderd?').fill('Chat Veilig Thuis tot 20 uur');
  await page.getByRole('button', { name: 'Controleren en publiceren' }).click();
  await page.locator('#publish-confirm').waitFor({ state: 'visible' });
  assert.strictEqual(await activeId(page), 'publish-confirm-q');
  const changes = await text(page, '#publish-changes');
  assert.match(changes, /Veilig Thuis › Dienst “Bellen en chatten” › Chat › Openingstijden chat › Tijdvak 1 › Open tot/);
  assert.match(changes, /Was\s+17:00\s+Wordt\s+20:00/);
  assert.match(await text(page, '#publish-confirm-text'), /3 wijzigingen/, 'opens, closes, and the chat no longer verified');
  // The crisis-line change is listed, and publishing is not offered before a second editor approved.
  assert.match(await text(page, '#publish-crisis-title'), /1 wijziging aan een crisislijn/);
  assert.match(await text(page, '#publish-crisis'), /^Veilig Thuis › Dienst 1: Bellen en chatten › Chat: https:\/\/veiligthuis\.nl → https:\/\/veiligthuis\.nl$/);
  assert.match(await text(page, '#publish-approval'), /Een tweede redacteur moet dit eerst goedkeuren/);
  assert.strictEqual(await text(page, '#publish-confirm-q'), 'Publiceren kan nog niet');
  assert.strictEqual(await page.locator('#publish-yes').count(), 0, 'no "Ja, publiceren" without approval');
  await assertNoViolations(page, 'the publish confirmation waiting for approval');
  // Nobody approves their own change: the server refuses it.
  const revision = await page.evaluate(() => fetch('/staff/api/v1/directory/publish-check', { cache: 'no-store' }).then((r) => r.json()));
  assert.strictEqual(revision.approval_required, true);
  assert.strictEqual(revision.approved_by, null);
  const own = await page.evaluate((r) => window.HWStaffApi.approve(r).then(() => 'approved', (e) => e.status + ' ' + e.code), revision.revision);
  assert.strictEqual(own, '403 own_change');
  const early = await page.evaluate((r) => window.HWStaffApi.publish(r, 'x').then(() => 'published', (e) => e.status + ' ' + e.code), revision.revision);
  assert.strictEqual(early, '409 approval_required', 'the server refuses to publish without approval');
  await page.getByRole('button', { name: 'Sluiten' }).click();

  // A second editor approves.
  const approved = await approveAsSecondEditor(async (other) => {
    assert.match(await text(other, '#approval-state'), /Opgeslagen door editor@gemeente\.demo\.invalid/);
    await assertNoViolations(other, 'the editor offering an approval');
  });
  assert.match(approved, /Veilig Thuis › Dienst 1: Bellen en chatten › Chat/);
  assert.ok(!(await residentDirectory()).body.includes('"closes":"20:00"'), 'approving does not publish');

  // Now the first editor can publish.
  await page.getByRole('button', { name: 'Controleren en publiceren' }).click();
  await page.locator('#publish-confirm').waitFor({ state: 'visible' });
  assert.strictEqual(await text(page, '#publish-approval'), 'Goedgekeurd door editor2@gemeente.demo.invalid.');
  await assertNoViolations(page, 'the publish confirmation');
  await page.getByRole('button', { name: 'Ja, publiceren' }).click();
  await page.locator('#overview-title').waitFor({ state: 'visible' });
  assert.match(await text(page, '#notice'), /Versie 3 is gepubliceerd/);
  assert.match(await text(page, '#ov-published'), /^Versie 3, op .* door editor@gemeente\.demo\.invalid\.$/);
  assert.match(await text(page, '#ov-draft'), /Er is geen concept/, 'publishing used up the draft');

  // Residents never see the edited hours as checked: the unchecked chat is not shown at all.
  afterPublish = await residentDirectory();
  assert.ok(!afterPublish.body.includes('"closes":"20:00"'), 'residents never see the unchecked 20:00');
  const vt = JSON.parse(afterPublish.body).organizations.find((o) => o.key === 'veilig-thuis');
  assert.strictEqual(vt.services[0].chat, undefined, 'the unchecked chat is not shown');
  assert.strictEqual(vt.services[0].phones[0].tel, '+318002000', 'the phone stays');
  assert.notStrictEqual(afterPublish.etag, before.etag, 'the ETag changed');
});

test('a wrong phone number is shown next to its field, and publishing is refused', async () => {
  const { page } = editor;
  await openOrganization(page, 'Veilig Thuis');
  assert.strictEqual(await text(page, TEL), '+318002000', 'the number to dial is shown, derived');
  assert.strictEqual(await page.locator('input#ef-services-0-phones-0-tel').count(), 0, 'the number to dial is never typed');
  await page.locator(NUMBER).fill('0800-200');
  assert.match(await text(page, TEL), /nog geen/);
  assert.strictEqual(await page.isChecked('#ef-services-0-phones-0-verified'), false, 'unticked at once');
  await save(page);
  assert.strictEqual(await activeId(page), 'ed-issues', 'focus on the list of problems');
  assert.match(await text(page, '#ed-saved'), /maar er is 1 probleem/);
  assert.match(await text(page, '#ed-issues-title'), /Er is 1 probleem in het concept/);

  // Next to the number (the only place to fix it): the message in plain Dutch, linked to the input.
  assert.strictEqual(await page.getAttribute(NUMBER, 'aria-invalid'), 'true');
  const describedBy = (await page.getAttribute(NUMBER, 'aria-describedby')).split(' ');
  const errorId = describedBy.find((id) => id.includes('error'));
  assert.ok(errorId, 'an error is linked with aria-describedby');
  const message = await text(page, '#' + errorId);
  assert.strictEqual(message, '“0800-200” heeft 7 cijfers. Een 0800- of 0900-nummer heeft er 8 of 11.');
  assert.ok(describedBy.includes('ef-services-0-phones-0-number-hint'), 'the hint stays linked too');

  // The list at the top links to the field, also from another organisation.
  await openOrganization(page, 'Moviera');
  const issueLink = page.locator('#ed-issues a');
  assert.match(await issueLink.innerText(), /^Veilig Thuis › Dienst 1: Bellen en chatten › Telefoonnummer 1 \(0800-200\) › Nummer om te bellen$/);
  assert.match(await text(page, '#org-list button:has-text("Veilig Thuis")'), /1 probleem/);
  await issueLink.click();
  assert.strictEqual(await activeId(page), 'ef-services-0-phones-0-number');
  assert.strictEqual(await text(page, '#org-title'), 'Veilig Thuis');
  assert.match(await text(page, '#preview-blocked'), /werkt pas als het concept geen problemen meer heeft/);
  await assertNoViolations(page, 'the editor with an issue');
  await assertUniqueIds(page, 'the editor with an issue');
  await assertReflows(page, 'the editor with an issue');

  // Publishing is refused by the server, with the problem (a second editor approved first,
  // so what refuses it is the problem, not the four eyes).
  const check = await page.evaluate(() => fetch('/staff/api/v1/directory/publish-check', { cache: 'no-store' }).then((r) => r.json()));
  assert.strictEqual(check.approval_required, true, 'a changed crisis number needs a second editor');
  await approveAsSecondEditor();
  await page.getByLabel('Korte notitie: wat heb je veranderd?').fill('Verkeerd nummer');
  await page.getByRole('button', { name: 'Controleren en publiceren' }).click();
  await page.locator('#publish-confirm').waitFor({ state: 'visible' });
  assert.match(await text(page, '#publish-confirm'), /het concept heeft nog 1 probleem/);
  await page.getByRole('button', { name: 'Ja, publiceren' }).click();
  await page.waitForFunction(() => /Publiceren is niet gelukt/.test(document.getElementById('publish-error').textContent));
  assert.match(await text(page, '#publish-error'), /het concept heeft 1 probleem/);
  assert.strictEqual(await activeId(page), 'ed-issues');
  const now = await residentDirectory();
  assert.strictEqual(now.etag, afterPublish.etag, 'nothing was published');
  assert.ok(now.body.includes('"+318002000"'), 'residents keep the right number');

  // Repaired: typed back to the published (checked) number, it is checked again; no problems left.
  await page.locator(NUMBER).fill('0800-2000');
  assert.strictEqual(await page.isChecked('#ef-services-0-phones-0-verified'), true, 'back to the checked number');
  assert.strictEqual(await text(page, TEL), '+318002000');
  await save(page);
  assert.match(await text(page, '#ed-saved'), /geen problemen gevonden/);
  assert.strictEqual(await page.locator('#ed-issues').count(), 0);
  assert.strictEqual(await page.getAttribute(NUMBER, 'aria-invalid'), null);
  assert.strictEqual(await page.locator('#approval').count(), 0, 'nothing left for a second editor');
});

test('leaving with unsaved changes asks first; undoing them asks too', async () => {
  const { page } = editor;
  await page.locator('#ef-services-0-hours-nl').click();
  await page.locator('#ef-services-0-hours-nl').fill('Iets anders');
  // Closing the tab (or reloading, or another address) asks the browser's question.
  const dialog = new Promise((resolve) => page.once('dialog', resolve));
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  assert.strictEqual(asked.type(), 'beforeunload');
  await asked.dismiss();
  assert.strictEqual(page.isClosed(), false, 'the page stays');

  // Logging out asks in the page.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  assert.match(await text(page, '#idle'), /nog niet zijn opgeslagen\. Als je nu uitlogt, ben je die kwijt/);
  assert.strictEqual(await activeId(page), 'logout-anyway');
  await page.getByRole('button', { name: 'Terug naar het concept' }).click();
  // The editor reloads the draft and then moves focus to its heading, as it tells a screen
  // reader that it is ready; the heading itself never left the screen. (A slow server, as
  // under the sanitizers, showed that acting before that is a race.)
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'editor-title');
  assert.strictEqual(await page.inputValue('#ef-services-0-hours-nl'), 'Iets anders', 'the change is still there');

  await page.getByRole('button', { name: 'Wijzigingen ongedaan maken' }).click();
  assert.strictEqual(await activeId(page), 'ed-revert-confirm-q');
  await page.getByRole('button', { name: 'Ja, ongedaan maken' }).click();
  assert.match(await page.inputValue('#ef-services-0-hours-nl'), /^Bellen: dag en nacht/);
  assert.strictEqual(await text(page, '#ed-dirty'), '');

  // The draft now equals version 3: discard it from the overview (with a confirmation).
  await page.locator('#nav-overview').click();
  await page.locator('#overview-title').waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Concept weggooien' }).click();
  assert.strictEqual(await activeId(page), 'ov-discard-confirm-q');
  await assertNoViolations(page, 'the overview with a draft and a confirmation');
  await page.getByRole('button', { name: 'Ja, concept weggooien' }).click();
  await page.waitForFunction(() => /weggegooid/.test(document.getElementById('notice').textContent));
  assert.match(await text(page, '#ov-draft'), /Er is geen concept/);
});

test('versions: a readable diff between two versions; restoring version 2 brings 17:00 back', async () => {
  const { page } = editor;
  await page.locator('#nav-versions').click();
  await page.locator('#versions-title').waitFor({ state: 'visible' });
  assert.strictEqual(await activeId(page), 'versions-title');
  const rows = page.locator('#versions tbody tr');
  assert.strictEqual(await rows.count(), 3);
  assert.match(await rows.first().innerText(), /Versie 3[\s\S]*editor@gemeente\.demo\.invalid[\s\S]*Chat Veilig Thuis tot 20 uur/);
  assert.strictEqual(await page.locator('#restore-3').count(), 0, 'the current version cannot be restored');

  // Default: the previous version against the current one.
  assert.strictEqual(await page.inputValue('#diff-from'), '2');
  assert.strictEqual(await page.inputValue('#diff-to'), '3');
  await page.getByRole('button', { name: 'Verschillen tonen' }).click();
  await page.locator('#diff-title').waitFor({ state: 'visible' });
  assert.strictEqual(await activeId(page), 'diff-title');
  assert.strictEqual(await text(page, '#diff-title'), 'Van versie 2 naar versie 3: 3 verschillen');
  const diff = await text(page, '#diff-changes');
  assert.match(diff, /Veilig Thuis › Dienst “Bellen en chatten” › Chat › Openingstijden chat › Tijdvak 1 › Open tot\s+In versie 2\s+17:00\s+In versie 3\s+20:00/);
  assert.match(diff, /Open vanaf\s+In versie 2\s+09:00\s+In versie 3\s+08:00/);
  assert.match(diff, /Chat › Gecontroleerd en juist\s+In versie 2\s+ja\s+In versie 3\s+nee/, 'the edit unticked the chat');
  await assertNoViolations(page, 'the versions and diff view');
  await assertUniqueIds(page, 'the versions and diff view');
  await assertReflows(page, 'the versions and diff view');

  // Any two versions: 1 against 3.
  await page.selectOption('#diff-from', '1');
  await page.getByRole('button', { name: 'Verschillen tonen' }).click();
  await page.waitForFunction(() => /^Van versie 1 naar versie 3/.test(document.getElementById('diff-title').textContent));
  assert.match(await text(page, '#diff-changes'), /Contactverzoeken|contact/i);

  // Restore version 2, with a confirmation that shows what changes.
  await page.locator('#restore-2').click();
  await page.locator('#restore-confirm').waitFor({ state: 'visible' });
  assert.strictEqual(await activeId(page), 'restore-confirm-q');
  assert.match(await text(page, '#restore-text'), /Versie 2 wordt opnieuw gepubliceerd, als versie 4/);
  assert.match(await text(page, '#restore-changes'), /Open tot\s+Nu\s+20:00\s+Na terugzetten\s+17:00/);
  await assertNoViolations(page, 'the restore confirmation');
  await page.getByRole('button', { name: 'Nee, annuleren' }).click();
  assert.strictEqual(await activeId(page), 'restore-2', 'focus back on its button');
  await page.locator('#restore-2').click();
  await page.locator('#restore-confirm').waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Ja, versie 2 terugzetten' }).click();
  await page.waitForFunction(() => /teruggezet/.test(document.getElementById('notice').textContent));
  assert.match(await text(page, '#notice'), /Versie 2 is teruggezet\. Die is nu gepubliceerd als versie 4\./);
  assert.match(await text(page, '#versions tbody tr:first-child'), /Versie 4[\s\S]*restored version 2/);

  const restored = await residentDirectory();
  assert.ok(restored.body.includes('"closes":"17:00"'), 'residents see 17:00 again');
  assert.ok(!restored.body.includes('"closes":"20:00"'));
  assert.notStrictEqual(restored.etag, afterPublish.etag);
});

test('two editors at once: the second save is refused with a clear message and keeps its changes', async () => {
  const a = editor.page;
  const b = (await newPage()).page;
  await login(b, account('editor'), '#overview-title');
  await openOrganization(a, 'Veilig Thuis');
  await openOrganization(b, 'Veilig Thuis');

  await a.locator('#ef-services-0-area-nl').fill('Heel Nederland (gewijzigd door A).');
  await save(a);
  assert.match(await text(a, '#ed-saved'), /geen problemen/);

  await b.locator('#ef-services-0-hours-nl').fill('Bellen: dag en nacht (gewijzigd door B).');
  await b.locator('#ed-save').click();
  await b.locator('#ed-conflict').waitFor({ state: 'visible' });
  assert.strictEqual(await activeId(b), 'ed-conflict');
  const conflict = await text(b, '#ed-conflict');
  assert.match(conflict, /Een collega heeft het concept intussen opgeslagen/);
  assert.match(conflict, /Jouw wijzigingen zijn niet opgeslagen/);
  assert.match(conflict, /Wat jij had veranderd \(2 wijzigingen\)/);
  assert.match(conflict, /Veilig Thuis › Dienst “Bellen en chatten” › Feiten › Gecontroleerd en juist\s+Was\s+ja\s+Jij maakte ervan\s+nee/, 'editing the hours unticked the facts');
  assert.match(conflict, /Veilig Thuis › Dienst “Bellen en chatten” › Wanneer bereikbaar \(tekst\) › Nederlands/);
  assert.match(conflict, /gewijzigd door B/);
  await assertNoViolations(b, 'the editor after a conflict');

  await b.getByRole('button', { name: 'Nieuw concept laden' }).click();
  await b.locator('#ed-lost').waitFor({ state: 'visible' });
  assert.match(await text(b, '#notice'), /Het nieuwe concept is geladen/);
  assert.match(await text(b, '#ed-lost'), /gewijzigd door B/, 'their change is still listed');
  assert.strictEqual(await b.inputValue('#ef-services-0-area-nl'), 'Heel Nederland (gewijzigd door A).', 'the colleague’s change is loaded');
  assert.match(await b.inputValue('#ef-services-0-hours-nl'), /^Bellen: dag en nacht\./);
  await b.close();
});

test('adding and removing phones and time slots moves focus sensibly; "onbekend" removes the field', async () => {
  const { page } = editor;
  await openOrganization(page, 'Moviera');
  assert.match(await text(page, '#ef-services-0-phones'), /Deze dienst heeft geen telefoonnummer/);
  await page.getByRole('button', { name: 'Telefoonnummer toevoegen' }).click();
  assert.strictEqual(await activeId(page), 'ef-services-0-phones-0-number', 'focus on the new number');
  assert.match(await text(page, '#notice'), /telefoonnummer toegevoegd/);
  assert.strictEqual(await page.isChecked('#ef-services-0-phones-0-verified'), false, 'a new number starts unverified');
  assert.match(await text(page, '#ed-dirty'), /nog niet zijn opgeslagen/);
  await page.getByRole('button', { name: 'Telefoonnummer 1 verwijderen' }).click();
  assert.strictEqual(await activeId(page), 'ef-services-0-phones-add', 'focus back on "add"');
  const slots = await page.locator('#ef-services-0-schedule fieldset.slot').count();
  await page.locator('#ef-services-0-schedule-add').click();
  assert.strictEqual(await activeId(page), `ef-services-0-schedule-${slots}-days-MO`);
  await page.getByRole('button', { name: `Tijdvak ${slots + 1} verwijderen` }).click();
  assert.strictEqual(await activeId(page), 'ef-services-0-schedule-add');
  assert.strictEqual(await text(page, '#ed-dirty'), 'Er zijn geen wijzigingen meer die niet zijn opgeslagen.', 'back to what was saved');

  // ja / nee / onbekend: "onbekend" leaves the field out (not known: nothing is shown).
  await openOrganization(page, 'Veilig Thuis');
  const draftService = () => page.evaluate(() => fetch('/staff/api/v1/directory/draft', { cache: 'no-store' })
    .then((r) => r.json()).then((d) => d.directory.organizations.find((o) => o.key === 'veilig-thuis').services[0]));
  await page.getByRole('group', { name: 'Kun je anoniem blijven?' }).getByLabel('Onbekend (niets tonen)').check();
  await save(page);
  assert.ok(!('anonymous' in await draftService()), 'anonymous is absent');
  await page.getByRole('group', { name: 'Kun je anoniem blijven?' }).getByLabel('Ja').check();
  await save(page);
  assert.strictEqual((await draftService()).anonymous, true);
});

test('removing an organisation the questionnaire routes to asks what replaces it', async () => {
  const { page } = editor;
  await page.locator('#ed-reload').count();  // editor A still holds the draft it saved
  await openOrganization(page, 'Helpwanted');
  await page.getByRole('button', { name: 'Helpwanted verwijderen' }).click();
  assert.strictEqual(await activeId(page), 'ef-org-confirm-q');
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  assert.strictEqual(await page.locator('#org-list button', { hasText: 'Helpwanted' }).count(), 0);
  await save(page);
  assert.match(await text(page, '#ed-issues'), /De vragenlijst stuurt mensen naar Helpwanted, maar die staat niet meer in de gids/);
  const select = page.locator('#replace-helpwanted');
  assert.strictEqual(await text(page, 'label[for="replace-helpwanted"]'), 'In plaats van Helpwanted (niet meer in de gids)');
  await page.getByRole('button', { name: 'Vervangen en opslaan' }).click();
  assert.strictEqual(await text(page, '#replace-helpwanted-error'), 'Kies welke organisatie ervoor in de plaats komt.');
  await assertNoViolations(page, 'the editor asking for a replacement');
  await select.selectOption('fier');
  await page.getByRole('button', { name: 'Vervangen en opslaan' }).click();
  await page.waitForFunction(() => /nieuwe keuze in de vragenlijst/.test(document.getElementById('ed-saved').textContent));
  assert.strictEqual(await page.locator('#ed-issues').count(), 0);
  assert.strictEqual(await page.locator('#ed-replace').count(), 0);

  // The draft against the published version: the organisation and the questionnaire's new route.
  await page.locator('#nav-versions').click();
  await page.locator('#versions-title').waitFor({ state: 'visible' });
  await page.getByLabel('Van', { exact: true }).selectOption('4');
  await page.getByLabel('Naar', { exact: true }).selectOption({ label: 'Het concept (niet gepubliceerd)' });
  await page.getByRole('button', { name: 'Verschillen tonen' }).click();
  // An earlier diff may still be on screen: wait for this one's heading, not any heading.
  await page.waitForFunction(() => /^Van versie 4 naar het concept/.test(document.getElementById('diff-title').textContent));
  assert.match(await text(page, '#diff-title'), /^Van versie 4 naar het concept: \d+ verschillen$/);
  const diff = await text(page, '#diff-changes');
  assert.match(diff, /Helpwanted\s+In versie 4\s+Helpwanted \(helpwanted\)\s+In het concept\s+\(niet ingevuld\)/);
  assert.match(diff, /Vragenlijst › Regel “[\w-]+” › Verwijzing \d › Organisatie\s+In versie 4\s+helpwanted\s+In het concept\s+fier/);
  await assertNoViolations(page, 'a diff between a version and the draft');
});

test('partners and administrators without the editor role never see the editor', async () => {
  const { page } = await newPage();
  await login(page, account('partner', 'veilig-thuis'), '#home-title');
  assert.strictEqual(await page.locator('#nav').isVisible(), false, 'no navigation to the editor');
  assert.strictEqual(await page.locator('#view-overview').isVisible(), false);
  assert.strictEqual(await page.locator('#overview-body').innerHTML(), '');
  assert.strictEqual(await apiStatus(page, '/staff/api/v1/directory'), 403);
  assert.strictEqual(await apiStatus(page, '/staff/preview/'), 403);

  const admin = (await newPage()).page;
  await login(admin, account('admin'), '#home-title');
  await admin.locator('#audit').waitFor({ state: 'visible' });
  assert.strictEqual(await admin.locator('#nav').isVisible(), false);
  assert.match(await text(admin, '#audit'), /Gids gepubliceerd\s+publish/, 'the audit log names the editor’s actions');
  assert.match(await text(admin, '#audit'), /Versie teruggezet\s+restore/);
});

test('the overview switches to English and back', async () => {
  const { page } = editor;
  await page.locator('#nav-overview').click();
  await page.locator('#overview-title').waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.strictEqual(await text(page, '#overview-title'), 'Directory');
  assert.match(await text(page, '#ov-published'), /^Version 4, on /);
  assert.match(await text(page, '#nav'), /Edit draft/);
  await page.getByRole('button', { name: 'Naar het Nederlands' }).click();
  assert.strictEqual(await text(page, '#overview-title'), 'Hulpgids');
});

// An ISO date `days` before today (the server's clock and the browser's agree here).
function daysAgo(days) {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return d.toISOString().slice(0, 10);
}
const attentionApi = (page) => page.evaluate(() => fetch('/staff/api/v1/directory/attention', { cache: 'no-store' }).then((r) => r.json()));
const draftApi = (page) => page.evaluate(() => fetch('/staff/api/v1/directory/draft', { cache: 'no-store' }).then((r) => r.json()));
const vtOf = (body) => JSON.parse(body).organizations.find((o) => o.key === 'veilig-thuis');

async function discardDraft(page) {
  await page.locator('#nav-overview').click();
  await page.locator('#overview-title').waitFor({ state: 'visible' });
  if (await page.locator('#ov-discard').count()) {
    await page.getByRole('button', { name: 'Concept weggooien' }).click();
    await page.getByRole('button', { name: 'Ja, concept weggooien' }).click();
    await page.waitForFunction(() => /weggegooid/.test(document.getElementById('notice').textContent));
  }
}

test('"due for a check": what residents no longer see and overdue checks come first, with their source link', async () => {
  const { page } = editor;
  await discardDraft(page);
  await page.locator('#ov-edit').click();
  await page.locator('#org-list').waitFor({ state: 'visible' });
  await openOrganization(page, 'Veilig Thuis');
  // Only the dates of the checks move back: no content changes, so nothing is unticked.
  await page.locator('#ef-website-checked').fill(daysAgo(200));          // 30 + 60 days: withdrawn
  await page.locator('#ef-services-0-phones-0-checked').fill(daysAgo(35)); // 5 days overdue
  assert.strictEqual(await page.isChecked('#ef-website-verified'), true);
  assert.strictEqual(await page.isChecked('#ef-services-0-phones-0-verified'), true);
  await save(page);
  assert.match(await text(page, '#ed-saved'), /geen problemen gevonden/);
  assert.strictEqual(await page.locator('#approval').count(), 0, 'a new date of a check needs no second editor');

  await page.locator('#nav-overview').click();
  await page.locator('#overview-title').waitFor({ state: 'visible' });
  const items = page.locator('#attention .att-item');
  const first = items.nth(0);
  const second = items.nth(1);
  assert.match(await first.getAttribute('class'), /\batt-withdrawn\b/);
  assert.match(await first.innerText(), /^Crisislijn Inwoners zien dit niet meer \(sinds \d+ \w+ \d{4}\): Website De controle was nodig op \d+ \w+ \d{4}\./);
  assert.match(await second.getAttribute('class'), /\batt-overdue\b/);
  assert.match(await second.innerText(), /^Crisislijn Controle te laat \(nodig op \d+ \w+ \d{4}\): Dienst 1: Bellen en chatten › Telefoonnummer 1 \(0800-2000\)/);
  assert.match(await second.innerText(), /Zonder nieuwe controle zien inwoners dit vanaf \d+ \w+ \d{4} niet meer/);
  // The dates shown are the server's: due 30 days after the check, withdrawn 60 days later.
  const api = (await attentionApi(page)).items;
  assert.deepStrictEqual(api.slice(0, 2).map((i) => [i.reason, i.field, i.due]),
    [['withdrawn', 'website', daysAgo(170)], ['overdue', 'services[0].phones[0]', daysAgo(5)]]);
  const [y, m, d] = daysAgo(5).split('-').map(Number);
  assert.ok((await second.innerText()).includes(new Date(y, m - 1, d).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' })));
  // The source to open, in a new tab that learns nothing about the portal.
  const link = first.locator('a.att-source');
  assert.strictEqual(await link.getAttribute('href'), 'https://www.veiligthuisgv.nl/veelgestelde-vragen/');
  assert.strictEqual(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /\bnoreferrer\b/);
  assert.strictEqual((await link.textContent()).replace(/\s+/g, ' '), 'Bron openen Veilig Thuis: Website (opent in een nieuw tabblad)');
  assert.strictEqual(await second.locator('a.att-source').getAttribute('href'),
    'https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/vraag-en-antwoord/wat-moet-ik-doen-bij-huiselijk-geweld');
  // Notes and unverified details come after everything that is due.
  const reasons = await items.evaluateAll((nodes) => nodes.map((n) => n.className.replace('att-item att-', '')));
  assert.deepStrictEqual(reasons.slice(0, 2), ['withdrawn', 'overdue']);
  assert.ok(reasons.slice(2).every((r) => r === 'unverified' || r === 'todo' || r === 'due_soon'), reasons.join(','));
  await assertNoViolations(page, 'the overview with overdue checks');
  await assertReflows(page, 'the overview with overdue checks');

  // "Bewerken" opens the field to check.
  await first.getByRole('button').click();
  await page.locator('#org-title').waitFor({ state: 'visible' });
  assert.strictEqual(await activeId(page), 'ef-website-url');

  // Published, the withdrawn website is gone for residents; the overdue phone stays.
  await page.getByLabel('Korte notitie: wat heb je veranderd?').fill('Controledata Veilig Thuis');
  await page.getByRole('button', { name: 'Controleren en publiceren' }).click();
  await page.locator('#publish-confirm').waitFor({ state: 'visible' });
  assert.strictEqual(await page.locator('#publish-crisis').count(), 0, 'no crisis-line change');
  await page.getByRole('button', { name: 'Ja, publiceren' }).click();
  await page.locator('#overview-title').waitFor({ state: 'visible' });
  assert.match(await text(page, '#notice'), /Versie 5 is gepubliceerd/);
  const vt = vtOf((await residentDirectory()).body);
  assert.strictEqual(vt.website, undefined, 'the withdrawn website is not shown');
  assert.strictEqual(vt.services[0].phones[0].number, '0800-2000');
});

test('a crisis number edited: unverified at once; publishing waits for a second editor; residents never see it as verified before', async () => {
  const { page } = editor;
  const VERIFIED = '#ef-services-0-phones-0-verified';
  const CHECKED = '#ef-services-0-phones-0-checked';
  const CHECKED_BY = '#ef-services-0-phones-0-checked_by';
  await page.locator('#ov-edit').click();
  await page.locator('#org-list').waitFor({ state: 'visible' });
  await openOrganization(page, 'Veilig Thuis');
  assert.strictEqual(await page.isChecked(VERIFIED), true);
  await page.locator(NUMBER).fill('0800-2001');
  assert.strictEqual(await page.isChecked(VERIFIED), false, 'unticked at once');
  assert.match(await text(page, '#ef-services-0-phones-0-recheck'), /^Gewijzigd: controleer opnieuw \(bron, datum, wie\)/);
  assert.strictEqual(await text(page, TEL), '+318002001', 'the number to dial follows the written number');
  await save(page);
  let phone = (await draftApi(page)).directory.organizations.find((o) => o.key === 'veilig-thuis').services[0].phones[0];
  assert.deepStrictEqual([phone.number, phone.tel, phone.verified], ['0800-2001', '+318002001', false], 'the saved draft has it unverified');
  let residents = await residentDirectory();
  assert.ok(!residents.body.includes('0800-2001') && !residents.body.includes('+318002001'), 'residents do not see the draft');
  assert.strictEqual(vtOf(residents.body).services[0].phones[0].number, '0800-2000');

  // Ticking it again is a check: it needs who checked (the source link is there).
  await page.locator(VERIFIED).check({ force: true }).catch(() => {});
  assert.strictEqual(await page.isChecked(VERIFIED), false, 'no tick without a check');
  assert.strictEqual(await text(page, '#ef-services-0-phones-0-checked_by-tick-error'), 'Vul in wie het heeft gecontroleerd.');
  assert.strictEqual(await page.getAttribute(CHECKED_BY, 'aria-invalid'), 'true');
  assert.strictEqual(await activeId(page), 'ef-services-0-phones-0-checked_by');
  await assertNoViolations(page, 'a tick without a check');
  await page.locator(CHECKED_BY).fill('Redacteur Test');
  assert.strictEqual(await page.getAttribute(CHECKED_BY, 'aria-invalid'), null);
  await page.locator(VERIFIED).check();
  assert.strictEqual(await page.inputValue(CHECKED), daysAgo(0), 'checked today');

  // A check dated before the published one is no new check: the server unticks it, and says so.
  await page.locator(CHECKED).fill(daysAgo(40));
  await save(page);
  assert.match(await text(page, '#ed-unticked'), /Bij het opslaan is 1 gegeven niet meer “gecontroleerd”/);
  assert.match(await text(page, '#ed-unticked li'), /^Veilig Thuis › Dienst 1: Bellen en chatten › Telefoonnummer 1 \(0800-2001\): 0800-2000 → 0800-2001$/);
  assert.strictEqual(await page.isChecked(VERIFIED), false);
  assert.match(await text(page, '#ef-services-0-phones-0-recheck'), /^Gewijzigd: controleer opnieuw/);
  await assertNoViolations(page, 'the editor after the server unticked a detail');

  // A real check today: it stays verified in the draft, and still not for residents.
  await page.locator(VERIFIED).check();
  await save(page);
  assert.strictEqual(await page.locator('#ed-unticked').count(), 0);
  phone = (await draftApi(page)).directory.organizations.find((o) => o.key === 'veilig-thuis').services[0].phones[0];
  assert.deepStrictEqual([phone.verified, phone.checked, phone.checked_by], [true, daysAgo(0), 'Redacteur Test']);

  await page.getByLabel('Korte notitie: wat heb je veranderd?').fill('Nummer Veilig Thuis');
  await page.getByRole('button', { name: 'Controleren en publiceren' }).click();
  await page.locator('#publish-confirm').waitFor({ state: 'visible' });
  assert.match(await text(page, '#publish-crisis'), /^Veilig Thuis › Dienst 1: Bellen en chatten › Telefoonnummer 1 \(0800-2001\): 0800-2000 → 0800-2001$/);
  assert.strictEqual(await page.locator('#publish-yes').count(), 0, 'publishing asks for a second editor');
  const check = await page.evaluate(() => fetch('/staff/api/v1/directory/publish-check', { cache: 'no-store' }).then((r) => r.json()));
  assert.strictEqual(await page.evaluate((r) => window.HWStaffApi.publish(r, 'x').then(() => 'published', (e) => e.status + ' ' + e.code), check.revision),
    '409 approval_required');
  assert.strictEqual(await page.evaluate((r) => window.HWStaffApi.approve(r).then(() => 'approved', (e) => e.status + ' ' + e.code), check.revision),
    '403 own_change');
  residents = await residentDirectory();
  assert.ok(!residents.body.includes('0800-2001'), 'not before a second editor approved');
  await page.getByRole('button', { name: 'Sluiten' }).click();

  assert.match(await approveAsSecondEditor(), /0800-2000 → 0800-2001/);
  assert.ok(!(await residentDirectory()).body.includes('0800-2001'), 'approving does not publish');

  await page.getByRole('button', { name: 'Controleren en publiceren' }).click();
  await page.locator('#publish-confirm').waitFor({ state: 'visible' });
  assert.strictEqual(await text(page, '#publish-approval'), 'Goedgekeurd door editor2@gemeente.demo.invalid.');
  await page.getByRole('button', { name: 'Ja, publiceren' }).click();
  await page.locator('#overview-title').waitFor({ state: 'visible' });
  assert.match(await text(page, '#notice'), /Versie 6 is gepubliceerd/);
  const published = vtOf((await residentDirectory()).body).services[0].phones[0];
  assert.deepStrictEqual([published.number, published.tel], ['0800-2001', '+318002001'], 'checked and approved: residents see it');
});

test('an edited crisis number without a new check cannot go live: every route must still reach someone', async () => {
  const { page } = editor;
  await page.locator('#ov-edit').click();
  await page.locator('#org-list').waitFor({ state: 'visible' });
  await openOrganization(page, 'Veilig Thuis');
  await page.locator(NUMBER).fill('0800-2002');
  assert.strictEqual(await page.isChecked('#ef-services-0-phones-0-verified'), false, 'unticked at once');
  await save(page);
  // Unverified, Veilig Thuis's 24/7 line is gone, and some routes would end at nobody.
  assert.match(await text(page, '#ed-saved'), /maar er zijn \d+ problemen/);
  assert.match(await text(page, '#ed-issues'),
    /Vragenlijst: Op maandag om 00:00 komt bij de antwoorden .* “Veilig Thuis” bovenaan, maar dan is niemand in die uitkomst bereikbaar/);
  assert.match(await text(page, '#ed-issues'), /En nog \d+ andere routes door de vragenlijst/);
  const residents = await residentDirectory();
  assert.ok(!residents.body.includes('0800-2002'), 'residents never see the unchecked number');
  assert.strictEqual(vtOf(residents.body).services[0].phones[0].number, '0800-2001');

  // Typed back to the published, checked number: checked again, nothing to approve.
  await page.locator(NUMBER).fill('0800-2001');
  assert.strictEqual(await page.isChecked('#ef-services-0-phones-0-verified'), true);
  await save(page);
  assert.match(await text(page, '#ed-saved'), /geen problemen gevonden/);
  assert.strictEqual(await page.locator('#approval').count(), 0);
  await discardDraft(page);
});

test('no page made a request to any other host, and nothing broke the CSP', () => {
  assert.ok(tracked.length >= 3);
  for (const { urls, csp } of tracked) {
    const elsewhere = urls.filter((u) => !u.startsWith(server.url + '/') && !u.startsWith('data:') && u !== 'about:blank');
    assert.deepStrictEqual(elsewhere, [], 'requests to another host');
    assert.deepStrictEqual(csp, [], 'CSP violations or page errors');
  }
});
