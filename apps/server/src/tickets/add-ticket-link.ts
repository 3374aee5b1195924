import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext, RequestMeta } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { TicketLinksTable } from '../storage/tables.ts';
import { isUniqueViolation } from '../storage/unique-violation.ts';
import { recordTicketChange, ticketEventPayload } from './ticket-change.ts';
import { findLinkBetween, insertLink } from './ticket-link.repository.ts';
import { canManageLinks, loadTicketPair } from './load-ticket-pair.ts';

export interface LinkInput {
  otherTicketId: string;
  kind: 'related' | 'duplicate_of' | 'caused_by';
}

/**
 * Links two tickets. Both ends get an audit record (and an event) in the same transaction, so
 * each ticket's timeline shows the link whichever side it was made from.
 */
export async function addTicketLink(
  ctx: AppContext, actor: Actor, ticketId: string, input: LinkInput, meta: RequestMeta,
): Promise<Result<TicketLinksTable, AppError>> {
  if (!canManageLinks(actor)) return err({ kind: 'forbidden', detail: 'links are kept by dispatchers, supervisors and admins' });
  const taken = () => err<AppError>({ kind: 'validation', errors: [fieldIssue('otherTicketId', '两张工单已有这种关联', 'These tickets are already linked this way')] });
  try {
    return await inTransaction(ctx.database.db, async (trx): Promise<Result<TicketLinksTable, AppError>> => {
      const pair = await loadTicketPair(trx, actor, ticketId, input.otherTicketId, 'otherTicketId', ctx.database.dialect);
      if (!pair.ok) return pair;
      const { ticket, other } = pair.value;
      if (await findLinkBetween(trx, ticket.ticket.id, other.ticket.id, input.kind)) return taken();
      const now = ctx.clock.now();
      const link: TicketLinksTable = {
        id: newId(now.getTime()), ticket_id: ticket.ticket.id, other_ticket_id: other.ticket.id, kind: input.kind,
        created_by: actor.id, created_at: now.toISOString(), merged_at: null,
      };
      await insertLink(trx, link);
      for (const [end, far, direction] of [[ticket, other, 'outgoing'], [other, ticket, 'incoming']] as const) {
        const saved = await recordTicketChange(trx, ctx, end.row, null, {
          action: 'link.added', actor, meta, at: now, before: null,
          after: { linkId: link.id, kind: link.kind, direction, ticketId: far.ticket.id, number: far.ticket.number },
          events: [{ topic: 'ticket.linked', aggregateId: end.ticket.id, payload: { ...ticketEventPayload(end.ticket, 'linked'), linkId: link.id } }],
        });
        if (!saved.ok) return saved;
      }
      return ok(link);
    });
  } catch (e) {
    if (isUniqueViolation(e)) return taken(); // the same link made concurrently
    throw e;
  }
}
