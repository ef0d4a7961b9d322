// The web apps' lists of categories, topics, audiences, contact languages and safe times
// are the vocabulary of directory-data/vocabulary.json, the one the server checks against
// (server/domain/vocabulary.h): a word added there and not here, or the other way round,
// fails.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const vocabulary = JSON.parse(fs.readFileSync(path.join(ROOT, 'directory-data', 'vocabulary.json'), 'utf8'));
const { F, D } = require('./staff-texts').loadStaff(['directory.js']);

// A `var NAME = [...]` list of a classic script, read as data.
function listIn(file, name) {
  const source = fs.readFileSync(path.join(ROOT, 'webapp', file), 'utf8');
  const match = new RegExp('var ' + name + ' = (\\[[^\\]]*\\])').exec(source);
  assert.ok(match, name + ' in ' + file);
  return JSON.parse(match[1].replace(/'/g, '"'));
}

test('the staff portal edits the words of the vocabulary, in its order', () => {
  assert.deepEqual(D.CATEGORIES, vocabulary.categories);
  assert.deepEqual(D.TOPICS, vocabulary.topics);
  assert.deepEqual(D.AUDIENCES, vocabulary.audiences);
  assert.deepEqual(F.SAFE_TIMES, vocabulary.safe_times);
});

test('the resident app groups by the vocabulary’s categories and offers its safe times and languages', () => {
  assert.deepEqual(listIn('resident/screens.js', 'CATEGORIES'), vocabulary.categories);
  assert.deepEqual(listIn('components/contact-request/contact-request.js', 'TIMES'), vocabulary.safe_times);
  const source = fs.readFileSync(path.join(ROOT, 'webapp', 'components', 'contact-request', 'contact-request.js'), 'utf8');
  const langs = source.slice(source.indexOf('var LANGS = '), source.indexOf(']];', source.indexOf('var LANGS = ')) + 3);
  const languages = [...langs.matchAll(/\['([a-z]{2})', '/g)].map((m) => m[1]);
  assert.deepEqual(languages, vocabulary.contact_languages);
});
