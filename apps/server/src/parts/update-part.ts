import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { PartDtoT } from '@gongdan/contracts/field';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { SparePartsTable } from '../storage/tables-field.ts';
import { presentPart } from '../field/field.presenter.ts';
import { findPart, findPartIds, replacePartModels, updatePartRow } from './part.repository.ts';
import { badSubstitutes, refusingDuplicatePartNo } from './part-rules.ts';

/** The fields to change; omitted ones keep their value. */
export interface PartChanges {
  partNo?: string | undefined;
  name?: string | undefined;
  unit?: string | undefined;
  models?: string[] | undefined;
  substituteIds?: string[] | undefined;
}

/** Admin: edits a part of the catalogue. */
export async function updatePart(ctx: AppContext, actor: Actor, id: string, input: PartChanges): Promise<Result<PartDtoT, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const current = await findPart(db, id);
  if (!current) return err({ kind: 'not_found', entity: 'part' });
  if (input.substituteIds) {
    const bad = badSubstitutes(id, input.substituteIds, await findPartIds(db, input.substituteIds));
    if (bad) return err(bad);
  }
  const next: SparePartsTable = {
    ...current,
    part_no: input.partNo ?? current.part_no, name: input.name ?? current.name, unit: input.unit ?? current.unit,
    models: input.models ? JSON.stringify([...new Set(input.models)]) : current.models,
    substitute_ids: input.substituteIds ? JSON.stringify([...new Set(input.substituteIds)]) : current.substitute_ids,
    updated_at: ctx.clock.now().toISOString(),
  };
  return refusingDuplicatePartNo(() => inTransaction(db, async (trx): Promise<Result<PartDtoT, AppError>> => {
    await updatePartRow(trx, id, next);
    if (input.models) await replacePartModels(trx, id, input.models);
    return ok(presentPart(next));
  }));
}
