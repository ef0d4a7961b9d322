/*
 * error-summary: what went wrong, at the top, after GOV.UK Frontend's error summary.
 *
 * HWStaffErrorSummary.build(id, title, parts) returns
 *   <div class="hw-error-summary" id tabindex="-1" role="region" aria-labelledby="{id}-title">
 *     <h2 class="hw-error-summary__title" id="{id}-title">title</h2> parts…
 * focusable by the script (move the focus to it after the action that failed).
 * HWStaffErrorSummary.list(items) returns <ul class="hw-error-summary__list"> of the <li>
 *   items (each usually a link to its field and the problem in words).
 * The login form's summary is the same markup in staff/index.html.
 * Uses HW.dom.el (common/dom.js): text only through textContent.
 */
'use strict';
(function () {
  var el = self.HW.dom.el;

  function build(id, title, parts) {
    return el('div', { class: 'hw-error-summary', id: id, tabindex: '-1', role: 'region', 'aria-labelledby': id + '-title' }, [
      el('h2', { class: 'hw-error-summary__title', id: id + '-title', text: title })
    ].concat(parts));
  }

  function list(items) { return el('ul', { class: 'hw-error-summary__list' }, items); }

  window.HWStaffErrorSummary = { build: build, list: list };
}());
