import type { Kysely } from 'kysely';
import type { DB, SavedViewsTable } from '../storage/tables.ts';

type Db = Kysely<DB>;

export async function listSavedViewRows(db: Db, userId: string) {
  return db.selectFrom('saved_views').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
}

export async function countSavedViews(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('saved_views').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findSavedViewByName(db: Db, userId: string, name: string) {
  return db.selectFrom('saved_views').select('id').where('user_id', '=', userId).where('name', '=', name).executeTakeFirst();
}

export async function insertSavedView(db: Db, row: SavedViewsTable): Promise<void> {
  await db.insertInto('saved_views').values(row).execute();
}

/** Deletes one of the user's own views; another person's id deletes nothing. */
export async function deleteSavedView(db: Db, userId: string, id: string): Promise<boolean> {
  const res = await db.deleteFrom('saved_views').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
