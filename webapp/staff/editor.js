/*
 * The directory editor of the staff portal, for the editor role: an overview (what is
 * published, the draft, what needs attention), the editor of the draft (every field
 * residents see, per organisation), preview, publish, versions with a diff between any
 * two, and restore. The API is server/http/editor_routes.h.
 *
 * Careful by design:
 * - Edits change a working copy in memory (`ed.doc`); nothing reaches the server until
 *   "Concept opslaan". Leaving the page with unsaved changes asks first.
 * - Saving and publishing name the revision they started from; when a colleague saved in
 *   between, the page says so, keeps what this editor changed on screen, and reloads
 *   only when asked.
 * - Every problem the server finds is shown next to the field it names, and all of them
 *   in a list at the top with links to the fields.
 * - Publishing and restoring show what changes for residents and ask for confirmation.
 * - An edit is not a check: changing a contact detail unticks its "verified" at once;
 *   ticking it again needs a source link and who checked. The dial form of a number is
 *   derived by the server, never typed.
 * - Four eyes: a draft that changes a crisis line is published only after another editor
 *   approved that revision; until then publishing is not offered.
 * Server text is only ever set with textContent. Nothing goes into storage or the URL.
 *
 * Loaded before staff.js, which calls HWStaffEditor(page) with its helpers.
 */
'use strict';
window.HWStaffEditor = function (page) {
  var $ = page.$;
  var el = page.el;
  var F = window.HWStaffFormat;
  var D = window.HWStaffDirectory;
  var api = window.HWStaffApi;
  var t = F.t;

  var NOTE_MAX = 200;
  var PROVENANCE_FIELDS = ['source', 'source_url', 'source_date', 'checked', 'checked_by', 'verified'];
  var FACT_FIELDS = ['hours', 'free', 'anonymous', 'day_and_night', 'schedule', 'languages'];

  var ov = { published: null, draft: null, attention: null, doc: null, confirmDiscard: false };
  var ed = emptyEditor();
  // Names of organisations, services and phones from every document seen (a diff or an
  // issue can name something that is gone from the draft); kept until logout.
  var names = { orgs: {}, services: {}, phones: {} };
  var vs = { list: null, from: null, to: null, diff: null, restoring: null, restoreChanges: null, docs: {} };

  function emptyEditor() {
    return {
      loaded: false, revision: 0, basedOn: 0, updatedAt: 0, updatedBy: '',
      base: null, doc: null, issues: [], selectedId: null,
      conflict: null,   // {kind: 'save'|'gone'|'publish', changes: [...]} after a refused save or publish
      lost: null,       // changes of this editor that were not saved, kept after a reload
      confirm: null,    // path of a service or 'org' whose removal is being confirmed
      confirmRevert: false,
      publish: null,    // {changes: [...], check} while the publish confirmation is open
      published: null,  // the published directory: an edit typed back to it is checked again
      check: null,      // GET directory/publish-check of this revision: crisis-line changes, approval
      recheck: {},      // "orgId|detail path" -> true: edited since its check, so unticked
      unticked: [],     // what the last save unticked (the server's list)
      note: '',
      wasDirty: false,
      busy: {}
    };
  }

  /* ---------- small helpers ---------- */

  function quote(value) { return '"' + String(value).replace(/["\\]/g, '\\$&') + '"'; }
  function isoSeconds(iso) { var ms = Date.parse(iso); return isNaN(ms) ? null : Math.floor(ms / 1000); }
  function when(seconds) { return seconds === null ? '' : F.dateTime(seconds); }
  function orgLabel(org) { return D.text(org && org.name) || t('ed.unnamed'); }

  function mergeNames(documents) {
    var more = D.nameIndex(documents);
    ['orgs', 'services', 'phones'].forEach(function (kind) {
      Object.keys(more[kind]).forEach(function (k) { names[kind][k] = more[kind][k]; });
    });
  }

  function failed(err, target) { page.failed(err, target); }

  function setError(control, errorId, text) {
    var error = $(errorId);
    if (error) error.textContent = text || '';
    if (!control) return;
    var ids = (control.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== errorId; });
    if (text) { ids.push(errorId); control.setAttribute('aria-invalid', 'true'); } else control.removeAttribute('aria-invalid');
    if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
    else control.removeAttribute('aria-describedby');
  }

  function confirmBox(id, question, texts, buttons) {
    return el('div', { id: id, class: 'confirm' }, [
      el('p', { id: id + '-q', class: 'confirm-q', tabindex: '-1' }, [el('strong', { text: question })])
    ].concat(texts).concat([el('p', { class: 'actions' }, buttons)]));
  }

  // Replaces the children of `node`; null entries (parts that do not apply) are left out.
  function fill(node, parts) {
    node.replaceChildren.apply(node, parts.filter(function (part) { return part !== null && part !== undefined; }));
  }

  function button(attrs, text) {
    attrs.type = attrs.type || 'button';
    attrs.text = text;
    return el('button', attrs);
  }

  /* ---------- the words for issues and changes ---------- */

  function issueText(issue) {
    var words = D.issueWords(issue);
    if (words) {
      if (words.params.key) words.params.name = D.orgName(names, words.params.key);
      return { text: t(words.key, words.params) };
    }
    // Not one we know: the server's own (English) words.
    return { text: t('msg.unknown', { message: issue.message }), lang: F.language() === 'en' ? null : 'en' };
  }

  function changeList(changes, labels, id) {
    if (!changes.length) return el('p', { class: 'empty', id: id, text: t('diff.none') });
    var items = changes.map(function (change) {
      var where = D.describeChange(change.path, names);
      return el('li', { class: 'change' }, [
        el('p', { class: 'change-where' }, [el('strong', { text: where.join(' › ') || change.path })]),
        el('dl', { class: 'change-values' }, [
          el('div', {}, [el('dt', { text: labels[0] }), el('dd', { class: 'value', dir: 'auto', text: D.formatValue(change.before) })]),
          el('div', {}, [el('dt', { text: labels[1] }), el('dd', { class: 'value', dir: 'auto', text: D.formatValue(change.after) })])
        ]),
        el('p', { class: 'change-path' }, [el('code', { text: change.path })])
      ]);
    });
    return el('ol', { class: 'changes', id: id }, items);
  }

  /* ==================== overview ==================== */

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

  function versionDoc(v) {
    if (v === 'draft') {
      if (ed.loaded) return Promise.resolve(ed.base);
      return api.draft().then(function (draft) { mergeNames([draft.directory]); return draft.directory; });
    }
    if (vs.docs[v]) return Promise.resolve(vs.docs[v]);
    return api.version(v).then(function (data) {
      vs.docs[v] = data.directory;
      mergeNames([data.directory]);
      return data.directory;
    });
  }

  function stale() {
    return !!(ov.draft && ov.published && ov.draft.based_on !== ov.published.version);
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
        el('p', { class: 'field-error', id: 'ov-discard-error', role: 'alert' })
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
    if (target.id === 'ov-edit') openEditor({});
    else if (target.id === 'ov-versions') openVersions({});
    else if (target.id === 'ov-discard') { ov.confirmDiscard = true; renderOverview(); $('ov-discard-confirm-q').focus(); }
    else if (target.id === 'ov-discard-no') { ov.confirmDiscard = false; renderOverview(); $('ov-discard').focus(); }
    else if (target.id === 'ov-discard-yes') discardDraft();
    else if (target.hasAttribute('data-att-org')) {
      openEditor({ orgKey: target.getAttribute('data-att-org'), field: target.getAttribute('data-att-field') });
    }
  }

  function discardDraft() {
    if (ed.busy.discard) return;
    ed.busy.discard = true;
    api.discardDraft().then(function () {
      ed = emptyEditor();
      page.updateNav();
      return openOverview({ message: t('ov.discard.done') });
    }, function (err) { failed(err, $('ov-discard-error')); }).then(function () { ed.busy.discard = false; });
  }

  /* ==================== the editor ==================== */

  // options: {orgKey, field: focus this field of that organisation, message, focus}
  function openEditor(options) {
    options = options || {};
    var loading = ed.loaded ? Promise.resolve(null) : api.draft();
    return Promise.all([loading, api.directory()]).then(function (results) {
      return loadCheck().then(function () { return results; });
    }).then(function (results) {
      var published = results[1].published;
      if (!published) return [results, null];
      return versionDoc(published.version).then(function (doc) { return [results, doc]; }, function () { return [results, null]; });
    }).then(function (both) {
      var results = both[0];
      if (!page.loggedIn()) return;
      ed.published = both[1];
      ov.published = results[1].published;
      ov.draft = results[1].draft;
      if (results[0]) applyDraft(results[0], false);
      if (options.orgKey) {
        var org = ed.doc.organizations.filter(function (o) { return o.key === options.orgKey; })[0];
        if (org) ed.selectedId = org.id;
      }
      renderEditor();
      page.show('editor');
      if (options.message) page.notice(options.message);
      if (options.field !== undefined && options.orgKey) focusField(ed.selectedId, options.field);
      else page.focusHeading(options.focus || 'editor-title');
    }).catch(function (err) { failed(err); });
  }

  function applyDraft(draft, keepDoc) {
    ed.loaded = true;
    ed.revision = draft.revision;
    ed.basedOn = draft.based_on;
    ed.updatedAt = draft.updated_at;
    ed.updatedBy = draft.updated_by;
    ed.base = draft.directory;
    if (!keepDoc) ed.doc = D.clone(draft.directory);
    ed.issues = Array.isArray(draft.issues) ? draft.issues : [];
    ov.draft = { revision: draft.revision, based_on: draft.based_on, updated_at: draft.updated_at, updated_by: draft.updated_by };
    mergeNames([ed.base, ed.doc]);
    var orgs = ed.doc.organizations || [];
    if (!orgs.some(function (o) { return o.id === ed.selectedId; })) ed.selectedId = orgs.length ? orgs[0].id : null;
    ed.wasDirty = isDirty();
    page.updateNav();
  }

  function isDirty() { return !!(ed.loaded && ed.doc && !D.equal(ed.doc, ed.base)); }

  function orgs() { return (ed.doc && ed.doc.organizations) || []; }
  function selectedIndex() {
    var list = orgs();
    for (var i = 0; i < list.length; i++) if (list[i].id === ed.selectedId) return i;
    return -1;
  }
  function selectedOrg() { return orgs()[selectedIndex()] || null; }
  function baseOrg(id) {
    return ((ed.base && ed.base.organizations) || []).filter(function (o) { return o.id === id; })[0] || null;
  }

  // The issues of one organisation of the working copy.
  function issuesOf(org, index) {
    return ed.issues.filter(function (issue) {
      var who = D.issueOrganization(issue);
      if (!who) return false;
      if (who.key !== null) return who.key === org.key;
      return who.index === index;
    });
  }

  function orgOfIssue(issue) {
    var who = D.issueOrganization(issue);
    if (!who) return null;
    var list = orgs();
    if (who.key !== null) return list.filter(function (o) { return o.key === who.key; })[0] || null;
    return list[who.index] || null;
  }

  /* ---------- rendering the editor ---------- */

  function renderEditor() {
    var body = $('editor-body');
    var dirty = isDirty();
    ed.wasDirty = dirty;
    var parts = [
      el('p', { class: 'meta', id: 'ed-state', text: t('ed.state', {
        revision: ed.revision, date: F.dateTime(ed.updatedAt), who: ed.updatedBy, version: ed.basedOn
      }) }),
      stale() ? el('div', { class: 'warn-box', id: 'ed-stale' }, [
        el('p', {}, [el('strong', { text: t('ov.stale.title', { version: ed.basedOn, published: ov.published.version }) })]),
        el('p', { text: t('ed.stale.text') })
      ]) : null,
      ed.conflict ? conflictBox() : null,
      ed.lost ? lostBox() : null,
      ed.issues.length ? issueSummary() : null,
      untickedBox(),
      replaceBox(),
      el('p', { class: 'dirty', id: 'ed-dirty', role: 'status', text: dirty ? t('ed.dirty') : '' }),
      el('div', { class: 'actions ed-actions' }, [
        button({ class: 'btn', id: 'ed-save' }, t('ed.save')),
        button({ class: 'btn secondary', id: 'ed-revert', hidden: ed.confirmRevert }, t('ed.revert')),
        ed.confirmRevert ? confirmBox('ed-revert-confirm', t('ed.revert.q'), [el('p', { id: 'ed-revert-text', text: t('ed.revert.text') })], [
          button({ class: 'btn warning', id: 'ed-revert-yes', 'aria-describedby': 'ed-revert-text' }, t('ed.revert.yes')), ' ',
          button({ class: 'btn secondary', id: 'ed-revert-no' }, t('ed.revert.no'))
        ]) : null,
        el('p', { class: 'field-error', id: 'ed-save-error', role: 'alert' }),
        el('p', { class: 'saved', id: 'ed-saved', role: 'status' })
      ]),
      el('div', { class: 'ed-layout' }, [
        el('section', { class: 'ed-orgs', 'aria-labelledby': 'ed-orgs-title' }, [
          el('h2', { id: 'ed-orgs-title', tabindex: '-1', text: t('ed.orgs') }),
          el('p', { class: 'hint', id: 'ed-orgs-hint', text: t('ed.orgs.hint') }),
          el('ul', { class: 'org-list', id: 'org-list' }),
          button({ class: 'btn secondary', id: 'ed-add-org', 'data-action': 'add-org' }, t('ed.org.add'))
        ]),
        el('form', { id: 'org-form', class: 'ed-form', novalidate: true, 'aria-labelledby': 'org-title' })
      ]),
      previewSection(),
      approvalSection(),
      publishSection()
    ];
    fill(body, parts);
    renderOrgList();
    renderOrgForm();
  }

  function renderOrgList() {
    var list = $('org-list');
    if (!list) return;
    list.replaceChildren.apply(list, orgs().map(function (org, i) {
      var count = issuesOf(org, i).length;
      var before = baseOrg(org.id);
      var changed = !before || !D.equal(before, org);
      var current = org.id === ed.selectedId;
      return el('li', {}, [el('button', {
        type: 'button', class: 'org-btn', 'data-org': org.id, 'aria-current': current ? 'true' : null
      }, [
        el('span', { class: 'org-name', dir: 'auto', text: orgLabel(org) }),
        count ? el('span', { class: 'badge badge-issue', text: t('ed.org.issues', { n: count }) }) : null,
        changed ? el('span', { class: 'badge badge-changed', text: t(before ? 'ed.org.changed' : 'ed.org.new') }) : null
      ])]);
    }));
  }

  function conflictBox() {
    var c = ed.conflict;
    var kids = [
      el('h2', { class: 'error-title', id: 'ed-conflict-title', text: t('conflict.' + c.kind + '.title') }),
      el('p', { text: t('conflict.' + c.kind + '.text') })
    ];
    if (c.changes && c.changes.length) {
      kids.push(el('h3', { class: 'small-title', id: 'ed-conflict-mine', text: t('conflict.yours', { n: c.changes.length }) }));
      kids.push(changeList(c.changes, [t('diff.before'), t('conflict.yourValue')], 'ed-conflict-changes'));
    }
    kids.push(el('p', { class: 'actions' }, [button({ class: 'btn', id: 'ed-reload' }, t('conflict.reload'))]));
    return el('div', { class: 'error-box', id: 'ed-conflict', tabindex: '-1', role: 'region', 'aria-labelledby': 'ed-conflict-title' }, kids);
  }

  function lostBox() {
    return el('div', { class: 'warn-box', id: 'ed-lost', tabindex: '-1', role: 'region', 'aria-labelledby': 'ed-lost-title' }, [
      el('h2', { class: 'error-title', id: 'ed-lost-title', text: t('lost.title', { n: ed.lost.length }) }),
      el('p', { text: t('lost.text') }),
      changeList(ed.lost, [t('lost.before'), t('conflict.yourValue')], 'ed-lost-changes'),
      el('p', { class: 'actions' }, [button({ class: 'btn secondary', id: 'ed-lost-close' }, t('lost.close'))])
    ]);
  }

  // The error summary: every problem, with a link to its field.
  function issueSummary() {
    var items = ed.issues.map(function (issue, n) {
      var org = orgOfIssue(issue);
      var words = issueText(issue);
      var where;
      var href;
      var attrs = { class: 'issue-link', 'data-issue': String(n) };
      if (org) {
        where = [orgLabel(org)].concat(D.describeField(issue.field, org)).join(' › ');
        href = '#' + fid(issue.field || '') ;
      } else if (issue.file === 'questionnaire') {
        var routed = D.routingProblems([issue])[0];
        where = t('path.questionnaire');
        href = routed ? '#replace-' + routed.key : '#ed-issues';
      } else {
        where = t('ed.issue.document');
        href = '#ed-issues';
      }
      attrs.href = href;
      return el('li', {}, [
        el('a', attrs, [where]), ': ',
        el('span', { lang: words.lang || null, text: words.text })
      ]);
    });
    return el('div', { class: 'error-box', id: 'ed-issues', tabindex: '-1', role: 'region', 'aria-labelledby': 'ed-issues-title' }, [
      el('h2', { class: 'error-title', id: 'ed-issues-title', text: t('ed.issues.title', { n: ed.issues.length }) }),
      el('p', { text: t('ed.issues.text') }),
      el('ul', { class: 'issue-list' }, items)
    ]);
  }

  // The questionnaire routes to organisations that are gone or inactive: choose what replaces them.
  function replaceBox() {
    var problems = D.routingProblems(ed.issues);
    if (!problems.length) return null;
    var candidates = orgs().filter(function (o) {
      return (o.services || []).some(function (s) { return s && s.status === 'active'; });
    });
    var fields = problems.map(function (p) {
      var id = 'replace-' + p.key;
      var options = [el('option', { value: '', text: t('replace.choose') })].concat(candidates.filter(function (o) {
        return o.key !== p.key;
      }).map(function (o) { return el('option', { value: o.key, text: orgLabel(o) + ' (' + o.key + ')' }); }));
      return el('div', { class: 'field' }, [
        el('label', { for: id, text: t('replace.label.' + p.reason, { name: D.orgName(names, p.key) }) }),
        el('p', { class: 'field-error', id: id + '-error' }),
        el('select', { id: id, name: id, 'data-replace': p.key }, options)
      ]);
    });
    return el('section', { class: 'card warn', id: 'ed-replace', 'aria-labelledby': 'replace-title' }, [
      el('h2', { id: 'replace-title', text: t('replace.title') }),
      el('p', { text: t('replace.text') }),
      el('form', { id: 'replace-form', novalidate: true }, fields.concat([
        button({ type: 'submit', class: 'btn', id: 'replace-save' }, t('replace.save'))
      ]))
    ]);
  }

  function previewSection() {
    var blocked = ed.issues.length > 0;
    return el('section', { class: 'card preview-card', 'aria-labelledby': 'preview-title' }, [
      el('p', { class: 'preview-banner', id: 'preview-banner', text: t('preview.banner') }),
      el('h2', { id: 'preview-title', text: t('preview.title') }),
      el('p', { id: 'preview-text', text: t('preview.text') }),
      blocked
        ? el('p', { class: 'warn-box', id: 'preview-blocked', text: t('preview.blocked') })
        : el('p', {}, [el('a', {
          class: 'btn secondary', id: 'preview-link', href: '/staff/preview/', target: '_blank', rel: 'noopener',
          'aria-describedby': 'preview-text'
        }, [t('preview.open'), ' ', el('span', { class: 'newtab', text: t('preview.newTab') })])]),
      el('p', { class: 'warn-line', id: 'preview-dirty', text: isDirty() ? t('preview.dirty') : '' })
    ]);
  }

  function publishSection() {
    var p = ed.publish;
    var note = el('input', {
      id: 'publish-note', name: 'note', type: 'text', maxlength: String(NOTE_MAX), autocomplete: 'off',
      'aria-describedby': 'publish-note-hint'
    });
    note.value = ed.note;
    var kids = [
      el('h2', { id: 'publish-title', text: t('pub.title') }),
      el('p', { id: 'publish-text', text: t('pub.text') }),
      el('form', { id: 'publish-form', class: 'form', novalidate: true }, [
        el('div', { class: 'field' }, [
          el('label', { for: 'publish-note', text: t('pub.note') }),
          el('p', { class: 'hint', id: 'publish-note-hint', text: t('pub.note.hint') }),
          el('p', { class: 'field-error', id: 'publish-note-error' }),
          note
        ]),
        button({ type: 'submit', class: 'btn', id: 'publish-start', hidden: !!p }, t('pub.start'))
      ])
    ];
    if (p) {
      var c = ed.check && ed.check.revision === ed.revision ? ed.check : null;
      var waiting = !!(c && c.approval_required && !c.approved_by);
      var texts = [el('p', { id: 'publish-confirm-text', text: t('pub.confirm.text', { n: p.changes.length }) })];
      if (ed.issues.length) texts.push(el('p', { class: 'warn-line', text: t('pub.confirm.issues', { n: ed.issues.length }) }));
      if (c && c.crisis_changes.length) {
        texts.push(el('h3', { class: 'small-title', id: 'publish-crisis-title', text: t('pub.crisis.title', { n: c.crisis_changes.length }) }));
        texts.push(crisisList(c.crisis_changes, 'publish-crisis'));
        texts.push(el('p', { id: 'publish-approval', class: waiting ? 'warn-line' : 'ok-line',
          text: waiting ? t('pub.crisis.waiting') : t('appr.done', { who: c.approved_by }) }));
      }
      texts.push(changeList(p.changes, [t('diff.before'), t('diff.after')], 'publish-changes'));
      kids.push(confirmBox('publish-confirm', t(waiting ? 'pub.confirm.q.waiting' : 'pub.confirm.q'), texts, [
        waiting ? null : button({ class: 'btn', id: 'publish-yes', 'aria-describedby': 'publish-confirm-text' }, t('pub.confirm.yes')), ' ',
        button({ class: 'btn secondary', id: 'publish-no' }, t(waiting ? 'pub.confirm.close' : 'pub.confirm.no'))
      ].filter(function (x) { return x !== null; })));
    }
    kids.push(el('p', { class: 'field-error', id: 'publish-error', role: 'alert' }));
    return el('section', { class: 'card', id: 'publish', 'aria-labelledby': 'publish-title' }, kids);
  }

  /* ---------- the form of one organisation ---------- */

  // The id of the control for a path inside the organisation: "services[0].phones[1].tel"
  // becomes "ef-services-0-phones-1-tel".
  function fid(path) { return 'ef-' + (path ? String(path).replace(/\[(\w+)\]/g, '-$1').replace(/\./g, '-') : 'org'); }

  var form = null;  // {org} while building

  function value(path) { return D.getAt(form.org, path); }

  function hintNode(id, text) { return text ? el('p', { class: 'hint', id: id + '-hint', text: text }) : null; }

  // A text, URL, date or csv field. opts: {kind, type, hint, lang, textarea, rows, className, readonly}
  function inputField(path, label, opts) {
    opts = opts || {};
    var id = fid(path);
    var current = value(path);
    var input = el(opts.textarea ? 'textarea' : 'input', {
      id: id, name: id, type: opts.textarea ? null : (opts.type || 'text'), rows: opts.textarea ? String(opts.rows || 3) : null,
      class: opts.className || null, lang: opts.lang || null, dir: opts.lang ? null : 'auto',
      'data-path': path, 'data-kind': opts.kind || 'string', 'data-field': path,
      'aria-describedby': opts.hint ? id + '-hint' : null, autocomplete: 'off', inputmode: opts.inputmode || null
    });
    if (opts.kind === 'csv') input.value = Array.isArray(current) ? current.join(', ') : '';
    else input.value = current === undefined || current === null ? '' : String(current);
    return el('div', { class: 'field' + (opts.textarea ? '' : ' field-line') }, [
      el('label', { for: id, text: label }), hintNode(id, opts.hint), input
    ]);
  }

  // A text in Dutch and English. opts: {hint, textarea, kind: 'opttext' for an optional text}
  function textPair(path, legend, opts) {
    opts = opts || {};
    var id = fid(path);
    return el('fieldset', { class: 'group pair', 'data-field': path, id: id, 'aria-describedby': opts.hint ? id + '-hint' : null }, [
      el('legend', { text: legend }),
      hintNode(id, opts.hint),
      inputField(path + '.nl', t('lang.nl'), { textarea: opts.textarea, kind: opts.kind, rows: opts.rows }),
      inputField(path + '.en', t('lang.en'), { textarea: opts.textarea, kind: opts.kind, lang: 'en', rows: opts.rows })
    ]);
  }

  function selectField(path, label, choices, hint) {
    var id = fid(path);
    var current = value(path);
    var select = el('select', { id: id, name: id, 'data-path': path, 'data-kind': 'string', 'data-field': path,
      'aria-describedby': hint ? id + '-hint' : null }, choices.map(function (c) {
      return el('option', { value: c[0], text: c[1] });
    }));
    if (current !== undefined && choices.every(function (c) { return c[0] !== current; })) {
      select.appendChild(el('option', { value: String(current), text: String(current) }));
    }
    select.value = current === undefined ? choices[0][0] : String(current);
    return el('div', { class: 'field field-line' }, [el('label', { for: id, text: label }), hintNode(id, hint), select]);
  }

  function checkField(path, label, hint) {
    var id = fid(path);
    var box = el('input', { type: 'checkbox', id: id, name: id, 'data-path': path, 'data-kind': 'bool', 'data-field': path,
      'aria-describedby': hint ? id + '-hint' : null });
    box.checked = value(path) === true;
    return el('div', { class: 'field check' }, [box, el('label', { for: id, text: label }), hintNode(id, hint)]);
  }

  // ja / nee / onbekend: "onbekend" removes the field (not known, nothing is shown).
  function threeWay(path, legend, hint) {
    var id = fid(path);
    var current = value(path);
    var choice = current === true ? 'yes' : current === false ? 'no' : 'unknown';
    return el('fieldset', { class: 'group three', id: id, 'data-field': path, 'aria-describedby': id + '-hint' }, [
      el('legend', { text: legend }),
      el('p', { class: 'hint', id: id + '-hint', text: hint }),
      el('div', { class: 'choices' }, ['yes', 'no', 'unknown'].map(function (v) {
        var radio = el('input', { type: 'radio', id: id + '-' + v, name: id, value: v, 'data-path': path, 'data-kind': 'bool3' });
        radio.checked = v === choice;
        return el('div', { class: 'choice' }, [radio, el('label', { for: id + '-' + v, text: t('three.' + v) })]);
      }))
    ]);
  }

  function checkList(path, legend, values, prefix, hint) {
    var id = fid(path);
    var current = value(path);
    current = Array.isArray(current) ? current : [];
    return el('fieldset', { class: 'group checks', id: id, 'data-field': path, 'aria-describedby': hint ? id + '-hint' : null }, [
      el('legend', { text: legend }),
      hintNode(id, hint),
      el('div', { class: 'choices' }, values.map(function (v) {
        var box = el('input', { type: 'checkbox', id: id + '-' + v, name: id, value: v, 'data-path': path, 'data-kind': 'list' });
        box.checked = current.indexOf(v) !== -1;
        return el('div', { class: 'choice' }, [box, el('label', { for: id + '-' + v, text: t(prefix + v) })]);
      }))
    ]);
  }

  // Where a detail was seen and who checked it when. An edit of the detail unticks
  // "verified" (an edit is not a check); ticking it again needs a source link, a date and
  // a name.
  function provenance(path, legend) {
    var id = fid(path);
    var org = form.org;
    var marked = !!ed.recheck[org.id + '|' + path];
    return el('fieldset', { class: 'group provenance', id: id + '-provenance' }, [
      el('legend', { text: legend || t('ed.provenance') }),
      el('p', { class: 'recheck', id: id + '-recheck', role: 'status', text: marked ? t('ed.recheck') : '' }),
      inputField(path + '.source', t('field.source'), { kind: 'optstring', hint: t('hint.source') }),
      inputField(path + '.source_url', t('field.source_url'), { type: 'url', kind: 'optstring', hint: t('hint.source_url') }),
      inputField(path + '.source_date', t('field.source_date'), { kind: 'optstring', className: 'short', hint: t('hint.source_date') }),
      inputField(path + '.checked', t('field.checked'), { type: 'date', kind: 'optstring', className: 'short', hint: t('hint.checked') }),
      inputField(path + '.checked_by', t('field.checked_by'), { kind: 'optstring', hint: t('hint.checked_by') }),
      checkField(path + '.verified', t('field.verified'), t('hint.verified'))
    ]);
  }

  function removeButton(path, text) {
    return el('p', { class: 'actions remove-row' }, [
      button({ class: 'btn secondary small', 'data-action': 'remove', 'data-path': path }, text)
    ]);
  }

  function schedule(path, legend, hint) {
    var id = fid(path);
    var slots = value(path);
    slots = Array.isArray(slots) ? slots : [];
    var kids = [el('legend', { text: legend }), hintNode(id, hint)];
    if (!slots.length) kids.push(el('p', { class: 'empty-line', text: t('ed.schedule.none') }));
    slots.forEach(function (slot, i) {
      var p = path + '[' + i + ']';
      var sid = fid(p);
      kids.push(el('fieldset', { class: 'group slot', id: sid, 'data-field': p }, [
        el('legend', { text: t('path.slot', { i: i + 1 }) }),
        checkList(p + '.days', t('field.days'), D.DAYS, 'day.'),
        el('div', { class: 'times' }, [
          inputField(p + '.opens', t('field.opens'), { className: 'time', hint: t('hint.time') }),
          inputField(p + '.closes', t('field.closes'), { className: 'time' })
        ]),
        removeButton(p, t('ed.slot.remove', { i: i + 1 }))
      ]));
    });
    kids.push(el('p', { class: 'actions' }, [
      button({ class: 'btn secondary small', id: id + '-add', 'data-action': 'add-slot', 'data-path': path }, t('ed.slot.add'))
    ]));
    return el('fieldset', { class: 'group schedule', id: id, 'data-field': path, 'aria-describedby': hint ? id + '-hint' : null }, kids);
  }

  function phoneBlock(servicePath, phone, i) {
    var p = servicePath + '.phones[' + i + ']';
    return el('fieldset', { class: 'group item', id: fid(p), 'data-field': p }, [
      el('legend', { text: t('path.phone', { i: i + 1 }) }),
      inputField(p + '.number', t('field.number'), { hint: t('hint.number'), inputmode: 'tel' }),
      telOutput(p, phone),
      selectField(p + '.type', t('field.type'), [['voice', t('phonetype.voice')], ['text', t('phonetype.text')]]),
      textPair(p + '.description', t('field.description'), { hint: t('hint.phone.description') }),
      textPair(p + '.cost', t('field.cost'), { hint: t('hint.cost') }),
      provenance(p),
      removeButton(p, t('ed.phone.remove', { i: i + 1 }))
    ]);
  }

  // The dial form is never typed: the server derives it from the written number when the
  // draft is saved. Shown as text, with what saving will store for the number typed now.
  function telOutput(p, phone) {
    var id = fid(p + '.tel');
    return el('div', { class: 'field derived', id: id }, [
      el('p', { class: 'derived-value' }, [
        el('strong', { text: t('field.tel') + ': ' }),
        el('span', { id: id + '-value', dir: 'ltr', text: telText(phone) })
      ]),
      el('p', { class: 'hint', id: id + '-hint', text: t('hint.tel.derived') })
    ]);
  }

  function telText(phone) {
    var derived = D.dialForm(phone && phone.number);
    if (!derived) return t('tel.invalid');
    return derived;
  }

  function chatBlock(servicePath) {
    var p = servicePath + '.chat';
    var id = fid(p);
    var chat = value(p);
    var kids = [el('h4', { id: id + '-title', text: t('field.chat') })];
    if (!chat) {
      kids.push(el('p', { class: 'empty-line', text: t('ed.chat.none') }));
      kids.push(el('p', { class: 'actions' }, [button({ class: 'btn secondary small', id: id + '-add', 'data-action': 'add-chat', 'data-path': p }, t('ed.chat.add'))]));
    } else {
      kids.push(inputField(p + '.url', t('field.chat.url'), { type: 'url', hint: t('hint.url') }));
      kids.push(textPair(p + '.description', t('field.description'), { hint: t('hint.chat.description') }));
      kids.push(schedule(p + '.schedule', t('field.chat.schedule'), t('hint.chat.schedule')));
      kids.push(provenance(p));
      kids.push(removeButton(p, t('ed.chat.remove')));
    }
    return el('section', { class: 'sub', id: id, 'data-field': p, 'aria-labelledby': id + '-title' }, kids);
  }

  function serviceBlock(service, i) {
    var p = 'services[' + i + ']';
    var id = fid(p);
    var phones = Array.isArray(service.phones) ? service.phones : [];
    var kids = [
      el('h3', { id: id + '-title', tabindex: '-1', dir: 'auto', text: t('path.serviceNamed', { i: i + 1, name: D.text(service.name) || t('ed.unnamed') }) }),
      textPair(p + '.name', t('field.name')),
      textPair(p + '.description', t('field.description'), { textarea: true, hint: t('hint.service.description') }),
      selectField(p + '.status', t('field.status'), [['active', t('svcstatus.active')], ['inactive', t('svcstatus.inactive')]], t('hint.status')),
      threeWay(p + '.free', t('field.free'), t('hint.free')),
      threeWay(p + '.anonymous', t('field.anonymous'), t('hint.anonymous')),
      threeWay(p + '.day_and_night', t('field.day_and_night'), t('hint.day_and_night')),
      textPair(p + '.hours', t('field.hours'), { textarea: true, rows: 2, hint: t('hint.hours') }),
      schedule(p + '.schedule', t('field.schedule'), t('hint.schedule')),
      checkList(p + '.topics', t('field.topics'), D.TOPICS, 'topic.', t('hint.topics')),
      checkList(p + '.audience', t('field.audience'), D.AUDIENCES, 'audience.'),
      inputField(p + '.languages', t('field.languages'), { kind: 'csv', hint: t('hint.languages') }),
      provenance(p + '.facts', t('ed.provenance.facts')),
      textPair(p + '.area', t('field.area'), { hint: t('hint.area') }),
      el('fieldset', { class: 'group', id: fid(p + '.contact_requests'), 'data-field': p + '.contact_requests' }, [
        el('legend', { text: t('field.contact_requests') }),
        checkField(p + '.contact_requests.accepted', t('field.accepted'), t('hint.accepted')),
        textPair(p + '.contact_requests.response_time', t('field.response_time'), { kind: 'opttext', hint: t('hint.response_time') })
      ]),
      el('section', { class: 'sub', id: fid(p + '.phones'), 'data-field': p + '.phones', 'aria-labelledby': fid(p + '.phones') + '-title' }, [
        el('h4', { id: fid(p + '.phones') + '-title', text: t('field.phones') }),
        phones.length ? null : el('p', { class: 'empty-line', text: t('ed.phones.none') })
      ].concat(phones.map(function (phone, n) { return phoneBlock(p, phone, n); })).concat([
        el('p', { class: 'actions' }, [button({ class: 'btn secondary small', id: fid(p + '.phones') + '-add', 'data-action': 'add-phone', 'data-path': p + '.phones' }, t('ed.phone.add'))])
      ])),
      chatBlock(p)
    ];
    if (ed.confirm === p) {
      kids.push(confirmBox(id + '-confirm', t('ed.service.remove.q', { name: D.text(service.name) || t('ed.unnamed') }),
        [el('p', { id: id + '-confirm-text', text: t('ed.service.remove.text') })], [
          button({ class: 'btn warning', 'data-action': 'remove-yes', 'data-path': p, 'aria-describedby': id + '-confirm-text' }, t('ed.remove.yes')), ' ',
          button({ class: 'btn secondary', 'data-action': 'remove-no', 'data-path': p }, t('ed.remove.no'))
        ]));
    } else {
      kids.push(el('p', { class: 'actions remove-row' }, [
        button({ class: 'btn secondary small', id: id + '-remove', 'data-action': 'confirm-remove', 'data-path': p }, t('ed.service.remove', { i: i + 1 }))
      ]));
    }
    return el('section', { class: 'service', id: id, 'data-field': p, 'aria-labelledby': id + '-title' }, kids);
  }

  function websiteBlock() {
    var site = value('website');
    var kids = [el('h3', { id: 'ef-website-title', text: t('field.website') })];
    if (!site) {
      kids.push(el('p', { class: 'empty-line', text: t('ed.website.none') }));
      kids.push(el('p', { class: 'actions' }, [button({ class: 'btn secondary small', id: 'ef-website-add', 'data-action': 'add-website', 'data-path': 'website' }, t('ed.website.add'))]));
    } else {
      kids.push(inputField('website.url', t('field.website.url'), { type: 'url', hint: t('hint.url') }));
      kids.push(provenance('website'));
      kids.push(removeButton('website', t('ed.website.remove')));
    }
    return el('section', { class: 'sub', id: 'ef-website', 'data-field': 'website', 'aria-labelledby': 'ef-website-title' }, kids);
  }

  function todoBlock() {
    var todo = value('todo');
    todo = Array.isArray(todo) ? todo : [];
    var kids = [
      el('h3', { id: 'ef-todo-title', text: t('field.todo') }),
      el('p', { class: 'hint', text: t('hint.todo') })
    ];
    todo.forEach(function (item, i) {
      kids.push(el('fieldset', { class: 'group item', id: fid('todo[' + i + ']'), 'data-field': 'todo[' + i + ']' }, [
        el('legend', { text: t('path.todo', { i: i + 1 }) }),
        inputField('todo[' + i + '].nl', t('lang.nl'), { textarea: true, rows: 2 }),
        inputField('todo[' + i + '].en', t('lang.en'), { textarea: true, rows: 2, lang: 'en' }),
        removeButton('todo[' + i + ']', t('ed.todo.remove', { i: i + 1 }))
      ]));
    });
    kids.push(el('p', { class: 'actions' }, [button({ class: 'btn secondary small', id: 'ef-todo-add', 'data-action': 'add-todo', 'data-path': 'todo' }, t('ed.todo.add'))]));
    return el('section', { class: 'sub', id: 'ef-todo', 'data-field': 'todo', 'aria-labelledby': 'ef-todo-title' }, kids);
  }

  function renderOrgForm() {
    var node = $('org-form');
    if (!node) return;
    var org = selectedOrg();
    if (!org) {
      node.replaceChildren(el('h2', { id: 'org-title', tabindex: '-1', text: t('ed.noOrg') }));
      return;
    }
    form = { org: org };
    var isNew = !baseOrg(org.id);
    var services = Array.isArray(org.services) ? org.services : [];
    var parts = [
      el('h2', { id: 'org-title', tabindex: '-1', dir: 'auto', text: orgLabel(org) }),
      isNew
        ? inputField('key', t('field.key'), { hint: t('hint.key.new') })
        : el('p', { class: 'meta', 'data-field': 'key', id: 'ef-key' }, [t('field.key') + ': ', el('code', { text: org.key }), ' ', el('span', { text: t('hint.key') })]),
      el('div', { id: 'ef-org', 'data-field': '' }),
      textPair('name', t('field.name')),
      textPair('description', t('field.description'), { textarea: true, hint: t('hint.org.description') }),
      selectField('category', t('field.category'), D.CATEGORIES.map(function (c) { return [c, t('category.' + c)]; }), t('hint.category')),
      websiteBlock(),
      el('h3', { id: 'ef-services-title', text: t('field.services') }),
      services.length ? null : el('p', { class: 'empty-line', text: t('ed.services.none') })
    ].concat(services.map(serviceBlock)).concat([
      el('p', { class: 'actions' }, [button({ class: 'btn secondary', id: 'ef-services-add', 'data-action': 'add-service', 'data-path': 'services' }, t('ed.service.add'))]),
      todoBlock(),
      el('section', { class: 'sub danger-zone', 'aria-labelledby': 'ef-remove-title' }, [
        el('h3', { id: 'ef-remove-title', text: t('ed.org.remove.title') }),
        ed.confirm === 'org'
          ? confirmBox('ef-org-confirm', t('ed.org.remove.q', { name: orgLabel(org) }), [el('p', { id: 'ef-org-confirm-text', text: t('ed.org.remove.text') })], [
            button({ class: 'btn warning', 'data-action': 'remove-org-yes', 'aria-describedby': 'ef-org-confirm-text' }, t('ed.remove.yes')), ' ',
            button({ class: 'btn secondary', 'data-action': 'remove-no', 'data-path': 'org' }, t('ed.remove.no'))
          ])
          : el('p', { class: 'actions' }, [button({ class: 'btn warning', id: 'ef-org-remove', 'data-action': 'confirm-remove', 'data-path': 'org' }, t('ed.org.remove', { name: orgLabel(org) }))])
      ]),
      el('p', { class: 'actions form-end' }, [button({ type: 'submit', class: 'btn', id: 'ed-save-bottom' }, t('ed.save'))])
    ]);
    fill(node, parts);
    attachIssues(node, issuesOf(org, selectedIndex()));
    form = null;
  }

  // Puts each issue next to the field it names (or the nearest group that contains it).
  function attachIssues(root, issues) {
    var counter = 0;
    issues.forEach(function (issue) {
      var target = findField(root, issue.field || '');
      var words = issueText(issue);
      var errorId = (target.id || 'ef-org') + '-error-' + (++counter);
      var error = el('p', { class: 'field-error', id: errorId, lang: words.lang || null, text: words.text });
      var control = /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) ? target : null;
      if (control) {
        var wrap = control.closest('.field') || control.parentNode;
        var before = control.type === 'checkbox' ? wrap.firstChild : control;
        wrap.insertBefore(error, before);
        wrap.classList.add('field-invalid');
        setError(control, errorId, words.text);
      } else {
        var heading = target.querySelector(':scope > legend, :scope > h3, :scope > h4');
        var hint = heading && heading.nextElementSibling && heading.nextElementSibling.classList.contains('hint') ? heading.nextElementSibling : heading;
        if (hint) target.insertBefore(error, hint.nextSibling);
        else target.appendChild(error);
        target.classList.add('group-invalid');
        if (target.tagName === 'FIELDSET') {
          var ids = (target.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
          ids.push(errorId);
          target.setAttribute('aria-describedby', ids.join(' '));
        }
      }
    });
  }

  function findField(root, path) {
    // The dial form has no control of its own: a problem with it is fixed in the number.
    var p = String(path).replace(/(phones\[\d+\])\.tel$/, '$1.number');
    for (;;) {
      var node = root.querySelector('[data-field=' + quote(p) + ']');
      if (node) return node;
      if (!p) return root;
      p = D.parentPath(p);
    }
  }

  // Selects the organisation, shows its form, and puts focus on the field of `path`.
  function focusField(orgId, path) {
    if (orgId && orgId !== ed.selectedId) {
      ed.selectedId = orgId;
      ed.confirm = null;
      renderOrgList();
      renderOrgForm();
    }
    var target = findField($('org-form'), path || '');
    if (!/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) {
      target = target.querySelector('input, select, textarea, button') || $('org-title');
    }
    target.focus();
    if (target.scrollIntoView) target.scrollIntoView({ block: 'center' });
  }

  /* ---------- editing ---------- */

  function onInput(event) {
    var node = event.target;
    var path = node.getAttribute && node.getAttribute('data-path');
    var org = selectedOrg();
    if (!path || !org || !node.closest('#org-form')) return;
    var kind = node.getAttribute('data-kind');
    if (kind === 'bool' && /\.verified$/.test(path) && node.checked && !allowTick(org, path, node)) return;
    if (kind === 'string') D.setAt(org, path, node.value);
    else if (kind === 'optstring') {
      if (node.value === '') D.deleteAt(org, path);
      else D.setAt(org, path, node.value);
    }
    else if (kind === 'opttext') {
      D.setAt(org, path, node.value);
      var parent = D.parentPath(path);
      var text = D.getAt(org, parent);
      if (text && !text.nl && !text.en) D.deleteAt(org, parent);
    } else if (kind === 'bool') D.setAt(org, path, node.checked);
    else if (kind === 'bool3') {
      if (!node.checked) return;
      if (node.value === 'unknown') D.deleteAt(org, path);
      else D.setAt(org, path, node.value === 'yes');
    } else if (kind === 'list') {
      var boxes = node.closest('fieldset').querySelectorAll('input[data-path=' + quote(path) + ']');
      D.setAt(org, path, Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; }));
    } else if (kind === 'csv') {
      D.setAt(org, path, node.value.split(/[\s,;]+/).filter(Boolean));
    }
    if (/phones\[\d+\]\.number$/.test(path)) {
      var tel = $(fid(D.parentPath(path) + '.tel') + '-value');
      if (tel) tel.textContent = telText(D.getAt(org, D.parentPath(path)));
    }
    var tickError = $(node.id + '-tick-error');
    if (tickError && String(node.value || '').trim()) setError(node, tickError.id, '');
    untickIfEdited(org, path);
    edited();
  }

  // An edit is not a check: changing what a contact detail says unticks its "verified" at
  // once, and says why.
  // Typed back to exactly what is published (and was checked there), it is the checked
  // detail again: "verified" comes back, as the server would keep it.
  function untickIfEdited(org, path) {
    var owner = D.detailOf(path);
    if (!owner || !owner.content) return;
    var detail = D.getAt(org, owner.provenance);
    var key = org.id + '|' + owner.provenance;
    var published = publishedContent(org, owner.provenance);
    var back = published && published.verified && D.equal(published.content, contentOf(org, owner.provenance));
    if (back && ed.recheck[key] && detail) {
      detail.verified = true;
      delete ed.recheck[key];
    } else if (!back && detail && detail.verified === true) {
      detail.verified = false;
      ed.recheck[key] = true;
    } else return;
    var box = $(fid(owner.provenance + '.verified'));
    if (box) box.checked = detail.verified === true;
    var line = $(fid(owner.provenance) + '-recheck');
    if (line) line.textContent = ed.recheck[key] ? t('ed.recheck') : '';
  }

  // What a contact detail says, without where it comes from: a phone, chat or website
  // without its provenance; for "services[i].facts" the service's fact fields.
  function contentOf(org, provenancePath) {
    if (/\.facts$/.test(provenancePath)) {
      var service = D.getAt(org, D.parentPath(provenancePath)) || {};
      var facts = {};
      FACT_FIELDS.forEach(function (f) { if (service[f] !== undefined) facts[f] = service[f]; });
      return facts;
    }
    var detail = D.clone(D.getAt(org, provenancePath)) || {};
    PROVENANCE_FIELDS.forEach(function (f) { delete detail[f]; });
    delete detail.tel;  // derived from the number on save: the number says it all
    return detail;
  }

  // The same detail in the published version (matched by the ids of the organisation,
  // service and phone), as {content, verified}; null when it is not published.
  function publishedContent(org, provenancePath) {
    var doc = ed.published;
    var old = doc && (doc.organizations || []).filter(function (o) { return o.id === org.id; })[0];
    if (!old) return null;
    var m = /^services\[(\d+)\](.*)$/.exec(provenancePath);
    var oldPath = provenancePath;
    if (m) {
      var service = (org.services || [])[Number(m[1])];
      var index = (old.services || []).map(function (x) { return x.id; }).indexOf(service && service.id);
      if (index === -1) return null;
      oldPath = 'services[' + index + ']' + m[2];
      var pm = /^\.phones\[(\d+)\]$/.exec(m[2]);
      if (pm) {
        var phone = (service.phones || [])[Number(pm[1])];
        var p = (old.services[index].phones || []).map(function (x) { return x.id; }).indexOf(phone && phone.id);
        if (p === -1) return null;
        oldPath = 'services[' + index + '].phones[' + p + ']';
      }
    }
    var before = D.getAt(old, oldPath);
    if (/\.facts$/.test(oldPath)) return { content: contentOf(old, oldPath), verified: !!(before && before.verified) };
    if (!before) return null;
    return { content: contentOf(old, oldPath), verified: before.verified === true };
  }

  // Ticking "verified" records a check: it needs the source link (https), the date of the
  // check (today unless given) and who checked. Otherwise the box stays unticked and the
  // missing fields say what is needed.
  function allowTick(org, path, box) {
    var base = D.parentPath(path);
    var detail = D.getAt(org, base) || {};
    var today = D.today();
    if (!detail.checked || detail.checked < today) {
      D.setAt(org, base + '.checked', today);
      var date = $(fid(base + '.checked'));
      if (date) date.value = today;
    }
    detail = D.getAt(org, base);
    var needs = [
      ['source_url', /^https:\/\/[^\s/]+\.[^\s]+$/.test(detail.source_url || ''), 'ed.tick.err.source_url'],
      ['checked_by', !!String(detail.checked_by || '').trim(), 'ed.tick.err.checked_by']
    ];
    var first = null;
    needs.forEach(function (need) {
      var control = $(fid(base + '.' + need[0]));
      if (!control) return;
      var errorId = control.id + '-tick-error';
      if (!$(errorId)) control.parentNode.insertBefore(el('p', { class: 'field-error', id: errorId }), control);
      setError(control, errorId, need[1] ? '' : t(need[2]));
      if (!need[1] && !first) first = control;
    });
    var status = $(fid(base) + '-recheck');
    if (first) {
      box.checked = false;
      if (status) status.textContent = t('ed.tick.err');
      first.focus();
      return false;
    }
    delete ed.recheck[org.id + '|' + base];
    if (status) status.textContent = '';
    return true;
  }

  // After every change: the "not saved" state, the list of organisations, the page's guard.
  function edited() {
    var dirty = isDirty();
    if (dirty !== ed.wasDirty) {
      ed.wasDirty = dirty;
      $('ed-dirty').textContent = dirty ? t('ed.dirty') : t('ed.clean');
      $('preview-dirty').textContent = dirty ? t('preview.dirty') : '';
      page.updateNav();
    }
    var title = $('org-title');
    var org = selectedOrg();
    if (title && org) title.textContent = orgLabel(org);
    renderOrgList();
  }

  function onAction(target) {
    var action = target.getAttribute('data-action');
    var path = target.getAttribute('data-path');
    var org = selectedOrg();
    var focus = null;
    var announce = '';
    if (action === 'add-org') {
      var created = D.newOrganization(orgs().map(function (o) { return o.key; }));
      ed.doc.organizations.push(created);
      ed.selectedId = created.id;
      ed.confirm = null;
      edited();
      renderOrgForm();
      page.notice(t('ed.org.added'));
      $('ef-key').focus();
      return;
    }
    if (!org) return;
    if (action === 'add-phone') {
      var phones = D.getAt(org, path);
      if (!Array.isArray(phones)) D.setAt(org, path, phones = []);
      phones.push(D.newPhone());
      focus = fid(path + '[' + (phones.length - 1) + '].number');
      announce = t('ed.phone.added');
    } else if (action === 'add-slot') {
      var slots = D.getAt(org, path);
      if (!Array.isArray(slots)) D.setAt(org, path, slots = []);
      slots.push(D.newSlot());
      focus = fid(path + '[' + (slots.length - 1) + '].days') + '-MO';
      announce = t('ed.slot.added');
    } else if (action === 'add-chat') {
      D.setAt(org, path, D.newChat());
      focus = fid(path + '.url');
      announce = t('ed.chat.added');
    } else if (action === 'add-website') {
      D.setAt(org, path, D.newWebsite());
      focus = fid('website.url');
      announce = t('ed.website.added');
    } else if (action === 'add-service') {
      if (!Array.isArray(org.services)) org.services = [];
      org.services.push(D.newService());
      focus = fid('services[' + (org.services.length - 1) + '].name.nl');
      announce = t('ed.service.added');
    } else if (action === 'add-todo') {
      if (!Array.isArray(org.todo)) org.todo = [];
      org.todo.push({ nl: '', en: '' });
      focus = fid('todo[' + (org.todo.length - 1) + '].nl');
      announce = t('ed.todo.added');
    } else if (action === 'remove' || action === 'remove-yes') {
      var parts = D.parsePath(path);
      var list = parts.length > 1 && typeof parts[parts.length - 1] === 'number' ? D.joinPath(parts.slice(0, -1)) : null;
      D.deleteAt(org, path);
      // An empty schedule or todo list is "none": the field goes (an empty list is refused).
      if (list && Array.isArray(D.getAt(org, list)) && !D.getAt(org, list).length && !/phones$|services$/.test(list)) D.deleteAt(org, list);
      ed.confirm = null;
      announce = t('ed.removed');
      focus = addButtonFor(path);
    } else if (action === 'confirm-remove') {
      ed.confirm = path;
      renderOrgForm();
      $(path === 'org' ? 'ef-org-confirm-q' : fid(path) + '-confirm-q').focus();
      return;
    } else if (action === 'remove-no') {
      ed.confirm = null;
      renderOrgForm();
      $(path === 'org' ? 'ef-org-remove' : fid(path) + '-remove').focus();
      return;
    } else if (action === 'remove-org-yes') {
      var name = orgLabel(org);
      ed.doc.organizations.splice(selectedIndex(), 1);
      ed.selectedId = orgs().length ? orgs()[0].id : null;
      ed.confirm = null;
      edited();
      renderOrgForm();
      page.notice(t('ed.org.removed', { name: name }));
      $('ed-orgs-title').focus();
      return;
    } else return;
    edited();
    renderOrgForm();
    if (announce) page.notice(announce);
    var node = focus && $(focus);
    (node || $('org-title')).focus();
  }

  // Where focus goes after removing an item: the button that adds one like it.
  function addButtonFor(path) {
    var parts = D.parsePath(path);
    if (typeof parts[parts.length - 1] === 'number') parts.pop();
    var list = D.joinPath(parts);
    if (/schedule$/.test(list)) return fid(list) + '-add';
    if (/phones$/.test(list)) return fid(list) + '-add';
    if (list === 'services') return 'ef-services-add';
    if (list === 'todo') return 'ef-todo-add';
    if (/chat$/.test(list)) return fid(list) + '-add';
    if (list === 'website') return 'ef-website-add';
    return 'org-title';
  }

  /* ---------- save, reload, revert ---------- */

  function save(replace) {
    if (ed.busy.save) return;
    ed.busy.save = true;
    page.clearMessages();
    setError(null, 'ed-save-error', '');
    $('ed-saved').textContent = '';
    var sent = D.clone(ed.doc);
    api.saveDraft(ed.revision, sent, replace).then(function (draft) {
      var typedMeanwhile = !D.equal(ed.doc, sent);
      ed.conflict = null;
      ed.confirm = null;
      applyDraft(draft, typedMeanwhile);
      ed.unticked = Array.isArray(draft.unticked) ? draft.unticked : [];
      markUnticked(ed.unticked);
      return loadCheck().then(function () { return draft; });
    }).then(function () {
      renderEditor();
      var count = ed.issues.length;
      if (count) {
        $('ed-saved').textContent = t('ed.saved.issues', { n: count });
        $('ed-issues').focus();
      } else {
        $('ed-saved').textContent = t(replace ? 'ed.saved.replaced' : 'ed.saved');
        $('ed-save').focus();
      }
    }, function (err) {
      if (err.status === 409 && err.code === 'draft_changed') showConflict('save');
      else if (err.status === 404) showConflict('gone');
      else if (err.status === 413) setError(null, 'ed-save-error', t('ed.err.tooLarge'));
      else failed(err, $('ed-save-error'));
    }).then(function () { ed.busy.save = false; });
  }

  // The server unticked these on save (edited, no new check): mark them in the form too.
  function markUnticked(list) {
    list.forEach(function (item) {
      var org = orgs().filter(function (o) { return o.key === item.organization; })[0];
      if (org && /^(website|services\[\d+\]\.(phones\[\d+\]|chat|facts))$/.test(item.field)) ed.recheck[org.id + '|' + item.field] = true;
    });
  }

  // What publishing this revision changes on crisis lines, and who approved it.
  function loadCheck() {
    return api.publishCheck().then(function (check) { ed.check = check; }, function () { ed.check = null; });
  }

  // What the last save unticked: edited details that wait for a new check.
  function untickedBox() {
    if (!ed.unticked.length) return null;
    return el('div', { class: 'warn-box', id: 'ed-unticked', role: 'region', 'aria-labelledby': 'ed-unticked-title' }, [
      el('h2', { class: 'error-title', id: 'ed-unticked-title', text: t('ed.unticked.title', { n: ed.unticked.length }) }),
      el('p', { text: t('ed.unticked.text') }),
      el('ul', { class: 'issue-list' }, ed.unticked.map(function (item) {
        return el('li', {}, [detailWords(item), ' ', beforeAfter(item)]);
      }))
    ]);
  }

  // "Veilig Thuis › Dienst 1: Bellen en chatten › Telefoonnummer 1" for a server's change.
  function detailWords(item) {
    var org = orgs().filter(function (o) { return o.key === item.organization; })[0] || null;
    var name = org ? orgLabel(org) : D.orgName(names, item.organization);
    var field = item.field === 'organization' ? [] : D.describeField(item.field, org);
    return el('strong', { text: [name].concat(field).join(' › ') + ':' });
  }

  function beforeAfter(item) {
    var shown = function (v) { return v === '' ? t('value.none') : v.charAt(0) === '{' ? t('value.facts') : v; };
    return el('span', { class: 'value', dir: 'auto', text: shown(item.before) + ' → ' + shown(item.after) });
  }

  // Four eyes: a draft that changes a crisis line is published only after a second editor
  // approved this revision. The editor who saved it sees who still has to; another editor
  // sees "Goedkeuren".
  function approvalSection() {
    var c = ed.check;
    if (!c || !c.approval_required || c.revision !== ed.revision) return null;
    var mine = page.me && page.me() === ed.updatedBy;
    var kids = [
      el('h2', { id: 'approval-title', tabindex: '-1', text: t('appr.title') }),
      el('p', { id: 'approval-text', text: t('appr.text', { n: c.crisis_changes.length }) }),
      crisisList(c.crisis_changes, 'approval-changes')
    ];
    if (c.approved_by) kids.push(el('p', { class: 'ok-line', id: 'approval-state', text: t('appr.done', { who: c.approved_by }) }));
    else if (mine || isDirty()) kids.push(el('p', { class: 'warn-line', id: 'approval-state', text: t(isDirty() ? 'appr.dirty' : 'appr.needed') }));
    else {
      kids.push(el('p', { id: 'approval-state', text: t('appr.other', { who: ed.updatedBy }) }));
      kids.push(el('p', { class: 'actions' }, [button({ class: 'btn', id: 'approve', 'aria-describedby': 'approval-text' }, t('appr.approve'))]));
    }
    kids.push(el('p', { class: 'field-error', id: 'approval-error', role: 'alert' }));
    return el('section', { class: 'card warn', id: 'approval', 'aria-labelledby': 'approval-title' }, kids);
  }

  function crisisList(changes, id) {
    return el('ul', { class: 'crisis-changes', id: id }, changes.map(function (item) {
      return el('li', {}, [detailWords(item), ' ', beforeAfter(item)]);
    }));
  }

  function approve() {
    if (ed.busy.approve) return;
    ed.busy.approve = true;
    api.approve(ed.revision).then(function () {
      return loadCheck().then(function () {
        renderEditor();
        page.notice(t('appr.approved'));
        $('approval-title').focus();
      });
    }, function (err) {
      var key = err.code === 'own_change' ? 'appr.err.own' : err.code === 'draft_changed' ? 'appr.err.changed'
        : err.code === 'nothing_to_approve' ? 'appr.err.nothing' : null;
      if (key) setError(null, 'approval-error', t(key));
      else failed(err, $('approval-error'));
    }).then(function () { ed.busy.approve = false; });
  }

  function showConflict(kind) {
    ed.conflict = { kind: kind, changes: kind === 'publish' ? [] : D.diff(ed.base, ed.doc) };
    ed.publish = null;
    renderEditor();
    $('ed-conflict').focus();
  }

  // Loads the newest draft; what this editor changed stays listed on screen.
  function reload() {
    if (ed.busy.reload) return;
    ed.busy.reload = true;
    var lost = ed.conflict && ed.conflict.changes && ed.conflict.changes.length ? ed.conflict.changes : null;
    Promise.all([api.draft(), api.directory(), loadCheck()]).then(function (results) {
      ov.published = results[1].published;
      applyDraft(results[0], false);
      ed.recheck = {};
      ed.unticked = [];
      ed.conflict = null;
      ed.publish = null;
      if (lost) ed.lost = lost;
      renderEditor();
      page.notice(t('conflict.reloaded', { revision: ed.revision }));
      (lost ? $('ed-lost') : $('editor-title')).focus();
    }, function (err) { failed(err); }).then(function () { ed.busy.reload = false; });
  }

  function submitReplace(event) {
    event.preventDefault();
    var replace = {};
    var missing = null;
    Array.prototype.forEach.call(document.querySelectorAll('#replace-form select[data-replace]'), function (select) {
      var id = select.id;
      if (!select.value) {
        setError(select, id + '-error', t('replace.err'));
        if (!missing) missing = select;
      } else {
        setError(select, id + '-error', '');
        replace[select.getAttribute('data-replace')] = select.value;
      }
    });
    if (missing) { missing.focus(); return; }
    save(replace);
  }

  /* ---------- publish ---------- */

  function startPublish(event) {
    event.preventDefault();
    var note = $('publish-note');
    ed.note = note.value;
    setError(null, 'publish-error', '');
    if (!note.value.trim()) {
      setError(note, 'publish-note-error', t('pub.err.note'));
      note.focus();
      return;
    }
    setError(note, 'publish-note-error', '');
    if (isDirty()) {
      setError(null, 'publish-error', t('pub.err.dirty'));
      $('ed-save').focus();
      return;
    }
    if (ed.busy.publish) return;
    ed.busy.publish = true;
    Promise.all([api.diff(ed.basedOn, 'draft'), loadCheck()]).then(function (results) {
      var result = results[0];
      var changes = (result.changes || []).map(function (c) {
        return { path: c.path, before: c.before, after: c.after };
      });
      if (!changes.length) {
        setError(null, 'publish-error', t('pub.err.nothing'));
        return;
      }
      ed.publish = { changes: changes };
      renderEditor();
      $('publish-confirm-q').focus();
    }, function (err) { failed(err, $('publish-error')); }).then(function () { ed.busy.publish = false; });
  }

  function publish() {
    if (ed.busy.publish || !ed.publish) return;
    ed.busy.publish = true;
    api.publish(ed.revision, ed.note.trim()).then(function (result) {
      ed = emptyEditor();
      page.updateNav();
      return openOverview({ message: t('pub.done', { version: result.version }) });
    }, function (err) {
      ed.publish = null;
      if (err.status === 422 && err.issues) {
        ed.issues = err.issues;
        renderEditor();
        $('publish-error').textContent = t('pub.err.invalid', { n: err.issues.length });
        $('ed-issues').focus();
      } else if (err.status === 409 && err.code === 'approval_required') {
        loadCheck().then(function () {
          renderEditor();
          $('publish-error').textContent = t('pub.err.approval');
          $('approval-title').focus();
        });
      } else if (err.status === 409 && err.code === 'draft_outdated') {
        renderEditor();
        $('publish-error').textContent = t('pub.err.stale');
        $('publish-note').focus();
        refreshPublished();
      } else if (err.status === 409 || err.status === 404) {
        showConflict('publish');
      } else {
        renderEditor();
        failed(err, $('publish-error'));
      }
    }).then(function () { ed.busy.publish = false; });
  }

  // After a refused publish: learn which version is published now, to explain it.
  function refreshPublished() {
    api.directory().then(function (data) {
      ov.published = data.published;
      if (page.view() === 'editor' && !$('ed-stale') && stale()) {
        var error = $('publish-error').textContent;
        renderEditor();
        $('publish-error').textContent = error;
      }
    }, function () { /* the message already says what to do */ });
  }

  /* ---------- events of the editor ---------- */

  function onEditorClick(event) {
    var link = event.target.closest('a.issue-link');
    if (link) {
      event.preventDefault();
      var issue = ed.issues[Number(link.getAttribute('data-issue'))];
      var org = issue && orgOfIssue(issue);
      if (org) focusField(org.id, issue.field);
      else {
        var routed = issue && D.routingProblems([issue])[0];
        var target = routed && $('replace-' + routed.key);
        (target || $('ed-issues')).focus();
      }
      return;
    }
    var target = event.target.closest('button');
    if (!target) return;
    if (target.hasAttribute('data-org')) {
      ed.selectedId = target.getAttribute('data-org');
      ed.confirm = null;
      renderOrgList();
      renderOrgForm();
      $('org-title').focus();
    } else if (target.hasAttribute('data-action')) onAction(target);
    else if (target.id === 'ed-save') save();
    else if (target.id === 'ed-reload') reload();
    else if (target.id === 'ed-lost-close') { ed.lost = null; renderEditor(); page.focusHeading('editor-title'); }
    else if (target.id === 'ed-revert') { ed.confirmRevert = true; renderEditor(); $('ed-revert-confirm-q').focus(); }
    else if (target.id === 'ed-revert-no') { ed.confirmRevert = false; renderEditor(); $('ed-revert').focus(); }
    else if (target.id === 'ed-revert-yes') {
      ed.doc = D.clone(ed.base);
      ed.recheck = {};
      markUnticked(ed.unticked);
      ed.confirmRevert = false;
      ed.confirm = null;
      renderEditor();
      page.updateNav();
      page.notice(t('ed.reverted'));
      $('ed-save').focus();
    } else if (target.id === 'publish-yes') publish();
    else if (target.id === 'approve') approve();
    else if (target.id === 'publish-no') { ed.publish = null; renderEditor(); $('publish-start').focus(); }
  }

  function onEditorSubmit(event) {
    if (event.target.id === 'org-form') { event.preventDefault(); save(); }
    else if (event.target.id === 'replace-form') submitReplace(event);
    else if (event.target.id === 'publish-form') startPublish(event);
  }

  function onEditorInput(event) {
    if (event.target.id === 'publish-note') { ed.note = event.target.value; return; }
    onInput(event);
  }

  /* ==================== versions and diff ==================== */

  function openVersions(options) {
    options = options || {};
    return Promise.all([api.versions(), api.directory()]).then(function (results) {
      if (!page.loggedIn()) return;
      vs.list = results[0].versions || [];
      ov.published = results[1].published;
      ov.draft = results[1].draft;
      vs.restoring = null;
      vs.restoreChanges = null;
      var choices = diffChoices();
      if (!choices.some(function (c) { return c[0] === vs.from; }) || !choices.some(function (c) { return c[0] === vs.to; })) {
        vs.to = ov.draft ? 'draft' : (vs.list[0] ? String(vs.list[0].version) : null);
        vs.from = ov.draft ? (vs.list[0] ? String(vs.list[0].version) : null) : (vs.list[1] ? String(vs.list[1].version) : null);
        vs.diff = null;
      }
      renderVersions();
      page.show('versions');
      if (options.message) page.notice(options.message);
      page.focusHeading(options.focus || 'versions-title');
    }).catch(function (err) { failed(err); });
  }

  function diffChoices() {
    var choices = [];
    if (ov.draft) choices.push(['draft', t('vs.draft')]);
    (vs.list || []).forEach(function (v) {
      choices.push([String(v.version), t('vs.option', { version: v.version, date: F.shortDateTime(isoSeconds(v.published_at) || 0) })]);
    });
    return choices;
  }

  function choiceName(value) {
    return value === 'draft' ? t('vs.theDraft') : t('vs.versionIn', { version: value });
  }

  function renderVersions() {
    var body = $('versions-body');
    var current = vs.list.length ? vs.list[0].version : null;
    var rows = vs.list.map(function (v) {
      var isCurrent = v.version === current;
      return el('tr', {}, [
        el('th', { scope: 'row', class: 'nowrap' }, [t('vs.version', { version: v.version }),
          isCurrent ? el('span', { class: 'sub' }, [el('span', { class: 'badge badge-current', text: t('vs.current') })]) : null]),
        el('td', { class: 'nowrap' }, [el('time', { datetime: v.published_at, text: F.shortDateTime(isoSeconds(v.published_at) || 0) })]),
        el('td', { class: 'break', text: v.published_by || t('ov.unknown') }),
        el('td', { class: 'break', dir: 'auto', text: v.note || t('audit.none') }),
        el('td', {}, [isCurrent ? el('span', { class: 'meta', text: t('vs.restore.current') }) : el('button', {
          type: 'button', class: 'btn secondary small', 'data-restore': String(v.version), id: 'restore-' + v.version
        }, [t('vs.restore'), el('span', { class: 'vh', text: ' ' + t('vs.version', { version: v.version }) })])])
      ]);
    });
    var table = el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'versions-caption' }, [
      el('table', { class: 'table', id: 'versions' }, [
        el('caption', { id: 'versions-caption', class: 'vh', text: t('vs.caption') }),
        el('thead', {}, [el('tr', {}, [
          el('th', { scope: 'col', text: t('vs.col.version') }),
          el('th', { scope: 'col', text: t('vs.col.at') }),
          el('th', { scope: 'col', text: t('vs.col.by') }),
          el('th', { scope: 'col', text: t('vs.col.note') }),
          el('th', { scope: 'col', text: t('vs.col.action') })
        ])]),
        el('tbody', {}, rows)
      ])
    ]);
    var choices = diffChoices();
    var select = function (id, label, selected) {
      var node = el('select', { id: id, name: id }, choices.map(function (c) { return el('option', { value: c[0], text: c[1] }); }));
      if (selected !== null) node.value = selected;
      return el('div', { class: 'field field-line' }, [el('label', { for: id, text: label }), node]);
    };
    var parts = [
      el('p', { class: 'lead', text: t('vs.intro') }),
      restoreBox(),
      el('section', { 'aria-labelledby': 'vs-list-title' }, [el('h2', { id: 'vs-list-title', text: t('vs.list') }), table]),
      el('section', { 'aria-labelledby': 'vs-diff-title', class: 'card' }, [
        el('h2', { id: 'vs-diff-title', text: t('vs.diff') }),
        el('p', { text: t('vs.diff.text') }),
        choices.length < 2 ? el('p', { class: 'empty', text: t('vs.diff.few') }) : el('form', { id: 'diff-form', class: 'diff-form', novalidate: true }, [
          select('diff-from', t('vs.from'), vs.from),
          select('diff-to', t('vs.to'), vs.to),
          button({ type: 'submit', class: 'btn', id: 'diff-show' }, t('vs.diff.show'))
        ]),
        el('p', { class: 'field-error', id: 'diff-error', role: 'alert' }),
        vs.diff ? el('div', { id: 'diff-result' }, [
          el('h3', { id: 'diff-title', tabindex: '-1', text: t('vs.diff.result', { from: choiceName(vs.diff.from), to: choiceName(vs.diff.to), n: vs.diff.changes.length }) }),
          changeList(vs.diff.changes, [t('vs.diff.before', { name: choiceName(vs.diff.from) }), t('vs.diff.after', { name: choiceName(vs.diff.to) })], 'diff-changes')
        ]) : null
      ])
    ];
    fill(body, parts);
  }

  function restoreBox() {
    if (vs.restoring === null) return null;
    var v = vs.restoring;
    var next = vs.list.length ? vs.list[0].version + 1 : v + 1;
    var note = el('input', { id: 'restore-note', name: 'note', type: 'text', maxlength: String(NOTE_MAX), autocomplete: 'off', 'aria-describedby': 'restore-note-hint' });
    var texts = [
      el('p', { id: 'restore-text', text: t('vs.restore.text', { version: v, next: next }) }),
      ov.draft ? el('p', { class: 'warn-line', text: t('vs.restore.draft', { version: ov.draft.based_on }) }) : null,
      el('h3', { class: 'small-title', text: t('vs.restore.changes', { n: vs.restoreChanges.length }) }),
      changeList(vs.restoreChanges, [t('vs.restore.now'), t('vs.restore.after')], 'restore-changes'),
      el('div', { class: 'field' }, [
        el('label', { for: 'restore-note', text: t('vs.restore.note') }),
        el('p', { class: 'hint', id: 'restore-note-hint', text: t('vs.restore.note.hint', { version: v }) }),
        note
      ]),
      el('p', { class: 'field-error', id: 'restore-error', role: 'alert' })
    ];
    return el('section', { class: 'card danger', 'aria-labelledby': 'restore-confirm-q' }, [
      confirmBox('restore-confirm', t('vs.restore.q', { version: v }), texts, [
        button({ class: 'btn warning', id: 'restore-yes', 'aria-describedby': 'restore-text' }, t('vs.restore.yes', { version: v })), ' ',
        button({ class: 'btn secondary', id: 'restore-no' }, t('vs.restore.no'))
      ])
    ]);
  }

  function showDiff(event) {
    event.preventDefault();
    var from = $('diff-from').value;
    var to = $('diff-to').value;
    vs.from = from;
    vs.to = to;
    if (from === to) { $('diff-error').textContent = t('vs.diff.same'); return; }
    $('diff-error').textContent = '';
    Promise.all([api.diff(from, to), versionDoc(from), versionDoc(to)]).then(function (results) {
      vs.diff = { from: from, to: to, changes: results[0].changes || [] };
      renderVersions();
      $('diff-title').focus();
    }, function (err) { failed(err, $('diff-error')); });
  }

  function startRestore(v) {
    var current = vs.list.length ? vs.list[0].version : null;
    Promise.all([api.diff(String(current), String(v)), versionDoc(current), versionDoc(v)]).then(function (results) {
      vs.restoring = v;
      vs.restoreChanges = results[0].changes || [];
      renderVersions();
      $('restore-confirm-q').focus();
    }, function (err) { failed(err); });
  }

  function restore() {
    var v = vs.restoring;
    if (v === null || ed.busy.restore) return;
    ed.busy.restore = true;
    api.restore(v, $('restore-note').value.trim()).then(function (result) {
      vs.restoring = null;
      return openVersions({ message: t('vs.restore.done', { version: v, next: result.version }) });
    }, function (err) {
      if (err.status === 409 && err.code === 'precondition_failed') {
        $('restore-error').textContent = t('vs.restore.invalid', { version: v, detail: err.message });
      } else failed(err, $('restore-error'));
    }).then(function () { ed.busy.restore = false; });
  }

  function onVersionsClick(event) {
    var target = event.target.closest('button');
    if (!target) return;
    if (target.hasAttribute('data-restore')) startRestore(Number(target.getAttribute('data-restore')));
    else if (target.id === 'restore-yes') restore();
    else if (target.id === 'restore-no') {
      var v = vs.restoring;
      vs.restoring = null;
      renderVersions();
      var back = $('restore-' + v);
      (back || $('versions-title')).focus();
    }
  }

  function onVersionsSubmit(event) {
    if (event.target.id === 'diff-form') showDiff(event);
  }

  /* ==================== page integration ==================== */

  $('overview-body').addEventListener('click', onOverviewClick);
  $('editor-body').addEventListener('click', onEditorClick);
  $('editor-body').addEventListener('input', onEditorInput);
  $('editor-body').addEventListener('change', onEditorInput);
  $('editor-body').addEventListener('submit', onEditorSubmit);
  $('versions-body').addEventListener('click', onVersionsClick);
  $('versions-body').addEventListener('submit', onVersionsSubmit);

  // Leaving the page (reload, closing the tab, another address) with unsaved changes asks first.
  window.addEventListener('beforeunload', function (event) {
    if (!page.loggedIn() || !isDirty()) return;
    event.preventDefault();
    event.returnValue = '';
  });

  return {
    openOverview: openOverview,
    openEditor: openEditor,
    openVersions: openVersions,
    isDirty: isDirty,
    // The language changed: draw the current view again (what was typed stays).
    rerender: function (view) {
      if (view === 'overview' && ov.attention) renderOverview();
      else if (view === 'editor' && ed.loaded) {
        if ($('publish-note')) ed.note = $('publish-note').value;
        renderEditor();
      } else if (view === 'versions' && vs.list) renderVersions();
    },
    // Logout or the end of the session: forget everything.
    clear: function () {
      ov = { published: null, draft: null, attention: null, doc: null, confirmDiscard: false };
      ed = emptyEditor();
      names = { orgs: {}, services: {}, phones: {} };
      vs = { list: null, from: null, to: null, diff: null, restoring: null, restoreChanges: null, docs: {} };
      $('overview-body').replaceChildren();
      $('editor-body').replaceChildren();
      $('versions-body').replaceChildren();
    }
  };
};
