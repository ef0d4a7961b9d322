/*
 * A flood of contact requests, dealt with as a batch (issue 12): the partner picks a time
 * window on the home screen, reads up to 200 of its requests in one view (each one opened
 * and audited by the server, as a single open is), ticks the fake ones and deletes them in
 * one action, which the audit log records as one entry naming every request.
 *
 * window.HWStaffFlood(helpers) returns {section, onSubmit, onClick}: staff.js adds
 * section() to the partner's home, passes the home's submit events and the request
 * view's clicks on, and the batch view is drawn into #request-body, so request content
 * lives where staff.js already empties it (close, logout, session end, pagehide). This
 * file keeps only ids in memory, never content.
 */
'use strict';
(function () {
  var MAX_BATCH = 200;  // kMaxBatch, server/domain/contact_requests.h

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  // The value of an <input type="datetime-local"> for a moment, in local time.
  function localValue(date) {
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T' +
      pad(date.getHours()) + ':' + pad(date.getMinutes());
  }
  function seconds(value) {
    var time = new Date(value).getTime();
    return isNaN(time) ? null : Math.floor(time / 1000);
  }

  window.HWStaffFlood = function (h) {
    var $ = h.$, el = h.el, t = h.t, F = h.F, api = h.api;
    var shown = [];  // the ids in the batch view, in its order

    function section() {
      var now = new Date();
      var from = el('input', { type: 'datetime-local', id: 'flood-from', name: 'from', required: true, 'aria-describedby': 'flood-error' });
      var to = el('input', { type: 'datetime-local', id: 'flood-to', name: 'to', required: true, 'aria-describedby': 'flood-error' });
      from.value = localValue(new Date(now.getTime() - 3600 * 1000));
      to.value = localValue(now);
      return el('section', { class: 'card flood', 'aria-labelledby': 'flood-title' }, [
        el('h2', { id: 'flood-title', tabindex: '-1', text: t('flood.title') }),
        el('p', { text: t('flood.intro') }),
        el('form', { id: 'flood-form', class: 'form', novalidate: true }, [
          el('div', { class: 'field' }, [el('label', { for: 'flood-from', text: t('flood.from') }), from]),
          el('div', { class: 'field' }, [el('label', { for: 'flood-to', text: t('flood.to') }), to]),
          el('p', { class: 'hw-error-message', id: 'flood-error', role: 'alert' }),
          el('button', { type: 'submit', class: 'btn secondary', id: 'flood-show', text: t('flood.show') })
        ])
      ]);
    }

    function onSubmit(event) {
      if (event.target.id !== 'flood-form') return false;
      event.preventDefault();
      var from = seconds($('flood-from').value), to = seconds($('flood-to').value);
      $('flood-error').textContent = '';
      if (from === null || to === null || to < from) {
        $('flood-error').textContent = t('flood.err.window');
        (from === null ? $('flood-from') : $('flood-to')).focus();
        return true;
      }
      to += 60;  // "until" includes the minute it names
      h.clearMessages();
      api.requestsIn(from, to).then(function (data) {
        var all = (data && data.requests) || [];
        if (!all.length) {
          $('flood-error').textContent = t('flood.none');
          $('flood-show').focus();
          return null;
        }
        var ids = all.slice(0, MAX_BATCH).map(function (r) { return r.id; });
        return api.batchOpen(ids).then(function (opened) {
          render(from, to, all.length, opened.requests || []);
        });
      }).catch(function (err) { h.failed(err); });
      return true;
    }

    function item(r) {
      var c = r.request || {};
      var id = 'flood-pick-' + shown.length;
      shown.push(r.id);
      var contact = c.channel === 'email' ? c.email : c.phone;
      return el('li', { class: 'flood-item' }, [
        el('p', { class: 'pick' }, [
          el('input', { type: 'checkbox', id: id, class: 'flood-pick', value: r.id }),
          el('label', { for: id }, [t('flood.pick'), el('span', { class: 'vh', text: ' ' + F.shortDateTime(r.created_at || 0) })])
        ]),
        r.error
          ? el('p', { class: 'problem-static', text: t('flood.noKey') })
          : el('dl', { class: 'facts' }, [
            el('div', { class: 'fact' }, [el('dt', { text: t('flood.received') }), el('dd', { text: F.dateTime(r.created_at) })]),
            el('div', { class: 'fact' }, [el('dt', { text: t('request.channel.' + (c.channel === 'email' ? 'email' : 'phone')) }),
              el('dd', { dir: 'ltr', class: 'break', text: contact || '' })]),
            el('div', { class: 'fact' }, [el('dt', { text: t('request.message') }),
              el('dd', { class: 'content message', dir: 'auto', text: c.message || t('request.message.none') })])
          ])
      ]);
    }

    function render(from, to, total, requests) {
      shown = [];
      var items = requests.map(item);
      $('request-body').replaceChildren(
        el('p', { class: 'back-row' }, [el('button', { type: 'button', class: 'btn-link back', id: 'flood-back', text: t('request.back') })]),
        el('h1', { id: 'request-title', tabindex: '-1', text: t('flood.view.title', { from: F.shortDateTime(from), to: F.shortDateTime(to - 60) }) }),
        el('p', { id: 'flood-count', text: t(total > requests.length ? 'flood.view.more' : 'flood.view.count', { n: total, shown: requests.length }) }),
        el('p', { class: 'actions' }, [
          el('button', { type: 'button', class: 'btn secondary', id: 'flood-all', text: t('flood.all') }),
          ' ',
          el('button', { type: 'button', class: 'btn secondary', id: 'flood-none', text: t('flood.none.pick') })
        ]),
        el('ul', { class: 'plain flood-list', 'aria-labelledby': 'request-title' }, items),
        el('section', { class: 'card danger', 'aria-labelledby': 'flood-delete-title' }, [
          el('h2', { id: 'flood-delete-title', text: t('flood.delete.title') }),
          el('p', { class: 'hw-error-message', id: 'flood-delete-error', role: 'alert' }),
          el('button', { type: 'button', class: 'btn warning', id: 'flood-delete', text: t('flood.delete') }),
          window.HWStaffConfirm.build('flood-confirm', '', [el('p', { text: t('flood.confirm.text') })], [
            el('button', { type: 'button', class: 'btn warning', id: 'flood-yes', text: t('flood.confirm.yes') }),
            ' ',
            el('button', { type: 'button', class: 'btn secondary', id: 'flood-no', text: t('flood.confirm.no') })
          ], { questionId: 'flood-question', hidden: true })
        ])
      );
      h.show('request');
      h.focusHeading('request-title');
    }

    function picked() {
      return [].filter.call(document.querySelectorAll('#request-body .flood-pick'), function (x) { return x.checked; })
        .map(function (x) { return x.value; });
    }

    function tick(all) {
      [].forEach.call(document.querySelectorAll('#request-body .flood-pick'), function (x) { x.checked = all; });
    }

    function remove() {
      var ids = picked();
      api.batchDelete(ids).then(function (answer) {
        shown = [];
        $('request-body').replaceChildren();
        h.loadHome({ focus: 'flood-title', message: t('flood.deleted', { n: answer.deleted }) });
      }, function (err) { h.failed(err, $('flood-delete-error')); });
    }

    function onClick(event) {
      var target = event.target.closest('button');
      if (!target || target.id.indexOf('flood-') !== 0) return false;
      if (target.id === 'flood-back') {
        shown = [];
        $('request-body').replaceChildren();
        h.loadHome({ focus: 'flood-title' });
      } else if (target.id === 'flood-all' || target.id === 'flood-none') tick(target.id === 'flood-all');
      else if (target.id === 'flood-delete') {
        var n = picked().length;
        $('flood-delete-error').textContent = n ? '' : t('flood.err.none');
        if (!n) return true;
        $('flood-question').firstChild.textContent = t('flood.confirm.title', { n: n });
        $('flood-delete').hidden = true;
        $('flood-confirm').hidden = false;
        $('flood-question').focus();
      } else if (target.id === 'flood-no') {
        $('flood-confirm').hidden = true;
        $('flood-delete').hidden = false;
        $('flood-delete').focus();
      } else if (target.id === 'flood-yes') remove();
      return true;
    }

    return { section: section, onSubmit: onSubmit, onClick: onClick };
  };
}());
