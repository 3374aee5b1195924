import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The similar-case index (documents, posting blocks, corpus statistics; ADR 013) and knowledge
 * cards with their audit trail and use counts. Portable DDL; only the posting blob's type
 * differs (blob / bytea).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await s.createTable('similar_docs')
    .addColumn('doc_no', 'integer', (c) => c.primaryKey())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('origin_ticket_id', 'text')
    .addColumn('dl', 'integer', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('similar_docs_source').unique().on('similar_docs').columns(['source_kind', 'source_id']).execute();
  await s.createIndex('similar_docs_origin').on('similar_docs').columns(['origin_ticket_id']).execute();

  await s.createTable('similar_postings')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('block_key', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('data', pg ? sql`bytea` : sql`blob`, (c) => c.notNull())
    .addPrimaryKeyConstraint('similar_postings_pk', ['term', 'block_key'])
    .execute();

  await s.createTable('similar_stats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('next_doc_no', 'integer', (c) => c.notNull())
    .addColumn('doc_count', 'integer', (c) => c.notNull())
    .addColumn('total_len', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('similar_stats').values({ id: 'main', next_doc_no: 1, doc_count: 0, total_len: 0 }).execute();

  await s.createTable('knowledge_cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('symptom', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('parts', 'text', (c) => c.notNull())
    .addColumn('model', 'text')
    .addColumn('product_line', 'text')
    .addColumn('fault_type', 'text')
    .addColumn('cause_code', 'text')
    .addColumn('photos', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text')
    .addColumn('reviewer_name', 'text')
    .addColumn('review_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('helped_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await s.createIndex('knowledge_cards_status').on('knowledge_cards').columns(['status', 'updated_at']).execute();
  await s.createIndex('knowledge_cards_model').on('knowledge_cards').columns(['model', 'status']).execute();
  await s.createIndex('knowledge_cards_ticket').on('knowledge_cards').columns(['ticket_id']).execute();

  await s.createTable('knowledge_card_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('reason', 'text')
    .execute();
  await s.createIndex('knowledge_card_events_card').on('knowledge_card_events').columns(['card_id', 'at']).execute();

  await s.createTable('knowledge_card_uses')
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_card_uses_pk', ['card_id', 'ticket_id', 'user_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['knowledge_card_uses', 'knowledge_card_events', 'knowledge_cards', 'similar_stats', 'similar_postings', 'similar_docs']) {
    await db.schema.dropTable(t).execute();
  }
}
