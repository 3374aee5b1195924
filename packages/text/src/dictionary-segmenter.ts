/**
 * Dictionary segmenter: bidirectional maximum matching over a word list.
 *
 * Why our own and not jieba: the same code and dictionary must give byte-identical tokens in
 * Node, in the field PWA offline and in the server's search index, with no wasm and no network.
 * Domain notes are short and the domain dictionary is what matters, so maximum matching over
 * taxonomy words + a general lexicon is accurate enough and costs microseconds per note.
 */

/** What a token is: a dictionary word, an unknown ASCII run, an unknown single character, or a separator. */
export type TokenKind = 'word' | 'ascii' | 'char' | 'punct';

/** One token with offsets into the text that was segmented. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
}

/** A segmenter built from one word list. */
export interface Segmenter {
  segment(text: string): Token[];
  has(word: string): boolean;
}

const ASCII_WORD = /[a-z0-9]/;
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
// Separators end a chunk; everything else (CJK, ASCII words, other scripts) is matched.
const SEPARATOR = /[\s,.!?;:、，。！？；：…()（）[\]【】"'“”‘’《》<>\/\\|~`@#$%^&*+=_-]/;

interface Unit { readonly text: string; readonly start: number; readonly end: number; readonly ascii: boolean }

/**
 * Splits a separator-free chunk into units: whole ASCII alnum runs or single characters. With a
 * dictionary, an unknown ASCII run that is entirely made of known words ("biosreset", "printoffline"
 * when speech recognition drops the spaces) becomes one unit per word; runs with any unknown piece stay
 * whole, so "token" never yields "ok".
 */
function toUnits(text: string, from: number, to: number, dict?: ReadonlySet<string>): Unit[] {
  const units: Unit[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i] as string;
    if (ASCII_WORD.test(ch)) {
      let j = i + 1;
      while (j < to && ASCII_WORD.test(text[j] as string)) j++;
      const pieces = dict && j - i >= 4 && j - i <= 24 && !dict.has(text.slice(i, j)) ? splitAscii(text, i, j, dict) : null;
      if (pieces) units.push(...pieces);
      else units.push({ text: text.slice(i, j), start: i, end: j, ascii: true });
      i = j;
    } else {
      units.push({ text: ch, start: i, end: i + 1, ascii: false });
      i++;
    }
  }
  return units;
}

/** Covers text[from, to) with known ASCII words (longest first, with backtracking), or returns null. */
function splitAscii(text: string, from: number, to: number, dict: ReadonlySet<string>): Unit[] | null {
  const out: Unit[] = [];
  const go = (i: number): boolean => {
    if (i === to) return true;
    for (let j = to; j >= i + 2; j--) {
      const piece = text.slice(i, j);
      if (!dict.has(piece) && !/^(?:[a-z]{1,3}\d{1,4}|\d+)$/.test(piece)) continue;
      out.push({ text: piece, start: i, end: j, ascii: true });
      if (go(j)) return true;
      out.pop();
    }
    return false;
  };
  return go(from) && out.length > 1 ? out : null;
}

function unitCount(word: string): number {
  return toUnits(word, 0, word.length).length;
}

/** Builds a segmenter. Words are expected already normalised (lower case, simplified). */
export function createSegmenter(words: Iterable<string>): Segmenter {
  const dict = new Set<string>();
  let maxUnits = 1;
  for (const raw of words) {
    const word = raw.replace(/\s+/g, ' ').trim();
    if (word.length === 0) continue;
    dict.add(word);
    maxUnits = Math.max(maxUnits, unitCount(word));
  }

  const tokenOf = (units: readonly Unit[], a: number, b: number): Token => {
    const first = units[a] as Unit;
    const last = units[b - 1] as Unit;
    const text = joinUnits(units, a, b);
    const kind: TokenKind = b - a > 1 || dict.has(text) ? 'word' : first.ascii ? 'ascii' : 'char';
    return { text, start: first.start, end: last.end, kind };
  };

  // Units of a chunk are contiguous in the text, so a slice is the cheapest way to join them.
  let source = '';
  const joinUnits = (units: readonly Unit[], a: number, b: number): string =>
    source.slice((units[a] as Unit).start, (units[b - 1] as Unit).end);

  const forward = (units: readonly Unit[]): Token[] => {
    const out: Token[] = [];
    let i = 0;
    while (i < units.length) {
      let len = Math.min(maxUnits, units.length - i);
      while (len > 1 && !dict.has(joinUnits(units, i, i + len))) len--;
      out.push(tokenOf(units, i, i + len));
      i += len;
    }
    return out;
  };

  const backward = (units: readonly Unit[]): Token[] => {
    const out: Token[] = [];
    let j = units.length;
    while (j > 0) {
      let len = Math.min(maxUnits, j);
      while (len > 1 && !dict.has(joinUnits(units, j - len, j))) len--;
      out.push(tokenOf(units, j - len, j));
      j -= len;
    }
    return out.reverse();
  };

  // Standard tie-break: fewer tokens, then fewer unknown single characters, then fewer single
  // characters at all ("插紧/好了" over "插/紧好/了" in unpunctuated speech), then backward
  // (backward matching is right more often for Chinese modifier-head order).
  const score = (tokens: readonly Token[]): number => {
    let unknown = 0;
    let single = 0;
    for (const t of tokens) {
      if (t.kind === 'char') unknown++;
      if (t.end - t.start === 1 && t.kind !== 'ascii') single++;
    }
    return tokens.length * 1000 + unknown * 10 + single;
  };

  const segmentChunk = (text: string, from: number, to: number, out: Token[]): void => {
    const units = toUnits(text, from, to, dict);
    if (units.length === 1) { out.push(tokenOf(units, 0, 1)); return; }
    const f = forward(units);
    const b = backward(units);
    out.push(...(score(f) < score(b) ? f : b));
  };

  return {
    has: (word) => dict.has(word),
    segment(text: string): Token[] {
      source = text;
      const out: Token[] = [];
      let chunkStart = -1;
      for (let i = 0; i <= text.length; i++) {
        const ch = text[i];
        // A decimal point ("低压才0.2", "v2.1") is part of the number, not a pause.
        const isSep = ch === undefined || (SEPARATOR.test(ch) && !(ch === '.' && isDigit(text[i - 1]) && isDigit(text[i + 1])));
        if (!isSep) { if (chunkStart < 0) chunkStart = i; continue; }
        if (chunkStart >= 0) { segmentChunk(text, chunkStart, i, out); chunkStart = -1; }
        if (ch !== undefined) out.push({ text: ch, start: i, end: i + 1, kind: 'punct' });
      }
      return out;
    },
  };
}
