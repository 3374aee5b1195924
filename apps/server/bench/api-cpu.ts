/**
 * CPU per request of the two `bench:api` paths, measured in one process without sockets or a
 * load generator competing for the cores: the real app (`buildApp` + outbox worker) over a copy
 * of a seeded database, driven through `app.inject` by C concurrent loops. On a shared machine
 * wall-clock req/s says little; the CPU this process spends per request (process.cpuUsage), and
 * which SQL statements it spends it on, is what a change to the hot paths can be judged by.
 *
 *   node --import tsx apps/server/bench/api-cpu.ts --db=data/bench/api-20000-…/gongdan.db [--creates=2000] [--lists=2000] [--concurrency=32] [--sql]
 *
 * Prints, per scenario: CPU ms per request (user + system), the share spent inside SQLite
 * statements, and with --sql the statements that cost most (time inside better-sqlite3's
 * run/get/all, per SQL text). Create figures include delivering the outbox events the creates
 * left behind (the worker runs in this process, as with `--roles=api,worker`).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../src/config/config.ts';
import { createContext, startRuntime } from '../src/runtime.ts';
import { BENCH_ENV, BENCH_LOGIN } from './seed-tickets.ts';
import { benchCreateBody } from './bench-shared.ts';

const arg = (name: string, dflt: string): string => process.argv.find((x) => x.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const DB = arg('db', '');
const CREATES = Number(arg('creates', '2000'));
const LISTS = Number(arg('lists', '2000'));
const C = Number(arg('concurrency', '32'));
const SQL = process.argv.includes('--sql');
if (!DB) throw new Error('usage: api-cpu.ts --db=<seeded gongdan.db> [--creates=N] [--lists=N] [--concurrency=C] [--sql]');

// Time spent inside SQLite, per statement text (synchronous calls: wall time ≈ CPU + I/O waits).
const sqlTime = new Map<string, { ms: number; n: number }>();
let sqlTotal = 0;
const proto = (SQLite as unknown as { prototype: { prepare(s: string): object } }).prototype;
const statementProto = Object.getPrototypeOf(new SQLite(':memory:').prepare('select 1')) as Record<string, (...a: unknown[]) => unknown>;
for (const m of ['run', 'get', 'all'] as const) {
  const orig = statementProto[m] as (...a: unknown[]) => unknown;
  statementProto[m] = function (this: { source: string }, ...a: unknown[]) {
    const t = performance.now();
    try {
      return orig.apply(this, a);
    } finally {
      const d = performance.now() - t;
      sqlTotal += d;
      if (SQL) {
        const k = this.source.replace(/\s+/g, ' ').slice(0, 160);
        const e = sqlTime.get(k) ?? { ms: 0, n: 0 };
        e.ms += d;
        e.n += 1;
        sqlTime.set(k, e);
      }
    }
  };
}
void proto;

const dir = mkdtempSync(join(tmpdir(), 'gongdan-api-cpu-'));
copyFileSync(resolve(DB), join(dir, 'gongdan.db'));
const config = loadConfig({ ...BENCH_ENV, GONGDAN_DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', GONGDAN_DEMO: '0' });
const ctx = await createContext(config, { log: pino({ level: 'warn' }, pino.destination(2)) });
const runtime = await startRuntime(ctx, ['api', 'worker']);
const app = runtime.app;
if (!app) throw new Error('no app');
const say = (s: string) => process.stdout.write(`${s}\n`);

const raw = ctx.database.sqlite as SQLite.Database;
function mem(label: string) {
  const m = process.memoryUsage();
  const mb = (x: number) => (x / 1048576).toFixed(0);
  say(`memory ${label}: RSS ${mb(m.rss)} MB (V8 heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)}, array buffers ${mb(m.arrayBuffers)})`);
}
const team = raw.prepare(`select t.id from tickets k join teams t on t.id = k.team_id where k.status = 'in_progress' group by t.id order by count(*) desc limit 1`).get() as { id: string };
const device = raw.prepare(`select d.id, d.customer_id from devices d where d.product_line = '中央空调' limit 1`).get() as { id: string; customer_id: string };
const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: BENCH_LOGIN });
const cookie = (/gd_session=[^;]+/.exec(String(signIn.headers['set-cookie'])) ?? [''])[0];
const { csrfToken } = signIn.json() as { csrfToken: string };
const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
const createBody = benchCreateBody(device, team.id);
const listUrl = `/api/v1/tickets?status=in_progress&teamId=${encodeURIComponent(team.id)}&limit=50`;

const pendingOutbox = () => (raw.prepare(`select count(*) n from outbox where status = 'pending'`).get() as { n: number }).n;

async function drive(n: number, one: () => Promise<number>): Promise<void> {
  let left = n;
  await Promise.all(Array.from({ length: C }, async () => {
    while (left > 0) {
      left -= 1;
      const status = await one();
      if (status >= 300) throw new Error(`status ${status}`);
    }
  }));
}

async function measure(name: string, n: number, one: () => Promise<number>, drain: boolean): Promise<void> {
  await drive(Math.min(300, n), one); // warm-up: JIT, statement cache, parsed-SLA cache
  if (drain) while (pendingOutbox() > 0) await new Promise((r) => setTimeout(r, 20));
  sqlTime.clear();
  sqlTotal = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await drive(n, one);
  const served = performance.now() - t0;
  const cpuServed = process.cpuUsage(cpu0);
  if (drain) while (pendingOutbox() > 0) await new Promise((r) => setTimeout(r, 20));
  const cpu = process.cpuUsage(cpu0);
  const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  say(`${name}: ${n} requests, ${C} concurrent, ${(n / (served / 1000)).toFixed(0)} req/s in-process`);
  say(`  CPU ${(ms(cpu) / n).toFixed(3)} ms/request${drain ? ` (answering ${(ms(cpuServed) / n).toFixed(3)}, outbox after ${((ms(cpu) - ms(cpuServed)) / n).toFixed(3)})` : ''}; `
    + `inside SQLite ${(sqlTotal / n).toFixed(3)} ms/request`);
  if (SQL) {
    for (const [k, v] of [...sqlTime].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
      say(`  ${(v.ms / n).toFixed(4).padStart(8)} ms/req  ${(v.n / n).toFixed(2).padStart(5)}×  ${k}`);
    }
  }
}

mem('after start');
say(`api-cpu — Node ${process.version}, database ${DB}, load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
if (CREATES > 0) await measure('create', CREATES, async () => (await app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload: createBody })).statusCode, true);
mem('after creates');
if (LISTS > 0) await measure('list (status+team, 50)', LISTS, async () => (await app.inject({ method: 'GET', url: listUrl, headers: { cookie } })).statusCode, false);
mem('at the end');
await runtime.stop();
rmSync(dir, { recursive: true, force: true });
