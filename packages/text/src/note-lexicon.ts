/**
 * Builds the parser's dictionary from a taxonomy: every synonym, part noun and grammar word
 * becomes a segmenter word carrying tags, and every pattern becomes a compiled RegExp.
 * Built once per taxonomy, so parsing itself does no allocation-heavy setup.
 */
import { createSegmenter, type Segmenter } from './dictionary-segmenter.ts';
import {
  BREAKAGE_WORDS, CAUSE_MARKERS, CONNECTIVES, CONTRAST, DAMAGE_WORDS, DONE_MARKERS, GENERAL_WORDS, NEGATION_BARRIERS,
  DISCLAIMERS, NEGATORS, NO_LONGER, PAST_MARKERS, PLAN_MARKERS, STILL_MARKERS, SUSPICION_MARKERS, UNRESOLVED_WORDS,
} from './grammar-lexicon.data.ts';
import { normalizeChar } from './normalize-text.ts';
import type { LangTerms, PartEntry, TaxonomyConfig, TaxonomyGroup } from './taxonomy.types.ts';

/** Grammar roles of a word, as bit flags so one word can play several ("建议客户" = plan + guide). */
export const F = {
  neg: 1, noLonger: 2, plan: 4, done: 8, still: 16, unresolved: 32, connective: 64, contrast: 128,
  causeMarker: 256, suspicion: 512, damage: 1024, breakage: 2048, le: 4096, barrier: 8192, past: 16384, disclaimer: 32768,
} as const;

/** A taxonomy code a word stands for. */
export interface TermTag {
  readonly group: TaxonomyGroup;
  readonly code: string;
  readonly weak: boolean;
}

/** Everything the dictionary knows about one word. */
export interface WordInfo {
  flags: number;
  terms: TermTag[];
  part: PartEntry | null;
}

/** A compiled taxonomy pattern. */
export interface CompiledPattern {
  readonly group: TaxonomyGroup;
  readonly code: string;
  readonly regex: RegExp;
  /** One of these characters must occur in the text for the pattern to match; null = always try. */
  readonly triggers: readonly string[] | null;
  /**
   * Characters a match can START with (first characters of the optional elements up to and including the
   * first mandatory one), or null when the shape is too complex. With them the pattern is tried, sticky,
   * only at token starts beginning with one of these characters instead of scanning the whole note.
   */
  readonly starts: ReadonlySet<string> | null;
  /** The same regular expression with the sticky flag, for tries at one position. */
  readonly sticky: RegExp;
}

/** The built dictionary. */
export interface NoteLexicon {
  readonly segmenter: Segmenter;
  readonly words: ReadonlyMap<string, WordInfo>;
  readonly patterns: readonly CompiledPattern[];
  /** Indices into `patterns` by the characters a match can start with (patterns whose `starts` is known). */
  readonly patternsByStart: ReadonlyMap<string, readonly number[]>;
  /** Indices of patterns without known start characters: scanned over the whole note. */
  readonly scanPatterns: readonly number[];
  /** Codes per group, used to guarantee outputs always belong to the taxonomy. */
  readonly codes: Readonly<Record<TaxonomyGroup, ReadonlySet<string>>>;
}

/** Normalises a dictionary term the same way input text is normalised (minus filler removal). */
export function normalizeTerm(term: string): string {
  let out = '';
  for (const ch of term) out += normalizeChar(ch);
  // Spaces only matter between ASCII words; "reset 了" and "reset了" must be the same word.
  return out.trim().replace(/\s+/g, ' ').replace(/ (?=[^a-z0-9])|(?<=[^a-z0-9]) /g, '');
}

function allTerms(terms: LangTerms | undefined): string[] {
  if (!terms) return [];
  return Object.values(terms).flatMap((list) => (list ?? []).map(normalizeTerm)).filter((t) => t.length > 0);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reorders literal alternatives inside innermost groups, longest first. JS regex alternation is
 * ordered, so "(?:松|松了)" would stop at "松" and then fail the word-boundary check; admins
 * should not have to know that.
 */
export function longestAlternativesFirst(source: string): string {
  return source.replace(/\(\?:([^()]*)\)/g, (whole, body: string) => {
    if (!body.includes('|') || /\\[^d]/.test(body)) return whole;
    const alts = body.split('|').sort((a, b) => b.length - a.length);
    return `(?:${alts.join('|')})`;
  });
}

const SPECIAL = new Set(['(', ')', '[', ']', '\\', '.', '|', '?', '*', '+', '{', '}', '^', '$']);

interface LeadingElement {
  /** The characters a match of this element can start with; null when it is not plain enough to tell. */
  chars: string[] | null;
  optional: boolean;
  /** A capturing group (not `(?:…)`). */
  capture: boolean;
}

/**
 * The pattern's elements from its start up to and including the first mandatory one, each with the
 * characters it can start with. Ends early (after yielding a `chars: null` element) when an element
 * is not plain: a class, an escape, an anchor, a nested group.
 */
function* leadingElements(source: string): Generator<LeadingElement> {
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    let body: string | null = null;
    let capture = false;
    let next = i + 1;
    if (ch === '(') {
      let depth = 0;
      let j = i;
      for (; j < source.length; j++) {
        if (source[j] === '\\') { j++; continue; }
        if (source[j] === '(') depth++;
        else if (source[j] === ')' && --depth === 0) break;
      }
      capture = !source.startsWith('(?:', i);
      body = source.slice(capture ? i + 1 : i + 3, j);
      next = j + 1;
    } else if (SPECIAL.has(ch)) {
      yield { chars: null, optional: false, capture };
      return;
    }
    const q = source[next];
    const optional = q === '?' || q === '*' || (q === '{' && source.startsWith('{0', next));
    let chars: string[] | null = [ch];
    if (body !== null) {
      const alts = body.split('|');
      chars = /[()[\]\\.]/.test(body) || alts.some((a) => a.length === 0 || SPECIAL.has(a[0] as string)) ? null : alts.map((a) => a[0] as string);
    }
    yield { chars, optional, capture };
    if (!optional) return;
    i = q === '{' ? source.indexOf('}', next) + 1 : next + 1;
    if (i <= 0) {
      yield { chars: null, optional: false, capture: false };
      return;
    }
    if (source[i] === '?') i++; // lazy quantifier
  }
}

/**
 * Finds the first mandatory element of a pattern and returns the characters a match of it can
 * start with. A pattern can only match text containing one of them, so parsing skips most
 * patterns with one Set lookup. Returns null when the shape is too complex to be sure.
 */
export function patternTriggers(source: string): string[] | null {
  for (const e of leadingElements(source)) {
    if (e.optional) continue;
    return e.chars === null ? null : [...new Set(e.chars)];
  }
  return null;
}

/** Characters a match of `source` can start with; null when an element before the first mandatory one is not plain. */
export function patternStarts(source: string): Set<string> | null {
  const out = new Set<string>();
  for (const e of leadingElements(source)) {
    if (e.chars === null || e.capture) return null;
    for (const c of e.chars) out.add(c);
    if (!e.optional) return out;
  }
  return null;
}

const FUNCTION_EDGE = /^[了是的得地也都就被把给有在还又再不没很太一]|[了的过得着]$/;

/** Literal content alternatives (2–6 characters, no regex syntax) inside a pattern's groups. */
export function patternPieces(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/\(\?:([^()]*)\)/g)) {
    for (const alt of (m[1] as string).split('|')) {
      // Content pieces only: a piece that starts or ends with a function character ("了一下", "是有", "拔了")
      // would glue grammar onto its neighbours.
      if (alt.length >= 2 && alt.length <= 6 && !/[\\[\]{}?*+.^$]/.test(alt) && !FUNCTION_EDGE.test(alt)) out.push(alt);
    }
  }
  return out;
}

const GROUPS: readonly [TaxonomyGroup, keyof TaxonomyConfig][] = [
  ['faultType', 'faultTypes'], ['cause', 'causes'], ['action', 'actions'], ['result', 'results'],
];

/** Builds the lexicon for one taxonomy. Invalid patterns throw: an admin must see the error at save time. */
export function buildNoteLexicon(taxonomy: TaxonomyConfig): NoteLexicon {
  const words = new Map<string, WordInfo>();
  const info = (word: string): WordInfo => {
    let entry = words.get(word);
    if (!entry) { entry = { flags: 0, terms: [], part: null }; words.set(word, entry); }
    return entry;
  };
  const flag = (list: readonly string[], bit: number): void => {
    for (const w of list) info(normalizeTerm(w)).flags |= bit;
  };
  flag(NEGATORS, F.neg); flag(NO_LONGER, F.noLonger); flag(PLAN_MARKERS, F.plan); flag(DONE_MARKERS, F.done);
  flag(STILL_MARKERS, F.still); flag(UNRESOLVED_WORDS, F.unresolved); flag(CONNECTIVES, F.connective);
  flag(CONTRAST, F.contrast | F.connective); flag(CAUSE_MARKERS, F.causeMarker); flag(SUSPICION_MARKERS, F.suspicion);
  flag(DAMAGE_WORDS, F.damage); flag(BREAKAGE_WORDS, F.breakage); flag(['了', '过'], F.le); flag(NEGATION_BARRIERS, F.barrier);
  flag(PAST_MARKERS, F.past); flag(DISCLAIMERS, F.disclaimer);
  for (const w of GENERAL_WORDS) info(normalizeTerm(w));

  const patterns: CompiledPattern[] = [];
  const codes = { faultType: new Set<string>(), cause: new Set<string>(), action: new Set<string>(), result: new Set<string>() };
  for (const [group, key] of GROUPS) {
    for (const entry of taxonomy[key] as TaxonomyConfig['faultTypes']) {
      codes[group].add(entry.code);
      const add = (term: string, weak: boolean): void => {
        const target = info(term);
        if (!target.terms.some((t) => t.group === group && t.code === entry.code)) target.terms.push({ group, code: entry.code, weak });
      };
      for (const term of allTerms(entry.synonyms)) {
        // Multi-word phrases ("no cooling") span separator tokens, so they are matched as patterns.
        if (term.includes(' ')) {
          patterns.push({ group, code: entry.code, regex: new RegExp(escapeRegExp(term), 'g'), triggers: [term[0] as string],
            starts: new Set([term[0] as string]), sticky: new RegExp(escapeRegExp(term), 'y') });
        }
        else add(term, false);
      }
      for (const term of allTerms(entry.weakSynonyms)) add(term, true);
      for (const source of allTerms(entry.patterns)) {
        const ordered = longestAlternativesFirst(source);
        patterns.push({ group, code: entry.code, regex: new RegExp(ordered, 'g'), triggers: patternTriggers(source),
          starts: patternStarts(source), sticky: new RegExp(ordered, 'y') });
        // The literal pieces of a pattern ("动静", "线头", "摩擦") become plain dictionary words, so the
        // segmenter puts word boundaries where the pattern needs them even in unpunctuated speech.
        for (const piece of patternPieces(source)) if (!words.has(piece)) info(piece);
      }
    }
  }
  for (const part of taxonomy.parts) {
    for (const term of allTerms(part.synonyms)) {
      const target = info(term);
      if (!target.part) target.part = part;
    }
  }
  const patternsByStart = new Map<string, number[]>();
  const scanPatterns: number[] = [];
  patterns.forEach((p, i) => {
    if (p.starts === null) { scanPatterns.push(i); return; }
    for (const c of p.starts) {
      const list = patternsByStart.get(c);
      if (list) list.push(i); else patternsByStart.set(c, [i]);
    }
  });
  return { segmenter: createSegmenter(words.keys()), words, patterns, patternsByStart, scanPatterns, codes };
}
