import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Actor } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import type { TodosTable } from '../storage/tables.ts';
import { listTodoRows } from './todo.repository.ts';

const SORT = 'todos_created_desc';

/** "我的待办": the caller's todos, newest first. */
export async function listTodos(
  ctx: AppContext, actor: Actor, q: { status: 'open' | 'done' | 'all'; cursor?: string | undefined; limit: number },
): Promise<Result<{ items: TodosTable[]; nextCursor: string | null }, AppError>> {
  const after = q.cursor ? decodeCursor(q.cursor, SORT) : null;
  if (q.cursor && (!after || typeof after.value !== 'string')) return err({ kind: 'validation', errors: [fieldIssue('cursor', '分页游标无效', 'invalid cursor')] });
  const rows = await listTodoRows(ctx.database.db, actor.id, { status: q.status, after: after as { value: string; id: string } | null, limit: q.limit + 1 });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return ok({ items, nextCursor: rows.length > q.limit && last ? encodeCursor(SORT, last.created_at, last.id) : null });
}
