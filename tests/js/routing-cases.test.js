// The shared routing cases (tests/fixtures/routing-cases.json) through the page's engine
// (components/routing + components/reach) on the real directory-data, as residents would
// see it: the C++ engine's test (server/domain/routing_cases_test.cpp) reads the same file.
// The resident view here drops unverified details and facts without a verified source,
// like the server's ResidentView; the browser tests check the real API.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const R = require('../../webapp/components/routing/routing.js');
const reach = require('../../webapp/components/reach/reach.js');

const ROOT = path.join(__dirname, '..', '..');
const read = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));
const qn = read('directory-data/questionnaire.json');
const dir = read('directory-data/directory.json');
const cases = read('tests/fixtures/routing-cases.json').cases;

const FACTS = ['hours', 'free', 'anonymous', 'day_and_night', 'schedule', 'languages'];
function residentView(directory) {
  const shown = (d) => d && d.verified === true;
  return directory.organizations.map((org) => {
    const o = JSON.parse(JSON.stringify(org));
    o.services = o.services.filter((s) => s.status === 'active').map((s) => {
      s.phones = s.phones.filter(shown);
      if (s.chat && !shown(s.chat)) delete s.chat;
      if (!shown(s.facts)) FACTS.forEach((f) => delete s[f]);
      return s;
    });
    return o;
  });
}
const orgs = {};
residentView(dir).forEach((o) => { orgs[o.key] = o; });

// As the page does: ask each shown question in order; unanswered ones are skipped.
function answersOf(given) {
  const answers = {};
  let id = R.nextQuestion(qn, answers, null);
  while (id) {
    answers[id] = Object.prototype.hasOwnProperty.call(given, id) ? given[id] : null;
    id = R.nextQuestion(qn, answers, id);
  }
  return answers;
}

for (const c of cases) {
  test(c.name, () => {
    const at = new Date(c.at);
    const routed = R.route(qn, answersOf(c.answers), (key) => !!orgs[key] && reach.now(orgs[key], at));
    const keys = routed.map((r) => r.organization);
    assert.ok(keys.length > 0);
    assert.equal(routed[0].reachable, true, 'the first result answers');
    if (c.first) assert.equal(keys[0], c.first);
    if (c.order) assert.deepEqual(keys, c.order);
    for (const key of c.includes || []) assert.ok(keys.includes(key), key + ' in ' + keys.join(', '));
  });
}

test('a card that cannot be reached now says when it can', () => {
  const friday = new Date('2026-12-04T22:10:00Z');
  assert.equal(reach.now(orgs['veilig-thuis'], friday), true);
  assert.deepEqual(reach.how(orgs.moviera, friday), { kind: 'website' });
  assert.equal(reach.how(orgs.helpwanted, friday).kind, 'unknown');
});
