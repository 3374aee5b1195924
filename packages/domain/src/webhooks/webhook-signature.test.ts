import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import type { Hmac } from '../shared/crypto.ts';
import { constantTimeEqualHex, parseWebhookSignature, signWebhook, verifyWebhookSignature } from './webhook-signature.ts';

const hmac: Hmac = (key, message) => createHmac('sha256', key).update(message, 'utf8').digest('hex');
const body = '{"event":"ticket.resolved","ticket":{"number":"GD-20250301-0001","title":"空调不制冷"}}';
const T = 1_740_800_000;

test('known answer: header equals an HMAC computed independently with node:crypto', () => {
  const expected = createHmac('sha256', 'whsec_test').update(Buffer.from(`${T}.${body}`, 'utf8')).digest('hex');
  assert.equal(signWebhook('whsec_test', T, body, hmac), `t=${T},v1=${expected}`);
  assert.deepEqual(verifyWebhookSignature(`t=${T},v1=${expected}`, 'whsec_test', body, T + 10, hmac), { ok: true, value: undefined });
});

test('known answer: the injected HMAC matches RFC 4231 case 2, and t=0 signs exactly "0." + body', () => {
  // Pins the HMAC port itself to a published vector, so the other tests cannot pass on a
  // consistently wrong primitive.
  const header = signWebhook('Jefe', 0, 'what do ya want for nothing?', hmac);
  const direct = createHmac('sha256', 'Jefe').update('0.what do ya want for nothing?').digest('hex');
  assert.equal(header, `t=0,v1=${direct}`);
  assert.equal(hmac('Jefe', 'what do ya want for nothing?'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
});

test('rejects a changed body, a wrong secret and a changed timestamp as mismatch', () => {
  const header = signWebhook('s1', T, body, hmac);
  assert.deepEqual(verifyWebhookSignature(header, 's1', `${body} `, T, hmac), { ok: false, error: { kind: 'mismatch' } });
  assert.deepEqual(verifyWebhookSignature(header, 's2', body, T, hmac), { ok: false, error: { kind: 'mismatch' } });
  const shifted = header.replace(`t=${T}`, `t=${T + 1}`);
  assert.deepEqual(verifyWebhookSignature(shifted, 's1', body, T, hmac), { ok: false, error: { kind: 'mismatch' } });
});

test('rejects stale and future timestamps beyond the tolerance', () => {
  const header = signWebhook('s1', T, body, hmac);
  assert.equal(verifyWebhookSignature(header, 's1', body, T + 300, hmac).ok, true);
  assert.equal(verifyWebhookSignature(header, 's1', body, T - 300, hmac).ok, true);
  assert.deepEqual(verifyWebhookSignature(header, 's1', body, T + 301, hmac), { ok: false, error: { kind: 'expired' } });
  assert.deepEqual(verifyWebhookSignature(header, 's1', body, T - 301, hmac), { ok: false, error: { kind: 'expired' } });
  assert.equal(verifyWebhookSignature(header, 's1', body, T + 3600, hmac, 7200).ok, true);
});

test('secret rotation: several v1 values on the sender side, several secrets on the receiver side', () => {
  const both = signWebhook(['new', 'old'], T, body, hmac);
  assert.equal(both.split(',').length, 3);
  assert.equal(verifyWebhookSignature(both, 'old', body, T, hmac).ok, true);
  assert.equal(verifyWebhookSignature(both, 'new', body, T, hmac).ok, true);
  const oldOnly = signWebhook('old', T, body, hmac);
  assert.equal(verifyWebhookSignature(oldOnly, ['new', 'old'], body, T, hmac).ok, true);
  assert.equal(verifyWebhookSignature(oldOnly, ['new', 'other'], body, T, hmac).ok, false);
});

test('malformed headers are refused; unknown schemes and spaces are tolerated', () => {
  const v1 = hmac('s', `${T}.${body}`);
  for (const bad of ['', 'garbage', `v1=${v1}`, `t=${T}`, `t=abc,v1=${v1}`, `t=${T},t=${T},v1=${v1}`, `t=${T},v1=xyz`, `t=${T},v1=${v1}0`, `t=-1,v1=${v1}`]) {
    assert.deepEqual(verifyWebhookSignature(bad, 's', body, T, hmac), { ok: false, error: { kind: 'malformed' } }, bad);
  }
  assert.equal(verifyWebhookSignature(`t=${T}, v0=legacy, v1=${v1.toUpperCase()}`, 's', body, T, hmac).ok, true);
  assert.deepEqual(parseWebhookSignature(`t=${T},v1=${v1}`), { ok: true, value: { timestamp: T, v1: [v1] } });
});

test('signWebhook refuses bad timestamps and an empty secret list', () => {
  assert.throws(() => signWebhook('s', 1.5, body, hmac));
  assert.throws(() => signWebhook('s', -1, body, hmac));
  assert.throws(() => signWebhook([], T, body, hmac));
});

test('property: sign then verify round-trips for any body, secret and time within tolerance', () => {
  fc.assert(
    fc.property(fc.string(), fc.string({ minLength: 1 }), fc.integer({ min: 0, max: 4_000_000_000 }), fc.integer({ min: -300, max: 300 }), (text, secret, t, skew) => {
      assert.equal(verifyWebhookSignature(signWebhook(secret, t, text, hmac), secret, text, t + skew, hmac).ok, true);
    }),
    { numRuns: 200 },
  );
});

test('constantTimeEqualHex agrees with === on all inputs', () => {
  fc.assert(fc.property(fc.string(), fc.string(), (a, b) => assert.equal(constantTimeEqualHex(a, b), a === b)), { numRuns: 300 });
  assert.equal(constantTimeEqualHex('ab', 'ab\u0000'), false);
});
