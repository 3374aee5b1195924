import { can } from '@gongdan/domain/access/permissions';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { recordAdminChange, type ActorOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import { presentPart } from '../field/field.presenter.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { findPart, retirePartRow } from './part.repository.ts';

/**
 * Admin: retires a part: it disappears from the catalogue and suggestions; history keeps naming it.
 * One transaction: a failure after the part is marked retired must not leave its model index behind.
 */
export async function deletePart(ctx: AppContext, origin: ActorOrigin, id: string): Promise<Result<{ id: string }, AppError>> {
  if (!can(origin.actor, 'config.manage')) return err({ kind: 'forbidden' });
  return inTransaction(ctx.database.db, async (trx): Promise<Result<{ id: string }, AppError>> => {
    const current = await findPart(trx, id, { forUpdate: ctx.database.dialect });
    if (!current || !(await retirePartRow(trx, id, ctx.clock.now().toISOString()))) return err({ kind: 'not_found', entity: 'part' });
    await recordAdminChange(trx, ctx, origin, { entity: 'part', entityId: id, action: 'delete', before: presentPart(current), after: null });
    return ok({ id });
  });
}
