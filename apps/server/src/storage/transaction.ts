import type { Result } from '@gongdan/domain/shared/result';
import type { Kysely } from 'kysely';
import type { DB } from './tables.ts';
import { durableTransaction } from './group-commit.ts';

class Rollback {
  constructor(readonly result: Result<unknown, { kind: string }>) {}
}

/**
 * Runs `work` in one transaction and commits only when it returns `ok`. An `err` result rolls
 * everything back and is returned as is, so a failure halfway never leaves half a record.
 *
 * Called with a transaction already open (bulk loaders batch many use cases into one commit),
 * the work joins it: all or nothing together. An `err` then aborts the whole outer transaction,
 * because half-applied work must never be committed with the rest.
 */
export async function inTransaction<T, E extends { kind: string }>(
  db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<Result<T, E>>,
): Promise<Result<T, E>> {
  if (db.isTransaction) {
    const result = await work(db);
    if (!result.ok) throw new Rollback(result);
    return result;
  }
  try {
    // On SQLite the commit may be shared with concurrent transactions (group commit); the
    // result is returned only once it is durable.
    return await durableTransaction(db, async (trx) => {
      const result = await work(trx);
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result as Result<T, E>;
    throw e;
  }
}
