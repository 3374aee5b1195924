/**
 * Repeat-repair rate, defined precisely (the desk issue: "share of tickets whose device had a
 * ticket of the same fault type in the previous 30 days"):
 *
 * - Counted tickets (the denominator) are those created in the window [from, to) that name a
 *   device. Tickets without a device cannot be told apart as repeats, so they are left out.
 *   Cancelled tickets (including duplicates merged into their original) are left out entirely:
 *   they neither count nor make a later ticket a repeat, or every merge would look like a repair
 *   that failed.
 * - A counted ticket T is a repeat (the numerator) when it has a fault type and another ticket
 *   P of the same device and the same fault type was created before it (earlier created_at, or
 *   the same instant and a smaller id) and at most 30 days (30 × 24 h) earlier. P may lie before
 *   the window: a repeat early in the window is still a repeat.
 * - rate = repeats / counted tickets, or null when there are no counted tickets.
 */
export interface RepairTicket {
  id: string;
  deviceId: string | null;
  faultType: string | null;
  createdAt: string;
}

export interface RepeatRepairStats {
  rate: number | null;
  repeats: number;
  tickets: number;
}

export const REPEAT_LOOKBACK_DAYS = 30;
const LOOKBACK_MS = REPEAT_LOOKBACK_DAYS * 86_400_000;

/** `tickets` must already exclude cancelled ones and include the 30 days before the window. */
export function repeatRepairStats(tickets: readonly RepairTicket[], window: { from: string; to: string }): RepeatRepairStats {
  const fromMs = Date.parse(window.from);
  const toMs = Date.parse(window.to);
  const inWindow = (t: RepairTicket) => {
    const at = Date.parse(t.createdAt);
    return at >= fromMs && at < toMs;
  };
  const counted = tickets.filter((t) => t.deviceId !== null && inWindow(t));
  // Group by device and fault type, ordered by (created, id): a ticket's predecessor in its group
  // is the latest earlier ticket of the same fault on the same device.
  const groups = new Map<string, RepairTicket[]>();
  for (const t of tickets) {
    if (t.deviceId === null || t.faultType === null) continue;
    const key = JSON.stringify([t.deviceId, t.faultType]);
    const list = groups.get(key);
    if (list) list.push(t);
    else groups.set(key, [t]);
  }
  const repeatIds = new Set<string>();
  for (const list of groups.values()) {
    list.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let i = 1; i < list.length; i++) {
      const cur = list[i] as RepairTicket;
      const prev = list[i - 1] as RepairTicket;
      if (Date.parse(cur.createdAt) - Date.parse(prev.createdAt) <= LOOKBACK_MS) repeatIds.add(cur.id);
    }
  }
  const repeats = counted.filter((t) => repeatIds.has(t.id)).length;
  return { rate: counted.length === 0 ? null : round4(repeats / counted.length), repeats, tickets: counted.length };
}

/** How far back the caller must load tickets for a window starting at `from`. */
export function repeatLookbackStart(from: Date): Date {
  return new Date(from.getTime() - LOOKBACK_MS);
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
