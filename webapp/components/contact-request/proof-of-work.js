/*
 * Proof of work for a contact request (hashcash): find a nonce 0, 1, 2, ... such that
 * SHA-256(challenge ":" nonce) starts with `bits` zero bits, as the server checks it
 * (server/crypto/work_challenge.h, server/domain/proof_of_work.h). About 2^bits hashes:
 * a second or so on a phone normally, more while an organisation receives a flood.
 *
 * HW.proofOfWork.solve(challenge, bits, done) works in slices of a few milliseconds on
 * the page's own thread, so the page stays responsive (the quick exit above all) and no
 * worker script or inline code is needed under the strict CSP. done(nonce) is called with
 * the nonce as text; solve returns a function that stops the work (the app calls it when
 * the resident leaves the screen). zeroBits(challenge, nonce) and sha256Hex(text) are
 * exported for tests/js. Plain JavaScript, no dependency; challenges are ASCII.
 */
(function () {
  'use strict';
  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];
  var INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  var SLICE_MS = 12;

  // One block (W[0..15] filled) into the state H, in place.
  function compress(H, W) {
    var t, s0, s1;
    for (t = 16; t < 64; t++) {
      s0 = W[t - 15];
      s1 = W[t - 2];
      W[t] = (((s1 >>> 17) | (s1 << 15)) ^ ((s1 >>> 19) | (s1 << 13)) ^ (s1 >>> 10)) + W[t - 7] +
        (((s0 >>> 7) | (s0 << 25)) ^ ((s0 >>> 18) | (s0 << 14)) ^ (s0 >>> 3)) + W[t - 16] | 0;
    }
    var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7], x, y;
    for (t = 0; t < 64; t++) {
      x = h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
        ((e & f) ^ (~e & g)) + K[t] + W[t] | 0;
      y = (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
        ((a & b) ^ (a & c) ^ (b & c)) | 0;
      h = g; g = f; f = e; e = d + x | 0; d = c; c = b; b = a; a = x + y | 0;
    }
    H[0] = H[0] + a | 0; H[1] = H[1] + b | 0; H[2] = H[2] + c | 0; H[3] = H[3] + d | 0;
    H[4] = H[4] + e | 0; H[5] = H[5] + f | 0; H[6] = H[6] + g | 0; H[7] = H[7] + h | 0;
  }

  // Loads bytes [from, from + 64) of an ASCII text into W[0..15], big-endian.
  function load(W, text, from) {
    for (var i = 0; i < 16; i++) {
      var p = from + 4 * i;
      W[i] = (text.charCodeAt(p) << 24) | (text.charCodeAt(p + 1) << 16) | (text.charCodeAt(p + 2) << 8) | text.charCodeAt(p + 3);
    }
  }

  // The state after the whole 64-byte blocks of `prefix` (the part every nonce shares).
  function midstate(prefix, W) {
    var H = new Int32Array(INITIAL);
    for (var at = 0; at + 64 <= prefix.length; at += 64) {
      load(W, prefix, at);
      compress(H, W);
    }
    return H;
  }

  // SHA-256 of prefix + tail, from the midstate of prefix; `tail` starts at the first byte
  // after prefix's whole blocks. The digest is left in H (8 words).
  function finish(mid, tail, total, W, H) {
    H.set(mid);
    var padded = tail + '\x80', blocks = padded.length + 8 > 64 ? 2 : 1, bits = total * 8;
    while (padded.length < blocks * 64 - 8) padded += '\x00';
    for (var b = 0; b < blocks; b++) {
      load(W, padded + '\x00\x00\x00\x00\x00\x00\x00\x00', b * 64);
      if (b === blocks - 1) {
        W[14] = Math.floor(bits / 0x100000000) | 0;
        W[15] = bits | 0;
      }
      compress(H, W);
    }
    return H;
  }

  function leadingZeros(H) {
    var n = 0;
    for (var i = 0; i < 8; i++) {
      if (H[i] === 0) { n += 32; continue; }
      return n + Math.clz32(H[i]);
    }
    return n;
  }

  function digest(text) {
    var W = new Int32Array(64), whole = text.length - text.length % 64;
    return finish(midstate(text.slice(0, whole), W), text.slice(whole), text.length, W, new Int32Array(8));
  }

  function sha256Hex(text) {
    var H = digest(text), out = '';
    for (var i = 0; i < 8; i++) out += ('00000000' + (H[i] >>> 0).toString(16)).slice(-8);
    return out;
  }

  function zeroBits(challenge, nonce) { return leadingZeros(digest(challenge + ':' + nonce)); }

  // The nonce's decimal digits as bytes, counted up in place (no text per try).
  function Counter() { this.digits = [48]; }
  Counter.prototype.next = function () {
    var d = this.digits, i = d.length - 1;
    while (i >= 0 && d[i] === 57) d[i--] = 48;
    if (i < 0) d.unshift(49); else d[i]++;
  };
  Counter.prototype.text = function () { return String.fromCharCode.apply(null, this.digits); };

  // The last block(s) of prefix + nonce into W, padded, and hashed from the midstate.
  function hashTail(mid, rest, whole, digits, bytes, W, H) {
    var n = rest.length, i, total = whole + n + digits.length;
    for (i = 0; i < digits.length; i++) bytes[n + i] = digits[i];
    n += digits.length;
    bytes[n++] = 0x80;
    var blocks = n + 8 > 64 ? 2 : 1, end = blocks * 64 - 8;
    while (n < end) bytes[n++] = 0;
    H.set(mid);
    for (var b = 0; b < blocks; b++) {
      for (i = 0; i < 16; i++) {
        var p = b * 64 + 4 * i;
        W[i] = (bytes[p] << 24) | (bytes[p + 1] << 16) | (bytes[p + 2] << 8) | bytes[p + 3];
      }
      if (b === blocks - 1) {
        W[14] = Math.floor(total / 0x20000000) | 0;
        W[15] = total * 8 | 0;
      }
      compress(H, W);
    }
    return H;
  }

  function solve(challenge, bits, done) {
    var prefix = challenge + ':', whole = prefix.length - prefix.length % 64, rest = prefix.slice(whole);
    var W = new Int32Array(64), H = new Int32Array(8), mid = midstate(prefix.slice(0, whole), W);
    var bytes = new Uint8Array(136), counter = new Counter(), timer = 0, stopped = false;
    for (var i = 0; i < rest.length; i++) bytes[i] = rest.charCodeAt(i);
    function slice() {
      var until = Date.now() + SLICE_MS;
      do {
        for (var j = 0; j < 512; j++, counter.next()) {
          if (leadingZeros(hashTail(mid, rest, whole, counter.digits, bytes, W, H)) >= bits) {
            done(counter.text());
            return;
          }
        }
      } while (Date.now() < until);
      if (!stopped) timer = setTimeout(slice, 0);
    }
    timer = setTimeout(slice, 0);
    return function stop() { stopped = true; clearTimeout(timer); };
  }

  var api = { solve: solve, zeroBits: zeroBits, sha256Hex: sha256Hex };
  if (typeof self !== 'undefined') {
    self.HW = self.HW || {};
    self.HW.proofOfWork = api;
  }
  if (typeof module === 'object' && module.exports) module.exports = api;  // tests/js
})();
