import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHANNEL_LABELS, CHANNELS, PRIORITIES, priorityRank } from './ticket.ts';

test('priorityRank orders low < normal < high < urgent; unknown values rank lowest', () => {
  assert.deepEqual(PRIORITIES.map(priorityRank), [1, 2, 3, 4]);
  assert.equal(priorityRank('bogus'), 1);
});

test('every channel has a label in both languages', () => {
  for (const c of CHANNELS) assert.ok(CHANNEL_LABELS[c].zh && CHANNEL_LABELS[c].en, c);
});
