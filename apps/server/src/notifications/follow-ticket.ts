import { err, type Result } from '@gongdan/domain/shared/result';
import type { Actor } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { addFollower } from './follower.repository.ts';
import { listFollowers, type Followers } from './list-followers.ts';

/** The caller follows a ticket they may see. Following twice is fine. People only (not tokens). */
export async function followTicket(ctx: AppContext, actor: Actor, ticketId: string): Promise<Result<Followers, AppError>> {
  if (actor.kind !== 'user') return err({ kind: 'forbidden', detail: 'only signed-in people can follow tickets' });
  const loaded = await loadVisibleTicket(ctx.database.db, actor, ticketId);
  if (!loaded.ok) return loaded;
  await addFollower(ctx.database.db, ticketId, actor.id, ctx.clock.now().toISOString());
  return listFollowers(ctx, actor, ticketId);
}
