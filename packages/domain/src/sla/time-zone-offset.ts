/**
 * Wall-clock <-> instant conversion for IANA zones using only `Intl` (the domain has no tz
 * database of its own and must run unchanged in the browser).
 *
 * Intl calls are slow (microseconds each), so offsets are cached per zone and per UTC day, and
 * the common case (no transition anywhere near the day) needs no further Intl call. The cache is
 * bounded only by the days actually asked about, which for SLA work is a few years' worth.
 *
 * DST semantics (documented in docs/adr/004-business-calendar.md):
 * - A wall time that occurs twice (autumn fall-back) means its EARLIER occurrence.
 * - A wall time that does not exist (spring gap) means the transition instant itself, so a
 *   segment that starts or ends inside the gap is clipped to the hours that really exist.
 */
import { MS_PER_DAY } from './business-calendar.ts';

interface ZoneState {
  readonly format: Intl.DateTimeFormat;
  /** UTC day number -> offset (ms, local minus UTC) at 00:00Z of that day. */
  readonly dayOffsets: Map<number, number>;
}

const zones = new Map<string, ZoneState>();

/** True when the runtime's Intl knows the IANA zone name. */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function zoneState(zone: string): ZoneState {
  let state = zones.get(zone);
  if (state === undefined) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    state = { format, dayOffsets: new Map() };
    zones.set(zone, state);
  }
  return state;
}

/** Offset (ms, local wall clock minus UTC) in effect at instant `utcMs`. Uncached: use sparingly. */
export function offsetAt(zone: string, utcMs: number): number {
  const { format } = zoneState(zone);
  let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  for (const part of format.formatToParts(utcMs)) {
    switch (part.type) {
      case 'year': y = Number(part.value); break;
      case 'month': mo = Number(part.value); break;
      case 'day': d = Number(part.value); break;
      case 'hour': h = Number(part.value); break;
      case 'minute': mi = Number(part.value); break;
      case 'second': s = Number(part.value); break;
      default: break;
    }
  }
  // Intl drops sub-second precision, so compare against the instant floored to the second.
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  return wall - Math.floor(utcMs / 1000) * 1000;
}

function dayOffset(state: ZoneState, zone: string, utcDay: number): number {
  let off = state.dayOffsets.get(utcDay);
  if (off === undefined) {
    off = offsetAt(zone, utcDay * MS_PER_DAY);
    state.dayOffsets.set(utcDay, off);
  }
  return off;
}

/**
 * The instant at which the zone's wall clock shows `wallMs` (a wall time encoded as if it were
 * UTC, e.g. Date.UTC(2026, 2, 8, 2, 30)). Ambiguous -> earlier occurrence; nonexistent -> the
 * transition instant. Assumes at most one transition within ~3 days, true of every real zone.
 */
export function wallToInstant(zone: string, wallMs: number): number {
  const state = zoneState(zone);
  const day = Math.floor(wallMs / MS_PER_DAY);
  // Instants of local day `day` lie within [day-14h, day+1+12h]; these two probes bracket it.
  const before = dayOffset(state, zone, day - 1);
  const after = dayOffset(state, zone, day + 2);
  if (before === after) return wallMs - before;

  const u1 = wallMs - before;
  const u2 = wallMs - after;
  const valid1 = offsetAt(zone, u1) === before;
  const valid2 = offsetAt(zone, u2) === after;
  if (valid1 && valid2) return Math.min(u1, u2);
  if (valid1) return u1;
  if (valid2) return u2;
  // In the gap: binary-search the first instant that already has the new offset.
  let lo = Math.min(u1, u2);
  let hi = Math.max(u1, u2);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (mid <= lo) break;
    if (offsetAt(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}
