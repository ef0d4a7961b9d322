/*
 * The directory editor: the form of one organisation, a control for every field residents
 * see (texts in Dutch and English, ja / nee / onbekend, schedules, phones, chat, website,
 * services, todo notes, and a "Bron en controle" group per contact detail), and the issues
 * of the server next to the fields they name.
 * Promises: each control's id follows its path (fid) and carries it in data-path and
 * data-field; the dial form of a number is shown, never typed; an issue's message is
 * linked to its control with aria-describedby and aria-invalid.
 */
'use strict';
window.HWStaffEditor.part(function (E) {
  var page = E.page, $ = page.$, el = page.el, D = E.D, t = E.t;
  var fid = E.fid;
  var ed = E.ed;
  var baseOrg = E.baseOrg, button = E.button, confirmBox = E.confirmBox, fill = E.fill;
  var issueText = E.issueText, issuesOf = E.issuesOf, orgLabel = E.orgLabel, quote = E.quote;
  var selectedIndex = E.selectedIndex, selectedOrg = E.selectedOrg, setError = E.setError;

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
      var error = el('p', { class: 'hw-error-message', id: errorId, lang: words.lang || null, text: words.text });
      var control = /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) ? target : null;
      if (control) {
        var wrap = control.closest('.field') || control.parentNode;
        var before = control.type === 'checkbox' ? wrap.firstChild : control;
        wrap.insertBefore(error, before);
        wrap.classList.add('hw-form-group--error');
        setError(control, errorId, words.text);
      } else {
        var heading = target.querySelector(':scope > legend, :scope > h3, :scope > h4');
        var hint = heading && heading.nextElementSibling && heading.nextElementSibling.classList.contains('hint') ? heading.nextElementSibling : heading;
        if (hint) target.insertBefore(error, hint.nextSibling);
        else target.appendChild(error);
        target.classList.add('group-invalid');
        if (target.tagName === 'FIELDSET') window.HWStaffErrorMessage.describe(target, errorId, true);
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
      E.renderOrgList();
      renderOrgForm();
    }
    var target = findField($('org-form'), path || '');
    if (!/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) {
      target = target.querySelector('input, select, textarea, button') || $('org-title');
    }
    target.focus();
    if (target.scrollIntoView) target.scrollIntoView({ block: 'center' });
  }

  E.focusField = focusField;
  E.renderOrgForm = renderOrgForm;
  E.telText = telText;
});
