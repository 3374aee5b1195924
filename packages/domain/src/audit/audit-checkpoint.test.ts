import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import type { Mac } from '../shared/crypto.ts';
import { GENESIS_HASH } from './audit-record.ts';
import { buildCheckpoint, canonicalCheckpointMessage, parseCheckpointHeads, sealCheckpoint, type CheckpointHead } from './audit-checkpoint.ts';

const mac: Mac = (message) => createHmac('sha256', 'test-audit-key').update(message, 'utf8').digest('hex');

test('buildCheckpoint output does not depend on the order heads were collected in', () => {
  const headArb = fc.uniqueArray(
    fc.tuple(fc.string({ maxLength: 6 }), fc.integer({ min: 1, max: 99 }), fc.string({ minLength: 4, maxLength: 4, unit: fc.constantFrom(...'0123456789abcdef') })),
    { selector: (h) => h[0], maxLength: 12 },
  );
  fc.assert(
    fc.property(headArb, fc.func(fc.integer()), (heads, key) => {
      const shuffled = [...heads].sort((a, b) => key(a[0]) - key(b[0]));
      const input = { id: 'c1', seq: 1, at: '2025-03-01T00:00:00Z', prevHash: GENESIS_HASH };
      assert.deepEqual(buildCheckpoint({ ...input, heads }, mac), buildCheckpoint({ ...input, heads: shuffled }, mac));
    }),
    { numRuns: 100 },
  );
});

test('a ticket named twice keeps its highest seq and heads round-trip through parse', () => {
  const heads: CheckpointHead[] = [['b', 2, 'h2'], ['a', 1, 'h1'], ['b', 5, 'h5'], ['b', 3, 'h3']];
  const row = buildCheckpoint({ id: 'c1', seq: 1, at: 'x', prevHash: GENESIS_HASH, heads }, mac);
  assert.equal(row.heads, '[["a",1,"h1"],["b",5,"h5"]]');
  assert.deepEqual(parseCheckpointHeads(row.heads), { ok: true, value: [['a', 1, 'h1'], ['b', 5, 'h5']] });
  assert.equal(row.hash, mac(canonicalCheckpointMessage({ id: 'c1', seq: 1, at: 'x', heads: row.heads, prev_hash: GENESIS_HASH })));
  assert.throws(() => buildCheckpoint({ id: 'c', seq: 1, at: 'x', prevHash: GENESIS_HASH, heads: [['a', 0, 'h']] }, mac));
});

test('sealCheckpoint hash covers every column', () => {
  const unsealed = { id: 'c1', seq: 1, at: 'x', heads: '[]', prev_hash: GENESIS_HASH };
  const sealed = sealCheckpoint(unsealed, mac).hash;
  for (const changed of [{ id: 'c2' }, { seq: 2 }, { at: 'y' }, { heads: '[ ]' }, { prev_hash: '1'.repeat(64) }]) {
    assert.notEqual(sealCheckpoint({ ...unsealed, ...changed }, mac).hash, sealed);
  }
});

test('parseCheckpointHeads refuses anything buildCheckpoint would not write', () => {
  for (const bad of ['nope', '{}', '[["a",1]]', '[["a","1","h"]]', '[["a",0,"h"]]', '[["b",1,"h"],["a",1,"h"]]', '[["a",1,"h"],["a",2,"h"]]']) {
    const parsed = parseCheckpointHeads(bad);
    assert.equal(parsed.ok, false, bad);
  }
  assert.deepEqual(parseCheckpointHeads('[]'), { ok: true, value: [] });
});

test('heads sort by code units, not locale, so every node writes the same bytes', () => {
  const row = buildCheckpoint({ id: 'c1', seq: 1, at: 'x', prevHash: GENESIS_HASH, heads: [['工单-2', 1, 'h'], ['Z', 1, 'h'], ['a', 1, 'h']] }, mac);
  assert.deepEqual((JSON.parse(row.heads) as CheckpointHead[]).map((h) => h[0]), ['Z', 'a', '工单-2']);
  assert.match(canonicalCheckpointMessage(row), /^\["gongdan\.audit-checkpoint\.v1",/);
});
