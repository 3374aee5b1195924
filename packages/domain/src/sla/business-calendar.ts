/**
 * The business calendar model: a weekly pattern of working segments plus dated exceptions that
 * turn a day OFF (holiday, closure) or ON (make-up workday 调休, custom hours). Peers (Zammad,
 * GLPI, Frappe) can only subtract days; Chinese statutory schedules also ADD Saturday/Sunday
 * workdays, so "on" exceptions are first-class here.
 *
 * A calendar is plain JSON-safe data so it can be stored in a database column and shipped to
 * the offline PWA unchanged. Treat instances as immutable: computations cache compiled day plans
 * per calendar object (see calendar-day-plan.ts).
 */

/** A working span within one local day. 'HH:MM', 24-hour; `end` may be '24:00' (midnight). */
export interface TimeSegment {
  readonly start: string;
  readonly end: string;
}

/**
 * What a dated exception does to its day:
 * - holiday: off (statutory or public holiday).
 * - closure: off (company-specific, e.g. annual shutdown); shown differently in the admin UI.
 * - workday: on. Uses `segments` if given, else the normal hours of `asWeekday` (default: the
 *   first weekday from Monday on that has hours, i.e. usually Monday's). This is the 调休 case.
 * - custom_hours: on, with exactly the given `segments` (e.g. a short day before a festival).
 */
export type CalendarExceptionKind = 'holiday' | 'workday' | 'closure' | 'custom_hours';

/** One dated override of the weekly pattern, in the calendar's own time zone. */
export interface CalendarException {
  /** Local date 'YYYY-MM-DD'. At most one exception per date. */
  readonly date: string;
  readonly kind: CalendarExceptionKind;
  /** The day's own hours (workday, custom_hours). Not allowed on holiday/closure. */
  readonly segments?: readonly TimeSegment[];
  /** For a workday without segments: whose normal hours it borrows (0=Sunday..6=Saturday). */
  readonly asWeekday?: number;
  /** Shown in the month view, e.g. '春节' or 'Spring Festival'. */
  readonly name?: string;
}

/** 'business': count only working segments. '24x7': every instant counts (weekly/exceptions ignored). */
export type CalendarMode = 'business' | '24x7';

/**
 * A business calendar. `weekly` has exactly 7 entries indexed by weekday (0=Sunday..6=Saturday),
 * each a list of non-overlapping segments (several per day model lunch breaks).
 *
 * `coverage` lists the years whose holidays the calendar vouches for (official data present, or
 * an admin entered them). In business mode any computation that touches a date in another year
 * reports `uncovered: true`, so the product can warn instead of silently treating that year as
 * a normal week. An empty list therefore means "nothing is vouched for".
 */
export interface BusinessCalendar {
  readonly id: string;
  readonly name: string;
  /** IANA zone, e.g. 'Asia/Shanghai' (the default), 'Europe/Berlin'. */
  readonly timeZone: string;
  readonly mode: CalendarMode;
  readonly weekly: readonly (readonly TimeSegment[])[];
  readonly exceptions: readonly CalendarException[];
  readonly coverage: readonly number[];
}

/** The zone used when a calendar does not name one: the product's home market. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const TIME_RE = /^(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after local midnight for 'HH:MM' (00:00..24:00), or null when malformed. */
export function parseClock(text: string): number | null {
  const m = TIME_RE.exec(text);
  if (m === null) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** 'HH:MM' for minutes after midnight (0..1440). */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/**
 * Days since 1970-01-01 for a real calendar date 'YYYY-MM-DD', or null (bad format or a date
 * such as 02-30). The "local day number" is the key of every per-day cache.
 */
export function parseLocalDate(text: string): number | null {
  const m = DATE_RE.exec(text);
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

/** 'YYYY-MM-DD' for a local day number. */
export function formatLocalDate(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  return `${y}-${mo < 10 ? '0' : ''}${mo}-${dd < 10 ? '0' : ''}${dd}`;
}

/** Weekday (0=Sunday) of a local day number; 1970-01-01 was a Thursday. */
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** Calendar year of a local day number. */
export const yearOf = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear();

/**
 * Replace or add exceptions by date (later wins). Use it to layer a tenant's or customer's own
 * closures and custom hours over a shipped statutory schedule without editing the latter.
 */
export function withExceptions(cal: BusinessCalendar, overrides: readonly CalendarException[]): BusinessCalendar {
  const byDate = new Map<string, CalendarException>();
  for (const e of cal.exceptions) byDate.set(e.date, e);
  for (const e of overrides) byDate.set(e.date, e);
  const exceptions = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ...cal, exceptions };
}
