import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { withHookBeforeTransaction } from '../testing/database-hooks.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { createPart } from './create-part.ts';
import { deletePart } from './delete-part.ts';
import { listParts } from './list-parts.ts';
import { originFor } from '../admin-changes/record-admin-change.ts';

for (const target of testTargets()) {
  describe(`spare-part create on ${target.name}`, () => {
    let w: TestWorld;

    before(async () => { w = await startTestWorld(target); });
    after(async () => { await w?.stop(); });

    test('a substitute retired just before the create’s transaction: 422 on substituteIds, no part', async () => {
      const sub = await createPart(w.ctx, originFor(w.users.admin), { partNo: 'SUB-1', name: '旧阀', unit: '个', models: [], substituteIds: [] });
      assert.ok(sub.ok);
      let retired = false;
      const db = withHookBeforeTransaction(w.ctx.database.db, async () => {
        if (retired) return;
        retired = true;
        assert.ok((await deletePart(w.ctx, originFor(w.users.admin), sub.value.id)).ok);
      });
      const r = await createPart({ ...w.ctx, database: { ...w.ctx.database, db } }, originFor(w.users.admin), { partNo: 'NEW-1', name: '新阀', unit: '个', models: ['KFR-35GW'], substituteIds: [sub.value.id] });
      assert.ok(!r.ok && r.error.kind === 'validation');
      assert.deepEqual(r.error.errors.map((e) => e.field), ['substituteIds']);
      assert.ok(r.error.errors[0]?.hint);
      assert.deepEqual((await listParts(w.ctx, { q: 'NEW-1', limit: 10 })).items, []);
    });

    test('a part number already in the catalogue: 422 on partNo with a hint', async () => {
      assert.ok((await createPart(w.ctx, originFor(w.users.admin), { partNo: 'DUP-1', name: '滤网', unit: '个', models: [], substituteIds: [] })).ok);
      const r = await createPart(w.ctx, originFor(w.users.admin), { partNo: 'DUP-1', name: '滤网', unit: '个', models: [], substituteIds: [] });
      assert.ok(!r.ok && r.error.kind === 'validation');
      assert.deepEqual(r.error.errors.map((e) => e.field), ['partNo']);
      assert.ok(r.error.errors[0]?.hint);
    });
  });
}
