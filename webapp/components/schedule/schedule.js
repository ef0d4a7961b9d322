/*
 * Hulpwijzer schedule logic: is a service (or its chat) open right now?
 *
 * A schedule is a list of weekly slots in local time (Europe/Amsterdam), see
 * directory-data/README.md: [{"days": ["MO", ...], "opens": "09:00", "closes": "17:00"}].
 * "23:59" as closing time means "until midnight" (day and night is 00:00-23:59 every day).
 * The local time is taken with Intl.DateTimeFormat in the Europe/Amsterdam zone, so the
 * phone's own time zone and summer time do not matter.
 *
 * Plain browser script (self.HW.schedule) and CommonJS module (node tests).
 */
(function (root, api) {
  'use strict';
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (root) { root.HW = root.HW || {}; root.HW.schedule = api; }
})(typeof self !== 'undefined' ? self : null, (function () {
  'use strict';

  var ZONE = 'Europe/Amsterdam';
  var WEEK = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  var SHORT = { Mon: 'MO', Tue: 'TU', Wed: 'WE', Thu: 'TH', Fri: 'FR', Sat: 'SA', Sun: 'SU' };
  var formatter = null;

  function minutes(hhmm) {
    var p = String(hhmm).split(':');
    return parseInt(p[0], 10) * 60 + parseInt(p[1], 10);
  }
  function closing(hhmm) { return hhmm === '23:59' ? 1440 : minutes(hhmm); }

  // The weekday ("MO".."SU") and minute of the day in Amsterdam at `date` (default now).
  function localTime(date) {
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: ZONE, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
      });
    }
    var parts = formatter.formatToParts(date || new Date()), r = {}, h = 0, m = 0;
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].type === 'weekday') r.day = SHORT[parts[i].value];
      else if (parts[i].type === 'hour') h = parseInt(parts[i].value, 10) % 24;
      else if (parts[i].type === 'minute') m = parseInt(parts[i].value, 10);
    }
    r.minutes = h * 60 + m;
    return r;
  }

  // true/false, or null when there is no schedule (hours unknown: never "open now").
  function isOpen(schedule, date) {
    if (!Array.isArray(schedule) || schedule.length === 0) return null;
    var now = localTime(date);
    for (var i = 0; i < schedule.length; i++) {
      var s = schedule[i];
      if (s.days.indexOf(now.day) !== -1 && now.minutes >= minutes(s.opens) && now.minutes < closing(s.closes)) return true;
    }
    return false;
  }

  // Every day of the week from 00:00 to midnight.
  function isDayAndNight(schedule) {
    if (!Array.isArray(schedule)) return false;
    return WEEK.every(function (d) {
      return schedule.some(function (s) {
        return s.days.indexOf(d) !== -1 && minutes(s.opens) === 0 && closing(s.closes) === 1440;
      });
    });
  }

  // The next moment the schedule opens after `date`: {day: "MO", opens: "09:00", days: n}
  // where n is 0 for later today, 1 for tomorrow, ...; null without a schedule.
  function nextOpening(schedule, date) {
    if (!Array.isArray(schedule) || schedule.length === 0) return null;
    var now = localTime(date), start = WEEK.indexOf(now.day);
    for (var n = 0; n <= 7; n++) {
      var day = WEEK[(start + n) % 7], best = null;
      for (var i = 0; i < schedule.length; i++) {
        var s = schedule[i], o = minutes(s.opens);
        if (s.days.indexOf(day) === -1 || (n === 0 && o <= now.minutes)) continue;
        if (best === null || o < minutes(best)) best = s.opens;
      }
      if (best !== null) return { day: day, opens: best, days: n };
    }
    return null;
  }

  // Human-readable slots: consecutive days joined, e.g. "ma–vr 09:00–17:00".
  // dayNames: 7 short names in MO..SU order (from the interface texts).
  function describe(schedule, dayNames) {
    if (!Array.isArray(schedule)) return '';
    return schedule.map(function (s) {
      var idx = s.days.map(function (d) { return WEEK.indexOf(d); })
        .filter(function (i) { return i !== -1; }).sort(function (a, b) { return a - b; });
      var runs = [], i = 0;
      while (i < idx.length) {
        var j = i;
        while (j + 1 < idx.length && idx[j + 1] === idx[j] + 1) j++;
        runs.push(j - i >= 2 ? dayNames[idx[i]] + '–' + dayNames[idx[j]]
          : idx.slice(i, j + 1).map(function (k) { return dayNames[k]; }).join(', '));
        i = j + 1;
      }
      return runs.join(', ') + ' ' + s.opens + '–' + (s.closes === '23:59' ? '24:00' : s.closes);
    }).join('; ');
  }

  return {
    WEEK: WEEK, localTime: localTime, isOpen: isOpen, isDayAndNight: isDayAndNight,
    nextOpening: nextOpening, describe: describe
  };
})());
