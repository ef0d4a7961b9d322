// Unit tests of the contact request form's logic (webapp/components/contact-request):
// the checks follow the server's rules (server/domain/contact_request.cpp), the request
// carries exactly the API's fields, and every error the server can name has a text in
// both languages.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const CR = require('../../webapp/components/contact-request/contact-request.js');
const nl = require('../../webapp/i18n/nl.json');
const en = require('../../webapp/i18n/en.json');

const API_FIELDS = ['organization_id', 'channel', 'phone', 'email', 'safe_times', 'voicemail_ok', 'may_identify',
  'code_word', 'language', 'message', 'consent'];
const ORG = { id: '19be3fd4-17d9-4305-8910-3e61fb4b1ad3', key: 'csg', name: { nl: 'CSG', en: 'CSG' } };

function values(extra) {
  return {
    channel: 'phone', contact: '0612345678', safe_times: ['weekend'], voicemail_ok: 'no', may_identify: 'no',
    code_word: '', language: 'nl', message: '', consent: true, ...extra,
  };
}
const errors = (extra) => CR.check(values(extra)).map((e) => e.field + ':' + e.code);

test('a complete form passes', () => {
  assert.deepEqual(errors({}), []);
});

test('an empty form: channel, moments and consent', () => {
  assert.deepEqual(errors({ channel: '', contact: '', safe_times: [], consent: false }),
    ['channel:required', 'safe_times:required', 'consent:consent_required']);
});

test('phone numbers as the server accepts them', () => {
  for (const ok of ['06 1234 5678', '06-12345678', '(024) 123 45 67', '024.1234567', '+31 6 1234 5678', '  +32 470 12 34 56 ']) {
    assert.deepEqual(errors({ contact: ok }), [], ok);
  }
  for (const bad of ['06-123', 'abc', '0012345678', '+0612345678', '06+12345678', '06 1234 5678 ext 2', '+1234567', '0'.repeat(41)]) {
    assert.deepEqual(errors({ contact: bad }), ['phone:invalid'], bad);
  }
  assert.deepEqual(errors({ contact: '   ' }), ['phone:required']);
});

test('e-mail addresses as the server accepts them', () => {
  for (const ok of ['naam@voorbeeld.nl', 'a.b+c@sub.voorbeeld.org']) assert.deepEqual(errors({ channel: 'email', contact: ok }), [], ok);
  for (const bad of ['naam@voorbeeld', 'naam voorbeeld.nl', 'a b@c.nl', '@c.nl', 'a@@c.nl', 'x'.repeat(65) + '@c.nl']) {
    assert.deepEqual(errors({ channel: 'email', contact: bad }), ['email:invalid'], bad);
  }
  assert.deepEqual(errors({ channel: 'email', contact: '' }), ['email:required']);
});

test('lengths count characters (code points), after trimming, as the server does', () => {
  assert.deepEqual(errors({ code_word: 'x'.repeat(40) }), []);
  assert.deepEqual(errors({ code_word: '\u{1F33B}'.repeat(40) }), []);
  assert.deepEqual(errors({ code_word: 'x'.repeat(41) }), ['code_word:too_long']);
  assert.deepEqual(errors({ message: ' ' + 'é'.repeat(1000) + '\n' }), []);
  assert.deepEqual(errors({ message: 'y'.repeat(1001) }), ['message:too_long']);
  assert.deepEqual(errors({ language: 'de' }), ['language:required']);
  for (const l of ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'ti']) assert.deepEqual(errors({ language: l }), []);
});

test('the request: only the API\'s fields, only the chosen channel\'s detail', () => {
  const phone = CR.body(ORG, values({ voicemail_ok: 'yes', may_identify: 'yes', code_word: ' roos ', message: 'a\tb ' }));
  assert.deepEqual(phone, {
    organization_id: ORG.id, channel: 'phone', phone: '0612345678', safe_times: ['weekend'], voicemail_ok: true,
    may_identify: true, code_word: 'roos', language: 'nl', message: 'a b', consent: true,
  });
  const email = CR.body(ORG, values({ channel: 'email', contact: ' naam@voorbeeld.nl ', voicemail_ok: 'yes' }));
  assert.deepEqual(email, {
    organization_id: ORG.id, channel: 'email', email: 'naam@voorbeeld.nl', safe_times: ['weekend'], voicemail_ok: false,
    may_identify: false, language: 'nl', consent: true,
  });
  for (const b of [phone, email]) assert.deepEqual(Object.keys(b).filter((k) => !API_FIELDS.includes(k)), []);
});

test('every error the server can name has its own text in Dutch and English', () => {
  // field x code as server/domain/contact_request.cpp produces them
  const server = {
    channel: ['required', 'invalid'], phone: ['required', 'invalid', 'too_long'], email: ['required', 'invalid', 'too_long'],
    safe_times: ['required', 'invalid'], voicemail_ok: ['required', 'invalid'], may_identify: ['required', 'invalid'],
    code_word: ['invalid', 'too_long'], language: ['required', 'invalid', 'too_long'], message: ['invalid', 'too_long'],
    consent: ['consent_required'], organization_id: ['required', 'invalid', 'unknown_organization', 'not_accepting'],
  };
  for (const texts of [nl, en]) {
    const t = (key, vars) => {
      assert.equal(typeof texts[key], 'string', 'missing text ' + key);
      return texts[key].replace(/\{(\w+)\}/g, (m, k) => (vars && vars[k] != null ? vars[k] : m));
    };
    for (const [field, codes] of Object.entries(server)) {
      for (const code of codes) {
        const text = CR.message(t, { field, code }, 'CSG');
        assert.ok(text && text !== texts.cr_err_server && !/\{/.test(text), field + ':' + code + ' -> ' + text);
      }
    }
    assert.equal(CR.message(t, { field: 'surprise', code: 'unknown_field' }, 'CSG'), texts.cr_err_server);
  }
});

test('accepts(): only an active service with contact_requests.accepted', () => {
  const rt = { nl: 'binnen 2 werkdagen', en: 'within 2 working days' };
  assert.deepEqual(CR.accepts({ services: [{ status: 'active', contact_requests: { accepted: true, response_time: rt } }] }), rt);
  assert.equal(CR.accepts({ services: [{ status: 'inactive', contact_requests: { accepted: true, response_time: rt } }] }), null);
  assert.equal(CR.accepts({ services: [{ status: 'active', contact_requests: { accepted: false } }] }), null);
  assert.equal(CR.accepts({ services: [] }), null);
});
