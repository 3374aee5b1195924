import type { Kysely } from 'kysely';
import type { DB, TeamsTable, UsersTable } from '../storage/tables.ts';

export async function insertUser(db: Kysely<DB>, row: UsersTable, teamIds: string[]): Promise<void> {
  await db.insertInto('users').values(row).execute();
  if (teamIds.length) await db.insertInto('team_members').values(teamIds.map((team_id) => ({ team_id, user_id: row.id }))).execute();
}
export async function insertTeam(db: Kysely<DB>, row: TeamsTable): Promise<void> {
  await db.insertInto('teams').values(row).execute();
}
export async function addTeamMember(db: Kysely<DB>, teamId: string, userId: string): Promise<void> {
  await db.insertInto('team_members').values({ team_id: teamId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
}
export async function findTeamByIdOrName(db: Kysely<DB>, key: string) {
  return db.selectFrom('teams').selectAll().where((eb) => eb.or([eb('id', '=', key), eb('name', '=', key)])).executeTakeFirst();
}
export async function emailTaken(db: Kysely<DB>, email: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst());
}
export async function listUserRows(db: Kysely<DB>, role?: string) {
  let q = db.selectFrom('users').selectAll().orderBy('name').orderBy('id');
  if (role) q = q.where('role', '=', role);
  return q.execute();
}
export async function membershipsOf(db: Kysely<DB>, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string[]>();
  const rows = await db.selectFrom('team_members').selectAll().where('user_id', 'in', userIds).execute();
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.team_id]);
  return map;
}
export async function listTeamRows(db: Kysely<DB>) {
  const [teams, members] = await Promise.all([
    db.selectFrom('teams').selectAll().orderBy('name').execute(),
    db.selectFrom('team_members').selectAll().execute(),
  ]);
  return teams.map((t) => ({ ...t, memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.user_id) }));
}
