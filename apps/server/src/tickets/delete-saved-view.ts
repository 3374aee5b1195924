import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { BUILTIN_PREFIX } from './builtin-views.ts';
import { deleteSavedView } from './saved-view.repository.ts';

/** Deletes one of the caller's views. Built-in views stay; other people's views are not found. */
export async function removeSavedView(ctx: AppContext, actor: Actor, id: string): Promise<Result<null, AppError>> {
  if (id.startsWith(BUILTIN_PREFIX)) return err({ kind: 'conflict', detail: 'built-in views cannot be deleted' });
  return (await deleteSavedView(ctx.database.db, actor.id, id)) ? ok(null) : err({ kind: 'not_found', entity: 'saved view' });
}
