import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import type { Locale } from '@gongdan/domain/shared/localized';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { SimilarResultDtoT } from '@gongdan/contracts/knowledge';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { findSimilar, type SimilarScope } from './find-similar.ts';

/**
 * Similar cases for a ticket the caller can see: its title and description as the query, its
 * device's model and product line for ranking or filtering. The results show resolutions, not
 * customers, so knowledge travels across teams without exposing whose ticket it was.
 */
export async function getTicketSimilar(
  ctx: AppContext, actor: Actor, ticketId: string, q: { scope: SimilarScope; limit: number }, locale: Locale,
): Promise<Result<SimilarResultDtoT, AppError>> {
  if (!can(actor, 'knowledge.read')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const loaded = await loadVisibleTicket(db, actor, ticketId);
  if (!loaded.ok) return loaded;
  const t = loaded.value.ticket;
  const device = t.deviceId ? await db.selectFrom('devices').select(['model', 'product_line']).where('id', '=', t.deviceId).executeTakeFirst() : undefined;
  return ok(await findSimilar(db, {
    text: `${t.title}\n${t.description}`, model: device?.model ?? null, productLine: device?.product_line ?? null, faultType: t.faultType,
    scope: q.scope, limit: q.limit, excludeTicketId: t.id,
  }, locale));
}
