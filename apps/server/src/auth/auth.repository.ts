import type { Kysely } from 'kysely';
import type { DB, SessionsTable } from '../storage/tables.ts';

export async function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Kysely<DB>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function teamIdsOf(db: Kysely<DB>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.team_id);
}

export async function recordFailedSignIn(db: Kysely<DB>, userId: string, attempts: number, lockedUntil: string | null): Promise<void> {
  await db.updateTable('users').set({ failed_attempts: attempts, locked_until: lockedUntil }).where('id', '=', userId).execute();
}

export async function clearFailedSignIns(db: Kysely<DB>, userId: string): Promise<void> {
  await db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function insertSession(db: Kysely<DB>, s: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

export async function findSession(db: Kysely<DB>, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export async function findApiTokenByHash(db: Kysely<DB>, tokenHash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchApiToken(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
