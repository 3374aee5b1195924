import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadConfig } from '../config/config.ts';
import { createContext } from '../runtime.ts';
import { testTargets } from '../testing/test-database.ts';
import { seedDueDeadlines } from './sla-sweep.fixture.ts';

const child = fileURLToPath(new URL('../testing/sla-sweep-child.ts', import.meta.url));
const pg = testTargets().find((t) => t.name === 'postgres');

function runChild(args: string[]): Promise<{ fired: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (c) => (out += c));
    p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as { fired: number }) : reject(new Error(`child exited ${code}`))));
  });
}

test('two processes on one Postgres: 1,000 deadlines due at the same instant fire exactly once each, and both processes fire some', { skip: !pg && 'needs GONGDAN_TEST_PG_URL' }, async () => {
  const tdb = await pg!.open();
  try {
    const config = loadConfig({ GONGDAN_DATA_DIR: tdb.dataDir, LOG_LEVEL: 'silent', GONGDAN_SECRET: 'test-secret-0123456789abcdef0123456789', GONGDAN_AUDIT_KEY: 'test-audit-key-0123456789abcdef0123456789' });
    const ctx = await createContext(config, { database: tdb.database, log: pino({ level: 'silent' }) });
    const dueAt = new Date(Date.now() + 3_000);
    await seedDueDeadlines(ctx.database.db, 1_000, () => dueAt);
    const schema = (await tdb.database.pool!.query<{ s: string }>('select current_schema() as s')).rows[0]!.s;
    const url = process.env.GONGDAN_TEST_PG_URL as string;
    const start = String(dueAt.getTime() - 500);
    const [a, b] = await Promise.all([runChild([url, schema, start, '9000']), runChild([url, schema, start, '9000'])]);
    const db = ctx.database.db;
    const events = await db.selectFrom('sla_events').select(['fire_key']).where('fire_key', 'is not', null).execute();
    const outbox = await db.selectFrom('outbox').select('id').where('topic', '=', 'sla.level_fired').execute();
    const left = await db.selectFrom('sla_deadlines').select('ticket_id').execute();
    assert.equal(a.fired + b.fired, 1_000, JSON.stringify({ a, b }));
    assert.ok(a.fired > 0 && b.fired > 0, `both fire some: ${a.fired} + ${b.fired}`);
    assert.equal(events.length, 1_000);
    assert.equal(new Set(events.map((e) => e.fire_key)).size, 1_000);
    assert.equal(outbox.length, 1_000);
    assert.equal(left.length, 0);
  } finally {
    await tdb.cleanup();
  }
});
