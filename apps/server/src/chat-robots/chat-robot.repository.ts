import type { Kysely } from 'kysely';
import type { DialectName } from '../storage/database.ts';
import type { DB } from '../storage/tables.ts';
import type { ChatRobotDeliveriesTable, ChatRobotsTable } from '../storage/tables-notify.ts';

export async function insertChatRobot(db: Kysely<DB>, row: ChatRobotsTable): Promise<void> {
  await db.insertInto('chat_robots').values(row).execute();
}

export async function updateChatRobotRow(db: Kysely<DB>, id: string, set: Partial<ChatRobotsTable>): Promise<void> {
  await db.updateTable('chat_robots').set(set).where('id', '=', id).execute();
}

export async function deleteChatRobotRow(db: Kysely<DB>, id: string): Promise<number> {
  const r = await db.deleteFrom('chat_robots').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** On Postgres the row is locked: the rate-limit ledger of one robot is read and written by one worker at a time. */
export async function findChatRobot(db: Kysely<DB>, id: string, opts: { forUpdate?: DialectName } = {}): Promise<ChatRobotsTable | undefined> {
  let q = db.selectFrom('chat_robots').selectAll().where('id', '=', id);
  if (opts.forUpdate === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listChatRobotRows(db: Kysely<DB>): Promise<ChatRobotsTable[]> {
  return db.selectFrom('chat_robots').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** Enabled robots of a team, and the global ones (no team, no policy). */
export async function enabledRobotsForTeam(db: Kysely<DB>, teamId: string | null): Promise<ChatRobotsTable[]> {
  return db.selectFrom('chat_robots').selectAll()
    .where('enabled', '=', 1)
    .where((eb) => {
      const global = eb.and([eb('team_id', 'is', null), eb('policy_id', 'is', null)]);
      return teamId ? eb.or([eb('team_id', '=', teamId), global]) : global;
    })
    .orderBy('created_at').orderBy('id')
    .execute();
}

/** Send times (ms) of a robot's attempts since `since`: the rate-limit ledger. */
export async function robotSendTimes(db: Kysely<DB>, robotId: string, since: Date): Promise<number[]> {
  const rows = await db.selectFrom('chat_robot_deliveries').select('sent_at')
    .where('robot_id', '=', robotId).where('sent_at', '>', since.toISOString()).execute();
  return rows.map((r) => Date.parse(r.sent_at));
}

export async function insertRobotDelivery(db: Kysely<DB>, row: ChatRobotDeliveriesTable): Promise<void> {
  await db.insertInto('chat_robot_deliveries').values(row).execute();
}

export async function finishRobotDelivery(db: Kysely<DB>, id: string, set: Pick<ChatRobotDeliveriesTable, 'status' | 'http_status' | 'error_code' | 'error' | 'duration_ms'>): Promise<void> {
  await db.updateTable('chat_robot_deliveries').set(set).where('id', '=', id).execute();
}

export async function messageDelivered(db: Kysely<DB>, messageId: string): Promise<boolean> {
  return !!(await db.selectFrom('chat_robot_deliveries').select('id').where('message_id', '=', messageId).where('status', '=', 'sent').executeTakeFirst());
}

export async function listRobotDeliveries(db: Kysely<DB>, robotId: string, limit: number): Promise<ChatRobotDeliveriesTable[]> {
  return db.selectFrom('chat_robot_deliveries').selectAll().where('robot_id', '=', robotId)
    .orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function outboxRowExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return !!(await db.selectFrom('outbox').select('id').where('id', '=', id).executeTakeFirst());
}
