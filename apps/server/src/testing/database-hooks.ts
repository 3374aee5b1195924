import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';

/** `target` with one method replaced; the others run on `target` itself (Kysely's classes keep private fields). */
function overriding<T extends object>(target: T, name: PropertyKey, method: unknown): T {
  return new Proxy(target, {
    get(t, prop) {
      if (prop === name) return method;
      const value: unknown = Reflect.get(t, prop, t);
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}

/**
 * The database, except that `beforeTransaction` runs just before each transaction begins: the
 * moment a concurrent change lands between what a use case read earlier and what it writes.
 */
export function withHookBeforeTransaction(db: Kysely<DB>, beforeTransaction: () => Promise<void>): Kysely<DB> {
  return overriding(db, 'transaction', () => {
    const builder = db.transaction();
    return overriding(builder, 'execute', async (work: Parameters<typeof builder.execute>[0]) => {
      await beforeTransaction();
      return builder.execute(work);
    });
  });
}

