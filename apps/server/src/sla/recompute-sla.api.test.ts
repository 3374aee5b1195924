/**
 * Policy and calendar edits move open tickets' deadlines at once (through the sla.recompute
 * outbox job), keep what already fired, and never back-date a breach.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import type { HttpClient } from '../testing/http-client.ts';
import { ManualClock } from '../shared/clock.ts';
import { sweepSlaDeadlines } from './sla-sweep.job.ts';
import { recomputeOpenSla } from './recompute-sla.job.ts';
import { invalidateSlaPolicies } from './policy-store.ts';
import { invalidateCalendar } from './calendar-store.ts';

const bj = (local: string) => `${local}+08:00`;
type Target = { target: string; state: string; dueAt: string | null; breachedAt: string | null };

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const target of testTargets()) {
  describe(`SLA recompute after admin edits on ${target.name}`, () => {
    let w: TestWorld;
    let clock: ManualClock;
    let admin: HttpClient;
    let d: HttpClient;
    before(async () => {
      // The policy and calendar caches are per process; the previous target's edits must not leak in.
      invalidateSlaPolicies();
      invalidateCalendar('default');
      w = await startTestWorld(target);
      clock = new ManualClock(bj('2026-03-02T09:00:00'));
      w.ctx.clock = clock;
      admin = await w.as('admin');
      d = await w.as('dispatcher');
    });
    after(async () => { await w.stop(); });

    const slaTarget = async (id: string, name: string): Promise<Target> =>
      ((await d.get(`/api/v1/tickets/${id}`)).body.sla.targets as Target[]).find((x) => x.target === name)!;
    const fired = async (id: string) => (await w.ctx.database.db.selectFrom('sla_events').select(['target', 'level', 'at'])
      .where('ticket_id', '=', id).where('fire_key', 'is not', null).orderBy('at').orderBy('id').execute());

    test('a shorter policy target re-plans open tickets now: the warning stays fired once, the breach fires at the sweep, not back-dated', async () => {
      const created = await d.post('/api/v1/tickets', { title: '冷机停机', customerId: w.customers.a, assigneeId: w.users.engineer.id, teamId: w.teams.a });
      assert.equal(created.status, 201, created.text);
      const id = created.body.id as string;
      assert.equal(created.body.sla.policy.id, 'vip');
      clock.set(bj('2026-03-02T09:45:00'));
      assert.equal((await sweepSlaDeadlines(w.ctx)).fired, 1, 'warning at 75 % of 60 min');

      clock.set(bj('2026-03-02T09:50:00'));
      const vip = (await admin.get('/api/v1/sla/policies')).body.items.find((p: { id: string }) => p.id === 'vip');
      const { id: _id, updatedAt: _u, ...body } = vip;
      const put = await admin.request('PUT', '/api/v1/sla/policies/vip', { body: { ...body, targets: { ...vip.targets, first_response: { ...vip.targets.first_response, minutes: 30 } } } });
      assert.equal(put.status, 200, put.text);

      // No change to the ticket: the job alone moves the deadline to 09:30 (already past).
      const moved = await eventually('the recompute job', async () => {
        const fr = await slaTarget(id, 'first_response');
        return fr.dueAt === new Date(bj('2026-03-02T09:30:00')).toISOString() ? fr : undefined;
      });
      assert.equal(moved.state, 'breached', 'past its new budget it shows as breached');
      const log = (await w.ctx.database.db.selectFrom('sla_events').select('kind').where('ticket_id', '=', id).execute()).map((e) => e.kind);
      assert.ok(log.includes('recompute'));

      assert.ok((await sweepSlaDeadlines(w.ctx)).fired >= 2);
      const levels = await fired(id);
      // 50 of 30 minutes used: breach, L1 and L2 (150 %) are due now; L3 (200 % = 60 min) is not; the warning stays the one fired at 09:45.
      assert.deepEqual(levels.filter((l) => l.target === 'first_response').map((l) => l.level).sort(), ['L1', 'L2', 'breach', 'warning']);
      const breach = levels.find((l) => l.level === 'breach')!;
      assert.equal(breach.at, new Date(bj('2026-03-02T09:50:00')).toISOString(), 'the breach is recorded when it fired, never at 09:30');
      assert.equal((await slaTarget(id, 'first_response')).breachedAt, new Date(bj('2026-03-02T09:50:00')).toISOString());

      // Re-running the job changes nothing and fires nothing twice.
      const again = await recomputeOpenSla(w.ctx, { policyId: 'vip' });
      assert.ok(again.scanned >= 1);
      const before2 = (await w.ctx.database.db.selectFrom('sla_events').select('id').where('ticket_id', '=', id).execute()).length;
      await recomputeOpenSla(w.ctx, { policyId: 'vip' });
      assert.equal((await w.ctx.database.db.selectFrom('sla_events').select('id').where('ticket_id', '=', id).execute()).length, before2);
      assert.equal((await sweepSlaDeadlines(w.ctx)).fired, 0);
    });

    test('a closure added to the calendar moves the running deadlines (scheduler rows and view) by a working day, logged once', async () => {
      clock.set(bj('2026-03-02T10:00:00'));
      const created = await d.post('/api/v1/tickets', { title: '打印机卡纸', customerId: w.customers.b, priority: 'low' });
      assert.equal(created.status, 201, created.text);
      const id = created.body.id as string;
      // The scheduler holds the resolution clock's next level only (ADR 019): here its warning, due a working day out.
      const breachDue = async () => (await w.ctx.database.db.selectFrom('sla_deadlines').select(['due_at', 'level'])
        .where('ticket_id', '=', id).where('target', '=', 'resolution').execute()).map((r) => `${r.level}@${r.due_at}`).join(',');
      const rowBefore = await breachDue();
      assert.match(rowBefore, /^warning@/);
      const dueBefore = Date.parse(rowBefore.split('@')[1]!);
      const viewBefore = Date.parse((await slaTarget(id, 'resolution')).dueAt!);
      const cal = (await admin.get('/api/v1/calendars/default')).body;
      const put = await admin.request('PUT', '/api/v1/calendars/default', { body: {
        version: cal.version, exceptions: [...cal.exceptions, { date: '2026-03-03', kind: 'closure', name: '年度盘点' }],
      } });
      assert.equal(put.status, 200, put.text);
      // A partial edit keeps what it did not send (statutory layer, zone, coverage).
      assert.deepEqual([put.body.statutory, put.body.timeZone, put.body.effectiveCoverage.includes(2026)], ['cn', 'Asia/Shanghai', true]);
      // The scheduler's deadline rows (not only the computed view) move once the job ran.
      const kinds = await eventually('calendar recompute', async () => {
        const rows = await w.ctx.database.db.selectFrom('sla_events').select(['kind', 'detail']).where('ticket_id', '=', id).where('kind', '=', 'recompute').execute();
        return rows.length > 0 ? rows : undefined;
      });
      const rowAfter = await breachDue();
      assert.match(rowAfter, /^warning@/);
      assert.equal(Date.parse(rowAfter.split('@')[1]!) - dueBefore, 86_400_000, 'Tuesday closed: one working day later');
      assert.equal(Date.parse((await slaTarget(id, 'resolution')).dueAt!) - viewBefore, 86_400_000);
      assert.equal(kinds.length, 1);
      assert.match(kinds[0]!.detail ?? '', /calendar_edit/);
    });

    test('giving a team another calendar moves its open tickets now (policies naming no calendar), not at their next change', async () => {
      clock.set(bj('2026-03-02T10:00:00'));
      const created = await admin.post('/api/v1/tickets', { title: '门禁读卡器失灵', customerId: w.customers.b, teamId: w.teams.b });
      assert.equal(created.status, 201, created.text);
      const id = created.body.id as string;
      assert.equal(created.body.sla.calendarId, 'default');
      // The scheduler holds the first-response clock's next level only (ADR 019): its warning (75 %).
      const frNext = async () => (await w.ctx.database.db.selectFrom('sla_deadlines').select(['level', 'due_at'])
        .where('ticket_id', '=', id).where('target', '=', 'first_response').execute()).map((r) => `${r.level}@${r.due_at}`).join(',');
      const frDue = async () => (await admin.get(`/api/v1/tickets/${id}`)).body.sla.targets.find((x: Target) => x.target === 'first_response').dueAt;
      // C tier, first response 480 business minutes: Monday 10:00 → Wednesday 10:30 on the default
      // calendar (the previous test closed Tuesday); its warning at 360 minutes is Monday 17:30.
      assert.equal(await frDue(), new Date(bj('2026-03-04T10:30:00')).toISOString());
      assert.equal(await frNext(), `warning@${new Date(bj('2026-03-02T17:30:00')).toISOString()}`);
      const put = await admin.request('PUT', `/api/v1/teams/${w.teams.b}/calendar`, { body: { calendarId: '24x7' } });
      assert.equal(put.status, 204, put.text);
      // On 24×7 the warning falls at Monday 16:00 (the breach at 18:00) — moved by the job alone.
      await eventually('team calendar recompute', async () => ((await frNext()) === `warning@${new Date(bj('2026-03-02T16:00:00')).toISOString()}` ? true : undefined));
      const view = (await admin.get(`/api/v1/tickets/${id}`)).body.sla;
      assert.equal(view.calendarId, '24x7');
      assert.equal(view.targets.find((x: Target) => x.target === 'first_response').dueAt, new Date(bj('2026-03-02T18:00:00')).toISOString());
      const log = await w.ctx.database.db.selectFrom('sla_events').select('detail').where('ticket_id', '=', id).where('kind', '=', 'recompute').execute();
      assert.equal(log.length, 1);
      // Back to the default calendar (for the next test): the job moves the deadline back.
      assert.equal((await admin.request('PUT', `/api/v1/teams/${w.teams.b}/calendar`, { body: { calendarId: null } })).status, 204);
      await eventually('back to default', async () => ((await frNext()) === `warning@${new Date(bj('2026-03-02T17:30:00')).toISOString()}` ? true : undefined));
      assert.equal(await frDue(), new Date(bj('2026-03-04T10:30:00')).toISOString());
    });

    test('deleting a policy re-matches its open tickets against the rest of the grid', async () => {
      const created = await d.post('/api/v1/tickets', { title: '整条产线停机', customerId: w.customers.a, impactScope: 'line' });
      assert.equal(created.status, 201, created.text);
      const id = created.body.id as string;
      assert.equal(created.body.sla.policy.id, 'vip-line');
      assert.equal((await admin.request('DELETE', '/api/v1/sla/policies/vip-line')).status, 204);
      const policy = await eventually('the re-match', async () => {
        const p = (await d.get(`/api/v1/tickets/${id}`)).body.sla.policy.id as string;
        return p !== 'vip-line' ? p : undefined;
      });
      assert.equal(policy, 'vip');
      assert.match((await d.get(`/api/v1/tickets/${id}`)).body.sla.why, /VIP/);
    });
  });
}
