import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { failingDeletesFrom } from '../testing/database-hooks.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { createPart } from './create-part.ts';
import { deletePart } from './delete-part.ts';
import { getPart } from './get-part.ts';
import { listParts } from './list-parts.ts';
import { originFor } from '../admin-changes/record-admin-change.ts';

for (const target of testTargets()) {
  describe(`spare-part retire on ${target.name}`, () => {
    let w: TestWorld;

    before(async () => { w = await startTestWorld(target); });
    after(async () => { await w?.stop(); });

    test('a failure after the part is marked retired leaves it fully in the catalogue', async () => {
      const p = await createPart(w.ctx, originFor(w.users.admin), { partNo: 'DEL-1', name: '风扇电机', unit: '个', models: ['KFR-35GW'], substituteIds: [] });
      assert.ok(p.ok);
      const db = failingDeletesFrom(w.ctx.database.db, 'spare_part_models');
      await assert.rejects(deletePart({ ...w.ctx, database: { ...w.ctx.database, db } }, originFor(w.users.admin), p.value.id), /injected failure/);
      assert.ok((await getPart(w.ctx, p.value.id)).ok, 'still in the catalogue');
      assert.deepEqual((await listParts(w.ctx, { model: 'KFR-35GW', limit: 10 })).items.map((x) => x.partNo), ['DEL-1'], 'still found by its model');
    });

    test('retiring: gone from the catalogue and its model index; a second retire is 404', async () => {
      const p = await createPart(w.ctx, originFor(w.users.admin), { partNo: 'DEL-2', name: '风扇电机', unit: '个', models: ['KFR-72LW'], substituteIds: [] });
      assert.ok(p.ok);
      assert.deepEqual(await deletePart(w.ctx, originFor(w.users.admin), p.value.id), { ok: true, value: { id: p.value.id } });
      assert.deepEqual((await listParts(w.ctx, { model: 'KFR-72LW', limit: 10 })).items, []);
      assert.deepEqual(await deletePart(w.ctx, originFor(w.users.admin), p.value.id), { ok: false, error: { kind: 'not_found', entity: 'part' } });
    });
  });
}
