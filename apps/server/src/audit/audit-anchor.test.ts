import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { createAuditCheckpoint } from './create-checkpoint.ts';
import { readAuditAnchor } from './audit-anchor.ts';
import { verifyAudit } from './verify-audit.ts';

for (const target of testTargets()) {
  describe(`audit anchor on ${target.name}`, () => {
    let w: TestWorld;
    before(async () => { w = await startTestWorld(target); });
    after(async () => { await w.stop(); });

    test('deleting the newest checkpoint is caught by the anchor kept outside the database', async () => {
      const d = await w.as('dispatcher');
      for (let i = 0; i < 2; i++) {
        assert.equal((await d.post('/api/v1/tickets', { title: `t${i}`, customerId: w.customers.a })).status, 201);
        assert.ok(await createAuditCheckpoint(w.ctx));
      }
      const anchor = readAuditAnchor(w.ctx.config.dataDir);
      assert.equal(anchor?.seq, 2);
      assert.equal((await verifyAudit(w.ctx)).ok, true);
      await w.ctx.database.db.deleteFrom('audit_checkpoints').where('seq', '=', 2).execute();
      const v = await verifyAudit(w.ctx);
      assert.equal(v.ok, false);
      assert.equal(v.firstBroken?.kind, 'checkpoint_anchor_mismatch');
    });
  });
}
