/*
 * The directory editor: publishing and four eyes. Publishing needs a note, refuses while
 * there are unsaved changes, shows every crisis-line change first and then what changes
 * for residents, and asks for confirmation; while a crisis-line change has no second
 * editor's approval "Ja, publiceren" is not offered. Another editor approves the revision.
 */
'use strict';
window.HWStaffEditor.part(function (E) {
  var page = E.page, $ = page.$, el = page.el, api = E.api, t = E.t;
  var ov = E.ov, ed = E.ed;
  var button = E.button, failed = E.failed, isDirty = E.isDirty;
  var loadCheck = E.loadCheck, setError = E.setError, stale = E.stale;

  // Four eyes: a draft that changes a crisis line is published only after a second editor
  // approved this revision. The editor who saved it sees who still has to; another editor
  // sees "Goedkeuren".
  function approvalSection() {
    var c = ed.check;
    if (!c || !c.approval_required || c.revision !== ed.revision) return null;
    var mine = page.me && page.me() === ed.updatedBy;
    var kids = [
      el('h2', { id: 'approval-title', tabindex: '-1', text: t('appr.title') }),
      el('p', { id: 'approval-text', text: t('appr.text', { n: c.crisis_changes.length }) }),
      crisisList(c.crisis_changes, 'approval-changes')
    ];
    if (c.approved_by) kids.push(el('p', { class: 'ok-line', id: 'approval-state', text: t('appr.done', { who: c.approved_by }) }));
    else if (mine || isDirty()) kids.push(el('p', { class: 'warn-line', id: 'approval-state', text: t(isDirty() ? 'appr.dirty' : 'appr.needed') }));
    else {
      kids.push(el('p', { id: 'approval-state', text: t('appr.other', { who: ed.updatedBy }) }));
      kids.push(el('p', { class: 'actions' }, [button({ class: 'btn', id: 'approve', 'aria-describedby': 'approval-text' }, t('appr.approve'))]));
    }
    kids.push(el('p', { class: 'hw-error-message', id: 'approval-error', role: 'alert' }));
    return el('section', { class: 'card warn', id: 'approval', 'aria-labelledby': 'approval-title' }, kids);
  }

  function crisisList(changes, id) {
    return el('ul', { class: 'crisis-changes', id: id }, changes.map(function (item) {
      return el('li', {}, [E.detailWords(item), ' ', E.beforeAfter(item)]);
    }));
  }

  function approve() {
    if (ed.busy.approve) return;
    ed.busy.approve = true;
    api.approve(ed.revision).then(function () {
      return loadCheck().then(function () {
        E.renderEditor();
        page.notice(t('appr.approved'));
        $('approval-title').focus();
      });
    }, function (err) {
      var key = err.code === 'own_change' ? 'appr.err.own' : err.code === 'draft_changed' ? 'appr.err.changed'
        : err.code === 'nothing_to_approve' ? 'appr.err.nothing' : null;
      if (key) setError(null, 'approval-error', t(key));
      else failed(err, $('approval-error'));
    }).then(function () { ed.busy.approve = false; });
  }

  function startPublish(event) {
    event.preventDefault();
    var note = $('publish-note');
    ed.note = note.value;
    setError(null, 'publish-error', '');
    if (!note.value.trim()) {
      setError(note, 'publish-note-error', t('pub.err.note'));
      note.focus();
      return;
    }
    setError(note, 'publish-note-error', '');
    if (isDirty()) {
      setError(null, 'publish-error', t('pub.err.dirty'));
      $('ed-save').focus();
      return;
    }
    if (ed.busy.publish) return;
    ed.busy.publish = true;
    Promise.all([api.diff(ed.basedOn, 'draft'), loadCheck()]).then(function (results) {
      var result = results[0];
      var changes = (result.changes || []).map(function (c) {
        return { path: c.path, before: c.before, after: c.after };
      });
      if (!changes.length) {
        setError(null, 'publish-error', t('pub.err.nothing'));
        return;
      }
      ed.publish = { changes: changes };
      E.renderEditor();
      $('publish-confirm-q').focus();
    }, function (err) { failed(err, $('publish-error')); }).then(function () { ed.busy.publish = false; });
  }

  function publish() {
    if (ed.busy.publish || !ed.publish) return;
    ed.busy.publish = true;
    api.publish(ed.revision, ed.note.trim()).then(function (result) {
      E.resetEditor();
      page.updateNav();
      return E.openOverview({ message: t('pub.done', { version: result.version }) });
    }, function (err) {
      ed.publish = null;
      if (err.status === 422 && err.issues) {
        ed.issues = err.issues;
        E.renderEditor();
        $('publish-error').textContent = t('pub.err.invalid', { n: err.issues.length });
        $('ed-issues').focus();
      } else if (err.status === 409 && err.code === 'approval_required') {
        loadCheck().then(function () {
          E.renderEditor();
          $('publish-error').textContent = t('pub.err.approval');
          $('approval-title').focus();
        });
      } else if (err.status === 409 && err.code === 'draft_outdated') {
        E.renderEditor();
        $('publish-error').textContent = t('pub.err.stale');
        $('publish-note').focus();
        refreshPublished();
      } else if (err.status === 409 || err.status === 404) {
        E.showConflict('publish');
      } else {
        E.renderEditor();
        failed(err, $('publish-error'));
      }
    }).then(function () { ed.busy.publish = false; });
  }

  // After a refused publish: learn which version is published now, to explain it.
  function refreshPublished() {
    api.directory().then(function (data) {
      ov.published = data.published;
      if (page.view() === 'editor' && !$('ed-stale') && stale()) {
        var error = $('publish-error').textContent;
        E.renderEditor();
        $('publish-error').textContent = error;
      }
    }, function () { /* the message already says what to do */ });
  }

  E.approvalSection = approvalSection;
  E.approve = approve;
  E.crisisList = crisisList;
  E.publish = publish;
  E.startPublish = startPublish;
});
