/**
 * Where the field app keeps its data: IndexedDB when the browser has it, otherwise memory (the
 * app then works online only and says so). Both offer the same few calls.
 */
import { openFieldDb, type StoreName } from './idb.ts';

export interface FieldStorage {
  readonly persistent: boolean;
  get<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined>;
  put(store: StoreName, value: unknown, key?: IDBValidKey): Promise<IDBValidKey>;
  delete(store: StoreName, key: IDBValidKey): Promise<void>;
  all<T>(store: StoreName): Promise<T[]>;
}

class MemoryStorage implements FieldStorage {
  readonly persistent = false;
  private readonly stores = new Map<StoreName, Map<IDBValidKey, unknown>>();
  private seq = 0;
  private s(name: StoreName): Map<IDBValidKey, unknown> {
    let m = this.stores.get(name);
    if (!m) this.stores.set(name, (m = new Map()));
    return m;
  }
  async get<T>(store: StoreName, key: IDBValidKey) { return this.s(store).get(key) as T | undefined; }
  async put(store: StoreName, value: unknown, key?: IDBValidKey) {
    const v = value as { seq?: number; id?: string };
    let k: IDBValidKey | undefined = key;
    if (k === undefined && store === 'outbox') {
      if (v.seq === undefined) v.seq = ++this.seq;
      k = v.seq;
    }
    if (k === undefined && store === 'photos') k = v.id;
    if (k === undefined) throw new Error('no key');
    this.s(store).set(k, structuredClone(value));
    return k;
  }
  async delete(store: StoreName, key: IDBValidKey) { this.s(store).delete(key); }
  async all<T>(store: StoreName) {
    return [...this.s(store).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v as T);
  }
}

export async function openStorage(): Promise<FieldStorage> {
  try {
    const db = await openFieldDb();
    return Object.assign(db, { persistent: true as const });
  } catch {
    return new MemoryStorage();
  }
}
