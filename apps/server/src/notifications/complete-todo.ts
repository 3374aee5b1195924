import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Actor } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import type { TodosTable } from '../storage/tables.ts';
import { findTodo, markTodoDone } from './todo.repository.ts';

/** Completes one of the caller's todos; completing it again changes nothing. */
export async function completeTodo(ctx: AppContext, actor: Actor, id: string): Promise<Result<TodosTable, AppError>> {
  const db = ctx.database.db;
  const row = await findTodo(db, id);
  if (!row || row.user_id !== actor.id) return err({ kind: 'not_found', entity: 'todo' });
  if (row.done_at) return ok(row);
  await markTodoDone(db, id, actor.id, ctx.clock.now().toISOString());
  const saved = await findTodo(db, id);
  return saved ? ok(saved) : err({ kind: 'not_found', entity: 'todo' });
}
