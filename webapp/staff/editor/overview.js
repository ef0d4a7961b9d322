/*
 * The directory editor: the overview ("Overzicht"). What is published (version, when, by
 * whom, note), the draft (revision, last saved, started from which version, a warning
 * when a newer version was published since), "Concept weggooien" after a confirmation,
 * and "Wat aandacht nodig heeft" grouped by organisation, most urgent first as the server
 * orders it, each item with "Bewerken" that opens the form at its field.
 * Promises: only textContent; a source link opens in a new tab with rel="noreferrer noopener".
 */
'use strict';
window.HWStaffEditor.part(function (E) {
  var page = E.page, $ = page.$, el = page.el, F = E.F, D = E.D, api = E.api, t = E.t;
  var ov = E.ov, ed = E.ed, names = E.names;
  var button = E.button, confirmBox = E.confirmBox, failed = E.failed;
  var fill = E.fill, isDirty = E.isDirty, isoSeconds = E.isoSeconds, stale = E.stale;
  var versionDoc = E.versionDoc, when = E.when;

  function openOverview(options) {
    options = options || {};
    return Promise.all([api.directory(), api.attention()]).then(function (results) {
      if (!page.loggedIn()) return;
      ov.published = results[0].published;
      ov.draft = results[0].draft;
      ov.attention = results[1].items || [];
      ov.confirmDiscard = false;
      return attentionDoc().then(function () {
        renderOverview();
        page.show('overview');
        if (options.message) page.notice(options.message);
        page.focusHeading(options.focus || 'overview-title');
      });
    }).catch(function (err) { failed(err); });
  }

  // The document the attention items were found in (the draft if there is one, else the
  // published version): it names their organisations, services and phones.
  function attentionDoc() {
    var which = ov.draft ? 'draft' : ov.published ? ov.published.version : null;
    ov.doc = null;
    if (which === null) return Promise.resolve();
    return versionDoc(which).then(function (directory) { ov.doc = directory; }, function () { /* keys instead of names */ });
  }

  function publishedText(published) {
    if (!published) return t('ov.published.none');
    return t('ov.published.text', {
      version: published.version, date: when(isoSeconds(published.published_at)), who: published.published_by || t('ov.unknown')
    });
  }

  function renderOverview() {
    var body = $('overview-body');
    var state = [
      fact(t('ov.published'), [
        el('p', { id: 'ov-published', text: publishedText(ov.published) }),
        ov.published && ov.published.note ? el('p', { class: 'meta', text: t('ov.note', { note: ov.published.note }) }) : null
      ]),
      fact(t('ov.draft'), [el('p', { id: 'ov-draft', text: ov.draft
        ? t('ov.draft.text', { revision: ov.draft.revision, date: F.dateTime(ov.draft.updated_at), who: ov.draft.updated_by, version: ov.draft.based_on })
        : t('ov.draft.none') })])
    ];
    var actions = [
      button({ class: 'btn', id: 'ov-edit' }, t(ov.draft ? 'ov.edit' : 'ov.start')),
      button({ class: 'btn secondary', id: 'ov-versions' }, t('ov.versions'))
    ];
    if (ov.draft) actions.push(button({ class: 'btn secondary', id: 'ov-discard', hidden: ov.confirmDiscard }, t('ov.discard')));
    var parts = [
      el('p', { class: 'lead', text: t('ov.intro') }),
      el('section', { class: 'card', 'aria-labelledby': 'ov-state-title' }, [
        el('h2', { id: 'ov-state-title', text: t('ov.state') }),
        el('dl', { class: 'facts' }, state),
        stale() ? el('div', { class: 'warn-box', id: 'ov-stale' }, [
          el('p', {}, [el('strong', { text: t('ov.stale.title', { version: ov.draft.based_on, published: ov.published.version }) })]),
          el('p', { text: t('ov.stale.text') })
        ]) : null,
        isDirty() ? el('p', { class: 'warn-line', id: 'ov-unsaved', text: t('ov.unsaved') }) : null,
        el('p', { class: 'actions' }, actions),
        ov.confirmDiscard ? confirmBox('ov-discard-confirm', t('ov.discard.q'), [el('p', { id: 'ov-discard-text', text: t('ov.discard.text') })], [
          button({ class: 'btn warning', id: 'ov-discard-yes', 'aria-describedby': 'ov-discard-text' }, t('ov.discard.yes')), ' ',
          button({ class: 'btn secondary', id: 'ov-discard-no' }, t('ov.discard.no'))
        ]) : null,
        el('p', { class: 'hw-error-message', id: 'ov-discard-error', role: 'alert' })
      ]),
      attentionSection()
    ];
    fill(body, parts);
  }

  function fact(label, value) {
    return el('div', { class: 'fact' }, [el('dt', { text: label }), el('dd', {}, value)]);
  }

  function attentionSection() {
    var items = ov.attention || [];
    var content;
    if (!items.length) content = el('p', { class: 'empty', text: t('att.none') });
    else {
      var groups = [];
      items.forEach(function (item) {
        var group = groups.filter(function (g) { return g.key === item.organization; })[0];
        if (!group) groups.push(group = { key: item.organization, items: [] });
        group.items.push(item);
      });
      content = el('div', { id: 'attention' }, groups.map(function (group, g) {
        var name = D.orgName(names, group.key);
        return el('section', { class: 'att-group', 'aria-labelledby': 'att-org-' + g }, [
          el('h3', { id: 'att-org-' + g, text: name }),
          el('ul', { class: 'att-list' }, group.items.map(function (item) { return attentionItem(item, name); }))
        ]);
      }));
    }
    return el('section', { 'aria-labelledby': 'att-title', class: 'attention' }, [
      el('h2', { id: 'att-title', text: t('att.title') }),
      el('p', { text: t(ov.draft ? 'att.intro.draft' : 'att.intro.published') }),
      items.length ? el('p', { class: 'count', text: t('att.count', { n: items.length }) }) : null,
      content
    ]);
  }

  function attentionItem(item, orgName) {
    var org = null;
    if (ov.doc) org = (ov.doc.organizations || []).filter(function (o) { return o.key === item.organization; })[0] || null;
    var where = D.describeField(item.field, org).join(' › ');
    var what;
    var reason = String(item.reason);
    var dates = { due: isoDay(item.due), withdrawn: isoDay(item.withdrawn_on), checked: isoDay(item.checked) };
    if (reason === 'todo') what = [el('strong', { text: t('att.todo') + ': ' }), el('span', { dir: 'auto', text: D.text(item.text) })];
    else if (reason === 'withdrawn' || reason === 'overdue' || reason === 'due_soon') {
      what = [el('strong', { text: t('att.' + reason, dates) + ': ' }), where,
        el('span', { class: 'att-dates', text: ' ' + t('att.' + reason + '.more', dates) })];
    } else if (reason === 'unverified') what = [el('strong', { text: t('att.unverified') + ': ' }), where];
    else what = [el('strong', { text: reason + ': ' }), where];
    var context = t('att.edit.context', { org: orgName, what: where });
    return el('li', { class: 'att-item att-' + reason.replace(/[^a-z_]/g, '') }, [
      item.crisis_line && reason !== 'todo' ? el('span', { class: 'badge badge-crisis', text: t('att.crisis') }) : null,
      item.crisis_line && reason !== 'todo' ? ' ' : null,
      el('span', { class: 'att-what' }, what), ' ',
      /^https:\/\//.test(item.source_url || '') && reason !== 'todo' ? el('a', {
        class: 'att-source', href: item.source_url, target: '_blank', rel: 'noreferrer noopener'
      }, [t('att.source'), el('span', { class: 'vh', text: ' ' + context }), ' ', el('span', { class: 'newtab', text: t('preview.newTab') })]) : null,
      reason !== 'todo' && item.source_url ? ' ' : null,
      el('button', { type: 'button', class: 'btn-link', 'data-att-org': item.organization, 'data-att-field': item.field }, [
        t('att.edit'), el('span', { class: 'vh', text: ' ' + context })
      ])
    ].filter(function (x) { return x !== null; }));
  }

  // "2027-01-03" as "3 januari 2027" (a date without a time of day).
  function isoDay(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
    if (!m) return iso || '';
    return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).toLocaleDateString(F.language() === 'en' ? 'en-GB' : 'nl-NL',
      { day: 'numeric', month: 'long', year: 'numeric' });
  }

  function onOverviewClick(event) {
    var target = event.target.closest('button');
    if (!target) return;
    if (target.id === 'ov-edit') E.openEditor({});
    else if (target.id === 'ov-versions') E.openVersions({});
    else if (target.id === 'ov-discard') { ov.confirmDiscard = true; renderOverview(); $('ov-discard-confirm-q').focus(); }
    else if (target.id === 'ov-discard-no') { ov.confirmDiscard = false; renderOverview(); $('ov-discard').focus(); }
    else if (target.id === 'ov-discard-yes') discardDraft();
    else if (target.hasAttribute('data-att-org')) {
      E.openEditor({ orgKey: target.getAttribute('data-att-org'), field: target.getAttribute('data-att-field') });
    }
  }

  function discardDraft() {
    if (ed.busy.discard) return;
    ed.busy.discard = true;
    api.discardDraft().then(function () {
      E.resetEditor();
      page.updateNav();
      return openOverview({ message: t('ov.discard.done') });
    }, function (err) { failed(err, $('ov-discard-error')); }).then(function () { ed.busy.discard = false; });
  }

  E.onOverviewClick = onOverviewClick;
  E.openOverview = openOverview;
  E.renderOverview = renderOverview;
});
