import type { Kysely } from 'kysely';
import type { AdminChangeHead, AdminChangeRow } from '@gongdan/domain/audit/admin-change';
import { dialectOf } from '../storage/database.ts';
import { insertRows } from '../storage/insert-row.ts';
import type { DB } from '../storage/tables.ts';

const HEAD_ID = 'admin';

/**
 * Reads the chain head, locked for the rest of the transaction on Postgres so two admin
 * changes cannot both append the same seq (SQLite already runs one writer at a time; the
 * UNIQUE seq index is the second safety net). `empty` (seq 0) is inserted on first use.
 */
export async function lockAdminChangeHead(trx: Kysely<DB>, empty: AdminChangeHead): Promise<AdminChangeHead> {
  await trx.insertInto('admin_change_head').values({ id: HEAD_ID, ...empty }).onConflict((oc) => oc.column('id').doNothing()).execute();
  let q = trx.selectFrom('admin_change_head').select(['seq', 'hash', 'mac']).where('id', '=', HEAD_ID);
  if (dialectOf(trx) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirstOrThrow();
}

export async function appendAdminChangeRow(trx: Kysely<DB>, row: AdminChangeRow, head: AdminChangeHead): Promise<void> {
  await insertRows(trx, 'admin_changes', [row]);
  await trx.updateTable('admin_change_head').set(head).where('id', '=', HEAD_ID).execute();
}

export async function readAdminChangeHead(db: Kysely<DB>): Promise<AdminChangeHead | null> {
  return (await db.selectFrom('admin_change_head').select(['seq', 'hash', 'mac']).where('id', '=', HEAD_ID).executeTakeFirst()) ?? null;
}

/** Records with seq above `afterSeq`, oldest first (verification pages through the chain). */
export async function adminChangesAfter(db: Kysely<DB>, afterSeq: number, limit: number): Promise<AdminChangeRow[]> {
  return db.selectFrom('admin_changes').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export interface AdminChangeFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
}

/** Newest first, keyset-paged by seq (unique), so a page never skips or repeats a row. */
export async function listAdminChanges(db: Kysely<DB>, f: AdminChangeFilter, limit: number): Promise<AdminChangeRow[]> {
  let q = db.selectFrom('admin_changes').selectAll().orderBy('seq', 'desc').limit(limit);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
  return q.execute();
}
