import { CompiledQuery, type Kysely } from 'kysely';
import { dialectOf } from './database.ts';
import type { DB } from './tables.ts';

const texts = new Map<string, string>();

/**
 * Inserts rows on the hot write path (tickets, audit records, outbox) without building and
 * compiling a Kysely query tree each time: the SQL text depends only on the dialect, the table
 * and the column list, so it is generated once and reused (and on SQLite the prepared statement
 * is reused too). Values are always bound parameters. Column names come from our own typed row
 * objects, never from input.
 */
export async function insertRows<T extends keyof DB>(
  db: Kysely<DB>, table: T, rows: DB[T][], opts: { ignoreDuplicates?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const first = rows[0] as unknown as Record<string, unknown>;
  const cols = Object.keys(first);
  const dialect = dialectOf(db);
  const key = `${dialect}|${table}|${rows.length}|${opts.ignoreDuplicates ? 1 : 0}|${cols.join(',')}`;
  let text = texts.get(key);
  if (!text) {
    let n = 0;
    const tuple = () => `(${cols.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into "${String(table)}" (${cols.map((c) => `"${c}"`).join(', ')}) values ${rows.map(tuple).join(', ')}${opts.ignoreDuplicates ? ' on conflict do nothing' : ''}`;
    if (texts.size < 1000) texts.set(key, text);
  }
  const values: unknown[] = [];
  for (const row of rows) for (const c of cols) values.push((row as unknown as Record<string, unknown>)[c] ?? null);
  await db.executeQuery(CompiledQuery.raw(text, values));
}
