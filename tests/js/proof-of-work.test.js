// Unit tests of the resident page's proof of work (webapp/components/contact-request/
// proof-of-work.js): its SHA-256 is SHA-256 (against node's crypto, at every length around
// the block edges), it counts zero bits as the server does, and the nonce it finds holds.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const PoW = require('../../webapp/components/contact-request/proof-of-work.js');

function zeroBits(hex) {
  let bits = 0;
  for (const digit of hex) {
    const n = parseInt(digit, 16);
    if (n === 0) { bits += 4; continue; }
    return bits + Math.clz32(n) - 28;
  }
  return bits;
}

test('its SHA-256 matches node crypto for every length from 0 to 200 bytes', () => {
  for (let n = 0; n <= 200; n++) {
    const text = '0123456789abcdef:'.repeat(12).slice(0, n);
    assert.equal(PoW.sha256Hex(text), crypto.createHash('sha256').update(text).digest('hex'), 'length ' + n);
  }
});

test('zero bits are counted from the first bit of the digest', () => {
  const challenge = 'ab'.repeat(37);  // as long as the server's (74 hex digits)
  for (let nonce = 0; nonce < 300; nonce++) {
    const hex = crypto.createHash('sha256').update(challenge + ':' + nonce).digest('hex');
    assert.equal(PoW.zeroBits(challenge, String(nonce)), zeroBits(hex), 'nonce ' + nonce);
  }
});

test('solve finds the first nonce with enough zero bits, in slices, and can be stopped', async () => {
  const challenge = '0f'.repeat(37);
  const nonce = await new Promise((resolve) => PoW.solve(challenge, 12, resolve));
  assert.ok(PoW.zeroBits(challenge, nonce) >= 12);
  for (let n = 0; n < Number(nonce); n++) assert.ok(PoW.zeroBits(challenge, String(n)) < 12);

  let called = false;
  const stop = PoW.solve(challenge, 40, () => { called = true; });  // far too hard to finish
  await new Promise((resolve) => setTimeout(resolve, 50));
  stop();
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(called, false);
});
