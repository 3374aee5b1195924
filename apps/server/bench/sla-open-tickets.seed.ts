// Bulk seed of real-shaped open tickets for the SLA sweep benchmark (sla-sweep.bench.ts).
//
// Why bulk SQL and not the use cases: createTicket + accept through the use cases costs a few ms
// per ticket on this box (audit chain, outbox, SLA planning, search text), i.e. about an hour for a
// million, and the benchmark measures the sweep, not ticket creation. So the rows are written with
// `INSERT … SELECT` over a number series, in the same shapes the use cases write:
//
// - tickets: open (`in_progress`), accepted (first response recorded), default workflow columns;
// - ticket_sla: the clock state the SLA hook produces for "created at S, accepted at S + 10 min"
//   under the shipped default policy on the default calendar (first response met, resolution
//   running), with the list keys (due_at, warn_at);
// - sla_deadlines: that clock's real plan — warning, L1, breach, L2, L3 of the resolution target,
//   5 rows per ticket — computed by the domain (planDeadlines) on the Chinese statutory calendar;
// - sla_events: the resolution clock's `start` row per ticket;
// - outbox: the `ticket.created` row per ticket, delivered (status done), as the outbox keeps it
//   until it is pruned.
//
// The domain computes K distinct plans (start instants spread over the last working day); ticket
// i takes plan i mod K, so every state and deadline is one the engine would have written. Audit
// records are not seeded: the sweep writes them only for red flags (L3) and reads none.
import { sql, type Kysely } from 'kysely';
import { advanceSlaClock, planDeadlines, slaListKeys } from '@gongdan/domain/sla/sla-clock';
import type { DB } from '../src/storage/tables.ts';
import type { DialectName } from '../src/storage/database.ts';
import { getCalendar } from '../src/sla/calendar-store.ts';
import { getSlaPolicies } from '../src/sla/policy-store.ts';
import { NO_SLA_DUE } from '../src/tickets/ticket.repository.ts';

const PLANS = 1_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** n numbers 0…n-1 as a derived table `s(i)` (recursive CTE on SQLite, generate_series on Postgres). */
function series(dialect: DialectName, from: number, n: number) {
  return dialect === 'postgres'
    ? sql`(select g as i from generate_series(${sql.lit(from)}::int, ${sql.lit(from + n - 1)}::int) g)`
    : sql`(with recursive r(i) as (select ${sql.lit(from)} union all select i + 1 from r where i < ${sql.lit(from + n - 1)}) select i from r)`;
}

export async function seedOpenTickets(db: Kysely<DB>, dialect: DialectName, n: number, nowMs: number): Promise<{ deadlines: number }> {
  const policy = (await getSlaPolicies(db)).find((p) => p.id === 'default');
  const business = await getCalendar(db, 'default');
  if (!policy || !business) throw new Error('the shipped default policy and calendar are missing');

  // K real plans: created at S (somewhere in the last 24 h), accepted 10 minutes later.
  const plans: { bucket: number; start_at: string; accepted_at: string; state: string; due_at: string; warn_at: string }[] = [];
  const planned: { bucket: number; target: string; cycle: number; level: string; due_at: string }[] = [];
  for (let b = 0; b < PLANS; b++) {
    const start = nowMs - 86_400_000 + Math.floor((b * 86_400_000) / PLANS);
    const accepted = start + 600_000;
    const created = advanceSlaClock(null, { nowMs: start, policy, calendarId: 'default', publicStaffReply: false, before: null, after: { category: 'open', firstResponseAt: null } });
    const acc = advanceSlaClock(created.state, {
      nowMs: accepted, policy, calendarId: 'default', publicStaffReply: false,
      before: { category: 'open', firstResponseAt: null }, after: { category: 'active', firstResponseAt: iso(accepted) },
    });
    const keys = slaListKeys(acc.state, business);
    plans.push({ bucket: b, start_at: iso(start), accepted_at: iso(accepted), state: JSON.stringify(acc.state), due_at: keys.dueMs === null ? NO_SLA_DUE : iso(keys.dueMs), warn_at: keys.warnMs === null ? NO_SLA_DUE : iso(keys.warnMs) });
    for (const d of planDeadlines(acc.state, policy, business)) planned.push({ bucket: b, target: d.target, cycle: d.cycle, level: d.level, due_at: iso(d.dueMs) });
  }
  const earliest = Math.min(...planned.map((d) => Date.parse(d.due_at)));
  if (earliest < nowMs + 3_600_000) throw new Error(`a filler deadline falls due too soon (${iso(earliest)})`);

  await db.schema.dropTable('bench_plan').ifExists().execute();
  await db.schema.dropTable('bench_plan_deadlines').ifExists().execute();
  await db.schema.createTable('bench_plan').addColumn('bucket', 'integer', (c) => c.primaryKey()).addColumn('start_at', 'text').addColumn('accepted_at', 'text')
    .addColumn('state', 'text').addColumn('due_at', 'text').addColumn('warn_at', 'text').execute();
  await db.schema.createTable('bench_plan_deadlines').addColumn('bucket', 'integer').addColumn('target', 'text').addColumn('cycle', 'integer')
    .addColumn('level', 'text').addColumn('due_at', 'text').execute();
  for (let i = 0; i < plans.length; i += 200) await (db as Kysely<any>).insertInto('bench_plan').values(plans.slice(i, i + 200)).execute();
  for (let i = 0; i < planned.length; i += 500) await (db as Kysely<any>).insertInto('bench_plan_deadlines').values(planned.slice(i, i + 500)).execute();

  const at = iso(nowMs);
  await db.insertInto('customers').values({ id: 'open-customer', code: 'open-customer', name: '压测客户（存量）', tier: 'C', industry: null, region: null, address: null, product_lines: '[]', external_refs: '{}', notes: null, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('id').doNothing()).execute();

  // In chunks of 100,000 (one statement per table each), so Postgres' WAL and SQLite's journal stay moderate.
  const CHUNK = 100_000;
  for (let from = 0; from < n; from += CHUNK) {
    const s = series(dialect, from, Math.min(CHUNK, n - from));
    const plan = sql`join bench_plan p on p.bucket = s.i % ${sql.lit(PLANS)}`;
    const prio = sql`(case s.i % 4 when 0 then 'low' when 1 then 'normal' when 2 then 'high' else 'normal' end)`;
    await sql`insert into tickets (id, number, type, title, description, customer_id, contact_id, contact_name, contact_phone, device_id, fault_type,
        impact_scope, priority, status, team_id, assignee_id, channel, custom_fields, appointment_start, appointment_end, location, resolution,
        created_by, created_at, updated_at, first_response_at, resolved_at, closed_at, version, audit_seq, audit_head, audit_head_mac, audit_checkpoint_seq)
      select 'open-' || s.i, 'GD-OPEN-' || s.i, 'repair', '存量工单 ' || s.i, '压测：批量写入的在办工单', 'open-customer', null, null, null, null, null,
        'single_device', ${prio}, 'in_progress', null, null, 'api', '{}', null, null, null, null,
        'bench', p.start_at, p.accepted_at, p.accepted_at, null, null, 2, 0, 'bench', 'bench', 0
      from ${s} s ${plan}`.execute(db);
    await sql`insert into ticket_sla (ticket_id, policy_id, policy_version, calendar_id, why, state, updated_at, due_at, warn_at)
      select 'open-' || s.i, 'default', ${sql.lit(policy.version)}, 'default', '{}', p.state, p.accepted_at, p.due_at, p.warn_at
      from ${s} s ${plan}`.execute(db);
    await sql`insert into sla_deadlines (ticket_id, target, cycle, level, due_at, attempts)
      select 'open-' || s.i, d.target, d.cycle, d.level, d.due_at, 0
      from ${s} s join bench_plan_deadlines d on d.bucket = s.i % ${sql.lit(PLANS)}`.execute(db);
    await sql`insert into sla_events (id, ticket_id, target, cycle, kind, level, at, due_at, detail, fire_key)
      select 'open-ev-' || s.i, 'open-' || s.i, 'resolution', 1, 'start', null, p.start_at, null, '{"policyId":"default"}', null
      from ${s} s ${plan}`.execute(db);
    await sql`insert into outbox (id, topic, aggregate_id, payload, created_at, available_at, attempts, status, locked_until, last_error, done_at)
      select 'open-ob-' || s.i, 'ticket.created', 'open-' || s.i, '{}', p.start_at, p.start_at, 1, 'done', null, null, p.start_at
      from ${s} s ${plan}`.execute(db);
  }
  await db.schema.dropTable('bench_plan').execute();
  await db.schema.dropTable('bench_plan_deadlines').execute();
  // Fresh statistics, as a long-running database has them (autovacuum / the app's optimize).
  await sql`analyze`.execute(db);
  return { deadlines: n * (planned.length / PLANS) };
}
