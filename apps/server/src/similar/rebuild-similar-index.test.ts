import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { rebuildSimilarIndex } from './rebuild-similar-index.ts';
import { eventually, resolvedTicket } from './similar-fixture.ts';

/** `gongdan similar reindex`'s use case on a real database: a damaged index is rebuilt to what the outbox had built. */
for (const target of testTargets()) {
  describe(`similar index rebuild on ${target.name}`, () => {
    let w: TestWorld;
    let d: HttpClient;
    let e: HttpClient;
    const t: Record<string, { id: string }> = {};
    const similar = async (text: string) => {
      const r = await d.post('/api/v1/similar', { text, limit: 3 });
      assert.equal(r.status, 200, r.text);
      return r.body as { items: { id: string }[]; indexedCount: number };
    };
    const snapshot = async () => {
      const docs = await w.ctx.database.db.selectFrom('similar_docs').select(['source_kind', 'source_id', 'dl', 'terms']).orderBy('source_id').execute();
      const postings = await w.ctx.database.db.selectFrom('similar_postings').select(({ fn }) => fn.sum<number>('n').as('n')).executeTakeFirst();
      return { docs: docs.map((r) => [r.source_kind, r.source_id, Number(r.dl), r.terms]), postings: Number(postings?.n ?? 0) };
    };

    before(async () => {
      w = await startTestWorld(target);
      d = await w.as('dispatcher');
      e = await w.as('engineer');
      t.filter = await resolvedTicket(w, d, e, { title: '会议室空调不制冷', description: '出风是温的', resolution: '滤网脏堵，清洗滤网后制冷恢复' });
      t.leak = await resolvedTicket(w, d, e, { title: '内机漏水', description: '一直往下滴水', resolution: '排水管被压扁，更换排水管后不再漏水' });
      await eventually('both indexed', () => similar('空调'), (r) => r.indexedCount >= 2);
    });
    after(async () => { await w?.stop(); });

    test('after the postings are lost, a rebuild restores the same documents and the same answers', async () => {
      const built = await snapshot();
      const beforeAnswer = await similar('空调不凉 滤网很脏');
      assert.equal(beforeAnswer.items[0]?.id, t.filter?.id);

      // Damage: postings gone, statistics wrong (as after a bad restore or an interrupted bulk load).
      await w.ctx.database.db.deleteFrom('similar_postings').execute();
      await w.ctx.database.db.updateTable('similar_stats').set({ doc_count: 999, total_len: 1 }).where('id', '=', 'main').execute();
      assert.equal((await similar('空调不凉 滤网很脏')).items.length, 0, 'the damaged index finds nothing');

      const summary = await rebuildSimilarIndex(w.ctx);
      assert.equal(summary.tickets, built.docs.filter((r) => r[0] === 'ticket').length, JSON.stringify(summary));
      assert.equal(summary.documents, built.docs.length);
      assert.deepEqual(await snapshot(), built, 'same documents, terms and postings as the outbox built');
      assert.deepEqual((await similar('空调不凉 滤网很脏')).items.map((i) => i.id), beforeAnswer.items.map((i) => i.id));
      assert.equal((await similar('漏水 排水管')).items[0]?.id, t.leak?.id);
    });

    test('a second rebuild changes nothing', async () => {
      const once = await snapshot();
      const summary = await rebuildSimilarIndex(w.ctx);
      assert.equal(summary.documents, once.docs.length);
      assert.deepEqual(await snapshot(), once);
    });
  });
}
