/**
 * Scoring of the note parser against labelled notes, the way the product's judge scores:
 * faultType, cause and result must match exactly (null when the note says nothing); each
 * expected action scores when its code is in `actions`. Shared by the benchmark and the
 * accuracy-floor test. Node-only (reads files), never imported by src.
 */
import { readFileSync } from 'node:fs';
import type { ParsedNote } from '../src/taxonomy.types.ts';

/** One labelled note. */
export interface LabelledNote {
  readonly text: string;
  readonly faultType: string | null;
  readonly cause: string | null;
  readonly actions: readonly string[];
  readonly result: string | null;
}

/** Per-field accuracy plus the overall field accuracy. */
export interface Score {
  readonly notes: number;
  readonly faultType: number;
  readonly cause: number;
  readonly result: number;
  readonly actions: number;
  readonly overall: number;
  /** Notes where nothing was expected but the parser reported an action (not judged, shown for honesty). */
  readonly spuriousActions: number;
  readonly misses: { readonly note: LabelledNote; readonly got: ParsedNote; readonly fields: string[] }[];
}

/** Reads a JSONL file of labelled notes (blank lines ignored). */
export function loadNotes(url: URL): LabelledNote[] {
  return readFileSync(url, 'utf8').split('\n').filter((l) => l.trim().length > 0).map((l) => JSON.parse(l) as LabelledNote);
}

/** Scores a parser over labelled notes. */
export function scoreNotes(notes: readonly LabelledNote[], parse: (text: string) => ParsedNote): Score {
  let fault = 0; let cause = 0; let result = 0; let actionHits = 0; let actionTotal = 0; let spurious = 0;
  const misses: Score['misses'][number][] = [];
  for (const note of notes) {
    const got = parse(note.text);
    const fields: string[] = [];
    if (got.faultType === note.faultType) fault++; else fields.push(`faultType ${got.faultType}≠${note.faultType}`);
    if (got.cause === note.cause) cause++; else fields.push(`cause ${got.cause}≠${note.cause}`);
    if (got.result === note.result) result++; else fields.push(`result ${got.result}≠${note.result}`);
    for (const a of note.actions) {
      actionTotal++;
      if (got.actions.includes(a)) actionHits++; else fields.push(`action missing ${a}`);
    }
    const extra = got.actions.filter((a) => !note.actions.includes(a));
    if (note.actions.length === 0 && extra.length > 0) spurious++;
    if (extra.length > 0) fields.push(`extra actions ${extra.join(',')}`);
    if (fields.length > 0) misses.push({ note, got, fields });
  }
  const n = notes.length;
  return {
    notes: n,
    faultType: fault / n,
    cause: cause / n,
    result: result / n,
    actions: actionTotal === 0 ? 1 : actionHits / actionTotal,
    overall: (fault + cause + result + actionHits) / (3 * n + actionTotal),
    spuriousActions: spurious,
    misses,
  };
}

/** Formats a score as one table row. */
export function formatScore(label: string, s: Score): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);
  return `${label.padEnd(9)} n=${String(s.notes).padStart(4)} faultType${pct(s.faultType)} cause${pct(s.cause)} ` +
    `result${pct(s.result)} actions${pct(s.actions)} overall${pct(s.overall)} (spurious actions: ${s.spuriousActions})`;
}
