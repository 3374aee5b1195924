/**
 * `npm run bench:api` — the API under load against its physical-limit baseline, in one process tree:
 *
 *   1. a SQLite database with 1,000,000 tickets created through the real use cases (seed-tickets.ts;
 *      cached under ./data/bench/, copied per run so runs do not drift);
 *   2. the real server as a child (`gongdan start --roles=api,worker`), signed in as a dispatcher,
 *      loaded by autocannon: ticket create (validation, workflow, audit chain, outbox) and ticket
 *      list (status + team, 50 rows); its RSS is sampled from /proc during the run;
 *   3. a bare server (bare-server.ts: same framework, same SQLite settings) whose POST inserts one
 *      row of ticket width and whose GET reads one row, loaded the same way.
 *
 * Prints req/s, p50, p99, server CPU per request (from /proc, robust against other load), ratios to the baseline and PASS/FAIL against the targets, and writes the
 * figures to data/bench/api-results.{json,md}. Options: --tickets=N --duration=S --warmup=S --connections=C
 * (env BENCH_TICKETS, BENCH_DURATION also work); --amplify-from=N (BENCH_AMPLIFY_FROM) seeds N tickets through the
 * use cases and copies them in SQL up to --tickets (fast; see seed-tickets.ts). For profiling: BENCH_ONLY=create|list runs one product
 * scenario and skips the baseline; BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=…" adds Node flags to the
 * product server only. Loopback only; children are killed on exit, error or Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import autocannon, { type Result } from 'autocannon';
import { benchCreateBody, freePort } from './bench-shared.ts';
import { BENCH_ENV, BENCH_LOGIN, BENCH_ROOT, ensureAmplifiedDatabase, ensureBenchDatabase } from './seed-tickets.ts';

const arg = (name: string, env: string, dflt: number): number => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  const v = a ? a.split('=')[1] : process.env[env];
  return v ? Number(v) : dflt;
};
const TICKETS = arg('tickets', 'BENCH_TICKETS', 1_000_000);
const DURATION = arg('duration', 'BENCH_DURATION', 15);
const WARMUP = arg('warmup', 'BENCH_WARMUP', 3);
const CONNECTIONS = arg('connections', 'BENCH_CONNECTIONS', 32);
const ONLY = process.env.BENCH_ONLY ?? '';
/** BENCH_AMPLIFY_FROM=N: seed N tickets through the use cases and copy them in SQL up to --tickets (seed-tickets.ts). */
const AMPLIFY_FROM = arg('amplify-from', 'BENCH_AMPLIFY_FROM', 0);
const SERVER_FLAGS = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
/** The Node flags on the product bin's shebang line: the bare baseline runs with the same runtime settings. */
const BIN_RUNTIME_FLAGS = (/^#!.*?\bnode\b(.*)$/m.exec(readFileSync(resolve('apps/server/bin/gongdan.mjs'), 'utf8').split('\n')[0] ?? '')?.[1] ?? '').split(' ').filter(Boolean);
const TARGETS = { createRatio: 0.4, createP99: 25, listP99: 30, rssMb: 400 };

const say = (s: string) => process.stdout.write(`${s}\n`);

// ---------------------------------------------------------------------------------------------
// Children: tracked so that every exit path kills them.

const children = new Set<ChildProcess>();
function killAll(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill(signal);
}
process.on('exit', () => killAll());
for (const s of ['SIGINT', 'SIGTERM'] as const) {
  process.once(s, () => {
    say(`\n${s}: stopping the servers`);
    killAll();
    process.exit(130);
  });
}

/** `command` is Node itself (args = a script and its arguments) or an executable such as the product's bin. */
function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 180_000): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(String(d).replace(/^(?=.)/gm, `[${name}] `)));
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`${name} did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    child.stdout?.on('data', (d: Buffer) => {
      out += String(d);
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ child, line: m[0] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${name} exited with ${code} before it was ready:\n${out}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(t);
}


/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** Samples VmRSS of a process every 200 ms; peak() is the largest value seen (MB). */
function rssSampler(pid: number) {
  let peak = 0;
  let last = 0;
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) {
        last = Number(m[1]) / 1024;
        peak = Math.max(peak, last);
      }
    } catch {
      // process gone
    }
  };
  read();
  const timer = setInterval(read, 200);
  return { peak: () => peak, now: () => (read(), last), stop: () => clearInterval(timer) };
}

// ---------------------------------------------------------------------------------------------
// Load.

interface Scenario {
  name: string;
  rps: number;
  /** Server CPU (user + system) per answered request during the measured phase: robust against other load on the machine. */
  cpuMsPerReq: number;
  p50: number;
  p99: number;
  requests: number;
  bad: number;
}

async function load(name: string, pid: number, opts: { url: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Scenario> {
  if (WARMUP > 0) await autocannon({ ...opts, connections: CONNECTIONS, duration: WARMUP });
  const cpu0 = cpuMs(pid);
  const r: Result = await autocannon({ ...opts, connections: CONNECTIONS, duration: DURATION, timeout: 10 });
  // Includes work the requests left behind (outbox deliveries) only as far as it ran during the phase.
  const cpu = cpuMs(pid) - cpu0;
  const bad = r.errors + r.timeouts + r.non2xx;
  if (bad > 0) say(`  ! ${name}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodeStats)})`);
  const answered = r['2xx'] + r.non2xx;
  const s = { name, rps: r.requests.average, cpuMsPerReq: answered > 0 ? cpu / answered : Number.NaN, p50: r.latency.p50, p99: r.latency.p99, requests: r['2xx'], bad };
  say(`  ${name.padEnd(34)} ${s.rps.toFixed(0).padStart(6)} req/s  p50 ${s.p50.toFixed(1).padStart(6)} ms  p99 ${s.p99.toFixed(1).padStart(6)} ms  `
    + `CPU ${s.cpuMsPerReq.toFixed(2)} ms/req  ${s.bad ? `${s.bad} BAD` : '0 errors'}`);
  return s;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  say(`bench:api — ${cpus().length} cores, Node ${process.version}, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per scenario`);
  say(`load average at start: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);

  // 1. The seeded database (cached), copied for this run.
  const t0 = performance.now();
  const seed = AMPLIFY_FROM ? await ensureAmplifiedDatabase(TICKETS, AMPLIFY_FROM, { log: say }) : await ensureBenchDatabase(TICKETS, { log: say });
  say(`database: ${seed.tickets.toLocaleString('en')} tickets, ${seed.transactions.toLocaleString('en')} use-case transactions`
    + `${AMPLIFY_FROM ? ` (${AMPLIFY_FROM.toLocaleString('en')} through the use cases, copied in SQL up to ${TICKETS.toLocaleString('en')})` : ''}; `
    + `seeding took ${seed.seconds.toFixed(0)} s${seed.reused ? ' (cached copy reused)' : ''}`);
  const runDir = join(BENCH_ROOT, 'run-api');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  copyFileSync(join(seed.dataDir, 'gongdan.db'), join(runDir, 'gongdan.db'));
  say(`copied to ${runDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s (incl. seeding check)`);

  const ro = new SQLite(join(runDir, 'gongdan.db'), { readonly: true });
  const team = ro.prepare(`select t.id, t.name, count(*) n from tickets k join teams t on t.id = k.team_id
    where k.status = 'in_progress' group by t.id order by n desc limit 1`).get() as { id: string; name: string; n: number };
  const device = ro.prepare(`select d.id, d.customer_id from devices d where d.product_line = '中央空调' limit 1`).get() as { id: string; customer_id: string };
  const total = (ro.prepare('select count(*) n from tickets').get() as { n: number }).n;
  ro.close();
  say(`list filter: status=in_progress & team ${team.name} (${team.n.toLocaleString('en')} matching of ${total.toLocaleString('en')} tickets)`);

  // 2. The real server.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Started as users start it: the bin as an executable, so the runtime flags on its shebang line apply
  // (ADR 024); BENCH_SERVER_FLAGS reach Node through NODE_OPTIONS.
  const { child: server } = await startChild('server', resolve('apps/server/bin/gongdan.mjs'), ['start', '--roles=api,worker'], {
    ...process.env, ...BENCH_ENV, GONGDAN_DATA_DIR: runDir, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', GONGDAN_DEMO: '0',
    ...(SERVER_FLAGS.length ? { NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', ...SERVER_FLAGS].join(' ').trim() } : {}),
  }, /is running/);
  const rss = rssSampler(server.pid as number);
  const idleRss = rss.now();
  say(`server pid ${server.pid} on ${base}, RSS after start ${idleRss.toFixed(0)} MB`);

  const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_LOGIN),
  });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = (/gd_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '') ?? [''])[0];
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const auth = { cookie, 'x-csrf-token': csrfToken };

  const createBody = benchCreateBody(device, team.id);
  const createOpts = { url: `${base}/api/v1/tickets`, method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: createBody };
  const listOpts = { url: `${base}/api/v1/tickets?status=in_progress&teamId=${encodeURIComponent(team.id)}&limit=50`, headers: auth };

  // Sanity: both requests work and the list is a full page.
  const c = await fetch(createOpts.url, { method: 'POST', headers: createOpts.headers, body: createBody });
  if (c.status !== 201) throw new Error(`create failed: ${c.status} ${await c.text()}`);
  const l = await fetch(listOpts.url, { headers: auth });
  const page = (await l.json()) as { items?: unknown[] };
  if (l.status !== 200 || page.items?.length !== 50) throw new Error(`list failed: ${l.status} ${JSON.stringify(page).slice(0, 300)}`);

  say(`\nproduct server (SQLite, ${total.toLocaleString("en")} tickets):`);
  const skipped: Scenario = { name: 'skipped', rps: 0, cpuMsPerReq: 0, p50: 0, p99: 0, requests: 0, bad: 0 };
  const create = ONLY && ONLY !== 'create' ? skipped : await load('POST /api/v1/tickets (create)', server.pid as number, createOpts);
  const list = ONLY && ONLY !== 'list' ? skipped : await load('GET /api/v1/tickets (status+team, 50)', server.pid as number, listOpts);
  rss.stop();
  const serverRss = rss.peak();
  say(`  server RSS: ${idleRss.toFixed(0)} MB after start, peak ${serverRss.toFixed(0)} MB`);
  await stopChild(server);
  if (ONLY) {
    say('BENCH_ONLY set: baseline skipped, nothing recorded');
    rmSync(runDir, { recursive: true, force: true });
    return;
  }

  // 3. The bare baseline.
  const bareDir = join(BENCH_ROOT, 'run-bare');
  rmSync(bareDir, { recursive: true, force: true });
  const barePort = await freePort();
  const { child: bare } = await startChild('bare', process.execPath, [...BIN_RUNTIME_FLAGS, '--import', 'tsx', resolve('apps/server/bench/bare-server.ts'), join(bareDir, 'bare.db'), String(barePort)], {
    ...process.env, LOG_LEVEL: 'warn',
  }, /listening \S+/);
  const bareRss = rssSampler(bare.pid as number);
  const bareBase = `http://127.0.0.1:${barePort}`;
  const first = await fetch(`${bareBase}/bare/rows`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: createBody });
  const { id: bareId } = (await first.json()) as { id: string };
  say('\nbare baseline (same Fastify + SQLite settings, one row):');
  const bareInsert = await load('POST /bare/rows (insert one row)', bare.pid as number, { url: `${bareBase}/bare/rows`, method: 'POST', headers: { 'content-type': 'application/json' }, body: createBody });
  const bareRead = await load('GET /bare/rows/:id (read one row)', bare.pid as number, { url: `${bareBase}/bare/rows/${bareId}` });
  bareRss.stop();
  await stopChild(bare);
  rmSync(bareDir, { recursive: true, force: true });

  // 4. Report.
  const createRatio = create.rps / bareInsert.rps;
  const listRatio = list.rps / bareRead.rps;
  const checks = [
    { what: `create ≥ ${TARGETS.createRatio * 100} % of bare-insert req/s`, value: `${(createRatio * 100).toFixed(1)} %`, pass: createRatio >= TARGETS.createRatio },
    { what: `create p99 < ${TARGETS.createP99} ms`, value: `${create.p99.toFixed(1)} ms`, pass: create.p99 < TARGETS.createP99 },
    { what: `list p99 < ${TARGETS.listP99} ms`, value: `${list.p99.toFixed(1)} ms`, pass: list.p99 < TARGETS.listP99 },
    { what: `server RSS < ${TARGETS.rssMb} MB`, value: `${serverRss.toFixed(0)} MB peak`, pass: serverRss < TARGETS.rssMb },
    { what: 'no errors / non-2xx', value: `${create.bad + list.bad + bareInsert.bad + bareRead.bad}`, pass: create.bad + list.bad + bareInsert.bad + bareRead.bad === 0 },
  ];
  const rows = [
    ['ticket create', create, bareInsert, createRatio],
    ['ticket list', list, bareRead, listRatio],
  ] as const;
  const md = [
    `| scenario | req/s | p50 ms | p99 ms | server CPU ms/req | baseline | baseline req/s | baseline p50 / p99 ms | baseline CPU ms/req | ratio |`,
    `|---|---:|---:|---:|---:|---|---:|---:|---:|---:|`,
    ...rows.map(([n, s, b, r]) => `| ${n} | ${s.rps.toFixed(0)} | ${s.p50.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.cpuMsPerReq.toFixed(2)} | ${b.name.split(' (')[0]} | ${b.rps.toFixed(0)} | ${b.p50.toFixed(1)} / ${b.p99.toFixed(1)} | ${b.cpuMsPerReq.toFixed(2)} | ${(r * 100).toFixed(1)} % |`),
    '',
    `| target | measured | result |`,
    `|---|---:|---|`,
    ...checks.map((c) => `| ${c.what} | ${c.value} | ${c.pass ? 'PASS' : 'FAIL'} |`),
  ].join('\n');
  say(`\n${md}\n`);
  const results = {
    at: new Date().toISOString(), cores: cpus().length, node: process.version, connections: CONNECTIONS, duration: DURATION, warmup: WARMUP,
    tickets: total, seedSeconds: seed.seconds, seedTransactions: seed.transactions, seedReused: seed.reused,
    create, list, bareInsert, bareRead, createRatio, listRatio, serverRss, serverIdleRss: idleRss, bareRss: bareRss.peak(),
    loadAvgEnd: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '), checks,
  };
  writeFileSync(join(BENCH_ROOT, 'api-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(BENCH_ROOT, 'api-results.md'), `${md}\n`);
  say(`load average at end: ${results.loadAvgEnd}; figures written to data/bench/api-results.{json,md}`);
  rmSync(runDir, { recursive: true, force: true });
  if (checks.some((c) => !c.pass)) process.exitCode = 1;
}

try {
  await main();
} catch (e) {
  process.stderr.write(`bench:api failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 2;
} finally {
  killAll();
}
