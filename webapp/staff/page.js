/*
 * The staff portal: login, the partner inbox, one opened request, the audit log for
 * administrators, the directory editor for editors (editor/), and the batch tools for a
 * flood of requests (flood.js). One page, everything in memory.
 *
 * Leaking nothing:
 * - Request content exists only in `state.current` and in #request-body (also the batch
 *   view of flood.js); both are emptied
 *   when the request is closed, on logout, when the session ends, and on pagehide (so the
 *   back/forward cache never holds it). Nothing goes into storage, the URL or the title.
 * - Every text from the server is put in with textContent, never as HTML.
 * - Nothing polls the server: polling would keep the session alive for ever, and the
 *   server's 30-minute idle limit is what protects an unattended screen.
 *
 * This file: the page object the portal's files share, window.HWStaffPage (P): the
 * state (P.state), the roles, the messages, the views and the navigation. The other
 * files (session.js, login.js, inbox.js, audit.js, request.js, then staff.js, which
 * starts the page) each add their functions to P; a function of another file is called
 * as P.name(...), found when called. P.editor and P.flood are set by staff.js.
 */
'use strict';
window.HWStaffPage = (function (P) {
  var F = window.HWStaffFormat;
  var t = F.t;

  var state = P.state = {
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
  var el = self.HW.dom.el;

  function hasRole(role) { return !!(state.me && Array.isArray(state.me.roles) && state.me.roles.indexOf(role) !== -1); }
  function isPartner() { return hasRole('partner') || !!(state.me && state.me.organization); }
  // Only the editor role sees the directory editor; partners and admins without it never do.
  function isEditor() { return hasRole('editor') && !!P.editor; }

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
    if (err && err.status === 401) { P.endSession('expired'); return; }
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
    $('nav-dirty').textContent = P.editor && P.editor.isDirty() ? ' ' + t('nav.unsaved') : '';
  }

  function onNavClick(event) {
    var target = event.target.closest('[data-nav]');
    if (!target || !state.me) return;
    var to = target.getAttribute('data-nav');
    clearMessages();
    if (to === 'home') P.loadHome({ focus: 'home-title' });
    else if (to === 'overview') P.editor.openOverview({});
    else if (to === 'editor') P.editor.openEditor({});
    else if (to === 'versions') P.editor.openVersions({});
  }

  // Where a session starts: the inbox for partners, the directory for editors who are not.
  function landing(options) {
    if (isEditor() && !isPartner()) return P.editor.openOverview({ focus: 'overview-title', message: options.message });
    return P.loadHome(options);
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

  P.$ = $;
  P.el = el;
  P.HEADINGS = HEADINGS;
  P.isEditor = isEditor;
  P.applyStaticTexts = applyStaticTexts;
  P.clearMessages = clearMessages;
  P.errorText = errorText;
  P.failed = failed;
  P.focusHeading = focusHeading;
  P.hasRole = hasRole;
  P.isPartner = isPartner;
  P.landing = landing;
  P.notice = notice;
  P.onNavClick = onNavClick;
  P.problem = problem;
  P.show = show;
  P.updateNav = updateNav;
  P.updateTitle = updateTitle;
  return P;
}({}));
