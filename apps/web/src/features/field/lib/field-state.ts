/** The field app's state container: the store every screen subscribes to, and its IndexedDB handle. */
import type { FieldStorage } from './storage.ts';
import type { FieldPackage, OutboxOp, SessionInfo } from './types.ts';

export interface FieldState {
  ready: boolean;
  persistent: boolean;
  serviceWorker: 'active' | 'installing' | 'unsupported';
  online: boolean;
  session: SessionInfo | null;
  pkg: FieldPackage | null;
  packageAt: string | null;
  packageError: string | null;
  ops: OutboxOp[];
  /** Changes being written to the outbox right now: counted as unsent from the tap, not from the write. */
  storing: number;
  syncing: boolean;
  lastSyncError: string | null;
  /** Orders whose resolve reached the server: the engineer is offered the customer's confirmation QR. */
  confirmOffers: string[];
}

let storage: FieldStorage | null = null;
let state: FieldState = {
  ready: false, persistent: false,
  serviceWorker: typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? 'installing' : 'unsupported', online: typeof navigator === 'undefined' ? true : navigator.onLine,
  session: null, pkg: null, packageAt: null, packageError: null, ops: [], storing: 0, syncing: false, lastSyncError: null, confirmOffers: [],
};
const listeners = new Set<() => void>();

export const fieldStore = {
  get: () => state,
  subscribe(fn: () => void) {
    listeners.add(fn);
    return () => { listeners.delete(fn); };
  },
};

export function set(patch: Partial<FieldState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export const db = (): FieldStorage => {
  if (!storage) throw new Error('field store not initialised');
  return storage;
};

export async function reloadOps(): Promise<void> {
  const all = await db().all<OutboxOp>('outbox');
  set({ ops: all.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)) });
}

/** The state right now (for code outside React; screens use the useField hook). */
export const current = (): FieldState => state;

export function useStorage(s: FieldStorage): void {
  storage = s;
}

export const pendingCount = (): number => state.ops.length + state.storing;

export function setServiceWorkerState(s: FieldState['serviceWorker']): void {
  set({ serviceWorker: s });
}

/**
 * A resolve the server accepted (online or replayed after being offline): the confirmation link
 * exists only now, so the order is remembered (durably: the app may be killed before the engineer
 * looks) until the engineer has shown the QR or dismissed it.
 */
export async function offerConfirmation(ticketId: string): Promise<void> {
  if (state.confirmOffers.includes(ticketId)) return;
  const offers = [...state.confirmOffers, ticketId];
  await db().put('kv', offers, 'confirmOffers');
  set({ confirmOffers: offers });
}

export async function dismissConfirmation(ticketId: string): Promise<void> {
  // The screen forgets it at once (no flicker of the offer under the closing QR); then it is persisted.
  const offers = state.confirmOffers.filter((id) => id !== ticketId);
  set({ confirmOffers: offers });
  await db().put('kv', offers, 'confirmOffers');
}
