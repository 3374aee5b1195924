/** The signed-in engineer and the offline package, kept in IndexedDB and refreshed from the server. */
import { getJson, HttpError, httpSession } from './http.ts';
import { current, db, set } from './field-state.ts';
import type { FieldPackage, SessionInfo } from './types.ts';

export async function saveSession(s: SessionInfo | null): Promise<void> {
  httpSession.setCsrf(s?.csrfToken ?? null);
  if (s) await db().put('kv', s, 'session');
  else await db().delete('kv', 'session');
  set({ session: s });
}

export async function refreshPackage(): Promise<void> {
  if (!current().session) return;
  try {
    const fresh = await getJson<FieldPackage>('/api/v1/field/package');
    // An order that left the package (reassigned, cancelled) while this phone still holds changes
    // for it stays visible until the engineer has decided what happens to those changes.
    const held = new Set(current().ops.map((o) => o.ticketId));
    const kept = (current().pkg?.orders ?? []).filter((o) => held.has(o.id) && !fresh.orders.some((n) => n.id === o.id));
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

