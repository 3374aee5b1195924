import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppContext } from '../app-context.ts';
import { HINT_MAX_MS, noteDeadlinePlanned, rememberNextDue, sweepMaySkip } from './sweep-hint.ts';

const ctxFor = () => ({ database: {} }) as unknown as AppContext;

test('the idle sweep skips probes until the earliest deadline or HINT_MAX_MS, and a locally planned deadline wakes it', () => {
  const ctx = ctxFor();
  assert.equal(sweepMaySkip(ctx, 1_000), false, 'no hint yet: probe');
  rememberNextDue(ctx, 1_000, 600_000);
  assert.equal(sweepMaySkip(ctx, 2_000), true);
  assert.equal(sweepMaySkip(ctx, 1_000 + HINT_MAX_MS), false, 'never trusted longer than HINT_MAX_MS (other nodes plan deadlines too)');
  assert.equal(sweepMaySkip(ctx, 500), false, 'a clock that went back probes');
  noteDeadlinePlanned(ctx, 3_000);
  assert.equal(sweepMaySkip(ctx, 2_999), true);
  assert.equal(sweepMaySkip(ctx, 3_000), false, 'due now: probe');
  rememberNextDue(ctx, 4_000, 4_000);
  assert.equal(sweepMaySkip(ctx, 4_000), false, 'something due: no hint');
  rememberNextDue(ctx, 5_000, null);
  assert.equal(sweepMaySkip(ctx, 9_999), true, 'empty table: skip up to HINT_MAX_MS');
  assert.equal(sweepMaySkip(ctxFor(), 6_000), false, 'hints are per database');
});
