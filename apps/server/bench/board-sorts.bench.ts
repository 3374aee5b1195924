// The board's column sorts at a million tickets (ADR 022): every list sort key but sla_due (bench:sla-list)
// × direction × the board's usual filters, first page and a deep cursor page, through the list repository,
// on SQLite and (GONGDAN_BENCH_PG_URL) Postgres. Target: p95 ≤ 100 ms (docs/benchmarks.md).
//
//   BOARD_SORTS_DATA_DIR  a COPY of a seeded data dir (bench:api's data/bench/api-1000000-…): the server
//                         migrates it on open, so the bench refuses a dir holding the seed's SEEDED marker
//   GONGDAN_BENCH_PG_URL  also Postgres: the tickets table is copied from that SQLite database into schema
//                         BOARD_SORTS_PG_SCHEMA (default boardsorts_<pid>), dropped afterwards unless
//                         BOARD_SORTS_PG_KEEP=1; an existing, filled schema is reused (and migrated)
//   BOARD_SORTS_RUNS      timed runs per case (default 10); BOARD_SORTS_ONLY=sqlite|postgres
//   BOARD_SORTS_KEYS      comma list of sorts to run (default all eight); BOARD_SORTS_CASES: filter names containing this
//
// The deep page resumes after a ticket 20,000 rows into the filtered set (in table order), i.e. somewhere
// in the middle of the sort order: a keyset predicate that is only a filter would read everything before it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import type { TicketScope } from '@gongdan/domain/access/permissions';
import { loadConfig } from '../src/config/config.ts';
import { createContext } from '../src/runtime.ts';
import type { AppContext } from '../src/app-context.ts';
import { filteredTickets, listTicketRows, type TicketFilter, type TicketPageRequest } from '../src/tickets/ticket.repository.ts';
import { parseSort, sortValueOf } from '../src/tickets/ticket-query.ts';

const dataDir = process.env.BOARD_SORTS_DATA_DIR;
if (!dataDir || !existsSync(join(dataDir, 'gongdan.db'))) throw new Error('BOARD_SORTS_DATA_DIR must name a data dir holding gongdan.db (a copy of a seeded one)');
if (existsSync(join(dataDir, 'SEEDED'))) throw new Error(`${dataDir} is a cached seed (SEEDED marker): copy it (cp --reflink=auto) and point at the copy`);
const RUNS = Number(process.env.BOARD_SORTS_RUNS ?? 10);
const SORTS = (process.env.BOARD_SORTS_KEYS ?? '-created_at,created_at,-updated_at,updated_at,-priority,priority,appointment_start,-appointment_start').split(',');
const OPEN = ['new', 'assigned', 'accepted', 'in_progress', 'pending_customer', 'pending_parts', 'reopened'];
const DEEP = 20_000;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const secrets = { LOG_LEVEL: 'silent', GONGDAN_SECRET: 'bench-secret-0123456789abcdef0123456789', GONGDAN_AUDIT_KEY: 'bench-audit-key-0123456789abcdef01234567' };

async function context(databaseUrl?: string): Promise<AppContext> {
  const t = performance.now();
  const ctx = await createContext(loadConfig({ GONGDAN_DATA_DIR: dataDir!, ...secrets, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }), { log: pino({ level: 'silent' }) });
  console.log(`  opened and migrated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return ctx;
}

type Case = { name: string; filter: TicketFilter; scope: TicketScope };

/** The board's usual queries, with a team, an assignee and a customer that hold tickets in the seed. */
async function cases(ctx: AppContext): Promise<Case[]> {
  const db = ctx.database.db;
  // An engineer and their team from an assigned ticket (new tickets have neither), a customer from any.
  const assigned = await db.selectFrom('tickets').select(['team_id', 'assignee_id', 'customer_id']).where('status', '=', 'assigned')
    .where('team_id', 'is not', null).where('assignee_id', 'is not', null).limit(1).executeTakeFirstOrThrow();
  const team = assigned.team_id as string;
  const assignee = assigned.assignee_id as string;
  const customer = assigned.customer_id;
  const all: TicketScope = { kind: 'all' };
  return [
    { name: 'open', filter: { status: OPEN }, scope: all },
    { name: 'open+team', filter: { status: OPEN, teamId: team }, scope: all },
    { name: 'open+assignee', filter: { status: OPEN, assigneeId: assignee }, scope: all },
    { name: 'open+priority', filter: { status: OPEN, priority: ['high', 'urgent'] }, scope: all },
    { name: 'open+customer', filter: { status: OPEN, customerId: customer }, scope: all },
    { name: 'open, engineer scope', filter: { status: OPEN }, scope: { kind: 'engineer', userId: assignee, teamIds: [team] } },
    { name: 'open, customer scope', filter: { status: OPEN }, scope: { kind: 'customer', customerId: customer } },
  ];
}

async function run(ctx: AppContext, label: string): Promise<void> {
  const db = ctx.database.db;
  // Postgres' autovacuum keeps statistics; the server never runs ANALYZE on SQLite, so neither does the bench there.
  if (ctx.database.dialect === 'postgres') await sql`analyze tickets`.execute(db);
  console.log(`${label}: ${(await db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n} tickets`);
  let worst = 0;
  for (const c of (await cases(ctx)).filter((x) => x.name.includes(process.env.BOARD_SORTS_CASES ?? ''))) {
    // Deterministic "deep" ticket: DEEP rows into the filtered set in table order (or its first row).
    const base = filteredTickets(db, c.filter, c.scope);
    const deepRow = (await base.offset(DEEP).limit(1).executeTakeFirst()) ?? (await base.limit(1).executeTakeFirstOrThrow());
    for (const s of SORTS) {
      const sort = parseSort(s);
      const req = (after: TicketPageRequest['after']): TicketPageRequest => ({ filter: c.filter, scope: c.scope, sort, after, limit: 50 });
      const deepAfter = { value: sortValueOf(sort.key, deepRow), id: deepRow.id };
      const first: number[] = [];
      const deep: number[] = [];
      let rows = 0;
      for (let i = 0; i <= RUNS; i++) {
        let t = performance.now();
        rows = (await listTicketRows(db, req(null))).length;
        const a = performance.now() - t;
        t = performance.now();
        await listTicketRows(db, req(deepAfter));
        const b = performance.now() - t;
        if (i > 0) { first.push(a); deep.push(b); } // the first round warms the cache
      }
      worst = Math.max(worst, pct(first, 95), pct(deep, 95));
      console.log(`  ${c.name.padEnd(22)} ${s.padEnd(19)} ${String(rows).padStart(2)} rows  first p50 ${pct(first, 50).toFixed(1).padStart(7)} p95 ${pct(first, 95).toFixed(1).padStart(7)} ms   deep p50 ${pct(deep, 50).toFixed(1).padStart(7)} p95 ${pct(deep, 95).toFixed(1).padStart(7)} ms`);
    }
  }
  console.log(`  worst p95 ${worst.toFixed(1)} ms (target ≤ 100 ms)`);
}

/** The seed's tickets into a Postgres schema: JSON batches through json_populate_recordset (one parameter each). */
async function copyTickets(ctx: AppContext, file: string): Promise<void> {
  const src = new Database(file, { readonly: true });
  const t = performance.now();
  let batch: unknown[] = [];
  let n = 0;
  const flush = async () => {
    if (!batch.length) return;
    await sql`insert into tickets select * from json_populate_recordset(null::tickets, ${JSON.stringify(batch)})`.execute(ctx.database.db);
    n += batch.length;
    batch = [];
  };
  for (const row of src.prepare('select * from tickets').iterate()) {
    batch.push(row);
    if (batch.length === 5_000) await flush();
  }
  await flush();
  src.close();
  console.log(`  copied ${n.toLocaleString('en-US')} tickets from SQLite in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

if (process.env.BOARD_SORTS_ONLY !== 'postgres') {
  const ctx = await context();
  try { await run(ctx, 'SQLite'); } finally { await ctx.database.close(); }
}
const pgUrl = process.env.GONGDAN_BENCH_PG_URL;
if (pgUrl && process.env.BOARD_SORTS_ONLY !== 'sqlite') {
  const schema = process.env.BOARD_SORTS_PG_SCHEMA ?? `boardsorts_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema if not exists ${schema}`);
  try {
    const ctx = await context(`${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`);
    try {
      const have = await ctx.database.db.selectFrom('tickets').select('id').limit(1).executeTakeFirst();
      if (!have) await copyTickets(ctx, join(dataDir, 'gongdan.db'));
      await run(ctx, 'Postgres');
    } finally { await ctx.database.close(); }
  } finally {
    if (process.env.BOARD_SORTS_PG_KEEP !== '1') await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}
