import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

/** Ticket links and merging a duplicate into its original, over HTTP. */
for (const target of testTargets()) {
  describe(`ticket links and merge over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    let d: HttpClient;
    const open = async (title: string, extra: Record<string, unknown> = {}) => {
      const r = await d.post('/api/v1/tickets', { title, customerId: w.customers.a, ...extra });
      assert.equal(r.status, 201, r.text);
      return r.body as { id: string; number: string };
    };
    const actions = async (c: HttpClient, id: string) => (await c.get(`/api/v1/tickets/${id}/audit`)).body.items.map((r: { action: string }) => r.action);

    before(async () => {
      w = await startTestWorld(target);
      d = await w.as('dispatcher');
    });
    after(async () => { await w?.stop(); });

    test('link, read from both ends, refuse duplicates and nonsense, remove; both tickets audited', async () => {
      const a = await open('主工单');
      const b = await open('相关工单');
      const c = await open('后果工单');
      const made = await d.post(`/api/v1/tickets/${a.id}/links`, { otherTicketId: b.id, kind: 'related' });
      assert.equal(made.status, 201, made.text);
      assert.deepEqual([made.body.kind, made.body.direction, made.body.ticket.number, made.body.label], ['related', 'outgoing', b.number, '相关']);
      const caused = await d.post(`/api/v1/tickets/${c.id}/links`, { otherTicketId: a.id, kind: 'caused_by' });
      assert.equal(caused.status, 201, caused.text);
      const fromA = await d.get(`/api/v1/tickets/${a.id}/links`);
      assert.deepEqual(fromA.body.items.map((l: { kind: string; direction: string; ticket: { id: string } }) => [l.kind, l.direction, l.ticket.id]), [
        ['related', 'outgoing', b.id], ['causes', 'incoming', c.id],
      ]);
      const fromB = await d.get(`/api/v1/tickets/${b.id}/links`);
      assert.deepEqual(fromB.body.items.map((l: { kind: string; direction: string }) => [l.kind, l.direction]), [['related', 'incoming']]);

      for (const [body, field] of [
        [{ otherTicketId: a.id, kind: 'related' }, 'otherTicketId'], // related is symmetric: B→A repeats A→B
        [{ otherTicketId: b.id, kind: 'related' }, 'otherTicketId'], // self
        [{ otherTicketId: 'no-such-ticket', kind: 'related' }, 'otherTicketId'],
        [{ otherTicketId: a.id, kind: 'sibling' }, 'kind'],
        [{ kind: 'related' }, 'otherTicketId'],
      ] as const) {
        const r = await d.post(`/api/v1/tickets/${b.id}/links`, body);
        assert.equal(r.status, 422, `${JSON.stringify(body)}: ${r.text}`);
        assert.equal(r.body.errors[0].field, field);
      }
      assert.equal((await d.post('/api/v1/tickets/no-such/links', { otherTicketId: a.id, kind: 'related' })).status, 404);

      const removed = await d.request('DELETE', `/api/v1/tickets/${b.id}/links/${made.body.id}`);
      assert.equal(removed.status, 204, removed.text);
      assert.deepEqual((await d.get(`/api/v1/tickets/${b.id}/links`)).body.items, []);
      assert.equal((await d.request('DELETE', `/api/v1/tickets/${b.id}/links/${made.body.id}`)).status, 404);
      assert.equal((await d.request('DELETE', `/api/v1/tickets/${b.id}/links/${caused.body.id}`)).status, 404, 'a link of other tickets');
      const s = await w.as('supervisor');
      assert.deepEqual((await actions(s, a.id)).slice(1), ['link.added', 'link.added', 'link.removed']);
      assert.deepEqual((await actions(s, b.id)).slice(1), ['link.added', 'link.removed']);
    });

    test('engineers and customers may read links but not make or remove them; hidden tickets stay hidden', async () => {
      const mine = await open('工程师的工单', { assigneeId: w.users.engineer.id, teamId: w.teams.a });
      const foreign = await open('别组工单', { teamId: w.teams.b });
      const link = await d.post(`/api/v1/tickets/${mine.id}/links`, { otherTicketId: foreign.id, kind: 'related' });
      assert.equal(link.status, 201, link.text);
      const e = await w.as('engineer');
      const seen = await e.get(`/api/v1/tickets/${mine.id}/links`);
      assert.equal(seen.status, 200, seen.text);
      assert.deepEqual(seen.body.items, [], 'the other team’s ticket is not revealed');
      assert.equal((await e.get(`/api/v1/tickets/${foreign.id}/links`)).status, 404);
      assert.equal((await e.post(`/api/v1/tickets/${mine.id}/links`, { otherTicketId: foreign.id, kind: 'caused_by' })).status, 403);
      assert.equal((await e.request('DELETE', `/api/v1/tickets/${mine.id}/links/${link.body.id}`)).status, 403);
      const cust = await w.as('customerA');
      assert.equal((await cust.post(`/api/v1/tickets/${mine.id}/links`, { otherTicketId: foreign.id, kind: 'caused_by' })).status, 403);
      assert.equal((await w.anonymous().get(`/api/v1/tickets/${mine.id}/links`)).status, 401);
    });

    test('merge moves comments and attachments, marks the duplicate merged with a pointer, audits both in one go', async () => {
      const original = await open('空调漏水（原始）');
      const dup = await open('空调漏水（重复）', { assigneeId: w.users.engineer.id });
      for (const [body, visibility] of [['客户再次来电', 'public'], ['内部备注', 'internal']] as const) {
        assert.equal((await d.post(`/api/v1/tickets/${dup.id}/comments`, { body, visibility })).status, 201);
      }
      const fd = new FormData();
      fd.append('file', new Blob([new TextEncoder().encode('E5 water leak\n')], { type: 'text/plain' }), 'fault.log');
      const up = await d.request('POST', `/api/v1/tickets/${dup.id}/attachments`, { raw: fd });
      assert.equal(up.status, 201, up.text);

      const view = await d.get(`/api/v1/tickets/${dup.id}`);
      assert.ok(view.body.allowedActions.includes('merge'));
      assert.ok(!view.body.allowedTransitions.some((t: { id: string }) => t.id === 'merge'), 'merge is not offered as a plain transition');
      const e = await w.as('engineer');
      assert.ok(!(await e.get(`/api/v1/tickets/${dup.id}`)).body.allowedActions.includes('merge'));
      assert.equal((await e.post(`/api/v1/tickets/${dup.id}/merge`, { intoTicketId: original.id, reason: 'x' })).status, 403);
      assert.equal((await (await w.as('customerA')).post(`/api/v1/tickets/${dup.id}/merge`, { intoTicketId: original.id, reason: 'x' })).status, 403);

      const noReason = await d.post(`/api/v1/tickets/${dup.id}/merge`, { intoTicketId: original.id });
      assert.equal(noReason.status, 422);
      assert.equal(noReason.body.errors[0].field, 'reason');
      const self = await d.post(`/api/v1/tickets/${dup.id}/merge`, { intoTicketId: dup.id, reason: '重复' });
      assert.equal(self.status, 422);
      assert.equal(self.body.errors[0].field, 'intoTicketId');
      for (const body of [{ to: 'merged', reason: '重复' }, { to: 'merged', transition: 'merge', reason: '重复' }]) {
        const sneak = await d.post(`/api/v1/tickets/${dup.id}/transitions`, body);
        assert.equal(sneak.status, 422, sneak.text);
        assert.match(sneak.body.errors[0].hint, /merge/);
      }

      const merged = await d.post(`/api/v1/tickets/${dup.id}/merge`, { intoTicketId: original.id, reason: '同一故障重复报修' });
      assert.equal(merged.status, 200, merged.text);
      assert.deepEqual([merged.body.duplicate.status, merged.body.duplicate.statusLabel], ['merged', '已合并']);
      assert.deepEqual(merged.body.moved, { comments: 2, attachments: 1 });
      assert.equal(merged.body.original.id, original.id);

      assert.deepEqual((await d.get(`/api/v1/tickets/${dup.id}/comments`)).body.items, []);
      const moved = await d.get(`/api/v1/tickets/${original.id}/comments`);
      assert.deepEqual(moved.body.items.map((c: { body: string }) => c.body), ['客户再次来电', '内部备注']);
      const files = await d.get(`/api/v1/tickets/${original.id}/attachments`);
      assert.deepEqual(files.body.items.map((f: { id: string }) => f.id), [up.body.id], 'the same attachment, re-pointed');
      assert.equal((await d.get(files.body.items[0].url)).text, 'E5 water leak\n');

      const pointer = (await d.get(`/api/v1/tickets/${dup.id}/links`)).body.items;
      assert.deepEqual(pointer.map((l: { kind: string; ticket: { id: string } }) => [l.kind, l.ticket.id]), [['duplicate_of', original.id]]);
      assert.ok(pointer[0].mergedAt);
      const keep = await d.request('DELETE', `/api/v1/tickets/${dup.id}/links/${pointer[0].id}`);
      assert.equal(keep.status, 409, 'the merge pointer stays');
      assert.equal((await d.get(`/api/v1/tickets/${original.id}/links`)).body.items[0].kind, 'has_duplicate');

      const s = await w.as('supervisor');
      const dupAudit = (await s.get(`/api/v1/tickets/${dup.id}/audit`)).body.items;
      const last = dupAudit[dupAudit.length - 1];
      assert.equal(last.action, 'ticket.merged');
      assert.equal(last.reason, '同一故障重复报修');
      assert.deepEqual(last.after.mergedInto, { ticketId: original.id, number: original.number });
      const origAudit = (await s.get(`/api/v1/tickets/${original.id}/audit`)).body.items;
      assert.equal(origAudit[origAudit.length - 1].action, 'ticket.merge_received');
      assert.equal(origAudit[origAudit.length - 1].after.movedCommentIds.length, 2);
      assert.equal((await s.get('/api/v1/audit/verify')).body.ok, true);

      const again = await d.post(`/api/v1/tickets/${dup.id}/merge`, { intoTicketId: original.id, reason: '再来一次' });
      assert.equal(again.status, 409, again.text);
      assert.equal(again.body.code, 'transition_not_allowed');
    });

    test('a refused merge changes nothing (one transaction)', async () => {
      const cancelled = await open('已取消的目标');
      assert.equal((await d.post(`/api/v1/tickets/${cancelled.id}/transitions`, { to: 'cancelled', reason: '误建' })).status, 200);
      const dup = await open('带评论的重复单');
      assert.equal((await d.post(`/api/v1/tickets/${dup.id}/comments`, { body: '留在原处', visibility: 'public' })).status, 201);
      const r = await d.post(`/api/v1/tickets/${dup.id}/merge`, { intoTicketId: cancelled.id, reason: '重复' });
      assert.equal(r.status, 422, r.text);
      assert.equal(r.body.errors[0].field, 'intoTicketId');
      assert.equal((await d.get(`/api/v1/tickets/${dup.id}/comments`)).body.items.length, 1);
      assert.equal((await d.get(`/api/v1/tickets/${dup.id}`)).body.status, 'new');
      assert.deepEqual((await d.get(`/api/v1/tickets/${dup.id}/links`)).body.items, []);
    });
  });
}
