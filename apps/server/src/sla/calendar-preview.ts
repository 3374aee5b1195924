import { addBusinessMinutes } from '@gongdan/domain/sla/business-time';
import type { BusinessCalendar } from '@gongdan/domain/sla/business-calendar';
import { defaultBusinessCalendar, twentyFourSevenCalendar } from '@gongdan/domain/sla/shipped-calendars';
import { offsetAt } from '@gongdan/domain/sla/time-zone-offset';

/** The shipped calendars; tenant calendars stored in the database arrive with the SLA slice. */
export function shippedCalendar(id: string): BusinessCalendar | null {
  if (id === 'default') return defaultBusinessCalendar();
  if (id === '24x7') return twentyFourSevenCalendar();
  return null;
}

/** ISO-8601 with the calendar's local offset, e.g. 2026-02-14T10:00:00+08:00. */
export function formatInZone(ms: number, timeZone: string): string {
  const off = offsetAt(timeZone, ms);
  const local = new Date(ms + off).toISOString().replace(/\.\d{3}Z$/, '');
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off) / 60_000;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function previewDue(cal: BusinessCalendar, fromMs: number, minutes: number): { due: string; uncovered: boolean } {
  const r = addBusinessMinutes(fromMs, minutes, cal);
  return { due: formatInZone(r.dueMs, cal.timeZone), uncovered: r.uncovered };
}
