import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';

export async function addFollower(db: Kysely<DB>, ticketId: string, userId: string, at: string): Promise<void> {
  await db.insertInto('ticket_followers').values({ ticket_id: ticketId, user_id: userId, created_at: at })
    .onConflict((oc) => oc.columns(['ticket_id', 'user_id']).doNothing()).execute();
}

export async function removeFollower(db: Kysely<DB>, ticketId: string, userId: string): Promise<number> {
  const r = await db.deleteFrom('ticket_followers').where('ticket_id', '=', ticketId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function listFollowerRows(db: Kysely<DB>, ticketId: string) {
  return db.selectFrom('ticket_followers').innerJoin('users', 'users.id', 'ticket_followers.user_id')
    .select(['ticket_followers.user_id as userId', 'users.name as name', 'ticket_followers.created_at as since'])
    .where('ticket_followers.ticket_id', '=', ticketId)
    .orderBy('ticket_followers.created_at').orderBy('ticket_followers.user_id')
    .execute();
}
