/*
 * The staff portal: the audit log for administrators, 100 entries at a time, newest first,
 * each action in words and its code; a filter (e-mail address, action, request number)
 * and "Oudere regels laden", which appends the next older page and moves the focus to
 * its first row, so no entry is out of reach.
 */
'use strict';
(function (P) {
  var F = window.HWStaffFormat, api = window.HWStaffApi, t = F.t;
  var state = P.state, $ = P.$, el = P.el;
  var clearMessages = P.clearMessages, failed = P.failed;

  var AUDIT_ACTIONS = ['login', 'login_failed', 'logout', 'open_request', 'set_status', 'set_note', 'remove_note',
    'delete_request', 'add_staff', 'remove_staff', 'create_org_keys', 'rotate_org_keys', 'grant',
    'grant_with_recovery_key', 'purge', 'start_draft', 'save_draft', 'discard_draft', 'publish', 'restore'];

  function auditFilterForm() {
    var filter = state.auditFilter;
    var actions = el('select', { id: 'audit-action', name: 'action' }, [el('option', { value: '', text: t('audit.filter.all') })]
      .concat(AUDIT_ACTIONS.map(function (action) {
        var label = action === 'set_status' ? t('audit.filter.setStatus') : F.auditAction(action) || action;
        return el('option', { value: action, selected: filter.action === action, text: label });
      })));
    function field(id, name, label, value, type) {
      return el('div', { class: 'field' }, [
        el('label', { for: id, text: label }),
        el('input', { id: id, name: name, type: type, value: value, autocomplete: 'off', spellcheck: 'false', maxlength: '254' })
      ]);
    }
    return el('form', { id: 'audit-filter', class: 'filter-form', role: 'search', 'aria-label': t('audit.filter.label'), novalidate: true }, [
      field('audit-actor', 'actor', t('audit.filter.actor'), filter.actor, 'text'),  // also "operator", "retention"
      el('div', { class: 'field' }, [el('label', { for: 'audit-action', text: t('audit.filter.action') }), actions]),
      field('audit-request', 'request', t('audit.filter.request'), filter.request, 'text'),
      el('button', { type: 'submit', class: 'btn', text: t('audit.filter.apply') }),
      el('button', { type: 'button', class: 'btn secondary', id: 'audit-clear', text: t('audit.filter.clear') })
    ]);
  }

  function auditRow(e) {
    var label = F.auditAction(e.action);
    return el('tr', {}, [
      el('td', { class: 'nowrap' }, [el('time', { datetime: F.isoDateTime(e.at), text: F.shortDateTime(e.at) })]),
      el('td', { class: 'break', text: e.actor || t('audit.none') }),
      el('td', {}, [label ? label + ' ' : '', el('code', { text: e.action })]),
      el('td', { text: e.organization ? P.orgName(e.organization) : t('audit.none') }),
      el('td', { class: 'break' }, [e.target ? el('code', { text: e.target }) : t('audit.none')])
    ]);
  }

  function auditSection(entries) {
    var filtered = state.auditFilter.actor || state.auditFilter.action || state.auditFilter.request;
    var content;
    if (!entries.length) content = el('p', { class: 'empty', text: t(filtered ? 'audit.empty.filtered' : 'audit.empty') });
    else {
      content = window.HWStaffTable.build({
        id: 'audit', captionId: 'audit-caption', caption: t('audit.caption'), bodyId: 'audit-rows', rows: entries.map(auditRow),
        columns: [t('audit.col.at'), t('audit.col.actor'), t('audit.col.action'), t('audit.col.org'), t('audit.col.target')]
      });
    }
    return el('section', { class: 'audit', 'aria-labelledby': 'audit-title' }, [
      el('h2', { id: 'audit-title', text: t('audit.title') }),
      el('p', { text: t('audit.intro') }),
      auditFilterForm(),
      el('p', { class: 'actions' }, [el('button', { type: 'button', class: 'btn secondary', id: 'audit-refresh', text: t('audit.refresh') })]),
      el('p', { class: 'count', id: 'audit-count', role: 'status', text: t('audit.shown', { n: entries.length }) }),
      content,
      state.auditNext ? el('p', { class: 'actions' }, [
        el('button', { type: 'button', class: 'btn secondary', id: 'audit-more', text: t('audit.more') })
      ]) : null
    ]);
  }

  function applyAuditFilter(filter) {
    state.auditFilter = filter;
    clearMessages();
    P.loadHome({ focus: 'audit-title' });
  }

  // The next, older page goes below the rows already shown; the focus moves to its first row.
  function loadOlderAudit() {
    if (state.busy.audit || !state.auditNext) return;
    state.busy.audit = true;
    var params = Object.assign({ before: state.auditNext }, state.auditFilter);
    api.audit(params).then(function (page) {
      var older = (page && page.entries) || [];
      var first = state.audit.length;
      state.audit = state.audit.concat(older);
      state.auditNext = page && page.next_before ? page.next_before : null;
      P.renderHome();
      var rows = document.querySelectorAll('#audit-rows tr');
      var target = rows[first] || $('audit-title');
      if (target !== $('audit-title')) target.setAttribute('tabindex', '-1');
      target.focus();
    }, function (err) { failed(err); }).then(function () { state.busy.audit = false; });
  }

  P.applyAuditFilter = applyAuditFilter;
  P.auditSection = auditSection;
  P.loadOlderAudit = loadOlderAudit;
}(window.HWStaffPage));
