/**
 * The board's SLA filter and sort (the built-in view 即将超时): open tickets whose SLA is in warning
 * or breached, next SLA due time first (breached first), with keyset paging over the new sort.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import type { HttpClient } from '../testing/http-client.ts';
import { ManualClock } from '../shared/clock.ts';
import { invalidateSlaPolicies } from '../sla/policy-store.ts';
import { invalidateCalendar } from '../sla/calendar-store.ts';
import { recomputeOpenSla } from '../sla/recompute-sla.job.ts';

const bj = (local: string) => new Date(`${local}+08:00`).toISOString();

for (const target of testTargets()) {
  describe(`ticket list by SLA state and due time on ${target.name}`, () => {
    let w: TestWorld;
    let clock: ManualClock;
    let a: HttpClient;
    const ids: Record<'vip' | 'line' | 'c' | 'accepted', string> = { vip: '', line: '', c: '', accepted: '' };
    before(async () => {
      invalidateSlaPolicies();
      invalidateCalendar('default');
      w = await startTestWorld(target);
      clock = new ManualClock(bj('2026-03-02T09:00:00'));
      w.ctx.clock = clock;
      a = await w.as('admin');
      // Monday 09:00: VIP single device (first response 60 min), VIP line (30 min), C tier (480 min).
      const make = async (body: Record<string, unknown>) => {
        const r = await a.post('/api/v1/tickets', body);
        assert.equal(r.status, 201, r.text);
        return r.body.id as string;
      };
      ids.vip = await make({ title: '冷机报警', customerId: w.customers.a });
      ids.line = await make({ title: '整条产线停机', customerId: w.customers.a, impactScope: 'line' });
      ids.c = await make({ title: '打印机卡纸', customerId: w.customers.b });
      ids.accepted = await make({ title: '已接单的 VIP 工单', customerId: w.customers.a, assigneeId: w.users.engineer.id, teamId: w.teams.a });
    });
    after(async () => { await w.stop(); });

    const list = async (query: string) => {
      const r = await a.get(`/api/v1/tickets?${query}`);
      assert.equal(r.status, 200, r.text);
      return r.body as { items: { id: string; sla: { targets: { state: string }[] } | null }[]; nextCursor: string | null };
    };
    const pages = async (query: string) => {
      const out: string[] = [];
      let cursor: string | null = null;
      do {
        const p = await list(`${query}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        out.push(...p.items.map((t) => t.id));
        cursor = p.nextCursor;
      } while (cursor);
      return out;
    };

    test('at 09:50 the line ticket is breached (due 09:30) and the VIP one in warning (due 10:00): breached first, then warning; ok tickets are left out', async () => {
      // The engineer accepts one VIP ticket: its first response is met, its resolution clock (900 min) is far from warning.
      clock.set(bj('2026-03-02T09:20:00'));
      const e = await w.as('engineer');
      const accepted = await e.post(`/api/v1/tickets/${ids.accepted}/transitions`, { to: 'accepted' });
      assert.equal(accepted.status, 200, accepted.text);

      clock.set(bj('2026-03-02T09:40:00'));
      assert.deepEqual((await list('slaState=warning,breached&sort=sla_due')).items.map((x) => x.id), [ids.line], 'at 09:40 only the line ticket (its warning was 09:22)');

      clock.set(bj('2026-03-02T09:50:00'));
      const both = await list('slaState=warning,breached&sort=sla_due');
      assert.deepEqual(both.items.map((x) => x.id), [ids.line, ids.vip]);
      assert.deepEqual(both.items.map((x) => x.sla?.targets.find((g) => g.state !== 'ok')?.state), ['breached', 'warning'], 'the filter agrees with what the SLA column shows');
      assert.deepEqual(await pages('slaState=warning,breached&sort=sla_due'), [ids.line, ids.vip], 'keyset paging over the sla_due sort');
      assert.deepEqual((await list('slaState=breached')).items.map((x) => x.id), [ids.line]);
      assert.deepEqual((await list('slaState=warning')).items.map((x) => x.id), [ids.vip]);

      // Without the filter the sort still works: running clocks by due time, the C ticket (first response 480 min: Tuesday 09:30) after the VIP (10:00), the accepted one (resolution) later still.
      const all = await pages('sort=sla_due');
      assert.deepEqual(all, [ids.line, ids.vip, ids.c, ids.accepted]);
      assert.deepEqual(await pages('sort=-sla_due'), [...all].reverse());

      // The built-in view 即将超时 is exactly this query.
      const views = (await a.get('/api/v1/saved-views')).body.items as { id: string; query: string }[];
      const dueSoon = views.find((v) => v.id === 'builtin:due-soon');
      assert.ok(dueSoon);
      assert.match(dueSoon.query, /slaState=warning,breached/);
      assert.match(dueSoon.query, /sort=sla_due/);
      assert.deepEqual((await list(dueSoon.query)).items.map((x) => x.id), [ids.line, ids.vip]);
    });

    test('a paused clock leaves the view and comes back on resume; bad filter values and cursors of another sort are refused as problems', async () => {
      const e = await w.as('engineer');
      // Move the breached line ticket to the engineer, who puts it on hold waiting for the customer.
      const assigned = await a.post(`/api/v1/tickets/${ids.line}/transitions`, { to: 'assigned', fields: { assigneeId: w.users.engineer.id } });
      assert.equal(assigned.status, 200, assigned.text);
      for (const to of ['accepted', 'in_progress', 'pending_customer']) {
        const r = await e.post(`/api/v1/tickets/${ids.line}/transitions`, { to, ...(to === 'pending_customer' ? { reason: '等客户确认停机时间' } : {}) });
        assert.equal(r.status, 200, `${to}: ${r.text}`);
      }
      // Its first response is met now; the resolution clock (450 min) is paused: nothing of it is in the view.
      assert.deepEqual((await list('slaState=warning,breached&sort=sla_due')).items.map((x) => x.id), [ids.vip]);
      assert.equal((await e.post(`/api/v1/tickets/${ids.line}/transitions`, { to: 'in_progress' })).status, 200);
      assert.deepEqual((await list('sort=sla_due&limit=3')).items.map((x) => x.id), [ids.vip, ids.line, ids.c], 'resumed: its resolution (18:00) is due before the C ticket\'s first response (Tuesday 09:30)');

      const bad = await a.get('/api/v1/tickets?slaState=late');
      assert.equal(bad.status, 422, bad.text);
      assert.equal(bad.body.errors[0].field, 'query.slaState.0');
      const page = await list('sort=-created_at&limit=1');
      assert.ok(page.nextCursor);
      const wrong = await a.get(`/api/v1/tickets?sort=sla_due&cursor=${encodeURIComponent(page.nextCursor)}`);
      assert.equal(wrong.status, 422, wrong.text);
      assert.equal(wrong.body.errors[0].field, 'cursor');
    });

    test('clocks written before the list keys existed get them from the one-off recompute, without a recompute event', async () => {
      const db = w.ctx.database.db;
      const before = await db.selectFrom('ticket_sla').select(['ticket_id', 'due_at', 'warn_at']).where('ticket_id', '=', ids.vip).executeTakeFirstOrThrow();
      assert.ok(before.due_at && before.warn_at);
      await db.updateTable('ticket_sla').set({ due_at: null, warn_at: null }).execute();
      const events = async () => (await db.selectFrom('sla_events').select('id').where('kind', '=', 'recompute').execute()).length;
      const n = await events();
      const r = await recomputeOpenSla(w.ctx, { missingKeys: true });
      assert.ok(r.recomputed >= 4, JSON.stringify(r));
      const afterRow = await db.selectFrom('ticket_sla').select(['ticket_id', 'due_at', 'warn_at']).where('ticket_id', '=', ids.vip).executeTakeFirstOrThrow();
      assert.deepEqual(afterRow, before);
      assert.equal(await events(), n);
      assert.deepEqual((await list('slaState=warning,breached&sort=sla_due')).items.map((x) => x.id), [ids.vip]);
    });

    test('"why this SLA" names the policy by the grid\'s 顺序, also for explanations stored with older wording', async () => {
      const db = w.ctx.database.db;
      const row = await db.selectFrom('ticket_sla').select('why').where('ticket_id', '=', ids.vip).executeTakeFirstOrThrow();
      const why = JSON.parse(row.why);
      await db.updateTable('ticket_sla').set({ why: JSON.stringify({ ...why, summary: { zh: '客户等级 VIP ∈ {VIP} → 第 30 条策略「VIP · 单台设备」（跳过 2 条）', en: 'old' } }) }).where('ticket_id', '=', ids.vip).execute();
      const shown = (await a.get(`/api/v1/tickets/${ids.vip}`)).body.sla.why as string;
      assert.equal(shown, '客户等级 VIP ∈ {VIP} → 顺序 30 的策略「VIP · 单台设备」（排在前面的 2 条不匹配）');
    });
  });
}
