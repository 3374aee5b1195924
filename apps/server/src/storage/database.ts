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
  const cache = new Map<string, RowStatement>();
  const cached = {
    prepare(sqlText: string): RowStatement {
      const hit = cache.get(sqlText);
      if (hit && !hit.busy) return hit;
      const stmt = new RowStatement(handle.prepare(sqlText));
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

/**
 * The part of a prepared statement Kysely's driver uses, with rows read as arrays and turned into
 * objects here. better-sqlite3 builds each row object through V8's C++ API one property at a
 * time, which for a 33-column ticket row cost half of the statement's CPU; a plain JS loop that
 * adds the same keys in the same order makes objects of one shape and costs about a third less
 * for a board page (measured 472 → 304 µs for 51 ticket rows). Same keys, same values, and a
 * repeated column name still keeps its last value, as before.
 */
class RowStatement {
  private names: string[] | null = null;
  constructor(private readonly stmt: SQLite.Statement) {}
  get reader(): boolean {
    return this.stmt.reader;
  }
  get busy(): boolean {
    return this.stmt.busy;
  }
  run(params: unknown[]): SQLite.RunResult {
    return this.stmt.run(params);
  }
  all(params: unknown[]): Record<string, unknown>[] {
    const names = this.columnNames();
    const rows = this.stmt.all(params) as unknown[][];
    const out = new Array<Record<string, unknown>>(rows.length);
    for (let r = 0; r < rows.length; r++) out[r] = rowObject(names, rows[r] as unknown[]);
    return out;
  }
  *iterate(params: unknown[]): IterableIterator<Record<string, unknown>> {
    const names = this.columnNames();
    for (const row of this.stmt.iterate(params) as IterableIterator<unknown[]>) yield rowObject(names, row);
  }
  private columnNames(): string[] {
    if (!this.names) {
      this.names = this.stmt.columns().map((c) => c.name);
      this.stmt.raw(true);
    }
    return this.names;
  }
}

function rowObject(names: string[], values: unknown[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) o[names[i] as string] = values[i];
  return o;
}

/** Which dialect a Kysely instance speaks; migrations use it where DDL differs. */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/** Fails fast with a readable message when the database cannot be reached. */
export async function assertReachable(database: Database): Promise<void> {
  await sql`select 1`.execute(database.db);
}
