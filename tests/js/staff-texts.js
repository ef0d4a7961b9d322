// Test helper: loads the staff portal's scripts the way the page does (classic scripts that
// set window.*) and gives format.js the texts of webapp/i18n/staff/ as load() would.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const WEB = path.join(__dirname, '..', '..', 'webapp');
const STAFF = path.join(WEB, 'staff');
const I18N = path.join(WEB, 'i18n', 'staff');

function loadStaff(files) {
  if (!global.window) global.window = { crypto: require('node:crypto').webcrypto };
  for (const file of ['format.js'].concat(files || [])) require(path.join(STAFF, file));
  const TEXTS = {};
  for (const lang of global.window.HWStaffFormat.LANGUAGES) {
    TEXTS[lang] = JSON.parse(fs.readFileSync(path.join(I18N, lang + '.json'), 'utf8'));
    global.window.HWStaffFormat.addTexts(lang, TEXTS[lang]);
  }
  return { F: global.window.HWStaffFormat, D: global.window.HWStaffDirectory, TEXTS };
}

module.exports = { loadStaff, I18N };
