// A small stand-in for the browser's DOM, enough for the builders of webapp/common and
// webapp/staff/components to run under node --test: elements with attributes, classes,
// children and textContent, text nodes, and document.getElementById over document.body.
// It parses no HTML (neither do the builders). install() sets global document, window and
// self, loads the element builder (webapp/common/dom.js) and returns {document, el}.
'use strict';

class Text {
  constructor(data) { this.nodeType = 3; this.data = String(data); this.parentNode = null; }
  get textContent() { return this.data; }
}

class Element {
  constructor(tag) {
    this.nodeType = 1;
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.childNodes = [];
    this.parentNode = null;
  }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  hasAttribute(name) { return this.attributes.has(name); }
  removeAttribute(name) { this.attributes.delete(name); }
  get id() { return this.getAttribute('id') || ''; }
  get className() { return this.getAttribute('class') || ''; }
  set className(value) { this.setAttribute('class', value); }
  get hidden() { return this.hasAttribute('hidden'); }
  set hidden(on) { if (on) this.setAttribute('hidden', ''); else this.removeAttribute('hidden'); }
  get classList() {
    const node = this;
    const list = () => node.className.split(/\s+/).filter(Boolean);
    return {
      contains: (c) => list().includes(c),
      add: (c) => { if (!list().includes(c)) node.className = list().concat([c]).join(' '); },
      remove: (c) => { node.className = list().filter((x) => x !== c).join(' '); },
      toggle: (c, on) => { if (on === undefined ? !list().includes(c) : on) node.classList.add(c); else node.classList.remove(c); },
    };
  }
  get children() { return this.childNodes.filter((n) => n.nodeType === 1); }
  get firstChild() { return this.childNodes[0] || null; }
  appendChild(child) {
    if (!(child instanceof Element || child instanceof Text)) throw new TypeError('not a node: ' + child);
    if (child.parentNode) child.parentNode.childNodes.splice(child.parentNode.childNodes.indexOf(child), 1);
    child.parentNode = this;
    this.childNodes.push(child);
    return child;
  }
  replaceChildren(...nodes) { this.childNodes = []; nodes.forEach((n) => this.appendChild(n)); }
  removeChild(child) { this.childNodes.splice(this.childNodes.indexOf(child), 1); child.parentNode = null; return child; }
  get textContent() { return this.childNodes.map((n) => n.textContent).join(''); }
  set textContent(value) { this.childNodes = []; if (String(value) !== '') this.appendChild(new Text(value)); }
  *walk() { for (const child of this.children) { yield child; yield* child.walk(); } }
}

function install() {
  const body = new Element('body');
  const document = {
    body,
    createElement: (tag) => new Element(tag),
    createTextNode: (data) => new Text(data),
    getElementById: (id) => { for (const node of body.walk()) if (node.id === id) return node; return null; },
  };
  global.document = document;
  global.window = global;
  global.self = global;
  require('../../webapp/common/dom.js');
  return { document, el: global.HW.dom.el };
}

module.exports = { install, Element, Text };
