import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Where the web build leaves the customer page's script (apps/web/vite.public.config.ts). */
export const PUBLIC_DIST = fileURLToPath(new URL('../../../web/dist-public/', import.meta.url));

interface Loaded { mtimeMs: number; body: Buffer; gzip: Buffer; hash: string }
const cache = new Map<string, Loaded>();

/** The built script with its content hash and a gzip copy, re-read when the build changes. */
export function loadPublicScript(name: string, dir = PUBLIC_DIST): Loaded | null {
  const file = `${dir}${name}`;
  if (!existsSync(file)) return null;
  const { mtimeMs } = statSync(file);
  const hit = cache.get(file);
  if (hit?.mtimeMs === mtimeMs) return hit;
  const body = readFileSync(file);
  const loaded = { mtimeMs, body, gzip: gzipSync(body, { level: 9 }), hash: createHash('sha256').update(body).digest('hex').slice(0, 12) };
  cache.set(file, loaded);
  return loaded;
}

/** A versioned URL, so the script can be cached for a year and still change with each build. */
export function publicScriptUrl(name: string): string {
  const s = loadPublicScript(name);
  return `/c/assets/${name}?v=${s?.hash ?? 'missing'}`;
}
