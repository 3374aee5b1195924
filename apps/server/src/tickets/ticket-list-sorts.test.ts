import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { priorityRank, PRIORITIES } from '@gongdan/domain/ticket/ticket';
import type { TicketScope } from '@gongdan/domain/access/permissions';
import { systemMeta } from '../app-context.ts';
import { ManualClock } from '../shared/clock.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { createTicket } from './create-ticket.ts';
import { listTicketRows, NO_APPOINTMENT, type ListedTicketRow, type TicketFilter, type TicketPageRequest, type TicketSortKey } from './ticket.repository.ts';
import { sortValueOf } from './ticket-query.ts';

/**
 * Every board sort but sla_due, both ways, read slice by slice and status by status (ADR 022): the
 * pages walked with keyset cursors must be exactly the order of the plain sort expression
 * (`case priority …`, `coalesce(appointment_start, far future)`, then id) computed here in memory,
 * over tickets with tied instants, tied priorities and missing appointments.
 */
for (const target of testTargets()) {
  describe(`board sorts on ${target.name}`, () => {
    let w: TestWorld;
    const statuses = ['new', 'assigned', 'in_progress', 'pending_parts'];
    type Made = { id: string; status: string; priority: string; updated_at: string; created_at: string; appointment_start: string | null; team_id: string | null; assignee_id: string | null };
    const made: Made[] = [];

    before(async () => {
      w = await startTestWorld(target);
      for (let i = 0; i < 30; i++) {
        // Pairs of tickets share their creation instant, triples their update instant; every fourth has no appointment
        // and appointments repeat, so every key has ties that only the id breaks.
        const created = new Date(Date.UTC(2026, 5, 1, 8, 0, i - (i % 2))).toISOString();
        const r = await createTicket({ ...w.ctx, clock: new ManualClock(created) }, w.users.dispatcher, {
          type: 'it', title: `排序 ${i}`, description: '', customerId: i % 3 === 0 ? w.customers.b : w.customers.a,
          impactScope: 'single_device', priority: PRIORITIES[(i * 3) % PRIORITIES.length] as (typeof PRIORITIES)[number], channel: 'phone', customFields: {},
        }, systemMeta);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        made.push({
          id: r.value.id, status: statuses[(i * 7) % statuses.length] as string, priority: PRIORITIES[(i * 3) % PRIORITIES.length] as string,
          created_at: created, updated_at: new Date(Date.UTC(2026, 5, 2, 9, 0, 30 - i + (i % 3))).toISOString(),
          appointment_start: i % 4 === 1 ? null : new Date(Date.UTC(2026, 5, 3 + (i % 5), 10)).toISOString(),
          team_id: i % 2 === 0 ? w.teams.a : null, assignee_id: i % 5 === 0 ? w.users.engineer.id : null,
        });
      }
      // Test set-up only: the statuses, instants, appointments and owners directly.
      for (const m of made) {
        await sql`update tickets set status = ${m.status}, updated_at = ${m.updated_at}, appointment_start = ${m.appointment_start},
          team_id = ${m.team_id}, assignee_id = ${m.assignee_id} where id = ${m.id}`.execute(w.ctx.database.db);
      }
    });
    after(async () => { await w?.stop(); });

    const walk = async (filter: TicketFilter, scope: TicketScope, sort: { key: TicketSortKey; desc: boolean }, limit: number) => {
      const seen: ListedTicketRow[] = [];
      let after: TicketPageRequest['after'] = null;
      for (let pages = 0; pages < 100; pages++) {
        const rows = await listTicketRows(w.ctx.database.db, { filter: { ...filter, q: '排序' }, scope, sort, after, limit });
        assert.ok(rows.length <= limit + 1);
        const page = rows.slice(0, limit);
        seen.push(...page);
        const last = page[page.length - 1];
        if (rows.length <= limit || !last) return seen;
        after = { value: sortValueOf(sort.key, last), id: last.id };
      }
      throw new Error('paging did not end');
    };

    const keyOf = (key: TicketSortKey, m: Made): string | number =>
      key === 'priority' ? priorityRank(m.priority) : key === 'appointment_start' ? m.appointment_start ?? NO_APPOINTMENT : m[key as 'created_at' | 'updated_at'];
    const expected = (rows: Made[], key: TicketSortKey, desc: boolean) => {
      const asc = [...rows].sort((a, b) => {
        const x = keyOf(key, a);
        const y = keyOf(key, b);
        return x !== y ? (x < y ? -1 : 1) : a.id < b.id ? -1 : 1;
      }).map((m) => m.id);
      return desc ? asc.reverse() : asc;
    };

    const cases: { name: string; filter: TicketFilter; scope: TicketScope; holds: (m: Made) => boolean }[] = [
      { name: 'several statuses', filter: { status: ['new', 'in_progress', 'pending_parts'] }, scope: { kind: 'all' }, holds: (m) => m.status !== 'assigned' },
      { name: 'one status', filter: { status: ['assigned'] }, scope: { kind: 'all' }, holds: (m) => m.status === 'assigned' },
      { name: 'any status', filter: {}, scope: { kind: 'all' }, holds: () => true },
      { name: 'statuses + priorities', filter: { status: statuses, priority: ['urgent', 'low'] }, scope: { kind: 'all' }, holds: (m) => m.priority === 'urgent' || m.priority === 'low' },
      { name: 'statuses + team', filter: { status: statuses, teamId: 'TEAM' }, scope: { kind: 'all' }, holds: (m) => m.team_id !== null },
      { name: 'statuses + assignee', filter: { status: [...statuses, 'cancelled'], assigneeId: 'ENGINEER' }, scope: { kind: 'all' }, holds: (m) => m.assignee_id !== null },
      { name: 'engineer scope', filter: { status: ['new', 'assigned'] }, scope: { kind: 'engineer', userId: 'ENGINEER', teamIds: ['TEAM'] },
        holds: (m) => (m.status === 'new' || m.status === 'assigned') && (m.team_id !== null || m.assignee_id !== null) },
      { name: 'customer scope', filter: { status: statuses }, scope: { kind: 'customer', customerId: 'CUSTOMER' }, holds: (m) => made.indexOf(m) % 3 === 0 },
    ];

    for (const key of ['created_at', 'updated_at', 'priority', 'appointment_start'] as const) {
      test(`${key}: every page both ways equals the in-memory sort by (key, id)`, async () => {
        for (const c of cases) {
          const filter = { ...c.filter, ...(c.filter.teamId ? { teamId: w.teams.a } : {}), ...(c.filter.assigneeId ? { assigneeId: w.users.engineer.id } : {}) };
          const scope: TicketScope = c.scope.kind === 'engineer' ? { kind: 'engineer', userId: w.users.engineer.id, teamIds: [w.teams.a] }
            : c.scope.kind === 'customer' ? { kind: 'customer', customerId: w.customers.b } : c.scope;
          const want = made.filter((m) => (!c.filter.status || c.filter.status.includes(m.status)) && c.holds(m));
          assert.ok(want.length >= 5, `${c.name}: the fixture has tickets for the case`);
          for (const desc of [true, false]) {
            for (const limit of [1, 4, 50]) {
              const got = await walk(filter, scope, { key, desc }, limit);
              assert.deepEqual(got.map((r) => r.id), expected(want, key, desc), `${c.name} ${desc ? '-' : ''}${key} limit=${limit}`);
            }
          }
        }
      });
    }

    test('a cursor on a ticket without an appointment resumes among those without one', async () => {
      const open = { status: statuses };
      const none = expected(made, 'appointment_start', false).filter((id) => made.find((m) => m.id === id)?.appointment_start === null);
      const pivot = none[1] as string;
      for (const desc of [false, true]) {
        const rows = await listTicketRows(w.ctx.database.db, {
          filter: { ...open, q: '排序' }, scope: { kind: 'all' }, sort: { key: 'appointment_start', desc }, after: { value: NO_APPOINTMENT, id: pivot }, limit: 100,
        });
        const all = expected(made, 'appointment_start', desc);
        assert.deepEqual(rows.map((r) => r.id), all.slice(all.indexOf(pivot) + 1));
      }
    });
  });
}
