import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXPORT_COLUMNS } from './export-columns.ts';

test('the 故障类型 column shows the taxonomy name, and a code it does not know as is', () => {
  const col = EXPORT_COLUMNS.find((c) => c.header === '故障类型');
  assert.ok(col);
  const refs = { customers: new Map(), devices: new Map(), teams: new Map(), users: new Map() };
  const ctx = { workflow: { id: 'w', version: 1, initial: 'new', states: [], transitions: [] }, formatTime: () => '' };
  const value = (fault: string | null) => col.value({ fault_type: fault } as never, refs, ctx);
  assert.equal(value('no_cooling'), '制冷异常');
  assert.equal(value('tenant_custom_code'), 'tenant_custom_code');
  assert.equal(value(null), '');
});
