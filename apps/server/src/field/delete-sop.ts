import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { deleteSopRow } from './sop.repository.ts';

/** Admin: deletes an SOP document and its model index; its images stay (they may be shared). */
export async function deleteSop(ctx: AppContext, actor: Actor, id: string): Promise<Result<{ id: string }, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  return inTransaction(ctx.database.db, async (trx): Promise<Result<{ id: string }, AppError>> => {
    if (!(await deleteSopRow(trx, id))) return err({ kind: 'not_found', entity: 'sop' });
    return ok({ id });
  });
}
