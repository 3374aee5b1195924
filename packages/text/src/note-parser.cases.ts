/**
 * The parser's behaviour tests state what a note must parse to, field by field; a field left out
 * is not checked. Shared by the per-round test files (never shipped: only tests import it).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNote } from './note-parser.ts';

export type Want = { faultType?: string | null; cause?: string | null; actions?: string[]; result?: string | null };

export function assertParsed(text: string, want: Want): void {
  const got = parseNote(text);
  if ('faultType' in want) assert.equal(got.faultType, want.faultType);
  if ('cause' in want) assert.equal(got.cause, want.cause);
  if ('result' in want) assert.equal(got.result, want.result);
  if (want.actions) assert.deepEqual([...got.actions].sort(), [...want.actions].sort());
}

/** One `describe` per group, one test per note. */
export function describeCases(title: string, groups: Record<string, [string, Want][]>): void {
  describe(title, () => {
    for (const [name, cases] of Object.entries(groups)) {
      describe(name, () => {
        for (const [text, want] of cases) it(text, () => assertParsed(text, want));
      });
    }
  });
}
