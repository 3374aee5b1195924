import type { Actor } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import { countUnread } from './notification.repository.ts';

export async function countUnreadNotifications(ctx: AppContext, actor: Actor): Promise<number> {
  return countUnread(ctx.database.db, actor.id);
}
