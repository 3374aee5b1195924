import { ok } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import { inTransaction } from '../storage/transaction.ts';
import { indexSimilarSource, loadSimilarStats } from './similar-index.repository.ts';
import { cardSimilarSource, ticketSimilarSource } from './similar-sources.ts';

/** What a rebuild did. */
export interface RebuildSummary {
  /** Resolved tickets and published cards now in the index. */
  tickets: number;
  cards: number;
  /** Tickets with a resolution that are not (or no longer) resolved cases, so were left out. */
  skipped: number;
  documents: number;
  ms: number;
}

const BATCH = 200;

/**
 * Rebuilds the similar-case index (ADR 013) from the database: empties it, then indexes every
 * resolved ticket and published card again through the same `indexSimilarSource` the outbox
 * handler uses, in transactions of BATCH sources. For a corrupted or stale index (restored backup,
 * tokenizer or parser change). Writers running meanwhile are harmless: indexing is idempotent and
 * the statistics row serialises writers on Postgres.
 */
export async function rebuildSimilarIndex(ctx: AppContext, progress: (line: string) => void = () => {}): Promise<RebuildSummary> {
  const started = Date.now();
  const db = ctx.database.db;
  const cleared = await inTransaction(db, async (trx) => {
    await loadSimilarStats(trx, { forUpdate: true });
    await trx.deleteFrom('similar_postings').execute();
    await trx.deleteFrom('similar_docs').execute();
    await trx.updateTable('similar_stats').set({ next_doc_no: 1, doc_count: 0, total_len: 0 }).where('id', '=', 'main').execute();
    return ok(null);
  });
  if (!cleared.ok) throw new Error('could not empty the similar-case index');

  const summary = { tickets: 0, cards: 0, skipped: 0 };
  let after = '';
  for (;;) {
    const ids = (await db.selectFrom('tickets').select('id').where('resolution', 'is not', null).where('resolution', '!=', '')
      .where('id', '>', after).orderBy('id').limit(BATCH).execute()).map((r) => r.id);
    if (ids.length === 0) break;
    const done = await inTransaction(db, async (trx) => {
      let indexed = 0;
      for (const id of ids) {
        const source = await ticketSimilarSource(trx, id);
        if (source) { await indexSimilarSource(trx, source, ctx.clock.now()); indexed++; }
      }
      return ok(indexed);
    });
    if (!done.ok) throw new Error('indexing a batch of tickets failed');
    summary.tickets += done.value;
    summary.skipped += ids.length - done.value;
    after = ids[ids.length - 1] as string;
    progress(`tickets: ${summary.tickets} indexed, ${summary.skipped} skipped`);
  }
  after = '';
  for (;;) {
    const ids = (await db.selectFrom('knowledge_cards').select('id').where('status', '=', 'published')
      .where('id', '>', after).orderBy('id').limit(BATCH).execute()).map((r) => r.id);
    if (ids.length === 0) break;
    const done = await inTransaction(db, async (trx) => {
      let indexed = 0;
      for (const id of ids) {
        const source = await cardSimilarSource(trx, id);
        if (source) { await indexSimilarSource(trx, source, ctx.clock.now()); indexed++; }
      }
      return ok(indexed);
    });
    if (!done.ok) throw new Error('indexing a batch of knowledge cards failed');
    summary.cards += done.value;
    after = ids[ids.length - 1] as string;
    progress(`cards: ${summary.cards} indexed`);
  }
  const stats = await loadSimilarStats(db);
  return { ...summary, documents: stats.docCount, ms: Date.now() - started };
}
