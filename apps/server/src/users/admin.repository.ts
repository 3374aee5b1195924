import type { Kysely } from 'kysely';
import type { DB, TeamsTable, UsersTable } from '../storage/tables.ts';

type Db = Kysely<DB>;

export async function findUser(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTeam(db: Db, id: string) {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function teamNameTakenByOther(db: Db, name: string, teamId: string): Promise<boolean> {
  return !!(await db.selectFrom('teams').select('id').where('name', '=', name).where('id', '!=', teamId).executeTakeFirst());
}

/** Which of these ids are existing teams / users (with their role and state). */
export async function existingTeamIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.selectFrom('teams').select('id').where('id', 'in', ids).execute()).map((t) => t.id));
}
export async function usersByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; role: string; active: number }>();
  const rows = await db.selectFrom('users').select(['id', 'role', 'active']).where('id', 'in', ids).execute();
  return new Map(rows.map((u) => [u.id, u]));
}

export async function updateUserRow(db: Db, id: string, values: Partial<UsersTable>): Promise<void> {
  await db.updateTable('users').set(values).where('id', '=', id).execute();
}
export async function updateTeamRow(db: Db, id: string, values: Partial<TeamsTable>): Promise<void> {
  await db.updateTable('teams').set(values).where('id', '=', id).execute();
}

export async function replaceUserTeams(db: Db, userId: string, teamIds: string[]): Promise<void> {
  await db.deleteFrom('team_members').where('user_id', '=', userId).execute();
  if (teamIds.length) await db.insertInto('team_members').values(teamIds.map((team_id) => ({ team_id, user_id: userId }))).execute();
}
export async function replaceTeamMembers(db: Db, teamId: string, userIds: string[]): Promise<void> {
  await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (userIds.length) await db.insertInto('team_members').values(userIds.map((user_id) => ({ team_id: teamId, user_id }))).execute();
}
export async function teamIdsOfUser(db: Db, userId: string): Promise<string[]> {
  return (await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).orderBy('team_id').execute()).map((r) => r.team_id);
}
export async function memberIdsOfTeam(db: Db, teamId: string): Promise<string[]> {
  return (await db.selectFrom('team_members').select('user_id').where('team_id', '=', teamId).orderBy('user_id').execute()).map((r) => r.user_id);
}

export async function deleteSessionsOf(db: Db, userId: string): Promise<number> {
  const res = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}
