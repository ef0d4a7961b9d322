/*
 * The staff portal: the login form. E-mail and password with an error per field, and one
 * summary for a refused login or too many attempts (with the wait from Retry-After).
 * Promises: the password field is emptied after every attempt; errors are linked to
 * their fields (components/error-message) and the summary gets the focus.
 */
'use strict';
(function (P) {
  var F = window.HWStaffFormat, api = window.HWStaffApi, t = F.t;
  var state = P.state, $ = P.$;
  var ErrorMessage = window.HWStaffErrorMessage;
  var clearMessages = P.clearMessages, errorText = P.errorText, show = P.show;

  function showLogin() {
    show('login');
    $('password').value = '';
    $('login-busy').textContent = '';
    setFieldError('email', '');
    setFieldError('password', '');
    $('login-error').hidden = true;
    $('login-error-text').textContent = '';
  }

  // The field's own error first, then the summary's text while the summary is shown.
  function setFieldError(field, text) {
    var input = $(field);
    $(field + '-error').hidden = !text;
    $(field + '-field').classList.toggle('hw-form-group--error', !!text);
    ErrorMessage.set(input, field + '-error', text);
    ErrorMessage.describe(input, 'login-error-text', !$('login-error').hidden);
  }

  function showLoginError(text) {
    $('login-error-text').textContent = text;
    $('login-error').hidden = false;
    setFieldError('email', $('email-error').textContent);
    setFieldError('password', $('password-error').textContent);
    $('login-error').focus();
  }

  function submitLogin(event) {
    event.preventDefault();
    if (state.busy.login) return;
    clearMessages();
    $('login-error').hidden = true;
    $('login-error-text').textContent = '';
    var email = $('email').value.trim();
    var password = $('password').value;
    setFieldError('email', email ? '' : t('login.err.email'));
    setFieldError('password', password ? '' : t('login.err.password'));
    if (!email || !password) {
      $(email ? 'password' : 'email').focus();
      return;
    }
    state.busy.login = true;
    $('login-form').setAttribute('aria-busy', 'true');
    $('login-busy').textContent = t('login.busy');
    api.login(email, password).then(function (me) {
      $('password').value = '';
      P.startSession(me, true);
    }, function (err) {
      $('password').value = '';
      if (err.status === 401) showLoginError(t('login.err.failed'));
      else if (err.status === 429) showLoginError(t('login.err.tooMany', { n: Math.max(1, Math.ceil((err.retryAfter || 600) / 60)) }));
      else showLoginError(errorText(err));
    }).then(function () {
      state.busy.login = false;
      $('login-form').removeAttribute('aria-busy');
      $('login-busy').textContent = '';
    });
  }

  P.setFieldError = setFieldError;
  P.showLogin = showLogin;
  P.submitLogin = submitLogin;
}(window.HWStaffPage));
