/**
 * Business-time arithmetic over a BusinessCalendar: the math behind every SLA deadline.
 *
 * Conventions (see docs/adr/004-business-calendar.md):
 * - Instants are epoch milliseconds; durations are minutes, converted to whole milliseconds, so
 *   fractional minutes are accepted (resolution 1 ms) and integer minutes are exact.
 * - Working segments are half-open [start, end): 18:00 itself is not working time, but a
 *   deadline that uses up the last working millisecond lands AT the segment end (18:00), never
 *   at the next segment's start. A start outside working time begins counting at the next
 *   segment start.
 * - Adding 0 minutes returns the start unchanged; this keeps add(add(s, a), b) == add(s, a + b).
 */
import { MS_PER_MINUTE, type BusinessCalendar } from './business-calendar.ts';
import { compileCalendar, planAt, planOfDay, type CompiledCalendar, type DayPlan } from './calendar-day-plan.ts';

/** A computed deadline. */
export interface BusinessDue {
  readonly dueMs: number;
  /**
   * The computation touched a local date whose year is not in `calendar.coverage` (business
   * mode only): the deadline assumed an ordinary week there and must be flagged to people.
   */
  readonly uncovered: boolean;
}

// A validated business calendar has working time every week except on dated exceptions, so a
// long run of empty days means the calendar was never validated: a bug, not an expected outcome.
const MAX_EMPTY_DAYS = 3_700;

function nextPlan(c: CompiledCalendar, p: DayPlan, emptyRun: number): DayPlan {
  if (emptyRun > MAX_EMPTY_DAYS) throw new Error('business calendar has no working time; validate it with validateCalendar');
  return planOfDay(c, p.day + 1);
}

function checkMinutes(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a finite number >= 0, got ${minutes}`);
  return Math.round(minutes * MS_PER_MINUTE);
}

/**
 * The instant at which `minutes` of business time have elapsed after `startMs`.
 * Throws RangeError on negative or non-finite minutes (a caller bug).
 */
export function addBusinessMinutes(startMs: number, minutes: number, cal: BusinessCalendar): BusinessDue {
  let remaining = checkMinutes(minutes);
  if (cal.mode === '24x7') return { dueMs: startMs + remaining, uncovered: false };
  const c = compileCalendar(cal);
  let p = planAt(c, startMs);
  let uncovered = p.uncovered;
  if (remaining === 0) return { dueMs: startMs, uncovered };
  let t = startMs;
  let emptyRun = 0;
  for (;;) {
    const starts = p.segStart;
    const ends = p.segEnd;
    // Whole-day skip: the day starts at or after t and does not exhaust the budget.
    if (starts.length > 0 && t <= starts[0]! && remaining > p.workMs) {
      remaining -= p.workMs;
    } else {
      for (let i = 0; i < starts.length; i++) {
        const end = ends[i]!;
        if (end <= t) continue;
        const s = starts[i]!;
        const from = s > t ? s : t;
        const avail = end - from;
        if (remaining <= avail) return { dueMs: from + remaining, uncovered };
        remaining -= avail;
        t = end;
      }
    }
    emptyRun = p.workMs === 0 ? emptyRun + 1 : 0;
    p = nextPlan(c, p, emptyRun);
    if (p.uncovered) uncovered = true;
  }
}

/** Working ms of plan `p` inside [from, to). */
function overlapMs(p: DayPlan, from: number, to: number): number {
  if (from <= p.startMs && to >= p.endMs) return p.workMs;
  let sum = 0;
  const starts = p.segStart;
  const ends = p.segEnd;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]! > from ? starts[i]! : from;
    const e = ends[i]! < to ? ends[i]! : to;
    if (e > s) sum += e - s;
  }
  return sum;
}

/**
 * Business minutes between two instants (fractional when the instants are not on minute
 * boundaries). Negative when `bMs` is before `aMs`, so it is antisymmetric.
 */
export function businessMinutesBetween(aMs: number, bMs: number, cal: BusinessCalendar): number {
  if (bMs < aMs) return -businessMinutesBetween(bMs, aMs, cal);
  if (cal.mode === '24x7') return (bMs - aMs) / MS_PER_MINUTE;
  const c = compileCalendar(cal);
  let p = planAt(c, aMs);
  let sum = 0;
  while (p.startMs < bMs) {
    sum += overlapMs(p, aMs, bMs);
    p = planOfDay(c, p.day + 1);
  }
  return sum / MS_PER_MINUTE;
}

/** Whether `ms` lies inside a working segment (half-open: a segment's end is outside). */
export function isWorkingTime(ms: number, cal: BusinessCalendar): boolean {
  if (cal.mode === '24x7') return true;
  const p = planAt(compileCalendar(cal), ms);
  const starts = p.segStart;
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= ms && ms < p.segEnd[i]!) return true;
  return false;
}

/** `ms` itself when it is working time, otherwise the start of the next working segment. */
export function nextWorkingInstant(ms: number, cal: BusinessCalendar): number {
  if (cal.mode === '24x7') return ms;
  const c = compileCalendar(cal);
  let p = planAt(c, ms);
  let emptyRun = 0;
  for (;;) {
    const starts = p.segStart;
    for (let i = 0; i < starts.length; i++) {
      if (p.segEnd[i]! > ms) return starts[i]! > ms ? starts[i]! : ms;
    }
    emptyRun = p.workMs === 0 ? emptyRun + 1 : 0;
    p = nextPlan(c, p, emptyRun);
  }
}
