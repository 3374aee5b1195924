import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../storage/database.ts';

export interface TestDatabase {
  database: Database;
  dataDir: string;
  cleanup(): Promise<void>;
}

export interface TestTarget {
  name: 'sqlite' | 'postgres';
  open(): Promise<TestDatabase>;
}

/**
 * The databases every repository and API test runs on: SQLite always, Postgres whenever
 * GONGDAN_TEST_PG_URL is set (always in CI). Each open() gets its own SQLite file or its own
 * Postgres schema. An unreachable Postgres fails the test; it is never skipped.
 */
export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [{ name: 'sqlite', open: openSqlite }];
  const url = process.env.GONGDAN_TEST_PG_URL;
  if (url) targets.push({ name: 'postgres', open: () => openPostgres(url) });
  return targets;
}

async function openSqlite(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongdan-test-'));
  const database = openDatabase({ kind: 'sqlite', file: join(dataDir, 'gongdan.db') });
  return {
    database, dataDir,
    async cleanup() {
      await database.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(url: string): Promise<TestDatabase> {
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`GONGDAN_TEST_PG_URL is set but Postgres is unreachable (${url}): ${e instanceof Error ? e.message : String(e)}`);
  }
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const dataDir = mkdtempSync(join(tmpdir(), 'gongdan-test-'));
  const database = openDatabase({ kind: 'postgres', url, schema, poolSize: 5 });
  return {
    database, dataDir,
    async cleanup() {
      await database.close().catch(() => {});
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
