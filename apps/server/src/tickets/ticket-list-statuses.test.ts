import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { systemMeta } from '../app-context.ts';
import { ManualClock } from '../shared/clock.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { createTicket } from './create-ticket.ts';
import { listTicketRows, type ListedTicketRow, type TicketPageRequest } from './ticket.repository.ts';

/**
 * Several statuses, newest first, are read one status at a time and merged (ADR 018): the pages
 * must be exactly those of the plain `status in (…)` order, keyset cursor included, same instants too.
 */
for (const target of testTargets()) {
  describe(`board list with several statuses on ${target.name}`, () => {
    let w: TestWorld;
    const statuses = ['new', 'assigned', 'in_progress', 'cancelled'];
    const made: { id: string; status: string; at: string }[] = [];

    before(async () => {
      w = await startTestWorld(target);
      for (let i = 0; i < 24; i++) {
        // Every third ticket shares its instant with the one before, so ties are ordered by id.
        const at = new Date(Date.UTC(2026, 5, 1, 8, 0, i - (i % 3 === 2 ? 1 : 0))).toISOString();
        const r = await createTicket({ ...w.ctx, clock: new ManualClock(at) }, w.users.dispatcher, {
          type: 'it', title: `状态合并 ${i}`, description: '', customerId: w.customers.a, impactScope: 'single_device', priority: 'normal', channel: 'phone', customFields: {},
        }, systemMeta);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        made.push({ id: r.value.id, status: statuses[(i * 7) % statuses.length] as string, at });
      }
      // Test set-up only: put the tickets in their statuses directly.
      for (const m of made) await sql`update tickets set status = ${m.status} where id = ${m.id}`.execute(w.ctx.database.db);
    });
    after(async () => { await w?.stop(); });

    const walk = async (status: string[], desc: boolean, limit: number) => {
      const seen: ListedTicketRow[] = [];
      let after: TicketPageRequest['after'] = null;
      for (let pages = 0; pages < 50; pages++) {
        const rows = await listTicketRows(w.ctx.database.db, {
          filter: { status, q: '状态合并' }, scope: { kind: 'all' }, sort: { key: 'created_at', desc }, after, limit,
        });
        assert.ok(rows.length <= limit + 1);
        const page = rows.slice(0, limit);
        seen.push(...page);
        const last = page[page.length - 1];
        if (rows.length <= limit || !last) return seen;
        after = { value: last.created_at, id: last.id };
      }
      throw new Error('paging did not end');
    };

    test('newest and oldest first, across pages: every ticket of the statuses once, in (created_at, id) order', async () => {
      for (const want of [['new', 'in_progress'], ['assigned', 'cancelled', 'new'], ['in_progress']]) {
        for (const desc of [true, false]) {
          const expected = made.filter((m) => want.includes(m.status))
            .sort((a, b) => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.id < b.id ? -1 : 1)).map((m) => m.id);
          if (desc) expected.reverse();
          for (const limit of [1, 4, 50]) {
            const got = await walk(want, desc, limit);
            assert.deepEqual(got.map((r) => r.id), expected, `${want.join(',')} desc=${desc} limit=${limit}`);
            assert.ok(got.every((r) => want.includes(r.status)));
          }
        }
      }
    });
  });
}
