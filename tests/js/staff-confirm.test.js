// Unit tests of webapp/staff/components/confirm: the question (focusable, strong), the
// texts, then the caller's buttons; hidden on request; the question's id.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { install } = require('./fake-dom.js');

const { el } = install();
require('../../webapp/staff/components/confirm/confirm.js');
const C = window.HWStaffConfirm;

test('question, texts and buttons, in that order', () => {
  const yes = el('button', { id: 'yes', text: 'Ja, verwijderen' });
  const box = C.build('ov-discard-confirm', 'Concept weggooien?', [el('p', { id: 'why', text: 'Dit kan niet terug.' })], [yes, ' ', el('button', { text: 'Nee' })]);
  assert.equal(box.className, 'hw-confirm');
  assert.equal(box.hasAttribute('hidden'), false);
  const [question, why, actions] = box.children;
  assert.equal(question.id, 'ov-discard-confirm-q');
  assert.equal(question.className, 'hw-confirm__question');
  assert.equal(question.getAttribute('tabindex'), '-1');
  assert.equal(question.children[0].tagName, 'STRONG');
  assert.equal(question.textContent, 'Concept weggooien?');
  assert.equal(why.textContent, 'Dit kan niet terug.');
  assert.equal(actions.className, 'actions');
  assert.equal(actions.children[0], yes);
  assert.equal(actions.textContent, 'Ja, verwijderen Nee');
});

test('hidden, with a question id of its own', () => {
  const box = C.build('delete-confirm', '', [], [], { questionId: 'delete-question', hidden: true });
  assert.equal(box.getAttribute('hidden'), '');
  assert.equal(box.children[0].id, 'delete-question');
  assert.equal(box.children[0].children[0].tagName, 'STRONG', 'a question to be filled in later still has its <strong>');
});
