/**
 * Signatures of the Chinese chat robots (see shared/reference/protocols.md §3). Both are
 * HMAC-SHA256 rendered as base64, but they differ in what is the key and what is the message:
 *
 * - DingTalk custom robot: key = secret, message = `${timestampMs}\n${secret}`; the base64 is
 *   URL-encoded and sent as the `sign` query parameter next to `timestamp` (milliseconds).
 * - Feishu custom bot: key = `${timestampSeconds}\n${secret}`, message = empty string; the
 *   base64 goes, NOT URL-encoded, into the JSON body next to `timestamp` (seconds, a string).
 *
 * WeCom group robots are not signed: the `key` in the webhook URL is the secret.
 */
import type { Hmac } from '../shared/crypto.ts';
import { hexToBase64 } from './encoding.ts';

/** base64(HmacSHA256(secret, timestampMs + "\n" + secret)), not yet URL-encoded. */
export function dingtalkSignature(secret: string, timestampMs: number, hmac: Hmac): string {
  if (!Number.isSafeInteger(timestampMs) || timestampMs < 0) throw new Error(`dingtalkSignature: bad timestamp ${timestampMs}`);
  return hexToBase64(hmac(secret, `${timestampMs}\n${secret}`));
}

/** The `timestamp` and `sign` query parameters, URL-encoded as DingTalk expects. */
export function dingtalkSignedQuery(secret: string, timestampMs: number, hmac: Hmac): string {
  return `timestamp=${timestampMs}&sign=${encodeURIComponent(dingtalkSignature(secret, timestampMs, hmac))}`;
}

/** base64(HmacSHA256(key = timestampSeconds + "\n" + secret, message = "")). */
export function feishuSignature(secret: string, timestampSeconds: number, hmac: Hmac): string {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) throw new Error(`feishuSignature: bad timestamp ${timestampSeconds}`);
  return hexToBase64(hmac(`${timestampSeconds}\n${secret}`, ''));
}
