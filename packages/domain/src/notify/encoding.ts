/**
 * Byte-level helpers the robot protocols need. The domain compiles without Node or DOM types
 * (no Buffer, btoa or TextEncoder), so these are written out; they are small and exact.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding) of the bytes a lowercase/uppercase hex string encodes. */
export function hexToBase64(hex: string): string {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error('hexToBase64: not a hex string');
  const bytes: number[] = [];
  for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : BASE64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : BASE64[n & 63]!;
  }
  return out;
}

/** Length in bytes of `text` encoded as UTF-8 (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * The longest prefix of `text` (whole code points) that fits `maxBytes` of UTF-8, with an
 * ellipsis when cut. Robots refuse an over-long message outright, so we shorten it instead.
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8ByteLength(text) <= maxBytes) return text;
  const ellipsis = '…';
  const budget = maxBytes - utf8ByteLength(ellipsis);
  let n = 0;
  let out = '';
  for (const ch of text) {
    const len = utf8ByteLength(ch);
    if (n + len > budget) break;
    n += len;
    out += ch;
  }
  return out + ellipsis;
}
