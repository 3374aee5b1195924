import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteAdapter, sql } from 'kysely';
import { CurrentSchemaPostgresDialect } from './schema-scoped-postgres.ts';
import { GroupCommitSqliteDialect } from './group-commit.ts';
import pg from 'pg';
import type { DB } from './tables.ts';

export type DialectName = 'sqlite' | 'postgres';

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Present on SQLite: the raw handle, for online backup. */
  sqlite?: SQLite.Database;
  /** Present on SQLite: the database file (':memory:' for in-memory databases). */
  file?: string;
  /** Present on Postgres: the pool, for LISTEN/NOTIFY. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back as strings by default; every count we read fits in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(target: DatabaseTarget): Database {
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    const handle = new SQLite(target.file);
    handle.pragma('journal_mode = WAL');
    handle.pragma('synchronous = NORMAL');
    handle.pragma('foreign_keys = ON');
    handle.pragma('busy_timeout = 5000');
    handle.pragma('cache_size = -65536');
    const db = new Kysely<DB>({ dialect: new GroupCommitSqliteDialect({ database: withStatementCache(handle) }) });
    return { db, dialect: 'sqlite', sqlite: handle, file: target.file, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  return { db, dialect: 'postgres', pool, close: () => db.destroy() };
}

/**
 * Kysely's SQLite driver prepares every statement on every execution, and compiling SQL costs
 * about as much as running a small insert. The product's statements come from a bounded set of
 * query shapes, so prepared statements are reused by SQL text. A statement still iterating (a
 * stream) is `busy` and is never handed out twice.
 */
function withStatementCache(handle: SQLite.Database, max = 2000): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const cached = {
    prepare(sqlText: string): SQLite.Statement {
      const hit = cache.get(sqlText);
      if (hit && !hit.busy) return hit;
      const stmt = handle.prepare(sqlText);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(sqlText, stmt);
      return stmt;
    },
    close(): void {
      cache.clear();
      handle.close();
    },
  };
  return cached as unknown as SQLite.Database;
}

/** Which dialect a Kysely instance speaks; migrations use it where DDL differs. */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/** Fails fast with a readable message when the database cannot be reached. */
export async function assertReachable(database: Database): Promise<void> {
  await sql`select 1`.execute(database.db);
}
