/*
 * The directory editor: saving the draft, and what a refused save means. A save names the
 * revision it started from; a colleague's save meanwhile (409) or a draft that is gone
 * (404) overwrites nothing: the page lists this editor's changes and reloads only when
 * asked. Also the list of what the server unticked on save, and the organisations that
 * replace routed ones that are gone.
 */
'use strict';
window.HWStaffEditor.part(function (E) {
  var page = E.page, $ = page.$, el = page.el, D = E.D, api = E.api, t = E.t;
  var ov = E.ov, ed = E.ed, names = E.names;
  var failed = E.failed, loadCheck = E.loadCheck, orgLabel = E.orgLabel, orgs = E.orgs, setError = E.setError;

  function save(replace) {
    if (ed.busy.save) return;
    ed.busy.save = true;
    page.clearMessages();
    setError(null, 'ed-save-error', '');
    $('ed-saved').textContent = '';
    var sent = D.clone(ed.doc);
    api.saveDraft(ed.revision, sent, replace).then(function (draft) {
      var typedMeanwhile = !D.equal(ed.doc, sent);
      ed.conflict = null;
      ed.confirm = null;
      E.applyDraft(draft, typedMeanwhile);
      ed.unticked = Array.isArray(draft.unticked) ? draft.unticked : [];
      markUnticked(ed.unticked);
      return loadCheck().then(function () { return draft; });
    }).then(function () {
      E.renderEditor();
      var count = ed.issues.length;
      if (count) {
        $('ed-saved').textContent = t('ed.saved.issues', { n: count });
        $('ed-issues').focus();
      } else {
        $('ed-saved').textContent = t(replace ? 'ed.saved.replaced' : 'ed.saved');
        $('ed-save').focus();
      }
    }, function (err) {
      if (err.status === 409 && err.code === 'draft_changed') showConflict('save');
      else if (err.status === 404) showConflict('gone');
      else if (err.status === 413) setError(null, 'ed-save-error', t('ed.err.tooLarge'));
      else failed(err, $('ed-save-error'));
    }).then(function () { ed.busy.save = false; });
  }

  // The server unticked these on save (edited, no new check): mark them in the form too.
  function markUnticked(list) {
    list.forEach(function (item) {
      var org = orgs().filter(function (o) { return o.key === item.organization; })[0];
      if (org && /^(website|services\[\d+\]\.(phones\[\d+\]|chat|facts))$/.test(item.field)) ed.recheck[org.id + '|' + item.field] = true;
    });
  }

  // What the last save unticked: edited details that wait for a new check.
  function untickedBox() {
    if (!ed.unticked.length) return null;
    return el('div', { class: 'warn-box', id: 'ed-unticked', role: 'region', 'aria-labelledby': 'ed-unticked-title' }, [
      el('h2', { id: 'ed-unticked-title', text: t('ed.unticked.title', { n: ed.unticked.length }) }),
      el('p', { text: t('ed.unticked.text') }),
      el('ul', {}, ed.unticked.map(function (item) {
        return el('li', {}, [detailWords(item), ' ', beforeAfter(item)]);
      }))
    ]);
  }

  // "Veilig Thuis › Dienst 1: Bellen en chatten › Telefoonnummer 1" for a server's change.
  function detailWords(item) {
    var org = orgs().filter(function (o) { return o.key === item.organization; })[0] || null;
    var name = org ? orgLabel(org) : D.orgName(names, item.organization);
    var field = item.field === 'organization' ? [] : D.describeField(item.field, org);
    return el('strong', { text: [name].concat(field).join(' › ') + ':' });
  }

  function beforeAfter(item) {
    var shown = function (v) { return v === '' ? t('value.none') : v.charAt(0) === '{' ? t('value.facts') : v; };
    return el('span', { class: 'value', dir: 'auto', text: shown(item.before) + ' → ' + shown(item.after) });
  }

  function showConflict(kind) {
    ed.conflict = { kind: kind, changes: kind === 'publish' ? [] : D.diff(ed.base, ed.doc) };
    ed.publish = null;
    E.renderEditor();
    $('ed-conflict').focus();
  }

  // Loads the newest draft; what this editor changed stays listed on screen.
  function reload() {
    if (ed.busy.reload) return;
    ed.busy.reload = true;
    var lost = ed.conflict && ed.conflict.changes && ed.conflict.changes.length ? ed.conflict.changes : null;
    Promise.all([api.draft(), api.directory(), loadCheck()]).then(function (results) {
      ov.published = results[1].published;
      E.applyDraft(results[0], false);
      ed.recheck = {};
      ed.unticked = [];
      ed.conflict = null;
      ed.publish = null;
      if (lost) ed.lost = lost;
      E.renderEditor();
      page.notice(t('conflict.reloaded', { revision: ed.revision }));
      (lost ? $('ed-lost') : $('editor-title')).focus();
    }, function (err) { failed(err); }).then(function () { ed.busy.reload = false; });
  }

  function submitReplace(event) {
    event.preventDefault();
    var replace = {};
    var missing = null;
    Array.prototype.forEach.call(document.querySelectorAll('#replace-form select[data-replace]'), function (select) {
      var id = select.id;
      if (!select.value) {
        setError(select, id + '-error', t('replace.err'));
        if (!missing) missing = select;
      } else {
        setError(select, id + '-error', '');
        replace[select.getAttribute('data-replace')] = select.value;
      }
    });
    if (missing) { missing.focus(); return; }
    save(replace);
  }

  E.beforeAfter = beforeAfter;
  E.detailWords = detailWords;
  E.markUnticked = markUnticked;
  E.reload = reload;
  E.save = save;
  E.showConflict = showConflict;
  E.submitReplace = submitReplace;
  E.untickedBox = untickedBox;
});
