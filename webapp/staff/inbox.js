/*
 * The staff portal: home, the partner's inbox (new requests first, then newest first;
 * each with its age, status and the day retention deletes it; a generic count, also in
 * the title) with the flood tools under it, or "no access" for accounts that are not
 * partners; and, for administrators, the audit log below (audit.js).
 * Promises: only generic counts in the title; nothing polls ("Vernieuwen" asks again).
 */
'use strict';
(function (P) {
  var F = window.HWStaffFormat, api = window.HWStaffApi, t = F.t;
  var state = P.state, $ = P.$, el = P.el;
  var clearMessages = P.clearMessages, failed = P.failed, hasRole = P.hasRole, isPartner = P.isPartner;
  var notice = P.notice, show = P.show;

  /* ---------- home: inbox and audit log ---------- */

  // The organisation's name from the public directory (same origin); its key if unknown.
  function loadOrgNames() {
    if (state.orgNames) return Promise.resolve(state.orgNames);
    return fetch('/api/v1/directory', { credentials: 'omit', referrerPolicy: 'no-referrer' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (directory) {
        var names = {};
        ((directory && directory.organizations) || []).forEach(function (org) {
          if (org && org.key && org.name) names[org.key] = org.name;
        });
        state.orgNames = names;
        return names;
      }, function () { return {}; });
  }

  function orgName(key) {
    var name = state.orgNames && state.orgNames[key];
    if (name && typeof name === 'object') return name[F.language()] || name.nl || key;
    return key;
  }

  // options: {focus: element id or 'open:<request id>', message: text for the status region}
  function loadHome(options) {
    options = options || {};
    var partner = isPartner();
    var admin = hasRole('admin');
    var jobs = [
      partner ? api.requests().catch(function (err) {
        if (err.status === 403) return { noAccess: true };
        throw err;
      }) : Promise.resolve({ noAccess: true }),
      admin ? api.audit(state.auditFilter) : Promise.resolve(null),
      partner ? loadOrgNames() : Promise.resolve(null)
    ];
    return Promise.all(jobs).then(function (results) {
      if (!state.me) return;  // logged out meanwhile
      var inbox = results[0];
      state.noAccess = !!inbox.noAccess;
      state.list = inbox.noAccess ? null : sortRequests(inbox.requests || []);
      state.newCount = inbox.noAccess ? 0 : (typeof inbox['new'] === 'number' ? inbox['new'] : countNew(state.list));
      state.audit = results[1] ? results[1].entries || [] : null;
      state.auditNext = results[1] ? results[1].next_before || null : null;
      state.current = null;
      $('request-body').replaceChildren();
      renderHome();
      show('home');
      if (options.message) notice(options.message);
      var target = null;
      if (options.focus && options.focus.indexOf('open:') === 0) {
        target = document.querySelector('[data-open="' + cssEscape(options.focus.slice(5)) + '"]');
      } else if (options.focus) target = $(options.focus);
      if (options.focus && !target) target = $('home-title');
      if (target) target.focus();
    }).catch(function (err) { failed(err); });
  }

  function cssEscape(text) { return window.CSS && CSS.escape ? CSS.escape(text) : String(text).replace(/[^\w-]/g, ''); }

  function countNew(list) { return list.filter(function (r) { return r.status === 'new'; }).length; }

  // New requests first, then newest first (the server sorts the same way; this keeps
  // the promise even if it did not).
  function sortRequests(list) {
    return list.slice().sort(function (a, b) {
      return ((b.status === 'new') - (a.status === 'new')) || (b.created_at - a.created_at);
    });
  }

  function badge(status) {
    return el('span', { class: 'badge badge-' + String(status).replace(/[^a-z_]/g, ''), text: F.statusLabel(status) });
  }

  function timeNode(seconds, attr) {
    var node = el('time', { datetime: F.isoDateTime(seconds) });
    node.setAttribute(attr, String(seconds));
    node.textContent = attr === 'data-age' ? F.age(seconds) : F.until(seconds);
    return node;
  }

  function renderHome() {
    var body = $('home-body');
    var parts = [];
    if (!state.noAccess && state.list) {
      parts.push(el('p', { class: 'org' }, [t('home.org') + ' ', el('strong', { text: orgName(state.me.organization) })]));
      parts.push(el('p', { class: 'count', id: 'inbox-count' }, [
        el('strong', { text: t('home.new', { n: state.newCount }) }),
        ' ' + t('home.total', { n: state.list.length })
      ]));
      parts.push(el('p', { class: 'retention', text: t('home.retention') }));
      parts.push(el('p', { class: 'actions' }, [el('button', { type: 'button', class: 'btn secondary', id: 'refresh', text: t('home.refresh') })]));
      parts.push(state.list.length ? inboxTable(state.list) : el('p', { class: 'empty', text: t('home.empty') }));
      if (P.flood) parts.push(P.flood.section());
    } else {
      parts.push(el('div', { class: 'info-box', id: 'no-access' }, [
        el('p', {}, [el('strong', { text: t('noaccess.text') })]),
        el('p', { text: t('noaccess.more') })
      ]));
    }
    if (state.audit) parts.push(P.auditSection(state.audit));
    body.replaceChildren.apply(body, parts);
  }

  function inboxTable(list) {
    var rows = list.map(function (r) {
      var received = el('td', {}, [
        timeNode(r.created_at, 'data-age'),
        el('span', { class: 'sub', text: F.shortDateTime(r.created_at) })
      ]);
      var expires = F.expiresAt(r);
      var open = el('button', { type: 'button', class: 'btn small', 'data-open': r.id }, [
        t('home.open'),
        el('span', { class: 'vh', text: ' ' + t('home.open.context', { received: F.shortDateTime(r.created_at), status: F.statusLabel(r.status) }) })
      ]);
      return el('tr', { class: r.status === 'new' ? 'is-new' : null }, [
        received,
        el('td', {}, [badge(r.status)]),
        el('td', {}, [timeNode(expires, 'data-until'), el('span', { class: 'sub', text: F.date(expires) })]),
        el('td', {}, [open])
      ]);
    });
    // A focusable region, so the table can scroll sideways on a narrow screen (reflow).
    return window.HWStaffTable.build({
      id: 'inbox', captionId: 'inbox-caption', caption: t('home.caption'), rows: rows,
      columns: [t('home.col.received'), t('home.col.status'), t('home.col.expires'), t('home.col.action')]
    });
  }

  function onHomeSubmit(event) {
    if (event.target.id !== 'audit-filter') { if (P.flood) P.flood.onSubmit(event); return; }
    event.preventDefault();
    var form = event.target;
    P.applyAuditFilter({
      actor: form.elements.actor.value.trim(),
      action: form.elements.action.value,
      request: form.elements.request.value.trim()
    });
  }

  function onHomeClick(event) {
    var target = event.target.closest('button');
    if (!target) return;
    if (target.hasAttribute('data-open')) P.openRequest(target.getAttribute('data-open'));
    else if (target.id === 'refresh') {
      clearMessages();
      loadHome({ focus: 'refresh' }).then(function () {
        if (state.view === 'home' && state.list) notice(t('home.refreshed', { count: t('home.new', { n: state.newCount }) }));
      });
    } else if (target.id === 'audit-more') {
      P.loadOlderAudit();
    } else if (target.id === 'audit-clear') {
      P.applyAuditFilter({ actor: '', action: '', request: '' });
    } else if (target.id === 'audit-refresh') {
      clearMessages();
      loadHome({ focus: 'audit-refresh' }).then(function () {
        if (state.view === 'home' && state.audit) notice(t('audit.refreshed'));
      });
    }
  }

  P.badge = badge;
  P.loadHome = loadHome;
  P.onHomeClick = onHomeClick;
  P.onHomeSubmit = onHomeSubmit;
  P.orgName = orgName;
  P.renderHome = renderHome;
}(window.HWStaffPage));
