// Unit tests of the routing engine (webapp/components/routing/routing.js):
// the semantics of directory-data/README.md on a small fixture, and the real
// questionnaire and directory of directory-data/ with the examples of QUESTIONNAIRE.md.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const R = require('../../webapp/components/routing/routing.js');

const ROOT = path.join(__dirname, '..', '..');
function load(file) {
  const p = path.join(ROOT, 'directory-data', file);
  return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) : null;
}
const qn = load('questionnaire.json');
const dir = load('directory.json');
const real = qn && dir ? {} : { skip: 'directory-data/*.json not present yet' };
const fx = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'engine.json'), 'utf8'));

const orgs = (list) => list.map((e) => e.organization);

// Walks the questionnaire the way the page does: ask each shown question in order,
// answer from `choices` or skip (null) when it has no answer for it.
function walk(q, choices) {
  const answers = {};
  const asked = [];
  let id = R.nextQuestion(q, answers, null);
  while (id) {
    asked.push(id);
    answers[id] = Object.prototype.hasOwnProperty.call(choices, id) ? choices[id] : null;
    id = R.nextQuestion(q, answers, id);
  }
  return { answers, asked, result: R.route(q, answers) };
}

// The organisation named in QUESTIONNAIRE.md ("Centrum Seksueel Geweld", "112", ...).
function key(name) {
  const o = dir.organizations.find((x) => x.name.nl === name || x.name.nl.includes(name));
  assert.ok(o, 'no organisation named ' + name);
  return o.key;
}

test('engine: skipped question matches only "unsure" unless if_skipped says otherwise', () => {
  const skipB = { a: 'x', b: null };
  assert.deepEqual(orgs(R.route(fx, skipB)), ['four', 'one', 'two']);
  assert.equal(R.matches(fx, skipB, { question: 'b', in: ['p'] }), false);
  assert.equal(R.matches(fx, skipB, { question: 'b', in: ['p'], if_skipped: true }), true);
  assert.equal(R.matches(fx, skipB, { question: 'b', in: ['unsure'], if_skipped: false }), false);
  // an empty multiple choice is a skip too
  assert.deepEqual(R.route(fx, { a: 'x', b: [] }), R.route(fx, skipB));
});

test('engine: a question that was not shown never matches, even with a stale answer', () => {
  // c is shown only when b has p; r-c-skipped says if_skipped but c is hidden here
  const answers = { a: 'x', b: ['q'], c: 'm' };
  assert.equal(R.isShown(fx, answers, 'c'), false);
  assert.equal(R.matches(fx, answers, { question: 'c', in: ['m'] }), false);
  assert.ok(!orgs(R.route(fx, answers)).includes('five'));
  // shown but skipped: if_skipped true matches
  assert.ok(orgs(R.route(fx, { a: 'x', b: ['p'], c: null })).includes('five'));
  // b hidden when a is y; a skipped shows b (show_when if_skipped: true)
  assert.equal(R.isShown(fx, { a: 'y' }, 'b'), false);
  assert.equal(R.isShown(fx, { a: null }, 'b'), true);
});

test('engine: highest weight wins, not the sum; its because comes along; ties in rule order', () => {
  const r = R.route(fx, { a: 'x', b: ['p', 'q'], c: 'n' });
  assert.deepEqual(orgs(r), ['two', 'four', 'one', 'three']);
  const two = r.find((e) => e.organization === 'two');
  assert.equal(two.weight, 70);
  assert.equal(two.rule, 'r-p');
  assert.equal(two.because.nl, 'r-p');
  // one (r-x, 50) before three (r-p, 50): rule order
  assert.ok(r.findIndex((e) => e.organization === 'one') < r.findIndex((e) => e.organization === 'three'));
});

test('engine: "otherwise" only when nothing was added, also when adds were filtered by their own when', () => {
  // r-y matches (all/any) but its only add needs a=x: nothing added, so otherwise applies
  assert.deepEqual(orgs(R.route(fx, { a: 'y' })), ['fallback']);
  assert.ok(!orgs(R.route(fx, { a: 'x', b: ['q'] })).includes('fallback'));
});

test('engine: nextQuestion and path follow show_when', () => {
  assert.equal(R.nextQuestion(fx, {}, null), 'a');
  assert.equal(R.nextQuestion(fx, { a: 'y' }, 'a'), null);
  assert.equal(R.nextQuestion(fx, { a: 'x', b: ['q'] }, 'b'), null);
  assert.deepEqual(R.path(fx, { a: 'x', b: ['p'] }), ['a', 'b', 'c']);
});

test('engine: a cycle in bad data does not hang', () => {
  const bad = JSON.parse(JSON.stringify(fx));
  bad.questions[0].show_when = { question: 'c', in: ['m'] };
  assert.equal(R.isShown(bad, {}, 'a'), false);
  assert.doesNotThrow(() => R.route(bad, {}));
});

// ---- the real data ---------------------------------------------------------------

test('QUESTIONNAIRE.md example: danger no, self, sexual, recent -> Centrum Seksueel Geweld', real, () => {
  const w = walk(qn, { danger: 'no', who: 'self', what: ['sexual'], when: 'recent' });
  assert.equal(orgs(w.result)[0], key('Centrum Seksueel Geweld'));
});

test('QUESTIONNAIRE.md example: danger yes, self, partner -> 112, then Veilig Thuis', real, () => {
  const w = walk(qn, { danger: 'yes', who: 'self', what: ['partner'] });
  assert.deepEqual(orgs(w.result).slice(0, 2), [key('112'), key('Veilig Thuis')]);
});

test('QUESTIONNAIRE.md example: danger no, self, partner, shelter -> Moviera', real, () => {
  const w = walk(qn, { danger: 'no', who: 'self', what: ['partner'], need: 'shelter' });
  assert.equal(orgs(w.result)[0], key('Moviera'));
  // Veilig Thuis keeps its highest weight (80, domestic), not 80 + 75
  const vt = w.result.find((e) => e.organization === key('Veilig Thuis'));
  assert.equal(vt.weight, 80);
  assert.equal(orgs(w.result)[1], key('Veilig Thuis'));
});

test('QUESTIONNAIRE.md example: danger no, own_behaviour -> Moviera', real, () => {
  const w = walk(qn, { danger: 'no', who: 'own_behaviour' });
  assert.deepEqual(w.asked, ['danger', 'who']);
  assert.equal(orgs(w.result)[0], key('Moviera'));
  assert.equal(orgs(w.result)[1], key('Veilig Thuis'));
});

test('QUESTIONNAIRE.md example: everything skipped -> Veilig Thuis', real, () => {
  const w = walk(qn, {});
  assert.ok(w.asked.includes('what') && w.asked.includes('need'), 'skipping who still asks what and need');
  assert.ok(!w.asked.includes('when'));
  assert.equal(orgs(w.result)[0], key('Veilig Thuis'));
});

test('route: someone else, sexual, recent -> Centrum Seksueel Geweld first, then Veilig Thuis', real, () => {
  const w = walk(qn, { danger: 'no', who: 'other', what: ['sexual'], when: 'recent', need: 'talk' });
  assert.deepEqual(orgs(w.result).slice(0, 2), [key('Centrum Seksueel Geweld'), key('Veilig Thuis')]);
});

test('route: sexual, longer ago -> Centrum Seksueel Geweld, then Slachtofferhulp', real, () => {
  const w = walk(qn, { danger: 'no', who: 'self', what: ['sexual'], when: 'earlier' });
  assert.deepEqual(orgs(w.result), [key('Centrum Seksueel Geweld'), key('Slachtofferhulp')]);
});

test('route: sexual, when skipped counts as unsure -> within-7-days rule', real, () => {
  const w = walk(qn, { who: 'self', what: ['sexual'] });
  assert.ok(w.asked.includes('when'));
  assert.equal(w.result[0].organization, key('Centrum Seksueel Geweld'));
  assert.equal(w.result[0].weight, 90);
});

test('route: images -> Helpwanted; stalking -> Veilig Thuis, Helpwanted (online) and the police', real, () => {
  assert.equal(orgs(walk(qn, { who: 'self', what: ['images'] }).result)[0], key('Helpwanted'));
  assert.deepEqual(orgs(walk(qn, { who: 'self', what: ['stalking'] }).result),
    [key('Veilig Thuis'), key('Helpwanted'), key('Politie')]);
});

test('route: only "report" as need -> the police, no fallback', real, () => {
  assert.deepEqual(orgs(walk(qn, { need: 'report' }).result), [key('Politie')]);
});

test('route: professional -> Veilig Thuis, the knowledge base; need not asked', real, () => {
  const w = walk(qn, { danger: 'no', who: 'professional', what: ['partner'] });
  assert.deepEqual(w.asked, ['danger', 'who', 'what']);
  assert.deepEqual(orgs(w.result), [key('Veilig Thuis'), key('Kennisbank')]);
});

test('route: professional asking about sexual violence longer ago also gets CSG (rule 10)', real, () => {
  const w = walk(qn, { danger: 'no', who: 'professional', what: ['sexual'], when: 'earlier' });
  assert.deepEqual(w.asked, ['danger', 'who', 'what', 'when']);
  assert.deepEqual(orgs(w.result).slice(0, 3), [key('Veilig Thuis'), key('Centrum Seksueel'), key('Kennisbank')]);
});

test('route: danger yes always puts 112 first, whatever else', real, () => {
  for (const who of ['self', 'other', 'own_behaviour', 'professional', null]) {
    const w = walk(qn, { danger: 'yes', who, what: ['images', 'sexual'], when: 'recent', need: 'shelter' });
    assert.equal(orgs(w.result)[0], key('112'), 'who=' + who);
  }
});

test('every path of answers (with skips) ends in an organisation of the directory', real, () => {
  const known = new Set(dir.organizations.map((o) => o.key));
  let paths = 0;
  function options(q) {
    if (!q.multiple) return q.options.map((o) => o.id).concat([null]);
    const ids = q.options.map((o) => o.id), out = [null];
    for (let m = 1; m < 1 << ids.length; m++) out.push(ids.filter((_, i) => m & (1 << i)));
    return out;
  }
  (function explore(answers, after) {
    const id = R.nextQuestion(qn, answers, after);
    if (!id) {
      paths++;
      const r = R.route(qn, answers);
      assert.ok(r.length > 0, 'dead end: ' + JSON.stringify(answers));
      for (const e of r) assert.ok(known.has(e.organization), 'unknown organisation ' + e.organization);
      return;
    }
    for (const a of options(R.questionById(qn, id))) explore(Object.assign({}, answers, { [id]: a }), id);
  })({}, null);
  assert.ok(paths > 100);
});
