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
 * This file: how the editor's files fit together, its state, and the helpers they share.
 * Each file of editor/ adds a part with HWStaffEditor.part(function (E) {...}); staff.js
 * calls HWStaffEditor.create(page) once with the page's helpers, which runs the parts in
 * the order they loaded (this file's first, editor.js last) on one shared object E:
 *   E.page       the page's helpers ($, el, show, notice, failed, focusHeading, ...)
 *   E.ov, E.ed, E.names, E.vs   the state of the overview, of the draft being edited, the
 *                names seen in any document, the versions view. They are never replaced,
 *                only emptied in place (E.resetEditor, E.resetAll), so a part may keep
 *                `var ed = E.ed`.
 *   E.<function> what a part offers the others (called as E.openEditor(...), found when
 *                called, so the order of the files does not matter for those).
 * The helpers below are offered the same way; the parts after this one copy them.
 */
'use strict';
window.HWStaffEditor = (function () {
  var parts = [];
  return {
    part: function (fn) { parts.push(fn); },
    create: function (page) {
      var E = { page: page };
      parts.forEach(function (fn) { fn(E); });
      return E.forPage;
    }
  };
}());

window.HWStaffEditor.part(function (E) {
  var page = E.page, $ = page.$, el = page.el;
  var F = E.F = window.HWStaffFormat;
  var D = E.D = window.HWStaffDirectory;
  var api = E.api = window.HWStaffApi;
  var t = E.t = F.t;

  E.NOTE_MAX = 200;  // a note of a published or restored version

  function emptyOverview() { return { published: null, draft: null, attention: null, doc: null, confirmDiscard: false }; }
  // Names of organisations, services and phones from every document seen (a diff or an
  // issue can name something that is gone from the draft); kept until logout.
  function emptyNames() { return { orgs: {}, services: {}, phones: {} }; }
  function emptyVersions() { return { list: null, from: null, to: null, diff: null, restoring: null, restoreChanges: null, docs: {} }; }

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


  var ov = E.ov = emptyOverview();
  var ed = E.ed = emptyEditor();
  var names = E.names = emptyNames();
  var vs = E.vs = emptyVersions();

  // Empties a state object and fills it anew, so that every part's reference stays good.
  function renew(object, fresh) {
    Object.keys(object).forEach(function (key) { delete object[key]; });
    Object.assign(object, fresh);
  }
  // After publishing or discarding the draft: the editor starts afresh.
  E.resetEditor = function () { renew(ed, emptyEditor()); };
  // Logout or the end of the session: forget everything.
  E.resetAll = function () {
    renew(ov, emptyOverview());
    renew(ed, emptyEditor());
    renew(names, emptyNames());
    renew(vs, emptyVersions());
  };

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
  var setError = window.HWStaffErrorMessage.set;
  var confirmBox = window.HWStaffConfirm.build;

  // Replaces the children of `node`; null entries (parts that do not apply) are left out.
  function fill(node, parts) {
    node.replaceChildren.apply(node, parts.filter(function (part) { return part !== null && part !== undefined; }));
  }

  function button(attrs, text) {
    attrs.type = attrs.type || 'button';
    attrs.text = text;
    return el('button', attrs);
  }

  // The id of the control for a path inside the organisation: "services[0].phones[1].tel"
  // becomes "ef-services-0-phones-1-tel".
  function fid(path) { return 'ef-' + (path ? String(path).replace(/\[(\w+)\]/g, '-$1').replace(/\./g, '-') : 'org'); }

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

  // What publishing this revision changes on crisis lines, and who approved it.
  function loadCheck() {
    return api.publishCheck().then(function (check) { ed.check = check; }, function () { ed.check = null; });
  }

  E.baseOrg = baseOrg;
  E.button = button;
  E.changeList = changeList;
  E.confirmBox = confirmBox;
  E.failed = failed;
  E.fid = fid;
  E.fill = fill;
  E.isDirty = isDirty;
  E.isoSeconds = isoSeconds;
  E.issueText = issueText;
  E.issuesOf = issuesOf;
  E.loadCheck = loadCheck;
  E.mergeNames = mergeNames;
  E.orgLabel = orgLabel;
  E.orgOfIssue = orgOfIssue;
  E.orgs = orgs;
  E.quote = quote;
  E.selectedIndex = selectedIndex;
  E.selectedOrg = selectedOrg;
  E.setError = setError;
  E.stale = stale;
  E.versionDoc = versionDoc;
  E.when = when;
});
