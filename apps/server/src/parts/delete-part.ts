import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { retirePartRow } from './part.repository.ts';

/**
 * Admin: retires a part: it disappears from the catalogue and suggestions; history keeps naming it.
 * One transaction: a failure after the part is marked retired must not leave its model index behind.
 */
export async function deletePart(ctx: AppContext, actor: Actor, id: string): Promise<Result<{ id: string }, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  return inTransaction(ctx.database.db, async (trx): Promise<Result<{ id: string }, AppError>> => {
    if (!(await retirePartRow(trx, id, ctx.clock.now().toISOString()))) return err({ kind: 'not_found', entity: 'part' });
    return ok({ id });
  });
}
