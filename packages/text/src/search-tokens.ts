/**
 * Tokenisation shared by the parser, the server's full-text search (SQLite FTS5 / Postgres
 * tsvector 'simple') and similar-case lookup. Index and query text must go through the same
 * function in every runtime, so this module has no IO and no runtime-specific API.
 */
import { defaultTaxonomy } from './default-taxonomy.data.ts';
import type { Segmenter, Token } from './dictionary-segmenter.ts';
import { buildNoteLexicon } from './note-lexicon.ts';
import { normalizeText } from './normalize-text.ts';

let defaultSegmenter: Segmenter | null = null;

function segmenter(): Segmenter {
  defaultSegmenter ??= buildNoteLexicon(defaultTaxonomy).segmenter;
  return defaultSegmenter;
}

/** A word of the input, with offsets into the ORIGINAL text. */
export interface SegmentedWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** True when the dictionary knows the word (taxonomy, part, grammar or general vocabulary). */
  readonly known: boolean;
}

/**
 * Segments text into words with the default dictionary (bidirectional maximum matching).
 * Fillers and punctuation are dropped; words are normalised (half-width, lower case,
 * simplified), offsets point into the original text.
 */
export function segment(text: string): SegmentedWord[] {
  const norm = normalizeText(text);
  return segmenter().segment(norm.text)
    .filter((t: Token) => t.kind !== 'punct')
    .map((t: Token) => {
      const start = norm.offsets[t.start] ?? 0;
      const end = (norm.offsets[t.end - 1] ?? start) + 1;
      return { text: t.text, start, end, known: t.kind === 'word' };
    });
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Search terms for indexing and querying: dictionary words as they are, ASCII words lower-cased,
 * and runs of unknown Chinese characters as overlapping bigrams (so "压缩机" is findable even if
 * a tenant's text uses an unknown compound around it). Multi-character known words also emit
 * their bigrams, which lets "滤网" find "滤网脏堵". Order is stable; duplicates are removed.
 */
export function tokenizeForSearch(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const emit = (term: string): void => {
    if (term.length > 0 && !seen.has(term)) { seen.add(term); out.push(term); }
  };
  const bigrams = (run: string): void => {
    if (run.length === 1) { emit(run); return; }
    for (let i = 0; i + 1 < run.length; i++) emit(run.slice(i, i + 2));
  };
  let unknownRun = '';
  const flush = (): void => { if (unknownRun) bigrams(unknownRun); unknownRun = ''; };
  for (const word of segment(text)) {
    const cjk = CJK.test(word.text);
    if (!word.known && cjk && word.text.length === 1) { unknownRun += word.text; continue; }
    flush();
    emit(word.text);
    if (cjk && word.text.length > 2) bigrams(word.text);
  }
  flush();
  return out;
}
