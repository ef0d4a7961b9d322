/*
 * Organisation card: one organisation of the directory as the resident sees it, with
 * each active service: what happens when you call, free, day and night or its hours
 * (open right now?), anonymous or not, languages (only where sourced), area, tap-to-call
 * with its cost, chat (open right now? "usually" where the source says so), website.
 * Each fact is said once: the cost stands beside the number, nowhere else. A card that
 * cannot be reached now says so and when it can (ctx.unreachable, from HW.reach.how).
 *
 * HW.orgCard.render(org, ctx) returns an <article>. The app passes what it owns:
 *   ctx.h(tag, props, kids)  element builder (textContent only, never HTML)
 *   ctx.t(key, vars)         interface text;  ctx.L(text)  data text in the current language
 *   ctx.lang, ctx.now (Date), ctx.level (heading level), ctx.because (why it fits),
 *   ctx.compact (name, description and contact buttons only)
 * Uses HW.schedule (components/schedule) for "open right now", and offers "Laat iemand
 * contact met je opnemen" (data-go="contact", data-org=key; the app opens
 * components/contact-request) when an active service accepts contact requests.
 */
(function () {
  'use strict';

  var names = {};
  function languageName(code, lang) {
    try {
      if (!names[lang]) names[lang] = new Intl.DisplayNames([lang], { type: 'language' });
      return names[lang].of(code) || code;
    } catch (e) { return code; }
  }

  // "today at 09:00" / "tomorrow at 09:00" / "Monday at 09:00"
  function when(next, t) {
    if (!next) return '';
    if (next.days === 0) return t('today_at', { time: next.opens });
    if (next.days === 1) return t('tomorrow_at', { time: next.opens });
    var long = t('days_long') || [];
    return t('day_at', { day: long[self.HW.schedule.WEEK.indexOf(next.day)] || next.day, time: next.opens });
  }

  // "Open now" / "Closed now. Open again: tomorrow at 09:00" for a schedule, or null.
  function status(schedule, now, t, openKey, closedKey) {
    var S = self.HW.schedule, open = S.isOpen(schedule, now);
    if (open === null) return null;
    if (open) return { open: true, text: t(openKey) };
    var next = S.nextOpening(schedule, now);
    return { open: false, text: t(closedKey) + (next ? ' ' + t('opens_at', { when: when(next, t) }) : '') };
  }

  // Tap-to-call per phone (with its cost) and the chat link (open now?).
  function contacts(org, s, ctx) {
    var h = ctx.h, t = ctx.t, L = ctx.L, S = self.HW.schedule, out = [], phones = s.phones || [];
    phones.forEach(function (p) {
      var extra = [phones.length > 1 ? L(p.description) : '', L(p.cost)].filter(Boolean).join(' · ');
      out.push(h('p', { class: 'contact' }, [
        h('a', { class: 'btn call', href: 'tel:' + p.tel, text: t('call', { number: p.number }) }),
        extra ? h('span', { class: 'cost', text: extra }) : null
      ]));
    });
    if (s.chat && s.chat.url) {
      var cs = status(s.chat.schedule, ctx.now, t, s.chat.usually ? 'chat_open_usually' : 'chat_open', 'chat_closed');
      var line = cs ? cs.text : t('chat_unknown');
      if (s.chat.schedule) line += ' (' + S.describe(s.chat.schedule, t('days_short') || []) + ')';
      out.push(h('p', { class: 'contact' }, [
        h('a', { class: 'btn btn2', href: s.chat.url, rel: 'noreferrer', text: t('chat_with', { name: L(org.name) }) }),
        h('span', { class: 'cost' + (cs && cs.open ? ' open' : ''), text: line })
      ]));
    }
    return out;
  }

  // What happens when you call, and the facts: free, hours, anonymous, languages, area.
  function details(s, ctx) {
    var h = ctx.h, t = ctx.t, L = ctx.L, S = self.HW.schedule, facts = [];
    // free/anonymous/day_and_night are absent when not verified: then say nothing.
    // The cost beside each number says what a call costs; "free" is said here only for a
    // service without a number (a chat), and "not free" never.
    if (s.free === true && !(s.phones || []).length) facts.push(t('free'));
    if (s.day_and_night) facts.push(t('day_and_night'));
    else if (s.hours) {
      var hours = t('hours', { hours: L(s.hours) });
      if (s.schedule) hours += ' (' + S.describe(s.schedule, t('days_short') || []) + ')';
      facts.push(hours);
      var st = status(s.schedule, ctx.now, t, 'open_now', 'closed_now');
      if (st) facts.push(h('strong', { class: st.open ? 'open' : 'closed', text: st.text }));
    }
    if (s.anonymous === true) facts.push(t('anonymous'));
    else if (s.anonymous === false) facts.push(t('not_anonymous'));
    if (s.languages && s.languages.length) {
      facts.push(t('languages', { list: s.languages.map(function (c) { return languageName(c, ctx.lang); }).join(', ') }));
    }
    if (s.area) facts.push(t('area', { area: L(s.area) }));
    if (s.contact_requests && s.contact_requests.accepted) {
      facts.push(t('contact_request', { time: L(s.contact_requests.response_time) }));
    }
    return [
      h('p', { text: L(s.description) }),
      h('ul', { class: 'facts' }, facts.map(function (f) { return h('li', null, f); }))
    ];
  }

  function reachLine(how, t) {
    if (how.kind === 'later') return t('reach_later', { when: when(how.next, t) });
    return t(how.kind === 'website' ? 'reach_website' : 'reach_unknown');
  }

  // Name, why it fits, the ways to get in touch, then what to expect and the facts.
  function render(org, ctx) {
    var h = ctx.h, L = ctx.L, lvl = ctx.level || 2;
    ctx.now = ctx.now || new Date();
    var services = (org.services || []).filter(function (s) { return s.status !== 'inactive'; });
    var card = h('article', { class: 'card' + (ctx.compact ? ' compact' : '') });
    card.appendChild(h('h' + lvl, { text: L(org.name) }));
    if (ctx.because) card.appendChild(h('p', { class: 'why', text: ctx.because }));
    if (ctx.unreachable) card.appendChild(h('p', { class: 'reach', text: reachLine(ctx.unreachable, ctx.t) }));
    services.forEach(function (s) { contacts(org, s, ctx).forEach(function (n) { card.appendChild(n); }); });
    var CR = self.HW.contactRequest;
    if (CR && CR.accepts(org)) {
      // Calling is the big action; a contact request is offered below it, and says it is slower.
      if (services.some(function (s) { return (s.phones || []).length; })) {
        card.appendChild(h('p', { class: 'cr-slower', text: ctx.t('cr_slower') }));
      }
      card.appendChild(h('p', { class: 'contact' }, h('button', {
        type: 'button', class: 'btn btn2', 'data-go': 'contact', 'data-org': org.key,
        'aria-label': ctx.t('cr_open_label', { name: L(org.name) }), text: ctx.t('cr_open')
      })));
    }
    card.appendChild(h('p', { text: L(org.description) }));
    if (!ctx.compact) {
      services.forEach(function (s) {
        var box = h('div', { class: 'svc' });
        if (services.length > 1) box.appendChild(h('h' + Math.min(lvl + 1, 6), { text: L(s.name) }));
        details(s, ctx).forEach(function (n) { box.appendChild(n); });
        card.appendChild(box);
      });
      if (org.website && org.website.url) {
        card.appendChild(h('p', null, h('a', { href: org.website.url, rel: 'noreferrer', text: ctx.t('website', { name: L(org.name) }) })));
      }
    }
    return card;
  }

  self.HW = self.HW || {};
  self.HW.orgCard = { render: render };
})();
