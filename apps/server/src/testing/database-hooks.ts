import { DeleteQueryNode, TableNode, type Kysely, type KyselyPlugin } from 'kysely';
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

/**
 * The database (and every transaction begun on it), except that deleting rows from `table` fails:
 * the fault that shows whether a use case's writes are all or nothing.
 */
export function failingDeletesFrom(db: Kysely<DB>, table: keyof DB & string): Kysely<DB> {
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      if (DeleteQueryNode.is(node) && node.from.froms.some((f) => TableNode.is(f) && f.table.identifier.name === table)) {
        throw new Error(`injected failure: delete from ${table}`);
      }
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return db.withPlugin(plugin);
}
