// Unit tests of webapp/staff/components/error-message: the message is linked to its
// control after the ids already there (hints first), aria-invalid follows the text, and
// an empty text unlinks it again.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { install } = require('./fake-dom.js');

const { document, el } = install();
require('../../webapp/staff/components/error-message/error-message.js');
const E = window.HWStaffErrorMessage;

function field() {
  const input = el('input', { id: 'note', 'aria-describedby': 'note-hint' });
  const error = el('p', { class: 'hw-error-message', id: 'note-error' });
  document.body.replaceChildren(el('div', { class: 'field' }, [el('p', { id: 'note-hint' }), error, input]));
  return { input, error };
}

test('an error is shown, linked after the hint and marks the control invalid', () => {
  const { input, error } = field();
  E.set(input, 'note-error', 'Te lang');
  assert.equal(error.textContent, 'Te lang');
  assert.equal(input.getAttribute('aria-describedby'), 'note-hint note-error');
  assert.equal(input.getAttribute('aria-invalid'), 'true');
  E.set(input, 'note-error', 'Nog steeds te lang');
  assert.equal(input.getAttribute('aria-describedby'), 'note-hint note-error', 'linked once');
});

test('an empty text empties the message and unlinks it; the hint stays', () => {
  const { input, error } = field();
  E.set(input, 'note-error', 'Te lang');
  E.set(input, 'note-error', '');
  assert.equal(error.textContent, '');
  assert.equal(input.getAttribute('aria-describedby'), 'note-hint');
  assert.equal(input.hasAttribute('aria-invalid'), false);
});

test('without a control only the message changes; describe() removes an empty list', () => {
  const { input, error } = field();
  E.set(null, 'note-error', 'Opslaan is niet gelukt');
  assert.equal(error.textContent, 'Opslaan is niet gelukt');
  assert.equal(input.getAttribute('aria-describedby'), 'note-hint');
  E.describe(input, 'note-hint', false);
  assert.equal(input.hasAttribute('aria-describedby'), false);
  E.describe(input, 'summary', true);
  E.describe(input, 'note-hint', true);
  assert.equal(input.getAttribute('aria-describedby'), 'summary note-hint');
});
