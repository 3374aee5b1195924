import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  decideWebhookRetry, JITTER_SPREAD, MAX_DELIVERY_ATTEMPTS, MAX_RETRY_DELAY_MS, nextRetryDelayMs, RETRY_DELAYS_MS, shouldGiveUp,
} from './webhook-retry-policy.ts';

const s = 1000;
const min = 60 * s;
const h = 60 * min;

test('schedule without jitter: 10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, then the 6 h cap', () => {
  const delays = Array.from({ length: 11 }, (_, i) => nextRetryDelayMs(i + 1));
  assert.deepEqual(delays, [10 * s, 30 * s, 2 * min, 10 * min, 30 * min, h, 2 * h, 4 * h, 6 * h, 6 * h, 6 * h]);
  assert.equal(nextRetryDelayMs(1000), MAX_RETRY_DELAY_MS);
});

test('gives up after the last allowed attempt, having tried for about a day', () => {
  assert.equal(shouldGiveUp(MAX_DELIVERY_ATTEMPTS - 1), false);
  assert.equal(shouldGiveUp(MAX_DELIVERY_ATTEMPTS), true);
  const total = Array.from({ length: MAX_DELIVERY_ATTEMPTS - 1 }, (_, i) => nextRetryDelayMs(i + 1)).reduce((a, b) => a + b, 0);
  assert.ok(total > 24 * h && total < 30 * h, `${total / h} h`);
});

test('property: delays are deterministic, within the jitter band and never shrink (at equal jitter)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, jitter) => {
      const delay = nextRetryDelayMs(attempt, jitter);
      const base = RETRY_DELAYS_MS[attempt - 1] ?? MAX_RETRY_DELAY_MS;
      assert.equal(delay, nextRetryDelayMs(attempt, jitter));
      assert.ok(delay >= Math.floor(base * (1 - JITTER_SPREAD)) && delay <= Math.ceil(base * (1 + JITTER_SPREAD)));
      assert.ok(nextRetryDelayMs(attempt + 1, jitter) >= delay);
    }),
    { numRuns: 300 },
  );
  assert.equal(nextRetryDelayMs(1, 0), 8 * s);
  assert.equal(nextRetryDelayMs(1, 1), 12 * s);
  assert.equal(nextRetryDelayMs(1, 7), 12 * s);
  assert.equal(nextRetryDelayMs(1, Number.NaN), 10 * s);
});

test('attempt numbers start at 1', () => {
  for (const bad of [0, -1, 1.5, Number.NaN]) {
    assert.throws(() => nextRetryDelayMs(bad), RangeError);
    assert.throws(() => shouldGiveUp(bad), RangeError);
  }
});

test('decideWebhookRetry: delivered, gone, retried (honouring Retry-After up to the cap) and exhausted', () => {
  assert.deepEqual(decideWebhookRetry({ attempt: 1, status: 204 }), { kind: 'delivered' });
  assert.deepEqual(decideWebhookRetry({ attempt: 1, status: 410 }), { kind: 'give_up', reason: 'endpoint_gone' });
  assert.deepEqual(decideWebhookRetry({ attempt: 1, status: null }), { kind: 'retry', delayMs: 10 * s });
  assert.deepEqual(decideWebhookRetry({ attempt: 2, status: 503 }), { kind: 'retry', delayMs: 30 * s });
  assert.deepEqual(decideWebhookRetry({ attempt: 2, status: 429, retryAfterSeconds: 120 }), { kind: 'retry', delayMs: 120 * s });
  assert.deepEqual(decideWebhookRetry({ attempt: 2, status: 429, retryAfterSeconds: 1e9 }), { kind: 'retry', delayMs: MAX_RETRY_DELAY_MS });
  assert.deepEqual(decideWebhookRetry({ attempt: 3, status: 401, retryAfterSeconds: 1 }), { kind: 'retry', delayMs: 2 * min });
  assert.deepEqual(decideWebhookRetry({ attempt: MAX_DELIVERY_ATTEMPTS, status: 500 }), { kind: 'give_up', reason: 'attempts_exhausted' });
  assert.deepEqual(decideWebhookRetry({ attempt: MAX_DELIVERY_ATTEMPTS, status: 200 }), { kind: 'delivered' });
});
