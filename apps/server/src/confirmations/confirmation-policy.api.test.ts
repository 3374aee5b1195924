import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import type { HttpClient } from '../testing/http-client.ts';
import { ManualClock } from '../shared/clock.ts';
import { autoCloseUnanswered } from './auto-close.job.ts';

for (const target of testTargets()) {
  describe(`confirmation policies on ${target.name}`, () => {
    let w: TestWorld;
    let admin: HttpClient;
    let d: HttpClient;
    let e: HttpClient;
    let s: HttpClient;
    before(async () => {
      w = await startTestWorld(target);
      [admin, d, e, s] = await Promise.all([w.as('admin'), w.as('dispatcher'), w.as('engineer'), w.as('supervisor')]);
    });
    after(async () => { await w?.stop(); });

    async function resolve(body: Record<string, unknown>, customFields: Record<string, unknown>): Promise<{ id: string; status: string }> {
      const created = await d.post('/api/v1/tickets', { assigneeId: w.users.engineer.id, teamId: w.teams.a, ...body });
      assert.equal(created.status, 201, created.text);
      for (const step of [{ to: 'accepted' }, { to: 'in_progress' }]) assert.equal((await e.post(`/api/v1/tickets/${created.body.id}/transitions`, step)).status, 200);
      const r = await e.post(`/api/v1/tickets/${created.body.id}/transitions`, { to: 'resolved', fields: { resolution: '已处理' }, customFields });
      assert.equal(r.status, 200, r.text);
      return r.body;
    }

    test('only admins set policies, always with a reason, and every change is kept', async () => {
      const body = { mode: 'supervisor_review', autoCloseDays: null, reason: '内部 IT 工单由主管审核关闭' };
      assert.equal((await s.request('PUT', '/api/v1/confirmation-policies/ticket_type/it', { body })).status, 403);
      const noReason = await admin.request('PUT', '/api/v1/confirmation-policies/ticket_type/it', { body: { ...body, reason: '' } });
      assert.equal(noReason.status, 422);
      assert.equal((await admin.request('PUT', '/api/v1/confirmation-policies/ticket_type/nonsense', { body })).status, 422);
      const ok = await admin.request('PUT', '/api/v1/confirmation-policies/ticket_type/it', { body });
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.mode, 'supervisor_review');
      const list = await admin.get('/api/v1/confirmation-policies');
      assert.equal(list.body.items.length, 1);
      assert.equal(list.body.changes[0].reason, '内部 IT 工单由主管审核关闭');
      assert.equal(list.body.changes[0].actorName, 'admin');
    });

    test('supervisor review: a resolved ticket of that type waits for a supervisor, no customer link is made', async () => {
      const t = await resolve({ type: 'it', title: '电脑蓝屏', customerId: w.customers.a }, { result: 'resolved' });
      assert.equal(t.status, 'resolved');
      assert.equal((await e.get(`/api/v1/tickets/${t.id}/confirmation-request`)).status, 404);
      assert.equal((await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'closed', reason: '好了' })).status, 403);
      assert.equal((await s.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'closed' })).status, 422, 'a supervisor closes only with a reason');
      assert.equal((await s.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'closed', reason: '电话回访确认' })).status, 200);
      // A repair ticket is not covered by the IT policy.
      const repair = await resolve({ title: '空调漏水', customerId: w.customers.a }, { fault_photo: ['p'], result: 'resolved' });
      assert.equal(repair.status, 'awaiting_confirmation');
    });

    test('auto-close after N days without an answer, only where configured, as an audited system step', async () => {
      const put = await admin.request('PUT', `/api/v1/confirmation-policies/customer/${w.customers.b}`, { body: { mode: 'customer', autoCloseDays: 3, reason: '合同约定 3 日未回复视为确认' } });
      assert.equal(put.status, 200, put.text);
      const b = await resolve({ title: '乙方打印机', customerId: w.customers.b }, { fault_photo: ['p'], result: 'resolved' });
      const a = await resolve({ title: '甲方打印机', customerId: w.customers.a }, { fault_photo: ['p'], result: 'resolved' });
      assert.equal(b.status, 'awaiting_confirmation');
      const later = (days: number) => ({ ...w.ctx, clock: new ManualClock(new Date(Date.now() + days * 86_400_000)) });
      assert.equal(await autoCloseUnanswered(later(2)), 0, 'not before the period');
      assert.equal(await autoCloseUnanswered(later(3.1)), 1);
      assert.equal((await s.get(`/api/v1/tickets/${b.id}`)).body.status, 'closed');
      assert.equal((await s.get(`/api/v1/tickets/${a.id}`)).body.status, 'awaiting_confirmation', 'no policy, no auto-close');
      const audit = await s.get(`/api/v1/tickets/${b.id}/audit`);
      const last = audit.body.items.at(-1);
      assert.equal(last.after.transition, 'auto_close');
      assert.match(last.reason, /3 天未确认/);
      assert.equal((await e.get(`/api/v1/tickets/${b.id}/confirmation-request`)).body.status, 'revoked');
      assert.equal(await autoCloseUnanswered(later(4)), 0, 'idempotent');
      assert.equal((await s.get('/api/v1/audit/verify')).body.ok, true);
    });
  });
}
