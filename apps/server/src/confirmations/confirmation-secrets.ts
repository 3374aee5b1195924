import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { safeEqual } from '../shared/crypto.ts';

/**
 * Secrets of the confirmation feature. Tokens are stored as SHA-256 (lookups) plus an AES-256-GCM
 * copy under a key derived from GONGDAN_SECRET, which never enters the database: a database dump
 * alone yields no usable link, yet the assignee can be shown the same QR again (ADR 010).
 */
export const TOKEN_BYTES = 18; // 24 base64url characters

export function newConfirmationToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(`gongdan-confirmation:${token}`).digest('hex');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

function key(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'gongdan', purpose, 32));
}

export function encryptToken(secret: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret, 'confirmation-token'), iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return `v1.${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

export function decryptToken(secret: string, sealed: string): string | null {
  const [v, iv, body, tag] = sealed.split('.');
  if (v !== 'v1' || !iv || !body || !tag) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', key(secret, 'confirmation-token'), Buffer.from(iv, 'base64url'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Signed, expiring URLs for files shown outside a session (signatures, public photos). */
export function signFilePath(secret: string, kind: 'signature' | 'photo', id: string, expiresAtSec: number): string {
  const sig = createHmac('sha256', key(secret, 'file-url')).update(`${kind}:${id}:${expiresAtSec}`).digest('base64url');
  return `/api/public/files/${kind}/${encodeURIComponent(id)}?exp=${expiresAtSec}&sig=${sig}`;
}

export function verifyFileSignature(secret: string, kind: string, id: string, exp: string | undefined, sig: string | undefined, nowMs: number): boolean {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return false;
  if (Number(exp) * 1000 < nowMs) return false;
  const expected = createHmac('sha256', key(secret, 'file-url')).update(`${kind}:${id}:${exp}`).digest('base64url');
  return safeEqual(sig, expected);
}

/** Signed device token for 扫码报修 stickers: the device id plus an HMAC, so ids cannot be guessed or forged. */
export function deviceReportToken(secret: string, deviceId: string): string {
  const mac = createHmac('sha256', key(secret, 'device-report')).update(deviceId).digest('base64url').slice(0, 22);
  return `${Buffer.from(deviceId, 'utf8').toString('base64url')}.${mac}`;
}

export function readDeviceReportToken(secret: string, token: string): string | null {
  const [idPart, mac] = token.split('.');
  if (!idPart || !mac || token.length > 200) return null;
  const deviceId = Buffer.from(idPart, 'base64url').toString('utf8');
  return safeEqual(deviceReportToken(secret, deviceId), token) ? deviceId : null;
}
