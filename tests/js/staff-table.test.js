// Unit tests of webapp/staff/components/table: a focusable scroll region named by the
// table's (visually hidden) caption, column headers with scope="col", the caller's rows.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { install } = require('./fake-dom.js');

const { el } = install();
require('../../webapp/staff/components/table/table.js');
const T = window.HWStaffTable;

test('a scroll region named by its caption, the columns and the rows', () => {
  const row = el('tr', {}, [el('td', { text: 'gisteren' }), el('td', { text: 'Nieuw' })]);
  const region = T.build({ id: 'inbox', captionId: 'inbox-caption', caption: 'Verzoeken', columns: ['Ontvangen', 'Status'], rows: [row] });
  assert.equal(region.className, 'hw-table-scroll');
  assert.equal(region.getAttribute('tabindex'), '0');
  assert.equal(region.getAttribute('role'), 'region');
  assert.equal(region.getAttribute('aria-labelledby'), 'inbox-caption');
  const table = region.children[0];
  assert.equal(table.className, 'hw-table');
  assert.equal(table.id, 'inbox');
  const [caption, thead, tbody] = table.children;
  assert.equal(caption.id, 'inbox-caption');
  assert.equal(caption.className, 'vh');
  assert.equal(caption.textContent, 'Verzoeken');
  const headers = thead.children[0].children;
  assert.deepEqual(headers.map((th) => th.textContent), ['Ontvangen', 'Status']);
  assert.deepEqual(headers.map((th) => th.getAttribute('scope')), ['col', 'col']);
  assert.equal(tbody.children[0], row);
  assert.equal(tbody.hasAttribute('id'), false);
});

test('the body can have an id (the audit log appends older rows there)', () => {
  const region = T.build({ id: 'audit', captionId: 'audit-caption', caption: 'Log', columns: ['Wanneer'], rows: [], bodyId: 'audit-rows' });
  assert.equal(region.children[0].children[2].id, 'audit-rows');
});
