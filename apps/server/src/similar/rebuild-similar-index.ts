import { ok } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';
import { clearSimilarIndex, indexSimilarSource, loadSimilarStats, publishedCardIdsAfter, resolvedTicketIdsAfter } from './similar-index.repository.ts';
import type { SimilarSource } from './similar-document.ts';
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
type Db = Kysely<DB>;

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
    await clearSimilarIndex(trx);
    return ok(null);
  });
  if (!cleared.ok) throw new Error('could not empty the similar-case index');

  const tickets = await indexAll(ctx, 'tickets', resolvedTicketIdsAfter, ticketSimilarSource, progress);
  const cards = await indexAll(ctx, 'cards', publishedCardIdsAfter, cardSimilarSource, progress);
  const stats = await loadSimilarStats(db);
  return { tickets: tickets.indexed, cards: cards.indexed, skipped: tickets.skipped, documents: stats.docCount, ms: Date.now() - started };
}

/** Walks one kind of source in id order, BATCH per transaction; a source that is not a case (null) is skipped. */
async function indexAll(
  ctx: AppContext, what: string,
  idsAfter: (db: Db, after: string, limit: number) => Promise<string[]>,
  sourceOf: (db: Db, id: string) => Promise<SimilarSource | null>,
  progress: (line: string) => void,
): Promise<{ indexed: number; skipped: number }> {
  const db = ctx.database.db;
  const total = { indexed: 0, skipped: 0 };
  for (let after = ''; ;) {
    const ids = await idsAfter(db, after, BATCH);
    if (ids.length === 0) break;
    const done = await inTransaction(db, async (trx) => {
      let indexed = 0;
      for (const id of ids) {
        const source = await sourceOf(trx, id);
        if (source) { await indexSimilarSource(trx, source, ctx.clock.now()); indexed++; }
      }
      return ok(indexed);
    });
    if (!done.ok) throw new Error(`indexing a batch of ${what} failed`);
    total.indexed += done.value;
    total.skipped += ids.length - done.value;
    after = ids[ids.length - 1] as string;
    progress(`${what}: ${total.indexed} indexed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  }
  return total;
}
