import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AppContext } from '../app-context.ts';
import type { Clock } from '../shared/clock.ts';
import { withHookBeforeTransaction } from '../testing/database-hooks.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { createSop } from './create-sop.ts';
import { deleteSop } from './delete-sop.ts';
import { updateSop } from './update-sop.ts';
import { originFor } from '../admin-changes/record-admin-change.ts';

for (const target of testTargets()) {
  describe(`SOP update on ${target.name}`, () => {
    let w: TestWorld;

    before(async () => { w = await startTestWorld(target); });
    after(async () => { await w?.stop(); });

    const newDraft = async () => {
      const r = await createSop(w.ctx, originFor(w.users.admin), { models: ['KFR-35GW'], title: '滤网清洗', body: '', imageIds: [], videoLinks: [], status: 'draft' });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value.id;
    };

    test('a document deleted just before the update’s transaction: 404, and nothing is written', async () => {
      const id = await newDraft();
      let deleted = false;
      const ctx: AppContext = {
        ...w.ctx,
        database: {
          ...w.ctx.database,
          db: withHookBeforeTransaction(w.ctx.database.db, async () => {
            if (deleted) return;
            deleted = true;
            const d = await deleteSop(w.ctx, originFor(w.users.admin), id);
            assert.ok(d.ok);
          }),
        },
      };
      const r = await updateSop(ctx, originFor(w.users.admin), id, { title: '滤网清洗（新）', models: ['KFR-50LW'] });
      assert.ok(deleted, 'the delete ran');
      assert.deepEqual(r, { ok: false, error: { kind: 'not_found', entity: 'sop' } });
      const db = w.ctx.database.db;
      assert.equal((await db.selectFrom('sop_documents').select('id').where('id', '=', id).execute()).length, 0);
      assert.deepEqual(await db.selectFrom('sop_document_models').select('model').where('sop_id', '=', id).execute(), [], 'no model rows for a deleted document');
    });

    test('publishing stamps publishedAt and updatedAt with the same instant', async () => {
      const id = await newDraft();
      let ms = Date.parse('2026-07-01T08:00:00.000Z');
      const ticking: Clock = { now: () => new Date(ms++) };
      const r = await updateSop({ ...w.ctx, clock: ticking }, originFor(w.users.admin), id, { status: 'published' });
      assert.ok(r.ok);
      assert.equal(r.value.publishedAt, '2026-07-01T08:00:00.000Z');
      assert.equal(r.value.updatedAt, r.value.publishedAt);
    });
  });
}
