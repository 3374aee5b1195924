import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Actor } from '@gongdan/domain/access/roles';
import type { CreateTicketInput } from '@gongdan/contracts/tickets';
import { systemMeta } from '../app-context.ts';
import { ManualClock } from '../shared/clock.ts';
import { createTicket } from '../tickets/create-ticket.ts';
import { transitionTicket } from '../tickets/transition-ticket.ts';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

/**
 * Smart field linkage and Customer 360 over HTTP, on a crafted clock: the server believes it is
 * 2026-06-15 12:00 in Asia/Shanghai, and tickets are opened through the createTicket use case
 * at chosen instants, so windows, month buckets and the 30-day repeat rule are checked exactly.
 */
const NOW = '2026-06-15T04:00:00.000Z';

for (const target of testTargets()) {
  describe(`customer summary, device summary and ticket stats on ${target.name}`, () => {
    let w: TestWorld;
    let d: HttpClient;
    let customerId: string;
    const dev: Record<'d1' | 'd2' | 'd3', string> = { d1: '', d2: '', d3: '' };
    const contacts: Record<string, string> = {};
    const t: Record<string, string> = {};

    const open = async (key: string, at: string, input: Partial<CreateTicketInput>, actor: Actor = w.users.dispatcher) => {
      const ctx = { ...w.ctx, clock: new ManualClock(at) };
      const r = await createTicket(ctx, actor, { type: 'repair', title: key, description: '', customerId, impactScope: 'single_device', priority: 'normal', channel: 'phone', customFields: {}, ...input }, systemMeta);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      t[key] = r.value.id;
    };
    const move = async (key: string, at: string, to: string, extra: Record<string, unknown> = {}) => {
      const r = await transitionTicket({ ...w.ctx, clock: new ManualClock(at) }, w.users.supervisor, t[key] as string, { to, ...extra }, systemMeta);
      if (!r.ok) throw new Error(`${to}: ${JSON.stringify(r.error)}`);
    };

    before(async () => {
      w = await startTestWorld(target);
      w.ctx.clock = new ManualClock(NOW);
      d = await w.as('dispatcher');
      const c = await d.post('/api/v1/customers', {
        code: 'LINK-1', name: '联动客户', tier: 'A', productLines: ['空调', '冷库'],
        contacts: [{ name: '李四', phone: '13800000002' }, { name: '张三', phone: '13800000001', isPrimary: true }, { name: '王五', phone: '13800000003' }],
      });
      assert.equal(c.status, 201, c.text);
      customerId = c.body.id;
      for (const x of (await d.get(`/api/v1/customers/${customerId}`)).body.contacts) contacts[x.name] = x.id;
      for (const [number, tier, startsOn, endsOn] of [['HT-OLD', 'B', '2025-01-01', '2025-12-31'], ['HT-NOW', 'VIP', '2026-01-01', '2026-07-10'], ['HT-NEXT', 'A', '2026-07-11', '2027-07-10']]) {
        assert.equal((await d.post(`/api/v1/customers/${customerId}/contracts`, { number, name: number, serviceTier: tier, startsOn, endsOn })).status, 201);
      }
      for (const [key, warrantyUntil] of [['d1', '2026-06-20'], ['d2', '2026-06-14'], ['d3', null]] as const) {
        const r = await d.post(`/api/v1/customers/${customerId}/devices`, { model: `M-${key}`, serialNumber: `SN-LINK-${key}`, warrantyUntil });
        assert.equal(r.status, 201, r.text);
        dev[key] = r.body.id;
      }
      await open('t1', '2026-01-10T02:00:00Z', { deviceId: dev.d1, faultType: 'no_cooling', contactId: contacts['王五'] });
      await open('t2', '2026-01-30T02:00:00Z', { deviceId: dev.d1, faultType: 'no_cooling', contactId: contacts['王五'] }); // 20 days: repeat
      await open('t10', '2026-02-01T02:00:00Z', { faultType: 'no_cooling' }); // no device: not counted
      await open('t11', '2026-02-15T02:00:00Z', { deviceId: dev.d1, faultType: 'no_cooling' }); // cancelled below: ignored
      await open('t3', '2026-03-15T02:00:00Z', { deviceId: dev.d1, faultType: 'no_cooling', contactId: contacts['王五'] }); // 44 days after t2: not
      await open('t4', '2026-03-20T02:00:00Z', { deviceId: dev.d1, faultType: 'noise', contactId: contacts['李四'], assigneeId: w.users.engineer.id });
      await open('t5', '2026-03-25T00:00:00Z', { deviceId: dev.d2, faultType: 'no_cooling' });
      await open('t6', '2026-04-24T00:00:00Z', { deviceId: dev.d2, faultType: 'no_cooling' }); // exactly 30 days: repeat
      await open('t7', '2026-05-24T00:00:00.001Z', { deviceId: dev.d2, faultType: 'no_cooling' }); // 30 days + 1 ms: not
      await open('t8', '2025-05-20T02:00:00Z', { deviceId: dev.d3, faultType: 'leak' }); // before the 12-month window
      await open('t9', '2025-06-16T02:00:00Z', { deviceId: dev.d3, faultType: 'leak' }); // 27 days after t8: repeat
      await open('t12', '2026-05-31T17:00:00Z', {}); // 2026-06-01 01:00 in Shanghai: a June ticket
      await move('t11', '2026-02-16T02:00:00Z', 'cancelled', { reason: '重复报修' });
      await move('t4', '2026-04-01T06:00:00Z', 'accepted');
      await move('t4', '2026-04-01T07:00:00Z', 'in_progress');
      await move('t4', '2026-04-01T08:00:00Z', 'resolved', { fields: { resolution: '紧固风扇' }, customFields: { fault_photo: ['p1'], result: 'resolved' } });
    });
    after(async () => { await w?.stop(); });

    test('customer summary: SLA tier of the contract in force, contacts by use, warranty, history', async () => {
      const r = await d.get(`/api/v1/customers/${customerId}/summary`);
      assert.equal(r.status, 200, r.text);
      const s = r.body;
      assert.equal(s.tier, 'A');
      assert.deepEqual(s.productLines, ['空调', '冷库']);
      assert.equal(s.slaTier, 'VIP');
      assert.equal(s.activeContract.number, 'HT-NOW');
      assert.deepEqual(s.usualContacts.map((c: { name: string; ticketCount: number }) => [c.name, c.ticketCount]), [['张三', 0], ['王五', 3], ['李四', 1]]);
      const warranty = Object.fromEntries(s.devices.map((x: { serialNumber: string; warranty: unknown }) => [x.serialNumber, x.warranty]));
      assert.deepEqual(warranty['SN-LINK-d1'], { state: 'in_warranty', until: '2026-06-20', daysLeft: 5 });
      assert.deepEqual(warranty['SN-LINK-d2'], { state: 'expired', until: '2026-06-14', daysLeft: -1 });
      assert.deepEqual(warranty['SN-LINK-d3'], { state: 'unknown', until: null, daysLeft: null });
      assert.equal(s.history.ticketCount, 12);
      assert.equal(s.history.openCount, 11, 'the cancelled ticket is not open');
      assert.deepEqual(s.history.topFaultTypes12m, [{ faultType: 'no_cooling', count: 8 }, { faultType: 'leak', count: 1 }, { faultType: 'noise', count: 1 }]);
      assert.equal(s.history.lastVisitAt, '2026-04-01T08:00:00.000Z');
      // Counted: t1 t2 t3 t4 t5 t6 t7 t9 (t8 before the window, t10 without device, t11 cancelled); repeats: t2 t6 t9.
      assert.deepEqual({ repeats: s.history.repeatRepair.repeats, tickets: s.history.repeatRepair.tickets }, { repeats: 3, tickets: 8 });
      assert.equal(s.history.repeatRepairRate, 0.375);
      assert.equal(s.history.repeatRepair.lookbackDays, 30);
    });

    test('ticket stats: 12 local months, repeat rate over them, contracts ending within 30 days flagged', async () => {
      const r = await d.get(`/api/v1/customers/${customerId}/ticket-stats`);
      assert.equal(r.status, 200, r.text);
      const s = r.body;
      assert.equal(s.timeZone, 'Asia/Shanghai');
      assert.deepEqual(s.months.map((m: { month: string; count: number }) => `${m.month}:${m.count}`), [
        '2025-07:0', '2025-08:0', '2025-09:0', '2025-10:0', '2025-11:0', '2025-12:0',
        '2026-01:2', '2026-02:2', '2026-03:3', '2026-04:1', '2026-05:1', '2026-06:1',
      ]);
      assert.equal(s.repeatRepair.windowFrom, '2025-06-30T16:00:00.000Z', 'July 1st 00:00 in Shanghai');
      assert.deepEqual([s.repeatRepair.repeats, s.repeatRepair.tickets, s.repeatRepair.rate], [2, 7, 0.2857]);
      const byNumber = Object.fromEntries(s.contracts.map((c: { number: string }) => [c.number, c]));
      assert.deepEqual([byNumber['HT-NOW'].active, byNumber['HT-NOW'].daysLeft, byNumber['HT-NOW'].expiringSoon], [true, 25, true]);
      assert.deepEqual([byNumber['HT-OLD'].active, byNumber['HT-OLD'].expiringSoon], [false, false]);
      assert.deepEqual([byNumber['HT-NEXT'].active, byNumber['HT-NEXT'].expiringSoon], [false, false]);
      assert.equal(s.expiringContracts, 1);
    });

    test('device summary: model, serial, warranty and newest tickets, only the visible ones for an engineer', async () => {
      const r = await d.get(`/api/v1/devices/${dev.d1}/summary`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.model, 'M-d1');
      assert.equal(r.body.serialNumber, 'SN-LINK-d1');
      assert.equal(r.body.customer.name, '联动客户');
      assert.deepEqual(r.body.warranty, { state: 'in_warranty', until: '2026-06-20', daysLeft: 5 });
      assert.equal(r.body.ticketCount, 5);
      assert.deepEqual(r.body.lastTickets.map((x: { id: string }) => x.id), [t.t4, t.t3, t.t11, t.t2, t.t1]);
      assert.equal(r.body.lastTickets[0].statusLabel, '待客户确认', 'resolving moves on to awaiting the customer’s confirmation');
      const e = await w.as('engineer');
      const mine = await e.get(`/api/v1/devices/${dev.d1}/summary`);
      assert.equal(mine.status, 200, mine.text);
      assert.deepEqual(mine.body.lastTickets.map((x: { id: string }) => x.id), [t.t4]);
      assert.equal(mine.body.ticketCount, 5);
    });

    test('unknown ids answer 404 problem+json; customers may not read summaries (403)', async () => {
      for (const path of ['/api/v1/customers/nope/summary', '/api/v1/customers/nope/ticket-stats', '/api/v1/devices/nope/summary']) {
        const r = await d.get(path);
        assert.equal(r.status, 404, `${path}: ${r.text}`);
        assert.equal(r.body.code, 'not_found');
        assert.match(r.headers.get('content-type') ?? '', /problem\+json/);
      }
      const cust = await w.as('customerA');
      for (const path of [`/api/v1/customers/${customerId}/summary`, `/api/v1/customers/${customerId}/ticket-stats`, `/api/v1/devices/${dev.d1}/summary`]) {
        const r = await cust.get(path);
        assert.equal(r.status, 403, `${path}: ${r.text}`);
        assert.equal((await w.anonymous().get(path)).status, 401);
      }
    });
  });
}
