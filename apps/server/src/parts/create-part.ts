import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { PartDtoT } from '@gongdan/contracts/field';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { SparePartsTable } from '../storage/tables-field.ts';
import { presentPart } from '../field/field.presenter.ts';
import { findPartIds, insertPart, replacePartModels } from './part.repository.ts';
import { badSubstitutes, refusingDuplicatePartNo } from './part-rules.ts';

export interface NewPart {
  partNo: string;
  name: string;
  unit: string;
  models: string[];
  substituteIds: string[];
}

/** Admin: adds a part to the catalogue, indexed under the device models it fits. */
export async function createPart(ctx: AppContext, actor: Actor, input: NewPart): Promise<Result<PartDtoT, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const now = ctx.clock.now().toISOString();
  const row: SparePartsTable = {
    id: newId(), part_no: input.partNo, name: input.name, unit: input.unit, models: JSON.stringify([...new Set(input.models)]),
    substitute_ids: JSON.stringify([...new Set(input.substituteIds)]), active: 1, created_at: now, updated_at: now,
  };
  const bad = badSubstitutes(row.id, input.substituteIds, await findPartIds(db, input.substituteIds));
  if (bad) return err(bad);
  return refusingDuplicatePartNo(() => inTransaction(db, async (trx): Promise<Result<PartDtoT, AppError>> => {
    await insertPart(trx, row);
    await replacePartModels(trx, row.id, input.models);
    return ok(presentPart(row));
  }));
}
