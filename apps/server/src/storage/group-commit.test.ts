import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { openDatabase, type Database } from './database.ts';
import { committedReadTransaction } from './group-commit.ts';
import { migrateToLatest } from './migrator.ts';
import { inTransaction } from './transaction.ts';

let dir: string;
let database: Database;
let observer: SQLite.Database;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongdan-gc-'));
  database = openDatabase({ kind: 'sqlite', file: join(dir, 'gongdan.db') });
  await migrateToLatest(database.db);
  // A second, independent connection sees only what is committed on disk.
  observer = new SQLite(join(dir, 'gongdan.db'), { readonly: true });
});
after(async () => {
  observer.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const put = (key: string, fail: boolean) =>
  inTransaction(database.db, async (trx): Promise<Result<string, { kind: 'refused' }>> => {
    await trx.insertInto('settings').values({ key, value: 'v' }).execute();
    // Yield so that other transactions queue up behind this one and join its batch.
    await new Promise((r) => setImmediate(r));
    await trx.insertInto('settings').values({ key: `${key}:2`, value: 'v' }).execute();
    return fail ? err({ kind: 'refused' }) : ok(key);
  });

const committed = (key: string) => observer.prepare('select count(*) n from settings where key = ?').get(key) as { n: number };

/**
 * Ends a plain transaction that leaves its batch open (not yet committed) and returns the key it
 * wrote. A batch older than 3 ms is committed at once, which a loaded machine can cause; such an
 * attempt is repeated with a new key rather than letting the test pass without an open batch.
 */
async function leaveBatchOpen(prefix: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const key = `${prefix}-${i}`;
    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('settings').values({ key, value: 'v' }).execute();
    });
    if (committed(key).n === 0) return key;
  }
  throw new Error('no transaction ended with its batch still open in 50 attempts');
}

test('concurrent transactions share commits; each answers only once durable; a failing one rolls back alone', async () => {
  const keys = Array.from({ length: 200 }, (_, i) => `k${i}`);
  const results = await Promise.all(keys.map(async (k, i) => {
    const r = await put(k, i % 7 === 3);
    // The moment a transaction reports success, another connection must already see its rows.
    if (r.ok) assert.equal(committed(k).n, 1, `${k} reported before it was durable`);
    return r;
  }));
  for (const [i, r] of results.entries()) {
    const k = keys[i] as string;
    const shouldFail = i % 7 === 3;
    assert.equal(r.ok, !shouldFail);
    assert.equal(committed(k).n, shouldFail ? 0 : 1, `${k}`);
    assert.equal(committed(`${k}:2`).n, shouldFail ? 0 : 1, `${k}:2`);
  }
  // A refused member answers at once (it has nothing to make durable); when it was the last, the batch
  // it leaves behind is committed one event-loop turn later, like any idle batch.
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  assert.equal(database.sqlite?.inTransaction, false, 'no batch is left open when the queue drains');
});

test('a thrown error inside a batched transaction rolls back only that transaction', async () => {
  const boom = inTransaction(database.db, async (trx): Promise<Result<string, { kind: 'x' }>> => {
    await trx.insertInto('settings').values({ key: 'boom', value: 'v' }).execute();
    await new Promise((r) => setImmediate(r));
    throw new Error('bug');
  });
  const fine = put('fine', false);
  await assert.rejects(boom, /bug/);
  assert.equal((await fine).ok, true);
  assert.equal(committed('boom').n, 0);
  assert.equal(committed('fine').n, 1);
});

test('plain statements between transactions still commit (nothing waits for a batch forever)', async () => {
  await Promise.all([put('p1', false), database.db.insertInto('settings').values({ key: 'plain', value: 'v' }).execute(), put('p2', false)]);
  await database.db.selectFrom('settings').select('key').limit(1).execute();
  assert.equal(committed('plain').n, 1);
  assert.equal(database.sqlite?.inTransaction, false);
});

test('a lone transaction is committed one event-loop turn later, not held open while idle', async () => {
  // Not awaited for durability: the commit is still pending right after the transaction ends …
  const lone = await leaveBatchOpen('lone');
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  // … and done once the turn is over.
  assert.equal(committed(lone).n, 1);
  assert.equal(database.sqlite?.inTransaction, false);
});

test('committedReadTransaction: a transaction never joins an open batch, so it reads committed rows only', async () => {
  const pending = await leaveBatchOpen('pending-event');
  await committedReadTransaction(database.db).execute(async (trx) => {
    // What this transaction can read must already be on disk for every other connection.
    assert.equal(committed(pending).n, 1, 'the open batch was committed before this transaction began');
    await trx.selectFrom('settings').select('key').where('key', '=', pending).execute();
  });
});
