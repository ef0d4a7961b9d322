/*
 * table: a data table that scrolls sideways on a narrow screen, after GOV.UK Frontend's
 * table (the inbox, the audit log, the versions of the directory).
 *
 * HWStaffTable.build({id, caption, captionId, columns, rows, bodyId}) returns
 *   <div class="hw-table-scroll" tabindex="0" role="region" aria-labelledby="{captionId}">
 *     <table class="hw-table" id>
 *       <caption class="vh" id="{captionId}">caption</caption>
 *       <thead><tr><th scope="col">column…</th></tr></thead>
 *       <tbody id="{bodyId}">rows…</tbody>
 * The wrapper is a focusable region named by the caption, so keyboard users can scroll it
 * (WCAG reflow); the caption is visually hidden (the section's heading says it). Rows are
 * the caller's <tr> elements; a cell's `.sub` line shows below its main text.
 * Uses HW.dom.el (common/dom.js): text only through textContent.
 */
'use strict';
(function () {
  var el = self.HW.dom.el;

  function build(spec) {
    return el('div', { class: 'hw-table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': spec.captionId }, [
      el('table', { class: 'hw-table', id: spec.id }, [
        el('caption', { id: spec.captionId, class: 'vh', text: spec.caption }),
        el('thead', {}, [el('tr', {}, spec.columns.map(function (text) { return el('th', { scope: 'col', text: text }); }))]),
        el('tbody', { id: spec.bodyId || null }, spec.rows)
      ])
    ]);
  }

  window.HWStaffTable = { build: build };
}());
