import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { validateCalendar } from '@gongdan/domain/sla/calendar-validation';
import { parseHolidayList } from '@gongdan/domain/sla/holiday-import';
import type { CalendarException } from '@gongdan/domain/sla/business-calendar';
import type { CalendarBodyT } from '@gongdan/contracts/sla';
import { recordAdminChange, type ChangeOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { parseJson } from '../shared/json.ts';
import type { CalendarsTable } from '../storage/tables-sla.ts';
import { enqueueOutbox } from '../jobs/outbox.repository.ts';
import { SLA_RECOMPUTE_TOPIC } from './recompute-sla.job.ts';
import { effectiveCalendar, invalidateCalendar, type StoredCalendar } from './calendar-store.ts';
import { teamCalendarId, calendarInUse, deleteCalendarRow, findCalendarRow, insertCalendarRow, listCalendarRows, setTeamCalendar, updateCalendarRow } from './calendar.repository.ts';

import type { z } from 'zod';
import type { CalendarDto } from '@gongdan/contracts/sla';

export function presentCalendar(row: CalendarsTable): z.infer<typeof CalendarDto> {
  const own = parseJson<StoredCalendar>(row.definition, { timeZone: 'Asia/Shanghai', mode: 'business', weekly: [], exceptions: [], coverage: [] });
  return {
    id: row.id, name: row.name, version: row.version, statutory: row.statutory, timeZone: own.timeZone, mode: own.mode,
    weekly: own.weekly.map((d) => d.map((x) => ({ ...x }))), exceptions: own.exceptions.map(({ segments, ...e }) => ({ ...e, ...(segments ? { segments: segments.map((x) => ({ ...x })) } : {}) })), coverage: own.coverage,
    effectiveCoverage: [...effectiveCalendar(row).coverage], updatedAt: row.updated_at,
  };
}

/** The stored definition after domain validation (issues become field errors the form highlights). */
function checked(id: string, name: string, own: StoredCalendar): Result<StoredCalendar, AppError> {
  const v = validateCalendar({ id, name, ...own });
  if (!v.ok) return err({ kind: 'validation', errors: v.error.issues.map((i) => ({ field: i.path, message: i.message })) });
  const c = v.value;
  return ok({ timeZone: c.timeZone, mode: c.mode, weekly: c.weekly, exceptions: [...c.exceptions], coverage: [...c.coverage] });
}

export async function listCalendars(ctx: AppContext) {
  return (await listCalendarRows(ctx.database.db)).map(presentCalendar);
}

export async function getCalendarRow(ctx: AppContext, id: string): Promise<Result<CalendarsTable, AppError>> {
  const row = await findCalendarRow(ctx.database.db, id);
  return row ? ok(row) : err({ kind: 'not_found', entity: 'calendar' });
}

export async function createCalendar(ctx: AppContext, origin: ChangeOrigin, input: CalendarBodyT): Promise<Result<CalendarsTable, AppError>> {
  const id = input.id ?? `cal-${Date.now().toString(36)}`;
  const own = checked(id, input.name, { timeZone: input.timeZone, mode: input.mode, weekly: input.weekly, exceptions: input.exceptions, coverage: input.coverage });
  if (!own.ok) return own;
  if (await findCalendarRow(ctx.database.db, id)) return err({ kind: 'conflict', detail: `calendar ${id} exists` });
  const at = ctx.clock.now().toISOString();
  const row: CalendarsTable = { id, name: input.name, version: 1, statutory: input.statutory, definition: JSON.stringify(own.value), created_at: at, updated_at: at };
  await ctx.database.db.transaction().execute(async (trx) => {
    await insertCalendarRow(trx, row);
    await recordAdminChange(trx, ctx, origin, { entity: 'calendar', entityId: id, action: 'create', before: null, after: presentCalendar(row) });
  });
  return ok(row);
}

type CalendarPatch = Partial<Omit<CalendarBodyT, 'id'>> & { version: number };

/**
 * Saves a new version. Open tickets' deadlines move to it through the `sla.recompute` job; running
 * clocks keep their recorded breaches (ADR 006).
 */
export async function updateCalendar(ctx: AppContext, origin: ChangeOrigin, id: string, patch: CalendarPatch): Promise<Result<CalendarsTable, AppError>> {
  const row = await findCalendarRow(ctx.database.db, id);
  if (!row) return err({ kind: 'not_found', entity: 'calendar' });
  if (row.version !== patch.version) return err({ kind: 'version_conflict', currentVersion: row.version });
  const cur = parseJson<StoredCalendar>(row.definition, { timeZone: 'Asia/Shanghai', mode: 'business', weekly: [], exceptions: [], coverage: [] });
  const name = patch.name ?? row.name;
  const own = checked(id, name, {
    timeZone: patch.timeZone ?? cur.timeZone, mode: patch.mode ?? cur.mode, weekly: patch.weekly ?? cur.weekly,
    exceptions: patch.exceptions ?? cur.exceptions, coverage: patch.coverage ?? cur.coverage,
  });
  if (!own.ok) return own;
  const values = {
    name, statutory: patch.statutory !== undefined ? patch.statutory : row.statutory, definition: JSON.stringify(own.value),
    version: row.version + 1, updated_at: ctx.clock.now().toISOString(),
  };
  const saved = await ctx.database.db.transaction().execute(async (trx) => {
    if (!(await updateCalendarRow(trx, id, row.version, values))) return false;
    await recordAdminChange(trx, ctx, origin, { entity: 'calendar', entityId: id, action: 'update', before: presentCalendar(row), after: presentCalendar({ ...row, ...values }) });
    await enqueueOutbox(trx, ctx.clock.now(), [{ topic: SLA_RECOMPUTE_TOPIC, aggregateId: id, payload: { calendarId: id, version: values.version } }]);
    return true;
  });
  if (!saved) return err({ kind: 'version_conflict', currentVersion: row.version });
  invalidateCalendar(id);
  ctx.nudgeOutbox();
  return ok({ ...row, ...values });
}

/**
 * Imports a year's official dates pasted by an admin (holidays and 调休 workdays), replacing
 * that year's own exceptions, and vouches for the year (adds it to coverage).
 */
export async function importCalendarYear(
  ctx: AppContext, origin: ChangeOrigin, id: string, input: { version: number; year: number; text: string; replaceYear: boolean },
): Promise<Result<CalendarsTable, AppError>> {
  const row = await findCalendarRow(ctx.database.db, id);
  if (!row) return err({ kind: 'not_found', entity: 'calendar' });
  const parsed = parseHolidayList(input.text, input.year);
  if (parsed.issues.length > 0) {
    return err({ kind: 'validation', errors: parsed.issues.map((i) => fieldIssue('text', `第 ${i.line} 行：${i.message}`, `line ${i.line}: ${i.message}`, undefined, '2027-02-14 春节调休 班')) });
  }
  if (parsed.exceptions.length === 0) return err({ kind: 'validation', errors: [fieldIssue('text', '没有可导入的日期', 'no dates to import')] });
  const cur = parseJson<StoredCalendar>(row.definition, { timeZone: 'Asia/Shanghai', mode: 'business', weekly: [], exceptions: [], coverage: [] });
  const prefix = `${input.year}-`;
  const byDate = new Map<string, CalendarException>();
  for (const e of cur.exceptions) if (!(input.replaceYear && e.date.startsWith(prefix))) byDate.set(e.date, e);
  for (const e of parsed.exceptions) byDate.set(e.date, e);
  const exceptions = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  const coverage = [...new Set([...cur.coverage, input.year])].sort((a, b) => a - b);
  return updateCalendar(ctx, origin, id, { version: input.version, exceptions: exceptions as never, coverage });
}

export async function deleteCalendar(ctx: AppContext, origin: ChangeOrigin, id: string): Promise<Result<null, AppError>> {
  if (id === 'default' || id === '24x7') return err({ kind: 'conflict', detail: 'the shipped calendars cannot be deleted' });
  const row = await findCalendarRow(ctx.database.db, id);
  if (!row) return err({ kind: 'not_found', entity: 'calendar' });
  if (await calendarInUse(ctx.database.db, id)) return err({ kind: 'conflict', detail: 'calendar is used by a team or by tickets' });
  await ctx.database.db.transaction().execute(async (trx) => {
    await deleteCalendarRow(trx, id);
    await recordAdminChange(trx, ctx, origin, { entity: 'calendar', entityId: id, action: 'delete', before: presentCalendar(row), after: null });
  });
  invalidateCalendar(id);
  return ok(null);
}

/**
 * A team's calendar: used by business-hours targets whose policy names no calendar. The team's
 * open tickets move to it through the `sla.recompute` job enqueued in the same transaction.
 */
export async function assignTeamCalendar(ctx: AppContext, origin: ChangeOrigin, teamId: string, calendarId: string | null): Promise<Result<null, AppError>> {
  if (calendarId && !(await findCalendarRow(ctx.database.db, calendarId))) return err({ kind: 'validation', errors: [fieldIssue('calendarId', '日历不存在', 'no such calendar')] });
  const saved = await ctx.database.db.transaction().execute(async (trx) => {
    const before = await teamCalendarId(trx, teamId);
    if (!(await setTeamCalendar(trx, teamId, calendarId))) return false;
    await recordAdminChange(trx, ctx, origin, { entity: 'team_calendar', entityId: teamId, action: 'update', before: { calendarId: before }, after: { calendarId } });
    await enqueueOutbox(trx, ctx.clock.now(), [{ topic: SLA_RECOMPUTE_TOPIC, aggregateId: teamId, payload: { teamId, calendarId } }]);
    return true;
  });
  if (!saved) return err({ kind: 'not_found', entity: 'team' });
  ctx.nudgeOutbox();
  return ok(null);
}
