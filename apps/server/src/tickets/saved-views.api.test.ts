import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CreateTicketInput } from '@gongdan/contracts/tickets';
import { systemMeta } from '../app-context.ts';
import { ManualClock } from '../shared/clock.ts';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { createTicket } from './create-ticket.ts';

const NOW = '2026-06-15T04:00:00.000Z'; // 12:00 in Asia/Shanghai

for (const target of testTargets()) {
  describe(`saved views over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    let d: HttpClient;
    const open = async (title: string, at: string, extra: Partial<CreateTicketInput> = {}) => {
      const r = await createTicket({ ...w.ctx, clock: new ManualClock(at) }, w.users.dispatcher, {
        type: 'it', title, description: '', customerId: w.customers.a, impactScope: 'single_device', priority: 'normal', channel: 'phone', customFields: {}, ...extra,
      }, systemMeta);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    };
    const numbersOf = async (c: HttpClient, query: string) => {
      const r = await c.get(`/api/v1/tickets?${query}&limit=200`);
      assert.equal(r.status, 200, `${query}: ${r.text}`);
      return r.body.items.map((t: { title: string }) => t.title);
    };

    before(async () => {
      w = await startTestWorld(target);
      w.ctx.clock = new ManualClock(NOW);
      d = await w.as('dispatcher');
    });
    after(async () => { await w?.stop(); });

    test('three built-in views come first and their queries work on the board', async () => {
      await open('昨天最后一单', '2026-06-14T15:59:59Z', { appointmentStart: '2026-06-16T01:00:00Z' });
      await open('今天第一单', '2026-06-14T16:00:00Z', { assigneeId: w.users.engineer.id, appointmentStart: '2026-06-15T08:00:00Z' });
      await open('今天无预约', '2026-06-15T03:00:00Z', { assigneeId: w.users.engineer.id });
      await open('C 级昨晚', '2026-06-14T15:00:00Z', { customerId: w.customers.b });
      const r = await d.get('/api/v1/saved-views');
      assert.equal(r.status, 200, r.text);
      const [mine, due, today] = r.body.items;
      assert.deepEqual(r.body.items.slice(0, 3).map((v: { name: string; builtIn: boolean }) => [v.name, v.builtIn]), [['我的待办', true], ['即将超时', true], ['今日新建', true]]);
      assert.match(mine.query, /^assigneeId=me&status=new,assigned,accepted,in_progress,pending_customer,pending_parts,reopened&sort=-priority$/);
      assert.equal(today.query, `createdFrom=${encodeURIComponent('2026-06-15T00:00:00+08:00')}&sort=-created_at`);
      assert.deepEqual(await numbersOf(d, today.query), ['今天无预约', '今天第一单']);
      // 12:00 on Monday. VIP first response (60 business minutes): the two from Sunday night were due
      // at 10:00, today's 11:00 ticket at 12:00 — all breached, soonest due first. The C-tier one
      // (480 minutes, warning at 16:00) is not due soon.
      assert.match(due.query, /&slaState=warning,breached&sort=sla_due$/);
      assert.deepEqual(await numbersOf(d, due.query), ['昨天最后一单', '今天第一单', '今天无预约'], 'breached and warning tickets, next SLA due first');
      const e = await w.as('engineer');
      assert.deepEqual(await numbersOf(e, mine.query), ['今天无预约', '今天第一单'], 'same priority: newest first');
      const english = await d.get('/api/v1/saved-views', { 'accept-language': 'en-US' });
      assert.deepEqual(english.body.items.slice(0, 3).map((v: { name: string }) => v.name), ['My to-do', 'Due soon', 'Created today']);
    });

    test('save, list after the built-ins, per person, delete; bad queries refused at the field', async () => {
      const made = await d.post('/api/v1/saved-views', { name: '高优先级', query: '?priority=high,urgent&teamId=t1&sort=-created_at' });
      assert.equal(made.status, 201, made.text);
      assert.deepEqual([made.body.name, made.body.query, made.body.builtIn], ['高优先级', 'priority=high,urgent&teamId=t1&sort=-created_at', false]);
      const list = (await d.get('/api/v1/saved-views')).body.items;
      assert.deepEqual(list.slice(3).map((v: { id: string }) => v.id), [made.body.id]);
      const s = await w.as('supervisor');
      assert.equal((await s.get('/api/v1/saved-views')).body.items.length, 3, 'views are per person');
      assert.equal((await s.request('DELETE', `/api/v1/saved-views/${made.body.id}`)).status, 404);

      for (const [body, field] of [
        [{ name: '高优先级', query: 'priority=low' }, 'name'],
        [{ name: 'x', query: 'priority=extreme' }, 'query.priority'],
        [{ name: 'x', query: 'foo=1' }, 'query.foo'],
        [{ name: 'x', query: 'cursor=abc' }, 'query.cursor'],
        [{ name: 'x', query: 'createdFrom=yesterday' }, 'query.createdFrom'],
        [{ name: 'x', query: 'sort=title' }, 'query.sort'],
        [{ name: '', query: '' }, 'name'],
      ] as const) {
        const r = await d.post('/api/v1/saved-views', body);
        assert.equal(r.status, 422, `${JSON.stringify(body)}: ${r.text}`);
        assert.equal(r.body.errors[0].field, field, r.text);
      }
      assert.equal((await d.request('DELETE', '/api/v1/saved-views/builtin:my-todo')).status, 409);
      assert.equal((await d.request('DELETE', `/api/v1/saved-views/${made.body.id}`)).status, 204);
      assert.equal((await d.request('DELETE', `/api/v1/saved-views/${made.body.id}`)).status, 404);
      assert.equal((await d.get('/api/v1/saved-views')).body.items.length, 3);
    });

    test('anonymous callers are refused; customers get their own views too', async () => {
      assert.equal((await w.anonymous().get('/api/v1/saved-views')).status, 401);
      const c = await w.as('customerA');
      assert.equal((await c.post('/api/v1/saved-views', { name: '我的报修', query: 'status=new' })).status, 201);
      assert.equal((await c.get('/api/v1/saved-views')).body.items.length, 4);
    });
  });
}
