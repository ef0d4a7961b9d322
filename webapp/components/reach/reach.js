/*
 * Can the resident reach this organisation now? The same rule as the server's
 * (server/domain/reachability.h), so the page and the server's proof agree: a visible
 * voice line whose service's schedule is open now, or a visible chat whose own schedule is
 * open now, in Europe/Amsterdam time. Unknown hours never count as open.
 *
 * HW.reach.now(org, date)    true/false
 * HW.reach.how(org, date)    {kind: 'website'|'later'|'unknown', next: {day, opens, days}}
 *                            for a card that cannot be reached now
 *
 * Uses HW.schedule (components/schedule). Plain browser script (self.HW.reach) and
 * CommonJS module (node tests).
 */
(function (root, api) {
  'use strict';
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (root) { root.HW = root.HW || {}; root.HW.reach = api; }
})(typeof self !== 'undefined' ? self : null, (function () {
  'use strict';
  var S = typeof self !== 'undefined' && self.HW && self.HW.schedule
    ? self.HW.schedule : (typeof require === 'function' ? require('../schedule/schedule.js') : null);

  function active(org) {
    return (org.services || []).filter(function (s) { return s.status !== 'inactive'; });
  }
  function hasVoice(s) {
    return (s.phones || []).some(function (p) { return p.type === 'voice'; });
  }
  // The schedules by which this organisation can be reached at all.
  function schedules(org) {
    var out = [];
    active(org).forEach(function (s) {
      if (hasVoice(s) && Array.isArray(s.schedule) && s.schedule.length) out.push(s.schedule);
      if (s.chat && Array.isArray(s.chat.schedule) && s.chat.schedule.length) out.push(s.chat.schedule);
    });
    return out;
  }

  function now(org, date) {
    return schedules(org).some(function (sc) { return S.isOpen(sc, date) === true; });
  }

  // What a card that cannot be reached now can honestly say.
  function how(org, date) {
    var next = null;
    schedules(org).forEach(function (sc) {
      var n = S.nextOpening(sc, date);
      if (n && (!next || n.days < next.days || (n.days === next.days && n.opens < next.opens))) next = n;
    });
    if (next) return { kind: 'later', next: next };
    var contact = active(org).some(function (s) { return (s.phones || []).length || s.chat; });
    return { kind: contact ? 'unknown' : 'website' };
  }

  return { now: now, how: how };
})());
