import type { Kysely } from 'kysely';

/**
 * SOP documents get a publication state: admins write drafts and publish them; only published
 * documents reach the field package, the nameplate hook and the field app's offline library.
 * Existing documents were visible to engineers already, so they start published.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sop_documents').addColumn('status', 'text', (c) => c.notNull().defaultTo('published')).execute();
  await db.schema.alterTable('sop_documents').addColumn('published_at', 'text').execute();
  await db.schema.alterTable('sop_documents').addColumn('published_by', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ['published_by', 'published_at', 'status']) await db.schema.alterTable('sop_documents').dropColumn(c).execute();
}
