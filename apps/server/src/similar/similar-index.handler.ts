import { ok } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { OutboxHandler } from '../jobs/outbox-worker.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { SimilarSourceKind } from './similar-document.ts';
import { indexSimilarSource, unindexSimilarSource, type IndexOutcome } from './similar-index.repository.ts';
import { cardSimilarSource, ticketSimilarSource } from './similar-sources.ts';

export const KNOWLEDGE_CARD_CHANGED_TOPIC = 'knowledge.card_changed';

/**
 * Keeps the similar-case index current after commit: every ticket event and every card change
 * re-reads its source and indexes, re-indexes or removes it. Idempotent (unchanged terms write
 * nothing), so redelivery is harmless; events of tickets that were never resolved cost one read.
 */
export function similarIndexHandler(): OutboxHandler {
  return async (m, ctx) => {
    if (!m.aggregateId) return;
    if (m.topic.startsWith('ticket.')) await syncSimilarSource(ctx, 'ticket', m.aggregateId);
    else if (m.topic === KNOWLEDGE_CARD_CHANGED_TOPIC) await syncSimilarSource(ctx, 'card', m.aggregateId);
  };
}

export async function syncSimilarSource(ctx: AppContext, kind: SimilarSourceKind, id: string): Promise<IndexOutcome> {
  // Most events are about tickets that are not resolved cases and were never indexed (every create,
  // dispatch, acceptance …): answer those with two reads and no transaction, whose begin/commit cost
  // more than the reads (ADR 019). Anything to write goes through the transaction below, which reads
  // again, so a change racing this check is still indexed correctly by its own event.
  if (kind === 'ticket' && !(await ticketSimilarSource(ctx.database.db, id)) && !(await isIndexed(ctx, kind, id))) return 'absent';
  const result = await inTransaction(ctx.database.db, async (trx) => {
    const source = kind === 'ticket' ? await ticketSimilarSource(trx, id) : await cardSimilarSource(trx, id);
    if (source) return ok(await indexSimilarSource(trx, source, ctx.clock.now()));
    const indexed = await trx.selectFrom('similar_docs').select('doc_no').where('source_kind', '=', kind).where('source_id', '=', id).executeTakeFirst();
    return ok(indexed ? await unindexSimilarSource(trx, kind, id) : ('absent' as const));
  });
  return result.ok ? result.value : 'absent';
}

async function isIndexed(ctx: AppContext, kind: SimilarSourceKind, id: string): Promise<boolean> {
  const row = await ctx.database.db.selectFrom('similar_docs').select('doc_no').where('source_kind', '=', kind).where('source_id', '=', id).executeTakeFirst();
  return row !== undefined;
}
