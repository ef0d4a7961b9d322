/*
 * The directory editor's logic, without DOM or network: the shape of the directory
 * (directory-data/README.md), paths like "services[0].phones[1].tel", a diff that works
 * like the server's (server/domain/json_diff.h: lists of objects with a "key" or "id" are
 * matched by it), the server's problems (codes with parameters) put into plain words, and readable
 * descriptions of fields, changes and values. Uses HWStaffFormat for the texts.
 */
'use strict';
(function () {
  var F = window.HWStaffFormat;
  var t = F.t;

  var DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  var CATEGORIES = ['emergency', 'domestic-violence', 'sexual-violence', 'victim-support', 'professional', 'programme'];
  var TOPICS = ['sexual', 'partner', 'control', 'stalking', 'honour', 'images', 'crime', 'suicide', 'own_behaviour', 'knowledge'];
  var AUDIENCES = ['self', 'other', 'own_behaviour', 'professional'];
  var THREE_WAY = ['free', 'anonymous', 'day_and_night'];

  /* ---------- values and paths ---------- */

  function clone(value) { return value === undefined ? undefined : JSON.parse(JSON.stringify(value)); }

  // Deep equality that ignores the order of object keys (a field removed and added again
  // is not a change).
  function equal(a, b) {
    if (a === b) return true;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
      return true;
    }
    var ka = Object.keys(a);
    var kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (var k = 0; k < ka.length; k++) {
      if (!Object.prototype.hasOwnProperty.call(b, ka[k]) || !equal(a[ka[k]], b[ka[k]])) return false;
    }
    return true;
  }

  // "services[0].phones[1].tel" -> ['services', 0, 'phones', 1, 'tel']. Brackets with a
  // number become numbers; brackets with anything else (a key or id) stay text.
  function parsePath(path) {
    var parts = [];
    String(path || '').replace(/([^.[\]]+)|\[([^\]]*)\]/g, function (all, name, inside) {
      if (name !== undefined) parts.push(name);
      else parts.push(/^\d+$/.test(inside) ? Number(inside) : { id: inside });
      return '';
    });
    return parts;
  }

  function joinPath(parts) {
    return parts.reduce(function (path, part) {
      if (typeof part === 'number') return path + '[' + part + ']';
      if (part && typeof part === 'object') return path + '[' + part.id + ']';
      return path ? path + '.' + part : part;
    }, '');
  }

  // The path one level up: "a.b[2].c" -> "a.b[2]" -> "a.b" -> "a" -> "".
  function parentPath(path) {
    var parts = parsePath(path);
    parts.pop();
    return joinPath(parts);
  }

  function getAt(root, path) {
    var parts = typeof path === 'string' ? parsePath(path) : path;
    var node = root;
    for (var i = 0; i < parts.length; i++) {
      if (node === null || typeof node !== 'object') return undefined;
      node = node[parts[i]];
    }
    return node;
  }

  // Sets a value, creating objects on the way (never lists).
  function setAt(root, path, value) {
    var parts = typeof path === 'string' ? parsePath(path) : path;
    var node = root;
    for (var i = 0; i < parts.length - 1; i++) {
      if (node[parts[i]] === null || typeof node[parts[i]] !== 'object') node[parts[i]] = {};
      node = node[parts[i]];
    }
    node[parts[parts.length - 1]] = value;
  }

  function deleteAt(root, path) {
    var parts = typeof path === 'string' ? parsePath(path) : path;
    var parent = getAt(root, parts.slice(0, -1));
    var last = parts[parts.length - 1];
    if (!parent || typeof parent !== 'object') return;
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else delete parent[last];
  }

  /* ---------- diff (the same rules as server/domain/json_diff.cpp) ---------- */

  function identity(item) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return '';
    if (typeof item.key === 'string') return item.key;
    if (typeof item.id === 'string') return item.id;
    return '';
  }

  function identified(list) {
    return Array.isArray(list) && list.length > 0 && list.every(function (item) { return identity(item) !== ''; });
  }

  function isObject(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }

  function walk(path, before, after, changes) {
    if (equal(before, after)) return;
    if (isObject(before) && isObject(after)) {
      var keys = Object.keys(before).concat(Object.keys(after).filter(function (k) { return !(k in before); })).sort();
      keys.forEach(function (k) {
        walk(path ? path + '.' + k : k, k in before ? before[k] : null, k in after ? after[k] : null, changes);
      });
      return;
    }
    if (Array.isArray(before) && Array.isArray(after) && (identified(before) || identified(after))) {
      var order = [];
      before.concat(after).forEach(function (item) {
        var id = identity(item);
        if (order.indexOf(id) === -1) order.push(id);
      });
      var find = function (list, id) {
        for (var i = 0; i < list.length; i++) if (identity(list[i]) === id) return list[i];
        return null;
      };
      order.forEach(function (id) { walk(path + '[' + id + ']', find(before, id), find(after, id), changes); });
      return;
    }
    if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
      for (var i = 0; i < before.length; i++) walk(path + '[' + i + ']', before[i], after[i], changes);
      return;
    }
    changes.push({ path: path, before: before === undefined ? null : before, after: after === undefined ? null : after });
  }

  // [{path, before, after}]; an absent value is null.
  function diff(before, after) {
    var changes = [];
    walk('', before === undefined ? null : before, after === undefined ? null : after, changes);
    return changes;
  }

  /* ---------- names ---------- */

  function text(value) {
    if (typeof value === 'string') return value;
    if (isObject(value)) {
      var lang = F.language();
      return (typeof value[lang] === 'string' && value[lang].trim()) ? value[lang] : (value.nl || value.en || '');
    }
    return '';
  }

  // Names of organisations (by key and id), services and phones (by id) from any number
  // of directory documents, so a diff or an issue can say "Veilig Thuis" rather than a key.
  function nameIndex(documents) {
    var names = { orgs: {}, services: {}, phones: {} };
    (documents || []).forEach(function (doc) {
      if (!doc || !Array.isArray(doc.organizations)) return;
      doc.organizations.forEach(function (org) {
        if (!isObject(org)) return;
        var name = text(org.name);
        if (org.key && name) names.orgs[org.key] = org.name;
        if (org.id && name) names.orgs[org.id] = org.name;
        (Array.isArray(org.services) ? org.services : []).forEach(function (service) {
          if (isObject(service) && service.id && text(service.name)) names.services[service.id] = service.name;
          (isObject(service) && Array.isArray(service.phones) ? service.phones : []).forEach(function (phone) {
            if (isObject(phone) && phone.id && phone.number) names.phones[phone.id] = phone.number;
          });
        });
      });
    });
    return names;
  }

  function orgName(names, key) {
    var name = names && names.orgs[key];
    return name ? text(name) : key;
  }

  /* ---------- describing fields and changes ---------- */

  // The label of a field; `parent` (optional) picks a more precise one where there is
  // one ("field.chat.schedule": the chat's opening hours, not the phone's).
  function fieldLabel(name, parent) {
    if (parent) {
      var precise = 'field.' + parent + '.' + name;
      if (t(precise) !== precise) return t(precise);
    }
    var key = 'field.' + name;
    var label = t(key);
    return label === key ? name : label;
  }

  // The words for one path inside an organisation ("services[0].phones[1].tel"), as a list
  // of parts: ["Dienst 1: Bellen en chatten", "Telefoonnummer 2", "Nummer om te bellen"].
  // `org` (optional) supplies the service name.
  function describeField(path, org) {
    var parts = parsePath(path);
    var words = [];
    var node = org;
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      var next = parts[i + 1];
      if (typeof part === 'string' && typeof next === 'number') {
        var item = node && Array.isArray(node[part]) ? node[part][next] : undefined;
        if (part === 'schedule') words.push(fieldLabel(part, typeof parts[i - 1] === 'string' ? parts[i - 1] : null));
        words.push(listItemLabel(part, next + 1, item));
        node = item;
        i++;
        continue;
      }
      if (typeof part === 'string') {
        words.push(fieldLabel(part, typeof parts[i - 1] === 'string' ? parts[i - 1] : null));
        node = node && typeof node === 'object' ? node[part] : undefined;
      }
    }
    return words;
  }

  function listItemLabel(list, n, item) {
    if (list === 'services') {
      var name = item ? text(item.name) : '';
      return name ? t('path.serviceNamed', { i: n, name: name }) : t('path.service', { i: n });
    }
    if (list === 'phones') {
      return item && item.number ? t('path.phoneNamed', { i: n, number: item.number }) : t('path.phone', { i: n });
    }
    if (list === 'schedule') return t('path.slot', { i: n });
    if (list === 'todo') return t('path.todo', { i: n });
    if (list === 'languages') return t('path.language', { i: n });
    if (list === 'topics' || list === 'audience') return fieldLabel(list);
    if (list === 'organizations') return t('path.organization', { i: n });
    if (list === 'rules') return t('path.rule', { id: n });
    if (list === 'adds') return t('path.add', { i: n });
    return fieldLabel(list) + ' ' + n;
  }

  // The words for a path of the server's diff:
  // "directory.organizations[veilig-thuis].services[<id>].chat.schedule[0].closes".
  function describeChange(path, names) {
    var parts = parsePath(path);
    var words = [];
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      var next = parts[i + 1];
      if (i === 0 && (part === 'directory' || part === 'questionnaire')) {
        if (part === 'questionnaire') words.push(t('path.questionnaire'));
        continue;
      }
      if (typeof part === 'string' && next !== undefined && typeof next !== 'string') {
        var id = typeof next === 'number' ? null : next.id;
        if (part === 'schedule') words.push(fieldLabel(part, typeof parts[i - 1] === 'string' ? parts[i - 1] : null));
        if (part === 'organizations' && id !== null) words.push(orgName(names, id));
        else if (part === 'services' && id !== null) {
          words.push(names && names.services[id] ? t('path.serviceOf', { name: text(names.services[id]) }) : t('path.serviceUnnamed'));
        } else if (part === 'phones' && id !== null) {
          words.push(names && names.phones[id] ? t('path.phoneOf', { number: names.phones[id] }) : t('path.phoneUnnamed'));
        } else if (part === 'rules' && id !== null) words.push(t('path.rule', { id: id }));
        else if (id !== null) words.push(fieldLabel(part) + ' ' + id);
        else words.push(listItemLabel(part, next + 1, null));
        i++;
        continue;
      }
      if (typeof part === 'string') words.push(fieldLabel(part, typeof parts[i - 1] === 'string' ? parts[i - 1] : null));
    }
    return words;
  }

  function dayNames(days) {
    return days.map(function (d) { return DAYS.indexOf(d) === -1 ? String(d) : t('day.short.' + d); }).join(', ');
  }

  function isSlot(v) { return isObject(v) && Array.isArray(v.days) && 'opens' in v; }

  // A value as words: "(leeg)", "ja", "ma, di, wo 09:00–17:00", "NL: … / EN: …".
  function formatValue(value) {
    if (value === null || value === undefined) return t('value.none');
    if (typeof value === 'boolean') return t(value ? 'value.yes' : 'value.no');
    if (typeof value === 'string') return value === '' ? t('value.empty') : value;
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) {
      if (!value.length) return t('value.emptyList');
      if (value.every(function (d) { return DAYS.indexOf(d) !== -1; })) return dayNames(value);
      if (value.every(isSlot)) return value.map(formatValue).join('; ');
      return value.map(function (v) { return typeof v === 'string' ? v : formatValue(v); }).join(', ');
    }
    if (isSlot(value)) return dayNames(value.days) + ' ' + (value.opens || '?') + '–' + (value.closes || '?');
    if ('nl' in value || 'en' in value) {
      return t('value.lang.nl') + ': ' + (value.nl || t('value.empty')) + '\n' + t('value.lang.en') + ': ' + (value.en || t('value.empty'));
    }
    if (value.number && value.tel) return value.number + ' (' + value.tel + ')';
    if (value.key && value.name) return text(value.name) + ' (' + value.key + ')';
    if (value.name) return text(value.name);
    if (value.url) return value.url;
    return JSON.stringify(value);
  }

  /* ---------- issues ---------- */

  // Every problem the server sends carries a stable code and its parameters
  // (server/domain/problem.h; `hulpwijzer directory problem-codes` lists them), and the
  // organisation it is about as {key, index}. The words are ours: 'problem.<code>' in
  // texts.js, in both languages. The English message is only a fallback for a code this
  // page does not know yet.

  // The organisation an issue is about: {key, index} (either may be null), or null for an
  // issue of the questionnaire or of the document as a whole.
  function issueOrganization(issue) {
    if (!issue || issue.file === 'questionnaire' || !isObject(issue.organization)) return null;
    var key = typeof issue.organization.key === 'string' && issue.organization.key ? issue.organization.key : null;
    var index = typeof issue.organization.index === 'number' ? issue.organization.index : null;
    if (key === null && index === null) return null;
    return { key: key, index: index };
  }

  // {key, params} for t(), or null when the code is not one we have words for. A day code
  // ("MO") becomes the day's name; an organisation's key is also given as `name`, which the
  // page replaces by the organisation's name when it knows it.
  function issueWords(issue) {
    var code = issue && typeof issue.code === 'string' ? issue.code : '';
    var key = 'problem.' + code;
    var params = {};
    var given = isObject(issue.params) ? issue.params : {};
    Object.keys(given).forEach(function (name) { params[name] = given[name]; });
    if (typeof params.count === 'number') params.n = params.count;  // plural forms
    if (typeof params.day === 'string' && DAYS.indexOf(params.day) !== -1) params.day = t('day.' + params.day);
    if (typeof params.organization === 'string' && params.key === undefined) params.key = params.organization;
    if (typeof params.key === 'string') params.name = params.key;
    if (!code || t(key, params) === key) return null;
    return { key: key, params: params };
  }

  // Organisations the questionnaire still routes to but that are gone or have no active
  // service: [{key, reason: 'missing'|'inactive'}], each key once.
  var ROUTING_CODES = { routed_missing: 'missing', routed_inactive: 'inactive' };
  function routingProblems(issues) {
    var found = [];
    (issues || []).forEach(function (issue) {
      var reason = issue && ROUTING_CODES[issue.code];
      var key = reason && isObject(issue.params) ? issue.params.organization : null;
      if (typeof key !== 'string' || found.some(function (f) { return f.key === key; })) return;
      found.push({ key: key, reason: reason });
    });
    return found;
  }

  /* ---------- new parts ---------- */

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function today(now) {
    var d = now || new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function emptyText() { return { nl: '', en: '' }; }

  // New contact details start unverified, checked today: they stay hidden from residents
  // until someone ticks "verified" (with a source link and who checked). The server derives
  // a phone's dial form (`tel`) from its written number when the draft is saved.
  function newPhone() {
    return { id: uuid(), number: '', tel: '', type: 'voice', description: emptyText(), cost: emptyText(),
      source: '', checked: today(), verified: false };
  }

  // The dial form of a written Dutch number as the server derives it ("0800-2000" ->
  // "+318002000", "112" -> "112"), or '' when it is not one. Only to show what saving will
  // store; the server's own derivation is what counts.
  function dialForm(written) {
    var digits = String(written || '').replace(/[\s\-().]/g, '');
    if (!/^\+?\d+$/.test(digits)) return '';
    if (/^\+31\d{9}$/.test(digits)) return digits;
    if (/^0\d{9}$/.test(digits) || /^0(800|900)\d{4,7}$/.test(digits)) return '+31' + digits.slice(1);
    if (/^1\d{2,5}$/.test(digits)) return digits;
    return '';
  }

  // Where a field belongs: the contact detail whose "verified" an edit of it concerns.
  // "services[0].phones[1].number" -> {detail: "services[0].phones[1]", provenance: that,
  // content: true}; a service's facts (hours, schedule, ...) have their provenance in
  // "services[0].facts". Null when the field is no part of a contact detail.
  var PROVENANCE = ['source', 'source_url', 'source_date', 'checked', 'checked_by', 'verified'];
  var FACTS = ['hours', 'free', 'anonymous', 'day_and_night', 'schedule', 'languages'];
  function detailOf(path) {
    var m = /^(services\[\d+\]\.phones\[\d+\]|services\[\d+\]\.chat|website)\.([a-z_]+)/.exec(path);
    if (m) return { detail: m[1], provenance: m[1], content: PROVENANCE.indexOf(m[2]) === -1 };
    m = /^(services\[\d+\])\.facts\.([a-z_]+)/.exec(path);
    if (m) return { detail: m[1] + '.facts', provenance: m[1] + '.facts', content: false };
    m = /^(services\[\d+\])\.([a-z_]+)/.exec(path);
    if (m && FACTS.indexOf(m[2]) !== -1) return { detail: m[1] + '.facts', provenance: m[1] + '.facts', content: true };
    return null;
  }
  function newSlot() { return { days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' }; }
  function newChat() { return { url: '', description: emptyText(), source: '', checked: today(), verified: false }; }
  function newWebsite() { return { url: '', source: '', checked: today(), verified: false }; }
  function newService() {
    return { id: uuid(), name: emptyText(), description: emptyText(), status: 'active', topics: [], audience: ['self'],
      hours: emptyText(), phones: [], languages: ['nl'], area: emptyText(), contact_requests: { accepted: false } };
  }
  function newOrganization(existingKeys) {
    var n = 1;
    while ((existingKeys || []).indexOf('nieuwe-organisatie-' + n) !== -1) n++;
    return { id: uuid(), key: 'nieuwe-organisatie-' + n, name: emptyText(), description: emptyText(),
      category: 'domestic-violence', services: [] };
  }

  window.HWStaffDirectory = {
    DAYS: DAYS, CATEGORIES: CATEGORIES, TOPICS: TOPICS, AUDIENCES: AUDIENCES, THREE_WAY: THREE_WAY,
    clone: clone, equal: equal, parsePath: parsePath, joinPath: joinPath, parentPath: parentPath,
    getAt: getAt, setAt: setAt, deleteAt: deleteAt, diff: diff,
    text: text, nameIndex: nameIndex, orgName: orgName, fieldLabel: fieldLabel,
    describeField: describeField, describeChange: describeChange, formatValue: formatValue, dayNames: dayNames,
    issueOrganization: issueOrganization, issueWords: issueWords, routingProblems: routingProblems,
    uuid: uuid, today: today, dialForm: dialForm, detailOf: detailOf, newPhone: newPhone, newSlot: newSlot, newChat: newChat, newWebsite: newWebsite,
    newService: newService, newOrganization: newOrganization
  };
}());
