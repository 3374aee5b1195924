import { can } from '@gongdan/domain/access/permissions';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { PartDtoT } from '@gongdan/contracts/field';
import { recordAdminChange, type ActorOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { SparePartsTable } from '../storage/tables-field.ts';
import { presentPart } from '../field/field.presenter.ts';
import { findActivePartIds, insertPart, replacePartModels } from './part.repository.ts';
import { badSubstitutes, refusingDuplicatePartNo } from './part-rules.ts';

export interface NewPart {
  partNo: string;
  name: string;
  unit: string;
  models: string[];
  substituteIds: string[];
}

/** Admin: adds a part to the catalogue, indexed under the device models it fits; substitutes must be in the catalogue. */
export async function createPart(ctx: AppContext, origin: ActorOrigin, input: NewPart): Promise<Result<PartDtoT, AppError>> {
  if (!can(origin.actor, 'config.manage')) return err({ kind: 'forbidden' });
  const now = ctx.clock.now().toISOString();
  const row: SparePartsTable = {
    id: newId(), part_no: input.partNo, name: input.name, unit: input.unit, models: JSON.stringify([...new Set(input.models)]),
    substitute_ids: JSON.stringify([...new Set(input.substituteIds)]), active: 1, created_at: now, updated_at: now,
  };
  return refusingDuplicatePartNo(() => inTransaction(ctx.database.db, async (trx): Promise<Result<PartDtoT, AppError>> => {
    // Checked in the transaction (share-locked on Postgres): no substitute is retired before the write.
    const bad = badSubstitutes(row.id, input.substituteIds, await findActivePartIds(trx, input.substituteIds, { lock: ctx.database.dialect }));
    if (bad) return err(bad);
    await insertPart(trx, row);
    await replacePartModels(trx, row.id, input.models);
    await recordAdminChange(trx, ctx, origin, { entity: 'part', entityId: row.id, action: 'create', before: null, after: presentPart(row) });
    return ok(presentPart(row));
  }));
}
