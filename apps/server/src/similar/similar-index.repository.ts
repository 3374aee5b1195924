import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../storage/database.ts';
import type { DB } from '../storage/tables.ts';
import { BLOCK_SIZE, decodePostings, encodePostings, withPosting } from './posting-codec.ts';
import { documentTerms, type SimilarSource, type SimilarSourceKind } from './similar-document.ts';

/**
 * Storage of the similar-case index (ADR 013). Writers call these inside their transaction;
 * on Postgres the statistics row is locked first, so index writers run one at a time and never
 * deadlock on posting blocks. The index is only ever written through `indexSimilarSource` and
 * `unindexSimilarSource` — by the outbox handler in production and by the bench's bulk loader
 * through the same codec.
 */
type Db = Kysely<DB>;

export interface SimilarStats {
  nextDocNo: number;
  docCount: number;
  totalLen: number;
}

export async function loadSimilarStats(db: Db, opts: { forUpdate?: boolean } = {}): Promise<SimilarStats> {
  let q = db.selectFrom('similar_stats').select(['next_doc_no', 'doc_count', 'total_len']).where('id', '=', 'main');
  if (opts.forUpdate && dialectOf(db) === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? { nextDocNo: Number(row.next_doc_no), docCount: Number(row.doc_count), totalLen: Number(row.total_len) } : { nextDocNo: 1, docCount: 0, totalLen: 0 };
}

async function saveStats(db: Db, s: SimilarStats): Promise<void> {
  await db.updateTable('similar_stats').set({ next_doc_no: s.nextDocNo, doc_count: s.docCount, total_len: s.totalLen }).where('id', '=', 'main').execute();
}

const toBytes = (data: Uint8Array | Buffer): Uint8Array => (data instanceof Uint8Array ? data : new Uint8Array(data));

/** The block of `term` whose range holds `docNo` (the one with the greatest key ≤ docNo). */
async function blockFor(db: Db, term: string, docNo: number) {
  let q = db.selectFrom('similar_postings').select(['block_key', 'n', 'data'])
    .where('term', '=', term).where('block_key', '<=', docNo).orderBy('block_key', 'desc').limit(1);
  if (dialectOf(db) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

async function addPosting(db: Db, term: string, docNo: number, dl: number): Promise<void> {
  const block = await blockFor(db, term, docNo);
  if (block) {
    const postings = decodePostings(toBytes(block.data));
    const last = postings[postings.length - 1];
    const appending = !last || docNo > last.docNo;
    if (!(appending && postings.length >= BLOCK_SIZE)) {
      const next = withPosting(postings, { docNo, dl });
      await db.updateTable('similar_postings').set({ n: next.length, data: Buffer.from(encodePostings(next)) })
        .where('term', '=', term).where('block_key', '=', block.block_key).execute();
      return;
    }
  }
  await db.insertInto('similar_postings').values({ term, block_key: docNo, n: 1, data: Buffer.from(encodePostings([{ docNo, dl }])) }).execute();
}

async function removePosting(db: Db, term: string, docNo: number): Promise<void> {
  const block = await blockFor(db, term, docNo);
  if (!block) return;
  const next = decodePostings(toBytes(block.data)).filter((p) => p.docNo !== docNo);
  if (next.length === 0) {
    await db.deleteFrom('similar_postings').where('term', '=', term).where('block_key', '=', block.block_key).execute();
  } else {
    await db.updateTable('similar_postings').set({ n: next.length, data: Buffer.from(encodePostings(next)) })
      .where('term', '=', term).where('block_key', '=', block.block_key).execute();
  }
}

export type IndexOutcome = 'indexed' | 'unchanged' | 'removed' | 'absent';

/**
 * Indexes (or re-indexes) one source. Idempotent: the same source twice changes nothing, so a
 * redelivered outbox message is harmless. Keeps the document number, so blocks stay ordered.
 */
export async function indexSimilarSource(trx: Db, source: SimilarSource, now: Date): Promise<IndexOutcome> {
  const stats = await loadSimilarStats(trx, { forUpdate: true });
  const { terms, dl } = documentTerms(source);
  const existing = await trx.selectFrom('similar_docs').select(['doc_no', 'dl', 'terms', 'origin_ticket_id'])
    .where('source_kind', '=', source.kind).where('source_id', '=', source.id).executeTakeFirst();
  const sorted = [...terms].sort();
  if (existing && existing.dl === dl && existing.terms === JSON.stringify(sorted) && existing.origin_ticket_id === source.originTicketId) return 'unchanged';
  let docNo: number;
  if (existing) {
    docNo = Number(existing.doc_no);
    for (const term of JSON.parse(existing.terms) as string[]) await removePosting(trx, term, docNo);
    stats.totalLen += dl - existing.dl;
    await trx.updateTable('similar_docs').set({ dl, terms: JSON.stringify(sorted), origin_ticket_id: source.originTicketId, indexed_at: now.toISOString() })
      .where('doc_no', '=', docNo).execute();
  } else {
    docNo = stats.nextDocNo++;
    stats.docCount += 1;
    stats.totalLen += dl;
    await trx.insertInto('similar_docs').values({
      doc_no: docNo, source_kind: source.kind, source_id: source.id, origin_ticket_id: source.originTicketId,
      dl, terms: JSON.stringify(sorted), indexed_at: now.toISOString(),
    }).execute();
  }
  for (const term of sorted) await addPosting(trx, term, docNo, dl);
  await saveStats(trx, stats);
  return 'indexed';
}

/** Takes a source out of the index (reopened ticket, unpublished card). Idempotent. */
export async function unindexSimilarSource(trx: Db, kind: SimilarSourceKind, id: string): Promise<IndexOutcome> {
  const stats = await loadSimilarStats(trx, { forUpdate: true });
  const existing = await trx.selectFrom('similar_docs').select(['doc_no', 'dl', 'terms'])
    .where('source_kind', '=', kind).where('source_id', '=', id).executeTakeFirst();
  if (!existing) return 'absent';
  const docNo = Number(existing.doc_no);
  for (const term of JSON.parse(existing.terms) as string[]) await removePosting(trx, term, docNo);
  await trx.deleteFrom('similar_docs').where('doc_no', '=', docNo).execute();
  stats.docCount -= 1;
  stats.totalLen -= existing.dl;
  await saveStats(trx, stats);
  return 'removed';
}

/** Document frequency of each term (sum of its blocks' sizes); absent terms are left out. */
export async function loadTermFrequencies(db: Db, terms: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (terms.length === 0) return out;
  const rows = await db.selectFrom('similar_postings').select(['term', sql<number>`sum(n)`.as('df')])
    .where('term', 'in', [...terms]).groupBy('term').execute();
  for (const r of rows) out.set(r.term, Number(r.df));
  return out;
}

export interface PostingBlock {
  term: string;
  data: Uint8Array;
}

export async function loadPostingBlocks(db: Db, terms: readonly string[]): Promise<PostingBlock[]> {
  if (terms.length === 0) return [];
  const rows = await db.selectFrom('similar_postings').select(['term', 'data']).where('term', 'in', [...terms]).execute();
  return rows.map((r) => ({ term: r.term, data: toBytes(r.data) }));
}

export interface SimilarDocRow {
  docNo: number;
  kind: SimilarSourceKind;
  sourceId: string;
  originTicketId: string | null;
  dl: number;
  terms: string[];
}

export async function loadSimilarDocs(db: Db, docNos: readonly number[]): Promise<SimilarDocRow[]> {
  if (docNos.length === 0) return [];
  const rows = await db.selectFrom('similar_docs').select(['doc_no', 'source_kind', 'source_id', 'origin_ticket_id', 'dl', 'terms'])
    .where('doc_no', 'in', [...docNos]).execute();
  return rows.map((r) => ({
    docNo: Number(r.doc_no), kind: r.source_kind as SimilarSourceKind, sourceId: r.source_id, originTicketId: r.origin_ticket_id,
    dl: Number(r.dl), terms: JSON.parse(r.terms) as string[],
  }));
}

/** Empties the index and resets its statistics (the caller holds the stats row lock). */
export async function clearSimilarIndex(db: Db): Promise<void> {
  await db.deleteFrom('similar_postings').execute();
  await db.deleteFrom('similar_docs').execute();
  await db.updateTable('similar_stats').set({ next_doc_no: 1, doc_count: 0, total_len: 0 }).where('id', '=', 'main').execute();
}

/** Ids of tickets with a resolution, after `after` in id order: candidates for the index. */
export async function resolvedTicketIdsAfter(db: Db, after: string, limit: number): Promise<string[]> {
  return (await db.selectFrom('tickets').select('id').where('resolution', 'is not', null).where('resolution', '!=', '')
    .where('id', '>', after).orderBy('id').limit(limit).execute()).map((r) => r.id);
}

/** Ids of published knowledge cards, after `after` in id order. */
export async function publishedCardIdsAfter(db: Db, after: string, limit: number): Promise<string[]> {
  return (await db.selectFrom('knowledge_cards').select('id').where('status', '=', 'published')
    .where('id', '>', after).orderBy('id').limit(limit).execute()).map((r) => r.id);
}
