import type { Actor } from '@gongdan/domain/access/roles';
import type { Locale } from '@gongdan/domain/shared/localized';
import { ok } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import type { SavedViewsTable } from '../storage/tables.ts';
import { builtinViews } from './builtin-views.ts';
import { listSavedViewRows } from './saved-view.repository.ts';

export const presentSavedView = (v: SavedViewsTable) => ({ id: v.id, name: v.name, query: v.query, builtIn: false, createdAt: v.created_at });

/** The caller's board views: the three built-in ones first, then their own in the order saved. */
export async function listSavedViews(ctx: AppContext, actor: Actor, locale: Locale) {
  const db = ctx.database.db;
  const [workflow, rows] = await Promise.all([getWorkflow(db), listSavedViewRows(db, actor.id)]);
  return ok([...builtinViews(workflow, ctx.clock.now(), ctx.config.timeZone, locale), ...rows.map(presentSavedView)]);
}
