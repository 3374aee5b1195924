import type { Kysely } from 'kysely';

/**
 * Chat robots (WeCom / DingTalk / Feishu group robots), their per-attempt delivery log, which
 * also serves as the per-robot rate-limit ledger, and each person's notification preferences
 * (working hours for quiet-hours, chat ids for @mentions). Portable DDL only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.createTable('chat_robots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('webhook_url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    // Scope: a team's robot, a policy's robot, or (both null) a global one.
    .addColumn('team_id', 'text')
    .addColumn('policy_id', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('chat_robots_team').on('chat_robots').columns(['team_id', 'enabled']).execute();

  await s.createTable('chat_robot_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('robot_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    // sending (slot reserved, request under way) | sent | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('error_code', 'text')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer')
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('chat_robot_deliveries_window').on('chat_robot_deliveries').columns(['robot_id', 'sent_at']).execute();
  await s.createIndex('chat_robot_deliveries_message').on('chat_robot_deliveries').columns(['message_id', 'status']).execute();

  await s.createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    // JSON {timeZone, weekly, holidays} or null = always reachable.
    .addColumn('working_hours', 'text')
    .addColumn('wecom_user_id', 'text')
    .addColumn('dingtalk_user_id', 'text')
    .addColumn('feishu_user_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s.createIndex('todos_ticket').on('todos').columns(['ticket_id', 'user_id']).execute();
  await s.createIndex('ticket_followers_user').on('ticket_followers').columns(['user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ticket_followers_user').execute();
  await db.schema.dropIndex('todos_ticket').execute();
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropTable('chat_robot_deliveries').execute();
  await db.schema.dropTable('chat_robots').execute();
}
