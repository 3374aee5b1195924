/**
 * A month of a calendar as the admin UI shows it: what each day is and which hours it has.
 * Computed from the same day resolution the deadline math uses, so the picture cannot disagree
 * with the numbers.
 */
import {
  formatClock,
  formatLocalDate,
  weekdayOf,
  yearOf,
  type BusinessCalendar,
  type TimeSegment,
} from './business-calendar.ts';
import { compileCalendar, dayMinutes, exceptionOn } from './calendar-day-plan.ts';

/**
 * - workday: has working hours by the weekly pattern (or custom hours on a normal workday).
 * - weekend: no hours by the weekly pattern and no exception.
 * - holiday / closure: switched off by an exception.
 * - makeup_workday: switched on by an exception on a day that normally has no hours (调休).
 */
export type MonthDayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday' | 'closure';

export interface MonthDay {
  /** Local date 'YYYY-MM-DD'. */
  readonly date: string;
  /** 0=Sunday..6=Saturday. */
  readonly weekday: number;
  readonly kind: MonthDayKind;
  /** Effective working hours of the day (empty when off). */
  readonly segments: readonly TimeSegment[];
  /** Exception name, e.g. '春节', if any. */
  readonly name?: string;
  /** The year has no vouched-for holiday data: the UI should warn that the day is a guess. */
  readonly uncovered: boolean;
}

function toSegments(minutes: readonly number[]): TimeSegment[] {
  const out: TimeSegment[] = [];
  for (let i = 0; i < minutes.length; i += 2) out.push({ start: formatClock(minutes[i]!), end: formatClock(minutes[i + 1]!) });
  return out;
}

/**
 * Every day of `month` (1–12) of `year`. For a 24x7 calendar every day is a workday 00:00–24:00
 * and nothing is uncovered, matching how deadlines are computed for it.
 */
export function describeMonth(year: number, month: number, cal: BusinessCalendar): MonthDay[] {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`describeMonth: bad year/month ${year}-${month}`);
  }
  const first = Date.UTC(year, month - 1, 1) / 86_400_000;
  const next = Date.UTC(year, month, 1) / 86_400_000;
  const days: MonthDay[] = [];
  if (cal.mode === '24x7') {
    for (let d = first; d < next; d++) {
      days.push({ date: formatLocalDate(d), weekday: weekdayOf(d), kind: 'workday', segments: [{ start: '00:00', end: '24:00' }], uncovered: false });
    }
    return days;
  }
  const c = compileCalendar(cal);
  for (let d = first; d < next; d++) {
    const weekday = weekdayOf(d);
    const e = exceptionOn(c, d);
    const normallyWorks = (c.weekly[weekday]?.length ?? 0) > 0;
    const segments = toSegments(dayMinutes(c, d));
    let kind: MonthDayKind;
    if (e === undefined) kind = normallyWorks ? 'workday' : 'weekend';
    else if (e.kind === 'holiday' || e.kind === 'closure') kind = e.kind;
    else kind = normallyWorks ? 'workday' : 'makeup_workday';
    days.push({
      date: formatLocalDate(d),
      weekday,
      kind,
      segments,
      ...(e?.name !== undefined ? { name: e.name } : {}),
      uncovered: !c.covered.has(yearOf(d)),
    });
  }
  return days;
}
