import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext, RequestMeta } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { recordTicketChange, ticketEventPayload } from './ticket-change.ts';
import { deleteLink, findLink } from './ticket-link.repository.ts';
import { canManageLinks, loadTicketPair } from './load-ticket-pair.ts';

/**
 * Removes a link, from either of its tickets, auditing both ends. The link that records a merge
 * stays: the duplicate's pointer to its original is part of the record.
 */
export async function removeTicketLink(
  ctx: AppContext, actor: Actor, ticketId: string, linkId: string, meta: RequestMeta,
): Promise<Result<null, AppError>> {
  if (!canManageLinks(actor)) return err({ kind: 'forbidden', detail: 'links are kept by dispatchers, supervisors and admins' });
  return inTransaction(ctx.database.db, async (trx): Promise<Result<null, AppError>> => {
    const link = await findLink(trx, linkId);
    if (!link || (link.ticket_id !== ticketId && link.other_ticket_id !== ticketId)) return err({ kind: 'not_found', entity: 'link' });
    if (link.merged_at) return err({ kind: 'conflict', detail: 'the link records a merge and cannot be removed' });
    const otherId = link.ticket_id === ticketId ? link.other_ticket_id : link.ticket_id;
    const pair = await loadTicketPair(trx, actor, ticketId, otherId, 'linkId', ctx.database.dialect);
    if (!pair.ok) return pair.error.kind === 'validation' ? err({ kind: 'not_found', entity: 'link' }) : pair;
    if (!(await deleteLink(trx, link.id))) return err({ kind: 'not_found', entity: 'link' });
    const now = ctx.clock.now();
    for (const [end, far] of [[pair.value.ticket, pair.value.other], [pair.value.other, pair.value.ticket]] as const) {
      const saved = await recordTicketChange(trx, ctx, end.row, null, {
        action: 'link.removed', actor, meta, at: now,
        before: { linkId: link.id, kind: link.kind, ticketId: far.ticket.id, number: far.ticket.number }, after: null,
        events: [{ topic: 'ticket.unlinked', aggregateId: end.ticket.id, payload: { ...ticketEventPayload(end.ticket, 'unlinked'), linkId: link.id } }],
      });
      if (!saved.ok) return saved;
    }
    return ok(null);
  });
}
