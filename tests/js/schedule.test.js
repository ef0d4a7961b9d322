// Unit tests of the schedule logic (webapp/components/schedule/schedule.js): opening hours
// evaluated in Europe/Amsterdam whatever the machine's own time zone, summer time included.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const S = require('../../webapp/components/schedule/schedule.js');

const WORKDAYS = [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' }];
const DAY_AND_NIGHT = [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens: '00:00', closes: '23:59' }];
const at = (iso) => new Date(iso);

test('local time is Amsterdam time, in winter (UTC+1) and in summer (UTC+2)', () => {
  assert.deepEqual(S.localTime(at('2026-01-07T08:30:00Z')), { day: 'WE', minutes: 9 * 60 + 30 });
  assert.deepEqual(S.localTime(at('2026-07-01T08:30:00Z')), { day: 'WE', minutes: 10 * 60 + 30 });
  // 23:30 UTC on a Sunday is already Monday in Amsterdam
  assert.deepEqual(S.localTime(at('2026-01-04T23:30:00Z')), { day: 'MO', minutes: 30 });
  // the night summer time starts (29 March 2026): 01:30 UTC is 03:30 CEST
  assert.deepEqual(S.localTime(at('2026-03-29T01:30:00Z')), { day: 'SU', minutes: 3 * 60 + 30 });
});

test('open from "opens" up to, not including, "closes"', () => {
  assert.equal(S.isOpen(WORKDAYS, at('2026-01-07T07:59:00Z')), false); // 08:59
  assert.equal(S.isOpen(WORKDAYS, at('2026-01-07T08:00:00Z')), true); // 09:00
  assert.equal(S.isOpen(WORKDAYS, at('2026-01-07T15:59:00Z')), true); // 16:59
  assert.equal(S.isOpen(WORKDAYS, at('2026-01-07T16:00:00Z')), false); // 17:00
  assert.equal(S.isOpen(WORKDAYS, at('2026-07-01T07:30:00Z')), true); // 09:30 CEST
  assert.equal(S.isOpen(WORKDAYS, at('2026-01-10T10:00:00Z')), false); // Saturday
});

test('day and night: 00:00-23:59 every day is always open, 23:59 included', () => {
  assert.equal(S.isDayAndNight(DAY_AND_NIGHT), true);
  assert.equal(S.isDayAndNight(WORKDAYS), false);
  for (const iso of ['2026-01-07T22:59:30Z', '2026-01-07T23:00:00Z', '2026-06-13T12:00:00Z', '2026-03-29T01:30:00Z']) {
    assert.equal(S.isOpen(DAY_AND_NIGHT, at(iso)), true, iso);
  }
});

test('no schedule means unknown, never "open now"', () => {
  assert.equal(S.isOpen(undefined), null);
  assert.equal(S.isOpen([]), null);
  assert.equal(S.nextOpening(undefined), null);
});

test('next opening: later today, tomorrow, after the weekend', () => {
  assert.deepEqual(S.nextOpening(WORKDAYS, at('2026-01-07T06:00:00Z')), { day: 'WE', opens: '09:00', days: 0 });
  assert.deepEqual(S.nextOpening(WORKDAYS, at('2026-01-07T17:00:00Z')), { day: 'TH', opens: '09:00', days: 1 });
  assert.deepEqual(S.nextOpening(WORKDAYS, at('2026-01-09T17:00:00Z')), { day: 'MO', opens: '09:00', days: 3 });
});

test('describe joins consecutive days', () => {
  const nl = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
  assert.equal(S.describe(WORKDAYS, nl), 'ma–vr 09:00–17:00');
  assert.equal(S.describe(DAY_AND_NIGHT, nl), 'ma–zo 00:00–24:00');
  assert.equal(S.describe([{ days: ['SA', 'MO'], opens: '10:00', closes: '12:00' }], nl), 'ma, za 10:00–12:00');
});

const dirPath = path.join(__dirname, '..', '..', 'directory-data', 'directory.json');
const dir = fs.existsSync(dirPath) ? JSON.parse(fs.readFileSync(dirPath, 'utf8')) : null;

test('every schedule of the directory is well-formed and day_and_night agrees with it', dir ? {} : { skip: 'no directory.json' }, () => {
  const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
  for (const o of dir.organizations) {
    for (const s of o.services) {
      for (const sched of [s.schedule, s.chat && s.chat.schedule]) {
        if (!sched) continue;
        for (const slot of sched) {
          assert.ok(hhmm.test(slot.opens) && hhmm.test(slot.closes), o.key);
          assert.ok(slot.opens < slot.closes, o.key);
          for (const d of slot.days) assert.ok(S.WEEK.includes(d), o.key + ' ' + d);
        }
        assert.notEqual(S.isOpen(sched, new Date()), null);
      }
      if (s.schedule && S.isDayAndNight(s.schedule)) assert.equal(s.day_and_night, true, o.key);
    }
  }
});
