/*
 * The staff portal: login, the partner inbox, one opened request, the audit log for
 * administrators, (editor.js) the directory editor for editors, and (flood.js) the batch
 * tools for a flood of requests. One page, everything in memory.
 *
 * Leaking nothing:
 * - Request content exists only in `state.current` and in #request-body (also the batch
 *   view of flood.js); both are emptied
 *   when the request is closed, on logout, when the session ends, and on pagehide (so the
 *   back/forward cache never holds it). Nothing goes into storage, the URL or the title.
 * - Every text from the server is put in with textContent, never as HTML.
 * - Nothing polls the server: polling would keep the session alive for ever, and the
 *   server's 30-minute idle limit is what protects an unattended screen.
 */
'use strict';
(function () {
  var F = window.HWStaffFormat;
  var api = window.HWStaffApi;
  var t = F.t;

  var IDLE_LIMIT_MS = 30 * 60 * 1000;  // the server's idle limit
  var IDLE_WARN_MS = 28 * 60 * 1000;   // warn two minutes before it
  var NOTE_MAX = 2000;

  var state = {
    me: null,            // {email, roles, organization}; never the CSRF token (api.js keeps it)
    list: null,          // [{id, status, created_at, closed_at?}] or null
    newCount: 0,
    noAccess: false,
    audit: null,         // [{id, at, actor, action, organization, target}] or null, newest first
    auditNext: null,     // the id to ask for older entries with, or null at the oldest
    auditFilter: { actor: '', action: '', request: '' },
    current: null,       // the opened request as the server sent it
    view: 'loading',
    lastAnswer: 0,       // when the server last saw this session (restarts its idle timer)
    warned: false,
    busy: {},
    leaveConfirmed: false,  // "log out anyway" despite unsaved changes to the directory draft
    orgNames: null
  };

  function $(id) { return document.getElementById(id); }

  // el('p', {class: 'x', text: 'y', 'aria-describedby': 'z'}, [children]): builds DOM
  // without ever parsing HTML.
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
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function hasRole(role) { return !!(state.me && Array.isArray(state.me.roles) && state.me.roles.indexOf(role) !== -1); }
  function isPartner() { return hasRole('partner') || !!(state.me && state.me.organization); }
  // Only the editor role sees the directory editor; partners and admins without it never do.
  function isEditor() { return hasRole('editor') && !!editor; }

  /* ---------- messages ---------- */

  function notice(text) { $('notice').textContent = text || ''; }
  function problem(text) { $('problem').textContent = text || ''; }
  function clearMessages() { notice(''); problem(''); }

  function errorText(err) {
    if (err.status === 0) return t('err.network');
    if (err.code === 'csrf') return t('err.csrf');
    if (err.status === 503) return t('err.unavailable');
    return t('err.generic');
  }

  // Shared handling: a 401 ends the session; anything else is shown in `target`
  // (an inline error element of the action) or in the page's alert region.
  function failed(err, target) {
    if (err && err.status === 401) { endSession('expired'); return; }
    var text = errorText(err || {});
    if (target) target.textContent = text;
    else problem(text);
  }

  /* ---------- views ---------- */

  var VIEWS = ['login', 'home', 'request', 'overview', 'editor', 'versions'];
  var HEADINGS = { login: 'login-title', home: 'home-title', request: 'request-title', overview: 'overview-title',
    editor: 'editor-title', versions: 'versions-title' };

  function show(view) {
    state.view = view;
    $('loading').hidden = true;
    VIEWS.forEach(function (name) { $('view-' + name).hidden = name !== view; });
    updateNav();
    updateTitle();
  }

  function updateTitle() {
    if (state.view === 'login') document.title = t('page.title.login');
    else if (state.view === 'request') document.title = t('page.title.request');
    else if (state.view === 'home') {
      document.title = state.newCount > 0 ? t('page.title.home.new', { n: state.newCount }) : t('page.title.home');
    } else if (state.view === 'overview' || state.view === 'editor' || state.view === 'versions') {
      document.title = t('page.title.' + state.view);
    } else document.title = t('page.title');
  }

  // The navigation between the inbox or audit log and the parts of the directory editor;
  // only for editors. The current part has aria-current; unsaved changes are marked.
  function updateNav() {
    var nav = $('nav');
    var shown = !!state.me && isEditor();
    nav.hidden = !shown;
    if (!shown) return;
    var home = isPartner() || hasRole('admin');
    $('nav-home-item').hidden = !home;
    $('nav-home').textContent = t(isPartner() ? 'nav.inbox' : 'nav.audit');
    var current = state.view === 'request' ? 'home' : state.view;
    Array.prototype.forEach.call(nav.querySelectorAll('[data-nav]'), function (item) {
      if (item.getAttribute('data-nav') === current) item.setAttribute('aria-current', 'page');
      else item.removeAttribute('aria-current');
    });
    $('nav-dirty').textContent = editor && editor.isDirty() ? ' ' + t('nav.unsaved') : '';
  }

  function onNavClick(event) {
    var target = event.target.closest('[data-nav]');
    if (!target || !state.me) return;
    var to = target.getAttribute('data-nav');
    clearMessages();
    if (to === 'home') loadHome({ focus: 'home-title' });
    else if (to === 'overview') editor.openOverview({});
    else if (to === 'editor') editor.openEditor({});
    else if (to === 'versions') editor.openVersions({});
  }

  // Where a session starts: the inbox for partners, the directory for editors who are not.
  function landing(options) {
    if (isEditor() && !isPartner()) return editor.openOverview({ focus: 'overview-title', message: options.message });
    return loadHome(options);
  }

  function focusHeading(id) {
    var heading = $(id);
    if (heading) heading.focus();
  }

  function applyStaticTexts() {
    document.documentElement.lang = F.language();
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (node) {
      node.textContent = t(node.getAttribute('data-t'));
    });
    var other = F.language() === 'nl' ? 'en' : 'nl';
    var button = $('lang');
    button.textContent = t('lang.switch');
    button.setAttribute('lang', other);
    button.setAttribute('aria-label', t('lang.switch.label'));
    updateTitle();
  }

  /* ---------- session ---------- */

  function startSession(me, justLoggedIn) {
    state.me = { email: me.email, roles: me.roles || [], organization: me.organization || null };
    // GET session does not restart the server's idle timer: start from what it says is left.
    var left = typeof me.idle_seconds_left === 'number' ? me.idle_seconds_left * 1000 : IDLE_LIMIT_MS;
    state.lastAnswer = Date.now() - Math.max(0, IDLE_LIMIT_MS - left);
    state.warned = false;
    $('account-email').textContent = me.email;
    $('account').hidden = false;
    $('logout').hidden = false;
    landing({ focus: 'home-title', message: justLoggedIn ? t('login.done') : '' });
  }

  // Empties everything that came from the server after login.
  function clearContent() {
    state.list = null;
    state.audit = null;
    state.current = null;
    state.newCount = 0;
    state.noAccess = false;
    $('request-body').replaceChildren();
    $('home-body').replaceChildren();
    $('idle').replaceChildren();
    if (editor) editor.clear();
  }

  // fromOtherTab: another tab of this browser (same cookie, so the same session) ended it.
  function endSession(reason, fromOtherTab) {
    if (!fromOtherTab && state.me) broadcast({ type: 'end', reason: reason });
    api.forget();
    state.me = null;
    state.warned = false;
    state.busy = {};
    clearContent();
    $('account-email').textContent = '';
    $('account').hidden = true;
    $('logout').hidden = true;
    updateNav();
    showLogin();
    clearMessages();
    if (reason === 'expired') notice(t('session.expired'));
    else if (reason === 'loggedOut') notice(t('session.loggedOut'));
    else if (reason === 'logoutFailed') problem(t('session.logoutFailed'));
    focusHeading('login-title');
  }

  function logout() {
    if (state.busy.logout) return;
    // Unsaved changes to the directory draft would be lost: ask first.
    if (editor && editor.isDirty() && !state.leaveConfirmed) { askBeforeLogout(); return; }
    state.leaveConfirmed = false;
    state.busy.logout = true;
    api.logout().then(function () {
      endSession('loggedOut');
    }, function (err) {
      // The screen is emptied whatever happened; say so if the server did not confirm.
      endSession(err.status === 401 ? 'loggedOut' : 'logoutFailed');
    });
  }

  // Tabs of one browser share the session cookie, so they share the server's idle timer
  // and the end of the session. They tell each other over a BroadcastChannel: only the
  // words "touch" and "end" and a time, never content; nothing is stored.
  var channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('hulpwijzer-staff') : null;
  function broadcast(message) {
    if (channel) try { channel.postMessage(message); } catch (e) { /* closed */ }
  }
  if (channel) {
    channel.onmessage = function (event) {
      var message = event.data || {};
      if (!state.me) return;
      if (message.type === 'touch' && typeof message.at === 'number') {
        state.lastAnswer = Math.max(state.lastAnswer, message.at);
        if (state.warned) hideIdleWarning();
      } else if (message.type === 'end') {
        endSession(message.reason === 'expired' ? 'expired' : 'loggedOut', true);
      }
    };
  }

  // Follows the server's idle timer: every answer to a logged-in request restarts it, except
  // GET session, which only looks (so that asking whether one is logged in keeps nothing alive).
  api.onAnswer(function (status, method, path) {
    if (!state.me || status === 401 || status === 0) return;
    if (path === 'session' && (method === 'GET' || method === 'HEAD')) return;
    state.lastAnswer = Date.now();
    broadcast({ type: 'touch', at: state.lastAnswer });
    if (state.warned) hideIdleWarning();
  });

  function askBeforeLogout() {
    var anyway = el('button', { type: 'button', class: 'btn warning', id: 'logout-anyway', text: t('logout.unsaved.yes') });
    var back = el('button', { type: 'button', class: 'btn secondary', id: 'logout-back', text: t('logout.unsaved.no') });
    anyway.addEventListener('click', function () {
      state.leaveConfirmed = true;
      $('idle').replaceChildren();
      logout();
    });
    back.addEventListener('click', function () {
      $('idle').replaceChildren();
      clearMessages();
      editor.openEditor({});
    });
    $('idle').replaceChildren(el('div', { class: 'idle-in' }, [el('p', { text: t('logout.unsaved') }), anyway, ' ', back]));
    anyway.focus();
  }

  function showIdleWarning() {
    state.warned = true;
    var stay = el('button', { type: 'button', class: 'btn', text: t('session.stay') });
    stay.addEventListener('click', function () {
      api.stay().then(function () {
        hideIdleWarning();
        notice(t('session.extended'));
        focusHeading(HEADINGS[state.view] || 'home-title');
      }, function (err) { failed(err); });
    });
    var unsaved = editor && editor.isDirty() ? el('p', { text: t('session.warn.unsaved') }) : null;
    $('idle').replaceChildren(el('div', { class: 'idle-in' }, [el('p', { text: t('session.warn') }), unsaved, stay]));
  }

  function hideIdleWarning() {
    state.warned = false;
    $('idle').replaceChildren();
  }

  function tick() {
    if (!state.me) return;
    var idle = Date.now() - state.lastAnswer;
    if (idle >= IDLE_LIMIT_MS) {
      api.logout().catch(function () { /* the server ends it anyway */ });
      endSession('expired');
      return;
    }
    if (idle >= IDLE_WARN_MS && !state.warned) showIdleWarning();
    refreshAges();
  }

  function refreshAges() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-age]'), function (node) {
      node.textContent = F.age(Number(node.getAttribute('data-age')));
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-until]'), function (node) {
      node.textContent = F.until(Number(node.getAttribute('data-until')));
    });
  }

  /* ---------- login ---------- */

  function showLogin() {
    show('login');
    $('password').value = '';
    $('login-busy').textContent = '';
    setFieldError('email', '');
    setFieldError('password', '');
    $('login-error').hidden = true;
    $('login-error-text').textContent = '';
  }

  function setFieldError(field, text) {
    var error = $(field + '-error');
    var input = $(field);
    error.textContent = text;
    error.hidden = !text;
    $(field + '-field').classList.toggle('field-invalid', !!text);
    var described = [];
    if (text) described.push(field + '-error');
    if (!$('login-error').hidden) described.push('login-error-text');
    if (described.length) input.setAttribute('aria-describedby', described.join(' '));
    else input.removeAttribute('aria-describedby');
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  function showLoginError(text) {
    $('login-error-text').textContent = text;
    $('login-error').hidden = false;
    setFieldError('email', $('email-error').textContent);
    setFieldError('password', $('password-error').textContent);
    $('login-error').focus();
  }

  function submitLogin(event) {
    event.preventDefault();
    if (state.busy.login) return;
    clearMessages();
    $('login-error').hidden = true;
    $('login-error-text').textContent = '';
    var email = $('email').value.trim();
    var password = $('password').value;
    setFieldError('email', email ? '' : t('login.err.email'));
    setFieldError('password', password ? '' : t('login.err.password'));
    if (!email || !password) {
      $(email ? 'password' : 'email').focus();
      return;
    }
    state.busy.login = true;
    $('login-form').setAttribute('aria-busy', 'true');
    $('login-busy').textContent = t('login.busy');
    api.login(email, password).then(function (me) {
      $('password').value = '';
      startSession(me, true);
    }, function (err) {
      $('password').value = '';
      if (err.status === 401) showLoginError(t('login.err.failed'));
      else if (err.status === 429) showLoginError(t('login.err.tooMany', { n: Math.max(1, Math.ceil((err.retryAfter || 600) / 60)) }));
      else showLoginError(errorText(err));
    }).then(function () {
      state.busy.login = false;
      $('login-form').removeAttribute('aria-busy');
      $('login-busy').textContent = '';
    });
  }

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
      if (flood) parts.push(flood.section());
    } else {
      parts.push(el('div', { class: 'info-box', id: 'no-access' }, [
        el('p', {}, [el('strong', { text: t('noaccess.text') })]),
        el('p', { text: t('noaccess.more') })
      ]));
    }
    if (state.audit) parts.push(auditSection(state.audit));
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
    var table = el('table', { class: 'table', id: 'inbox' }, [
      el('caption', { id: 'inbox-caption', class: 'vh', text: t('home.caption') }),
      el('thead', {}, [el('tr', {}, [
        el('th', { scope: 'col', text: t('home.col.received') }),
        el('th', { scope: 'col', text: t('home.col.status') }),
        el('th', { scope: 'col', text: t('home.col.expires') }),
        el('th', { scope: 'col', text: t('home.col.action') })
      ])]),
      el('tbody', {}, rows)
    ]);
    // A focusable region, so the table can scroll sideways on a narrow screen (reflow).
    return el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'inbox-caption' }, [table]);
  }

  // The actions the filter offers; a family (set_status) matches each of its kinds.
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
      el('td', { text: e.organization ? orgName(e.organization) : t('audit.none') }),
      el('td', { class: 'break' }, [e.target ? el('code', { text: e.target }) : t('audit.none')])
    ]);
  }

  function auditSection(entries) {
    var filtered = state.auditFilter.actor || state.auditFilter.action || state.auditFilter.request;
    var content;
    if (!entries.length) content = el('p', { class: 'empty', text: t(filtered ? 'audit.empty.filtered' : 'audit.empty') });
    else {
      content = el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'audit-caption' }, [
        el('table', { class: 'table', id: 'audit' }, [
          el('caption', { id: 'audit-caption', class: 'vh', text: t('audit.caption') }),
          el('thead', {}, [el('tr', {}, [
            el('th', { scope: 'col', text: t('audit.col.at') }),
            el('th', { scope: 'col', text: t('audit.col.actor') }),
            el('th', { scope: 'col', text: t('audit.col.action') }),
            el('th', { scope: 'col', text: t('audit.col.org') }),
            el('th', { scope: 'col', text: t('audit.col.target') })
          ])]),
          el('tbody', { id: 'audit-rows' }, entries.map(auditRow))
        ])
      ]);
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
    loadHome({ focus: 'audit-title' });
  }

  function onHomeSubmit(event) {
    if (event.target.id !== 'audit-filter') { if (flood) flood.onSubmit(event); return; }
    event.preventDefault();
    var form = event.target;
    applyAuditFilter({
      actor: form.elements.actor.value.trim(),
      action: form.elements.action.value,
      request: form.elements.request.value.trim()
    });
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
      renderHome();
      var rows = document.querySelectorAll('#audit-rows tr');
      var target = rows[first] || $('audit-title');
      if (target !== $('audit-title')) target.setAttribute('tabindex', '-1');
      target.focus();
    }, function (err) { failed(err); }).then(function () { state.busy.audit = false; });
  }

  function onHomeClick(event) {
    var target = event.target.closest('button');
    if (!target) return;
    if (target.hasAttribute('data-open')) openRequest(target.getAttribute('data-open'));
    else if (target.id === 'refresh') {
      clearMessages();
      loadHome({ focus: 'refresh' }).then(function () {
        if (state.view === 'home' && state.list) notice(t('home.refreshed', { count: t('home.new', { n: state.newCount }) }));
      });
    } else if (target.id === 'audit-more') {
      loadOlderAudit();
    } else if (target.id === 'audit-clear') {
      applyAuditFilter({ actor: '', action: '', request: '' });
    } else if (target.id === 'audit-refresh') {
      clearMessages();
      loadHome({ focus: 'audit-refresh' }).then(function () {
        if (state.view === 'home' && state.audit) notice(t('audit.refreshed'));
      });
    }
  }

  /* ---------- one request ---------- */

  function openRequest(id) {
    if (state.busy.open) return;
    state.busy.open = true;
    clearMessages();
    api.request(id).then(function (data) {
      if (!state.me) return;
      state.current = data;
      renderRequest({});
      show('request');
      focusHeading('request-title');
    }, function (err) {
      if (err.status === 404) loadHome({ focus: 'home-title', message: '' }).then(function () { problem(t('request.gone')); });
      else if (err.status === 403 && (err.code === 'no_key' || err.code === 'forbidden')) problem(t('request.noKey'));
      else failed(err);
    }).then(function () { state.busy.open = false; });
  }

  function closeRequest(options) {
    var id = state.current && state.current.id;
    state.current = null;
    $('request-body').replaceChildren();
    clearMessages();
    return loadHome({ focus: options && options.focus ? options.focus : 'open:' + id, message: options && options.message });
  }

  function fact(label, value, extra) {
    return el('div', { class: 'fact' + (extra && extra.caution ? ' caution' : '') }, [
      el('dt', {}, [label, extra && extra.hint ? el('span', { class: 'hint', text: extra.hint }) : null]),
      el('dd', {}, Array.isArray(value) ? value : [value])
    ]);
  }

  function contactFacts(r) {
    var facts = [];
    var channel = r.channel === 'email' ? 'email' : 'phone';
    facts.push(fact(t('request.channel'), t('request.channel.' + channel)));
    if (channel === 'phone' && r.phone) {
      var tel = String(r.phone).replace(/[^\d+]/g, '');
      facts.push(fact(t('request.phone'), el('a', { href: 'tel:' + tel, class: 'big', dir: 'ltr', text: r.phone })));
    }
    if (channel === 'email' && r.email) {
      facts.push(fact(t('request.email'), el('a', { href: 'mailto:' + encodeURIComponent(r.email).replace('%40', '@'), class: 'big break', dir: 'ltr', text: r.email })));
    }
    var times = (Array.isArray(r.safe_times) ? r.safe_times : []).map(function (s) {
      var key = 'safe.' + s;
      var text = t(key);
      return el('li', { text: text === key ? String(s) : text });
    });
    facts.push(fact(t('request.safeTimes'), times.length ? el('ul', { class: 'plain' }, times) : t('request.safeTimes.none')));
    facts.push(fact(t('request.voicemail'), el('span', { class: r.voicemail_ok ? 'yes' : 'no', text: t(r.voicemail_ok ? 'request.voicemail.yes' : 'request.voicemail.no') }),
      { caution: !r.voicemail_ok }));
    facts.push(fact(t('request.identify'), el('span', { class: r.may_identify ? 'yes' : 'no', text: t(r.may_identify ? 'request.identify.yes' : 'request.identify.no') }),
      { caution: !r.may_identify, hint: t('request.identify.hint') }));
    facts.push(fact(t('request.codeWord'), r.code_word
      ? [el('strong', { class: 'content big', dir: 'auto', text: r.code_word }), el('span', { class: 'hint', text: t('request.codeWord.hint') })]
      : t('request.codeWord.none')));
    facts.push(fact(t('request.language'), F.languageName(r.language)));
    facts.push(fact(t('request.message'), r.message
      ? el('p', { class: 'content message', id: 'request-message', dir: 'auto', text: r.message })
      : t('request.message.none')));
    return el('dl', { class: 'facts' }, facts);
  }

  function retentionText(r) {
    var expires = F.expiresAt(r);
    if (r.status === 'closed' && typeof r.closed_at === 'number') {
      return t('retention.closed', { closed: F.date(r.closed_at), date: F.date(expires) });
    }
    return t('retention.open', { date: F.date(expires) });
  }

  // draft: {status, note, confirming} to keep what was typed when the language changes.
  function renderRequest(draft) {
    var r = state.current;
    var content = r.request || {};
    var statusSelect = el('select', { id: 'status-select', name: 'status', 'aria-describedby': 'status-hint' },
      F.STATUSES.map(function (s) { return el('option', { value: s, text: F.statusLabel(s) }); }));
    statusSelect.value = draft.status || r.status;
    var note = el('textarea', {
      id: 'note', name: 'note', rows: '5', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'sentences',
      'aria-describedby': 'note-hint', dir: 'auto'
    });
    note.value = draft.note !== undefined ? draft.note : (typeof r.note === 'string' ? r.note : '');

    var body = $('request-body');
    body.replaceChildren(
      el('p', { class: 'back-row' }, [el('button', { type: 'button', class: 'btn-link back', id: 'back', text: t('request.back') })]),
      el('h1', { id: 'request-title', tabindex: '-1', text: t('request.title') }),
      el('p', { class: 'meta' }, [
        t('request.received', { date: F.dateTime(r.created_at), age: F.age(r.created_at) }), ' ',
        el('span', { id: 'request-status' }, [badge(r.status)])
      ]),
      el('section', { class: 'card', 'aria-labelledby': 'reach-title' }, [
        el('h2', { id: 'reach-title', text: t('request.reach') }),
        contactFacts(content)
      ]),
      el('section', { class: 'card', 'aria-labelledby': 'status-title' }, [
        el('h2', { id: 'status-title', text: t('status.title') }),
        el('form', { id: 'status-form', class: 'form', novalidate: true }, [
          el('div', { class: 'field' }, [
            el('label', { for: 'status-select', text: t('status.label') }),
            el('p', { class: 'hint', id: 'status-hint', text: t('status.hint') }),
            el('p', { class: 'field-error', id: 'status-error', role: 'alert' }),
            statusSelect
          ]),
          el('button', { type: 'submit', class: 'btn', text: t('status.save') }),
          el('p', { class: 'saved', id: 'status-saved', role: 'status' })
        ]),
        el('h3', { class: 'small-title', id: 'retention-title', text: t('retention.title') }),
        el('p', { id: 'retention', class: 'retention', text: retentionText(r) })
      ]),
      el('section', { class: 'card', 'aria-labelledby': 'note-title' }, [
        el('h2', { id: 'note-title', text: t('note.title') }),
        el('form', { id: 'note-form', class: 'form', novalidate: true }, [
          el('div', { class: 'field' }, [
            el('label', { for: 'note', text: t('note.label') }),
            el('p', { class: 'hint', id: 'note-hint', text: t('note.hint') }),
            el('p', { class: 'field-error', id: 'note-error', role: 'alert' }),
            note
          ]),
          el('button', { type: 'submit', class: 'btn', text: t('note.save') }),
          el('p', { class: 'saved', id: 'note-saved', role: 'status' })
        ])
      ]),
      el('section', { class: 'card danger', 'aria-labelledby': 'delete-title' }, [
        el('h2', { id: 'delete-title', text: t('delete.title') }),
        el('button', { type: 'button', class: 'btn warning', id: 'delete-start', text: t('delete.button'), hidden: !!draft.confirming }),
        el('div', { id: 'delete-confirm', class: 'confirm', hidden: !draft.confirming }, [
          el('p', { id: 'delete-question', class: 'confirm-q', tabindex: '-1' }, [el('strong', { text: t('delete.confirm.title') })]),
          el('p', { id: 'delete-text', text: t('delete.confirm.text') }),
          el('p', { class: 'actions' }, [
            el('button', { type: 'button', class: 'btn warning', id: 'delete-yes', 'aria-describedby': 'delete-text', text: t('delete.confirm.yes') }),
            ' ',
            el('button', { type: 'button', class: 'btn secondary', id: 'delete-no', text: t('delete.confirm.no') })
          ])
        ]),
        el('p', { class: 'field-error', id: 'delete-error', role: 'alert' })
      ]),
      el('p', { class: 'back-row' }, [el('button', { type: 'button', class: 'btn-link back', id: 'back-bottom', text: t('request.back') })])
    );
  }

  function setInlineError(controlId, errorId, text) {
    var error = $(errorId);
    var control = $(controlId);
    error.textContent = text || '';
    if (!control) return;
    var ids = (control.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== errorId; });
    if (text) { ids.push(errorId); control.setAttribute('aria-invalid', 'true'); }
    else control.removeAttribute('aria-invalid');
    control.setAttribute('aria-describedby', ids.join(' '));
  }

  function saveStatus(event) {
    event.preventDefault();
    var r = state.current;
    if (!r || state.busy.status) return;
    var value = $('status-select').value;
    setInlineError('status-select', 'status-error', '');
    $('status-saved').textContent = '';
    state.busy.status = true;
    api.update(r.id, { status: value }).then(function () {
      if (state.current !== r) return;
      var wasClosed = r.status === 'closed';
      r.status = value;
      if (value === 'closed' && !wasClosed) r.closed_at = Math.floor(Date.now() / 1000);
      if (value !== 'closed') delete r.closed_at;
      $('request-status').replaceChildren(badge(value));
      $('retention').textContent = retentionText(r);
      $('status-saved').textContent = t('status.saved', { status: F.statusLabel(value) });
    }, function (err) {
      if (state.current !== r) return;
      if (err.status === 401) failed(err);
      else setInlineError('status-select', 'status-error', errorText(err));
    }).then(function () { state.busy.status = false; });
  }

  function saveNote(event) {
    event.preventDefault();
    var r = state.current;
    if (!r || state.busy.note) return;
    var text = $('note').value;
    $('note-saved').textContent = '';
    if (text.length > NOTE_MAX) {
      setInlineError('note', 'note-error', t('note.tooLong'));
      $('note').focus();
      return;
    }
    setInlineError('note', 'note-error', '');
    var empty = text.trim() === '';
    state.busy.note = true;
    api.update(r.id, { note: empty ? null : text }).then(function () {
      if (state.current !== r) return;
      r.note = empty ? null : text;
      if (empty) $('note').value = '';
      $('note-saved').textContent = t(empty ? 'note.removed' : 'note.saved');
    }, function (err) {
      if (state.current !== r) return;
      if (err.status === 401) { failed(err); return; }
      setInlineError('note', 'note-error', err.field === 'note' && err.status === 400 ? t('note.tooLong') : errorText(err));
    }).then(function () { state.busy.note = false; });
  }

  function deleteRequest() {
    var r = state.current;
    if (!r || state.busy.remove) return;
    state.busy.remove = true;
    $('delete-error').textContent = '';
    api.remove(r.id).then(function () {
      if (state.current !== r) return;
      closeRequest({ focus: 'home-title', message: t('delete.done') });
    }, function (err) {
      if (state.current !== r) return;
      if (err.status === 404) { closeRequest({ focus: 'home-title', message: t('request.gone') }); return; }
      failed(err, $('delete-error'));
    }).then(function () { state.busy.remove = false; });
  }

  function onRequestClick(event) {
    if (flood && flood.onClick(event)) return;
    var target = event.target.closest('button');
    if (!target) return;
    if (target.id === 'back' || target.id === 'back-bottom') closeRequest();
    else if (target.id === 'delete-start') {
      $('delete-start').hidden = true;
      $('delete-confirm').hidden = false;
      $('delete-question').focus();
    } else if (target.id === 'delete-no') {
      $('delete-confirm').hidden = true;
      $('delete-start').hidden = false;
      $('delete-start').focus();
    } else if (target.id === 'delete-yes') deleteRequest();
  }

  function onRequestSubmit(event) {
    if (event.target.id === 'status-form') saveStatus(event);
    else if (event.target.id === 'note-form') saveNote(event);
  }

  /* ---------- language ---------- */

  function switchLanguage() {
    F.setLanguage(F.language() === 'nl' ? 'en' : 'nl');
    applyStaticTexts();
    updateNav();
    if (editor) editor.rerender(state.view);
    if (state.view === 'home') renderHome();
    else if (state.view === 'request' && state.current) {
      renderRequest({
        status: $('status-select').value,
        note: $('note').value,
        confirming: !$('delete-confirm').hidden
      });
    }
    if (!$('login-error').hidden) $('login-error').hidden = true;
    setFieldError('email', '');
    setFieldError('password', '');
    clearMessages();
    updateTitle();
  }

  /* ---------- start ---------- */

  // The directory editor (editor.js) gets the page's helpers.
  var editor = typeof window.HWStaffEditor === 'function' ? window.HWStaffEditor({
    $: $, el: el, show: show, notice: notice, problem: problem, clearMessages: clearMessages,
    focusHeading: focusHeading, failed: failed, updateNav: updateNav,
    loggedIn: function () { return !!state.me; },
    me: function () { return state.me ? state.me.email : null; },
    view: function () { return state.view; }
  }) : null;

  // The batch tools for a flood of requests (flood.js).
  var flood = typeof window.HWStaffFlood === 'function' ? window.HWStaffFlood({
    $: $, el: el, t: t, F: F, api: api, show: show, clearMessages: clearMessages, focusHeading: focusHeading,
    failed: failed, loadHome: loadHome
  }) : null;

  function init() {
    applyStaticTexts();
    $('lang').hidden = false;
    $('login-form').addEventListener('submit', submitLogin);
    $('logout').addEventListener('click', logout);
    $('lang').addEventListener('click', switchLanguage);
    $('home-body').addEventListener('click', onHomeClick);
    $('home-body').addEventListener('submit', onHomeSubmit);
    $('request-body').addEventListener('click', onRequestClick);
    $('request-body').addEventListener('submit', onRequestSubmit);
    $('nav').addEventListener('click', onNavClick);
    window.setInterval(tick, 15000);
    document.addEventListener('visibilitychange', tick);

    // The back/forward cache must never keep a request on screen: empty it when the page
    // is left, and ask the server again when the page comes back.
    window.addEventListener('pagehide', function () {
      state.current = null;
      $('request-body').replaceChildren();
      if (state.view === 'request') show('home');
    });
    window.addEventListener('pageshow', function (event) {
      if (!event.persisted || !state.me) return;
      api.session().then(function () { landing({ focus: 'home-title' }); }, function (err) {
        if (err.status === 401) endSession('expired'); else failed(err);
      });
    });

    $('loading').hidden = false;
    api.session().then(function (me) {
      startSession(me, false);
    }, function (err) {
      showLogin();
      if (err.status !== 401) problem(errorText(err));
    });
  }

  init();
}());
