import type { Kysely } from 'kysely';
import type { ConfirmationPolicy } from '@gongdan/domain/confirmation/confirmation-policy';
import type { DB } from '../storage/tables.ts';
import type { ConfirmationRequestsTable, ConfirmationsTable } from '../storage/tables-confirm.ts';
import type { DialectName } from '../storage/database.ts';

export async function findRequestByHash(db: Kysely<DB>, tokenHash: string, forUpdate?: DialectName): Promise<ConfirmationRequestsTable | undefined> {
  let q = db.selectFrom('confirmation_requests').selectAll().where('token_hash', '=', tokenHash);
  if (forUpdate === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function latestRequestFor(db: Kysely<DB>, ticketId: string): Promise<ConfirmationRequestsTable | undefined> {
  return db.selectFrom('confirmation_requests').selectAll().where('ticket_id', '=', ticketId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export async function revokePendingRequests(db: Kysely<DB>, ticketId: string, at: string): Promise<void> {
  await db.updateTable('confirmation_requests').set({ status: 'revoked', revoked_at: at })
    .where('ticket_id', '=', ticketId).where('status', '=', 'pending').execute();
}

export async function markRequestUsed(db: Kysely<DB>, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('confirmation_requests').set({ status: 'used', used_at: at })
    .where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function latestConfirmationFor(db: Kysely<DB>, ticketId: string): Promise<ConfirmationsTable | undefined> {
  return db.selectFrom('confirmations').selectAll().where('ticket_id', '=', ticketId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export async function findConfirmation(db: Kysely<DB>, id: string): Promise<ConfirmationsTable | undefined> {
  return db.selectFrom('confirmations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function loadPolicies(db: Kysely<DB>, ticket: { type: string; customerId: string }): Promise<ConfirmationPolicy[]> {
  const rows = await db.selectFrom('confirmation_policies').selectAll()
    .where((eb) => eb.or([
      eb.and([eb('scope_kind', '=', 'customer'), eb('scope_id', '=', ticket.customerId)]),
      eb.and([eb('scope_kind', '=', 'ticket_type'), eb('scope_id', '=', ticket.type)]),
    ])).execute();
  return rows.map((r) => ({
    scopeKind: r.scope_kind as ConfirmationPolicy['scopeKind'], scopeId: r.scope_id,
    mode: r.mode as ConfirmationPolicy['mode'], autoCloseDays: r.auto_close_days,
  }));
}
