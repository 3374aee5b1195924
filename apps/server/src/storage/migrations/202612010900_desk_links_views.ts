import type { Kysely } from 'kysely';

/**
 * The desk: links between tickets (related / duplicate of / caused by, and merges) and each
 * person's saved board views. Portable DDL only, like the foundation.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.createTable('ticket_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('other_ticket_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set when the link records that ticket_id was merged into other_ticket_id.
    .addColumn('merged_at', 'text')
    .addUniqueConstraint('ticket_links_pair', ['ticket_id', 'other_ticket_id', 'kind'])
    .execute();
  await s.createIndex('ticket_links_other').on('ticket_links').column('other_ticket_id').execute();

  await s.createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('saved_views_user_name', ['user_id', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saved_views').execute();
  await db.schema.dropTable('ticket_links').execute();
}
