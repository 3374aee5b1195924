import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { parseJson } from '../shared/json.ts';
import { findVans } from './field.repository.ts';

export interface EngineerProfile {
  userId: string;
  name: string;
  loadLimit: number;
  skills: string[];
  base: { lat: number; lng: number } | null;
  vanWarehouseId: string | null;
}

/** An engineer's field settings: load limit (users.max_load), skills, and their van (whose position is their base). */
export async function getEngineerProfile(ctx: AppContext, actor: Actor, userId: string): Promise<Result<EngineerProfile, AppError>> {
  if (!can(actor, 'user.read') && actor.id !== userId) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const u = await db.selectFrom('users').select(['id', 'name', 'role', 'skills', 'max_load']).where('id', '=', userId).executeTakeFirst();
  if (!u || u.role !== 'engineer') return err({ kind: 'not_found', entity: 'engineer' });
  const van = (await findVans(db, [userId]))[0];
  return ok({
    userId: u.id, name: u.name, loadLimit: u.max_load, skills: parseJson<string[]>(u.skills, []),
    base: van && van.lat !== null && van.lng !== null ? { lat: van.lat, lng: van.lng } : null, vanWarehouseId: van?.id ?? null,
  });
}

/** Supervisor / admin: the engineer's load limit and base position (stored on the van). */
export async function updateEngineerProfile(
  ctx: AppContext, actor: Actor, userId: string, input: { loadLimit?: number | undefined; base?: { lat: number; lng: number } | null | undefined },
): Promise<Result<EngineerProfile, AppError>> {
  if (!can(actor, 'team.manage')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const u = await db.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirst();
  if (!u || u.role !== 'engineer') return err({ kind: 'not_found', entity: 'engineer' });
  const now = ctx.clock.now().toISOString();
  if (input.loadLimit !== undefined) await db.updateTable('users').set({ max_load: input.loadLimit, updated_at: now }).where('id', '=', userId).execute();
  if (input.base !== undefined) {
    const van = (await findVans(db, [userId]))[0];
    if (van) await db.updateTable('warehouses').set({ lat: input.base?.lat ?? null, lng: input.base?.lng ?? null, updated_at: now }).where('id', '=', van.id).execute();
  }
  return getEngineerProfile(ctx, actor, userId);
}
