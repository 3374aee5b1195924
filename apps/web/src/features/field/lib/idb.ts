/**
 * A very small promise wrapper over IndexedDB: one database, a few object stores, and
 * transactions that either complete or throw. Where IndexedDB is missing (some in-app browsers),
 * `openFieldDb` throws and the app runs online-only with a notice.
 */
export const STORES = ['kv', 'outbox', 'photos'] as const;
export type StoreName = (typeof STORES)[number];

const DB_NAME = 'gongdan-field';
const DB_VERSION = 1;

export function idbAvailable(): boolean {
  try {
    return typeof indexedDB !== 'undefined' && indexedDB !== null;
  } catch {
    return false;
  }
}

const done = <T>(req: IDBRequest<T>): Promise<T> => new Promise((resolve, reject) => {
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
});

export class FieldDb {
  constructor(private readonly db: IDBDatabase) {}

  /**
   * Runs `work` in one transaction; resolves after the transaction committed. Writes are 'strict'
   * (flushed to disk) unless the caller says a lost write is harmless ('relaxed').
   */
  async tx<T>(stores: StoreName[], mode: IDBTransactionMode, work: (t: IDBTransaction) => Promise<T> | T, durability: 'strict' | 'relaxed' = 'strict'): Promise<T> {
    const t = this.db.transaction(stores, mode, { durability } as IDBTransactionOptions);
    const committed = new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
      t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
    });
    let result: T;
    try {
      result = await work(t);
    } catch (e) {
      try { t.abort(); } catch { /* already finished */ }
      await committed.catch(() => undefined);
      throw e;
    }
    await committed;
    return result;
  }

  get<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined> {
    return this.tx([store], 'readonly', (t) => done(t.objectStore(store).get(key)) as Promise<T | undefined>);
  }

  put(store: StoreName, value: unknown, key?: IDBValidKey): Promise<IDBValidKey> {
    return this.tx([store], 'readwrite', (t) => done(t.objectStore(store).put(value, key)));
  }

  /**
   * Deletes are 'relaxed': the outbox deletes an op only after the server answered it, and an op
   * that comes back after a crash is replayed harmlessly under its Idempotency-Key.
   */
  delete(store: StoreName, key: IDBValidKey): Promise<void> {
    return this.tx([store], 'readwrite', async (t) => { await done(t.objectStore(store).delete(key)); }, 'relaxed');
  }

  all<T>(store: StoreName): Promise<T[]> {
    return this.tx([store], 'readonly', (t) => done(t.objectStore(store).getAll()) as Promise<T[]>);
  }

  count(store: StoreName): Promise<number> {
    return this.tx([store], 'readonly', (t) => done(t.objectStore(store).count()));
  }
}

export const req = done;

export function openFieldDb(): Promise<FieldDb> {
  if (!idbAvailable()) return Promise.reject(new Error('IndexedDB is not available'));
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, DB_VERSION);
    r.onupgradeneeded = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv');
      // Auto-increment keys keep the outbox in the order changes were made.
      if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      if (!db.objectStoreNames.contains('photos')) db.createObjectStore('photos', { keyPath: 'id' });
    };
    r.onsuccess = () => resolve(new FieldDb(r.result));
    r.onerror = () => reject(r.error ?? new Error('IndexedDB open failed'));
    r.onblocked = () => reject(new Error('IndexedDB open blocked'));
  });
}
