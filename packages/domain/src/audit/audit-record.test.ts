import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import type { Mac } from '../shared/crypto.ts';
import {
  appendAuditRecord, canonicalAuditMessage, EMPTY_CHAIN, GENESIS_HASH, headMessage, sealAuditRecord, sealChainHead,
  type UnsealedAuditRecord,
} from './audit-record.ts';

const mac: Mac = (message) => createHmac('sha256', 'test-audit-key').update(message, 'utf8').digest('hex');

const base: UnsealedAuditRecord = {
  id: 'r1', ticket_id: 't1', seq: 1, action: 'ticket.created', actor_kind: 'user', actor_id: 'u1', actor_name: '张工',
  at: '2025-03-01T08:00:00.000Z', client_at: null, device_id: null, ip: '10.0.0.1', user_agent: null, gps: null,
  before: null, after: '{"status":"new"}', reason: null, prev_hash: GENESIS_HASH,
};

const nullable = fc.option(fc.string({ maxLength: 12 }), { nil: null });
const unsealedArb: fc.Arbitrary<UnsealedAuditRecord> = fc.record({
  id: fc.string({ maxLength: 8 }), ticket_id: fc.string({ maxLength: 8 }), seq: fc.integer({ min: 1, max: 1e9 }),
  action: fc.string({ maxLength: 8 }), actor_kind: fc.string({ maxLength: 8 }), actor_id: nullable, actor_name: nullable,
  at: fc.string({ maxLength: 8 }), client_at: nullable, device_id: nullable, ip: nullable, user_agent: nullable, gps: nullable,
  before: nullable, after: nullable, reason: nullable, prev_hash: fc.string({ maxLength: 8 }),
});

test('GENESIS_HASH is 64 zeros', () => {
  assert.equal(GENESIS_HASH, '0'.repeat(64));
});

test('canonical message is versioned and keeps null apart from the empty string', () => {
  assert.match(canonicalAuditMessage(base), /^\["gongdan\.audit-record\.v1",/);
  assert.notEqual(canonicalAuditMessage(base), canonicalAuditMessage({ ...base, reason: '' }));
  assert.notEqual(canonicalAuditMessage(base), canonicalAuditMessage({ ...base, client_at: 'null' }));
});

test('different rows never share a canonical message (no ambiguity across columns)', () => {
  fc.assert(
    fc.property(unsealedArb, unsealedArb, (a, b) => {
      const same = JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
      assert.equal(canonicalAuditMessage(a) === canonicalAuditMessage(b), same);
    }),
    { numRuns: 200 },
  );
});

test('moving text between adjacent columns changes the message', () => {
  const a = canonicalAuditMessage({ ...base, actor_id: 'ab', actor_name: 'c' });
  const b = canonicalAuditMessage({ ...base, actor_id: 'a', actor_name: 'bc' });
  assert.notEqual(a, b);
});

test('sealAuditRecord ignores a stale hash property on its input', () => {
  const stale = { ...base, hash: 'stale' } as UnsealedAuditRecord;
  assert.deepEqual(sealAuditRecord(stale, mac), sealAuditRecord(base, mac));
  assert.equal(sealAuditRecord(base, mac).hash, mac(canonicalAuditMessage(base)));
});

test('head message is domain-separated from record messages', () => {
  assert.match(headMessage('t1', 3, 'abc'), /^\["gongdan\.audit-head\.v1","t1",3,"abc"\]$/);
  assert.equal(sealChainHead('t1', 3, 'abc', mac), mac(headMessage('t1', 3, 'abc')));
  assert.notEqual(sealChainHead('t1', 3, 'abc', mac), sealChainHead('t1', 4, 'abc', mac));
});

test('appendAuditRecord links seq and prev_hash and seals the new head', () => {
  const { ticket_id: _t, seq: _s, prev_hash: _p, ...input } = base;
  const first = appendAuditRecord('t1', EMPTY_CHAIN, input, mac);
  assert.equal(first.record.seq, 1);
  assert.equal(first.record.prev_hash, GENESIS_HASH);
  assert.deepEqual(first.head, { audit_seq: 1, audit_head: first.record.hash, audit_head_mac: sealChainHead('t1', 1, first.record.hash, mac) });
  const second = appendAuditRecord('t1', { seq: 1, hash: first.record.hash }, { ...input, id: 'r2' }, mac);
  assert.equal(second.record.seq, 2);
  assert.equal(second.record.prev_hash, first.record.hash);
  assert.throws(() => appendAuditRecord('t1', { seq: -1, hash: GENESIS_HASH }, input, mac));
});
