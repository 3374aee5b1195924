/**
 * Seeds the benchmark database: the demo organisation, then N tickets created through the real
 * `createTicket` / `transitionTicket` use cases with an injected ManualClock, so every ticket has
 * a valid audit chain and went through validation, numbering, workflow and outbox like real data.
 *
 * The result is cached under ./data/bench/<key>/ (key = seed version + migrations + count), so
 * reruns reuse it. Standalone: `node --import tsx apps/server/bench/seed-tickets.ts --count=10000 [--fresh] [--verify]`.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import type { Actor, Role } from '@gongdan/domain/access/roles';
import type { AppContext, RequestMeta } from '../src/app-context.ts';
import { loadConfig } from '../src/config/config.ts';
import { seedDemoIfEmpty } from '../src/demo/seed-demo.ts';
import { DEVICE_MODELS, TICKET_TEMPLATES } from '../src/demo/demo-data.ts';
import { mulberry32 } from '../src/demo/demo-random.ts';
import { purgeOutbox } from '../src/jobs/outbox.repository.ts';
import { createContext } from '../src/runtime.ts';
import { ManualClock } from '../src/shared/clock.ts';
import { createTicket } from '../src/tickets/create-ticket.ts';
import { transitionTicket } from '../src/tickets/transition-ticket.ts';
import { verifyAudit } from '../src/audit/verify-audit.ts';
import { openDatabase } from '../src/storage/database.ts';

/** Bump when the seeding logic changes, so cached databases are rebuilt. */
export const SEED_VERSION = 3;
export const BENCH_ROOT = resolve('data', 'bench');
/** Fixed secrets for the bench data dir (it is local, throwaway data). */
export const BENCH_ENV = {
  GONGDAN_SECRET: 'bench-secret-0123456789abcdef0123456789abcdef',
  GONGDAN_AUDIT_KEY: 'bench-audit-key-0123456789abcdef0123456789abcdef',
  GONGDAN_TIME_ZONE: 'Asia/Shanghai',
};
export const BENCH_LOGIN = { email: 'dispatcher@demo.local', password: 'gongdan-demo' };

const DAY = 86_400_000;
const SPAN_DAYS = 365;
const meta: RequestMeta = { ip: '10.0.0.8', userAgent: 'Mozilla/5.0 (gongdan-bench-seed)', deviceId: null, clientAt: null, gps: null };

/** The final status a seeded ticket ends in (cumulative weights) and the transitions that get it there. */
const PLAN: { status: string; upTo: number; path: string[] }[] = [
  { status: 'new', upTo: 0.45, path: [] },
  { status: 'assigned', upTo: 0.85, path: [] }, // dispatched at creation (assign in the create transaction)
  { status: 'accepted', upTo: 0.89, path: ['accepted'] },
  { status: 'in_progress', upTo: 0.97, path: ['accepted', 'in_progress'] },
  { status: 'pending_customer', upTo: 0.98, path: ['accepted', 'in_progress', 'pending_customer'] },
  { status: 'cancelled', upTo: 1, path: ['cancelled'] },
];
const REASONS: Record<string, string> = { pending_customer: '客户现场无人，约定明天上午再去', cancelled: '客户重复报修，已合并处理' };

/**
 * The cache key is the seed's own version and size, not the migration list: the server migrates
 * a cached database to the latest schema when it starts on it (migrations are additive), so a new
 * migration does not cost a 1M-ticket reseed. Bump SEED_VERSION when the seeded data changes.
 */
export function benchDataDir(count: number, amplifyFrom = 0): string {
  const key = createHash('sha256').update(amplifyFrom ? `${SEED_VERSION}|${count}|amplified-from-${amplifyFrom}` : `${SEED_VERSION}|${count}`).digest('hex').slice(0, 12);
  return join(BENCH_ROOT, amplifyFrom ? `api-${count}-x${amplifyFrom}-${key}` : `api-${count}-${key}`);
}

/**
 * The fast variant (BENCH_AMPLIFY_FROM=N): N tickets through the use cases (cached like any seed), then
 * copied in SQL until `count` — each copy a new id, number and audit chain rows (tickets, audit_records,
 * ticket_sla, sla_deadlines), same created_at spread. The copies' audit MACs do not verify (they were
 * sealed for the original ids); the tables, indexes and row shapes are those of real data, which is what
 * the API benchmark measures. On a contended machine the use-case seed runs at 50–450 tickets/s, so a
 * million takes 40 min to 5 h; the copies take minutes.
 */
export async function ensureAmplifiedDatabase(count: number, from: number, opts: { log?: (s: string) => void; stopAt?: boolean } = {}): Promise<SeedResult> {
  const log = opts.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const dataDir = benchDataDir(count, from);
  const done = join(dataDir, 'SEEDED');
  if (existsSync(done)) {
    const info = JSON.parse(readFileSync(done, 'utf8')) as Omit<SeedResult, 'reused' | 'dataDir'>;
    return { ...info, dataDir, reused: true };
  }
  const base = await ensureBenchDatabase(from, opts);
  const started = performance.now();
  // An interrupted amplification resumes where it stopped (each copy is one transaction).
  const pending = join(dataDir, 'AMPLIFYING.json');
  const resumed = existsSync(pending) ? (JSON.parse(readFileSync(pending, 'utf8')) as { name: string; sql: string }[]) : null;
  if (!resumed) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    copyFileSync(join(base.dataDir, 'gongdan.db'), join(dataDir, 'gongdan.db'));
  }
  const database = openDatabase({ kind: 'sqlite', file: join(dataDir, 'gongdan.db') });
  const h = database.sqlite as NonNullable<typeof database.sqlite>;
  h.pragma('synchronous = OFF');
  h.pragma('cache_size = -524288');
  const have = (h.prepare('select count(*) n from tickets').get() as { n: number }).n;
  const originals = (h.prepare(`select count(*) n from tickets where number not like '%-A%'`).get() as { n: number }).n;
  const done0 = Math.ceil((have - originals) / from);
  // opts.stopAt: end early at the size reached (indexes rebuilt, marked seeded) when time runs out.
  const target = opts.stopAt ? Math.min(count, have) : count;
  const copies = done0 + Math.max(0, Math.ceil((target - have) / from));
  // The original tickets (never a copy) are copied `copies` times: an id keeps its time prefix and its
  // random tail starts with the copy number (its last three characters are dropped); the number gets a
  // suffix, so it stays unique.
  const columns = (table: string) => (h.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
  // Secondary indexes are dropped during the copy and rebuilt once afterwards (a sorted build is far
  // cheaper than a million random inserts into each of them).
  const indexes = resumed ?? h.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null
    and tbl_name in ('tickets', 'audit_records', 'ticket_sla', 'sla_deadlines')`).all() as { name: string; sql: string }[];
  writeFileSync(pending, JSON.stringify(indexes));
  for (const i of indexes) h.exec(`drop index if exists ${i.name}`);
  for (let k = done0 + 1; k <= copies; k++) {
    const limit = Math.min(from, target - have - (k - done0 - 1) * from);
    const hex = k.toString(16).padStart(3, '0');
    const copy = (table: string, idCols: string[], extra: Record<string, string> = {}) => {
      const cols = columns(table);
      const exprs = cols.map((c) => extra[c] ?? (idCols.includes(c) ? `substr(x.${c}, 1, 24) || '${hex}' || substr(x.${c}, 25, 9)` : `x.${c}`));
      const key = table === 'tickets' ? 'id' : 'ticket_id';
      h.exec(`insert into ${table} (${cols.join(', ')}) select ${exprs.join(', ')} from ${table} x join pick p on p.id = x.${key}`);
    };
    h.transaction(() => {
      h.exec('create temp table if not exists pick (id text primary key)');
      h.exec('delete from pick');
      h.prepare(`insert into pick select id from tickets where number not like '%-A%' order by id limit ?`).run(limit);
      copy('tickets', ['id'], { number: `x.number || '-A${k}'` });
      copy('audit_records', ['id', 'ticket_id']);
      copy('ticket_sla', ['ticket_id']);
      copy('sla_deadlines', ['ticket_id']);
    })();
    log(`  amplified copy ${k}/${copies} (${limit} tickets) at ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  for (const i of indexes) h.exec(i.sql);
  log(`  indexes rebuilt at ${((performance.now() - started) / 1000).toFixed(0)} s`);
  h.pragma('wal_checkpoint(TRUNCATE)');
  const tickets = (h.prepare('select count(*) n from tickets').get() as { n: number }).n;
  await database.close();
  const seconds = base.seconds + (performance.now() - started) / 1000;
  const info = { seconds, tickets, transactions: base.transactions, amplifiedFrom: from, amplifySeconds: (performance.now() - started) / 1000 };
  writeFileSync(done, JSON.stringify(info));
  rmSync(pending, { force: true });
  return { ...info, dataDir, reused: false };
}

export interface SeedResult {
  dataDir: string;
  reused: boolean;
  seconds: number;
  tickets: number;
  transactions: number;
}

type Must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }, what: string) => T;
const must: Must = (r, what) => {
  if (!r.ok) throw new Error(`bench seed: ${what}: ${JSON.stringify(r.error)}`);
  return r.value;
};

/** Returns the cached database for `count` tickets, seeding it first when absent. */
export async function ensureBenchDatabase(count: number, opts: { fresh?: boolean; log?: (s: string) => void } = {}): Promise<SeedResult> {
  const log = opts.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const dataDir = benchDataDir(count);
  const done = join(dataDir, 'SEEDED');
  if (!opts.fresh && existsSync(done)) {
    const info = JSON.parse(readFileSync(done, 'utf8')) as Omit<SeedResult, 'reused' | 'dataDir'>;
    return { ...info, dataDir, reused: true };
  }
  rmSync(dataDir, { recursive: true, force: true });
  const started = performance.now();
  const config = loadConfig({ ...BENCH_ENV, GONGDAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0' });
  const end = Date.now();
  const clock = new ManualClock(new Date(end - SPAN_DAYS * DAY));
  const database = openDatabase({ kind: 'sqlite', file: join(dataDir, 'gongdan.db') });
  const base = await createContext(config, { clock, log: pino({ level: 'warn' }), database });
  // Seeding only: no fsync and a larger page cache. The writes still go through the use cases.
  base.database.sqlite?.pragma('synchronous = OFF');
  base.database.sqlite?.pragma('cache_size = -524288');
  const ctx: AppContext = { ...base, nudgeOutbox: () => {} };
  let transactions = 0;
  try {
    // The demo organisation (teams, staff, customers, devices, 240 tickets) on its own clock.
    const demoCtx: AppContext = { ...ctx, clock: new ManualClock(new Date(end - DAY)) };
    if (!(await seedDemoIfEmpty(demoCtx))) throw new Error('bench seed: database not empty');
    const db = ctx.database.db;
    const users = await db.selectFrom('users').selectAll().execute();
    const memberships = await db.selectFrom('team_members').selectAll().execute();
    const teamIdsOf = (id: string) => memberships.filter((m) => m.user_id === id).map((m) => m.team_id);
    const actorOf = (u: (typeof users)[number]): Actor => ({ kind: 'user', id: u.id, name: u.name, role: u.role as Role, teamIds: teamIdsOf(u.id), customerId: u.customer_id });
    const dispatcher = actorOf(users.find((u) => u.email === 'dispatcher@demo.local') as (typeof users)[number]);
    const teams = (await db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute()).map((t) => ({
      id: t.id, engineers: users.filter((u) => u.role === 'engineer' && teamIdsOf(u.id).includes(t.id)).map(actorOf),
    }));
    const devices = await db.selectFrom('devices').select(['id', 'customer_id', 'product_line']).execute();
    const customers = (await db.selectFrom('customers').select(['id', 'product_lines']).execute()).map((c) => ({
      id: c.id, lines: JSON.parse(c.product_lines) as string[], devices: devices.filter((d) => d.customer_id === c.id),
    }));
    const rand = mulberry32(424242);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const step = (SPAN_DAYS * DAY - 2 * DAY) / count;
    const t0 = end - SPAN_DAYS * DAY;
    let lastReport = performance.now();
    // Batches of use cases share one commit (inTransaction joins the open transaction): the
    // same validation, numbering, workflow, audit and outbox code, without a commit per ticket.
    const BATCH = 500;
    let batch: { ctx: AppContext; done: () => void } | null = null;
    const openBatch = () => new Promise<{ ctx: AppContext; done: () => void }>((ready, fail) => {
      db.transaction().execute((trx) => new Promise<void>((finish) => {
        ready({ ctx: { ...ctx, database: { ...ctx.database, db: trx } }, done: finish });
      })).catch(fail);
    });
    for (let n = 0; n < count; n++) {
      if (n % BATCH === 0) {
        batch?.done();
        batch = await openBatch();
      }
      const bctx = (batch as { ctx: AppContext }).ctx;
      clock.set(new Date(t0 + Math.floor(n * step)));
      const customer = pick(customers);
      const candidates = TICKET_TEMPLATES.filter((t) => customer.lines.includes(t.line) && DEVICE_MODELS[t.line]);
      const tpl = candidates.length ? pick(candidates) : (TICKET_TEMPLATES[0] as (typeof TICKET_TEMPLATES)[number]);
      const device = customer.devices.find((d) => d.product_line === tpl.line);
      const team = pick(teams);
      const engineer = pick(team.engineers);
      const r = rand();
      const plan = PLAN.find((p) => r < p.upTo) ?? (PLAN[0] as (typeof PLAN)[number]);
      const dispatched = plan.status !== 'new' && plan.status !== 'cancelled';
      const ticket = must(await createTicket(bctx, dispatcher, {
        type: tpl.type, title: tpl.title, description: `${tpl.description} 工单 #${n}，请尽快安排工程师上门处理。`,
        customerId: customer.id, deviceId: device?.id ?? null, faultType: tpl.faultType, impactScope: tpl.impactScope,
        priority: tpl.priority, teamId: team.id, assigneeId: dispatched ? engineer.id : null,
        channel: n % 3 === 0 ? 'phone' : n % 3 === 1 ? 'wechat' : 'web', customFields: createFields(tpl.type),
        contactName: '现场联系人', contactPhone: `1380013${String(n % 10000).padStart(4, '0')}`,
      }, meta), `ticket ${n}`);
      transactions++;
      for (const to of plan.path) {
        clock.advance(60_000 + Math.floor(rand() * 3_600_000));
        const actor = to === 'cancelled' ? dispatcher : engineer;
        // Replayed history: the executability check is for live starts, not for loading the past.
        must(await transitionTicket(bctx, actor, ticket.id, { to, reason: REASONS[to] ?? null }, meta, { executability: { ok: true, failures: [] } }), `ticket ${n} → ${to}`);
        transactions++;
      }
      if ((n + 1) % 10_000 === 0 || performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        const s = (lastReport - started) / 1000;
        log(`  seeded ${n + 1} / ${count} tickets in ${s.toFixed(0)} s (${((n + 1) / s).toFixed(0)} tickets/s, ${(transactions / s).toFixed(0)} tx/s)`);
      }
    }
    batch?.done();
    await new Promise((r) => setTimeout(r, 50));
    // A live system delivers its outbox within seconds and purges it later; a backlog of a
    // million events would have the benchmarked server's worker replaying them. Deliver-and-purge
    // here: every seeded event is marked delivered, then the product's purge removes them.
    const at = new Date(end).toISOString();
    await db.updateTable('outbox').set({ status: 'done', done_at: at, locked_until: null }).where('status', '=', 'pending').execute();
    await purgeOutbox(db, new Date(end + 1));
    ctx.database.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await ctx.database.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const info = { seconds, tickets: count + 240, transactions };
  writeFileSync(done, JSON.stringify(info));
  return { ...info, dataDir, reused: false };
}

function createFields(type: string): Record<string, unknown> {
  switch (type) {
    case 'maintenance': return { maintenance_plan: 'quarterly' };
    case 'installation': return { device_model: 'KFR-72LW', quantity: 4 };
    case 'complaint': return { complaint_category: 'repair_quality', severity: 'serious' };
    default: return {};
  }
}

/** Verifies every audit chain of a seeded database (slow on 1M: reads every record). */
export async function verifyBenchDatabase(dataDir: string): Promise<{ ok: boolean; summary: string }> {
  const config = loadConfig({ ...BENCH_ENV, GONGDAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0' });
  const ctx = await createContext(config, { log: pino({ level: 'warn' }) });
  try {
    const v = await verifyAudit(ctx);
    return { ok: v.ok, summary: JSON.stringify(v).slice(0, 300) };
  } finally {
    await ctx.database.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}`));
  const count = Number(arg('count')?.split('=')[1] ?? 10_000);
  const from = Number(arg('amplify-from')?.split('=')[1] ?? 0);
  const r = from ? await ensureAmplifiedDatabase(count, from, { stopAt: !!arg('stop-here') }) : await ensureBenchDatabase(count, { fresh: !!arg('fresh') });
  process.stdout.write(`${r.reused ? 'reused' : 'seeded'} ${r.tickets} tickets (${r.transactions} use-case transactions) in ${r.seconds.toFixed(1)} s → ${r.dataDir}\n`);
  if (!r.reused) process.stdout.write(`  ${(r.transactions / r.seconds).toFixed(0)} tx/s, ${(count / r.seconds).toFixed(0)} tickets/s\n`);
  if (arg('verify')) {
    const t = performance.now();
    const v = await verifyBenchDatabase(r.dataDir);
    process.stdout.write(`audit verify: ${v.ok ? 'OK' : 'FAILED'} in ${((performance.now() - t) / 1000).toFixed(1)} s ${v.summary}\n`);
    if (!v.ok) process.exitCode = 1;
  }
}
