import { sql, type Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';
import type { SlaDeadlinesTable, SlaEventsTable, TicketSlaTable } from '../storage/tables-sla.ts';
import type { DialectName } from '../storage/database.ts';
import { insertRows } from '../storage/insert-row.ts';
import { NO_SLA_DUE } from '../tickets/ticket.repository.ts';

type Db = Kysely<DB>;

/** The ticket's SLA row; on Postgres inside a transaction, locked for the change. */
export async function findTicketSla(db: Db, ticketId: string, forUpdate?: DialectName): Promise<TicketSlaTable | undefined> {
  let q = db.selectFrom('ticket_sla').selectAll().where('ticket_id', '=', ticketId);
  if (forUpdate === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listTicketSla(db: Db, ticketIds: string[]): Promise<TicketSlaTable[]> {
  if (ticketIds.length === 0) return [];
  return db.selectFrom('ticket_sla').selectAll().where('ticket_id', 'in', ticketIds).execute();
}

export async function saveTicketSla(db: Db, row: TicketSlaTable, exists: boolean): Promise<void> {
  if (exists) {
    const { ticket_id: id, ...values } = row;
    await db.updateTable('ticket_sla').set(values).where('ticket_id', '=', id).execute();
  } else {
    await insertRows(db, 'ticket_sla', [row]);
  }
}

/** Appends to the log. A fired level carries fire_key; a duplicate is refused (returns false). */
export async function appendSlaEvents(db: Db, rows: SlaEventsTable[]): Promise<boolean> {
  if (rows.length === 0) return true;
  const r = await db.insertInto('sla_events').values(rows).onConflict((oc) => oc.column('fire_key').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === rows.length;
}

export async function listSlaEvents(db: Db, ticketId: string): Promise<SlaEventsTable[]> {
  return db.selectFrom('sla_events').selectAll().where('ticket_id', '=', ticketId).orderBy('at').orderBy('id').execute();
}

export async function listDeadlines(db: Db, ticketId: string): Promise<SlaDeadlinesTable[]> {
  return db.selectFrom('sla_deadlines').selectAll().where('ticket_id', '=', ticketId).execute();
}

/**
 * Tickets with an SLA clock under a policy, on a calendar, in a team, or (missingKeys) without list
 * keys yet, after `afterId` (keyset; the caller skips clocks that are no longer live).
 */
export async function ticketsUnder(
  db: Db, by: { policyId?: string; calendarId?: string; teamId?: string; missingKeys?: boolean }, afterId: string, limit: number,
): Promise<string[]> {
  let q = db.selectFrom('ticket_sla').select('ticket_sla.ticket_id').where('ticket_sla.ticket_id', '>', afterId).orderBy('ticket_sla.ticket_id').limit(limit);
  if (by.policyId) q = q.where('ticket_sla.policy_id', '=', by.policyId);
  if (by.calendarId) q = q.where('ticket_sla.calendar_id', '=', by.calendarId);
  // Rows the list-keys migration could not measure: far instant (or none yet); the walk skips closed ones.
  if (by.missingKeys) q = q.where((eb) => eb.or([eb('ticket_sla.due_at', 'is', null), eb('ticket_sla.due_at', '=', NO_SLA_DUE)]));
  if (by.teamId) q = q.innerJoin('tickets', 'tickets.id', 'ticket_sla.ticket_id').where('tickets.team_id', '=', by.teamId);
  return (await q.execute()).map((r) => r.ticket_id);
}

/** Replaces the ticket's pending deadlines with a fresh plan. */
export async function replaceDeadlines(db: Db, ticketId: string, rows: SlaDeadlinesTable[]): Promise<void> {
  await db.deleteFrom('sla_deadlines').where('ticket_id', '=', ticketId).execute();
  // Cached SQL text (storage/insert-row.ts): this runs on every ticket create and status change.
  if (rows.length > 0) await insertRows(db, 'sla_deadlines', rows);
}

/** Cheap probe for the idle sweep: the earliest pending due time (one index lookup, no transaction). */
export async function earliestDeadline(db: Db): Promise<string | null> {
  const r = await db.selectFrom('sla_deadlines').select('due_at').orderBy('due_at').limit(1).executeTakeFirst();
  return r?.due_at ?? null;
}

/** Claims due deadlines inside the caller's transaction; on Postgres other nodes skip them. */
export async function claimDueDeadlines(trx: Db, dialect: DialectName, nowIso: string, limit: number): Promise<SlaDeadlinesTable[]> {
  let q = trx.selectFrom('sla_deadlines').selectAll().where('due_at', '<=', nowIso).orderBy('due_at').limit(limit);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  return q.execute();
}

/** Claims one known deadline (the sweep's one-by-one fallback). */
export async function claimDeadline(trx: Db, dialect: DialectName, d: Pick<SlaDeadlinesTable, 'ticket_id' | 'target' | 'cycle' | 'level'>): Promise<SlaDeadlinesTable | undefined> {
  let q = trx.selectFrom('sla_deadlines').selectAll()
    .where('ticket_id', '=', d.ticket_id).where('target', '=', d.target).where('cycle', '=', d.cycle).where('level', '=', d.level);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  return q.executeTakeFirst();
}

/** Locks the tickets of a batch that nobody else is changing right now (Postgres); all on SQLite. */
export async function lockFreeTickets(trx: Db, dialect: DialectName, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  let q = trx.selectFrom('tickets').select('id').where('id', 'in', ids);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  return new Set((await q.execute()).map((r) => r.id));
}

export async function deleteDeadline(db: Db, d: Pick<SlaDeadlinesTable, 'ticket_id' | 'target' | 'cycle' | 'level'>): Promise<boolean> {
  const r = await db.deleteFrom('sla_deadlines')
    .where('ticket_id', '=', d.ticket_id).where('target', '=', d.target).where('cycle', '=', d.cycle).where('level', '=', d.level)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** A deadline whose firing failed: try again later instead of blocking the queue. */
export async function postponeDeadline(db: Db, d: SlaDeadlinesTable, untilIso: string): Promise<void> {
  await db.updateTable('sla_deadlines').set({ due_at: untilIso, attempts: sql`attempts + 1` })
    .where('ticket_id', '=', d.ticket_id).where('target', '=', d.target).where('cycle', '=', d.cycle).where('level', '=', d.level)
    .execute();
}

export async function addTicketFlag(db: Db, ticketId: string, flag: string, reason: string, by: string, atIso: string): Promise<boolean> {
  const r = await db.insertInto('ticket_flags').values({ ticket_id: ticketId, flag, reason, created_by: by, created_at: atIso })
    .onConflict((oc) => oc.columns(['ticket_id', 'flag']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function listTicketFlags(db: Db, ticketIds: string[]): Promise<{ ticket_id: string; flag: string }[]> {
  if (ticketIds.length === 0) return [];
  return db.selectFrom('ticket_flags').select(['ticket_id', 'flag']).where('ticket_id', 'in', ticketIds).execute();
}

/** Team supervisor and the supervisor's manager (else the oldest active admin). */
export async function escalationPeople(db: Db, teamId: string | null): Promise<{ supervisorId: string | null; managerId: string | null }> {
  const team = teamId ? await db.selectFrom('teams').select('supervisor_id').where('id', '=', teamId).executeTakeFirst() : undefined;
  const supervisorId = team?.supervisor_id ?? null;
  const sup = supervisorId ? await db.selectFrom('users').select('manager_id').where('id', '=', supervisorId).executeTakeFirst() : undefined;
  let managerId = sup?.manager_id ?? null;
  if (!managerId) {
    const admin = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
    managerId = admin?.id ?? null;
  }
  return { supervisorId, managerId };
}

/** Adds planned deadlines, keeping any that already exist (a level's row is unique per ticket, target, cycle and level). */
export async function addDeadlines(db: Db, rows: SlaDeadlinesTable[]): Promise<void> {
  if (rows.length > 0) await insertRows(db, 'sla_deadlines', rows, { ignoreDuplicates: true });
}
