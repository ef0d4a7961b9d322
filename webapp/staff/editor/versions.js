/*
 * The directory editor: the versions ("Versies"). Every published version with author,
 * time and note; a diff between any two, or a version and the draft, each change as a
 * location in words with before and after; restore an earlier version after a
 * confirmation that shows what changes.
 */
'use strict';
window.HWStaffEditor.part(function (E) {
  var page = E.page, $ = page.$, el = page.el, F = E.F, api = E.api, t = E.t;
  var ov = E.ov, ed = E.ed, vs = E.vs;
  var button = E.button, changeList = E.changeList, confirmBox = E.confirmBox, failed = E.failed;
  var fill = E.fill, isoSeconds = E.isoSeconds, versionDoc = E.versionDoc;

  function openVersions(options) {
    options = options || {};
    return Promise.all([api.versions(), api.directory()]).then(function (results) {
      if (!page.loggedIn()) return;
      vs.list = results[0].versions || [];
      ov.published = results[1].published;
      ov.draft = results[1].draft;
      vs.restoring = null;
      vs.restoreChanges = null;
      var choices = diffChoices();
      if (!choices.some(function (c) { return c[0] === vs.from; }) || !choices.some(function (c) { return c[0] === vs.to; })) {
        vs.to = ov.draft ? 'draft' : (vs.list[0] ? String(vs.list[0].version) : null);
        vs.from = ov.draft ? (vs.list[0] ? String(vs.list[0].version) : null) : (vs.list[1] ? String(vs.list[1].version) : null);
        vs.diff = null;
      }
      renderVersions();
      page.show('versions');
      if (options.message) page.notice(options.message);
      page.focusHeading(options.focus || 'versions-title');
    }).catch(function (err) { failed(err); });
  }

  function diffChoices() {
    var choices = [];
    if (ov.draft) choices.push(['draft', t('vs.draft')]);
    (vs.list || []).forEach(function (v) {
      choices.push([String(v.version), t('vs.option', { version: v.version, date: F.shortDateTime(isoSeconds(v.published_at) || 0) })]);
    });
    return choices;
  }

  function choiceName(value) {
    return value === 'draft' ? t('vs.theDraft') : t('vs.versionIn', { version: value });
  }

  function renderVersions() {
    var body = $('versions-body');
    var current = vs.list.length ? vs.list[0].version : null;
    var rows = vs.list.map(function (v) {
      var isCurrent = v.version === current;
      return el('tr', {}, [
        el('th', { scope: 'row', class: 'nowrap' }, [t('vs.version', { version: v.version }),
          isCurrent ? el('span', { class: 'sub' }, [el('span', { class: 'badge badge-current', text: t('vs.current') })]) : null]),
        el('td', { class: 'nowrap' }, [el('time', { datetime: v.published_at, text: F.shortDateTime(isoSeconds(v.published_at) || 0) })]),
        el('td', { class: 'break', text: v.published_by || t('ov.unknown') }),
        el('td', { class: 'break', dir: 'auto', text: v.note || t('audit.none') }),
        el('td', {}, [isCurrent ? el('span', { class: 'meta', text: t('vs.restore.current') }) : el('button', {
          type: 'button', class: 'btn secondary small', 'data-restore': String(v.version), id: 'restore-' + v.version
        }, [t('vs.restore'), el('span', { class: 'vh', text: ' ' + t('vs.version', { version: v.version }) })])])
      ]);
    });
    var table = window.HWStaffTable.build({
      id: 'versions', captionId: 'versions-caption', caption: t('vs.caption'), rows: rows,
      columns: [t('vs.col.version'), t('vs.col.at'), t('vs.col.by'), t('vs.col.note'), t('vs.col.action')]
    });
    var choices = diffChoices();
    var select = function (id, label, selected) {
      var node = el('select', { id: id, name: id }, choices.map(function (c) { return el('option', { value: c[0], text: c[1] }); }));
      if (selected !== null) node.value = selected;
      return el('div', { class: 'field field-line' }, [el('label', { for: id, text: label }), node]);
    };
    var parts = [
      el('p', { class: 'lead', text: t('vs.intro') }),
      restoreBox(),
      el('section', { 'aria-labelledby': 'vs-list-title' }, [el('h2', { id: 'vs-list-title', text: t('vs.list') }), table]),
      el('section', { 'aria-labelledby': 'vs-diff-title', class: 'card' }, [
        el('h2', { id: 'vs-diff-title', text: t('vs.diff') }),
        el('p', { text: t('vs.diff.text') }),
        choices.length < 2 ? el('p', { class: 'empty', text: t('vs.diff.few') }) : el('form', { id: 'diff-form', class: 'diff-form', novalidate: true }, [
          select('diff-from', t('vs.from'), vs.from),
          select('diff-to', t('vs.to'), vs.to),
          button({ type: 'submit', class: 'btn', id: 'diff-show' }, t('vs.diff.show'))
        ]),
        el('p', { class: 'hw-error-message', id: 'diff-error', role: 'alert' }),
        vs.diff ? el('div', { id: 'diff-result' }, [
          el('h3', { id: 'diff-title', tabindex: '-1', text: t('vs.diff.result', { from: choiceName(vs.diff.from), to: choiceName(vs.diff.to), n: vs.diff.changes.length }) }),
          changeList(vs.diff.changes, [t('vs.diff.before', { name: choiceName(vs.diff.from) }), t('vs.diff.after', { name: choiceName(vs.diff.to) })], 'diff-changes')
        ]) : null
      ])
    ];
    fill(body, parts);
  }

  function restoreBox() {
    if (vs.restoring === null) return null;
    var v = vs.restoring;
    var next = vs.list.length ? vs.list[0].version + 1 : v + 1;
    var note = el('input', { id: 'restore-note', name: 'note', type: 'text', maxlength: String(E.NOTE_MAX), autocomplete: 'off', 'aria-describedby': 'restore-note-hint' });
    var texts = [
      el('p', { id: 'restore-text', text: t('vs.restore.text', { version: v, next: next }) }),
      ov.draft ? el('p', { class: 'warn-line', text: t('vs.restore.draft', { version: ov.draft.based_on }) }) : null,
      el('h3', { class: 'small-title', text: t('vs.restore.changes', { n: vs.restoreChanges.length }) }),
      changeList(vs.restoreChanges, [t('vs.restore.now'), t('vs.restore.after')], 'restore-changes'),
      el('div', { class: 'field' }, [
        el('label', { for: 'restore-note', text: t('vs.restore.note') }),
        el('p', { class: 'hint', id: 'restore-note-hint', text: t('vs.restore.note.hint', { version: v }) }),
        note
      ]),
      el('p', { class: 'hw-error-message', id: 'restore-error', role: 'alert' })
    ];
    return el('section', { class: 'card danger', 'aria-labelledby': 'restore-confirm-q' }, [
      confirmBox('restore-confirm', t('vs.restore.q', { version: v }), texts, [
        button({ class: 'btn warning', id: 'restore-yes', 'aria-describedby': 'restore-text' }, t('vs.restore.yes', { version: v })), ' ',
        button({ class: 'btn secondary', id: 'restore-no' }, t('vs.restore.no'))
      ])
    ]);
  }

  function showDiff(event) {
    event.preventDefault();
    var from = $('diff-from').value;
    var to = $('diff-to').value;
    vs.from = from;
    vs.to = to;
    if (from === to) { $('diff-error').textContent = t('vs.diff.same'); return; }
    $('diff-error').textContent = '';
    Promise.all([api.diff(from, to), versionDoc(from), versionDoc(to)]).then(function (results) {
      vs.diff = { from: from, to: to, changes: results[0].changes || [] };
      renderVersions();
      $('diff-title').focus();
    }, function (err) { failed(err, $('diff-error')); });
  }

  function startRestore(v) {
    var current = vs.list.length ? vs.list[0].version : null;
    Promise.all([api.diff(String(current), String(v)), versionDoc(current), versionDoc(v)]).then(function (results) {
      vs.restoring = v;
      vs.restoreChanges = results[0].changes || [];
      renderVersions();
      $('restore-confirm-q').focus();
    }, function (err) { failed(err); });
  }

  function restore() {
    var v = vs.restoring;
    if (v === null || ed.busy.restore) return;
    ed.busy.restore = true;
    api.restore(v, $('restore-note').value.trim()).then(function (result) {
      vs.restoring = null;
      return openVersions({ message: t('vs.restore.done', { version: v, next: result.version }) });
    }, function (err) {
      if (err.status === 409 && err.code === 'precondition_failed') {
        $('restore-error').textContent = t('vs.restore.invalid', { version: v, detail: err.message });
      } else failed(err, $('restore-error'));
    }).then(function () { ed.busy.restore = false; });
  }

  function onVersionsClick(event) {
    var target = event.target.closest('button');
    if (!target) return;
    if (target.hasAttribute('data-restore')) startRestore(Number(target.getAttribute('data-restore')));
    else if (target.id === 'restore-yes') restore();
    else if (target.id === 'restore-no') {
      var v = vs.restoring;
      vs.restoring = null;
      renderVersions();
      var back = $('restore-' + v);
      (back || $('versions-title')).focus();
    }
  }

  function onVersionsSubmit(event) {
    if (event.target.id === 'diff-form') showDiff(event);
  }

  E.onVersionsClick = onVersionsClick;
  E.onVersionsSubmit = onVersionsSubmit;
  E.openVersions = openVersions;
  E.renderVersions = renderVersions;
});
