import type { Kysely } from 'kysely';
import type { DB, TodosTable } from '../storage/tables.ts';

export async function insertTodoOnce(db: Kysely<DB>, row: TodosTable): Promise<boolean> {
  const r = await db.insertInto('todos').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** An open todo of this person about this ticket (whoever created it: the SLA engine or us). */
export async function openTodoFor(db: Kysely<DB>, userId: string, ticketId: string): Promise<TodosTable | undefined> {
  return db.selectFrom('todos').selectAll().where('user_id', '=', userId).where('ticket_id', '=', ticketId).where('done_at', 'is', null).executeTakeFirst();
}

export async function findTodo(db: Kysely<DB>, id: string): Promise<TodosTable | undefined> {
  return db.selectFrom('todos').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listTodoRows(
  db: Kysely<DB>, userId: string, opts: { status: 'open' | 'done' | 'all'; after: { value: string; id: string } | null; limit: number },
): Promise<TodosTable[]> {
  let q = db.selectFrom('todos').selectAll().where('user_id', '=', userId);
  if (opts.status === 'open') q = q.where('done_at', 'is', null);
  if (opts.status === 'done') q = q.where('done_at', 'is not', null);
  const after = opts.after;
  if (after) q = q.where((eb) => eb.or([eb('created_at', '<', after.value), eb.and([eb('created_at', '=', after.value), eb('id', '<', after.id)])]));
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

export async function markTodoDone(db: Kysely<DB>, id: string, userId: string, at: string): Promise<number> {
  const r = await db.updateTable('todos').set({ done_at: at }).where('id', '=', id).where('user_id', '=', userId).where('done_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
