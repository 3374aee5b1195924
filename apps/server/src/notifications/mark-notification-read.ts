import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Actor } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import type { NotificationsTable } from '../storage/tables.ts';
import { findNotification, markRead } from './notification.repository.ts';

/** Marks one of the caller's notifications read; someone else's answers not_found. Idempotent. */
export async function markNotificationRead(ctx: AppContext, actor: Actor, id: string): Promise<Result<NotificationsTable, AppError>> {
  const db = ctx.database.db;
  const row = await findNotification(db, id);
  if (!row || row.user_id !== actor.id) return err({ kind: 'not_found', entity: 'notification' });
  if (row.read_at) return ok(row);
  const at = ctx.clock.now().toISOString();
  await markRead(db, actor.id, id, at);
  return ok({ ...row, read_at: (await findNotification(db, id))?.read_at ?? at });
}
