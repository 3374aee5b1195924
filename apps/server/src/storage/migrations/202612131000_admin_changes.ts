import type { Kysely } from 'kysely';

/**
 * Admin change log (ADR 026): who changed which configuration, when, from where, before → after.
 * One MAC'd chain (`seq`, `prev_hash`, `hash`) whose head lives in `admin_change_head`.
 * before/after are TEXT, never jsonb: the hash covers the bytes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('admin_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  // The change log page filters by entity or actor and pages newest first by seq.
  await db.schema.createIndex('admin_changes_entity').on('admin_changes').columns(['entity', 'entity_id', 'seq']).execute();
  await db.schema.createIndex('admin_changes_actor').on('admin_changes').columns(['actor_id', 'seq']).execute();
  await db.schema.createTable('admin_change_head')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('admin_change_head').ifExists().execute();
  await db.schema.dropTable('admin_changes').ifExists().execute();
}
