import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { TicketListQuery } from '@gongdan/contracts/tickets';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError, type FieldIssue } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import type { SavedViewsTable } from '../storage/tables.ts';
import { isUniqueViolation } from '../storage/unique-violation.ts';
import { countSavedViews, findSavedViewByName, insertSavedView } from './saved-view.repository.ts';

export const MAX_SAVED_VIEWS = 50;
const ALLOWED_KEYS = Object.keys(TicketListQuery.shape).filter((k) => k !== 'cursor');

/**
 * Checks a board query string exactly as the list endpoint would (same schema), so a saved view
 * can never open a board that answers 422. Unknown parameters and cursors are refused too.
 */
export function checkBoardQuery(query: string): FieldIssue[] {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  const raw: Record<string, string> = {};
  const issues: FieldIssue[] = [];
  for (const [key, value] of params) {
    if (!ALLOWED_KEYS.includes(key)) issues.push(fieldIssue(`query.${key}`, `不支持的筛选条件：${key}`, `Unknown filter: ${key}`, { zh: `可用：${ALLOWED_KEYS.join(', ')}`, en: `Use: ${ALLOWED_KEYS.join(', ')}` }));
    else if (key in raw) issues.push(fieldIssue(`query.${key}`, `筛选条件重复：${key}`, `Filter given twice: ${key}`));
    else raw[key] = value;
  }
  const parsed = TicketListQuery.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) issues.push(fieldIssue(`query.${String(i.path[0] ?? '')}`, `筛选条件无效：${i.message}`, `Invalid filter: ${i.message}`));
  }
  return issues;
}

/** Saves a named board query for the caller; names are unique per person. */
export async function createSavedView(ctx: AppContext, actor: Actor, input: { name: string; query: string }): Promise<Result<SavedViewsTable, AppError>> {
  const query = input.query.replace(/^\?/, '');
  const issues = checkBoardQuery(query);
  if (issues.length) return err({ kind: 'validation', errors: issues });
  const db = ctx.database.db;
  const taken = () => err<AppError>({ kind: 'validation', errors: [fieldIssue('name', '已有同名视图', 'You already have a view with this name')] });
  if (await findSavedViewByName(db, actor.id, input.name)) return taken();
  if ((await countSavedViews(db, actor.id)) >= MAX_SAVED_VIEWS) {
    return err({ kind: 'validation', errors: [fieldIssue('name', `每人最多保存 ${MAX_SAVED_VIEWS} 个视图`, `At most ${MAX_SAVED_VIEWS} views per person`, { zh: '请先删除不用的视图', en: 'Delete a view you no longer use' })] });
  }
  const now = ctx.clock.now();
  const row: SavedViewsTable = { id: newId(now.getTime()), user_id: actor.id, name: input.name, query, created_at: now.toISOString() };
  try {
    await insertSavedView(db, row);
  } catch (e) {
    if (isUniqueViolation(e)) return taken();
    throw e;
  }
  return ok(row);
}
