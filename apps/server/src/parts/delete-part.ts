import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { retirePartRow } from './part.repository.ts';

/** Admin: retires a part: it disappears from the catalogue and suggestions; history keeps naming it. */
export async function deletePart(ctx: AppContext, actor: Actor, id: string): Promise<Result<{ id: string }, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  if (!(await retirePartRow(ctx.database.db, id, ctx.clock.now().toISOString()))) return err({ kind: 'not_found', entity: 'part' });
  return ok({ id });
}
