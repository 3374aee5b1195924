import { localDayKey } from '@gongdan/domain/ticket/ticket-number';
import { offsetAt, wallToInstant } from '@gongdan/domain/sla/time-zone-offset';

/**
 * Calendar arithmetic in the organisation's time zone (GONGDAN_TIME_ZONE): "today", month
 * buckets and day counts are what people in that zone would say, not UTC's idea of them.
 */
const DAY_MS = 86_400_000;

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date, timeZone: string): string {
  const k = localDayKey(instant, timeZone);
  return `${k.slice(0, 4)}-${k.slice(4, 6)}-${k.slice(6, 8)}`;
}

/** The local month (YYYY-MM) of an instant. */
export function localMonth(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).slice(0, 7);
}

/** The instant local midnight begins on the given local date. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(wallToInstant(timeZone, Date.UTC(y, m - 1, d)));
}

/** Whole days from local date `from` to local date `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The last `count` local months ending with the current one, oldest first, with their first instants. */
export function lastLocalMonths(now: Date, timeZone: string, count: number): { month: string; from: Date }[] {
  const [y, m] = localMonth(now, timeZone).split('-').map(Number) as [number, number];
  const out: { month: string; from: Date }[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const first = new Date(Date.UTC(y, m - 1 - i, 1));
    const month = first.toISOString().slice(0, 7);
    out.push({ month, from: startOfLocalDate(`${month}-01`, timeZone) });
  }
  return out;
}

/** An instant written with the zone's offset, e.g. 2026-06-15T00:00:00+08:00 (for query strings people read). */
export function withZoneOffset(instant: Date, timeZone: string): string {
  const offsetMin = Math.round(offsetAt(timeZone, instant.getTime()) / 60_000);
  const wall = new Date(instant.getTime() + offsetMin * 60_000).toISOString().slice(0, 19);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Twelve months back from an instant (same wall time, UTC months), the "last 12 months" window. */
export function twelveMonthsBefore(now: Date): Date {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d;
}
