// The harness itself: a real server answers, Chromium loads the page, axe runs.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { startServer, launchBrowser, axeViolations } = require('./harness');

test('the harness starts the binary and drives Debian Chromium', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const response = await page.goto(server.url + '/healthz');
    assert.strictEqual(response.status(), 200);
    assert.strictEqual((await response.json()).status, 'ok');
    await page.goto(server.url + '/');
    const violations = await axeViolations(page);
    assert.ok(Array.isArray(violations));
  } finally {
    await browser.close();
    await server.stop();
  }
});
