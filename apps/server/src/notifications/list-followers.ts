import { ok, type Result } from '@gongdan/domain/shared/result';
import type { Actor } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { listFollowerRows } from './follower.repository.ts';

export interface Followers {
  items: { userId: string; name: string; since: string }[];
  following: boolean;
}

/** Followers of a ticket the caller may see (others' tickets answer not_found). */
export async function listFollowers(ctx: AppContext, actor: Actor, ticketId: string): Promise<Result<Followers, AppError>> {
  const loaded = await loadVisibleTicket(ctx.database.db, actor, ticketId);
  if (!loaded.ok) return loaded;
  const items = await listFollowerRows(ctx.database.db, ticketId);
  return ok({ items, following: items.some((f) => f.userId === actor.id) });
}
