import type { Actor } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import { markAllRead } from './notification.repository.ts';

export async function markAllNotificationsRead(ctx: AppContext, actor: Actor): Promise<{ updated: number }> {
  return { updated: await markAllRead(ctx.database.db, actor.id, ctx.clock.now().toISOString()) };
}
