import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatScore, loadNotes, scoreNotes } from '../bench/note-scoring.ts';
import { parseNote } from './note-parser.ts';

// Floors, not targets: they catch regressions. The dev set is what we tune on (≥ 0.9 overall);
// the holdout set is never tuned on, its lower floor only guards against collapse.
describe('note parser accuracy floors', () => {
  it('dev set: overall field accuracy ≥ 0.90 and every field ≥ 0.85', () => {
    const score = scoreNotes(loadNotes(new URL('../data/dev-notes.jsonl', import.meta.url)), parseNote);
    assert.ok(score.notes >= 150, `dev set has ${score.notes} notes`);
    assert.ok(score.overall >= 0.9, formatScore('dev', score));
    for (const f of ['faultType', 'cause', 'result', 'actions'] as const) assert.ok(score[f] >= 0.85, formatScore('dev', score));
  });

  it('holdout set: overall field accuracy ≥ 0.75', () => {
    const score = scoreNotes(loadNotes(new URL('../data/holdout-notes.jsonl', import.meta.url)), parseNote);
    assert.ok(score.overall >= 0.75, formatScore('holdout', score));
  });

  // The two later holdouts (never tuned on): collapse guards a few points under their last measured scores.
  it('fresh holdout: overall ≥ 0.80; holdout 3 (speech style): overall ≥ 0.82', () => {
    const fresh = scoreNotes(loadNotes(new URL('../data/fresh-holdout-notes.jsonl', import.meta.url)), parseNote);
    assert.ok(fresh.overall >= 0.8, formatScore('fresh', fresh));
    const h3 = scoreNotes(loadNotes(new URL('../data/holdout-3-notes.jsonl', import.meta.url)), parseNote);
    assert.ok(h3.notes >= 120, `holdout 3 has ${h3.notes} notes`);
    assert.ok(h3.overall >= 0.82, formatScore('holdout3', h3));
  });

  // Holdout 4 (speech style, written before the fourth round, never tuned on): a collapse guard, not a target.
  it('holdout 4: ≥ 100 notes, overall ≥ 0.75', () => {
    const h4 = scoreNotes(loadNotes(new URL('../data/holdout-4-notes.jsonl', import.meta.url)), parseNote);
    assert.ok(h4.notes >= 100, `holdout 4 has ${h4.notes} notes`);
    assert.ok(h4.overall >= 0.75, formatScore('holdout4', h4));
  });

  // Holdout 5 (long run-on speech, written before the fifth round, never tuned on; 71.2 % before the round,
  // 78.3 % after): a collapse guard a few points under the last measured score, not a target.
  it('holdout 5: ≥ 120 notes, overall ≥ 0.74', () => {
    const h5 = scoreNotes(loadNotes(new URL('../data/holdout-5-notes.jsonl', import.meta.url)), parseNote);
    assert.ok(h5.notes >= 120, `holdout 5 has ${h5.notes} notes`);
    assert.ok(h5.overall >= 0.74, formatScore('holdout5', h5));
  });

  // Holdout 6 (device families no earlier set has, written before the sixth round, never tuned on; 76.3 %
  // before the round, 81.1 % after): a collapse guard a few points under the last measured score, not a target.
  it('holdout 6: ≥ 120 notes, overall ≥ 0.77', () => {
    const h6 = scoreNotes(loadNotes(new URL('../data/holdout-6-notes.jsonl', import.meta.url)), parseNote);
    assert.ok(h6.notes >= 120, `holdout 6 has ${h6.notes} notes`);
    assert.ok(h6.overall >= 0.77, formatScore('holdout6', h6));
  });
});
