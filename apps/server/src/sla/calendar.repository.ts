import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';
import type { CalendarsTable } from '../storage/tables-sla.ts';

type Db = Kysely<DB>;

export async function findCalendarRow(db: Db, id: string): Promise<CalendarsTable | undefined> {
  return db.selectFrom('calendars').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCalendarRows(db: Db): Promise<CalendarsTable[]> {
  return db.selectFrom('calendars').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function insertCalendarRow(db: Db, row: CalendarsTable): Promise<void> {
  await db.insertInto('calendars').values(row).execute();
}

/** Optimistic update: only when the stored version is the one the admin edited. */
export async function updateCalendarRow(db: Db, id: string, expectedVersion: number, values: Partial<CalendarsTable>): Promise<boolean> {
  const r = await db.updateTable('calendars').set(values).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function teamCalendarId(db: Db, teamId: string): Promise<string | null> {
  const row = await db.selectFrom('teams').select('calendar_id').where('id', '=', teamId).executeTakeFirst();
  return row?.calendar_id ?? null;
}

export async function setTeamCalendar(db: Db, teamId: string, calendarId: string | null): Promise<boolean> {
  const r = await db.updateTable('teams').set({ calendar_id: calendarId }).where('id', '=', teamId).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Calendars referenced by policies or teams (deleting them would orphan deadlines). */
export async function calendarInUse(db: Db, id: string): Promise<boolean> {
  const team = await db.selectFrom('teams').select('id').where('calendar_id', '=', id).executeTakeFirst();
  const sla = await db.selectFrom('ticket_sla').select('ticket_id').where('calendar_id', '=', id).limit(1).executeTakeFirst();
  return !!team || !!sla;
}

export async function deleteCalendarRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('calendars').where('id', '=', id).execute();
}
