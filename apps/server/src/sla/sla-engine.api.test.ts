import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { ManualClock } from '../shared/clock.ts';
import { sweepSlaDeadlines } from './sla-sweep.job.ts';

const bj = (local: string) => `${local}+08:00`;

for (const target of testTargets()) {
  describe(`SLA engine over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    let clock: ManualClock;
    before(async () => {
      w = await startTestWorld(target);
      clock = new ManualClock(bj('2026-03-02T09:00:00'));
      w.ctx.clock = clock;
    });
    after(async () => { await w.stop(); });

    const at = async (local: string) => {
      clock.set(bj(local));
      return sweepSlaDeadlines(w.ctx);
    };
    const levels = async (ticketId: string) => (await w.ctx.database.db.selectFrom('sla_events').select(['target', 'level', 'kind'])
      .where('ticket_id', '=', ticketId).where('fire_key', 'is not', null).orderBy('at').orderBy('id').execute()).map((e) => `${e.target}:${e.level}`);

    test('VIP ticket: policy explained, warning → breach/L1 → L2 → L3 exactly once in business time, paused while waiting for the customer', async () => {
      const d = await w.as('dispatcher');
      const created = await d.post('/api/v1/tickets', { title: '空调不制冷', customerId: w.customers.a, assigneeId: w.users.engineer.id, teamId: w.teams.a });
      assert.equal(created.status, 201, created.text);
      const t = created.body;
      assert.equal(t.sla.policy.id, 'vip');
      assert.match(t.sla.why, /VIP/);
      const fr = t.sla.targets.find((x: { target: string }) => x.target === 'first_response');
      assert.deepEqual([fr.state, fr.dueAt, fr.remainingMinutes], ['ok', '2026-03-02T02:00:00.000Z', 60]);

      assert.equal((await at('2026-03-02T09:44:00')).fired, 0);
      assert.equal((await at('2026-03-02T09:45:00')).fired, 1);
      assert.deepEqual(await levels(t.id), ['first_response:warning']);
      const warned = (await d.get(`/api/v1/tickets/${t.id}`)).body.sla.targets.find((x: { target: string }) => x.target === 'first_response');
      assert.equal(warned.state, 'warning');
      await at('2026-03-02T10:00:00');
      assert.deepEqual((await levels(t.id)).slice(1).sort(), ['first_response:L1', 'first_response:breach']);
      assert.equal((await sweepSlaDeadlines(w.ctx)).fired, 0, 'nothing fires twice');
      const out = await w.ctx.database.db.selectFrom('outbox').select(['payload']).where('topic', '=', 'sla.level_fired').where('aggregate_id', '=', t.id).execute();
      const payloads = out.map((o) => JSON.parse(o.payload));
      assert.deepEqual(payloads.map((p) => p.level).sort(), ['L1', 'warning']);
      const l1 = payloads.find((p) => p.level === 'L1');
      assert.deepEqual([l1.target, l1.cycle, l1.urgent, l1.assigneeId, l1.dueAt, l1.actions], ['first_response', 1, true, w.users.engineer.id, '2026-03-02T02:00:00.000Z', ['notify_assignee', 'chat_mention_assignee']]);

      // The engineer accepts: first response met; L2 of first_response never fires.
      const e = await w.as('engineer');
      assert.equal((await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'accepted' })).status, 200);
      assert.equal((await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'in_progress' })).status, 200);
      await at('2026-03-02T11:00:00');
      assert.ok(!(await levels(t.id)).includes('first_response:L2'));
      const view = (await d.get(`/api/v1/tickets/${t.id}`)).body.sla;
      assert.equal(view.targets.find((x: { target: string }) => x.target === 'first_response').state, 'met');
      const res = view.targets.find((x: { target: string }) => x.target === 'resolution');
      assert.equal(res.state, 'ok');

      // Pause Monday 11:00 → resume Wednesday 11:00: the resolution deadline moves by two working days.
      const dueBefore = Date.parse(res.dueAt);
      clock.set(bj('2026-03-02T11:00:00'));
      assert.equal((await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'pending_customer', reason: '等客户确认停机时间' })).status, 200);
      const paused = (await d.get(`/api/v1/tickets/${t.id}`)).body.sla.targets.find((x: { target: string }) => x.target === 'resolution');
      assert.deepEqual([paused.state, paused.dueAt], ['paused', null]);
      assert.equal((await at('2026-03-04T11:00:00')).fired, 0, 'nothing fires while paused');
      assert.equal((await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'in_progress' })).status, 200);
      const resumed = (await d.get(`/api/v1/tickets/${t.id}`)).body.sla.targets.find((x: { target: string }) => x.target === 'resolution');
      assert.equal(Date.parse(resumed.dueAt) - dueBefore, 2 * 86_400_000);

      // Let it run to 200 %: warning, breach, L1, L2, L3 (red flag, audited) once each.
      await at('2026-03-20T09:00:00');
      assert.deepEqual((await levels(t.id)).filter((l) => l.startsWith('resolution')).sort(), ['resolution:L1', 'resolution:L2', 'resolution:L3', 'resolution:breach', 'resolution:warning']);
      const flagged = (await d.get(`/api/v1/tickets/${t.id}`)).body;
      assert.equal(flagged.sla.redFlag, true);
      // The operations board lists it (and only flagged tickets).
      const board = (await d.get('/api/v1/tickets?flag=sla_red')).body.items.map((x: { id: string }) => x.id);
      assert.deepEqual(board, [t.id]);
      assert.equal(flagged.sla.targets.find((x: { target: string }) => x.target === 'resolution').state, 'breached');
      const s = await w.as('supervisor');
      const audit = (await s.get(`/api/v1/tickets/${t.id}/audit`)).body.items.map((r: { action: string }) => r.action);
      assert.ok(audit.includes('ticket.flagged'));
      assert.equal((await s.get('/api/v1/audit/verify')).body.ok, true);
      const log = (await s.get(`/api/v1/tickets/${t.id}/sla-events`)).body.items.map((x: { kind: string }) => x.kind);
      for (const k of ['start', 'warn', 'breach', 'level_fired', 'fulfil', 'pause', 'resume']) assert.ok(log.includes(k), k);
    });

    test('reopen starts a new cycle; a missed deadline fires on the next sweep after a "restart"', async () => {
      clock.set(bj('2026-03-23T09:00:00'));
      const d = await w.as('dispatcher');
      const t = (await d.post('/api/v1/tickets', { title: '乙方', customerId: w.customers.b, assigneeId: w.users.engineer.id, teamId: w.teams.a })).body;
      assert.equal(t.sla.policy.id, 'c');
      const e = await w.as('engineer');
      for (const [to, extra] of [['accepted', {}], ['in_progress', {}], ['resolved', { fields: { resolution: '更换' }, customFields: { fault_photo: ['p'], result: 'resolved' } }]] as const) {
        assert.equal((await e.post(`/api/v1/tickets/${t.id}/transitions`, { to, ...extra })).status, 200, to);
      }
      const s = await w.as('supervisor');
      assert.equal((await s.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'reopened', reason: '客户反馈复发' })).status, 200);
      const view = (await d.get(`/api/v1/tickets/${t.id}`)).body.sla.targets.find((x: { target: string }) => x.target === 'resolution');
      assert.deepEqual([view.cycle, view.state], [2, 'ok']);
      // "Down" for a month: every due level of cycle 2 fires once on the first sweep.
      await at('2026-05-01T12:00:00');
      const fired = (await levels(t.id)).filter((l) => l.startsWith('resolution'));
      assert.equal(new Set(fired).size, fired.length);
      assert.ok(fired.length >= 4, fired.join());
    });

    test('admin API: calendars (import a year, month view, preview), policies (validation, match preview), coverage banner', async () => {
      const a = await w.as('admin');
      const list = (await a.get('/api/v1/calendars')).body.items.map((c: { id: string }) => c.id);
      assert.deepEqual(list.sort(), ['24x7', 'default']);
      const def = (await a.get('/api/v1/calendars/default')).body;
      assert.ok(def.effectiveCoverage.includes(2026) && !def.effectiveCoverage.includes(2027));
      const cov = (await a.get('/api/v1/sla/coverage')).body;
      assert.equal(cov.ok, false);
      assert.match(cov.banner, /2027/);
      const imported = await a.post('/api/v1/calendars/default/import', { version: def.version, year: 2027, text: '2027-01-01 元旦\n2027-02-06~2027-02-12 春节\n2027-02-14 春节 班\n' });
      assert.equal(imported.status, 200, imported.text);
      assert.ok(imported.body.effectiveCoverage.includes(2027));
      const feb = (await a.get('/api/v1/calendars/default/month?year=2027&month=2')).body.days;
      assert.equal(feb.find((x: { date: string }) => x.date === '2027-02-14').kind, 'makeup_workday');
      assert.equal(feb.find((x: { date: string }) => x.date === '2027-02-08').kind, 'holiday');
      const p = (await a.post('/api/v1/calendars/default/preview', { from: '2027-02-05T17:00:00+08:00', minutes: 120 })).body;
      assert.deepEqual(p, { due: '2027-02-14T10:00:00+08:00', uncovered: false });
      const bad = await a.post('/api/v1/calendars', { name: '坏', weekly: [[], [{ start: '18:00', end: '09:00' }], [], [], [], [], []] });
      assert.equal(bad.status, 422);
      const night = await a.post('/api/v1/calendars', { id: 'night', name: '夜班', weekly: Array.from({ length: 7 }, () => [{ start: '20:00', end: '24:00' }]), coverage: [2026] });
      assert.equal(night.status, 201, night.text);
      assert.equal((await a.request('PUT', `/api/v1/teams/${w.teams.b}/calendar`, { body: { calendarId: 'night' } })).status, 204);

      const policies = (await a.get('/api/v1/sla/policies')).body.items;
      assert.equal(policies.length, 10);
      const invalid = await a.post('/api/v1/sla/policies', { name: 'x', position: 5, targets: { resolution: { minutes: 60 } }, levels: [{ id: 'breach', trigger: { at: 'breach' }, actions: [] }] });
      assert.equal(invalid.status, 422);
      const created = await a.post('/api/v1/sla/policies', {
        id: 'team-b-night', name: '乙组夜班', position: 1, match: { teamIds: [w.teams.b] },
        targets: { first_response: { minutes: 30 }, resolution: { minutes: 120 } }, levels: [{ id: 'L1', trigger: { at: 'breach' }, actions: ['notify_assignee', 'raise_priority'], urgent: true, targets: ['resolution'] }],
      });
      assert.equal(created.status, 201, created.text);
      const m = (await a.post('/api/v1/sla/policies/match', { customerTier: 'C', teamId: w.teams.b })).body;
      assert.equal(m.policyId, 'team-b-night');
      assert.equal((await a.get('/api/v1/sla/policies')).status, 200);
      const e = await w.as('engineer');
      assert.equal((await e.post('/api/v1/sla/policies', { name: 'x', position: 1, targets: { resolution: { minutes: 1 } } })).status, 403);
    });

    test('team calendar + raise priority: reassignment re-matches the policy and moves deadlines without back-dating', async () => {
      clock.set(bj('2026-03-24T21:00:00'));
      const d = await w.as('dispatcher');
      const t = (await d.post('/api/v1/tickets', { title: '夜间报修', customerId: w.customers.b, teamId: w.teams.a })).body;
      assert.equal(t.sla.policy.id, 'c');
      const moved = await d.patch(`/api/v1/tickets/${t.id}`, { version: t.version, teamId: w.teams.b });
      assert.equal(moved.status, 200, moved.text);
      assert.equal(moved.body.sla.policy.id, 'team-b-night');
      assert.equal(moved.body.sla.calendarId, 'night');
      const res = moved.body.sla.targets.find((x: { target: string }) => x.target === 'resolution');
      assert.equal(res.dueAt, '2026-03-24T15:00:00.000Z'); // 21:00 + 120 min of the 20:00–24:00 night shift
      await at('2026-03-24T23:00:00');
      const after = (await d.get(`/api/v1/tickets/${t.id}`)).body;
      assert.equal(after.priority, 'high', 'L1 raised the priority (an audited change)');
      const log = (await w.ctx.database.db.selectFrom('sla_events').select(['kind', 'level', 'at', 'due_at']).where('ticket_id', '=', t.id).where('kind', '=', 'breach').where('target', '=', 'resolution').execute());
      assert.equal(log.length, 1);
      assert.ok(log[0]!.at >= log[0]!.due_at!, 'breach recorded when noticed, never before due');
    });
  });
}
