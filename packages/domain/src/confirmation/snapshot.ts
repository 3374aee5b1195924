/**
 * Canonical JSON: object keys sorted, no whitespace, so the same content always hashes to the
 * same SHA-256 no matter how it was assembled.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What the customer sees and confirms: public content only. */
export interface ConfirmationSnapshot {
  ticketId: string;
  number: string;
  title: string;
  description: string;
  customerName: string;
  device: string | null;
  engineer: string | null;
  resolution: string | null;
  resolvedAt: string | null;
  work: { at: string; author: string; body: string }[];
  photos: { id: string; sha256: string; filename: string }[];
  parts: { name: string; quantity: string }[];
}
