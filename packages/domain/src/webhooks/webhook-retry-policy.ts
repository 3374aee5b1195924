/**
 * When to retry a failed webhook delivery. A receiver that is down for a deploy should get its
 * events within seconds after coming back; one that is down for a day should still get them,
 * without us hammering it meanwhile. So: quick first retries, then exponentially longer waits
 * up to a cap, then give up (the outbox keeps the event for manual replay).
 *
 * Attempts are counted from 1: attempt 1 is the first delivery. `nextRetryDelayMs(n)` is the
 * wait after attempt n failed. Randomness is injected as `jitter` in [0, 1] so the policy stays
 * deterministic and testable; the worker passes Math.random() or a hash of the delivery id.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Waits after attempts 1, 2, 3 …; later attempts wait MAX_RETRY_DELAY_MS. */
export const RETRY_DELAYS_MS: readonly number[] = Object.freeze([
  10 * SECOND, 30 * SECOND, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, 1 * HOUR, 2 * HOUR, 4 * HOUR,
]);

/** Cap of the exponential schedule. */
export const MAX_RETRY_DELAY_MS = 6 * HOUR;

/** Attempts in total, the first delivery included: about 26 hours of trying. */
export const MAX_DELIVERY_ATTEMPTS = 12;

/** ± share of the delay that jitter may move it, so endpoints failing together do not retry in lockstep. */
export const JITTER_SPREAD = 0.2;

function assertAttempt(attempt: number): void {
  if (!Number.isSafeInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be an integer >= 1, got ${attempt}`);
}

/**
 * Milliseconds to wait after failed attempt `attempt` (1-based). `jitter` in [0, 1] (clamped)
 * scales the delay between −20 % and +20 %; the default 0.5 means no jitter.
 */
export function nextRetryDelayMs(attempt: number, jitter = 0.5): number {
  assertAttempt(attempt);
  const base = RETRY_DELAYS_MS[attempt - 1] ?? MAX_RETRY_DELAY_MS;
  const unit = Number.isFinite(jitter) ? Math.min(1, Math.max(0, jitter)) : 0.5;
  return Math.round(base * (1 + (unit * 2 - 1) * JITTER_SPREAD));
}

/** Whether attempt number `attempt` was the last one allowed. */
export function shouldGiveUp(attempt: number): boolean {
  assertAttempt(attempt);
  return attempt >= MAX_DELIVERY_ATTEMPTS;
}

/** What the outbox worker should do after a delivery attempt. */
export type WebhookDeliveryDecision =
  | { kind: 'delivered' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'give_up'; reason: 'attempts_exhausted' | 'endpoint_gone' };

export interface WebhookAttemptOutcome {
  /** 1-based number of the attempt just made. */
  attempt: number;
  /** HTTP status, or null for a network error or timeout. */
  status: number | null;
  /** Parsed Retry-After header (seconds), if the receiver sent one. */
  retryAfterSeconds?: number | null;
  jitter?: number;
}

/**
 * Decides after one attempt: 2xx is delivered; 410 Gone means the receiver removed the
 * endpoint; anything else (timeouts, 5xx, and 4xx too, because a receiver's 401 after a secret
 * mix-up is fixed by a person within hours) is retried on schedule until attempts run out.
 * A receiver's Retry-After is honoured when longer than our schedule, up to the cap.
 */
export function decideWebhookRetry(outcome: WebhookAttemptOutcome): WebhookDeliveryDecision {
  const { attempt, status } = outcome;
  assertAttempt(attempt);
  if (status !== null && status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'give_up', reason: 'endpoint_gone' };
  if (shouldGiveUp(attempt)) return { kind: 'give_up', reason: 'attempts_exhausted' };
  const scheduled = nextRetryDelayMs(attempt, outcome.jitter);
  const asked = outcome.retryAfterSeconds;
  const requested = asked !== undefined && asked !== null && Number.isFinite(asked) && asked > 0 ? Math.min(asked * SECOND, MAX_RETRY_DELAY_MS) : 0;
  return { kind: 'retry', delayMs: Math.max(scheduled, requested) };
}
