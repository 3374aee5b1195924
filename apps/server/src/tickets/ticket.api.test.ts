import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

for (const target of testTargets()) {
  describe(`tickets API over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    before(async () => { w = await startTestWorld(target); });
    after(async () => { await w.stop(); });

    test('dispatcher opens, engineer works, supervisor closes; audit verifies', async () => {
      const d = await w.as('dispatcher');
      const created = await d.post('/api/v1/tickets', {
        title: '空调不制冷', description: '三楼会议室', customerId: w.customers.a, deviceId: w.deviceA, contactPhone: '0755-88889999',
        assigneeId: w.users.engineer.id, teamId: w.teams.a, faultType: 'no_cooling', priority: 'high',
      });
      assert.equal(created.status, 201, created.text);
      const t = created.body;
      assert.match(t.number, /^GD-\d{8}-\d{4,}$/);
      assert.equal(t.status, 'assigned');
      assert.equal(t.device.serialNumber, 'SN-A-1');
      const e = await w.as('engineer');
      // Resolving asks the customer at once: the same transaction moves the ticket on to awaiting_confirmation.
      for (const [to, extra, expected] of [['accepted', {}, 'accepted'], ['in_progress', {}, 'in_progress'], ['resolved', { fields: { resolution: '清洗滤网' }, customFields: { fault_photo: ['p1'], result: 'resolved' } }, 'awaiting_confirmation']] as const) {
        const r = await e.post(`/api/v1/tickets/${t.id}/transitions`, { to, ...extra });
        assert.equal(r.status, 200, `${to}: ${r.text}`);
        assert.equal(r.body.status, expected);
      }
      const engineerClose = await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'closed', reason: '我修好了' });
      assert.equal(engineerClose.status, 403);
      assert.equal(engineerClose.body.code, 'transition_role_forbidden');
      const view = await e.get(`/api/v1/tickets/${t.id}`);
      assert.ok(!view.body.allowedTransitions.some((x: { to: string }) => x.to === 'closed'), 'engineer is never offered close');
      const s = await w.as('supervisor');
      const closed = await s.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'closed', reason: '电话回访确认' });
      assert.equal(closed.status, 200, closed.text);
      const audit = await s.get(`/api/v1/tickets/${t.id}/audit`);
      assert.deepEqual(audit.body.items.map((r: { action: string }) => r.action), [
        'ticket.created', 'ticket.transitioned', 'ticket.transitioned', 'ticket.transitioned', 'ticket.transitioned', 'ticket.transitioned',
        'ticket.close_refused', 'ticket.transitioned',
      ]);
      assert.equal(audit.body.items[0].ip, '127.0.0.1');
      const verify = await s.get('/api/v1/audit/verify');
      assert.equal(verify.body.ok, true, JSON.stringify(verify.body));
    });

    test('a customer cannot read another organisation’s ticket (404)', async () => {
      const d = await w.as('dispatcher');
      const t = (await d.post('/api/v1/tickets', { title: '乙方工单', customerId: w.customers.b })).body;
      const a = await w.as('customerA');
      const r = await a.get(`/api/v1/tickets/${t.id}`);
      assert.equal(r.status, 404);
      assert.equal(r.body.code, 'not_found');
      const list = await a.get('/api/v1/tickets');
      assert.ok(list.body.items.every((x: { customer: { id: string } }) => x.customer.id === w.customers.a));
    });

    test('wrong phone is refused at the field with hint and example', async () => {
      const d = await w.as('dispatcher');
      const r = await d.post('/api/v1/tickets', { title: 'x', customerId: w.customers.a, contactPhone: '88889999' });
      assert.equal(r.status, 422);
      assert.equal(r.headers.get('content-type')?.startsWith('application/problem+json'), true);
      const issue = r.body.errors.find((e: { field: string }) => e.field === 'contactPhone');
      assert.ok(issue, r.text);
      assert.match(issue.hint, /区号/);
      assert.equal(issue.example, '0755-88889999');
    });
  });
}
