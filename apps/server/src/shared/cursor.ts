/**
 * Opaque keyset cursors: base64url JSON of [sort, value, id]. The sort is inside so a cursor
 * from one ordering cannot be replayed against another.
 */
export function encodeCursor(sort: string, value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

export function decodeCursor(cursor: string, sort: string): { value: string | number; id: string } | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [s, value, id] = parsed as unknown[];
    if (s !== sort || typeof id !== 'string' || (typeof value !== 'string' && typeof value !== 'number')) return null;
    return { value, id };
  } catch {
    return null;
  }
}
