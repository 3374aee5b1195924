import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';

export async function listTicketAudit(db: Kysely<DB>, ticketId: string) {
  return db.selectFrom('audit_records').selectAll().where('ticket_id', '=', ticketId).orderBy('seq').execute();
}

export async function listCheckpoints(db: Kysely<DB>) {
  return db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
}

export async function lastCheckpoint(db: Kysely<DB>) {
  return db.selectFrom('audit_checkpoints').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** Ticket heads in id order, a page at a time (verification streams; it never loads everything). */
export async function ticketHeadsAfter(db: Kysely<DB>, afterId: string | null, limit: number) {
  let q = db.selectFrom('tickets').select(['id', 'audit_seq', 'audit_head', 'audit_head_mac']).orderBy('id').limit(limit);
  if (afterId) q = q.where('id', '>', afterId);
  return q.execute();
}

export async function recordsOfTickets(db: Kysely<DB>, ticketIds: string[]) {
  if (ticketIds.length === 0) return [];
  return db.selectFrom('audit_records').selectAll().where('ticket_id', 'in', ticketIds).orderBy('ticket_id').orderBy('seq').execute();
}

/** Chains whose ticket row is gone (records left behind by a deleted ticket). */
export async function orphanChainIds(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('audit_records').select('ticket_id').distinct()
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('tickets').select('id').whereRef('tickets.id', '=', 'audit_records.ticket_id'))))
    .execute();
  return rows.map((r) => r.ticket_id);
}

/** Chains that grew since they were last named in a checkpoint. */
export async function headsSinceCheckpoint(db: Kysely<DB>, limit: number) {
  return db.selectFrom('tickets').select(['id', 'audit_seq', 'audit_head'])
    .whereRef('audit_seq', '>', 'audit_checkpoint_seq').orderBy('id').limit(limit).execute();
}
