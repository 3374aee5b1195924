/**
 * The field app's state: the signed-in engineer, the offline package, and the outbox of changes
 * not yet on the server. Every change the engineer makes is written to the outbox first (with its
 * Idempotency-Key, the order version it was made against and the device time) and only then
 * sent, in order; the screens show the package with the queued changes applied on top.
 *
 * Exactly once: an op leaves the outbox only after the server answered it. If the app dies after
 * the server applied a change but before the answer arrived, the op is sent again with the same
 * key and the server's idempotency hook answers the stored response without applying it twice.
 */
import { newId } from './device.ts';
import { current, db, pendingCount, reloadOps, set, useStorage } from './field-state.ts';
import { getJson, http, HttpError, httpSession } from './http.ts';
import { openStorage } from './storage.ts';
import type { Executability, FieldOrder, OpKind, OutboxOp, SessionInfo, StoredPhoto, FieldPackage } from './types.ts';
import { localExecutability } from './executability.ts';
import { syncNow } from './outbox-sync.ts';
import { refreshPackage, saveSession } from './session.ts';

export { dismissConfirmation, fieldStore, pendingCount, setServiceWorkerState, type FieldState } from './field-state.ts';
export { transitionLabel, viewOrder, viewOrders } from './order-view.ts';
export { decide, syncNow } from './outbox-sync.ts';
export { refreshPackage } from './session.ts';

// ------------------------------------------------------------------ start, session

export async function initField(): Promise<void> {
  const storage = await openStorage();
  useStorage(storage);
  const [session, pkg, packageAt, confirmOffers] = await Promise.all([
    storage.get<SessionInfo>('kv', 'session'), storage.get<FieldPackage>('kv', 'package'), storage.get<string>('kv', 'packageAt'),
    storage.get<string[]>('kv', 'confirmOffers'),
  ]);
  httpSession.setCsrf(session?.csrfToken ?? null);
  set({ persistent: storage.persistent, session: session ?? null, pkg: pkg ?? null, packageAt: packageAt ?? null, confirmOffers: confirmOffers ?? [] });
  await reloadOps();
  window.addEventListener('online', () => { set({ online: navigator.onLine }); void onReconnect(); });
  window.addEventListener('offline', () => set({ online: false }));
  // A request that succeeded just before the network went away must not leave the flag on "online".
  setInterval(() => { if (!navigator.onLine && current().online) set({ online: false }); }, 2000);
  set({ ready: true });
  if (current().online) void onReconnect();
  setInterval(() => { if (navigator.onLine && pendingCount() > 0) void syncNow(); }, 15_000);
}

/** Confirms the stored session with the server (it may have expired), then syncs and refreshes. */
async function onReconnect(): Promise<void> {
  if (!current().session) return;
  try {
    const s = await getJson<SessionInfo>('/api/v1/auth/session');
    await saveSession(s);
  } catch (e) {
    if (e instanceof HttpError && e.status === 401) {
      await saveSession(null);
      return;
    }
    if (e instanceof HttpError && e.offline) { set({ online: false }); return; }
  }
  await syncNow();
  await refreshPackage();
}

export async function signIn(email: string, password: string): Promise<void> {
  const { body } = await http<SessionInfo>('POST', '/api/v1/auth/sign-in', { body: { email, password } });
  const previous = await db().get<SessionInfo>('kv', 'session');
  if (previous && previous.user.id !== body.user.id) {
    // Another engineer on this phone: the previous one's package must not be shown.
    await db().delete('kv', 'package');
    set({ pkg: null });
  }
  await saveSession(body);
  set({ online: navigator.onLine });
  await syncNow();
  await refreshPackage();
}

export async function signOut(): Promise<void> {
  try { await http('POST', '/api/v1/auth/sign-out'); } catch { /* offline: the cookie expires on its own */ }
  await saveSession(null);
}

// ------------------------------------------------------------------ writing changes

/** The check before 开始处理: asked from the server when online, computed from the package offline. */
export async function executabilityOf(order: FieldOrder, confirmAppointmentChange = false): Promise<{ result: Executability; source: 'server' | 'offline' }> {
  const queued = current().ops.filter((op) => op.ticketId === order.id);
  if (current().online && queued.length === 0) {
    try {
      const result = await getJson<Executability>(`/api/v1/tickets/${encodeURIComponent(order.id)}/executability${confirmAppointmentChange ? '?confirmAppointmentChange=true' : ''}`);
      return { result, source: 'server' };
    } catch (e) {
      if (!(e instanceof HttpError) || !(e.offline || e.status === 404)) throw e;
    }
  }
  return { result: localExecutability(current().pkg, order, new Date(), confirmAppointmentChange), source: 'offline' };
}

interface Change {
  kind: OpKind;
  order: FieldOrder;
  body: Record<string, unknown>;
  label: string;
  photoId?: string;
}

/** Puts a change in the outbox (durably) and starts sending when online. */
export async function enqueue(change: Change): Promise<void> {
  const session = current().session;
  if (!session) throw new Error('not signed in');
  const op: OutboxOp = {
    key: newId(), kind: change.kind, userId: session.user.id, ticketId: change.order.id, createdAt: new Date().toISOString(),
    expectedVersion: change.order.version, body: change.body, label: change.label, state: 'pending', attempts: 0,
    ...(change.photoId ? { photoId: change.photoId } : {}),
  };
  set({ storing: current().storing + 1 });
  try {
    await db().put('outbox', op);
    await reloadOps();
  } finally {
    set({ storing: current().storing - 1 });
  }
  if (current().online) void syncNow();
}

export async function savePhoto(ticketId: string, blob: Blob, name: string): Promise<string> {
  const id = newId();
  const photo: StoredPhoto = { id, ticketId, blob, name, type: blob.type || 'image/jpeg', createdAt: new Date().toISOString() };
  await db().put('photos', photo);
  return id;
}

export async function replacePhoto(id: string, blob: Blob): Promise<void> {
  const p = await db().get<StoredPhoto>('photos', id);
  if (p) await db().put('photos', { ...p, blob, type: blob.type || p.type });
}

/** The resolve form's unfinished values survive a killed app. */
export const saveDraft = (ticketId: string, draft: unknown): Promise<IDBValidKey> => db().put('kv', draft, `draft:${ticketId}`);
export const loadDraft = <T>(ticketId: string): Promise<T | undefined> => db().get<T>('kv', `draft:${ticketId}`);
export const clearDraft = (ticketId: string): Promise<void> => db().delete('kv', `draft:${ticketId}`);

export const loadPhoto = (id: string): Promise<StoredPhoto | undefined> => db().get<StoredPhoto>('photos', id);

