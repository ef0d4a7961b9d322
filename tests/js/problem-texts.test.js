// Every problem code the server can emit has words in the staff portal, in Dutch and in
// English, and those words use only the parameters the server sends with the code. The
// codes come from the real binary (`hulpwijzer directory problem-codes`), and real problems
// from `hulpwijzer directory validate --json` on broken documents, so a code added to
// server/domain/problem.h without texts, or a parameter renamed, fails here.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..', '..');
const BINARY = process.env.HW_BINARY || path.join(ROOT, 'build', 'hulpwijzer-for-tests');

const { F, D, TEXTS } = require('./staff-texts').loadStaff(['directory.js']);

const codes = execFileSync(BINARY, ['directory', 'problem-codes'], { encoding: 'utf8' })
  .trim().split('\n').map((line) => JSON.parse(line));

// The texts of a code in one language: the plain key, or its plural forms.
function textsOf(lang, code) {
  const key = 'problem.' + code;
  const table = TEXTS[lang];
  return [key, key + '_one', key + '_other', key + '_zero'].filter((k) => k in table).map((k) => table[k]);
}

// What a text may name: the code's parameters, and `name` where the page puts in an
// organisation's name (for codes that send an organisation key).
function allowed(entry) {
  const names = new Set(entry.params);
  if (names.has('organization') || names.has('key')) names.add('name');
  return names;
}

test('the server names its codes, and there are many', () => {
  assert.ok(codes.length > 50, String(codes.length));
  for (const entry of codes) assert.match(entry.code, /^[a-z_]+$/);
});

for (const lang of ['nl', 'en']) {
  test('every problem code has a text in ' + lang + ' that uses only the code’s parameters', () => {
    const missing = [];
    for (const entry of codes) {
      const texts = textsOf(lang, entry.code);
      if (!texts.length) { missing.push(entry.code); continue; }
      if (!('problem.' + entry.code in TEXTS[lang])) {
        assert.ok('problem.' + entry.code + '_one' in TEXTS[lang] && 'problem.' + entry.code + '_other' in TEXTS[lang],
          entry.code + ': a plural needs _one and _other');
        assert.ok(entry.params.includes('count'), entry.code + ': plural forms follow the parameter count');
      }
      for (const text of texts) {
        for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
          assert.ok(allowed(entry).has(name), entry.code + ' (' + lang + ') names {' + name + '}, which the server does not send');
        }
      }
    }
    assert.deepEqual(missing, [], 'codes without a text in ' + lang);
  });
}

test('no text is left for a code the server no longer sends', () => {
  const known = new Set(codes.map((entry) => entry.code));
  for (const lang of ['nl', 'en']) {
    const stale = Object.keys(TEXTS[lang]).filter((k) => k.startsWith('problem.'))
      .map((k) => k.slice('problem.'.length))
      .filter((code) => !known.has(code) && !known.has(code.replace(/_(one|other|zero)$/, '')));
    assert.deepEqual(stale, [], lang);
  }
});

// Broken copies of the real directory, validated by the real binary.
function validate(mutate) {
  const directory = JSON.parse(fs.readFileSync(path.join(ROOT, 'directory-data', 'directory.json'), 'utf8'));
  mutate(directory);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hw-problems-'));
  const file = path.join(dir, 'directory.json');
  fs.writeFileSync(file, JSON.stringify(directory));
  const run = spawnSync(BINARY, ['directory', 'validate', '--directory', file, '--json'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(run.status, 65, run.stderr);
  return run.stdout.trim().split('\n').map((line) => JSON.parse(line));
}

test('real problems from the server read as plain words, and point at their organisation', () => {
  const problems = validate((d) => {
    const org = d.organizations.find((o) => o.key === 'veilig-thuis');
    org.services[0].phones[0].number = '0800-200';
    org.services[0].chat.schedule.push({ days: ['MO'], opens: '16:00', closes: '15:00' });
    org.website.url = 'http://veiligthuis.nl';
    org.category = 'other';
    d.organizations.find((o) => o.key === 'moviera').key = 'veilig-thuis';
  });
  const codesSeen = problems.map((p) => p.code).sort();
  assert.deepEqual(codesSeen, ['key_taken', 'not_https', 'not_one_of', 'phone_service_length', 'slot_order']);
  for (const lang of ['nl', 'en']) {
    F.setLanguage(lang);
    for (const problem of problems) {
      const words = D.issueWords(problem);
      assert.ok(words, problem.code);
      const text = F.t(words.key, words.params);
      assert.notEqual(text, words.key);
      assert.doesNotMatch(text, /\{\w+\}/, problem.code + ': ' + text);
    }
  }
  F.setLanguage('nl');
  const phone = problems.find((p) => p.code === 'phone_service_length');
  assert.deepEqual(D.issueOrganization(phone), { key: 'veilig-thuis', index: phone.organization.index });
  assert.equal(F.t(D.issueWords(phone).key, D.issueWords(phone).params), '“0800-200” heeft 7 cijfers. Een 0800- of 0900-nummer heeft er 8 of 11.');
  const slot = problems.find((p) => p.code === 'slot_order');
  assert.equal(F.t(D.issueWords(slot).key, D.issueWords(slot).params),
    'Tijdvak ' + slot.params.slot + ': de eindtijd (15:00) moet later zijn dan de begintijd (16:00).');
});
