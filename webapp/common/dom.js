/*
 * The one element builder of the web app, shared by the resident app and the staff portal.
 *
 * HW.dom.el('p', {class: 'x', text: 'y', 'aria-describedby': 'z'}, children) builds an
 * element without ever parsing HTML: `text` becomes textContent, `class` the className,
 * `true` an empty attribute; null, undefined and false leave an attribute out.
 * `children` is one child or a list; a string becomes a text node, and null, undefined
 * and false are left out.
 * HW.dom.append(node, children) adds children by the same rules; HW.dom.clear(node)
 * removes every child.
 *
 * A classic script with no dependencies, loaded before everything that builds DOM.
 */
(function () {
  'use strict';

  function append(node, children) {
    if (children === null || children === undefined) return;
    if (!Array.isArray(children)) children = [children];
    for (var i = 0; i < children.length; i++) {
      var child = children[i];
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        if (name === 'text') node.textContent = value;
        else if (name === 'class') node.className = value;
        else if (value === true) node.setAttribute(name, '');
        else node.setAttribute(name, String(value));
      });
    }
    append(node, children);
    return node;
  }

  self.HW = self.HW || {};
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  self.HW.dom = { el: el, append: append, clear: clear };
}());
