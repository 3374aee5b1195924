import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { eventually, resolvedTicket } from '../similar/similar-fixture.ts';
import { listPublishedCardsForModels } from './knowledge-card.repository.ts';

/** 一键知识沉淀 over HTTP: draft from a resolved ticket, edit, review with permissions, publish, similar cases, uses, audit. */
for (const target of testTargets()) {
  describe(`knowledge cards over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    let d: HttpClient;
    let e: HttpClient;
    let s: HttpClient;
    before(async () => {
      w = await startTestWorld(target);
      d = await w.as('dispatcher');
      e = await w.as('engineer');
      s = await w.as('supervisor');
    });
    after(async () => { await w?.stop(); });

    const editBody = (card: Record<string, unknown>, patch: Record<string, unknown>) => ({
      title: card.title, symptom: card.symptom, cause: card.cause, steps: card.steps, parts: card.parts, model: card.model, productLine: card.productLine,
      faultType: (card.faultType as { code: string } | null)?.code ?? null, causeCode: (card.causeCode as { code: string } | null)?.code ?? null,
      photos: (card.photos as { id: string }[]).map((p) => p.id), version: card.version, ...patch,
    });

    test('resolve → 本方案可复用 → edit → review (engineer cannot approve) → published → in similar cases, counted, audited', async () => {
      const src = await resolvedTicket(w, d, e, {
        title: '门店空调不制冷', description: '空调开了很久不凉，出风口有异味', resolution: '滤网脏堵，拆下清洗滤网；清理蒸发器，试机制冷正常', deviceId: w.deviceA,
      });
      const made = await e.post(`/api/v1/tickets/${src.id}/knowledge-cards`);
      assert.equal(made.status, 201, made.text);
      const draft = made.body;
      assert.equal(draft.status, 'draft');
      assert.equal(draft.symptom, '空调开了很久不凉，出风口有异味');
      assert.deepEqual(draft.steps, ['滤网脏堵', '拆下清洗滤网', '清理蒸发器', '试机制冷正常']);
      assert.equal(draft.cause, '滤网脏堵');
      assert.equal(draft.causeCode?.code, 'filter_clogged');
      assert.equal(draft.faultType?.code, 'no_cooling');
      assert.equal(draft.model, 'KFR-35GW');
      assert.equal(draft.ticketNumber, src.number);
      assert.deepEqual(draft.allowedActions, ['edit', 'submit']);
      const again = await e.post(`/api/v1/tickets/${src.id}/knowledge-cards`);
      assert.equal(again.status, 200);
      assert.equal(again.body.id, draft.id, 'one live card per ticket');

      // Not resolved → refused with the field; other team's engineer cannot see the draft.
      const open = await d.post('/api/v1/tickets', { title: '未解决', customerId: w.customers.a, assigneeId: w.users.engineer.id, teamId: w.teams.a });
      const early = await e.post(`/api/v1/tickets/${open.body.id}/knowledge-cards`);
      assert.equal(early.status, 422, early.text);
      assert.equal(early.body.errors[0].field, 'ticketId');
      const other = await w.as('otherEngineer');
      assert.equal((await other.get(`/api/v1/knowledge-cards/${draft.id}`)).status, 404);
      assert.equal((await other.request('PUT', `/api/v1/knowledge-cards/${draft.id}`, { body: editBody(draft, {}) })).status, 404);

      const edited = await e.request('PUT', `/api/v1/knowledge-cards/${draft.id}`, { body: editBody(draft, {
        title: '空调不制冷：滤网脏堵的处理', steps: ['断电后拆下滤网', '用清水冲洗滤网并晾干', '清理蒸发器表面积灰', '开机试运行 15 分钟确认出风温度'],
      }) });
      assert.equal(edited.status, 200, edited.text);
      assert.equal(edited.body.version, 2);
      const stale = await e.request('PUT', `/api/v1/knowledge-cards/${draft.id}`, { body: editBody(draft, { title: '旧版本' }) });
      assert.equal(stale.status, 409);
      const badEdit = await e.request('PUT', `/api/v1/knowledge-cards/${draft.id}`, { body: editBody(edited.body, { steps: [] }) });
      assert.equal(badEdit.status, 422);
      assert.equal(badEdit.body.errors[0].field, 'steps');

      const selfApprove = await e.post(`/api/v1/knowledge-cards/${draft.id}/actions`, { action: 'approve', version: 2 });
      assert.equal(selfApprove.status, 403, 'an engineer cannot approve');
      const submitted = await e.post(`/api/v1/knowledge-cards/${draft.id}/actions`, { action: 'submit', version: 2 });
      assert.equal(submitted.status, 200, submitted.text);
      assert.equal(submitted.body.status, 'in_review');
      assert.equal((await e.request('PUT', `/api/v1/knowledge-cards/${draft.id}`, { body: editBody(submitted.body, { title: '审核中改' }) })).status, 403);
      assert.equal((await e.post(`/api/v1/knowledge-cards/${draft.id}/actions`, { action: 'approve', version: 3 })).status, 403);

      const queue = await s.get('/api/v1/knowledge-cards?status=in_review');
      assert.deepEqual(queue.body.items.map((c: { id: string }) => c.id), [draft.id]);
      assert.deepEqual(queue.body.items[0].allowedActions, ['edit', 'approve', 'request_changes', 'reject']);
      const noReason = await s.post(`/api/v1/knowledge-cards/${draft.id}/actions`, { action: 'request_changes', version: 3 });
      assert.equal(noReason.status, 422);
      assert.equal(noReason.body.errors[0].field, 'reason');
      const back = await s.post(`/api/v1/knowledge-cards/${draft.id}/actions`, { action: 'request_changes', reason: '补充备件型号', version: 3 });
      assert.equal(back.status, 200, back.text);
      assert.equal(back.body.status, 'changes_requested');
      assert.equal(back.body.reviewNote, '补充备件型号');
      const fixed = await e.request('PUT', `/api/v1/knowledge-cards/${draft.id}`, { body: editBody(back.body, { parts: ['滤网'] }) });
      assert.equal(fixed.status, 200, fixed.text);
      assert.equal((await e.post(`/api/v1/knowledge-cards/${draft.id}/actions`, { action: 'submit', version: fixed.body.version })).status, 200);
      const approved = await s.post(`/api/v1/knowledge-cards/${draft.id}/actions`, { action: 'approve', version: fixed.body.version + 1 });
      assert.equal(approved.status, 200, approved.text);
      assert.equal(approved.body.status, 'published');
      assert.equal(approved.body.reviewer.name, 'supervisor');
      assert.deepEqual(approved.body.allowedActions, []);

      // Published: searchable, and among the similar cases of another ticket.
      const another = await d.post('/api/v1/tickets', { title: '空调不凉', description: '出风不凉，滤网很久没洗', customerId: w.customers.a, teamId: w.teams.a, assigneeId: w.users.engineer.id });
      const sim = await eventually('card in similar cases', async () => (await e.get(`/api/v1/tickets/${another.body.id}/similar`)).body as { items: { id: string; kind: string; resolution: string }[] },
        (b) => b.items.some((i) => i.id === draft.id));
      const hit = sim.items.find((i) => i.id === draft.id);
      assert.ok(hit);
      assert.equal(hit.kind, 'card');
      assert.match(hit.resolution, /冲洗滤网/);
      const search = await e.get(`/api/v1/knowledge-cards?q=${encodeURIComponent('滤网 不制冷')}`);
      assert.deepEqual(search.body.items.map((c: { id: string }) => c.id), [draft.id]);

      // Uses: a view and "this helped", each once per person and ticket.
      for (const kind of ['view', 'helped', 'helped'] as const) {
        const u = await e.post(`/api/v1/knowledge-cards/${draft.id}/uses`, { kind, ticketId: another.body.id });
        assert.equal(u.status, 200, u.text);
      }
      const counted = await e.get(`/api/v1/knowledge-cards/${draft.id}`);
      assert.deepEqual([counted.body.viewCount, counted.body.helpedCount], [1, 1]);

      const events = await s.get(`/api/v1/knowledge-cards/${draft.id}/events`);
      assert.deepEqual(events.body.items.map((x: { action: string }) => x.action), [
        'card.created', 'card.edited', 'card.submit', 'card.request_changes', 'card.edited', 'card.submit', 'card.approve',
      ]);
      assert.deepEqual(events.body.items[4].after, { parts: '["滤网"]' });
      assert.equal(events.body.items[3].reason, '补充备件型号');

      const forModels = await listPublishedCardsForModels(w.ctx.database.db, ['kfr 35gw', 'OTHER']);
      assert.deepEqual(forModels.map((c) => c.id), [draft.id]);
      assert.deepEqual(await listPublishedCardsForModels(w.ctx.database.db, ['KFR-72LW']), []);
      // The engineer's offline package carries the published card for the model of their orders.
      const pkg = await e.get('/api/v1/field/package');
      assert.equal(pkg.status, 200, pkg.text);
      const offline = (pkg.body.knowledgeCards as Array<{ id: string; status: string; steps: string[] }>).find((c) => c.id === draft.id);
      assert.equal(offline?.status, 'published');
      assert.ok((offline?.steps.length ?? 0) > 0, 'the steps travel offline');

      const cust = await w.as('customerA');
      assert.equal((await cust.get('/api/v1/knowledge-cards')).status, 403);
      assert.equal((await cust.post(`/api/v1/tickets/${src.id}/knowledge-cards`)).status, 403);
    });

    test('reject ends the card with a reason; a rejected card is final and stays out of similar cases', async () => {
      const src = await resolvedTicket(w, d, e, { title: '打印机卡纸', description: '打印第二页就卡纸', resolution: '拍了拍机器，好了' });
      const card = (await e.post(`/api/v1/tickets/${src.id}/knowledge-cards`)).body;
      await e.post(`/api/v1/knowledge-cards/${card.id}/actions`, { action: 'submit', version: 1 });
      const rejected = await s.post(`/api/v1/knowledge-cards/${card.id}/actions`, { action: 'reject', reason: '没有可复用的步骤', version: 2 });
      assert.equal(rejected.status, 200, rejected.text);
      assert.equal(rejected.body.status, 'rejected');
      const again = await s.post(`/api/v1/knowledge-cards/${card.id}/actions`, { action: 'approve', version: 3 });
      assert.equal(again.status, 409);
      const fresh = await e.post(`/api/v1/tickets/${src.id}/knowledge-cards`);
      assert.equal(fresh.status, 201, 'after a rejection the ticket may be drafted anew');
      const docs = await w.ctx.database.db.selectFrom('similar_docs').select('source_id').where('source_kind', '=', 'card').execute();
      assert.ok(!docs.some((x) => x.source_id === card.id));
    });
  });
}
