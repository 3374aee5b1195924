/**
 * Signing of outbound webhooks, and the matching verification that receivers (and our own
 * inbound channels and tests) use.
 *
 *   X-Gongdan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>
 *
 * The timestamp is inside the MAC so a captured delivery cannot be replayed later than the
 * tolerance. Several v1 values may appear: while a secret is rotated we sign with both the old
 * and the new one, so receivers can switch at their own pace. Unknown schemes (v0, v2 …) are
 * ignored so the format can evolve without breaking old receivers.
 */
import type { Hmac } from '../shared/crypto.ts';
import { err, ok, type Result } from '../shared/result.ts';

export const WEBHOOK_SIGNATURE_HEADER = 'X-Gongdan-Signature';

/** Default accepted clock difference between sender and receiver, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type WebhookSignatureError = { kind: 'malformed' } | { kind: 'expired' } | { kind: 'mismatch' };

/** A parsed signature header. */
export interface WebhookSignature {
  timestamp: number;
  v1: string[];
}

/** The exact bytes the MAC covers. */
export const signedPayload = (unixSeconds: number, body: string): string => `${unixSeconds}.${body}`;

/**
 * Header value for a delivery. Pass several secrets (new first) during a rotation to emit one
 * v1 per secret. `body` must be the exact string sent as the request body.
 */
export function signWebhook(secret: string | readonly string[], unixSeconds: number, body: string, hmac: Hmac): string {
  if (!Number.isSafeInteger(unixSeconds) || unixSeconds < 0) throw new Error(`signWebhook: bad timestamp ${unixSeconds}`);
  const secrets = typeof secret === 'string' ? [secret] : secret;
  if (secrets.length === 0) throw new Error('signWebhook: no secret');
  const payload = signedPayload(unixSeconds, body);
  return [`t=${unixSeconds}`, ...secrets.map((s) => `v1=${hmac(s, payload).toLowerCase()}`)].join(',');
}

/** Parses `t=…,v1=…[,v1=…]`; refuses missing/duplicate t, non-hex v1 and no v1 at all. */
export function parseWebhookSignature(header: string): Result<WebhookSignature, { kind: 'malformed' }> {
  let timestamp: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return err({ kind: 'malformed' });
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return err({ kind: 'malformed' });
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-fA-F]{64}$/.test(value)) return err({ kind: 'malformed' });
      v1.push(value.toLowerCase());
    }
  }
  if (timestamp === null || v1.length === 0) return err({ kind: 'malformed' });
  return ok({ timestamp, v1 });
}

/**
 * Verifies a delivery: well-formed header, timestamp within `toleranceSeconds` of now (either
 * direction), and at least one v1 equal to the HMAC under one of the receiver's secrets.
 * Every candidate is compared in full, in constant time, so timing reveals nothing about
 * which secret or how many leading characters matched.
 */
export function verifyWebhookSignature(
  header: string,
  secret: string | readonly string[],
  body: string,
  nowUnixSeconds: number,
  hmac: Hmac,
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): Result<void, WebhookSignatureError> {
  const parsed = parseWebhookSignature(header);
  if (!parsed.ok) return parsed;
  const { timestamp, v1 } = parsed.value;
  if (Math.abs(nowUnixSeconds - timestamp) > toleranceSeconds) return err({ kind: 'expired' });
  const payload = signedPayload(timestamp, body);
  const secrets = typeof secret === 'string' ? [secret] : secret;
  let matched = false;
  for (const s of secrets) {
    const expected = hmac(s, payload).toLowerCase();
    // No early exit: the loop costs the same whether the first or no candidate matches.
    for (const candidate of v1) matched = constantTimeEqualHex(expected, candidate) || matched;
  }
  return matched ? ok(undefined) : err({ kind: 'mismatch' });
}

/**
 * Compares two strings in time that depends only on their lengths, never on where they first
 * differ. Meant for equal-length hex digests; different lengths simply compare unequal.
 */
export function constantTimeEqualHex(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let difference = a.length ^ b.length;
  for (let i = 0; i < length; i++) {
    difference |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  }
  return difference === 0;
}
