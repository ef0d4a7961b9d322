/*
 * The staff portal: the start of the page, the last of its scripts. It switches the
 * language, creates the directory editor (editor/) and the flood tools (flood.js) with
 * the page's helpers, connects the events of the views, and asks the server whether this
 * browser is logged in (GET session), which decides between the login form and home.
 * Promises: nothing runs before the texts are loaded (F.load); the back/forward cache
 * never keeps a request on screen (emptied on pagehide, asked again on pageshow); every
 * page object (P.*) is in place before anything runs.
 */
'use strict';
(function (P) {
  var F = window.HWStaffFormat, api = window.HWStaffApi, t = F.t;
  var state = P.state, $ = P.$, el = P.el;

  /* ---------- language ---------- */

  function switchLanguage() {
    F.setLanguage(F.language() === 'nl' ? 'en' : 'nl');
    P.applyStaticTexts();
    P.updateNav();
    if (P.editor) P.editor.rerender(state.view);
    if (state.view === 'home') P.renderHome();
    else if (state.view === 'request' && state.current) {
      P.renderRequest({
        status: $('status-select').value,
        note: $('note').value,
        confirming: !$('delete-confirm').hidden
      });
    }
    if (!$('login-error').hidden) $('login-error').hidden = true;
    P.setFieldError('email', '');
    P.setFieldError('password', '');
    P.clearMessages();
    P.updateTitle();
  }

  /* ---------- start ---------- */

  // The directory editor (editor/) gets the page's helpers.
  function createTools() {
    P.editor = window.HWStaffEditor ? window.HWStaffEditor.create({
      $: $, el: el, show: P.show, notice: P.notice, problem: P.problem, clearMessages: P.clearMessages,
      focusHeading: P.focusHeading, failed: P.failed, updateNav: P.updateNav,
      loggedIn: function () { return !!state.me; },
      me: function () { return state.me ? state.me.email : null; },
      view: function () { return state.view; }
    }) : null;

    // The batch tools for a flood of requests (flood.js).
    P.flood = typeof window.HWStaffFlood === 'function' ? window.HWStaffFlood({
      $: $, el: el, t: t, F: F, api: api, show: P.show, clearMessages: P.clearMessages, focusHeading: P.focusHeading,
      failed: P.failed, loadHome: P.loadHome
    }) : null;
  }

  function init() {
    createTools();
    P.applyStaticTexts();
    $('lang').hidden = false;
    $('login-form').addEventListener('submit', P.submitLogin);
    $('logout').addEventListener('click', P.logout);
    $('lang').addEventListener('click', switchLanguage);
    $('home-body').addEventListener('click', P.onHomeClick);
    $('home-body').addEventListener('submit', P.onHomeSubmit);
    $('request-body').addEventListener('click', P.onRequestClick);
    $('request-body').addEventListener('submit', P.onRequestSubmit);
    $('nav').addEventListener('click', P.onNavClick);
    window.setInterval(P.tick, 15000);
    document.addEventListener('visibilitychange', P.tick);

    // The back/forward cache must never keep a request on screen: empty it when the page
    // is left, and ask the server again when the page comes back.
    window.addEventListener('pagehide', function () {
      state.current = null;
      $('request-body').replaceChildren();
      if (state.view === 'request') P.show('home');
    });
    window.addEventListener('pageshow', function (event) {
      if (!event.persisted || !state.me) return;
      api.session().then(function () { P.landing({ focus: 'home-title' }); }, function (err) {
        if (err.status === 401) P.endSession('expired'); else P.failed(err);
      });
    });

    $('loading').hidden = false;
    api.session().then(function (me) {
      P.startSession(me, false);
    }, function (err) {
      P.showLogin();
      if (err.status !== 401) P.problem(P.errorText(err));
    });
  }

  // The texts first (webapp/i18n/staff/): without them there is no page to show, only a
  // plain sentence in both languages.
  F.load().then(init, function () {
    $('loading').hidden = true;
    P.problem('Het portaal kon niet laden. Laad de pagina opnieuw. / The portal could not load. Reload the page.');
  });
}(window.HWStaffPage));
