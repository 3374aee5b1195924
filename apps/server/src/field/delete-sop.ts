import { can } from '@gongdan/domain/access/permissions';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { recordAdminChange, type ActorOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import { sopSnapshot } from './create-sop.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { deleteSopRow, findSop } from './sop.repository.ts';

/** Admin: deletes an SOP document and its model index; its images stay (they may be shared). */
export async function deleteSop(ctx: AppContext, origin: ActorOrigin, id: string): Promise<Result<{ id: string }, AppError>> {
  if (!can(origin.actor, 'config.manage')) return err({ kind: 'forbidden' });
  return inTransaction(ctx.database.db, async (trx): Promise<Result<{ id: string }, AppError>> => {
    const current = await findSop(trx, id, { forUpdate: ctx.database.dialect });
    if (!current || !(await deleteSopRow(trx, id))) return err({ kind: 'not_found', entity: 'sop' });
    await recordAdminChange(trx, ctx, origin, { entity: 'sop', entityId: id, action: 'delete', before: sopSnapshot(current), after: null });
    return ok({ id });
  });
}
