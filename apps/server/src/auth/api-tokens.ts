import { ROLE_PERMISSIONS } from '@gongdan/domain/access/permissions';
import type { Permission } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { recordAdminChange, type ChangeOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { sha256 } from '../shared/crypto.ts';
import { newId, newToken } from '../shared/ids.ts';
import { parseJson } from '../shared/json.ts';
import { inTransaction } from '../storage/transaction.ts';
import { evictPrincipal } from './resolve-actor.ts';

export interface ApiTokenView {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  token?: string;
}

/**
 * Issues a token for an integration. Scopes must lie within the integration role's permissions;
 * the token itself is returned once and only its hash is stored.
 */
export async function createApiToken(
  ctx: AppContext, origin: ChangeOrigin, input: { name: string; scopes: Permission[]; expiresInDays?: number | undefined },
): Promise<Result<ApiTokenView, AppError>> {
  const allowed = ROLE_PERMISSIONS.integration;
  const bad = input.scopes.filter((s) => !allowed.has(s));
  if (bad.length > 0) {
    return err({ kind: 'validation', errors: [fieldIssue('scopes', `集成令牌不能拥有这些权限：${bad.join(', ')}`, `Integration tokens cannot hold: ${bad.join(', ')}`)] });
  }
  const now = ctx.clock.now();
  const token = `gdt_${newToken()}`;
  const row = {
    id: newId(now.getTime()), name: input.name, token_hash: sha256(token), scopes: JSON.stringify([...new Set(input.scopes)]),
    created_by: origin.actor.id, created_at: now.toISOString(),
    expires_at: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString() : null,
    last_used_at: null, revoked_at: null,
  };
  return inTransaction(ctx.database.db, async (trx): Promise<Result<ApiTokenView, AppError>> => {
    await trx.insertInto('api_tokens').values(row).execute();
    await recordAdminChange(trx, ctx, origin, { entity: 'api_token', entityId: row.id, action: 'create', before: null, after: view(row) });
    return ok({ ...view(row), token });
  });
}

export async function listApiTokens(ctx: AppContext): Promise<ApiTokenView[]> {
  const rows = await ctx.database.db.selectFrom('api_tokens').selectAll().where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute();
  return rows.map(view);
}

export async function revokeApiToken(ctx: AppContext, origin: ChangeOrigin, id: string): Promise<Result<null, AppError>> {
  const result = await inTransaction(ctx.database.db, async (trx): Promise<Result<string, AppError>> => {
    const row = await trx.updateTable('api_tokens').set({ revoked_at: ctx.clock.now().toISOString() })
      .where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
    if (!row) return err({ kind: 'not_found', entity: 'api token' });
    await recordAdminChange(trx, ctx, origin, { entity: 'api_token', entityId: id, action: 'revoke', before: view(row), after: { ...view(row), revokedAt: row.revoked_at } });
    return ok(row.token_hash);
  });
  if (!result.ok) return result;
  evictPrincipal(result.value);
  return ok(null);
}

function view(r: { id: string; name: string; scopes: string; created_at: string; expires_at: string | null; last_used_at: string | null }): ApiTokenView {
  return { id: r.id, name: r.name, scopes: parseJson<string[]>(r.scopes, []), createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at };
}
