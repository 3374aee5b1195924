/**
 * Validates a calendar coming from an admin form, the API or the database, and returns it
 * normalised (default zone filled in, segments and exceptions sorted, coverage de-duplicated).
 * Every problem is reported at once with a path the UI can highlight.
 */
import { err, ok, type Result } from '../shared/result.ts';
import type { LocalizedText } from '../shared/localized.ts';
import {
  DEFAULT_TIME_ZONE,
  parseClock,
  parseLocalDate,
  type BusinessCalendar,
  type CalendarException,
  type TimeSegment,
} from './business-calendar.ts';
import { isValidTimeZone } from './time-zone-offset.ts';

/** One problem, e.g. { path: 'weekly.1[0].end', message: { zh: '…', en: '…' } }. */
export interface CalendarIssue {
  readonly path: string;
  readonly message: LocalizedText;
}

export interface InvalidCalendar {
  readonly kind: 'invalid_calendar';
  readonly issues: readonly CalendarIssue[];
}

const EXCEPTION_KINDS = new Set(['holiday', 'workday', 'closure', 'custom_hours']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkSegments(raw: unknown, path: string, issues: CalendarIssue[]): TimeSegment[] {
  if (!Array.isArray(raw)) {
    issues.push({ path, message: { zh: '时间段必须是列表', en: 'segments must be a list' } });
    return [];
  }
  const parsed: { seg: TimeSegment; s: number; e: number; i: number }[] = [];
  raw.forEach((item: unknown, i) => {
    const at = `${path}[${i}]`;
    const start = isRecord(item) && typeof item.start === 'string' ? parseClock(item.start) : null;
    const end = isRecord(item) && typeof item.end === 'string' ? parseClock(item.end) : null;
    if (start === null || start === 1440) {
      issues.push({ path: `${at}.start`, message: { zh: '开始时间格式应为 HH:MM（00:00–23:59）', en: 'start must be HH:MM (00:00–23:59)' } });
    }
    if (end === null) {
      issues.push({ path: `${at}.end`, message: { zh: '结束时间格式应为 HH:MM（00:01–24:00）', en: 'end must be HH:MM (00:01–24:00)' } });
    }
    if (start === null || end === null || start === 1440 || !isRecord(item)) return;
    if (end <= start) {
      issues.push({ path: `${at}.end`, message: { zh: '结束时间必须晚于开始时间', en: 'end must be after start' } });
      return;
    }
    parsed.push({ seg: { start: item.start as string, end: item.end as string }, s: start, e: end, i });
  });
  parsed.sort((a, b) => a.s - b.s);
  for (let k = 1; k < parsed.length; k++) {
    const prev = parsed[k - 1]!;
    const cur = parsed[k]!;
    if (cur.s < prev.e) {
      issues.push({
        path: `${path}[${cur.i}]`,
        message: { zh: `与 ${prev.seg.start}–${prev.seg.end} 重叠`, en: `overlaps ${prev.seg.start}–${prev.seg.end}` },
      });
    }
  }
  return parsed.map((p) => p.seg);
}

function checkException(raw: unknown, path: string, issues: CalendarIssue[]): CalendarException | null {
  if (!isRecord(raw)) {
    issues.push({ path, message: { zh: '例外日期必须是对象', en: 'exception must be an object' } });
    return null;
  }
  const before = issues.length;
  const date = typeof raw.date === 'string' ? raw.date : '';
  if (parseLocalDate(date) === null) {
    issues.push({ path: `${path}.date`, message: { zh: '日期应为有效的 YYYY-MM-DD', en: 'date must be a real YYYY-MM-DD date' } });
  }
  const kind = raw.kind;
  if (typeof kind !== 'string' || !EXCEPTION_KINDS.has(kind)) {
    issues.push({ path: `${path}.kind`, message: { zh: '类型应为 holiday、workday、closure 或 custom_hours', en: 'kind must be holiday, workday, closure or custom_hours' } });
    return null;
  }
  let segments: TimeSegment[] | undefined;
  if (raw.segments !== undefined) {
    segments = checkSegments(raw.segments, `${path}.segments`, issues);
    if ((kind === 'holiday' || kind === 'closure') && segments.length > 0) {
      issues.push({ path: `${path}.segments`, message: { zh: '休息日不能有工作时间段', en: 'a day off cannot have working segments' } });
    }
  }
  if (kind === 'custom_hours' && (segments === undefined || segments.length === 0)) {
    issues.push({ path: `${path}.segments`, message: { zh: '自定义时段至少需要一个时间段（整天休息请用 closure）', en: 'custom hours need at least one segment (use closure for a day off)' } });
  }
  const asWeekday = raw.asWeekday;
  if (asWeekday !== undefined && !(Number.isInteger(asWeekday) && (asWeekday as number) >= 0 && (asWeekday as number) <= 6)) {
    issues.push({ path: `${path}.asWeekday`, message: { zh: '星期应为 0（周日）到 6（周六）', en: 'asWeekday must be 0 (Sunday) to 6 (Saturday)' } });
  }
  if (raw.name !== undefined && typeof raw.name !== 'string') {
    issues.push({ path: `${path}.name`, message: { zh: '名称必须是文本', en: 'name must be text' } });
  }
  if (issues.length > before) return null;
  const out: CalendarException = { date, kind: kind as CalendarException['kind'] };
  return {
    ...out,
    ...(segments !== undefined && segments.length > 0 ? { segments } : {}),
    ...(typeof asWeekday === 'number' ? { asWeekday } : {}),
    ...(typeof raw.name === 'string' ? { name: raw.name } : {}),
  };
}

/**
 * Checks shape, time formats, overlapping or inverted segments, the IANA zone, real dates,
 * duplicate exception dates and coverage years. A business calendar must have at least one
 * working segment in its weekly pattern, or no deadline could ever be reached.
 */
export function validateCalendar(input: unknown): Result<BusinessCalendar, InvalidCalendar> {
  const issues: CalendarIssue[] = [];
  if (!isRecord(input)) return err({ kind: 'invalid_calendar', issues: [{ path: '', message: { zh: '日历必须是对象', en: 'calendar must be an object' } }] });

  const id = typeof input.id === 'string' ? input.id.trim() : '';
  if (id === '') issues.push({ path: 'id', message: { zh: '缺少日历编号', en: 'id is required' } });
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '') issues.push({ path: 'name', message: { zh: '请填写日历名称', en: 'name is required' } });
  const timeZone = input.timeZone === undefined ? DEFAULT_TIME_ZONE : input.timeZone;
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
    issues.push({ path: 'timeZone', message: { zh: '时区无效，示例：Asia/Shanghai', en: 'unknown time zone, e.g. Asia/Shanghai' } });
  }
  const mode = input.mode;
  if (mode !== 'business' && mode !== '24x7') issues.push({ path: 'mode', message: { zh: '模式应为 business 或 24x7', en: "mode must be 'business' or '24x7'" } });

  const weekly: TimeSegment[][] = [];
  if (!Array.isArray(input.weekly) || input.weekly.length !== 7) {
    issues.push({ path: 'weekly', message: { zh: '每周时段需包含 7 天（0=周日…6=周六）', en: 'weekly needs 7 entries (0=Sunday..6=Saturday)' } });
  } else {
    input.weekly.forEach((day: unknown, wd) => weekly.push(checkSegments(day, `weekly.${wd}`, issues)));
    if (mode === 'business' && issues.length === 0 && weekly.every((d) => d.length === 0)) {
      issues.push({ path: 'weekly', message: { zh: '工作日历至少需要一个工作时间段', en: 'a business calendar needs at least one working segment' } });
    }
  }

  const exceptions: CalendarException[] = [];
  const seen = new Map<string, number>();
  const rawExceptions: unknown[] = Array.isArray(input.exceptions) ? input.exceptions : [];
  if (input.exceptions !== undefined && !Array.isArray(input.exceptions)) {
    issues.push({ path: 'exceptions', message: { zh: '例外日期必须是列表', en: 'exceptions must be a list' } });
  }
  rawExceptions.forEach((raw, i) => {
    const e = checkException(raw, `exceptions[${i}]`, issues);
    if (e === null) return;
    const first = seen.get(e.date);
    if (first !== undefined) {
      issues.push({ path: `exceptions[${i}].date`, message: { zh: `日期与第 ${first + 1} 条重复`, en: `same date as exceptions[${first}]` } });
      return;
    }
    seen.set(e.date, i);
    exceptions.push(e);
  });
  exceptions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const coverage = new Set<number>();
  const rawCoverage: unknown[] = Array.isArray(input.coverage) ? input.coverage : [];
  if (input.coverage !== undefined && !Array.isArray(input.coverage)) {
    issues.push({ path: 'coverage', message: { zh: '覆盖年份必须是列表', en: 'coverage must be a list of years' } });
  }
  rawCoverage.forEach((y, i) => {
    if (Number.isInteger(y) && (y as number) >= 1970 && (y as number) <= 9999) coverage.add(y as number);
    else issues.push({ path: `coverage[${i}]`, message: { zh: '年份应为 1970–9999 的整数', en: 'year must be an integer 1970–9999' } });
  });

  if (issues.length > 0) return err({ kind: 'invalid_calendar', issues });
  return ok({
    id,
    name,
    timeZone: timeZone as string,
    mode: mode as BusinessCalendar['mode'],
    weekly,
    exceptions,
    coverage: [...coverage].sort((a, b) => a - b),
  });
}
