// The board's SLA view at scale: SLA_LIST_ROWS (default 1,000,000) real-shaped open tickets
// (bench/sla-open-tickets.seed.ts) of which SLA_LIST_HOT (default 2,000) have passed their warning
// instant; times the first page and a deep cursor page of
//   slaState=warning,breached&sort=sla_due   (the built-in view 即将超时)
//   sort=sla_due                              (the SLA column sorted, no filter)
// through the list repository, on SQLite and (GONGDAN_BENCH_PG_URL) Postgres.
// Target: the same as the board's list (p95 ≤ 100 ms at 1M tickets, docs/benchmarks.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.ts';
import { createContext } from '../src/runtime.ts';
import type { AppContext } from '../src/app-context.ts';
import { listTicketRows, type TicketPageRequest } from '../src/tickets/ticket.repository.ts';
import { sortValueOf } from '../src/tickets/ticket-query.ts';
import { seedOpenTickets } from './sla-open-tickets.seed.ts';

const ROWS = Number(process.env.SLA_LIST_ROWS ?? 1_000_000);
const HOT = Number(process.env.SLA_LIST_HOT ?? 2_000);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function context(dataDir: string, databaseUrl?: string): Promise<AppContext> {
  const config = loadConfig({ GONGDAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', GONGDAN_SECRET: 'bench-secret-0123456789abcdef0123456789', GONGDAN_AUDIT_KEY: 'bench-audit-key-0123456789abcdef01234567', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  return createContext(config, { log: pino({ level: 'silent' }) });
}

async function run(ctx: AppContext, label: string): Promise<void> {
  const db = ctx.database.db;
  const now = Date.now();
  const t0 = performance.now();
  await seedOpenTickets(db, ctx.database.dialect, ROWS, now);
  // HOT tickets spread over the last few hours: their warning (and some their breach) has passed.
  const hot = Array.from({ length: HOT }, (_, i) => `open-${Math.floor((i * ROWS) / HOT)}`);
  for (let i = 0; i < hot.length; i += 500) {
    await db.updateTable('ticket_sla')
      .set({ warn_at: new Date(now - 3_600_000).toISOString(), due_at: sql<string>`${new Date(now - 1_800_000).toISOString()}` })
      .where('ticket_id', 'in', hot.slice(i, i + 500).filter((_, k) => (i + k) % 2 === 0)).execute();
    await db.updateTable('ticket_sla')
      .set({ warn_at: new Date(now - 600_000).toISOString(), due_at: new Date(now + 3_600_000).toISOString() })
      .where('ticket_id', 'in', hot.slice(i, i + 500).filter((_, k) => (i + k) % 2 === 1)).execute();
  }
  await sql`analyze`.execute(db);
  console.log(`${label}: seeded ${ROWS.toLocaleString('en-US')} open tickets (${HOT} past their warning) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const open = ['new', 'assigned', 'accepted', 'in_progress', 'pending_customer', 'pending_parts', 'reopened'];
  const cases: [string, TicketPageRequest['filter']][] = [
    ['即将超时 (slaState=warning,breached&sort=sla_due)', { status: open, slaState: ['warning', 'breached'], slaNow: new Date(now).toISOString() }],
    ['sort=sla_due, no SLA filter', { status: open }],
  ];
  for (const [name, filter] of cases) {
    const req = (after: TicketPageRequest['after']): TicketPageRequest => ({ filter, scope: { kind: 'all' }, sort: { key: 'sla_due', desc: false }, after, limit: 50 });
    const first: number[] = [];
    const deep: number[] = [];
    let page = await listTicketRows(db, req(null));
    for (let i = 0; i < 10; i++) {
      let t = performance.now();
      page = await listTicketRows(db, req(null));
      first.push(performance.now() - t);
      const last = page[49];
      if (!last) continue;
      t = performance.now();
      await listTicketRows(db, req({ value: sortValueOf('sla_due', last), id: last.id }));
      deep.push(performance.now() - t);
    }
    console.log(`  ${name}: ${page.length} rows; first page p50 ${pct(first, 50).toFixed(1)} ms, p95 ${pct(first, 95).toFixed(1)} ms; next page p95 ${deep.length ? pct(deep, 95).toFixed(1) : '—'} ms (target p95 ≤ 100 ms)`);
  }
}

if (process.env.SLA_LIST_ONLY !== 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'gongdan-slalist-'));
  const ctx = await context(dir);
  try { await run(ctx, 'SQLite'); } finally { await ctx.database.close(); rmSync(dir, { recursive: true, force: true }); }
}
const pgUrl = process.env.GONGDAN_BENCH_PG_URL;
if (pgUrl) {
  const schema = `slalist_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const dir = mkdtempSync(join(tmpdir(), 'gongdan-slalist-'));
  try {
    const ctx = await context(dir, `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`);
    try { await run(ctx, 'Postgres'); } finally { await ctx.database.close(); }
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
