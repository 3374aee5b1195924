/**
 * Compiles a BusinessCalendar into per-local-day plans: the day's working intervals as absolute
 * instants (epoch ms). Plans are built lazily and cached per calendar object and local day, so
 * after warm-up a deadline computation only walks small arrays: no Intl, no string parsing, no
 * allocation besides the result.
 */
import {
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseClock,
  formatLocalDate,
  weekdayOf,
  yearOf,
  type BusinessCalendar,
  type CalendarException,
  type TimeSegment,
} from './business-calendar.ts';
import { wallToInstant } from './time-zone-offset.ts';

/** One local day's working time, as instants. Segments are sorted, disjoint and non-empty. */
export interface DayPlan {
  /** Local day number (days since 1970-01-01 in the calendar's zone). */
  readonly day: number;
  /** Instant of local 00:00 of this day (inclusive) and of the next day (exclusive). */
  readonly startMs: number;
  readonly endMs: number;
  readonly segStart: readonly number[];
  readonly segEnd: readonly number[];
  /** Total working ms of the day, for skipping whole days. */
  readonly workMs: number;
  /** The day's year is not in the calendar's coverage. */
  readonly uncovered: boolean;
}

/** Internal compiled form; exported for the sibling modules only. */
export interface CompiledCalendar {
  readonly zone: string;
  /** Per weekday: flat [startMin, endMin, ...] pairs, merged and sorted. */
  readonly weekly: readonly (readonly number[])[];
  /** The calendar's exceptions when sorted by date (binary search), else null and `byDate` is used. */
  readonly sorted: readonly CalendarException[] | null;
  readonly byDate: ReadonlyMap<string, CalendarException> | null;
  readonly covered: ReadonlySet<number>;
  readonly plans: Map<number, DayPlan>;
  /** Offset of the last plan looked up: a good first guess for the next instant. */
  lastOffset: number;
}

// Memory guard for pathological use (random instants over centuries); SLA use stays far below.
const MAX_CACHED_DAYS = 20_000;
const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

/** Sorted, merged [start, end, ...] minute pairs; malformed or empty segments are dropped. */
export function segmentMinutes(segments: readonly TimeSegment[] | undefined): number[] {
  const pairs: [number, number][] = [];
  for (const seg of segments ?? []) {
    const s = parseClock(seg.start);
    const e = parseClock(seg.end);
    if (s !== null && e !== null && e > s) pairs.push([s, e]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const flat: number[] = [];
  for (const [s, e] of pairs) {
    const n = flat.length;
    if (n > 0 && s <= flat[n - 1]!) flat[n - 1] = Math.max(flat[n - 1]!, e);
    else flat.push(s, e);
  }
  return flat;
}

/** Weekday whose hours a make-up workday borrows when it names neither segments nor asWeekday. */
export function defaultMakeupWeekday(weekly: readonly (readonly number[])[]): number {
  for (const wd of [1, 2, 3, 4, 5, 6, 0]) if ((weekly[wd]?.length ?? 0) > 0) return wd;
  return 1;
}

/** The compiled form of `cal`, built once per calendar object (identity-keyed, so never mutate a calendar). */
export function compileCalendar(cal: BusinessCalendar): CompiledCalendar {
  let c = compiled.get(cal);
  if (c !== undefined) return c;
  const weekly = [0, 1, 2, 3, 4, 5, 6].map((wd) => segmentMinutes(cal.weekly[wd]));
  // Compiling must stay cheap: a server that re-reads a calendar per request recompiles it, and
  // the statutory schedule alone has >1,000 exceptions. Validated calendars are sorted by date,
  // so one pass of string comparisons suffices and lookups binary-search the original array.
  const list = cal.exceptions;
  let isSorted = true;
  for (let i = 1; i < list.length && isSorted; i++) isSorted = list[i - 1]!.date < list[i]!.date;
  const byDate = isSorted ? null : new Map(list.map((e) => [e.date, e]));
  c = { zone: cal.timeZone, weekly, sorted: isSorted ? list : null, byDate, covered: new Set(cal.coverage), plans: new Map(), lastOffset: 0 };
  compiled.set(cal, c);
  return c;
}

/** The exception dated on a local day, if any. */
export function exceptionOn(c: CompiledCalendar, day: number): CalendarException | undefined {
  const date = formatLocalDate(day);
  if (c.byDate !== null) return c.byDate.get(date);
  const list = c.sorted!;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = list[mid]!.date;
    if (d === date) return list[mid];
    if (d < date) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Working minute pairs of a local day after applying its exception, if any. */
export function dayMinutes(c: CompiledCalendar, day: number): readonly number[] {
  const e = exceptionOn(c, day);
  if (e === undefined) return c.weekly[weekdayOf(day)]!;
  switch (e.kind) {
    case 'holiday':
    case 'closure':
      return [];
    case 'custom_hours':
      return segmentMinutes(e.segments);
    case 'workday': {
      if (e.segments !== undefined && e.segments.length > 0) return segmentMinutes(e.segments);
      const wd = e.asWeekday ?? defaultMakeupWeekday(c.weekly);
      return c.weekly[wd] ?? [];
    }
  }
}

function buildPlan(c: CompiledCalendar, day: number): DayPlan {
  const wall0 = day * MS_PER_DAY;
  const startMs = wallToInstant(c.zone, wall0);
  const endMs = wallToInstant(c.zone, wall0 + MS_PER_DAY);
  const minutes = dayMinutes(c, day);
  const segStart: number[] = [];
  const segEnd: number[] = [];
  let workMs = 0;
  for (let i = 0; i < minutes.length; i += 2) {
    const s = wallToInstant(c.zone, wall0 + minutes[i]! * MS_PER_MINUTE);
    const e = wallToInstant(c.zone, wall0 + minutes[i + 1]! * MS_PER_MINUTE);
    // A segment lying wholly inside a DST gap collapses to nothing: it never happens.
    if (e <= s) continue;
    segStart.push(s);
    segEnd.push(e);
    workMs += e - s;
  }
  return { day, startMs, endMs, segStart, segEnd, workMs, uncovered: !c.covered.has(yearOf(day)) };
}

/** The cached plan of a local day. */
export function planOfDay(c: CompiledCalendar, day: number): DayPlan {
  let p = c.plans.get(day);
  if (p === undefined) {
    if (c.plans.size >= MAX_CACHED_DAYS) c.plans.clear();
    p = buildPlan(c, day);
    c.plans.set(day, p);
  }
  return p;
}

/** The plan of the local day containing instant `ms`. */
export function planAt(c: CompiledCalendar, ms: number): DayPlan {
  let p = planOfDay(c, Math.floor((ms + c.lastOffset) / MS_PER_DAY));
  while (ms < p.startMs) p = planOfDay(c, p.day - 1);
  while (ms >= p.endMs) p = planOfDay(c, p.day + 1);
  c.lastOffset = p.day * MS_PER_DAY - p.startMs;
  return p;
}
