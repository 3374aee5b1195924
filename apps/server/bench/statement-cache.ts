import type SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { openDatabase, type Database } from '../src/storage/database.ts';
import type { DB } from '../src/storage/tables.ts';

/**
 * Kysely's SQLite driver calls `prepare(sql)` on every execution; compiling the SQL costs about
 * as much as running a small INSERT. This opens the product's database (same file, same pragmas
 * via openDatabase) but hands Kysely a handle that reuses prepared statements by SQL text.
 * A statement still iterating (a stream) is `busy` and is never handed out twice.
 */
export function openWithStatementCache(file: string, max = 1000): Database {
  const base = openDatabase({ kind: 'sqlite', file });
  const handle = base.sqlite as SQLite.Database;
  const cache = new Map<string, SQLite.Statement>();
  const cached = {
    prepare(sql: string): SQLite.Statement {
      const hit = cache.get(sql);
      if (hit && !hit.busy) return hit;
      const stmt = handle.prepare(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(sql, stmt);
      return stmt;
    },
    close(): void {
      handle.close();
    },
  };
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cached as never }) });
  return { db, dialect: 'sqlite', sqlite: handle, close: () => db.destroy() };
}
