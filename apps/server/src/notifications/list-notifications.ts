import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Actor } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import type { NotificationsTable } from '../storage/tables.ts';
import { countUnread, listNotificationRows } from './notification.repository.ts';

const SORT = 'notifications_created_desc';

/** The caller's own notifications, newest first, with the unread count for the bell. */
export async function listNotifications(
  ctx: AppContext, actor: Actor, q: { cursor?: string | undefined; limit: number; unread: boolean },
): Promise<Result<{ items: NotificationsTable[]; nextCursor: string | null; unreadCount: number }, AppError>> {
  const after = q.cursor ? decodeCursor(q.cursor, SORT) : null;
  if (q.cursor && (!after || typeof after.value !== 'string')) return err({ kind: 'validation', errors: [fieldIssue('cursor', '分页游标无效', 'invalid cursor')] });
  const db = ctx.database.db;
  const rows = await listNotificationRows(db, actor.id, { after: after as { value: string; id: string } | null, limit: q.limit + 1, unreadOnly: q.unread });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > q.limit && last ? encodeCursor(SORT, last.created_at, last.id) : null;
  return ok({ items, nextCursor, unreadCount: await countUnread(db, actor.id) });
}
