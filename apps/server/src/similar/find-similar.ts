import type { Kysely } from 'kysely';
import type { Locale } from '@gongdan/domain/shared/localized';
import type { SimilarCaseDtoT, SimilarResultDtoT } from '@gongdan/contracts/knowledge';
import type { DB } from '../storage/tables.ts';
import { parseJson } from '../shared/json.ts';
import { idf, lengthFactor, rankDocuments } from './bm25-ranker.ts';
import { attr, isAttributeTerm, normalizeModel, queryTerms, type SimilarSourceKind } from './similar-document.ts';
import { loadPostingBlocks, loadSimilarDocs, loadSimilarStats, loadTermFrequencies, type PostingBlock } from './similar-index.repository.ts';
import { codedLabel } from './taxonomy-labels.ts';

export type SimilarScope = 'all' | 'model' | 'line';

export interface SimilarRequest {
  text: string;
  model: string | null;
  productLine: string | null;
  faultType: string | null;
  scope: SimilarScope;
  kinds?: readonly SimilarSourceKind[] | undefined;
  limit: number;
  /** The asking ticket: neither it nor cards made from it are "similar" to itself. */
  excludeTicketId?: string | null;
  /** Decode every query term's postings (no candidate budget); the bench compares against this. */
  exhaustive?: boolean;
}

/** At most this many query words are scored (the rarest); long descriptions add noise, not recall. */
const MAX_WORDS = 32;
/** Published, reviewed knowledge outranks a single ticket with the same evidence. */
const CARD_BOOST = 1.15;
/**
 * Candidate generation decodes the rarest terms' posting lists up to this many postings (always at
 * least the rarest term's); the most common terms ("空调", the fault type) then only re-rank.
 */
const CANDIDATE_POSTINGS = 150_000;
const CANDIDATES = 200;

/**
 * Top resolved tickets and published cards for a fault description (ADR 013): BM25 over the
 * persisted posting blocks, same fault type / cause / model as extra terms, model or product line
 * as hard filters when asked. Each result says why it matched.
 */
export async function findSimilar(db: Kysely<DB>, req: SimilarRequest, locale: Locale): Promise<SimilarResultDtoT> {
  const q = queryTerms({ text: req.text, model: req.model, productLine: req.productLine, faultType: req.faultType });
  const filters: string[] = [];
  if (req.scope === 'model' && req.model && normalizeModel(req.model)) filters.push(attr.model(req.model));
  if (req.scope === 'line' && req.productLine?.trim()) filters.push(attr.productLine(req.productLine));
  if (req.kinds && req.kinds.length === 1) filters.push(attr.kind(req.kinds[0] as SimilarSourceKind));
  const stats = await loadSimilarStats(db);
  const base = {
    query: { terms: q.words, faultType: codedLabel('faultTypes', q.faultType, locale), model: req.model, scope: req.scope },
    indexedCount: stats.docCount,
  };
  const df = await loadTermFrequencies(db, [...q.words, ...q.attributes, ...filters]);
  if (filters.some((f) => !df.has(f)) || stats.docCount === 0) return { items: [], ...base };
  const weight = new Map<string, number>();
  const words = q.words.filter((w) => df.has(w))
    .map((w) => ({ w, idf: idf(stats.docCount, df.get(w) as number) }))
    .sort((a, b) => b.idf - a.idf || (a.w < b.w ? -1 : 1))
    .slice(0, MAX_WORDS);
  for (const { w, idf: i } of words) weight.set(w, i);
  for (const a of q.attributes) if (df.has(a)) weight.set(a, idf(stats.docCount, df.get(a) as number));
  if (words.length === 0) return { items: [], ...base };

  // Phase 1: candidates from the rarest terms (every term when the corpus is small), BM25 partial scores.
  const byRarity = [...weight.keys()].sort((a, b) => (df.get(a) as number) - (df.get(b) as number) || (a < b ? -1 : 1));
  const phase1: string[] = [];
  let decoded = 0;
  for (const term of byRarity) {
    const n = df.get(term) as number;
    if (!req.exhaustive && phase1.length > 0 && decoded + n > CANDIDATE_POSTINGS) break;
    phase1.push(term);
    decoded += n;
  }
  const blocks = await loadPostingBlocks(db, [...phase1, ...filters]);
  const byTerm = new Map<string, Uint8Array[]>();
  for (const b of blocks as PostingBlock[]) {
    const list = byTerm.get(b.term) ?? [];
    list.push(b.data);
    byTerm.set(b.term, list);
  }
  const exclude = new Set<number>();
  if (req.excludeTicketId) {
    const own = await db.selectFrom('similar_docs').select('doc_no')
      .where((eb) => eb.or([
        eb.and([eb('source_kind', '=', 'ticket'), eb('source_id', '=', req.excludeTicketId as string)]),
        eb('origin_ticket_id', '=', req.excludeTicketId as string),
      ])).execute();
    for (const r of own) exclude.add(Number(r.doc_no));
  }
  const avgdl = stats.totalLen / stats.docCount;
  const candidates1 = rankDocuments({
    scored: phase1.map((term) => ({ weight: weight.get(term) as number, blocks: byTerm.get(term) ?? [] })),
    filters: filters.map((f) => byTerm.get(f) ?? []),
    exclude, docNoLimit: stats.nextDocNo, avgdl, k: req.exhaustive ? Math.max(CANDIDATES, req.limit * 3) : CANDIDATES,
  });
  // Phase 2: exact BM25 over every query term from the candidates' own term lists.
  const candidateDocs = await loadSimilarDocs(db, candidates1.map((r) => r.docNo));
  const ranked = candidateDocs.map((d) => {
    const has = new Set(d.terms);
    let score = 0;
    for (const [term, w] of weight) if (has.has(term)) score += w;
    return { docNo: d.docNo, score: score * lengthFactor(d.dl, avgdl) };
  });
  const docs = new Map(candidateDocs.map((d) => [d.docNo, d]));
  const queryWords = new Set(words.map((x) => x.w));
  const candidates = ranked.flatMap((r) => {
    const doc = docs.get(r.docNo);
    if (!doc) return [];
    const shared = doc.terms.filter((t) => !isAttributeTerm(t) && queryWords.has(t))
      .sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0));
    const has = (t: string) => doc.terms.includes(t);
    const sameFaultType = q.faultType !== null && has(attr.faultType(q.faultType));
    // Only a shared word or the same fault type makes a case similar; the same model alone does not.
    if (shared.length === 0 && !sameFaultType) return [];
    return [{
      doc, score: r.score * (doc.kind === 'card' ? CARD_BOOST : 1), shared: dropCovered(shared).slice(0, 6), sameFaultType,
      sameModel: req.model !== null && normalizeModel(req.model) !== '' && has(attr.model(req.model)),
      sameCause: q.cause !== null && has(attr.cause(q.cause)),
    }];
  }).sort((a, b) => b.score - a.score || a.doc.docNo - b.doc.docNo).slice(0, req.limit);

  const ticketIds = candidates.filter((c) => c.doc.kind === 'ticket').map((c) => c.doc.sourceId);
  const cardIds = candidates.filter((c) => c.doc.kind === 'card').map((c) => c.doc.sourceId);
  const tickets = ticketIds.length === 0 ? [] : await db.selectFrom('tickets').leftJoin('devices', 'devices.id', 'tickets.device_id')
    .select(['tickets.id', 'tickets.number', 'tickets.title', 'tickets.description', 'tickets.resolution', 'tickets.fault_type', 'tickets.resolved_at', 'devices.model'])
    .where('tickets.id', 'in', ticketIds).execute();
  const cards = cardIds.length === 0 ? [] : await db.selectFrom('knowledge_cards')
    .select(['id', 'title', 'symptom', 'cause', 'steps', 'model', 'fault_type', 'published_at', 'helped_count'])
    .where('id', 'in', cardIds).where('status', '=', 'published').execute();
  const ticketById = new Map(tickets.map((t) => [t.id, t]));
  const cardById = new Map(cards.map((c) => [c.id, c]));
  const items: SimilarCaseDtoT[] = [];
  for (const c of candidates) {
    const why = { sharedTerms: c.shared, sameModel: c.sameModel, sameFaultType: c.sameFaultType, sameCause: c.sameCause, summary: summarize(c, q.faultType, locale) };
    const score = Math.round(c.score * 100) / 100;
    if (c.doc.kind === 'ticket') {
      const t = ticketById.get(c.doc.sourceId);
      if (!t) continue;
      items.push({
        kind: 'ticket', id: t.id, number: t.number, title: t.title, symptom: t.description, cause: null,
        resolution: t.resolution ?? '', steps: [], model: t.model ?? null, faultType: codedLabel('faultTypes', t.fault_type, locale),
        resolvedAt: t.resolved_at, helpedCount: null, score, why,
      });
    } else {
      const k = cardById.get(c.doc.sourceId);
      if (!k) continue;
      const steps = parseJson<string[]>(k.steps, []);
      items.push({
        kind: 'card', id: k.id, number: null, title: k.title, symptom: k.symptom, cause: k.cause || null,
        resolution: steps.join('；'), steps, model: k.model, faultType: codedLabel('faultTypes', k.fault_type, locale),
        resolvedAt: k.published_at, helpedCount: k.helped_count, score, why,
      });
    }
  }
  return { items, ...base };
}

/** "滤网" and "网脏" say nothing more once "滤网脏堵" is listed. */
function dropCovered(terms: string[]): string[] {
  return terms.filter((t) => !terms.some((o) => o !== t && o.length > t.length && o.includes(t)));
}

function summarize(c: { shared: string[]; sameModel: boolean; sameFaultType: boolean; sameCause: boolean }, faultType: string | null, locale: Locale): string {
  const en = locale === 'en-US';
  const parts: string[] = [];
  if (c.sameFaultType && faultType) parts.push(en ? `same fault type (${codedLabel('faultTypes', faultType, locale)?.label})` : `同一故障类型（${codedLabel('faultTypes', faultType, locale)?.label}）`);
  if (c.sameModel) parts.push(en ? 'same model' : '同型号');
  if (c.sameCause) parts.push(en ? 'same cause' : '同一原因');
  if (c.shared.length > 0) parts.push(en ? `shared words: ${c.shared.slice(0, 4).join(', ')}` : `共同关键词：${c.shared.slice(0, 4).join('、')}`);
  return parts.join(en ? '; ' : '；');
}
