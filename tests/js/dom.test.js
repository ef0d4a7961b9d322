// Unit tests of the one element builder (webapp/common/dom.js), on a small stand-in DOM
// (fake-dom.js): text only through textContent, attributes by the documented rules.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { install } = require('./fake-dom.js');

install();
const { el, append, clear } = self.HW.dom;

test('attributes: text, class, true as empty, null/undefined/false left out', () => {
  const node = el('p', { class: 'x', text: '<b>y</b>', 'aria-describedby': 'z', hidden: true, lang: null, dir: undefined, open: false, tabindex: 0 });
  assert.equal(node.tagName, 'P');
  assert.equal(node.className, 'x');
  assert.equal(node.textContent, '<b>y</b>', 'text is never parsed as HTML');
  assert.equal(node.children.length, 0);
  assert.equal(node.getAttribute('aria-describedby'), 'z');
  assert.equal(node.getAttribute('hidden'), '');
  assert.equal(node.getAttribute('tabindex'), '0');
  for (const name of ['lang', 'dir', 'open']) assert.equal(node.hasAttribute(name), false, name);
});

test('children: one or a list; strings become text; null, undefined and false are left out', () => {
  const inner = el('strong', { text: 'b' });
  const node = el('p', null, ['a ', inner, null, undefined, false, ' c']);
  assert.equal(node.childNodes.length, 3);
  assert.equal(node.textContent, 'a b c');
  assert.equal(el('li', {}, 'only').textContent, 'only');
  assert.equal(el('li', {}, el('span', { text: 'one' })).children.length, 1);
  append(node, 'd');
  assert.equal(node.textContent, 'a b cd');
  clear(node);
  assert.equal(node.childNodes.length, 0);
});
