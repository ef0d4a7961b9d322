// Unit tests of webapp/staff/components/error-summary: a focusable region named by its
// title, with the parts given, and a list of the problems.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { install } = require('./fake-dom.js');

const { el } = install();
require('../../webapp/staff/components/error-summary/error-summary.js');
const S = window.HWStaffErrorSummary;

test('a region named by its title, focusable by the script, with its parts in order', () => {
  const link = el('li', {}, [el('a', { href: '#ef-name-nl', text: 'Naam' }), ': verplicht']);
  const box = S.build('ed-issues', '1 probleem', [el('p', { text: 'Los dit op.' }), S.list([link])]);
  assert.equal(box.className, 'hw-error-summary');
  assert.equal(box.id, 'ed-issues');
  assert.equal(box.getAttribute('tabindex'), '-1');
  assert.equal(box.getAttribute('role'), 'region');
  assert.equal(box.getAttribute('aria-labelledby'), 'ed-issues-title');
  const [title, text, list] = box.children;
  assert.equal(title.tagName, 'H2');
  assert.equal(title.id, 'ed-issues-title');
  assert.equal(title.className, 'hw-error-summary__title');
  assert.equal(title.textContent, '1 probleem');
  assert.equal(text.textContent, 'Los dit op.');
  assert.equal(list.tagName, 'UL');
  assert.equal(list.className, 'hw-error-summary__list');
  assert.equal(list.textContent, 'Naam: verplicht');
});
