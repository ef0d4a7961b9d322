/*
 * The staff portal: the session. Its start (from GET session or a login), its end
 * (logout, the idle limit, a 401, another tab), the idle warning two minutes before the
 * server's 30-minute limit (WCAG 2.2.1, "Ingelogd blijven"), and the tabs of one browser
 * sharing that timer and that end over a BroadcastChannel.
 * Promises: the end of a session empties every view and every request in memory; tabs
 * tell each other only "touch" with a time or "end", never content; nothing polls the
 * server (only answers to the page's own requests restart the clock).
 */
'use strict';
(function (P) {
  var F = window.HWStaffFormat, api = window.HWStaffApi, t = F.t;
  var state = P.state, $ = P.$, el = P.el;
  var clearMessages = P.clearMessages, failed = P.failed, focusHeading = P.focusHeading, landing = P.landing;
  var notice = P.notice, problem = P.problem, updateNav = P.updateNav;

  var IDLE_LIMIT_MS = 30 * 60 * 1000;  // the server's idle limit
  var IDLE_WARN_MS = 28 * 60 * 1000;   // warn two minutes before it

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
    if (P.editor) P.editor.clear();
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
    P.showLogin();
    clearMessages();
    if (reason === 'expired') notice(t('session.expired'));
    else if (reason === 'loggedOut') notice(t('session.loggedOut'));
    else if (reason === 'logoutFailed') problem(t('session.logoutFailed'));
    focusHeading('login-title');
  }

  function logout() {
    if (state.busy.logout) return;
    // Unsaved changes to the directory draft would be lost: ask first.
    if (P.editor && P.editor.isDirty() && !state.leaveConfirmed) { askBeforeLogout(); return; }
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
      P.editor.openEditor({});
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
        focusHeading(P.HEADINGS[state.view] || 'home-title');
      }, function (err) { failed(err); });
    });
    var unsaved = P.editor && P.editor.isDirty() ? el('p', { text: t('session.warn.unsaved') }) : null;
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

  P.endSession = endSession;
  P.logout = logout;
  P.startSession = startSession;
  P.tick = tick;
}(window.HWStaffPage));
