import { forEachPosting } from './posting-codec.ts';

/**
 * BM25 over decoded posting blocks, term at a time into one score array (ADR 013). Terms are
 * binary per document (the search tokenizer yields each term once), so a posting contributes
 * idf · (k1 + 1) / (1 + k1 · (1 − b + b · dl / avgdl)).
 */
export const K1 = 1.2;
export const B = 0.75;

export function idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

export interface RankInput {
  /** Posting blocks of the scored terms with each term's weight (idf, boosted for attributes). */
  scored: { weight: number; blocks: Uint8Array[] }[];
  /** Each filter is the blocks of one term; a document must appear in every filter. */
  filters: Uint8Array[][];
  /** Document numbers never returned (the asking ticket itself). */
  exclude: ReadonlySet<number>;
  /** Upper bound (exclusive) of document numbers. */
  docNoLimit: number;
  avgdl: number;
  k: number;
}

/** BM25's length factor for one posting: (k1 + 1) / (1 + k1 · (1 − b + b · dl / avgdl)), dl capped like the postings. */
export function lengthFactor(dl: number, avgdl: number): number {
  return (K1 + 1) / (1 + K1 * (1 - B + (B * Math.min(255, dl)) / (avgdl || 1)));
}

export interface Ranked {
  docNo: number;
  score: number;
}

// One score buffer per process, grown on demand and cleared through the touched list. Ranking is
// synchronous from start to end, so concurrent requests never share it half-way.
let scores = new Float64Array(0);
let touched = new Int32Array(0);
let mask = new Uint8Array(0);

function ensure(limit: number): void {
  if (scores.length < limit) {
    const size = Math.max(limit, Math.ceil(scores.length * 1.5), 1024);
    scores = new Float64Array(size);
    mask = new Uint8Array(size);
  }
}

export function rankDocuments(input: RankInput): Ranked[] {
  ensure(input.docNoLimit);
  const { avgdl } = input;
  // Length normalisation per dl (a byte), computed once.
  const norm = new Float64Array(256);
  for (let dl = 0; dl < 256; dl++) norm[dl] = lengthFactor(dl, avgdl);
  const nFilters = input.filters.length;
  if (nFilters > 0) {
    for (const f of input.filters) {
      for (const block of f) forEachPosting(block, (doc) => { if ((mask[doc] as number) < 255) mask[doc] = (mask[doc] as number) + 1; });
    }
  }
  let nTouched = 0;
  // The hot loop: postings decoded inline (varint gap, length byte) without a callback per posting.
  for (const t of input.scored) {
    const w = t.weight;
    for (const block of t.blocks) {
      const n = block.length;
      let at = 0;
      let doc = 0;
      while (at < n) {
        let b = block[at++] as number;
        let gap = b & 0x7f;
        let mul = 128;
        while (b & 0x80) {
          b = block[at++] as number;
          gap += (b & 0x7f) * mul;
          mul *= 128;
        }
        doc += gap;
        const dl = block[at++] as number;
        if (nFilters > 0 && mask[doc] !== nFilters) continue;
        const s = scores[doc] as number;
        if (s === 0) {
          if (nTouched === touched.length) {
            const grown = new Int32Array(Math.max(1024, touched.length * 2));
            grown.set(touched);
            touched = grown;
          }
          touched[nTouched++] = doc;
        }
        scores[doc] = s + w * (norm[dl] as number);
      }
    }
  }
  // Top-k without sorting per candidate: gather into a buffer of 4k, cut back to k when full.
  const top: Ranked[] = [];
  const cut = (): void => {
    top.sort((a, b) => b.score - a.score || a.docNo - b.docNo);
    top.length = Math.min(top.length, input.k);
  };
  let floor = -Infinity;
  for (let i = 0; i < nTouched; i++) {
    const doc = touched[i] as number;
    const s = scores[doc] as number;
    scores[doc] = 0;
    if (s < floor || input.exclude.has(doc)) continue;
    top.push({ docNo: doc, score: s });
    if (top.length >= input.k * 4) {
      cut();
      floor = (top[top.length - 1] as Ranked).score;
    }
  }
  if (nFilters > 0) for (const f of input.filters) for (const block of f) forEachPosting(block, (doc) => { mask[doc] = 0; });
  cut();
  return top;
}
