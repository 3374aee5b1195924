/**
 * Turns the generated State Council schedule (cn-statutory-days.ts) into calendar exceptions:
 * holidays switch days off, make-up workdays (调休) switch weekend days on with normal hours.
 */
import { formatLocalDate, parseLocalDate, type CalendarException } from './business-calendar.ts';
import { CN_STATUTORY_DAYS } from './cn-statutory-days.ts';

/** Exceptions plus the years they vouch for, ready to spread into a BusinessCalendar. */
export interface StatutorySchedule {
  readonly exceptions: readonly CalendarException[];
  readonly coverage: readonly number[];
}

/** Years for which official Chinese holiday data is bundled, ascending. */
export function cnStatutoryYears(): number[] {
  return Object.keys(CN_STATUTORY_DAYS).map(Number).sort((a, b) => a - b);
}

// "MM-DD" or "MM-DD..MM-DD" within `year` -> local day numbers.
function expand(year: number, spec: string): number[] {
  const [from, to = from] = spec.split('..');
  const first = parseLocalDate(`${year}-${from}`);
  const last = parseLocalDate(`${year}-${to}`);
  if (first === null || last === null || last < first) throw new Error(`bad statutory date range ${year} ${spec}`);
  const days: number[] = [];
  for (let d = first; d <= last; d++) days.push(d);
  return days;
}

/**
 * The Chinese statutory schedule as exceptions (sorted by date) and its coverage years.
 * `years` restricts it, e.g. to keep a tenant's stored calendar small; default: every year.
 * Make-up workdays carry no segments, so they take the calendar's normal weekday hours.
 */
export function cnStatutorySchedule(years?: readonly number[]): StatutorySchedule {
  const wanted = years === undefined ? cnStatutoryYears() : cnStatutoryYears().filter((y) => years.includes(y));
  const byDay = new Map<number, CalendarException>();
  for (const year of wanted) {
    for (const period of CN_STATUTORY_DAYS[year] ?? []) {
      for (const spec of period.off) {
        for (const d of expand(year, spec)) byDay.set(d, { date: formatLocalDate(d), kind: 'holiday', name: period.zh });
      }
      for (const spec of period.work) {
        for (const d of expand(year, spec)) byDay.set(d, { date: formatLocalDate(d), kind: 'workday', name: `${period.zh}调休` });
      }
    }
  }
  const exceptions = [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
  return { exceptions, coverage: wanted };
}

