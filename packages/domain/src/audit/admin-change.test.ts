import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { Mac } from '../shared/crypto.ts';
import { GENESIS_HASH } from './audit-record.ts';
import { adminHeadMessage, appendAdminChange, createAdminChangeVerifier, redactSecrets, REDACTED, type AdminChangeHead, type AdminChangeInput, type AdminChangeRow } from './admin-change.ts';

const mac: Mac = (message) => createHmac('sha256', 'test-audit-key').update(message, 'utf8').digest('hex');
const input = (id: string): AdminChangeInput => ({
  id, entity: 'team', entity_id: 't1', action: 'update', actor_kind: 'user', actor_id: 'u1', actor_name: '管理员',
  at: '2026-12-13T02:00:00.000Z', ip: '10.0.0.1', user_agent: 'test', before: '{"supervisorId":null}', after: '{"supervisorId":"u2"}',
});

function chain(n: number) {
  const rows: AdminChangeRow[] = [];
  let head = { seq: 0, hash: GENESIS_HASH, mac: mac(adminHeadMessage(0, GENESIS_HASH)) };
  for (let i = 1; i <= n; i++) {
    const next = appendAdminChange(head, input(`c${i}`), mac);
    rows.push(next.row);
    head = next.head;
  }
  return { rows, head };
}

const verify = (rows: AdminChangeRow[], head: AdminChangeHead | null) => {
  const v = createAdminChangeVerifier(mac);
  for (const r of rows) v.record(r);
  return v.finish(head);
};

test('an untouched chain verifies; an empty one with its genesis head too', () => {
  const { rows, head } = chain(3);
  assert.deepEqual([verify(rows, head).ok, verify(rows, head).records], [true, 3]);
  assert.equal(verify([], { seq: 0, hash: GENESIS_HASH, mac: mac(adminHeadMessage(0, GENESIS_HASH)) }).ok, true);
  assert.equal(verify([], null).ok, true);
});

test('editing any column, removing, reordering or cutting entries is found', () => {
  const { rows, head } = chain(3);
  const kind = (rs: AdminChangeRow[], h: AdminChangeHead | null = head) => verify(rs, h).firstBroken?.kind;
  for (const col of ['entity', 'entity_id', 'action', 'actor_id', 'actor_name', 'at', 'ip', 'user_agent', 'before', 'after'] as const) {
    assert.equal(kind(rows.map((r, i) => (i === 1 ? { ...r, [col]: `${r[col] ?? ''}x` } : r))), 'admin_record_hash_mismatch', col);
  }
  assert.equal(kind([rows[0]!, rows[2]!]), 'admin_chain_broken');
  assert.equal(kind([rows[1]!, rows[0]!, rows[2]!]), 'admin_chain_broken');
  assert.equal(kind(rows.slice(0, 2)), 'admin_head_mismatch');
  assert.equal(kind(rows, { ...head, seq: 2 }), 'admin_head_mac_mismatch');
  assert.equal(kind(rows, null), 'admin_head_missing');
});

test('secrets are redacted at any depth; ordinary fields are kept', () => {
  const out = redactSecrets({ name: '张三', password_hash: '$argon2id$…', nested: [{ secret: 'whsec_1', token: 'gdt_1', apiKey: 'k' }], tokenPrefix: 'gdt_ab', url: 'https://x' });
  assert.deepEqual(out, { name: '张三', password_hash: REDACTED, nested: [{ secret: REDACTED, token: REDACTED, apiKey: REDACTED }], tokenPrefix: 'gdt_ab', url: 'https://x' });
});
