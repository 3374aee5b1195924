import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';
import type { NotificationPreferencesTable } from '../storage/tables-notify.ts';

export async function findPreferences(db: Kysely<DB>, userId: string): Promise<NotificationPreferencesTable | undefined> {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function preferencesOf(db: Kysely<DB>, userIds: string[]): Promise<Map<string, NotificationPreferencesTable>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('notification_preferences').selectAll().where('user_id', 'in', userIds).execute();
  return new Map(rows.map((r) => [r.user_id, r]));
}

export async function upsertPreferences(db: Kysely<DB>, row: NotificationPreferencesTable): Promise<void> {
  const { user_id: _u, ...set } = row;
  await db.insertInto('notification_preferences').values(row).onConflict((oc) => oc.column('user_id').doUpdateSet(set)).execute();
}

/** Name, phone and active flag of people to notify or mention. */
export async function peopleOf(db: Kysely<DB>, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, { id: string; name: string; phone: string | null; active: number }>();
  const rows = await db.selectFrom('users').select(['id', 'name', 'phone', 'active']).where('id', 'in', userIds).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function activeAdminIds(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => r.id);
}
