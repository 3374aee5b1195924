/**
 * Posting blocks of the similar-case index: one block holds up to BLOCK_SIZE postings of one
 * term, sorted by document number. Each posting is the gap to the previous document number as
 * an unsigned LEB128 varint, then the document's length in terms (capped at 255) as one byte —
 * BM25 needs the length and the query must not look documents up one by one.
 */
export const BLOCK_SIZE = 4096;

export interface Posting {
  docNo: number;
  dl: number;
}

export function encodePostings(postings: readonly Posting[]): Uint8Array {
  const out = new Uint8Array(postings.length * 6);
  let at = 0;
  let prev = 0;
  for (const p of postings) {
    let gap = p.docNo - prev;
    if (gap < 0 || (prev !== 0 && gap === 0)) throw new Error('postings must be strictly ascending');
    prev = p.docNo;
    while (gap >= 0x80) {
      out[at++] = (gap & 0x7f) | 0x80;
      gap = Math.floor(gap / 128);
    }
    out[at++] = gap;
    out[at++] = Math.min(255, Math.max(0, p.dl));
  }
  return out.slice(0, at);
}

export function decodePostings(data: Uint8Array): Posting[] {
  const out: Posting[] = [];
  forEachPosting(data, (docNo, dl) => { out.push({ docNo, dl }); });
  return out;
}

/** Streams a block without allocating postings (the query's hot loop). */
export function forEachPosting(data: Uint8Array, visit: (docNo: number, dl: number) => void): void {
  let at = 0;
  let doc = 0;
  const n = data.length;
  while (at < n) {
    let gap = 0;
    let mul = 1;
    let b = data[at++] as number;
    while (b & 0x80) {
      gap += (b & 0x7f) * mul;
      mul *= 128;
      b = data[at++] as number;
    }
    gap += b * mul;
    doc += gap;
    visit(doc, data[at++] as number);
  }
}

/** Inserts (or replaces) one posting, keeping the order. */
export function withPosting(postings: readonly Posting[], p: Posting): Posting[] {
  const out = postings.filter((x) => x.docNo !== p.docNo);
  let i = out.length;
  while (i > 0 && (out[i - 1] as Posting).docNo > p.docNo) i--;
  out.splice(i, 0, p);
  return out;
}
