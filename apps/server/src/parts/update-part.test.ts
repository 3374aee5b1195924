import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppContext } from '../app-context.ts';
import { withHookBeforeTransaction } from '../testing/database-hooks.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { createPart } from './create-part.ts';
import { deletePart } from './delete-part.ts';
import { getPart } from './get-part.ts';
import { updatePart } from './update-part.ts';
import { originFor } from '../admin-changes/record-admin-change.ts';

for (const target of testTargets()) {
  describe(`spare-part update on ${target.name}`, () => {
    let w: TestWorld;
    let n = 0;

    before(async () => { w = await startTestWorld(target); });
    after(async () => { await w?.stop(); });

    const newPart = async (substituteIds: string[] = []) => {
      const r = await createPart(w.ctx, originFor(w.users.admin), { partNo: `UPD-${++n}`, name: '压缩机', unit: '个', models: ['KFR-35GW'], substituteIds });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value.id;
    };
    /** The context whose next transaction is preceded by `change` (once), as if it landed concurrently. */
    const landingFirst = (change: () => Promise<unknown>): AppContext => {
      let done = false;
      return {
        ...w.ctx,
        database: { ...w.ctx.database, db: withHookBeforeTransaction(w.ctx.database.db, async () => { if (!done) { done = true; await change(); } }) },
      };
    };
    const retire = (id: string) => async () => assert.ok((await deletePart(w.ctx, originFor(w.users.admin), id)).ok);

    test('a part retired just before the update’s transaction: 404, and it stays retired', async () => {
      const id = await newPart();
      const r = await updatePart(landingFirst(retire(id)), originFor(w.users.admin), id, { name: '压缩机（新）', models: ['KFR-50LW'] });
      assert.deepEqual(r, { ok: false, error: { kind: 'not_found', entity: 'part' } });
      assert.deepEqual(await getPart(w.ctx, id), { ok: false, error: { kind: 'not_found', entity: 'part' } }, 'the part did not come back');
      const db = w.ctx.database.db;
      assert.deepEqual(await db.selectFrom('spare_part_models').select('model').where('part_id', '=', id).execute(), [], 'no model rows for a retired part');
    });

    test('an edit of another field landing just before the update’s transaction is kept', async () => {
      const id = await newPart();
      const rename = async () => assert.ok((await updatePart(w.ctx, originFor(w.users.admin), id, { name: '变频压缩机' })).ok);
      const r = await updatePart(landingFirst(rename), originFor(w.users.admin), id, { unit: '台' });
      assert.ok(r.ok);
      assert.equal(r.value.name, '变频压缩机');
      const now = await getPart(w.ctx, id);
      assert.ok(now.ok);
      assert.deepEqual([now.value.name, now.value.unit], ['变频压缩机', '台']);
    });

    test('a substitute retired just before the update’s transaction: 422 on substituteIds, nothing written', async () => {
      const sub = await newPart();
      const id = await newPart();
      const r = await updatePart(landingFirst(retire(sub)), originFor(w.users.admin), id, { name: '压缩机（新）', substituteIds: [sub] });
      assert.ok(!r.ok && r.error.kind === 'validation');
      assert.deepEqual(r.error.errors.map((e) => e.field), ['substituteIds']);
      const now = await getPart(w.ctx, id);
      assert.ok(now.ok);
      assert.deepEqual([now.value.name, now.value.substituteIds], ['压缩机', []]);
    });
  });
}
