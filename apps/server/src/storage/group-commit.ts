import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery, type DatabaseConnection, type Driver, type QueryCompiler, SqliteDialect, type SqliteDialectConfig, type TransactionSettings,
} from 'kysely';

/** Filled in by the driver when a transaction joins a batch: resolves once the batch is durable. */
interface DurabilityTicket {
  durable?: Promise<void>;
}
const tickets = new AsyncLocalStorage<DurabilityTicket>();

/**
 * Runs a transaction and resolves only when its batch has been committed, so a caller that
 * answers a request afterwards never answers for data that could still be lost.
 */
export async function withDurability<T>(run: () => Promise<T>): Promise<T> {
  const ticket: DurabilityTicket = {};
  const result = await tickets.run(ticket, run);
  if (ticket.durable) await ticket.durable;
  return result;
}

const MAX_BATCH = 64;
// Under sustained load someone is always waiting for the connection; the age bound keeps a
// batch from staying open (and its members from waiting) longer than a few milliseconds.
const MAX_BATCH_AGE_MS = 3;
const raw = (text: string) => CompiledQuery.raw(text);

interface Batch {
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
  members: number;
  openedAt: number;
}

/**
 * Group commit for the single SQLite connection. Each write transaction costs a commit, and a
 * commit writes every touched page to the WAL: for a ticket (row, indexes, audit record, outbox
 * row, counter) that is most of the request's cost. Transactions that queue up while one runs
 * join one open SQLite transaction, each inside its own savepoint (a failing one rolls back only
 * itself); the batch commits as soon as nobody is waiting for the connection, at 64 members, or after
 * 3 ms.
 * Callers that wait through `withDurability` hear back only after that commit. With no
 * concurrency every transaction commits at once, exactly as without batching.
 */
class GroupCommitDriver implements Driver {
  private waiting = 0;
  private batch: Batch | null = null;

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.waiting += 1;
    try {
      return await this.inner.acquireConnection();
    } finally {
      this.waiting -= 1;
    }
  }

  async beginTransaction(conn: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    if (!this.batch) {
      await conn.executeQuery(raw('begin'));
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((ok, fail) => { resolve = ok; reject = fail; });
      promise.catch(() => {}); // observed by withDurability; never an unhandled rejection
      this.batch = { promise, resolve, reject, members: 0, openedAt: performance.now() };
    }
    await conn.executeQuery(raw('savepoint gd_member'));
    this.batch.members += 1;
    const ticket = tickets.getStore();
    if (ticket) ticket.durable = this.batch.promise;
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(raw('release gd_member'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(raw('rollback to gd_member'));
    await conn.executeQuery(raw('release gd_member'));
  }

  savepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.savepoint?.(conn, name, compile) ?? Promise.resolve();
  }

  rollbackToSavepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.rollbackToSavepoint?.(conn, name, compile) ?? Promise.resolve();
  }

  releaseSavepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.releaseSavepoint?.(conn, name, compile) ?? Promise.resolve();
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    // Whoever hands the connection back last closes the batch: nothing is left open when idle.
    const b = this.batch;
    if (b && (this.waiting === 0 || b.members >= MAX_BATCH || performance.now() - b.openedAt >= MAX_BATCH_AGE_MS)) await this.flush(conn);
    await this.inner.releaseConnection(conn);
  }

  private async flush(conn: DatabaseConnection): Promise<void> {
    const batch = this.batch as Batch;
    this.batch = null;
    try {
      await conn.executeQuery(raw('commit'));
      batch.resolve();
    } catch (e) {
      await conn.executeQuery(raw('rollback')).catch(() => {});
      batch.reject(e);
    }
  }

  async destroy(): Promise<void> {
    await this.inner.destroy();
  }
}

/** SQLite dialect whose transactions are group-committed (see GroupCommitDriver). */
export class GroupCommitSqliteDialect extends SqliteDialect {
  constructor(config: SqliteDialectConfig) {
    super(config);
  }
  override createDriver(): Driver {
    return new GroupCommitDriver(super.createDriver());
  }
}
