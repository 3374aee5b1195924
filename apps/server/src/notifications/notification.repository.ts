import type { Kysely } from 'kysely';
import type { DB, NotificationsTable } from '../storage/tables.ts';

/** Inserts unless a notification with this (deterministic) id exists; true when inserted. */
export async function insertNotificationOnce(db: Kysely<DB>, row: NotificationsTable): Promise<boolean> {
  const r = await db.insertInto('notifications').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findNotification(db: Kysely<DB>, id: string): Promise<NotificationsTable | undefined> {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listNotificationRows(
  db: Kysely<DB>, userId: string, opts: { after: { value: string; id: string } | null; limit: number; unreadOnly: boolean },
): Promise<NotificationsTable[]> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const after = opts.after;
  if (after) q = q.where((eb) => eb.or([eb('created_at', '<', after.value), eb.and([eb('created_at', '=', after.value), eb('id', '<', after.id)])]));
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

export async function countUnread(db: Kysely<DB>, userId: string): Promise<number> {
  const r = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function markRead(db: Kysely<DB>, userId: string, id: string, at: string): Promise<number> {
  const r = await db.updateTable('notifications').set({ read_at: at })
    .where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function markAllRead(db: Kysely<DB>, userId: string, at: string): Promise<number> {
  const r = await db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
