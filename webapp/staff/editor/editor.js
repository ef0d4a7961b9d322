/*
 * The directory editor: the last of its files. It connects the parts to the page (the
 * events of the three views, the guard against leaving with unsaved changes) and says
 * what staff.js may call: HWStaffEditor.create(page) returns
 *   {openOverview, openEditor, openVersions, isDirty, rerender(view), clear()}.
 * Promises: leaving the page with unsaved changes asks first; clear() (logout, the end of
 * the session) forgets every document and empties the three views.
 */
'use strict';
window.HWStaffEditor.part(function (E) {
  var page = E.page, $ = page.$;
  var ed = E.ed, ov = E.ov, vs = E.vs;

  $('overview-body').addEventListener('click', E.onOverviewClick);
  $('editor-body').addEventListener('click', E.onEditorClick);
  $('editor-body').addEventListener('input', E.onEditorInput);
  $('editor-body').addEventListener('change', E.onEditorInput);
  $('editor-body').addEventListener('submit', E.onEditorSubmit);
  $('versions-body').addEventListener('click', E.onVersionsClick);
  $('versions-body').addEventListener('submit', E.onVersionsSubmit);

  // Leaving the page (reload, closing the tab, another address) with unsaved changes asks first.
  window.addEventListener('beforeunload', function (event) {
    if (!page.loggedIn() || !E.isDirty()) return;
    event.preventDefault();
    event.returnValue = '';
  });

  E.forPage = {
    openOverview: E.openOverview,
    openEditor: E.openEditor,
    openVersions: E.openVersions,
    isDirty: E.isDirty,
    // The language changed: draw the current view again (what was typed stays).
    rerender: function (view) {
      if (view === 'overview' && ov.attention) E.renderOverview();
      else if (view === 'editor' && ed.loaded) {
        if ($('publish-note')) ed.note = $('publish-note').value;
        E.renderEditor();
      } else if (view === 'versions' && vs.list) E.renderVersions();
    },
    // Logout or the end of the session: forget everything.
    clear: function () {
      E.resetAll();
      $('overview-body').replaceChildren();
      $('editor-body').replaceChildren();
      $('versions-body').replaceChildren();
    }
  };
});
