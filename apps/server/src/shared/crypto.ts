import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Hmac, Mac, Sha256 } from '@gongdan/domain/shared/crypto';

export const hmac: Hmac = (key, message) => createHmac('sha256', key).update(message).digest('hex');
export const sha256: Sha256 = (message) => createHash('sha256').update(message).digest('hex');
export const macWithKey = (key: string): Mac => (message) => hmac(key, message);

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
