/**
 * Turns a pasted list of a year's official dates (e.g. from the State Council notice) into
 * calendar exceptions: one date or range per line, a name, and 班/上班/补班/workday marking a
 * make-up workday (调休); everything else is a day off.
 *   2027-01-01 元旦
 *   2027-02-05~2027-02-11 春节
 *   2027-02-14 春节调休 班
 */
import { formatLocalDate, parseLocalDate, yearOf, type CalendarException } from './business-calendar.ts';

export interface ImportIssue {
  readonly line: number;
  readonly message: string;
}

const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:~|～|至|--|—|–|\/)\s*(\d{4}-\d{2}-\d{2}))?\s*(.*)$/;
const WORK = /(^|\s)(班|上班|补班|调休上班|workday|work)(\s|$)/i;

export function parseHolidayList(text: string, year: number): { exceptions: CalendarException[]; issues: ImportIssue[] } {
  const byDate = new Map<string, CalendarException>();
  const issues: ImportIssue[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = LINE.exec(line);
    const from = m ? parseLocalDate(m[1]!) : null;
    const to = m?.[2] ? parseLocalDate(m[2]) : from;
    if (!m || from === null || to === null || to < from || to - from > 31) {
      issues.push({ line: i + 1, message: `not a date or range of up to 31 days: "${line}"` });
      return;
    }
    const rest = (m[3] ?? '').trim();
    const workday = WORK.test(` ${rest} `);
    const name = rest.replace(WORK, ' ').replace(/\s+/g, ' ').trim();
    for (let d = from; d <= to; d++) {
      if (yearOf(d) !== year) {
        issues.push({ line: i + 1, message: `${formatLocalDate(d)} is not in ${year}` });
        continue;
      }
      byDate.set(formatLocalDate(d), { date: formatLocalDate(d), kind: workday ? 'workday' : 'holiday', ...(name ? { name } : {}) });
    }
  });
  return { exceptions: [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1)), issues };
}
