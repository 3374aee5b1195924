import type { Kysely } from 'kysely';
import { withExceptions, type BusinessCalendar, type CalendarException } from '@gongdan/domain/sla/business-calendar';
import { cnStatutorySchedule } from '@gongdan/domain/sla/cn-statutory-schedule';
import { defaultBusinessCalendar, twentyFourSevenCalendar } from '@gongdan/domain/sla/shipped-calendars';
import type { DB } from '../storage/tables.ts';
import type { CalendarsTable } from '../storage/tables-sla.ts';
import { parseJson } from '../shared/json.ts';
import { findCalendarRow } from './calendar.repository.ts';

/** The calendar's own data as stored (without the statutory layer). */
export interface StoredCalendar {
  timeZone: string;
  mode: BusinessCalendar['mode'];
  weekly: BusinessCalendar['weekly'];
  exceptions: CalendarException[];
  coverage: number[];
}

// One object per (id, version): the domain caches compiled day plans per calendar object, so
// handing out the same object keeps deadline math at millions per second (ADR 004).
const byVersion = new Map<string, BusinessCalendar>();
const TTL_MS = 5_000;
const recent = new Map<string, { at: number; cal: BusinessCalendar | null }>();

/** The calendar used for computations: statutory schedule (if any) + the tenant's own days on top. */
export function effectiveCalendar(row: CalendarsTable): BusinessCalendar {
  const key = `${row.id}@${row.version}`;
  const hit = byVersion.get(key);
  if (hit) return hit;
  const own = parseJson<StoredCalendar>(row.definition, { timeZone: 'Asia/Shanghai', mode: 'business', weekly: [[], [], [], [], [], [], []], exceptions: [], coverage: [] });
  let cal: BusinessCalendar = { id: row.id, name: row.name, timeZone: own.timeZone, mode: own.mode, weekly: own.weekly, exceptions: [], coverage: own.coverage };
  if (row.statutory === 'cn') {
    const base = cnStatutorySchedule();
    cal = { ...cal, exceptions: base.exceptions, coverage: [...new Set([...base.coverage, ...own.coverage])].sort((a, b) => a - b) };
  }
  cal = Object.freeze(withExceptions(cal, own.exceptions));
  byVersion.set(key, cal);
  return cal;
}

/**
 * A calendar by id from the database (cached for a few seconds; other nodes see edits within
 * TTL_MS), falling back to the shipped ones for databases that predate calendars as data.
 */
export async function getCalendar(db: Kysely<DB>, id: string): Promise<BusinessCalendar | null> {
  const hit = recent.get(id);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.cal;
  const row = await findCalendarRow(db, id);
  const cal = row ? effectiveCalendar(row) : id === 'default' ? defaultBusinessCalendar() : id === '24x7' ? twentyFourSevenCalendar() : null;
  recent.set(id, { at: Date.now(), cal });
  return cal;
}

/** After a local edit: forget the cached lookup so this node sees it at once. */
export function invalidateCalendar(id: string): void {
  recent.delete(id);
}
