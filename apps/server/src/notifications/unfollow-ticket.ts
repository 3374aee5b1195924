import type { Result } from '@gongdan/domain/shared/result';
import type { Actor } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { removeFollower } from './follower.repository.ts';
import { listFollowers, type Followers } from './list-followers.ts';

/** The caller stops following; not following already is fine. */
export async function unfollowTicket(ctx: AppContext, actor: Actor, ticketId: string): Promise<Result<Followers, AppError>> {
  const loaded = await loadVisibleTicket(ctx.database.db, actor, ticketId);
  if (!loaded.ok) return loaded;
  await removeFollower(ctx.database.db, ticketId, actor.id);
  return listFollowers(ctx, actor, ticketId);
}
