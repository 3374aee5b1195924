/**
 * The field-note parser: speech-recognised or typed notes → taxonomy codes.
 *
 * Pipeline: normalise (full-width, case, traditional, fillers) → segment with the taxonomy
 * dictionary → split clauses at punctuation and connectives → find hits (words, patterns,
 * part + damage) → annotate negation / plan / "still" / cause markers → decide each field.
 * Runs unchanged in Node and the browser; no IO after construction.
 */
import { defaultTaxonomy } from './default-taxonomy.data.ts';
import { extractErrorCodes } from './error-code-extractor.ts';
import { chooseActions, chooseCause, chooseFault, chooseResult, resolveOverlaps, type FieldChoice } from './note-decision.ts';
import { findHits, splitClauses, type Hit, type NoteToken } from './note-hits.ts';
import { annotateHits } from './note-hit-context.ts';
import { buildNoteLexicon, type NoteLexicon } from './note-lexicon.ts';
import { normalizeText } from './normalize-text.ts';
import type { NoteParser, NoteSpan, ParsedNote, PartEntry, SpanField, TaxonomyConfig } from './taxonomy.types.ts';

/** Collects the parts named in clauses where a replacement was done (or the clause just before). */
function partsReplaced(lexicon: NoteLexicon, tokens: readonly NoteToken[], actions: readonly FieldChoice[]): { name: string; token: NoteToken }[] {
  const replace = actions.find((a) => a.code === 'replace_part');
  if (!replace) return [];
  // A synonym token like "主板烧了" hides its part noun; find the longest part word it starts with.
  const partOf = (t: NoteToken): PartEntry | null => {
    if (t.info?.part) return t.info.part;
    if (!t.info || t.info.terms.length === 0) return null;
    for (let len = t.text.length - 1; len > 0; len--) {
      const part = lexicon.words.get(t.text.slice(0, len))?.part;
      if (part) return part;
    }
    return null;
  };
  const out: { name: string; token: NoteToken }[] = [];
  const add = (token: NoteToken): void => {
    const part = partOf(token);
    if (part && !out.some((p) => p.name === part.name)) out.push({ name: part.name, token });
  };
  const byClause = new Map<number, NoteToken[]>();
  for (const t of tokens) {
    if (!t.info) continue;
    const list = byClause.get(t.clause);
    if (list) list.push(t); else byClause.set(t.clause, [t]);
  }
  for (const hit of replace.hits) {
    const inClause = (byClause.get(hit.clause) ?? []).filter((t) => t.info?.part);
    if (inClause.length > 0) { inClause.forEach(add); continue; }
    // "主板烧了，换了": the object was named in the previous clause.
    const before = (byClause.get(hit.clause - 1) ?? []).filter((t) => partOf(t) !== null);
    const last = before[before.length - 1];
    if (last) add(last);
  }
  return out;
}

/** Parses with a prebuilt lexicon. */
function parseWith(lexicon: NoteLexicon, input: string): ParsedNote {
  const norm = normalizeText(input);
  const { tokens, clauses } = splitClauses(lexicon.segmenter.segment(norm.text), lexicon);
  const raw = findHits(norm.text, tokens, lexicon);
  annotateHits(raw, tokens, clauses);
  const hits = resolveOverlaps(raw);
  const consumed = new Set<number>();
  for (const h of hits) for (let k = h.tokFrom; k < h.tokTo; k++) if (h.tokTo - h.tokFrom > 1) consumed.add(k);

  const errorCodes = extractErrorCodes(norm.text);
  const fault = chooseFault(hits, errorCodes[0]?.start ?? null, tokens);
  const cause = chooseCause(hits, (c) => clauses[c]?.contrast ?? false);
  const actions = chooseActions(hits, tokens);
  const result = chooseResult(hits, tokens, consumed);
  const parts = partsReplaced(lexicon, tokens, actions);

  const spans: NoteSpan[] = [];
  const span = (field: SpanField, code: string, start: number, end: number): void => {
    const a = norm.offsets[start] ?? 0;
    const b = (norm.offsets[end - 1] ?? a) + 1;
    spans.push({ field, code, start: a, end: b, text: input.slice(a, b) });
  };
  const spanHits = (field: SpanField, choice: FieldChoice): void => {
    if (choice.code !== null) for (const h of choice.hits) span(field, choice.code, h.start, h.end);
  };
  spanHits('faultType', fault);
  spanHits('cause', cause);
  actions.forEach((a) => spanHits('action', a));
  spanHits('result', result);
  parts.forEach((p) => span('part', p.name, p.token.start, p.token.end));
  errorCodes.forEach((e) => span('errorCode', e.code, e.start, e.end));
  spans.sort((x, y) => x.start - y.start || x.end - y.end);

  const actionConfidence = actions.length === 0 ? 0 : actions.reduce((s, a) => s + a.confidence, 0) / actions.length;
  return {
    faultType: fault.code,
    cause: cause.code,
    actions: actions.map((a) => a.code as string),
    result: result.code,
    parts: parts.map((p) => p.name),
    errorCodes: errorCodes.map((e) => e.code),
    confidence: {
      faultType: round(fault.confidence), cause: round(cause.confidence), actions: round(actionConfidence), result: round(result.confidence),
    },
    spans,
  };
}

const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * Builds a parser from a taxonomy (the default or a tenant's edited copy). Construction compiles
 * the dictionary and patterns once (a few milliseconds); `parse` is then pure and fast.
 * Throws if a taxonomy pattern is not a valid regular expression.
 */
export function createNoteParser(taxonomy: TaxonomyConfig): NoteParser {
  const lexicon = buildNoteLexicon(taxonomy);
  return { parse: (text: string) => parseWith(lexicon, text) };
}

let defaultParser: NoteParser | null = null;

/** Parses a note with the default taxonomy (the parser is built lazily on first use). */
export function parseNote(text: string): ParsedNote {
  defaultParser ??= createNoteParser(defaultTaxonomy);
  return defaultParser.parse(text);
}

/** Exposed for tests and the benchmark: the hits behind a parse, for explaining decisions. */
export function explainNote(text: string, taxonomy: TaxonomyConfig = defaultTaxonomy): Hit[] {
  const lexicon = buildNoteLexicon(taxonomy);
  const norm = normalizeText(text);
  const { tokens, clauses } = splitClauses(lexicon.segmenter.segment(norm.text), lexicon);
  const hits = findHits(norm.text, tokens, lexicon);
  annotateHits(hits, tokens, clauses);
  return resolveOverlaps(hits);
}
