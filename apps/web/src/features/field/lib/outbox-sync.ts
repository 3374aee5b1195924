/**
 * Sending the outbox, in order, exactly once (see store.ts), and the engineer's decision when the
 * server refuses a change.
 */
import { newId } from './device.ts';
import { current, db, offerConfirmation, reloadOps, set } from './field-state.ts';
import { http, HttpError } from './http.ts';
import { refreshPackage, saveSession } from './session.ts';
import type { OutboxOp, StoredPhoto } from './types.ts';

const loadPhoto = (id: string): Promise<StoredPhoto | undefined> => db().get<StoredPhoto>('photos', id);

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
  const session = current().session;
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
      if (op.kind === 'transition' && op.body.transition === 'resolve') await offerConfirmation(op.ticketId);
      sentAny = true;
      set({ ops: current().ops.filter((o) => o.seq !== op.seq) });
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
    case 'device': {
      const { deviceId: _local, ...body } = op.body; // which package device it showed; the server matches by serial itself
      await http('POST', `${t}/nameplate-device`, { body: { ...body, expectedVersion: op.expectedVersion }, headers });
      return;
    }
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
  const fresh = blocked?.problem?.current;
  if (choice === 'discard') {
    for (const op of ops) await db().delete('outbox', op.seq as number);
    const held = current().pkg;
    if (fresh && held) {
      const pkg = { ...held, orders: held.orders.map((o) => (o.id === ticketId ? fresh : o)) };
      await db().put('kv', pkg, 'package');
      set({ pkg });
    }
  } else {
    const version = fresh?.version ?? blocked?.expectedVersion ?? 0;
    for (const op of ops) {
      // The refused request's key holds the refusal on the server; the new attempt needs its own key.
      await db().put('outbox', { ...op, state: 'pending', problem: undefined, expectedVersion: version, key: op.state === 'blocked' ? newId() : op.key });
    }
  }
  await reloadOps();
  if (choice === 'discard') await refreshPackage();
  if (current().online) void syncNow();
}

