import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import { newToken } from '../shared/ids.ts';
import { sha256 } from '../shared/crypto.ts';
import { burnPasswordCheck, verifyPassword } from './password.ts';
import { clearFailedSignIns, findUserByEmail, insertSession, recordFailedSignIn } from './auth.repository.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60_000;
export const SESSION_MS = 7 * 24 * 3600_000;

export type SignInError = { kind: 'invalid_credentials' } | { kind: 'account_locked'; until: string };

/**
 * Password sign-in with per-account lockout: after 5 failures the account is locked for
 * 15 minutes (the per-IP rate limit sits in the route). Returns the raw session token for the
 * cookie; only its SHA-256 is stored, so a database leak does not leak live sessions.
 */
export async function signIn(
  ctx: AppContext, email: string, password: string, meta: { ip: string | null; userAgent: string | null },
): Promise<Result<{ token: string; userId: string; expiresAt: string }, SignInError>> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const user = await findUserByEmail(db, email);
  if (!user || !user.password_hash || user.active !== 1) {
    await burnPasswordCheck(password);
    return err({ kind: 'invalid_credentials' });
  }
  if (user.locked_until && user.locked_until > now.toISOString()) return err({ kind: 'account_locked', until: user.locked_until });
  if (!(await verifyPassword(user.password_hash, password))) {
    const attempts = user.failed_attempts + 1;
    const lock = attempts >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
    await recordFailedSignIn(db, user.id, lock ? 0 : attempts, lock);
    return lock ? err({ kind: 'account_locked', until: lock }) : err({ kind: 'invalid_credentials' });
  }
  if (user.failed_attempts > 0 || user.locked_until) await clearFailedSignIns(db, user.id);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_MS).toISOString();
  await insertSession(db, {
    id: sha256(token), user_id: user.id, created_at: now.toISOString(), expires_at: expiresAt, ip: meta.ip, user_agent: meta.userAgent,
  });
  return ok({ token, userId: user.id, expiresAt });
}
