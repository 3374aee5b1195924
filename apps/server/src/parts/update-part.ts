import { can } from '@gongdan/domain/access/permissions';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { PartDtoT } from '@gongdan/contracts/field';
import { recordAdminChange, type ActorOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { presentPart } from '../field/field.presenter.ts';
import { findActivePartIds, findPart, replacePartModels, updatePartRow, type PartRowChanges } from './part.repository.ts';
import { badSubstitutes, refusingDuplicatePartNo } from './part-rules.ts';

/** The fields to change; omitted ones keep their value. */
export interface PartChanges {
  partNo?: string | undefined;
  name?: string | undefined;
  unit?: string | undefined;
  models?: string[] | undefined;
  substituteIds?: string[] | undefined;
}

/** The columns the request changes, and no other: what it did not name is left as the database has it. */
function rowChanges(input: PartChanges, now: string): PartRowChanges {
  const changes: PartRowChanges = { updated_at: now };
  if (input.partNo !== undefined) changes.part_no = input.partNo;
  if (input.name !== undefined) changes.name = input.name;
  if (input.unit !== undefined) changes.unit = input.unit;
  if (input.models) changes.models = JSON.stringify([...new Set(input.models)]);
  if (input.substituteIds) changes.substitute_ids = JSON.stringify([...new Set(input.substituteIds)]);
  return changes;
}

/**
 * Admin: edits a part of the catalogue. The part is read inside the transaction (locked on
 * Postgres) and only the fields the request names are written: a retire landing meanwhile answers
 * 404 instead of the edit bringing the part back, and a concurrent edit of other fields is kept.
 * Substitutes are checked in the same transaction, so none is retired between check and write.
 */
export async function updatePart(ctx: AppContext, origin: ActorOrigin, id: string, input: PartChanges): Promise<Result<PartDtoT, AppError>> {
  if (!can(origin.actor, 'config.manage')) return err({ kind: 'forbidden' });
  return refusingDuplicatePartNo(() => inTransaction(ctx.database.db, async (trx): Promise<Result<PartDtoT, AppError>> => {
    const current = await findPart(trx, id, { forUpdate: ctx.database.dialect });
    if (!current) return err({ kind: 'not_found', entity: 'part' });
    if (input.substituteIds) {
      const bad = badSubstitutes(id, input.substituteIds, await findActivePartIds(trx, input.substituteIds, { lock: ctx.database.dialect }));
      if (bad) return err(bad);
    }
    const changes = rowChanges(input, ctx.clock.now().toISOString());
    await updatePartRow(trx, id, changes);
    if (input.models) await replacePartModels(trx, id, input.models);
    const after = presentPart({ ...current, ...changes });
    await recordAdminChange(trx, ctx, origin, { entity: 'part', entityId: id, action: 'update', before: presentPart(current), after });
    return ok(after);
  }));
}
