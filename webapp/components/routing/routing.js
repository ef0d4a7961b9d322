/*
 * Hulpwijzer routing engine.
 *
 * Evaluates the questionnaire data of directory-data/questionnaire.json exactly as
 * directory-data/README.md specifies. No rule lives here: only the semantics.
 *
 * Answers are a plain object, question id -> answer:
 *   "yes"                 a single choice
 *   ["sexual", "partner"] a multiple-choice question
 *   null (or [] or absent) skipped (a shown question nobody answered counts as skipped)
 *
 * Works as a plain browser script (sets self.HW.routing) and as a CommonJS module
 * (node --test tests/js/).
 */
(function (root, api) {
  'use strict';
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (root) { root.HW = root.HW || {}; root.HW.routing = api; }
})(typeof self !== 'undefined' ? self : null, (function () {
  'use strict';

  function questionById(qn, id) {
    var qs = qn.questions;
    for (var i = 0; i < qs.length; i++) if (qs[i].id === id) return qs[i];
    return null;
  }

  function isSkipped(a) {
    return a === null || a === undefined || (Array.isArray(a) && a.length === 0);
  }

  // A question is shown when it has no show_when, or its show_when matches.
  // show_when only looks backwards (checked by the server); `seen` guards against a cycle
  // in unvalidated data so that bad data can never hang the page.
  function isShown(qn, answers, id, seen) {
    var q = questionById(qn, id);
    if (!q) return false;
    if (!q.show_when) return true;
    seen = seen || {};
    if (seen[id]) return false;
    seen[id] = true;
    var r = matches(qn, answers, q.show_when, seen);
    seen[id] = false;
    return r;
  }

  // condition: {question, in, if_skipped?} | {all: [...]} | {any: [...]}
  function matches(qn, answers, cond, seen) {
    if (!cond || typeof cond !== 'object') return false;
    var i;
    if (Array.isArray(cond.all)) {
      for (i = 0; i < cond.all.length; i++) if (!matches(qn, answers, cond.all[i], seen)) return false;
      return true;
    }
    if (Array.isArray(cond.any)) {
      for (i = 0; i < cond.any.length; i++) if (matches(qn, answers, cond.any[i], seen)) return true;
      return false;
    }
    if (typeof cond.question !== 'string' || !Array.isArray(cond.in)) return false;
    // A question that was not shown never matches.
    if (!isShown(qn, answers, cond.question, seen)) return false;
    var a = answers ? answers[cond.question] : undefined;
    if (isSkipped(a)) {
      if (typeof cond.if_skipped === 'boolean') return cond.if_skipped;
      return cond.in.indexOf('unsure') !== -1;
    }
    var chosen = Array.isArray(a) ? a : [a];
    for (i = 0; i < chosen.length; i++) if (cond.in.indexOf(chosen[i]) !== -1) return true;
    return false;
  }

  // The id of the first shown question after `afterId` (from the start when afterId is
  // null), or null when the questionnaire is done.
  function nextQuestion(qn, answers, afterId) {
    var qs = qn.questions, i = 0;
    if (afterId != null) {
      while (i < qs.length && qs[i].id !== afterId) i++;
      i++;
    }
    for (; i < qs.length; i++) if (isShown(qn, answers, qs[i].id)) return qs[i].id;
    return null;
  }

  // The ids of the questions that are (or would be) shown for these answers, in order.
  function path(qn, answers) {
    var out = [];
    for (var i = 0; i < qn.questions.length; i++) {
      if (isShown(qn, answers, qn.questions[i].id)) out.push(qn.questions[i].id);
    }
    return out;
  }

  // Every matching rule adds its organisations; one added by several rules keeps its
  // highest weight and the `because` of the rule that gave it; ties keep rule order.
  // {"otherwise": true} matches only when no other rule added anything. With
  // isReachable(key) (components/reach), {"none_reachable": true} rules add theirs when
  // nothing else can be reached now, and reachable organisations come first.
  // Returns [{organization, weight, because, because_other, rule, reachable}], best first.
  function route(qn, answers, isReachable) {
    var found = {}, list = [];
    function apply(rule, ri) {
      var adds = rule.adds || [];
      for (var ai = 0; ai < adds.length; ai++) {
        var add = adds[ai];
        if (add.when && !matches(qn, answers, add.when)) continue;
        var e = found[add.organization];
        if (!e) {
          e = found[add.organization] = { organization: add.organization, weight: -Infinity };
          list.push(e);
        }
        if (add.weight > e.weight) {
          e.weight = add.weight;
          e.because = rule.because;
          e.because_other = rule.because_other;
          e.rule = rule.id;
          e.rank = ri * 10000 + ai;
        }
      }
    }
    var rules = qn.rules || [], ri, otherwise = [], fallback = [], k;
    for (ri = 0; ri < rules.length; ri++) {
      var when = rules[ri].when;
      if (when && when.otherwise === true) { otherwise.push(ri); continue; }
      if (when && when.none_reachable === true) { fallback.push(ri); continue; }
      if (matches(qn, answers, when)) apply(rules[ri], ri);
    }
    if (list.length === 0) {
      for (k = 0; k < otherwise.length; k++) apply(rules[otherwise[k]], otherwise[k]);
    }
    function mark() {
      var any = false;
      list.forEach(function (e) { e.reachable = !!isReachable(e.organization); any = any || e.reachable; });
      return any;
    }
    if (typeof isReachable === 'function' && !mark()) {
      for (k = 0; k < fallback.length; k++) apply(rules[fallback[k]], fallback[k]);
      mark();
    }
    list.sort(function (a, b) {
      return (b.reachable ? 1 : 0) - (a.reachable ? 1 : 0) || b.weight - a.weight || a.rank - b.rank;
    });
    return list.map(function (e) {
      return { organization: e.organization, weight: e.weight, because: e.because,
        because_other: e.because_other, rule: e.rule, reachable: !!e.reachable };
    });
  }

  return {
    questionById: questionById,
    isSkipped: isSkipped,
    isShown: function (qn, answers, id) { return isShown(qn, answers, id); },
    matches: function (qn, answers, cond) { return matches(qn, answers, cond); },
    nextQuestion: nextQuestion,
    path: path,
    route: route
  };
})());
