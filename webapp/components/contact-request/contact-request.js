/*
 * Contact request: "Laat iemand contact met je opnemen". For one organisation that accepts
 * contact requests: the form of issue 4, its checks (the server's rules), the proof of work
 * (a challenge from /api/v1/contact-requests/challenge, solved by proof-of-work.js), the
 * POST to /api/v1/contact-requests, and the confirmation.
 *
 * HW.contactRequest.render(org, ctx) returns the nodes of the screen. The app passes:
 *   ctx.h, ctx.t, ctx.L, ctx.lang   element builder and texts (as for components/org-card)
 *   ctx.entry                        the screen's entry in the app's (memory-only) stack;
 *                                    entry.sent = {organization, response_time} once sent
 *   ctx.sent(result)                 called after a 202: the app stores it and re-renders
 *   ctx.announce(text)               a polite screen reader message
 * HW.contactRequest.accepts(org)     the response time ({nl, en}) when an active service
 *                                    of the organisation accepts requests, else null
 * HW.contactRequest.wipe(root)       empties the form under root (the app calls it before
 *                                    it removes the screen)
 * check(values), body(org, values), message(t, {field, code}, name): the checks, the
 * request and the error texts, also loaded by node for tests/js/contact-request.test.js.
 *
 * Nothing is kept: the values live only in the form's DOM. A re-render of the same form
 * (language switch) copies them over; sending or leaving wipes them. No storage, no URL;
 * autocomplete="off" and spellcheck="false" on the fields.
 *
 * Ids: a control (or the fieldset of a group) is cr-<field>, its wrapper cr-<field>-box,
 * its hint cr-<field>-hint, its error cr-<field>-err. Fields are the API's, except that
 * phone and email share one input, cr-contact.
 */
(function () {
  'use strict';
  var API = '/api/v1/contact-requests';
  var TIMES = ['weekday_morning', 'weekday_afternoon', 'weekday_evening', 'weekend'];
  // The languages the API takes, each named in its own language.
  var LANGS = [['nl', 'Nederlands'], ['en', 'English'], ['ar', '\u0627\u0644\u0639\u0631\u0628\u064a\u0629'],
    ['tr', 'T\u00fcrk\u00e7e'], ['pl', 'Polski'], ['uk', '\u0423\u043a\u0440\u0430\u0457\u043d\u0441\u044c\u043a\u0430'],
    ['ti', '\u1275\u130d\u122d\u129b']];
  var MAX_CODE = 40, MAX_MESSAGE = 1000;
  var FIELDS = ['channel', 'contact', 'voicemail_ok', 'safe_times', 'may_identify', 'code_word', 'language', 'message', 'consent'];

  function accepts(org) {
    var ss = (org && org.services) || [];
    for (var i = 0; i < ss.length; i++) {
      var cr = ss[i].contact_requests;
      if (ss[i].status !== 'inactive' && cr && cr.accepted) return cr.response_time || {};
    }
    return null;
  }

  function chars(s) { return Array.from(s).length; }  // code points, as the server counts
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
  function q(form, id) { return form.querySelector('#' + id); }
  function picked(form, name) {
    return [].filter.call(form.querySelectorAll('input[name="' + name + '"]'), function (x) { return x.checked; })
      .map(function (x) { return x.value; });
  }

  // ---- the values (only ever in the form) ----------------------------------------------------

  function read(form) {
    return {
      channel: picked(form, 'channel')[0] || '',
      contact: q(form, 'cr-contact').value,
      safe_times: picked(form, 'safe_times'),
      voicemail_ok: picked(form, 'voicemail_ok')[0] || 'no',
      may_identify: picked(form, 'may_identify')[0] || 'no',
      code_word: q(form, 'cr-code_word').value,
      language: q(form, 'cr-language').value,
      message: q(form, 'cr-message').value,
      consent: q(form, 'cr-consent').checked
    };
  }

  function write(form, v) {
    [].forEach.call(form.querySelectorAll('input[type="radio"],input[type="checkbox"]'), function (x) {
      x.checked = x.name === 'safe_times' ? v.safe_times.indexOf(x.value) !== -1
        : x.name === 'consent' ? v.consent : v[x.name] === x.value;
    });
    q(form, 'cr-contact').value = v.contact;
    q(form, 'cr-code_word').value = v.code_word;
    q(form, 'cr-language').value = v.language;
    q(form, 'cr-message').value = v.message;
  }

  function wipe(root) {
    var form = root && root.querySelector ? root.querySelector('form.cr') : null;
    if (!form) return;
    // Leaving the screen while the proof of work runs: stop it, and so send nothing.
    if (form.hwStopWork) form.hwStopWork();
    form.hwStopWork = null;
    [].forEach.call(form.querySelectorAll('input,textarea'), function (x) {
      if (x.type === 'radio' || x.type === 'checkbox') x.checked = false;
      else x.value = '';
    });
    form.reset();
  }

  // ---- checks: the server's rules (server/domain/contact_request.cpp) --------------------------

  var PHONE_NL = /^0[1-9][0-9]{8}$/, PHONE_INT = /^\+[1-9][0-9]{7,14}$/;
  var EMAIL = /^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$/;

  function phoneOk(s) {
    if (chars(s) > 40) return false;
    var digits = '', lead = s.search(/[^ ]/);
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      if (c >= '0' && c <= '9') digits += c;
      else if (c === '+' && digits === '' && i === lead) digits += c;
      else if (' -().'.indexOf(c) === -1) return false;
    }
    return PHONE_NL.test(digits) || PHONE_INT.test(digits);
  }

  // [{field, code}], field as the API names it (phone or email for the shared input).
  function check(v) {
    var errors = [], contact = v.contact.trim();
    if (!v.channel) errors.push({ field: 'channel', code: 'required' });
    else if (!contact) errors.push({ field: v.channel, code: 'required' });
    else if (v.channel === 'phone' ? !phoneOk(contact) : !(contact.length <= 254 && EMAIL.test(contact))) {
      errors.push({ field: v.channel, code: 'invalid' });
    }
    if (!v.safe_times.length) errors.push({ field: 'safe_times', code: 'required' });
    if (chars(v.code_word.trim()) > MAX_CODE) errors.push({ field: 'code_word', code: 'too_long' });
    if (!LANGS.some(function (l) { return l[0] === v.language; })) errors.push({ field: 'language', code: 'required' });
    if (chars(v.message.trim()) > MAX_MESSAGE) errors.push({ field: 'message', code: 'too_long' });
    if (!v.consent) errors.push({ field: 'consent', code: 'consent_required' });
    return errors;
  }

  // The request: exactly the API's fields, and only the detail of the chosen channel.
  function body(org, v) {
    var b = {
      organization_id: org.id,
      channel: v.channel,
      safe_times: v.safe_times,
      voicemail_ok: v.channel === 'phone' && v.voicemail_ok === 'yes',
      may_identify: v.may_identify === 'yes',
      language: v.language,
      consent: v.consent === true
    };
    b[v.channel] = v.contact.trim();
    // a tab is a control character to the server; a pasted one becomes a space
    var code = v.code_word.trim(), message = v.message.replace(/\t/g, ' ').trim();
    if (code) b.code_word = code;
    if (message) b.message = message;
    return b;
  }

  // One text per field and code, for the form's own checks and the server's (422) alike.
  function errorText(t, e, name) {
    var c = e.code;
    switch (e.field) {
      case 'channel': return t('cr_err_channel');
      case 'phone': case 'email': return t('cr_err_' + e.field + (c === 'required' ? '_required' : '_invalid'));
      case 'safe_times': return t('cr_err_times');
      case 'voicemail_ok': case 'may_identify': return t('cr_err_choice');
      case 'code_word': return t(c === 'too_long' ? 'cr_err_code_long' : 'cr_err_code_invalid');
      case 'language': return t('cr_err_language');
      case 'message': return t(c === 'too_long' ? 'cr_err_message_long' : 'cr_err_message_invalid');
      case 'consent': return t('cr_err_consent');
      case 'organization_id': return t('cr_err_org', { name: name });
      default: return t('cr_err_server');
    }
  }
  function formField(field) { return field === 'phone' || field === 'email' ? 'contact' : field; }

  // ---- errors in the form --------------------------------------------------------------------------

  function hints(el) { return (el.getAttribute('data-hint') || '').split(' ').filter(Boolean); }
  function describe(el, ids) {
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
    else el.removeAttribute('aria-describedby');
  }

  function clearErrors(form) {
    FIELDS.forEach(function (f) {
      var box = q(form, 'cr-' + f + '-box'), err = q(form, 'cr-' + f + '-err'), target = q(form, 'cr-' + f);
      box.classList.remove('cr-invalid');
      err.hidden = true;
      err.lastChild.textContent = '';
      target.removeAttribute('aria-invalid');
      describe(target, hints(target));
    });
    var alert = q(form, 'cr-alert');
    clear(alert);
    alert.hidden = true;
    form.removeAttribute('data-errors');
  }

  function showAlert(form, ctx, org, text) {
    var alert = q(form, 'cr-alert'), h = ctx.h;
    clear(alert);
    alert.appendChild(h('p', { text: text }));
    // the organisation's own call buttons, from the directory
    (org.services || []).forEach(function (s) {
      (s.phones || []).forEach(function (p) {
        alert.appendChild(h('p', null, h('a', { class: 'btn btn2 call', href: 'tel:' + p.tel, text: ctx.t('call', { number: p.number }) })));
      });
    });
    alert.hidden = false;
    return alert;
  }

  // Shows errors [{field, code}] at their fields; returns what should get focus: the first
  // field with an error (in the order of the form), or the alert for errors of no field.
  function showErrors(form, errors, ctx, org) {
    var t = ctx.t, name = ctx.L(org.name), first = -1, other = null;
    clearErrors(form);
    form.setAttribute('data-errors', '');
    errors.forEach(function (e) {
      var f = formField(e.field), i = FIELDS.indexOf(f);
      if (i === -1) { other = other || showAlert(form, ctx, org, errorText(t, e, name)); return; }
      var err = q(form, 'cr-' + f + '-err'), target = q(form, 'cr-' + f);
      if (!err.hidden) return;  // one message per field: the first
      q(form, 'cr-' + f + '-box').classList.add('cr-invalid');
      err.lastChild.textContent = errorText(t, e, name);
      err.hidden = false;
      if (target.tagName !== 'FIELDSET') target.setAttribute('aria-invalid', 'true');
      describe(target, hints(target).concat(err.id));
      if (first === -1 || i < first) first = i;
    });
    if (first === -1) return other;
    var el = q(form, 'cr-' + FIELDS[first]);
    return el.tagName === 'FIELDSET' ? el.querySelector('input:checked') || el.querySelector('input') : el;
  }

  // ---- sending -----------------------------------------------------------------------------------------

  function submit(e, form, org, ctx) {
    e.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') return;
    var t = ctx.t, v = read(form), errors = check(v), send = q(form, 'cr-send');
    function refused(list) {
      var el = showErrors(form, list, ctx, org);
      ctx.announce(t('cr_not_sent'));
      if (el) el.focus();
    }
    if (errors.length) { refused(errors); return; }
    clearErrors(form);
    form.setAttribute('aria-busy', 'true');
    send.disabled = true;
    send.textContent = t('cr_sending');
    ctx.announce(t('cr_working'));
    function idle() {
      form.removeAttribute('aria-busy');
      send.disabled = false;
      send.textContent = t('cr_send');
    }
    function fail(key, params) { idle(); showAlert(form, ctx, org, t(key, params)).focus(); }
    function post(url, data) {
      return fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(data),
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer'
      });
    }
    function network() { fail('cr_err_network'); }
    // Every answer but a 202, of the challenge or of the request itself.
    function answered(r, attempt) {
      if (r.status === 429) return fail('cr_err_busy');
      // 503 organization_inbox_full: too many requests wait at this organisation; call it.
      if (r.status === 503) {
        return r.json().then(function (d) {
          if (d && d.error && d.error.code === 'organization_inbox_full') fail('cr_err_full', { name: ctx.L(org.name) });
          else fail('cr_err_server');
        }, function () { fail('cr_err_server'); });
      }
      if (r.status !== 422) return fail('cr_err_server');
      return r.json().then(function (d) {
        var err = (d && d.error) || {};
        // The proof came too late (expired, or the difficulty stepped up meanwhile): work
        // once more on a new challenge.
        if (err.code === 'proof_rejected' && attempt < 2) return work(attempt + 1);
        if (err.code === 'proof_rejected') return fail('cr_err_server');
        idle();
        refused(err.errors && err.errors.length ? err.errors : [err]);
      }, function () { fail('cr_err_server'); });
    }
    // The request goes out only with the proof of work for a challenge of the server's
    // (components/contact-request/proof-of-work.js): a second or so of this phone's time.
    function work(attempt) {
      post(API + '/challenge', { organization_id: org.id }).then(function (r) {
        if (r.status !== 200) return answered(r, attempt);
        return r.json().then(function (c) {
          form.hwStopWork = HW.proofOfWork.solve(c.challenge, c.bits, function (nonce) {
            form.hwStopWork = null;
            var b = body(org, v);
            b.proof = { challenge: c.challenge, nonce: nonce };
            post(API, b).then(function (r) {
              if (r.status !== 202) return answered(r, attempt);
              return r.json().catch(function () { return {}; }).then(function (d) {
                wipe(form.parentNode);
                // who and how soon, in both languages (the screen may be re-rendered in the other)
                ctx.sent({ organization: d.organization || org.name, response_time: d.response_time || accepts(org) || {} });
              });
            }, network);
          });
        }, function () { fail('cr_err_server'); });
      }, network);
    }
    work(0);
  }

  // ---- building the screen ----------------------------------------------------------------------------

  function errorEl(ctx, f) {
    return ctx.h('p', { class: 'cr-err', id: 'cr-' + f + '-err', hidden: true }, [
      ctx.h('span', { class: 'vh', text: ctx.t('cr_error_prefix') + ' ' }), ctx.h('span')
    ]);
  }

  // Radios or checkboxes in a fieldset with a legend, as big as the questionnaire's options.
  function group(ctx, f, legend, hint, type, items) {
    var h = ctx.h, hintId = hint ? 'cr-' + f + '-hint' : null;
    return h('div', { class: 'cr-field', id: 'cr-' + f + '-box' }, h('fieldset', { id: 'cr-' + f, 'data-hint': hintId, 'aria-describedby': hintId }, [
      h('legend', { text: legend }),
      hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
      errorEl(ctx, f),
      h('div', { class: 'cr-opts' }, items.map(function (it) {
        var id = 'cr-' + f + '-' + it[0];
        return h('label', { class: 'opt check', for: id }, [
          h('input', { type: type, id: id, name: f, value: it[0], autocomplete: 'off', checked: !!it[2] }),
          h('span', { text: it[1] })
        ]);
      }))
    ]));
  }

  // A control with its label, hint and error; extra: more ids that describe it.
  function field(ctx, f, label, hint, control, extra) {
    var h = ctx.h, ids = [hint != null ? 'cr-' + f + '-hint' : null].concat(extra || []).filter(Boolean);
    control.id = 'cr-' + f;
    if (ids.length) {
      control.setAttribute('data-hint', ids.join(' '));
      control.setAttribute('aria-describedby', ids.join(' '));
    }
    return h('div', { class: 'cr-field', id: 'cr-' + f + '-box' }, [
      h('label', { for: control.id, id: 'cr-' + f + '-label', text: label }),
      hint != null ? h('p', { class: 'hint', id: 'cr-' + f + '-hint', text: hint }) : null,
      errorEl(ctx, f),
      control
    ]);
  }

  function build(org, ctx) {
    var h = ctx.h, t = ctx.t, name = ctx.L(org.name);
    var no = [['no', t('cr_no'), true], ['yes', t('cr_yes')]];
    var off = { autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off' };
    function text(props) { for (var k in off) props[k] = off[k]; return props; }
    // action and method only so that a native submission could never put the values in
    // the URL (a GET to the page); the submit handler always takes over.
    var form = h('form', { class: 'cr', 'data-org': org.key, novalidate: true, autocomplete: 'off', action: API, method: 'post' }, [
      h('div', { id: 'cr-alert', class: 'cr-alert', tabindex: '-1', hidden: true }),
      group(ctx, 'channel', t('cr_channel'), null, 'radio', [['phone', t('cr_phone')], ['email', t('cr_email')]]),
      field(ctx, 'contact', '', '', h('input', text({ type: 'tel', inputmode: 'tel' }))),
      group(ctx, 'voicemail_ok', t('cr_voicemail'), t('cr_voicemail_hint'), 'radio', no),
      group(ctx, 'safe_times', t('cr_times'), t('cr_times_hint'), 'checkbox', TIMES.map(function (k) { return [k, t('cr_' + k)]; })),
      group(ctx, 'may_identify', t('cr_identify'), t('cr_identify_hint', { name: name }), 'radio', no),
      field(ctx, 'code_word', t('cr_code'), t('cr_code_hint'), h('input', text({ type: 'text' }))),
      field(ctx, 'language', t('cr_language'), null, h('select', { autocomplete: 'off' }, LANGS.map(function (l) {
        return h('option', { value: l[0], lang: l[0], selected: l[0] === ctx.lang, text: l[1] });
      }))),
      field(ctx, 'message', t('cr_message'), t('cr_message_hint'), h('textarea', text({ rows: '5' })), ['cr-count']),
      h('p', { id: 'cr-count', class: 'cr-count' }),
      h('div', { class: 'cr-field', id: 'cr-consent-box' }, [
        errorEl(ctx, 'consent'),
        h('label', { class: 'opt check', for: 'cr-consent' }, [
          h('input', { type: 'checkbox', id: 'cr-consent', name: 'consent', value: 'yes', autocomplete: 'off' }),
          h('span', { text: t('cr_consent', { name: name }) })
        ])
      ]),
      h('p', { class: 'row' }, h('button', { type: 'submit', class: 'btn', id: 'cr-send', text: t('cr_send') }))
    ]);
    form.id = 'cr-form';
    return form;
  }

  // The chosen channel makes the one input a phone or an e-mail field; voicemail is a
  // question for phone only.
  function channelChanged(form, t) {
    var v = picked(form, 'channel')[0] || '', input = q(form, 'cr-contact');
    q(form, 'cr-contact-box').hidden = !v;
    q(form, 'cr-voicemail_ok-box').hidden = v !== 'phone';
    if (!v) return;
    input.type = v === 'phone' ? 'tel' : 'email';
    input.setAttribute('inputmode', v === 'phone' ? 'tel' : 'email');
    q(form, 'cr-contact-label').textContent = t(v === 'phone' ? 'cr_phone_label' : 'cr_email_label');
    q(form, 'cr-contact-hint').textContent = t(v === 'phone' ? 'cr_phone_hint' : 'cr_email_hint');
  }

  var countTimer = 0;
  function count(form, ctx, speak) {
    var n = MAX_MESSAGE - chars(q(form, 'cr-message').value), el = q(form, 'cr-count');
    el.textContent = n >= 0 ? ctx.t('cr_count', { n: n }) : ctx.t('cr_count_over', { n: -n });
    el.classList.toggle('over', n < 0);
    clearTimeout(countTimer);
    if (speak && n < 100) countTimer = setTimeout(function () { ctx.announce(el.textContent); }, 1000);
  }

  function confirmation(org, ctx) {
    var h = ctx.h, t = ctx.t, L = ctx.L, s = ctx.entry.sent, time = L(s.response_time);
    return [
      h('h1', { id: 'sh', tabindex: '-1', text: t('cr_done_title') }),
      h('p', { text: t('cr_done_who', { name: L(s.organization) || L(org.name) }) }),
      time ? h('p', { class: 'cr-time', text: t('cr_time', { time: time }) }) : null,
      h('p', { text: t('cr_done_trace') }),
      h('p', { class: 'note', text: t('cr_done_exit') }),
      h('p', { class: 'row' }, h('button', { type: 'button', class: 'btn btn2', 'data-go': 'back', text: t('cr_done_back') }))
    ];
  }

  function render(org, ctx) {
    var h = ctx.h, t = ctx.t, L = ctx.L;
    if (ctx.entry.sent) return confirmation(org, ctx);
    var old = document.getElementById('cr-form');
    var before = old && old.getAttribute('data-org') === org.key ? read(old) : null;
    var form = build(org, ctx), time = L(accepts(org));
    if (before) write(form, before);
    channelChanged(form, t);
    count(form, ctx, false);
    // errors on screen before the re-render (language switch): show them in the new language
    if (before && old.hasAttribute('data-errors')) showErrors(form, check(before), ctx, org);
    form.addEventListener('submit', function (e) { submit(e, form, org, ctx); });
    form.addEventListener('change', function (e) { if (e.target.name === 'channel') channelChanged(form, t); });
    q(form, 'cr-message').addEventListener('input', function () { count(form, ctx, true); });
    return [
      h('h1', { id: 'sh', tabindex: '-1', text: t('cr_title', { name: L(org.name) }) }),
      h('p', { class: 'intro', text: t('cr_intro', { name: L(org.name) }) }),
      time ? h('p', { class: 'cr-time', text: t('cr_time', { time: time }) }) : null,
      form
    ];
  }

  var api = { render: render, accepts: accepts, wipe: wipe, check: check, body: body, message: errorText };
  if (typeof self !== 'undefined') {
    self.HW = self.HW || {};
    self.HW.contactRequest = api;
  }
  if (typeof module === 'object' && module.exports) module.exports = api;  // tests/js
})();
