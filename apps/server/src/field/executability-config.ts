import { can } from '@gongdan/domain/access/permissions';
import { EXECUTABILITY_CHECK_IDS, type ExecutabilityCheckId } from '@gongdan/domain/field/executability';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { TICKET_TYPES, type TicketType } from '@gongdan/domain/ticket/ticket';
import type { Kysely } from 'kysely';
import { recordAdminChange, type ActorOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { parseJson } from '../shared/json.ts';
import type { DB } from '../storage/tables.ts';
import { readSetting, writeSetting } from '../storage/settings.repository.ts';

export const EXECUTABILITY_SETTING = 'field.executability_checks';

export type ExecutabilityConfig = Partial<Record<TicketType, ExecutabilityCheckId[]>>;

/** Which checks apply to a ticket type; a type the admin has not configured gets all three. */
export function checksFor(config: ExecutabilityConfig, type: string): ExecutabilityCheckId[] {
  return config[type as TicketType] ?? [...EXECUTABILITY_CHECK_IDS];
}

export async function getExecutabilityConfig(db: Kysely<DB>): Promise<ExecutabilityConfig> {
  const raw = await readSetting<Record<string, unknown>>(db, EXECUTABILITY_SETTING, {});
  const out: ExecutabilityConfig = {};
  for (const t of TICKET_TYPES) {
    const v = raw[t];
    if (Array.isArray(v)) out[t] = EXECUTABILITY_CHECK_IDS.filter((c) => v.includes(c));
  }
  return out;
}

/** Admin: replace the per-type configuration (types left out fall back to all checks). */
export async function setExecutabilityConfig(ctx: AppContext, origin: ActorOrigin, byType: ExecutabilityConfig): Promise<Result<ExecutabilityConfig, AppError>> {
  if (!can(origin.actor, 'config.manage')) return err({ kind: 'forbidden' });
  return ok(await ctx.database.db.transaction().execute(async (trx) => {
    const before = await getExecutabilityConfig(trx);
    await writeSetting(trx, EXECUTABILITY_SETTING, byType);
    const after = await getExecutabilityConfig(trx);
    await recordAdminChange(trx, ctx, origin, { entity: 'executability', entityId: 'config', action: 'update', before, after });
    return after;
  }));
}
