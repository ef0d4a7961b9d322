/*
 * The staff API client: same origin only, no caching, the CSRF token on every state change.
 * The CSRF token lives only in this closure (never in storage or the DOM); forget() drops it.
 * Every answer resolves with the parsed JSON or rejects with an ApiError:
 *   {status, code, message, field, retryAfter, issues}  (status 0 and code "network" when
 *   offline; issues only for a refused directory draft).
 * onAnswer(status, method, path) is told about every answer, so the page can follow the
 * server's idle timer (every answer to a logged-in request restarts it, except the answer to
 * GET session, which only looks; stay() is PATCH session, "stay logged in").
 */
'use strict';
(function () {
  var BASE = '/staff/api/v1/';
  var csrfToken = null;
  var listener = null;

  function ApiError(status, code, message, field, retryAfter, issues) {
    this.status = status;
    this.code = code;
    this.message = message || '';
    this.field = field || null;
    this.retryAfter = retryAfter || 0;
    this.issues = Array.isArray(issues) ? issues : null;  // 422 invalid_draft: what is wrong
  }

  function call(method, path, body) {
    var headers = { Accept: 'application/json' };
    var options = {
      method: method,
      headers: headers,
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'error',
      referrerPolicy: 'no-referrer'
    };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
    return fetch(BASE + path, options).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (listener) listener(response.status, method, path);
        if (response.ok) return data;
        var error = data && data.error ? data.error : {};
        var retry = parseInt(response.headers.get('Retry-After') || '0', 10);
        throw new ApiError(response.status, error.code || 'error', error.message, error.field, isNaN(retry) ? 0 : retry,
          error.issues);
      });
    }, function () {
      throw new ApiError(0, 'network', '');
    });
  }

  function remember(session) {
    csrfToken = session && typeof session.csrf_token === 'string' ? session.csrf_token : null;
    return session;
  }

  window.HWStaffApi = {
    ApiError: ApiError,
    onAnswer: function (fn) { listener = fn; },
    forget: function () { csrfToken = null; },
    session: function () { return call('GET', 'session').then(remember); },
    stay: function () { return call('PATCH', 'session', {}).then(remember); },
    login: function (email, password) {
      return call('POST', 'session', { email: email, password: password }).then(remember);
    },
    logout: function () { return call('DELETE', 'session'); },
    requests: function () { return call('GET', 'requests'); },
    // A flood (flood.js): the requests of a time window, then up to 200 opened or deleted at once.
    requestsIn: function (from, to) { return call('GET', 'requests?from=' + from + '&to=' + to); },
    batchOpen: function (ids) { return call('POST', 'requests/batch-open', { ids: ids }); },
    batchDelete: function (ids) { return call('POST', 'requests/batch-delete', { ids: ids }); },
    request: function (id) { return call('GET', 'requests/' + encodeURIComponent(id)); },
    update: function (id, change) { return call('PATCH', 'requests/' + encodeURIComponent(id), change); },
    remove: function (id) { return call('DELETE', 'requests/' + encodeURIComponent(id)); },
    // params: {before, limit, actor, action, request}; empty ones are left out.
    audit: function (params) {
      var query = Object.keys(params || {}).filter(function (name) {
        return params[name] !== '' && params[name] !== null && params[name] !== undefined;
      }).map(function (name) { return encodeURIComponent(name) + '=' + encodeURIComponent(params[name]); }).join('&');
      return call('GET', 'audit' + (query ? '?' + query : ''));
    },

    // The directory editor (editor role): see server/http/editor_routes.h.
    directory: function () { return call('GET', 'directory'); },
    attention: function () { return call('GET', 'directory/attention'); },
    draft: function () { return call('GET', 'directory/draft'); },
    saveDraft: function (revision, directory, replace) {
      var body = { revision: revision, directory: directory };
      if (replace) body.replace = replace;
      return call('PUT', 'directory/draft', body);
    },
    discardDraft: function () { return call('DELETE', 'directory/draft'); },
    publish: function (revision, note) { return call('POST', 'directory/publish', { revision: revision, note: note }); },
    // Crisis-line changes of the draft and whether a second editor approved them.
    publishCheck: function () { return call('GET', 'directory/publish-check'); },
    approve: function (revision) { return call('POST', 'directory/approve', { revision: revision }); },
    versions: function () { return call('GET', 'directory/versions'); },
    version: function (v) { return call('GET', 'directory/versions/' + encodeURIComponent(v)); },
    restore: function (v, note) {
      return call('POST', 'directory/versions/' + encodeURIComponent(v) + '/restore', note ? { note: note } : {});
    },
    diff: function (from, to) {
      return call('GET', 'directory/diff/' + encodeURIComponent(from) + '/' + encodeURIComponent(to));
    }
  };
}());
