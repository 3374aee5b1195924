import {
  CompiledQuery, type DatabaseConnection, type Driver, type Kysely, type QueryCompiler, SqliteDialect, type SqliteDialectConfig,
  type Transaction, type TransactionSettings,
} from 'kysely';

/**
 * The driver stamps each connection with the commit promise of the batch its current transaction
 * joined. Read from inside the transaction (which holds the only connection, so no other batch can
 * be opened or committed meanwhile), it is exactly this transaction's batch. No AsyncLocalStorage:
 * on Node 20 that switches on V8's promise hooks for every promise of the process (~3–5 % of the
 * CPU of a ticket create, ADR 019 follow-up).
 */
const BATCH = Symbol('gongdan.groupCommitBatch');
type StampedConnection = DatabaseConnection & { [BATCH]?: Promise<void> };

/**
 * Runs `work` in a transaction and resolves only when its batch has been committed, so a caller
 * that answers a request afterwards never answers for data that could still be lost. On Postgres
 * (no batches) this is a plain transaction.
 */
export async function durableTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  let durable: Promise<void> | undefined;
  const result = await db.transaction().execute(async (trx) => {
    const value = await work(trx);
    // Boxed: an async callback returning the batch promise itself would wait for the commit here,
    // inside the transaction that the commit is waiting for.
    durable = (await trx.getExecutor().provideConnection(async (conn) => ({ batch: (conn as StampedConnection)[BATCH] }))).batch;
    return value;
  });
  if (durable) await durable;
  return result;
}

/**
 * A transaction that must read committed data only: on SQLite it first commits any open batch
 * instead of joining it. The outbox worker claims this way, so no side effect is ever delivered for
 * a change whose commit is still pending (ADR 019). Expressed as the isolation level the driver
 * sees (`read committed`, Postgres's default, so no change there).
 */
export function committedReadTransaction<DB>(db: Kysely<DB>) {
  return db.transaction().setIsolationLevel('read committed');
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
 * itself); the batch commits at the end of the event-loop turn in which nobody is waiting for
 * the connection any more (ADR 019), at 64 members, or after 3 ms.
 * Callers that wait through `durableTransaction` hear back only after that commit. With no
 * concurrency a transaction commits one turn after it ends; transactions opened through
 * with an isolation level (`committedReadTransaction`) never join an open batch.
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

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (this.batch && settings.isolationLevel) await this.flush(conn);
    if (!this.batch) {
      await conn.executeQuery(raw('begin'));
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((ok, fail) => { resolve = ok; reject = fail; });
      promise.catch(() => {}); // observed by durableTransaction; never an unhandled rejection
      this.batch = { promise, resolve, reject, members: 0, openedAt: performance.now() };
    }
    await conn.executeQuery(raw('savepoint gd_member'));
    this.batch.members += 1;
    (conn as StampedConnection)[BATCH] = this.batch.promise;
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
    const b = this.batch;
    if (b && (b.members >= MAX_BATCH || performance.now() - b.openedAt >= MAX_BATCH_AGE_MS)) await this.flush(conn);
    else if (b && this.waiting === 0) this.flushSoon();
    await this.inner.releaseConnection(conn);
  }

  private flushPending = false;
  /**
   * Nobody waits for the connection right now: commit after the current event-loop turn, so
   * requests whose handlers reach their transaction in this turn (HTTP parsing, validation and
   * the answer of the previous request run in between) join the batch instead of each paying
   * a commit (ADR 019). Nothing is left open when idle: the commit runs one turn later.
   */
  private flushSoon(): void {
    if (this.flushPending) return;
    this.flushPending = true;
    setImmediate(() => void this.flushIdle());
  }

  private async flushIdle(): Promise<void> {
    this.flushPending = false;
    if (!this.batch) return;
    const conn = await this.inner.acquireConnection();
    try {
      if (this.batch) await this.flush(conn);
    } finally {
      await this.inner.releaseConnection(conn);
    }
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
    if (this.batch) await this.flushIdle();
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
