/*
 * Hulpwijzer resident app: the questionnaire, the result, all help, signs, browsing
 * safely, keeping the app offline, and the language switch.
 *
 * The first screen (quick exit, 112, the first question) is plain HTML and works without
 * this script. Once the texts, the questionnaire and the directory have loaded, the app
 * takes over. Everything the resident tells stays in memory (`state`): no pushState, no
 * hash changes, no URL with answers, no cookies, no web storage. Screens are a stack in
 * memory; "Terug" pops it.
 *
 * This file: the state, texts, the screen stack, events, languages and the start. The
 * screens themselves are in resident/screens.js (HW.residentScreens), which gets what
 * this file owns once everything has loaded.
 *
 * Uses HW.dom (common/dom.js), HW.routing, HW.schedule, HW.orgCard, HW.keep and HW.exit
 * (components/*), and HW.contactRequest when it loaded (without it, no organisation
 * offers the form).
 */
(function () {
  'use strict';
  var HW = self.HW || {};
  var R = HW.routing, Contact = HW.contactRequest, dom = HW.dom;
  var doc = document, root = doc.documentElement;
  function $(id) { return doc.getElementById(id); }
  var appEl = $('app'), live = $('live'), langBtn = $('lang'), foot = $('foot');
  if (!dom || !HW.residentScreens || !R || !HW.schedule || !HW.reach || !HW.orgCard || !HW.keep || !appEl || !window.fetch) return; // stay plain HTML

  // The question and option ids the interface itself depends on (not routing: the rules
  // are data). danger=yes shows the "Bel nu 112" screen (screens.js has the others).
  var DANGER = 'danger', YES = 'yes';
  // An editor's preview of a draft serves the page with data-api-base="/staff/preview".
  var API_BASE = document.documentElement.getAttribute('data-api-base') || '';
  var API_QUESTIONNAIRE = API_BASE + '/api/v1/questionnaire', API_DIRECTORY = API_BASE + '/api/v1/directory';

  var texts = {}, qn = null, dir = null, orgs = {}, first = null, ready = false, pending = null;
  var S = null;  // the screens (resident/screens.js), once everything has loaded
  // All the resident tells, in memory only.
  var state = { lang: 'nl', answers: {}, stack: [], filter: { topic: '', q: '' }, kept: null, keepMsg: '' };

  // ---- texts -----------------------------------------------------------------------

  function t(key, vars) {
    var s = (texts[state.lang] || {})[key];
    if (s == null) s = (texts.nl || {})[key];
    if (s == null) return '';
    if (vars && typeof s === 'string') {
      s = s.replace(/\{(\w+)\}/g, function (m, k) { return vars[k] != null ? vars[k] : m; });
    }
    return s;
  }
  // A data text ({"nl": ..., "en": ...}) in the current language.
  function L(x) {
    if (x == null) return '';
    return typeof x === 'string' ? x : (x[state.lang] || x.nl || '');
  }
  function fill(s) { return String(s).replace(/\{host\}/g, location.host); }

  // ---- DOM -------------------------------------------------------------------------

  // Element builder (common/dom.js): text through textContent only, never HTML.
  var h = dom.el, add = dom.append, clear = dom.clear;
  function btn(label, go, cls) { return h('button', { type: 'button', class: cls || 'btn', 'data-go': go, text: label }); }
  function title(text) { return h('h1', { id: 'sh', tabindex: '-1', text: text }); }
  function ctx(extra) {
    var c = { h: h, t: t, L: L, lang: state.lang, now: new Date() };
    for (var k in extra) c[k] = extra[k];
    return c;
  }

  var liveTimer = 0;
  function announce(msg) {
    clearTimeout(liveTimer);
    live.textContent = '';
    liveTimer = setTimeout(function () { live.textContent = msg; }, 150);
  }

  // ---- navigation (in memory) --------------------------------------------------------

  function current() { return state.stack[state.stack.length - 1]; }
  function go(entry) { state.stack.push(entry); render(true); }
  function back() { if (state.stack.length > 1) state.stack.pop(); render(true); }
  function show(s) { if (current().s !== s) go({ s: s }); else render(true); }

  function next(afterId) {
    var id = R.nextQuestion(qn, state.answers, afterId);
    go(id ? { s: 'q', id: id } : { s: 'result' });
  }
  function answer(qid, oid) {
    state.answers[qid] = oid;
    if (qid === DANGER && oid === YES) go({ s: 'call' });
    else next(qid);
  }

  function render(focus) {
    var cur = current();
    var sec = h('section', { class: 'screen', 'aria-labelledby': 'sh' });
    if (state.stack.length > 1) sec.appendChild(btn(t('back'), 'back', 'lnk back'));
    add(sec, S.screens[cur.s](cur));
    if (Contact) Contact.wipe(appEl); // a form that is left behind keeps no values
    clear(appEl);
    appEl.appendChild(sec);
    renderNav();
    if (focus) {
      window.scrollTo(0, 0);
      $('sh').focus();
    }
  }

  function renderNav() {
    var cur = current().s;
    var items = [['start', 'nav_start'], ['all', 'nav_all'], ['signs', 'nav_signs'], ['safety', 'nav_safety'], ['keep', 'nav_keep']];
    clear(foot);
    foot.appendChild(h('nav', { 'aria-label': t('nav_label') }, h('ul', { class: 'nav' }, items.map(function (i) {
      var on = i[0] === cur || (i[0] === 'start' && cur === 'q');
      return h('li', null, h('button', {
        type: 'button', class: 'lnk', 'data-go': i[0], 'aria-current': on ? 'page' : null, text: t(i[1])
      }));
    }))));
    foot.hidden = false;
  }

  // ---- events (delegated) ------------------------------------------------------------

  function action(what, el) {
    var cur = current();
    switch (what) {
      case 'back': back(); break;
      case 'skip':
        if (cur.s === 'q') { state.answers[cur.id] = null; next(cur.id); }
        break;
      case 'next': if (cur.s === 'q') next(cur.id); break;
      case 'continue': next(DANGER); break;
      case 'restart': // a clean slate: answers and search words gone
        state.answers = {};
        state.filter = { topic: '', q: '' };
        state.stack = [{ s: 'q', id: first }];
        render(true);
        break;
      case 'start': go({ s: 'q', id: first }); break;
      case 'keep': state.keepMsg = ''; show(what); break;
      case 'all': case 'signs': case 'safety': show(what); break;
      case 'contact':
        if (Contact && orgs[el.getAttribute('data-org')]) go({ s: 'contact', org: el.getAttribute('data-org') });
        break;
      default: if (what.indexOf('keep-') === 0) S.keepAction(what);
    }
  }

  doc.addEventListener('click', function (e) {
    var el = e.target && e.target.closest ? e.target.closest('a,button') : null;
    if (!el || el.classList.contains('exit') || el === langBtn) return;
    var o = el.getAttribute('data-o'), what = el.getAttribute('data-go'), href = el.getAttribute('href');
    if (!ready) {
      // Before the app took over the plain HTML links work as without JavaScript;
      // remember where the resident wanted to go.
      if (o || what) pending = { q: el.getAttribute('data-q'), o: o, go: what };
      return;
    }
    if (o) { e.preventDefault(); answer(el.getAttribute('data-q'), o); }
    else if (what) { e.preventDefault(); action(what, el); }
    else if (href && href.charAt(0) === '#') {
      // In-page links never change the URL (that would add history entries).
      e.preventDefault();
      var target = href.length > 1 ? $(href.slice(1)) : null;
      if (target) { if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1'); target.focus(); }
    }
  });

  doc.addEventListener('change', function (e) {
    var el = e.target;
    if (!ready || !el) return;
    if (el.type === 'checkbox' && el.name && current().s === 'q' && el.name === current().id) {
      state.answers[el.name] = [].map.call(doc.querySelectorAll('input[type="checkbox"][name="' + el.name + '"]:checked'),
        function (x) { return x.value; });
    } else if (el.getAttribute('data-filter') === 'topic') {
      state.filter.topic = el.value;
      S.refreshList();
    }
  });

  doc.addEventListener('input', function (e) {
    var el = e.target;
    if (ready && el && el.getAttribute('data-filter') === 'q') {
      state.filter.q = el.value;
      S.refreshList();
    }
  });

  // ---- languages ---------------------------------------------------------------------

  function getJSON(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.json();
    });
  }
  function loadLang(l) {
    if (texts[l]) return Promise.resolve();
    var url = root.getAttribute('data-' + l);
    if (!url) return Promise.reject(new Error('no texts for ' + l));
    return getJSON(url).then(function (d) { texts[l] = d; });
  }
  function applyStatic() {
    [].forEach.call(doc.querySelectorAll('[data-t]'), function (el) { el.textContent = t(el.getAttribute('data-t')); });
    [].forEach.call(doc.querySelectorAll('[data-t-label]'), function (el) { el.setAttribute('aria-label', t(el.getAttribute('data-t-label'))); });
    var sw = t('switch') || {};
    langBtn.textContent = sw.label || '';
    langBtn.lang = sw.to || '';
    doc.title = t('title');
  }
  function setLang(l) {
    state.lang = l;
    root.lang = l;
    root.dir = t('dir') || 'ltr';
    applyStatic();
    render(false);
    announce(t('lang_changed'));
  }
  langBtn.addEventListener('click', function () {
    if (!ready) return;
    var to = (t('switch') || {}).to;
    if (!to) return;
    langBtn.disabled = true;
    loadLang(to).then(function () { setLang(to); }, function () { announce(t('lang_failed')); })
      .then(function () { langBtn.disabled = false; });
  });

  // ---- start -------------------------------------------------------------------------

  // The non-critical stylesheets come in as media="print" (never render-blocking);
  // switch them on once loaded.
  function lazyCss() {
    return Promise.all([].map.call(doc.querySelectorAll('link[data-lazy]'), function (l) {
      return new Promise(function (resolve) {
        if (l.sheet) resolve();
        else { l.addEventListener('load', resolve); l.addEventListener('error', resolve); }
      }).then(function () { l.media = 'all'; });
    }));
  }

  // Residents see verified details only (the API already removes the others).
  function index() {
    dir.organizations.forEach(function (o) {
      if (o.website && o.website.verified === false) delete o.website;
      o.services = (o.services || []).filter(function (s) { return s.status !== 'inactive'; });
      o.services.forEach(function (s) {
        s.phones = (s.phones || []).filter(function (p) { return p.verified !== false && p.tel; });
        if (s.chat && s.chat.verified === false) delete s.chat;
      });
      orgs[o.key] = o;
    });
  }

  function takeover() {
    first = R.nextQuestion(qn, {}, null);
    S = HW.residentScreens({
      state: state, qn: qn, dir: dir, orgs: orgs, first: first, $: $,
      t: t, L: L, fill: fill, ctx: ctx, btn: btn, title: title,
      announce: announce, render: render, current: current
    });
    state.stack = [{ s: 'q', id: first }];
    var start = $('start'), active = doc.activeElement, refocus = null;
    if (start && start.contains(active)) {
      refocus = active.getAttribute('data-o') ? '[data-o="' + active.getAttribute('data-o') + '"]'
        : active.getAttribute('data-go') ? '[data-go="' + active.getAttribute('data-go') + '"]' : null;
    }
    root.classList.add('js');
    langBtn.hidden = false;
    applyStatic();
    ready = true;
    var p = pending;
    pending = null;
    if (p && p.o && p.q) answer(p.q, p.o);
    else if (p && p.go) action(p.go);
    else if (location.hash === '#alle-hulp') show('all');
    else {
      render(false);
      var el = refocus && appEl.querySelector(refocus);
      if (el) el.focus();
    }
  }

  Promise.all([
    getJSON(root.getAttribute('data-nl')), getJSON(API_QUESTIONNAIRE), getJSON(API_DIRECTORY), lazyCss()
  ]).then(function (r) {
    texts.nl = r[0];
    qn = r[1];
    dir = r[2];
    index();
    takeover();
  }).catch(function (e) {
    // Keep the plain HTML page: exit, 112 and the full list of help still work.
    ready = false;
    if (self.console) console.warn('Hulpwijzer stays in plain mode:', e && e.message);
  });
})();
