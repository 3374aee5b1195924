import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGongdan, showRun, type CliRun } from '../testing/run-cli.ts';
import { after, before, describe, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { defaultWorkflow } from '@gongdan/domain/ticket/default-workflow';


type Run = CliRun;
const gongdan = runGongdan;
const show = showRun;

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gongdan-cli-'));
  dirs.push(d);
  return d;
}

function counts(file: string): Record<string, number> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const out: Record<string, number> = {};
    for (const t of ['users', 'teams', 'customers', 'contracts', 'devices', 'tickets', 'comments', 'attachments', 'audit_records']) {
      out[t] = (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
    }
    return out;
  } finally {
    db.close();
  }
}

// The demo takes the longest; it runs in its own data dir while the quick checks run.
const demoDir = mkdtempSync(join(tmpdir(), 'gongdan-cli-demo-'));
const demoDb = join(demoDir, 'gongdan.db');
let seeding: Promise<Run> | null = null;

describe('gongdan CLI: commands, exit codes and streams', () => {
  before(() => { seeding = gongdan(['seed', '--demo'], { GONGDAN_DATA_DIR: demoDir, LOG_LEVEL: 'info' }); });
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  test('migrate creates the schema and exits 0; user create reads the password from stdin and prints one JSON line', async () => {
    const dir = tempDir();
    const env = { GONGDAN_DATA_DIR: dir, LOG_LEVEL: 'info' };
    const m = await gongdan(['migrate'], env);
    assert.equal(m.code, 0, show(m));
    assert.ok(existsSync(join(dir, 'gongdan.db')));

    const u = await gongdan(['user', 'create', '--email', 'a@b.c', '--name', '甲', '--role', 'dispatcher'], env, 'correct-horse-battery\n');
    assert.equal(u.code, 0, show(u));
    const lines = u.stdout.split('\n').filter((l) => l.length > 0);
    assert.equal(lines.length, 1, `stdout must be exactly one JSON line:\n${u.stdout}`);
    const user = JSON.parse(lines[0] as string) as { id: string; email: string; role: string };
    assert.equal(user.email, 'a@b.c');
    assert.equal(user.role, 'dispatcher');
    assert.ok(user.id);
    assert.ok(!u.stdout.includes('correct-horse-battery') && !u.stderr.includes('correct-horse-battery'), 'the password is never echoed');
    const db = new SQLite(join(dir, 'gongdan.db'), { readonly: true });
    try {
      const row = db.prepare('select name, role, password_hash from users where email = ?').get('a@b.c') as { name: string; role: string; password_hash: string };
      assert.equal(row.name, '甲');
      assert.ok(!row.password_hash.includes('correct-horse-battery'));
    } finally {
      db.close();
    }

    const short = await gongdan(['user', 'create', '--email', 'x@b.c', '--name', '乙', '--role', 'engineer'], env, 'short\n');
    assert.equal(short.code, 1, show(short));
    assert.match(short.stderr, /password/i);
    assert.equal(short.stdout, '');
  });

  test('usage errors exit 2 with a message on stderr', async () => {
    const env = { GONGDAN_DATA_DIR: tempDir() };
    // Each start of the binary costs seconds on a busy machine: the cases run side by side.
    const cases = [['frobnicate'], ['user', 'create', '--email', 'a@b.c']];
    const runs = await Promise.all(cases.map((args) => gongdan(args, env)));
    for (const [i, r] of runs.entries()) {
      const args = (cases[i] as string[]).join(' ');
      assert.equal(r.code, 2, `${args}: ${show(r)}`);
      assert.match(r.stderr, /gongdan: /, `${args}: ${show(r)}`);
      assert.match(r.stderr, /Exit codes/, `${args}: usage is shown`);
      assert.equal(r.stdout, '', `${args}: nothing on stdout`);
    }
    assert.match(runs[0]?.stderr ?? '', /unknown command "frobnicate"/);
    assert.match(runs[1]?.stderr ?? '', /--name/);
  });

  test('bad configuration exits 1 and lists every bad variable', async () => {
    const r = await gongdan(['migrate'], { GONGDAN_DATA_DIR: tempDir(), PORT: 'abc', GONGDAN_DEMO: 'yes' });
    assert.equal(r.code, 1, show(r));
    assert.match(r.stderr, /PORT/);
    assert.match(r.stderr, /GONGDAN_DEMO/);
    assert.equal(r.stdout, '');
  });
});

describe('gongdan restore refuses to swap the database under a running server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongdan-lock-'));
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  test('a live pid in the data folder stops restore; a stale one left by a crash does not', async () => {
    writeFileSync(join(dir, 'gongdan.pid'), `${process.pid}\n`); // this test process: certainly alive
    const busy = await gongdan(['restore', join(dir, 'missing.db')], { GONGDAN_DATA_DIR: dir });
    assert.equal(busy.code, 1, show(busy));
    assert.match(busy.stderr, new RegExp(`server \\(pid ${process.pid}\\) is running .*stop it before restoring`));
    const gone = spawnSync(process.execPath, ['-e', '0']).pid; // a process that has exited
    writeFileSync(join(dir, 'gongdan.pid'), `${gone}\n`);
    const stale = await gongdan(['restore', join(dir, 'missing.db')], { GONGDAN_DATA_DIR: dir });
    assert.equal(stale.code, 1, show(stale));
    assert.doesNotMatch(stale.stderr, /is running/);
    assert.match(stale.stderr, /backup file .*missing\.db does not exist/);
  });
});

describe('gongdan CLI: demo organisation, audit, backup and restore', () => {
  let seeded: Run;
  before(async () => {
    seeding ??= gongdan(['seed', '--demo'], { GONGDAN_DATA_DIR: demoDir, LOG_LEVEL: 'info' });
    seeded = await seeding;
  });
  after(() => { rmSync(demoDir, { recursive: true, force: true }); });
  const env = { GONGDAN_DATA_DIR: demoDir };

  test('seed --demo loads an organisation that keeps the product’s promise', () => {
    assert.equal(seeded.code, 0, show(seeded));
    assert.match(seeded.stdout, /demo data loaded/);
    const db = new SQLite(demoDb, { readonly: true });
    try {
      const one = <T>(q: string, ...p: unknown[]) => db.prepare(q).get(...p) as T;
      const all = <T>(q: string, ...p: unknown[]) => db.prepare(q).all(...p) as T[];
      assert.ok(one<{ n: number }>("select count(*) n from users where role = 'engineer' and active = 1").n >= 8, 'at least 8 engineers');

      const customers = all<{ id: string; tier: string; contracts: number; devices: number }>(`
        select c.id, c.tier,
          (select count(*) from contracts k where k.customer_id = c.id) contracts,
          (select count(*) from devices d where d.customer_id = c.id) devices
        from customers c`);
      assert.ok(customers.length >= 30, `${customers.length} customers`);
      assert.deepEqual([...new Set(customers.map((c) => c.tier))].sort(), ['A', 'B', 'C', 'VIP']);
      assert.deepEqual(customers.filter((c) => c.contracts === 0 || c.devices === 0).map((c) => c.id), [], 'every customer has a contract and a device');

      assert.ok(one<{ n: number }>('select count(*) n from tickets').n >= 200, 'at least 200 tickets');
      const statuses = new Set(all<{ status: string }>('select distinct status from tickets').map((r) => r.status));
      const missing = defaultWorkflow.states.map((s) => s.id).filter((s) => !statuses.has(s));
      assert.deepEqual(missing, [], 'every workflow status appears');

      const engineer = one<{ id: string }>("select id from users where email = 'engineer@demo.local'");
      assert.ok(engineer, 'engineer@demo.local exists');
      const open = one<{ n: number }>(`select count(*) n from tickets where assignee_id = ?
        and status not in ('closed', 'cancelled', 'resolved', 'awaiting_confirmation')`, engineer.id).n;
      assert.ok(open >= 10, `engineer@demo.local has ${open} open tickets`);
      assert.ok(one<{ n: number }>('select count(*) n from comments').n > 0, 'some tickets have comments');
    } finally {
      db.close();
    }
  });

  test('audit verify, tampering, backup/restore round trip, and a second seed refusal', async () => {
    const ok = await gongdan(['audit', 'verify'], env);
    assert.equal(ok.code, 0, show(ok));
    const okLines = ok.stdout.split('\n').filter(Boolean);
    assert.equal(okLines.length, 1, ok.stdout);
    const v = JSON.parse(okLines[0] as string) as { ok: boolean; records: number; tickets: number };
    assert.equal(v.ok, true);
    assert.ok(v.tickets >= 200 && v.records > v.tickets, JSON.stringify(v));

    const backupFile = join(tempDir(), 'gongdan-backup.db');
    const b = await gongdan(['backup', backupFile], env);
    assert.equal(b.code, 0, show(b));
    assert.ok(existsSync(backupFile));
    const before = counts(demoDb);
    assert.deepEqual(counts(backupFile), before, 'the backup holds the same rows');

    // Quietly rewrite who made one change, and remove a ticket outright.
    const db = new SQLite(demoDb);
    let victim: { id: string; ticket_id: string };
    try {
      victim = db.prepare('select id, ticket_id from audit_records order by ticket_id, seq limit 1 offset 7').get() as typeof victim;
      db.prepare("update audit_records set actor_name = '某人' where id = ?").run(victim.id);
      const last = db.prepare('select id from tickets order by id desc limit 1').get() as { id: string };
      db.prepare('delete from comments where ticket_id = ?').run(last.id);
      db.prepare('delete from tickets where id = ?').run(last.id);
    } finally {
      db.close();
    }
    const broken = await gongdan(['audit', 'verify'], env);
    assert.equal(broken.code, 1, show(broken));
    assert.ok(broken.stderr.includes(victim.id), `stderr names the broken record ${victim.id}: ${broken.stderr}`);
    assert.ok(broken.stderr.includes(victim.ticket_id), `stderr names the ticket: ${broken.stderr}`);
    assert.match(broken.stderr, /record_hash_mismatch/);
    assert.equal((JSON.parse(broken.stdout) as { ok: boolean }).ok, false);
    assert.notDeepEqual(counts(demoDb), before);

    const r = await gongdan(['restore', backupFile], env);
    assert.equal(r.code, 0, show(r));
    assert.deepEqual(counts(demoDb), before, 'restore brings every row back');
    const again = await gongdan(['audit', 'verify'], env);
    assert.equal(again.code, 0, show(again));

    const second = await gongdan(['seed', '--demo'], env);
    assert.equal(second.code, 1, show(second));
    assert.deepEqual(counts(demoDb), before, 'the second seed loads nothing');
  });
});
