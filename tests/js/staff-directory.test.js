// Unit tests of the directory editor's logic (webapp/staff/directory.js): paths, the diff
// (same rules as server/domain/json_diff.cpp), the server's problems (codes) in plain
// Dutch and English, readable field and change descriptions, and the texts it needs.
// The browser tests are in tests/e2e/directory-editor.test.js.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const STAFF = path.join(__dirname, '..', '..', 'webapp', 'staff');
const DATA = path.join(__dirname, '..', '..', 'directory-data', 'directory.json');

// Loads the scripts the way the page does, with the texts of webapp/i18n/staff/.
const { F, D, TEXTS } = require('./staff-texts').loadStaff(['directory.js']);
const directory = JSON.parse(fs.readFileSync(DATA, 'utf8'));
const vt = () => D.clone(directory.organizations.find((o) => o.key === 'veilig-thuis'));

test('paths: parse, join, parent, get, set, delete', () => {
  assert.deepEqual(D.parsePath('services[0].phones[1].tel'), ['services', 0, 'phones', 1, 'tel']);
  assert.deepEqual(D.parsePath('organizations[veilig-thuis].name'), ['organizations', { id: 'veilig-thuis' }, 'name']);
  assert.equal(D.joinPath(['services', 0, 'chat', 'schedule', 2]), 'services[0].chat.schedule[2]');
  assert.equal(D.parentPath('services[0].phones[1].tel'), 'services[0].phones[1]');
  assert.equal(D.parentPath('services[0].phones[1]'), 'services[0].phones');
  assert.equal(D.parentPath('name'), '');
  const org = vt();
  assert.equal(D.getAt(org, 'services[0].phones[0].number'), '0800-2000');
  assert.equal(D.getAt(org, 'services[3].name'), undefined);
  D.setAt(org, 'services[0].contact_requests.response_time.nl', 'binnen 2 dagen');
  assert.deepEqual(org.services[0].contact_requests.response_time, { nl: 'binnen 2 dagen' });
  D.deleteAt(org, 'services[0].chat.schedule[0]');
  assert.deepEqual(org.services[0].chat.schedule, []);
  D.deleteAt(org, 'services[0].free');
  assert.ok(!('free' in org.services[0]));
});

test('equal ignores the order of keys, not the order of lists', () => {
  assert.ok(D.equal({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }));
  assert.ok(!D.equal({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] }));
  assert.ok(!D.equal({ a: 1 }, { a: 1, b: undefined }));
  assert.ok(!D.equal(null, {}));
});

test('diff: lists with a key or id are matched by it; absent is null; like the server', () => {
  const before = { organizations: [vt(), { key: 'x', id: 'x', name: { nl: 'X', en: 'X' } }] };
  const after = D.clone(before);
  after.organizations.reverse();  // reordering is not a change
  assert.deepEqual(D.diff(before, after), []);
  after.organizations[1].services[0].chat.schedule[0].closes = '20:00';
  delete after.organizations[1].services[0].free;
  after.organizations[1].services[0].phones.push({ id: 'p2', number: '112', tel: '112' });
  const changes = D.diff(before, after);
  const service = 'organizations[veilig-thuis].services[c5289553-1505-4fee-9c7d-56ced1a45f93]';
  assert.deepEqual(changes, [
    { path: service + '.chat.schedule[0].closes', before: '17:00', after: '20:00' },
    { path: service + '.free', before: true, after: null },
    { path: service + '.phones[p2]', before: null, after: { id: 'p2', number: '112', tel: '112' } }
  ]);
  // A list without identities that changes length is one change of the whole list.
  assert.deepEqual(D.diff({ days: ['MO'] }, { days: ['MO', 'TU'] }), [{ path: 'days', before: ['MO'], after: ['MO', 'TU'] }]);
});

test('the server’s problems (codes with parameters), in plain Dutch and English', () => {
  const cases = [
    [{ code: 'tel_mismatch', params: { tel: '+31800200', number: '0800-2000', expected: '+318002000' } },
      'Het nummer om te bellen (“+31800200”) past niet bij het nummer dat inwoners lezen (“0800-2000”). Het moet “+318002000” zijn.',
      'The number to dial (“+31800200”) does not match the number residents read (“0800-2000”). It must be “+318002000”.'],
    [{ code: 'phone_service_length', params: { number: '0800-20000', digits: 9 } }, '“0800-20000” heeft 9 cijfers. Een 0800- of 0900-nummer heeft er 8 of 11.'],
    [{ code: 'phone_length', params: { number: '024 12345', digits: 7 } }, '“024 12345” heeft 7 cijfers. Een Nederlands telefoonnummer heeft er 10.'],
    [{ code: 'short_tel', params: { number: '112', expected: '112', tel: '+31112' } }, 'Het nummer om te bellen bij “112” moet “112” zijn, niet “+31112”.'],
    [{ code: 'phone_chars', params: { number: '12a' } }, '“12a” is geen telefoonnummer. Gebruik alleen cijfers, spaties en streepjes.'],
    [{ code: 'not_https', params: { got: 'http://x.nl' } }, 'Een webadres moet beginnen met https://. Nu staat er: “http://x.nl”.'],
    [{ code: 'slot_order', params: { slot: 2, closes: '08:00', opens: '09:00' } }, 'Tijdvak 2: de eindtijd (08:00) moet later zijn dan de begintijd (09:00).'],
    [{ code: 'slot_overlap', params: { a: 1, b: 2, day: 'TU' } }, 'Tijdvak 1 en tijdvak 2 overlappen op dinsdag. Maak er één tijdvak van, of verander de tijden.',
      'Time slots 1 and 2 overlap on Tuesday. Make them one slot, or change the times.'],
    [{ code: 'day_and_night_not_covered', params: {} }, /dag en nacht/],
    [{ code: 'empty', params: {} }, 'Dit mag niet leeg zijn.'],
    [{ code: 'missing', params: {} }, 'Dit moet je invullen.'],
    [{ code: 'routed_missing', params: { organization: 'helpwanted' } }, /De vragenlijst stuurt mensen naar helpwanted, maar die staat niet meer in de gids/],
    [{ code: 'routed_inactive', params: { organization: 'fier' } }, /geen actieve dienst meer/],
    [{ code: 'unreachable_more', params: { count: 1 } }, 'En nog 1 andere route door de vragenlijst komt op sommige momenten uit bij hulp die dan niet bereikbaar is.'],
    [{ code: 'unreachable_more', params: { count: 3 } }, /En nog 3 andere routes/, /And 3 more routes/]
  ];
  for (const [issue, nl, en] of cases) {
    F.setLanguage('nl');  // day names in the words follow the language of the page
    const words = D.issueWords(issue);
    assert.ok(words, 'known: ' + issue.code);
    const dutch = F.t(words.key, words.params);
    if (nl instanceof RegExp) assert.match(dutch, nl); else assert.equal(dutch, nl);
    assert.doesNotMatch(dutch, /\{\w+\}/, 'no placeholder left: ' + dutch);
    F.setLanguage('en');
    const english = F.t(D.issueWords(issue).key, D.issueWords(issue).params);
    if (en instanceof RegExp) assert.match(english, en); else if (en) assert.equal(english, en);
    assert.doesNotMatch(english, /\{\w+\}/, 'no placeholder left: ' + english);
  }
  F.setLanguage('nl');
  assert.equal(D.issueWords({ code: 'something_new', message: 'something new' }), null, 'an unknown code is shown as the server wrote it');
  assert.equal(D.issueWords({ message: 'is missing' }), null, 'a message without a code is never read for meaning');
});

test('which organisation an issue is about, and what the questionnaire still routes to', () => {
  assert.deepEqual(D.issueOrganization({ file: 'directory', organization: { key: 'veilig-thuis', index: 2 } }), { key: 'veilig-thuis', index: 2 });
  assert.deepEqual(D.issueOrganization({ file: 'directory', organization: { key: null, index: 4 } }), { key: null, index: 4 });
  assert.equal(D.issueOrganization({ file: 'directory', entry: 'organization "veilig-thuis" (organizations[2])', organization: null }), null,
    'the entry label is words for people, not read for meaning');
  assert.equal(D.issueOrganization({ file: 'questionnaire', entry: 'rule "x" (rules[1])', organization: null }), null);
  const issues = [
    { file: 'questionnaire', code: 'routed_missing', params: { organization: 'helpwanted' } },
    { file: 'questionnaire', code: 'routed_missing', params: { organization: 'helpwanted' } },
    { file: 'questionnaire', code: 'routed_inactive', params: { organization: 'fier' } },
    { file: 'directory', code: 'empty', params: {} }
  ];
  assert.deepEqual(D.routingProblems(issues), [{ key: 'helpwanted', reason: 'missing' }, { key: 'fier', reason: 'inactive' }]);
});

test('fields and changes described in words', () => {
  F.setLanguage('nl');
  const org = vt();
  assert.deepEqual(D.describeField('services[0].phones[0].tel', org),
    ['Dienst 1: Bellen en chatten', 'Telefoonnummer 1 (0800-2000)', 'Nummer om te bellen']);
  assert.deepEqual(D.describeField('services[0].chat.schedule', org), ['Dienst 1: Bellen en chatten', 'Chat', 'Openingstijden chat']);
  assert.deepEqual(D.describeField('services[0].schedule[0].days', org), ['Dienst 1: Bellen en chatten', 'Openingstijden telefoon', 'Tijdvak 1', 'Dagen']);
  assert.deepEqual(D.describeField('name.en', org), ['Naam', 'Engels']);
  assert.deepEqual(D.describeField('todo[0]', org), ['Notitie 1']);
  const names = D.nameIndex([directory]);
  assert.deepEqual(D.describeChange('directory.organizations[veilig-thuis].services[c5289553-1505-4fee-9c7d-56ced1a45f93].chat.schedule[0].closes', names),
    ['Veilig Thuis', 'Dienst “Bellen en chatten”', 'Chat', 'Openingstijden chat', 'Tijdvak 1', 'Open tot']);
  assert.deepEqual(D.describeChange('directory.organizations[veilig-thuis].services[c5289553-1505-4fee-9c7d-56ced1a45f93].phones[1749a395-da31-458f-92ce-c2f3791a9ed0].tel', names),
    ['Veilig Thuis', 'Dienst “Bellen en chatten”', 'Telefoonnummer 0800-2000', 'Nummer om te bellen']);
  assert.deepEqual(D.describeChange('questionnaire.rules[sexual-recent].adds[0].organization', names),
    ['Vragenlijst', 'Regel “sexual-recent”', 'Verwijzing 1', 'Organisatie']);
  assert.deepEqual(D.describeChange('directory.organizations[gone].name', names), ['gone', 'Naam']);
  F.setLanguage('en');
  assert.deepEqual(D.describeField('services[0].phones[0].tel', org), ['Service 1: Phone and chat', 'Phone number 1 (0800-2000)', 'Number to dial']);
  F.setLanguage('nl');
});

test('values in words', () => {
  F.setLanguage('nl');
  assert.equal(D.formatValue(null), '(niet ingevuld)');
  assert.equal(D.formatValue(true), 'ja');
  assert.equal(D.formatValue(''), '(leeg)');
  assert.equal(D.formatValue(['MO', 'TU', 'WE']), 'ma, di, wo');
  assert.equal(D.formatValue([{ days: ['MO', 'FR'], opens: '09:00', closes: '17:00' }, { days: ['SA'], opens: '10:00', closes: '12:00' }]),
    'ma, vr 09:00–17:00; za 10:00–12:00');
  assert.equal(D.formatValue({ nl: 'Gratis', en: 'Free' }), 'NL: Gratis\nEN: Free');
  assert.equal(D.formatValue({ id: 'x', number: '0800-2000', tel: '+318002000' }), '0800-2000 (+318002000)');
  assert.equal(D.formatValue(vt()), 'Veilig Thuis (veilig-thuis)');
});

test('the dial form shown in the form is the one the data has for every number', () => {
  // The server derives `tel` on save (domain/phone_number.h); the form only shows it.
  const phones = directory.organizations.flatMap((o) => (o.services || []).flatMap((s) => s.phones || []));
  assert.ok(phones.length >= 8);
  for (const phone of phones) assert.equal(D.dialForm(phone.number), phone.tel, phone.number);
  assert.equal(D.dialForm('0800-2001'), '+318002001');
  assert.equal(D.dialForm('0800-20'), '');
  assert.equal(D.dialForm('bel ons'), '');
});

test('which contact detail an edit concerns (an edit is not a check)', () => {
  assert.deepEqual(D.detailOf('services[0].phones[1].number'), { detail: 'services[0].phones[1]', provenance: 'services[0].phones[1]', content: true });
  assert.equal(D.detailOf('services[0].phones[1].checked_by').content, false, 'provenance is no content');
  assert.equal(D.detailOf('services[0].chat.schedule[0].opens').provenance, 'services[0].chat');
  assert.equal(D.detailOf('website.url').provenance, 'website');
  assert.equal(D.detailOf('services[2].hours.nl').provenance, 'services[2].facts', 'hours are a fact');
  assert.equal(D.detailOf('services[0].anonymous').content, true);
  assert.equal(D.detailOf('services[0].facts.source_url').content, false);
  assert.equal(D.detailOf('services[0].area.nl'), null, 'the area is no contact detail');
  assert.equal(D.detailOf('name.nl'), null);
});

test('new parts are well-formed, unverified and dated today', () => {
  const phone = D.newPhone();
  assert.match(phone.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(phone.verified, false);
  assert.match(phone.checked, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(D.newChat().verified, false);
  assert.notEqual(D.newService().id, D.newService().id);
  assert.equal(D.newOrganization(['nieuwe-organisatie-1']).key, 'nieuwe-organisatie-2');
  assert.equal(D.today(new Date(2026, 10, 28)), '2026-11-28');
});

test('every text the editor uses exists in Dutch and English', () => {
  const used = new Set();
  const editor = fs.readdirSync(path.join(STAFF, 'editor')).map((f) => path.join('editor', f));
  for (const file of editor.concat(['directory.js', 'page.js', 'session.js', 'login.js', 'inbox.js', 'audit.js', 'request.js', 'staff.js'])) {
    const source = fs.readFileSync(path.join(STAFF, file), 'utf8');
    for (const m of source.matchAll(/\bt\('([\w.-]+)'[,)]/g)) used.add(m[1]);
    for (const m of source.matchAll(/'(msg\.\w+)'/g)) used.add(m[1]);
  }
  for (const c of D.CATEGORIES) used.add('category.' + c);
  for (const c of D.TOPICS) used.add('topic.' + c);
  for (const c of D.AUDIENCES) used.add('audience.' + c);
  for (const d of D.DAYS) { used.add('day.' + d); used.add('day.short.' + d); }
  for (const v of ['yes', 'no', 'unknown']) used.add('three.' + v);
  for (const k of ['save', 'gone', 'publish']) { used.add('conflict.' + k + '.title'); used.add('conflict.' + k + '.text'); }
  for (const r of ['missing', 'inactive']) used.add('replace.label.' + r);
  for (const v of ['overview', 'editor', 'versions']) used.add('page.title.' + v);
  // Every field of directory-data/README.md has a label.
  for (const f of ['name', 'description', 'category', 'website', 'services', 'status', 'topics', 'audience', 'free', 'anonymous',
    'day_and_night', 'hours', 'schedule', 'phones', 'chat', 'languages', 'area', 'contact_requests', 'accepted', 'response_time',
    'number', 'tel', 'type', 'cost', 'source', 'checked', 'verified', 'url', 'days', 'opens', 'closes', 'todo', 'key']) used.add('field.' + f);
  for (const lang of ['nl', 'en']) {
    for (const key of used) {
      const known = key in TEXTS[lang] || (key + '_one') in TEXTS[lang];
      assert.ok(known, `missing ${lang} text ${key}`);
      if ((key + '_one') in TEXTS[lang]) assert.ok((key + '_other') in TEXTS[lang], `${lang} ${key}_other`);
    }
  }
});
