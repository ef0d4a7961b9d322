/*
 * error-message: an error attached to a field, after GOV.UK Frontend's error message.
 *
 * The message is a `.hw-error-message` element (a <p>) next to its control; the field's
 * wrapper gets `.hw-form-group--error`; the control gets aria-invalid="true" and the
 * message's id in aria-describedby, after the ids already there (hints are read first).
 *
 * HWStaffErrorMessage.set(control, errorId, text): shows `text` in the element `errorId`
 *   and links it to `control`; an empty text empties the message, unlinks it and removes
 *   aria-invalid. `control` may be null: then only the message changes (the error of an
 *   action rather than of a field).
 * HWStaffErrorMessage.describe(control, id, on): adds `id` to the end of the control's
 *   aria-describedby, or takes it out; an empty list removes the attribute.
 * Text is only ever set with textContent.
 */
'use strict';
(function () {
  function describe(control, id, on) {
    var ids = (control.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== id; });
    if (on) ids.push(id);
    if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
    else control.removeAttribute('aria-describedby');
  }

  function set(control, errorId, text) {
    var error = document.getElementById(errorId);
    if (error) error.textContent = text || '';
    if (!control) return;
    if (text) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
    describe(control, errorId, !!text);
  }

  window.HWStaffErrorMessage = { set: set, describe: describe };
}());
