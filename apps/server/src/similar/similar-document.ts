import { parseNote } from '@gongdan/text/note-parser';
import { tokenizeForSearch } from '@gongdan/text/search-tokens';

/**
 * What the similar-case index knows about one resolved ticket or published knowledge card.
 * Index and query text go through the same function (`documentTerms`), so "滤网" in a query
 * meets "滤网脏堵" in a resolution however either was written.
 */
export type SimilarSourceKind = 'ticket' | 'card';

export interface SimilarSource {
  kind: SimilarSourceKind;
  id: string;
  /** The ticket a card was made from (so a ticket's own card is not offered as "similar"). */
  originTicketId: string | null;
  /** Symptom text (title, fault description) — what a new ticket's description is compared with. */
  symptomText: string;
  /** Resolution text (what was found and done). */
  resolutionText: string;
  model: string | null;
  productLine: string | null;
  faultType: string | null;
  cause: string | null;
}

/**
 * Attribute terms live in the same posting table as words. They cannot collide with words:
 * the search tokenizer never emits '#'. Filters (model, product line, kind) are posting lists too.
 */
export const attr = {
  faultType: (code: string) => `#f:${code}`,
  cause: (code: string) => `#c:${code}`,
  model: (model: string) => `#m:${normalizeModel(model)}`,
  productLine: (line: string) => `#p:${line.trim().toLowerCase()}`,
  kind: (kind: SimilarSourceKind) => `#k:${kind}`,
};

export const isAttributeTerm = (term: string): boolean => term.startsWith('#');

/** Model numbers are compared without case, spaces or separators ("KFR-35GW" = "kfr 35gw"). */
export function normalizeModel(model: string): string {
  return model.toLowerCase().replace(/[\s\-_/.]+/g, '');
}

export interface DocumentTerms {
  /** Every distinct term, attributes included. */
  terms: string[];
  /** Length for BM25: the number of word terms. */
  dl: number;
}

/** Optional caches for bulk indexing (the bench): clause → terms, resolution → parsed cause. */
export interface TermMemo {
  clauses: Map<string, string[]>;
  causes: Map<string, string | null>;
}

const CLAUSE = /[，,。；;！!？?、\n\r]+/;

/**
 * Search terms of a text, clause by clause: a term never spans punctuation (so unknown
 * characters on both sides of a comma do not make a bigram), and equal clauses give equal terms.
 */
export function wordTerms(text: string, memo?: TermMemo): string[] {
  const out = new Set<string>();
  for (const clause of text.split(CLAUSE)) {
    const c = clause.trim();
    if (!c) continue;
    let terms = memo?.clauses.get(c);
    if (!terms) {
      terms = tokenizeForSearch(c).filter((t) => !isAttributeTerm(t));
      if (memo && memo.clauses.size < 2_000_000) memo.clauses.set(c, terms);
    }
    for (const t of terms) out.add(t);
  }
  return [...out];
}

function causeOf(resolution: string, memo?: TermMemo): string | null {
  if (!resolution) return null;
  if (memo?.causes.has(resolution)) return memo.causes.get(resolution) ?? null;
  const cause = parseNote(resolution).cause;
  if (memo && memo.causes.size < 1_000_000) memo.causes.set(resolution, cause);
  return cause;
}

/** The terms one source is indexed under. Unsaid fault type / cause are taken from the parser. */
export function documentTerms(s: SimilarSource, memo?: TermMemo): DocumentTerms {
  const words = wordTerms(`${s.symptomText}\n${s.resolutionText}`, memo);
  const terms = new Set(words);
  const faultType = s.faultType ?? parseNote(s.symptomText).faultType;
  const cause = s.cause ?? causeOf(s.resolutionText, memo);
  if (faultType) terms.add(attr.faultType(faultType));
  if (cause) terms.add(attr.cause(cause));
  if (s.model && normalizeModel(s.model)) terms.add(attr.model(s.model));
  if (s.productLine?.trim()) terms.add(attr.productLine(s.productLine));
  terms.add(attr.kind(s.kind));
  return { terms: [...terms], dl: Math.max(1, words.length) };
}

/** A query: a new ticket's description plus what is known of its device. */
export interface SimilarQuery {
  text: string;
  model: string | null;
  productLine: string | null;
  faultType: string | null;
}

export interface QueryTerms {
  words: string[];
  attributes: string[];
  faultType: string | null;
  cause: string | null;
}

export function queryTerms(q: SimilarQuery): QueryTerms {
  const words = wordTerms(q.text);
  const parsed = parseNote(q.text);
  const faultType = q.faultType ?? parsed.faultType;
  const attributes: string[] = [];
  if (faultType) attributes.push(attr.faultType(faultType));
  if (parsed.cause) attributes.push(attr.cause(parsed.cause));
  if (q.model && normalizeModel(q.model)) attributes.push(attr.model(q.model));
  return { words, attributes, faultType, cause: parsed.cause };
}
