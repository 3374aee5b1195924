/**
 * A stable id for this phone/browser, chosen at first start and kept in localStorage and in a
 * first-party cookie (`gd_device_id`, one year), so the server can tell devices apart in the
 * audit trail (`X-Device-Id`). If one store was cleared, the other restores it.
 */
const KEY = 'gongdan.field.deviceId';
const COOKIE = 'gd_device_id';
const VALID = /^[A-Za-z0-9-]{8,64}$/;

function readCookie(): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled (private mode in some in-app browsers)
  }
}

export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

let cached: string | null = null;

export function deviceId(): string {
  if (cached) return cached;
  const stored = readStorage();
  const cookie = readCookie();
  const id = [stored, cookie].find((v): v is string => !!v && VALID.test(v)) ?? newId();
  try {
    if (stored !== id) localStorage.setItem(KEY, id);
  } catch {
    /* the cookie still carries it */
  }
  if (cookie !== id) {
    const secure = location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = `${COOKIE}=${encodeURIComponent(id)}; Path=/; Max-Age=${365 * 24 * 3600}; SameSite=Lax${secure}`;
  }
  cached = id;
  return id;
}
