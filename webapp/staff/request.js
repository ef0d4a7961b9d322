/*
 * The staff portal: one opened request. How to reach the person (a tel: or mailto: link),
 * safe times, voicemail, may the caller say who they are (a "no" marked as a caution),
 * code word, language, message; then status, retention date, internal note, and delete
 * after a confirmation.
 * Promises: the content lives only in P.state.current and #request-body, both emptied on
 * close, logout, the end of the session and pagehide; every server text goes in with
 * textContent; the note is never spell-checked by the browser (autocomplete off,
 * spellcheck false).
 */
'use strict';
(function (P) {
  var F = window.HWStaffFormat, api = window.HWStaffApi, t = F.t;
  var state = P.state, $ = P.$, el = P.el;
  var clearMessages = P.clearMessages, errorText = P.errorText, failed = P.failed;
  var focusHeading = P.focusHeading, problem = P.problem, show = P.show;

  var NOTE_MAX = 2000;

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
      if (err.status === 404) P.loadHome({ focus: 'home-title', message: '' }).then(function () { problem(t('request.gone')); });
      else if (err.status === 403 && (err.code === 'no_key' || err.code === 'forbidden')) problem(t('request.noKey'));
      else failed(err);
    }).then(function () { state.busy.open = false; });
  }

  function closeRequest(options) {
    var id = state.current && state.current.id;
    state.current = null;
    $('request-body').replaceChildren();
    clearMessages();
    return P.loadHome({ focus: options && options.focus ? options.focus : 'open:' + id, message: options && options.message });
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
        el('span', { id: 'request-status' }, [P.badge(r.status)])
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
            el('p', { class: 'hw-error-message', id: 'status-error', role: 'alert' }),
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
            el('p', { class: 'hw-error-message', id: 'note-error', role: 'alert' }),
            note
          ]),
          el('button', { type: 'submit', class: 'btn', text: t('note.save') }),
          el('p', { class: 'saved', id: 'note-saved', role: 'status' })
        ])
      ]),
      el('section', { class: 'card danger', 'aria-labelledby': 'delete-title' }, [
        el('h2', { id: 'delete-title', text: t('delete.title') }),
        el('button', { type: 'button', class: 'btn warning', id: 'delete-start', text: t('delete.button'), hidden: !!draft.confirming }),
        window.HWStaffConfirm.build('delete-confirm', t('delete.confirm.title'), [el('p', { id: 'delete-text', text: t('delete.confirm.text') })], [
          el('button', { type: 'button', class: 'btn warning', id: 'delete-yes', 'aria-describedby': 'delete-text', text: t('delete.confirm.yes') }),
          ' ',
          el('button', { type: 'button', class: 'btn secondary', id: 'delete-no', text: t('delete.confirm.no') })
        ], { questionId: 'delete-question', hidden: !draft.confirming }),
        el('p', { class: 'hw-error-message', id: 'delete-error', role: 'alert' })
      ]),
      el('p', { class: 'back-row' }, [el('button', { type: 'button', class: 'btn-link back', id: 'back-bottom', text: t('request.back') })])
    );
  }

  // The status and the note keep their hints in aria-describedby; the error comes after.
  function setInlineError(controlId, errorId, text) { window.HWStaffErrorMessage.set($(controlId), errorId, text); }

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
      $('request-status').replaceChildren(P.badge(value));
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
    if (P.flood && P.flood.onClick(event)) return;
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

  P.onRequestClick = onRequestClick;
  P.onRequestSubmit = onRequestSubmit;
  P.openRequest = openRequest;
  P.renderRequest = renderRequest;
}(window.HWStaffPage));
