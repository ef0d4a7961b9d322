/*
 * Hulpwijzer resident app: its screens. One question per screen (one choice, or several
 * with "Verder"), "Bel nu 112", the result (why each organisation fits, 112 again, the
 * other ways in), "Alle hulp" (by category, filtered by topic and search words), signs
 * and browsing safely (texts from i18n/*.json), keeping the app offline, and the contact
 * request form.
 *
 * HW.residentScreens(app) returns {screens, refreshList, keepAction}: `screens[name](entry)`
 * gives the nodes of the screen for a stack entry ({s: name, ...}); refreshList() redraws
 * the list of "Alle hulp" after a change of its filter; keepAction(what) handles the
 * buttons of the keep screen. `app` is what resident/app.js owns and keeps in memory:
 *   app.state (answers, the stack, the filter, keep), app.qn, app.dir, app.orgs, app.first
 *   (the loaded questionnaire, directory, organisations by key, first question),
 *   app.t, app.L, app.fill (texts), app.ctx, app.btn, app.title (builders),
 *   app.announce, app.render, app.current (the screen on top of the stack).
 * Promises: nothing leaves memory; every text goes in through textContent (HW.dom.el);
 * phone numbers come from the directory, never from the texts.
 */
(function () {
  'use strict';
  var HW = self.HW = self.HW || {};

  // The question and option ids the screens depend on (not routing: the rules are data).
  // who=other (and a professional) switches the texts to text_other / label_other.
  var WHO = 'who', OTHER = 'other', PROFESSIONAL = 'professional';
  var CATEGORIES = ['emergency', 'domestic-violence', 'sexual-violence', 'victim-support', 'professional', 'programme'];

  HW.residentScreens = function (app) {
    var R = HW.routing, Card = HW.orgCard, Keep = HW.keep, Contact = HW.contactRequest;
    var h = HW.dom.el, add = HW.dom.append, clear = HW.dom.clear, $ = app.$;
    var state = app.state, qn = app.qn, dir = app.dir, orgs = app.orgs, first = app.first;
    var t = app.t, L = app.L, fill = app.fill, ctx = app.ctx, btn = app.btn, title = app.title;
    var announce = app.announce, render = app.render, current = app.current;

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

    return { screens: screens, refreshList: refreshList, keepAction: keepAction };
  };
}());
