/*
 * confirm: "are you sure?" in the page, before an action that cannot be undone (delete,
 * remove, discard, publish, restore). No window.confirm: the question is part of the page,
 * in both languages, and reachable by keyboard and screen reader.
 *
 * HWStaffConfirm.build(id, question, texts, buttons, opts) returns
 *   <div class="hw-confirm" id>
 *     <p class="hw-confirm__question" id="{opts.questionId or id-q}" tabindex="-1"><strong>question</strong></p>
 *     texts… <p class="actions">buttons…</p>
 * opts.hidden draws it hidden (to be shown by the script). The caller moves the focus to
 * the question when it opens and back to the button that opened it when it closes; the
 * buttons stay the caller's (their ids and what they do).
 * Uses HW.dom.el (common/dom.js): text only through textContent.
 */
'use strict';
(function () {
  var el = self.HW.dom.el;

  function build(id, question, texts, buttons, opts) {
    opts = opts || {};
    return el('div', { id: id, class: 'hw-confirm', hidden: !!opts.hidden }, [
      el('p', { id: opts.questionId || id + '-q', class: 'hw-confirm__question', tabindex: '-1' }, [el('strong', { text: question })])
    ].concat(texts).concat([el('p', { class: 'actions' }, buttons)]));
  }

  window.HWStaffConfirm = { build: build };
}());
