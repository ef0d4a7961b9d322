/*
 * The directory editor: the page of the draft ("Concept bewerken") around the form of one
 * organisation: its state, the boxes that explain a refused save (a colleague saved, the
 * changes not saved, the issues with links to their fields, what the last save
 * unticked, what replaces a routed organisation), save and revert, the list of
 * organisations, preview, approval and publish; and the events of that page.
 * Promises: edits stay in the working copy (E.ed.doc) until "Concept opslaan"; every
 * issue of the server is listed at the top with a link to its field.
 */
'use strict';
window.HWStaffEditor.part(function (E) {
  var page = E.page, $ = page.$, el = page.el, F = E.F, D = E.D, api = E.api, t = E.t;
  var fid = E.fid, ErrorSummary = window.HWStaffErrorSummary;
  var ov = E.ov, ed = E.ed, names = E.names;
  var baseOrg = E.baseOrg, button = E.button, changeList = E.changeList, confirmBox = E.confirmBox;
  var failed = E.failed, fill = E.fill, isDirty = E.isDirty, issueText = E.issueText, issuesOf = E.issuesOf;
  var loadCheck = E.loadCheck, mergeNames = E.mergeNames, orgLabel = E.orgLabel, orgOfIssue = E.orgOfIssue;
  var orgs = E.orgs, stale = E.stale, versionDoc = E.versionDoc;

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
      if (options.field !== undefined && options.orgKey) E.focusField(ed.selectedId, options.field);
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
      E.untickedBox(),
      replaceBox(),
      el('p', { class: 'dirty', id: 'ed-dirty', role: 'status', text: dirty ? t('ed.dirty') : '' }),
      el('div', { class: 'actions ed-actions' }, [
        button({ class: 'btn', id: 'ed-save' }, t('ed.save')),
        button({ class: 'btn secondary', id: 'ed-revert', hidden: ed.confirmRevert }, t('ed.revert')),
        ed.confirmRevert ? confirmBox('ed-revert-confirm', t('ed.revert.q'), [el('p', { id: 'ed-revert-text', text: t('ed.revert.text') })], [
          button({ class: 'btn warning', id: 'ed-revert-yes', 'aria-describedby': 'ed-revert-text' }, t('ed.revert.yes')), ' ',
          button({ class: 'btn secondary', id: 'ed-revert-no' }, t('ed.revert.no'))
        ]) : null,
        el('p', { class: 'hw-error-message', id: 'ed-save-error', role: 'alert' }),
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
      E.approvalSection(),
      publishSection()
    ];
    fill(body, parts);
    renderOrgList();
    E.renderOrgForm();
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
    var kids = [el('p', { text: t('conflict.' + c.kind + '.text') })];
    if (c.changes && c.changes.length) {
      kids.push(el('h3', { class: 'small-title', id: 'ed-conflict-mine', text: t('conflict.yours', { n: c.changes.length }) }));
      kids.push(changeList(c.changes, [t('diff.before'), t('conflict.yourValue')], 'ed-conflict-changes'));
    }
    kids.push(el('p', { class: 'actions' }, [button({ class: 'btn', id: 'ed-reload' }, t('conflict.reload'))]));
    return ErrorSummary.build('ed-conflict', t('conflict.' + c.kind + '.title'), kids);
  }

  function lostBox() {
    return el('div', { class: 'warn-box', id: 'ed-lost', tabindex: '-1', role: 'region', 'aria-labelledby': 'ed-lost-title' }, [
      el('h2', { id: 'ed-lost-title', text: t('lost.title', { n: ed.lost.length }) }),
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
    return ErrorSummary.build('ed-issues', t('ed.issues.title', { n: ed.issues.length }), [
      el('p', { text: t('ed.issues.text') }),
      ErrorSummary.list(items)
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
        el('p', { class: 'hw-error-message', id: id + '-error' }),
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
      id: 'publish-note', name: 'note', type: 'text', maxlength: String(E.NOTE_MAX), autocomplete: 'off',
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
          el('p', { class: 'hw-error-message', id: 'publish-note-error' }),
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
        texts.push(E.crisisList(c.crisis_changes, 'publish-crisis'));
        texts.push(el('p', { id: 'publish-approval', class: waiting ? 'warn-line' : 'ok-line',
          text: waiting ? t('pub.crisis.waiting') : t('appr.done', { who: c.approved_by }) }));
      }
      texts.push(changeList(p.changes, [t('diff.before'), t('diff.after')], 'publish-changes'));
      kids.push(confirmBox('publish-confirm', t(waiting ? 'pub.confirm.q.waiting' : 'pub.confirm.q'), texts, [
        waiting ? null : button({ class: 'btn', id: 'publish-yes', 'aria-describedby': 'publish-confirm-text' }, t('pub.confirm.yes')), ' ',
        button({ class: 'btn secondary', id: 'publish-no' }, t(waiting ? 'pub.confirm.close' : 'pub.confirm.no'))
      ].filter(function (x) { return x !== null; })));
    }
    kids.push(el('p', { class: 'hw-error-message', id: 'publish-error', role: 'alert' }));
    return el('section', { class: 'card', id: 'publish', 'aria-labelledby': 'publish-title' }, kids);
  }

  /* ---------- events of the editor ---------- */

  function onEditorClick(event) {
    var link = event.target.closest('a.issue-link');
    if (link) {
      event.preventDefault();
      var issue = ed.issues[Number(link.getAttribute('data-issue'))];
      var org = issue && orgOfIssue(issue);
      if (org) E.focusField(org.id, issue.field);
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
      E.renderOrgForm();
      $('org-title').focus();
    } else if (target.hasAttribute('data-action')) E.onAction(target);
    else if (target.id === 'ed-save') E.save();
    else if (target.id === 'ed-reload') E.reload();
    else if (target.id === 'ed-lost-close') { ed.lost = null; renderEditor(); page.focusHeading('editor-title'); }
    else if (target.id === 'ed-revert') { ed.confirmRevert = true; renderEditor(); $('ed-revert-confirm-q').focus(); }
    else if (target.id === 'ed-revert-no') { ed.confirmRevert = false; renderEditor(); $('ed-revert').focus(); }
    else if (target.id === 'ed-revert-yes') {
      ed.doc = D.clone(ed.base);
      ed.recheck = {};
      E.markUnticked(ed.unticked);
      ed.confirmRevert = false;
      ed.confirm = null;
      renderEditor();
      page.updateNav();
      page.notice(t('ed.reverted'));
      $('ed-save').focus();
    } else if (target.id === 'publish-yes') E.publish();
    else if (target.id === 'approve') E.approve();
    else if (target.id === 'publish-no') { ed.publish = null; renderEditor(); $('publish-start').focus(); }
  }

  function onEditorSubmit(event) {
    if (event.target.id === 'org-form') { event.preventDefault(); E.save(); }
    else if (event.target.id === 'replace-form') E.submitReplace(event);
    else if (event.target.id === 'publish-form') E.startPublish(event);
  }

  function onEditorInput(event) {
    if (event.target.id === 'publish-note') { ed.note = event.target.value; return; }
    E.onInput(event);
  }

  E.applyDraft = applyDraft;
  E.onEditorClick = onEditorClick;
  E.onEditorInput = onEditorInput;
  E.onEditorSubmit = onEditorSubmit;
  E.openEditor = openEditor;
  E.renderEditor = renderEditor;
  E.renderOrgList = renderOrgList;
});
