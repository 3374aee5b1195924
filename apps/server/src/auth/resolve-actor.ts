import type { Actor, Permission, Role } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import { hmac, sha256 } from '../shared/crypto.ts';
import { parseJson } from '../shared/json.ts';
import { findApiTokenByHash, findSession, findUserById, teamIdsOf, touchApiToken } from './auth.repository.ts';

export interface Principal {
  actor: Actor;
  via: 'session' | 'token';
  /** Session id (hash of the cookie token); CSRF tokens are derived from it. */
  sessionId?: string;
  expiresAt?: string;
}

// Every API call resolves its principal; a few seconds of caching keeps that off the database
// on the hot path. Sign-out evicts locally; other nodes honour it within the TTL.
const TTL_MS = 5_000;
const cache = new Map<string, { at: number; principal: Principal | null }>();

/** Forget a session (by session id) or an API token (by token hash) at once on this node. */
export function evictPrincipal(hashedKey: string): void {
  cache.delete(`c:${hashedKey}`);
  cache.delete(`b:${hashedKey}`);
}

/** After role or account changes: every principal is resolved afresh on this node. */
export function evictAllPrincipals(): void {
  cache.clear();
}

export function csrfTokenFor(secret: string, sessionId: string): string {
  return hmac(secret, `csrf:${sessionId}`);
}

async function fromSession(ctx: AppContext, token: string): Promise<Principal | null> {
  const db = ctx.database.db;
  const id = sha256(token);
  const session = await findSession(db, id);
  if (!session || session.expires_at <= ctx.clock.now().toISOString()) return null;
  const user = await findUserById(db, session.user_id);
  if (!user || user.active !== 1) return null;
  const actor: Actor = {
    kind: 'user', id: user.id, name: user.name, role: user.role as Role, teamIds: await teamIdsOf(db, user.id), customerId: user.customer_id,
  };
  return { actor, via: 'session', sessionId: id, expiresAt: session.expires_at };
}

async function fromApiToken(ctx: AppContext, token: string): Promise<Principal | null> {
  const db = ctx.database.db;
  const row = await findApiTokenByHash(db, sha256(token));
  const now = ctx.clock.now().toISOString();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) return null;
  await touchApiToken(db, row.id, now);
  const actor: Actor = {
    kind: 'token', id: row.id, name: row.name, role: 'integration', teamIds: [], customerId: null,
    scopes: parseJson<Permission[]>(row.scopes, []),
  };
  return { actor, via: 'token' };
}

/** Resolves who is calling from the session cookie or a Bearer token; null when anonymous. */
export async function resolvePrincipal(ctx: AppContext, cookieToken: string | undefined, bearer: string | undefined): Promise<Principal | null> {
  // Keyed by the hashes the database stores, so revocation can evict without the raw secret.
  const key = bearer ? `b:${sha256(bearer)}` : cookieToken ? `c:${sha256(cookieToken)}` : null;
  if (!key) return null;
  const hit = cache.get(key);
  const nowMs = Date.now();
  if (hit && nowMs - hit.at < TTL_MS) return hit.principal;
  const principal = bearer ? await fromApiToken(ctx, bearer) : await fromSession(ctx, cookieToken as string);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { at: nowMs, principal });
  return principal;
}
