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
import { deviceId, newId } from './device.ts';
import { getJson, http, HttpError, httpSession } from './http.ts';
import { openStorage, type FieldStorage } from './storage.ts';
import type { Executability, FieldOrder, FieldPackage, OpKind, OutboxOp, SessionInfo, StoredPhoto } from './types.ts';
import { localExecutability } from './executability.ts';

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
  syncing: boolean;
  lastSyncError: string | null;
}

let storage: FieldStorage | null = null;
let state: FieldState = {
  ready: false, persistent: false,
  serviceWorker: typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? 'installing' : 'unsupported', online: typeof navigator === 'undefined' ? true : navigator.onLine,
  session: null, pkg: null, packageAt: null, packageError: null, ops: [], syncing: false, lastSyncError: null,
};
const listeners = new Set<() => void>();

export const fieldStore = {
  get: () => state,
  subscribe(fn: () => void) {
    listeners.add(fn);
    return () => { listeners.delete(fn); };
  },
};

function set(patch: Partial<FieldState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

const db = (): FieldStorage => {
  if (!storage) throw new Error('field store not initialised');
  return storage;
};

async function reloadOps(): Promise<void> {
  const all = await db().all<OutboxOp>('outbox');
  set({ ops: all.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)) });
}

// ------------------------------------------------------------------ start, session

export async function initField(): Promise<void> {
  storage = await openStorage();
  const [session, pkg, packageAt] = await Promise.all([
    storage.get<SessionInfo>('kv', 'session'), storage.get<FieldPackage>('kv', 'package'), storage.get<string>('kv', 'packageAt'),
  ]);
  httpSession.setCsrf(session?.csrfToken ?? null);
  set({ persistent: storage.persistent, session: session ?? null, pkg: pkg ?? null, packageAt: packageAt ?? null });
  await reloadOps();
  window.addEventListener('online', () => { set({ online: navigator.onLine }); void onReconnect(); });
  window.addEventListener('offline', () => set({ online: false }));
  // A request that succeeded just before the network went away must not leave the flag on "online".
  setInterval(() => { if (!navigator.onLine && state.online) set({ online: false }); }, 2000);
  set({ ready: true });
  if (state.online) void onReconnect();
  setInterval(() => { if (navigator.onLine && pendingCount() > 0) void syncNow(); }, 15_000);
}

export function setServiceWorkerState(s: FieldState['serviceWorker']): void {
  set({ serviceWorker: s });
}

/** Confirms the stored session with the server (it may have expired), then syncs and refreshes. */
async function onReconnect(): Promise<void> {
  if (!state.session) return;
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

async function saveSession(s: SessionInfo | null): Promise<void> {
  httpSession.setCsrf(s?.csrfToken ?? null);
  if (s) await db().put('kv', s, 'session');
  else await db().delete('kv', 'session');
  set({ session: s });
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

// ------------------------------------------------------------------ the offline package

export async function refreshPackage(): Promise<void> {
  if (!state.session) return;
  try {
    const fresh = await getJson<FieldPackage>('/api/v1/field/package');
    // An order that left the package (reassigned, cancelled) while this phone still holds changes
    // for it stays visible until the engineer has decided what happens to those changes.
    const held = new Set(state.ops.map((o) => o.ticketId));
    const kept = (state.pkg?.orders ?? []).filter((o) => held.has(o.id) && !fresh.orders.some((n) => n.id === o.id));
    const pkg = kept.length > 0 ? { ...fresh, orders: [...fresh.orders, ...kept] } : fresh;
    const at = new Date().toISOString();
    await db().put('kv', pkg, 'package');
    await db().put('kv', at, 'packageAt');
    set({ pkg, packageAt: at, packageError: null, online: navigator.onLine });
    void cacheSopImages(pkg);
  } catch (e) {
    if (e instanceof HttpError && e.offline) set({ online: false });
    else if (e instanceof HttpError && e.status === 401) await saveSession(null);
    else set({ packageError: e instanceof Error ? e.message : String(e) });
  }
}

/** SOP images of the package, saved in Cache Storage so the service worker can show them offline. */
async function cacheSopImages(pkg: FieldPackage): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    const cache = await caches.open('gd-field-sop-images');
    const urls = [...new Set(pkg.sops.flatMap((s) => s.images.map((i) => i.url)))];
    for (const url of urls) {
      if (await cache.match(url)) continue;
      const res = await fetch(url, { credentials: 'same-origin' });
      if (res.ok) await cache.put(url, res);
    }
  } catch {
    /* best effort: the text of every SOP is in the package anyway */
  }
}

// ------------------------------------------------------------------ queued changes on top of the package

export const pendingCount = (): number => state.ops.length;

function labelOf(pkg: FieldPackage, status: string): string {
  return pkg.workflow.states.find((s) => s.id === status)?.label.zh ?? status;
}

/** An order as the engineer sees it: the package's copy with this device's unsent changes applied. */
export function viewOrder(pkg: FieldPackage, order: FieldOrder, ops: OutboxOp[]): FieldOrder {
  let o = order;
  for (const op of ops) {
    if (op.ticketId !== order.id) continue;
    // A refused change (and what was queued after it) is not shown as done until the engineer decides.
    if (op.state === 'blocked') break;
    // `version` stays the server's: queued changes are sent against the version the engineer saw,
    // and the server ignores this engineer's own changes in between when it looks for conflicts.
    if (op.kind === 'transition') {
      const to = String(op.body.to);
      const state = pkg.workflow.states.find((s) => s.id === to);
      const allowed = pkg.workflow.transitions
        .filter((t) => t.from.includes(to) && t.roles.includes('engineer') && t.id !== 'merge')
        .map((t) => ({ id: t.id, to: t.to, label: t.label.zh, requireReason: t.requireReason, requiredFields: [...t.requiredFields], guards: [...t.guards] }));
      const fields = (op.body.fields ?? {}) as Record<string, unknown>;
      o = {
        ...o, status: to, statusLabel: labelOf(pkg, to), statusCategory: state?.category ?? o.statusCategory, allowedTransitions: allowed,
        resolution: typeof fields.resolution === 'string' ? fields.resolution : o.resolution,
        customFields: { ...o.customFields, ...((op.body.customFields ?? {}) as Record<string, unknown>) },
      };
    } else if (op.kind === 'check_in') {
      const b = op.body as { lat: number; lng: number; accuracyM?: number; deviceTime: string };
      o = {
        ...o, checkIns: [{
          id: `local:${op.key}`, ticketId: o.id, engineer: { id: op.userId, name: '' }, wgs84: { lat: b.lat, lng: b.lng }, gcj02: { lat: b.lat, lng: b.lng },
          givenCoordSystem: 'wgs84', accuracyM: b.accuracyM ?? null, deviceTime: b.deviceTime, serverTime: '', deviceId: deviceId(),
        }, ...o.checkIns],
      };
    } else if (op.kind === 'reserve') {
      const b = op.body as { partId: string; warehouseId: string; qty: number };
      const part = pkg.parts.find((p) => p.id === b.partId);
      const wh = pkg.warehouses.find((w) => w.id === b.warehouseId);
      o = {
        ...o,
        reservations: [...o.reservations, {
          id: `local:${op.key}`, ticketId: o.id, partId: b.partId, partNo: part?.partNo ?? '', partName: part?.name ?? '', warehouseId: b.warehouseId,
          warehouseName: wh?.name ?? '', qty: b.qty, consumedQty: 0, status: 'held', createdAt: op.createdAt, createdBy: { id: op.userId, name: '' },
        }],
        partsNeeded: o.partsNeeded.map((p) => (p.partId === b.partId ? { ...p, reserved: p.reserved + b.qty } : p)),
      };
    }
  }
  return o;
}

export function viewOrders(): FieldOrder[] {
  const { pkg, ops } = state;
  if (!pkg) return [];
  return pkg.orders.map((o) => viewOrder(pkg, o, ops));
}

/** The check before 开始处理: asked from the server when online, computed from the package offline. */
export async function executabilityOf(order: FieldOrder, confirmAppointmentChange = false): Promise<{ result: Executability; source: 'server' | 'offline' }> {
  const queued = state.ops.filter((op) => op.ticketId === order.id);
  if (state.online && queued.length === 0) {
    try {
      const result = await getJson<Executability>(`/api/v1/tickets/${encodeURIComponent(order.id)}/executability${confirmAppointmentChange ? '?confirmAppointmentChange=true' : ''}`);
      return { result, source: 'server' };
    } catch (e) {
      if (!(e instanceof HttpError) || !(e.offline || e.status === 404)) throw e;
    }
  }
  return { result: localExecutability(state.pkg, order, new Date(), confirmAppointmentChange), source: 'offline' };
}

// ------------------------------------------------------------------ writing changes

interface Change {
  kind: OpKind;
  order: FieldOrder;
  body: Record<string, unknown>;
  label: string;
  photoId?: string;
}

/** Puts a change in the outbox (durably) and starts sending when online. */
export async function enqueue(change: Change): Promise<void> {
  const session = state.session;
  if (!session) throw new Error('not signed in');
  const op: OutboxOp = {
    key: newId(), kind: change.kind, userId: session.user.id, ticketId: change.order.id, createdAt: new Date().toISOString(),
    expectedVersion: change.order.version, body: change.body, label: change.label, state: 'pending', attempts: 0,
    ...(change.photoId ? { photoId: change.photoId } : {}),
  };
  await db().put('outbox', op);
  await reloadOps();
  if (state.online) void syncNow();
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

// ------------------------------------------------------------------ sending

const enc = encodeURIComponent;
let running: Promise<void> | null = null;

/** Sends the outbox in order. One sender at a time (also across tabs where Web Locks exist). */
export function syncNow(): Promise<void> {
  if (running) return running;
  const work = async () => {
    set({ syncing: true });
    try {
      const locks = (navigator as Navigator & { locks?: LockManager }).locks;
      if (locks) await locks.request('gongdan-field-sync', () => drain());
      else await drain();
    } finally {
      set({ syncing: false });
      running = null;
    }
  };
  running = work();
  return running;
}

async function drain(): Promise<void> {
  const session = state.session;
  if (!session) return;
  let sentAny = false;
  const stopped = new Set<string>();
  const ops = (await db().all<OutboxOp>('outbox')).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  for (const op of ops) {
    if (op.userId !== session.user.id) continue; // another engineer's changes wait for them
    if (stopped.has(op.ticketId)) continue;
    if (op.state === 'blocked') { stopped.add(op.ticketId); continue; }
    try {
      await send(op);
      await db().delete('outbox', op.seq as number);
      sentAny = true;
      set({ ops: state.ops.filter((o) => o.seq !== op.seq) });
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      if (e.offline) { set({ online: false, lastSyncError: e.message }); return; }
      if (e.status >= 500 || e.status === 401 || e.problem.code === 'idempotency_in_flight' || e.status === 429) {
        if (e.status === 401) await saveSession(null);
        set({ lastSyncError: e.problem.title });
        return; // try again later, same key
      }
      // The server refused this change (conflict, validation, no longer allowed): the engineer decides.
      const p = e.problem as OutboxOp['problem'] & Record<string, unknown>;
      await db().put('outbox', {
        ...op, state: 'blocked', attempts: op.attempts + 1,
        problem: { status: e.status, code: p.code, title: p.title, detail: p.detail, errors: e.problem.errors, conflicts: p.conflicts, current: p.current },
      });
      stopped.add(op.ticketId);
      await reloadOps();
    }
  }
  set({ lastSyncError: null, online: navigator.onLine });
  if (sentAny) await refreshPackage();
}

async function send(op: OutboxOp): Promise<void> {
  const headers = { 'idempotency-key': op.key, 'x-device-time': op.createdAt };
  const t = `/api/v1/tickets/${enc(op.ticketId)}`;
  switch (op.kind) {
    case 'upload': {
      const photo = op.photoId ? await loadPhoto(op.photoId) : undefined;
      if (!photo) return; // the photo was discarded with its order; nothing to send
      const form = new FormData();
      form.append('visibility', 'internal');
      form.append('file', new File([photo.blob], photo.name, { type: photo.type }));
      const { body } = await http<{ id: string }>('POST', `${t}/attachments`, { form, headers });
      await db().put('photos', { ...photo, attachmentId: body.id });
      return;
    }
    case 'transition': {
      const body = { ...op.body, expectedVersion: op.expectedVersion, customFields: await withAttachmentIds(op.body.customFields) };
      if (body.customFields === undefined) delete body.customFields;
      await http('POST', `${t}/transitions`, { body, headers });
      return;
    }
    case 'comment':
      await http('POST', `${t}/comments`, { body: { ...op.body, expectedVersion: op.expectedVersion }, headers });
      return;
    case 'check_in':
      await http('POST', `${t}/check-ins`, { body: op.body, headers });
      return;
    case 'reserve':
      await http('POST', `${t}/reservations`, { body: { ...op.body, expectedVersion: op.expectedVersion }, headers });
      return;
  }
}

/** Photos are referenced as "local:<photo id>" until uploaded; the server gets attachment ids. */
async function withAttachmentIds(customFields: unknown): Promise<Record<string, unknown> | undefined> {
  if (!customFields || typeof customFields !== 'object') return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(customFields as Record<string, unknown>)) {
    if (Array.isArray(v)) {
      out[k] = await Promise.all(v.map(async (x) => {
        if (typeof x !== 'string' || !x.startsWith('local:')) return x;
        const p = await loadPhoto(x.slice(6));
        if (!p?.attachmentId) throw new HttpError(422, { code: 'photo_not_uploaded', title: '照片尚未上传', detail: '照片还没有上传成功，请稍后重试' });
        return p.attachmentId;
      }));
    } else out[k] = v;
  }
  return out;
}

// ------------------------------------------------------------------ conflicts

/**
 * The engineer's answer to a refused change. 'discard': drop this order's unsent changes and take
 * the server's version. 'retry': send them again against the order as it is now (their explicit
 * choice — never done silently).
 */
export async function decide(ticketId: string, choice: 'discard' | 'retry'): Promise<void> {
  const ops = (await db().all<OutboxOp>('outbox')).filter((o) => o.ticketId === ticketId).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const blocked = ops.find((o) => o.state === 'blocked');
  const current = blocked?.problem?.current;
  if (choice === 'discard') {
    for (const op of ops) await db().delete('outbox', op.seq as number);
    if (current && state.pkg) {
      const pkg = { ...state.pkg, orders: state.pkg.orders.map((o) => (o.id === ticketId ? current : o)) };
      await db().put('kv', pkg, 'package');
      set({ pkg });
    }
  } else {
    const version = current?.version ?? blocked?.expectedVersion ?? 0;
    for (const op of ops) {
      // The refused request's key holds the refusal on the server; the new attempt needs its own key.
      await db().put('outbox', { ...op, state: 'pending', problem: undefined, expectedVersion: version, key: op.state === 'blocked' ? newId() : op.key });
    }
  }
  await reloadOps();
  if (choice === 'discard') await refreshPackage();
  if (state.online) void syncNow();
}

export const transitionLabel = (order: FieldOrder, id: string): string => order.allowedTransitions.find((t) => t.id === id)?.label ?? id;
