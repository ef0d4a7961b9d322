// Shared set-up for browser tests: the real hulpwijzer binary on a free loopback port,
// and Debian's Chromium driven by playwright-core (never a downloaded browser).
'use strict';

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { chromium } = require('playwright-core');
const PROOF_OF_WORK = require('../../webapp/components/contact-request/proof-of-work.js');

const BINARY = process.env.HW_BINARY || path.join(__dirname, '../../build/hulpwijzer-for-tests');
const CHROMIUM = process.env.HW_CHROMIUM || '/usr/bin/chromium';
// Argon2id at the library minimum: only for tests (see crypto/password_kdf.h).
const TEST_ENV = { ...process.env, HULPWIJZER_FAST_KDF_FOR_TESTS: '1' };

function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// Creates demo staff accounts in `dataDir`; returns [{email, password, role, organization}].
function demoAccounts(dataDir) {
  const out = execFileSync(BINARY, ['demo', '--data', dataDir, '--json'], { env: TEST_ENV });
  return JSON.parse(out.toString()).accounts;
}

// Starts `hulpwijzer serve`; resolves with {url, port, logs, dataDir, accounts, stop()}.
// options: {demo: true} sets up demo accounts first; {args: [...]} adds serve flags.
async function startServer(options = {}) {
  const dataDir = options.dataDir || tempDir('hw-e2e-');
  const accounts = options.demo ? demoAccounts(dataDir) : [];
  const args = ['serve', '--listen', '127.0.0.1:0', '--data', dataDir, '--dev-insecure-cookies', ...(options.args || [])];
  const child = spawn(BINARY, args, { env: TEST_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start: ' + stderr)), 20000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      logs.push(line);
      try {
        const entry = JSON.parse(line);
        if (entry.event === 'listening') { clearTimeout(timer); resolve(entry.port); }
      } catch (_) { /* not JSON: ignored */ }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${stderr}`)); });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    logs,
    dataDir,
    accounts,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page. page.evaluate is not
// subject to the page's CSP, so no inline script has to be allowed for the test.
async function axeViolations(page) {
  return page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source);
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, AXE_SOURCE);
}

// Records every request the page makes; use to prove nothing goes to another host.
function recordRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

// Watches a page: the URLs it requests, and every CSP refusal or page error (Chromium
// reports a blocked inline style or script as a console error).
function watchPage(page) {
  const watched = { urls: recordRequests(page), csp: [] };
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) watched.csp.push(message.text());
  });
  page.on('pageerror', (error) => watched.csp.push('page error: ' + error.message));
  return watched;
}

// axe-core finds nothing on the page; the violations are printed when it does.
async function assertNoViolations(page, where) {
  const assert = require('node:assert');
  const violations = await axeViolations(page);
  if (violations.length) console.log(`axe violations on ${where}:\n` + JSON.stringify(violations, null, 2));
  assert.deepStrictEqual(violations, [], `axe-core violations on ${where}`);
}

// WCAG 1.4.10: at 320 CSS pixels wide nothing makes the page scroll sideways (tables
// scroll inside their own region).
async function assertReflows(page, where) {
  const assert = require('node:assert');
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize(size);
  assert.ok(width <= 320, `${where} is ${width} px wide at 320 px`);
}

// A contact request as the resident's page sends it: a challenge, the proof of work (with
// the page's own proof-of-work.js, at the server's real difficulty), then the request.
// `headers`: more to send (X-Real-IP, to a server started with --behind-proxy).
async function submitContactRequest(server, body, headers = {}) {
  const post = (url, data) => fetch(server.url + url, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(data),
  });
  const challenge = await (await post('/api/v1/contact-requests/challenge', { organization_id: body.organization_id })).json();
  const nonce = await new Promise((resolve) => PROOF_OF_WORK.solve(challenge.challenge, challenge.bits, resolve));
  return post('/api/v1/contact-requests', { ...body, proof: { challenge: challenge.challenge, nonce } });
}

module.exports = {
  submitContactRequest,
  watchPage,
  assertNoViolations,
  assertReflows, startServer, launchBrowser, axeViolations, recordRequests, demoAccounts, tempDir, BINARY, TEST_ENV };
