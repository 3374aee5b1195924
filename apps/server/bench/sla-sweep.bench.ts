// SLA sweep benchmark (chained from `npm run bench:sla` after the pure calendar benchmark).
//
// Database: SLA_BENCH_ROWS open tickets (default 1,000,000), real-shaped: ticket rows, their SLA
// clocks, deadline plans, start events and delivered outbox rows (bench/sla-open-tickets.seed.ts,
// bulk-inserted by SQL in the shapes the use cases write — seeding a million tickets through the
// use cases would take about an hour here; the file says why and what exactly). 10,000 of them
// (bench fixture: running resolution clock, one pending L1) fall due at random moments within one
// minute starting a few seconds after seeding; the rest carry the default policy's real plan
// (5 resolution deadlines each, due days ahead on the Chinese calendar).
// Measured: fire latency (event time − due time, p50/p99/max), exactly-once (fire_key count and
// outbox rows), and the sweep's idle cost per minute (60 sweeps with nothing due).
// SQLite: one process sweeping every 250 ms. Postgres (GONGDAN_BENCH_PG_URL): two child processes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import pino from 'pino';
import { addBusinessMinutes } from '@gongdan/domain/sla/business-time';
import { loadConfig } from '../src/config/config.ts';
import { createContext } from '../src/runtime.ts';
import { getCalendar } from '../src/sla/calendar-store.ts';
import { sweepSlaDeadlines } from '../src/sla/sla-sweep.job.ts';
import { seedDueDeadlines } from '../src/sla/sla-sweep.fixture.ts';
import { seedOpenTickets } from './sla-open-tickets.seed.ts';
import { earliestDeadline } from '../src/sla/ticket-sla.repository.ts';
import { ManualClock } from '../src/shared/clock.ts';
import type { AppContext } from '../src/app-context.ts';

const ROWS = Number(process.env.SLA_BENCH_ROWS ?? 1_000_000);
const DUE = 10_000;
const child = fileURLToPath(new URL('../src/testing/sla-sweep-child.ts', import.meta.url));
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function context(dataDir: string, databaseUrl?: string): Promise<AppContext> {
  const config = loadConfig({ GONGDAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', GONGDAN_SECRET: 'bench-secret-0123456789abcdef0123456789', GONGDAN_AUDIT_KEY: 'bench-audit-key-0123456789abcdef01234567', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  return createContext(config, { log: pino({ level: 'silent' }) });
}

async function seed(ctx: AppContext, windowStart: number): Promise<void> {
  const t0 = performance.now();
  const db = ctx.database.db;
  await seedDueDeadlines(db, DUE, () => new Date(windowStart + Math.floor(Math.random() * 60_000)), 'due');
  await seedOpenTickets(db, ctx.database.dialect, ROWS - DUE, Date.now());
  const count = async (t: 'tickets' | 'ticket_sla' | 'sla_deadlines' | 'sla_events' | 'outbox') =>
    Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toLocaleString('en-US');
  const counts = [];
  for (const t of ['tickets', 'ticket_sla', 'sla_deadlines', 'sla_events', 'outbox'] as const) counts.push(`${t} ${await count(t)}`);
  console.log(`  seeded ${ROWS.toLocaleString('en-US')} open tickets (${DUE.toLocaleString('en-US')} due within one minute) in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${counts.join(', ')}`);
}

/**
 * The idle sweep over one minute as the scheduler runs it (a sweep every second, on a clock the
 * bench steps by 1 s, nothing due), and for comparison the bare probe done 60 times back to back.
 */
async function idleCost(ctx: AppContext): Promise<string> {
  const real = ctx.clock;
  const start = Date.now();
  const clock = new ManualClock(new Date(start));
  ctx.clock = clock;
  const t0 = performance.now();
  for (let i = 0; i < 60; i++) {
    clock.set(new Date(start + i * 1_000));
    await sweepSlaDeadlines(ctx);
  }
  const minute = performance.now() - t0;
  ctx.clock = real;
  const t1 = performance.now();
  for (let i = 0; i < 60; i++) await earliestDeadline(ctx.database.db);
  const probes = performance.now() - t1;
  return `${minute.toFixed(1)} ms per minute of 1-s sweeps (nothing due); 60 bare probes back to back ${probes.toFixed(1)} ms`;
}

async function report(ctx: AppContext, label: string): Promise<void> {
  const db = ctx.database.db;
  const events = await db.selectFrom('sla_events').select(['fire_key', 'at', 'due_at']).where('fire_key', 'is not', null).execute();
  const outbox = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('topic', '=', 'sla.level_fired').executeTakeFirst();
  const lat = events.map((e) => Date.parse(e.at) - Date.parse(e.due_at as string)).sort((a, b) => a - b);
  const unique = new Set(events.map((e) => e.fire_key)).size;
  console.log(`  ${label}: fired ${events.length} (unique ${unique}, outbox ${Number(outbox?.n)}), latency p50 ${pct(lat, 50)} ms, p99 ${pct(lat, 99)} ms, max ${lat.at(-1)} ms; exactly once: ${events.length === DUE && unique === DUE && Number(outbox?.n) === DUE ? 'yes' : 'NO'}`);
}

// 1. Deadline computations through the Chinese calendar as the server loads it (DB row → effective calendar).
if (process.env.SLA_BENCH_ONLY !== 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'gongdan-slabench-'));
  const ctx = await context(dir);
  const cal = (await getCalendar(ctx.database.db, 'default'))!;
  const n = 300_000;
  const start = Date.parse('2026-01-01T00:00:00+08:00');
  let sink = 0;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink += addBusinessMinutes(start + ((i * 7919) % 525_600) * 60_000, 30 + (i % 1320), cal).dueMs % 7;
    if (round > 0) console.log(`deadline computations via the DB default calendar: ${Math.round(n / ((performance.now() - t0) / 1000)).toLocaleString('en-US')}/s (checksum ${sink % 97})`);
  }
  await ctx.database.close();
  rmSync(dir, { recursive: true, force: true });
}

// 2. SQLite, one process (SLA_BENCH_ONLY=postgres skips it).
if (process.env.SLA_BENCH_ONLY !== 'postgres') {
  console.log(`SQLite, one process sweeping every 250 ms:`);
  const dir = mkdtempSync(join(tmpdir(), 'gongdan-slabench-'));
  const ctx = await context(dir);
  const windowStart = Date.now() + 600_000; // placeholder, reset after seeding
  await seed(ctx, windowStart);
  console.log(`  idle sweep cost: ${await idleCost(ctx)}`);
  // Move the due window to start 5 s from now (seeding time varies).
  const shift = Date.now() + 5_000 - windowStart;
  const rows = await ctx.database.db.selectFrom('sla_deadlines').select(['ticket_id', 'due_at']).where('ticket_id', 'like', 'due-%').execute();
  await ctx.database.db.transaction().execute(async (trx) => {
    for (const r of rows) await trx.updateTable('sla_deadlines').set({ due_at: new Date(Date.parse(r.due_at) + shift).toISOString() }).where('ticket_id', '=', r.ticket_id).execute();
  });
  const until = Date.now() + 75_000;
  while (Date.now() < until) {
    await sweepSlaDeadlines(ctx);
    await new Promise((r) => setTimeout(r, 250));
  }
  await report(ctx, 'SQLite');
  await ctx.database.close();
  rmSync(dir, { recursive: true, force: true });
}

// 3. Postgres, two processes.
const pgUrl = process.env.GONGDAN_BENCH_PG_URL;
if (pgUrl) {
  console.log(`Postgres, two processes sweeping:`);
  const schema = `slabench_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
  const dir = mkdtempSync(join(tmpdir(), 'gongdan-slabench-'));
  try {
    const ctx = await context(dir, url);
    const windowStart = Date.now() + 10 * 60_000;
    await seed(ctx, windowStart);
    console.log(`  idle sweep cost: ${await idleCost(ctx)}`);
    const shift = Date.now() + 8_000 - windowStart;
    await ctx.database.pool!.query(`update sla_deadlines set due_at = to_char((due_at::timestamptz + make_interval(secs => $1::float8 / 1000)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') where ticket_id like 'due-%'`, [shift]);
    const start = String(Date.now() + 2_000);
    const run = () => new Promise<{ fired: number }>((resolve, reject) => {
      const p = spawn(process.execPath, ['--import', 'tsx', child, pgUrl, schema, start, '80000'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      p.stdout.on('data', (c) => (out += c));
      p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child ${code}`))));
    });
    const [a, b] = await Promise.all([run(), run()]);
    console.log(`  processes fired ${a.fired} + ${b.fired}`);
    await report(ctx, 'Postgres');
    await ctx.database.close();
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
