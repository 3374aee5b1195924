/** One status change as the audit chain recorded it (the detector's only input). */
export interface ClosingEvent {
  ticketId: string;
  at: string;
  actorKind: string;
  actorId: string;
  actorName: string;
  deviceId: string | null;
  /** The workflow transition taken, e.g. resolve, request_confirmation, confirm, review_close. */
  transition: string | null;
  status: string | null;
  /** For confirmations: customer_link | on_device. */
  method?: string | null;
}

export interface DetectorThresholds {
  /** resolve → closed faster than this is suspicious (default 15 s). */
  fastCloseSeconds: number;
  /** This many closes by one person … */
  bulkCloseCount: number;
  /** … within this many minutes form a suspicious run. */
  bulkWindowMinutes: number;
}

export const DEFAULT_THRESHOLDS: DetectorThresholds = { fastCloseSeconds: 15, bulkCloseCount: 10, bulkWindowMinutes: 10 };

export type SuspicionReason =
  | { kind: 'fast_close'; seconds: number; resolvedAt: string }
  | { kind: 'bulk_close'; count: number; windowMinutes: number }
  | { kind: 'same_device'; deviceId: string }
  | { kind: 'on_device' };

export interface SuspiciousClose {
  ticketId: string;
  closedAt: string;
  closedBy: { kind: string; id: string; name: string };
  transition: string | null;
  resolvedBy: { id: string; name: string } | null;
  reasons: SuspicionReason[];
}

const CUSTOMER_ACTION = 'customer_link';

/**
 * Finds closes that look like fake completion: resolve→close (directly or through a
 * confirmation step nobody answered) faster than the threshold, runs of many closes by one
 * person, customer confirmations signed on the resolving engineer's own device (the field
 * app's device id, not the IP: customers on site share the engineer's network), and every
 * on-device signature (lower assurance, always shown). Pure: events in, findings out.
 */
export function detectSuspiciousCloses(events: readonly ClosingEvent[], t: DetectorThresholds = DEFAULT_THRESHOLDS): SuspiciousClose[] {
  const sorted = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const devicesByActor = new Map<string, Set<string>>();
  for (const e of sorted) {
    if (e.actorKind === 'user' && e.deviceId) {
      const set = devicesByActor.get(e.actorId) ?? new Set<string>();
      set.add(e.deviceId);
      devicesByActor.set(e.actorId, set);
    }
  }
  const lastResolve = new Map<string, ClosingEvent>();
  const found: SuspiciousClose[] = [];
  for (const e of sorted) {
    if (e.transition === 'resolve') {
      lastResolve.set(e.ticketId, e);
      continue;
    }
    if (e.status !== 'closed') continue;
    const resolved = lastResolve.get(e.ticketId) ?? null;
    const reasons: SuspicionReason[] = [];
    const byCustomerLink = e.actorKind === CUSTOMER_ACTION && e.method !== 'on_device';
    if (resolved && !byCustomerLink) {
      const seconds = (Date.parse(e.at) - Date.parse(resolved.at)) / 1000;
      if (seconds < t.fastCloseSeconds) reasons.push({ kind: 'fast_close', seconds: Math.round(seconds * 10) / 10, resolvedAt: resolved.at });
    }
    if (e.method === 'on_device') reasons.push({ kind: 'on_device' });
    if (e.actorKind === CUSTOMER_ACTION && e.deviceId && resolved && devicesByActor.get(resolved.actorId)?.has(e.deviceId)) {
      reasons.push({ kind: 'same_device', deviceId: e.deviceId });
    }
    found.push({
      ticketId: e.ticketId, closedAt: e.at, closedBy: { kind: e.actorKind, id: e.actorId, name: e.actorName }, transition: e.transition,
      resolvedBy: resolved ? { id: resolved.actorId, name: resolved.actorName } : null, reasons,
    });
  }
  // Runs: many closes by one person (not customers answering their own links) inside the window.
  const windowMs = t.bulkWindowMinutes * 60_000;
  const byCloser = new Map<string, SuspiciousClose[]>();
  for (const f of found) {
    if (f.closedBy.kind === CUSTOMER_ACTION) continue;
    const list = byCloser.get(f.closedBy.id) ?? [];
    list.push(f);
    byCloser.set(f.closedBy.id, list);
  }
  for (const list of byCloser.values()) {
    let start = 0;
    const flagged = new Map<SuspiciousClose, number>();
    for (let end = 0; end < list.length; end++) {
      const endAt = Date.parse((list[end] as SuspiciousClose).closedAt);
      while (endAt - Date.parse((list[start] as SuspiciousClose).closedAt) > windowMs) start += 1;
      const count = end - start + 1;
      if (count >= t.bulkCloseCount) {
        for (let i = start; i <= end; i++) flagged.set(list[i] as SuspiciousClose, Math.max(flagged.get(list[i] as SuspiciousClose) ?? 0, count));
      }
    }
    for (const [f, count] of flagged) f.reasons.push({ kind: 'bulk_close', count, windowMinutes: t.bulkWindowMinutes });
  }
  return found.filter((f) => f.reasons.length > 0);
}
