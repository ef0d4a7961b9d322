/*
 * The directory editor: editing the working copy. Every input changes E.ed.doc at its
 * data-path; the buttons add and remove phones, slots, chat, website, services, todo
 * notes and organisations (removals of services and organisations after a confirmation).
 * Promises: an edit is not a check (changing what a detail says unticks its "verified",
 * typed back to what is published it is checked again); ticking "verified" needs a
 * source link and who checked; focus goes to what was added, or to the button that adds
 * one like what was removed.
 */
'use strict';
window.HWStaffEditor.part(function (E) {
  var page = E.page, $ = page.$, el = page.el, D = E.D, t = E.t;
  var fid = E.fid;
  var PROVENANCE_FIELDS = ['source', 'source_url', 'source_date', 'checked', 'checked_by', 'verified'];
  var FACT_FIELDS = ['hours', 'free', 'anonymous', 'day_and_night', 'schedule', 'languages'];
  var ed = E.ed;
  var isDirty = E.isDirty, orgLabel = E.orgLabel, orgs = E.orgs, quote = E.quote;
  var selectedIndex = E.selectedIndex, selectedOrg = E.selectedOrg, setError = E.setError;

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
      if (tel) tel.textContent = E.telText(D.getAt(org, D.parentPath(path)));
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
      if (!$(errorId)) control.parentNode.insertBefore(el('p', { class: 'hw-error-message', id: errorId }), control);
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
    E.renderOrgList();
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
      E.renderOrgForm();
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
      E.renderOrgForm();
      $(path === 'org' ? 'ef-org-confirm-q' : fid(path) + '-confirm-q').focus();
      return;
    } else if (action === 'remove-no') {
      ed.confirm = null;
      E.renderOrgForm();
      $(path === 'org' ? 'ef-org-remove' : fid(path) + '-remove').focus();
      return;
    } else if (action === 'remove-org-yes') {
      var name = orgLabel(org);
      ed.doc.organizations.splice(selectedIndex(), 1);
      ed.selectedId = orgs().length ? orgs()[0].id : null;
      ed.confirm = null;
      edited();
      E.renderOrgForm();
      page.notice(t('ed.org.removed', { name: name }));
      $('ed-orgs-title').focus();
      return;
    } else return;
    edited();
    E.renderOrgForm();
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

  E.onAction = onAction;
  E.onInput = onInput;
});
