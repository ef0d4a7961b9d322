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
 * Uses HW.routing, HW.schedule, HW.orgCard, HW.keep and HW.exit (components/*), and
 * HW.contactRequest when it loaded (without it, no organisation offers the form).
 */
(function () {
  'use strict';
  var HW = self.HW || {};
  var R = HW.routing, Card = HW.orgCard, Keep = HW.keep, Contact = HW.contactRequest;
  var doc = document, root = doc.documentElement;
  function $(id) { return doc.getElementById(id); }
  var appEl = $('app'), live = $('live'), langBtn = $('lang'), foot = $('foot');
  if (!R || !HW.schedule || !HW.reach || !Card || !Keep || !appEl || !window.fetch) return; // stay plain HTML

  // The question and option ids the interface itself depends on (not routing: the rules
  // are data). danger=yes shows the "Bel nu 112" screen; who=other switches the texts to
  // text_other / label_other.
  var DANGER = 'danger', YES = 'yes', WHO = 'who', OTHER = 'other', PROFESSIONAL = 'professional';
  var CATEGORIES = ['emergency', 'domestic-violence', 'sexual-violence', 'victim-support', 'professional', 'programme'];
  // An editor's preview of a draft serves the page with data-api-base="/staff/preview".
  var API_BASE = document.documentElement.getAttribute('data-api-base') || '';
  var API_QUESTIONNAIRE = API_BASE + '/api/v1/questionnaire', API_DIRECTORY = API_BASE + '/api/v1/directory';

  var texts = {}, qn = null, dir = null, orgs = {}, first = null, ready = false, pending = null;
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

  // Element builder: text through textContent only, never HTML.
  function h(tag, props, kids) {
    var el = doc.createElement(tag);
    for (var k in props) {
      var v = props[k];
      if (v == null || v === false) continue;
      if (k === 'text') el.textContent = v;
      else if (k === 'class') el.className = v;
      else el.setAttribute(k, v === true ? '' : v);
    }
    add(el, kids);
    return el;
  }
  function add(el, kids) {
    if (kids == null) return;
    if (!Array.isArray(kids)) kids = [kids];
    for (var i = 0; i < kids.length; i++) {
      var c = kids[i];
      if (c == null || c === false) continue;
      el.appendChild(typeof c === 'string' ? doc.createTextNode(c) : c);
    }
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
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
    add(sec, screens[cur.s](cur));
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

  // ---- screens -----------------------------------------------------------------------

  var screens = {
    q: screenQuestion,
    call: screenCall,
    result: screenResult,
    all: screenAll,
    signs: function () { return screenText('signs'); },
    safety: function () { return screenText('safety'); },
    keep: screenKeep,
    contact: screenContact
  };

  function screenQuestion(cur) {
    // A professional asks about someone else too: the "die persoon" wording fits them.
    var q = R.questionById(qn, cur.id), other = state.answers[WHO] === OTHER || state.answers[WHO] === PROFESSIONAL;
    var a = state.answers[q.id], out = [], hints = [];
    if (q.id === first) out.push(h('p', { class: 'intro', text: t('intro') }));
    out.push(title(L(other && q.text_other ? q.text_other : q.text)));
    if (q.hint) hints.push(L(q.hint));
    else if (q.multiple) hints.push(t('choose_more'));
    if (q.id === first) hints.push(t('skip_hint'));
    if (hints.length) out.push(h('p', { class: 'hint', text: hints.join(' ') }));
    function label(o) { return L(other && o.label_other ? o.label_other : o.label); }

    if (q.multiple) {
      var chosen = Array.isArray(a) ? a : [];
      out.push(h('div', { class: 'opts', role: 'group', 'aria-labelledby': 'sh' }, q.options.map(function (o, i) {
        var id = 'o-' + q.id + '-' + i;
        return h('label', { class: 'opt check', for: id }, [
          h('input', { type: 'checkbox', id: id, name: q.id, value: o.id, checked: chosen.indexOf(o.id) !== -1 }),
          h('span', { text: label(o) })
        ]);
      })));
      out.push(h('p', { class: 'row' }, [btn(t('next'), 'next'), btn(t('skip'), 'skip', 'lnk'), btn(t('all_help'), 'all', 'btn btn2')]));
    } else {
      out.push(h('ul', { class: 'opts' }, q.options.map(function (o) {
        var on = a === o.id;
        return h('li', null, h('button', { type: 'button', class: on ? 'opt on' : 'opt', 'data-q': q.id, 'data-o': o.id }, [
          label(o), on ? h('span', { class: 'vh', text: ' ' + t('chosen') }) : null
        ]));
      })));
      out.push(h('p', { class: 'row' }, [btn(t('skip'), 'skip', 'lnk'), btn(t('all_help'), 'all', 'btn btn2')]));
    }
    return out;
  }

  function screenCall() {
    return [
      title(t('call_title')),
      h('p', { text: t('call_text') }),
      h('p', null, h('a', { class: 'btn big call', href: 'tel:112', text: t('call_btn') })),
      h('p', { class: 'row' }, [btn(t('cant_call'), 'continue', 'btn btn2'), btn(t('all_help'), 'all', 'lnk')])
    ];
  }

  function because(r) {
    var who = state.answers.who, other = who === 'other' || who === 'professional';
    var s = L(other && r.because_other ? r.because_other : r.because);
    if (!s) return '';
    if (!/^(omdat|because)\b/i.test(s)) s = t('because', { because: s });
    return /[.!?]$/.test(s) ? s : s + '.';
  }

  function screenResult() {
    var now = new Date(), found = R.route(qn, state.answers, function (key) {
      return !!orgs[key] && HW.reach.now(orgs[key], now);
    }), shown = {};
    var out = [title(t('result_title')), h('p', { class: 'intro', text: t('result_intro') })];
    out.push(h('ol', { class: 'cards' }, found.filter(function (r) { return orgs[r.organization]; }).map(function (r) {
      shown[r.organization] = true;
      var o = orgs[r.organization];
      return h('li', null, Card.render(o, ctx({ level: 2, now: now, because: because(r),
        unreachable: r.reachable ? null : HW.reach.how(o, now) })));
    })));
    out.push(h('p', { class: 'tip' }, [t('call_log_tip') + ' ', btn(t('safety_link'), 'safety', 'lnk')]));
    out.push(h('a', { class: 'sos', href: 'tel:112' }, [h('span', { text: t('sos_q') }), ' ', h('strong', { text: t('sos_call') })]));
    // other ways in: a phone, a chat, or a contact request
    var others = dir.organizations.filter(function (o) {
      return !shown[o.key] && ((o.services || []).some(function (s) { return (s.phones || []).length || s.chat; })
        || (Contact && Contact.accepts(o)));
    });
    if (others.length) {
      out.push(h('h2', { text: t('others_title') }));
      out.push(h('ul', { class: 'cards' }, others.map(function (o) {
        return h('li', null, Card.render(o, ctx({ level: 3, compact: true })));
      })));
    }
    out.push(h('p', { class: 'row' }, [btn(t('all_help'), 'all', 'btn btn2'), btn(t('restart'), 'restart', 'lnk')]));
    return out;
  }

  // "Alle hulp": the whole directory by category, filtered by topic and search words.
  function norm(s) {
    return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  function haystack(o) {
    if (!o._text) {
      var parts = [], topics = t('topics') || {};
      function both(x) { if (x) { parts.push(x.nl, x.en); } }
      both(o.name); both(o.description);
      (o.services || []).forEach(function (s) {
        both(s.name); both(s.description); both(s.area); both(s.hours);
        (s.topics || []).forEach(function (tp) { parts.push(tp, topics[tp]); });
        (s.phones || []).forEach(function (p) { parts.push(p.number); });
        if (s.chat) parts.push('chat');
      });
      o._text = norm(parts.join(' '));
    }
    return o._text;
  }
  function visible(o) {
    var f = state.filter;
    if (f.topic && !(o.services || []).some(function (s) { return (s.topics || []).indexOf(f.topic) !== -1; })) return false;
    var words = norm(f.q).split(/\s+/).filter(Boolean), text = haystack(o);
    return words.every(function (w) { return text.indexOf(w) !== -1; });
  }
  function allList() {
    var cats = CATEGORIES.slice(), n = 0, out = [], names = t('categories') || {};
    dir.organizations.forEach(function (o) { if (cats.indexOf(o.category) === -1) cats.push(o.category); });
    cats.forEach(function (cat) {
      var items = dir.organizations.filter(function (o) { return o.category === cat && visible(o); });
      if (!items.length) return;
      n += items.length;
      out.push(h('h2', { text: names[cat] || cat }));
      out.push(h('ul', { class: 'cards' }, items.map(function (o) {
        return h('li', null, Card.render(o, ctx({ level: 3 })));
      })));
    });
    var count = n === 0 ? t('found_none') : n === 1 ? t('found_one') : t('found', { n: n });
    out.unshift(h('p', { class: 'count', text: count }));
    return { nodes: out, count: count };
  }
  function screenAll() {
    var topics = [], names = t('topics') || {};
    Object.keys(names).forEach(function (tp) {
      if (dir.organizations.some(function (o) {
        return (o.services || []).some(function (s) { return (s.topics || []).indexOf(tp) !== -1; });
      })) topics.push(tp);
    });
    var select = h('select', { id: 'f-topic', 'data-filter': 'topic' }, [h('option', { value: '', text: t('filter_all') })].concat(
      topics.map(function (tp) { return h('option', { value: tp, selected: state.filter.topic === tp, text: names[tp] }); })));
    var search = h('input', {
      type: 'search', id: 'f-q', 'data-filter': 'q', value: state.filter.q, autocomplete: 'off',
      spellcheck: 'false', 'aria-describedby': 'f-q-hint'
    });
    return [
      title(t('all_title')),
      h('p', { class: 'intro', text: t('all_intro') }),
      h('div', { class: 'filters' }, [
        h('p', null, [h('label', { for: 'f-topic', text: t('filter_topic') }), select]),
        h('p', null, [h('label', { for: 'f-q', text: t('search') }), h('span', { class: 'hint', id: 'f-q-hint', text: t('search_hint') }), search])
      ]),
      h('div', { id: 'all-list' }, allList().nodes)
    ];
  }
  var filterTimer = 0;
  function refreshList() {
    var list = $('all-list');
    if (!list) return;
    var r = allList();
    clear(list);
    add(list, r.nodes);
    clearTimeout(filterTimer);
    filterTimer = setTimeout(function () { announce(r.count); }, 500);
  }

  // Signs and browsing safely: structured texts from i18n/*.json.
  // section: {"h": heading, "body": [paragraph | [list items]], "orgs": [directory keys]}
  function screenText(key) {
    var c = t(key) || {}, out = [title(c.title)];
    if (c.intro) out.push(h('p', { class: 'intro', text: fill(c.intro) }));
    (c.sections || []).forEach(function (s) {
      out.push(h('h2', { text: s.h }));
      (s.body || []).forEach(function (b) {
        out.push(Array.isArray(b)
          ? h('ul', null, b.map(function (li) { return h('li', { text: fill(li) }); }))
          : h('p', { text: fill(b) }));
      });
      var links = (s.orgs || []).map(orgLink).filter(Boolean);
      if (links.length) out.push(h('p', { class: 'row' }, links));
    });
    out.push(h('p', { class: 'row' }, [btn(t('all_help'), 'all', 'btn btn2')]));
    return out;
  }
  // A way to reach an organisation named by key, from the directory (never a number
  // written in the texts): its first phone, else its chat, else its website.
  function orgLink(key) {
    var o = orgs[key];
    if (!o) return null;
    var ss = o.services || [], i;
    for (i = 0; i < ss.length; i++) {
      var p = ss[i].phones[0];
      if (p) return h('a', { class: 'btn btn2 call', href: 'tel:' + p.tel, text: t('call_org', { name: L(o.name), number: p.number }) });
    }
    for (i = 0; i < ss.length; i++) {
      if (ss[i].chat) return h('a', { class: 'btn btn2', href: ss[i].chat.url, rel: 'noreferrer', text: t('chat_with', { name: L(o.name) }) });
    }
    return o.website ? h('a', { href: o.website.url, rel: 'noreferrer', text: t('website', { name: L(o.name) }) }) : null;
  }

  function screenKeep() {
    var c = t('keep') || {}, out = [title(c.title), h('p', { class: 'intro', text: c.intro })];
    out.push(h('h2', { text: c.left_title }), h('ul', null, (c.left || []).map(function (li) { return h('li', { text: li }); })));
    out.push(h('p', { text: c.exit_note }));
    var status = h('p', { id: 'keep-status', class: 'note', tabindex: '-1' });
    out.push(status);
    if (!Keep.supported()) { status.textContent = c.unsupported; return out; }
    // null: not decided in this visit, so ask whether a service worker controls the page
    if (state.kept === null ? Keep.kept() : state.kept) {
      status.textContent = state.keepMsg || c.saved;
      var row = [btn(c.remove, 'keep-remove', 'btn btn2')];
      if (Keep.canInstall()) row.unshift(btn(c.install, 'keep-install'));
      out.push(h('p', { class: 'row' }, row));
    } else {
      status.textContent = state.keepMsg || '';
      out.push(h('p', { class: 'row' }, [btn(c.save, 'keep-save')]));
    }
    return out;
  }
  function keepAction(what) {
    var c = t('keep');
    var done = function (kept, msg) {
      state.kept = kept;
      state.keepMsg = msg;
      if (current().s === 'keep') { render(false); $('keep-status').focus(); }
      announce(msg);
    };
    if (what === 'keep-save') Keep.save().then(function () { done(true, c.saved); }, function () { announce(c.failed); });
    else if (what === 'keep-remove') Keep.remove().then(function () { done(false, c.removed); }, function () { announce(c.failed); });
    else if (what === 'keep-install') Keep.install().then(function () { render(false); });
  }

  // "Laat iemand contact met je opnemen" for one organisation (components/contact-request).
  // The entry remembers only that the request was sent (who and how soon), never the form.
  function screenContact(cur) {
    return Contact.render(orgs[cur.org], ctx({
      entry: cur,
      announce: announce,
      sent: function (result) {
        cur.sent = result;
        if (current() === cur) render(true);
        else announce(t('cr_done_title'));
      }
    }));
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
      default: if (what.indexOf('keep-') === 0) keepAction(what);
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
      refreshList();
    }
  });

  doc.addEventListener('input', function (e) {
    var el = e.target;
    if (ready && el && el.getAttribute('data-filter') === 'q') {
      state.filter.q = el.value;
      refreshList();
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
