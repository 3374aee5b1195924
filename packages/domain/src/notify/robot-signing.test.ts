import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import type { Hmac } from '../shared/crypto.ts';
import { hexToBase64, truncateUtf8, utf8ByteLength } from './encoding.ts';
import { dingtalkSignature, dingtalkSignedQuery, feishuSignature } from './robot-signing.ts';

const hmac: Hmac = (key, message) => createHmac('sha256', key).update(message, 'utf8').digest('hex');

test('DingTalk: base64(HmacSHA256(key=secret, msg=timestamp+"\\n"+secret)), URL-encoded in the query', () => {
  const secret = 'SECa1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcdef0123456789abcdef';
  const ts = 1_700_000_000_123;
  const expected = createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64');
  assert.equal(dingtalkSignature(secret, ts, hmac), expected);
  assert.equal(dingtalkSignedQuery(secret, ts, hmac), `timestamp=${ts}&sign=${encodeURIComponent(expected)}`);
  // The URL-encoding really happens: base64 of this digest contains + or / or = .
  const q = new URLSearchParams(dingtalkSignedQuery(secret, ts, hmac));
  assert.equal(q.get('sign'), expected);
  assert.equal(q.get('timestamp'), String(ts));
});

test('Feishu: base64(HmacSHA256(key=timestamp+"\\n"+secret, msg="")), seconds, not URL-encoded', () => {
  const secret = 'fs-secret-0123';
  const ts = 1_599_360_473;
  const expected = createHmac('sha256', `${ts}\n${secret}`).update('').digest('base64');
  assert.equal(feishuSignature(secret, ts, hmac), expected);
  assert.notEqual(feishuSignature(secret, ts, hmac), createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64'), 'key and message are not swapped');
});

test('pinned vectors (so a consistently wrong primitive cannot pass)', () => {
  assert.equal(hexToBase64(hmac('Jefe', 'what do ya want for nothing?')), 'W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=');
  assert.equal(hexToBase64(''), '');
  assert.equal(hexToBase64('66'), 'Zg==');
  assert.equal(hexToBase64('666f'), 'Zm8=');
  assert.equal(hexToBase64('666f6f'), 'Zm9v');
});

test('property: hexToBase64 equals Buffer base64 for any bytes', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
    const buf = Buffer.from(bytes);
    assert.equal(hexToBase64(buf.toString('hex')), buf.toString('base64'));
  }), { numRuns: 300 });
});

test('property: signatures equal node:crypto for any secret and timestamp', () => {
  fc.assert(fc.property(fc.string({ minLength: 1 }), fc.integer({ min: 0, max: 4_000_000_000_000 }), (secret, ts) => {
    assert.equal(dingtalkSignature(secret, ts, hmac), createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64'));
    const s = Math.floor(ts / 1000);
    assert.equal(feishuSignature(secret, s, hmac), createHmac('sha256', `${s}\n${secret}`).update('').digest('base64'));
  }), { numRuns: 200 });
});

test('utf8ByteLength and truncateUtf8 agree with Buffer', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 4, max: 100 }), (text, max) => {
    assert.equal(utf8ByteLength(text), Buffer.byteLength(text, 'utf8'));
    const cut = truncateUtf8(text, max);
    assert.ok(Buffer.byteLength(cut, 'utf8') <= Math.max(max, 0));
    if (Buffer.byteLength(text) <= max) assert.equal(cut, text);
  }), { numRuns: 300 });
  assert.equal(truncateUtf8('空调不制冷', 10), '空调…');
});

test('bad timestamps are bugs', () => {
  assert.throws(() => dingtalkSignature('s', 1.5, hmac));
  assert.throws(() => feishuSignature('s', -1, hmac));
  assert.throws(() => hexToBase64('abc'));
});
