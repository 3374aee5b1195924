import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { findState } from '@gongdan/domain/ticket/workflow-definition';
import type { AppContext, RequestMeta } from '../app-context.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import type { AppError } from '../shared/app-error.ts';
import type { ConfirmationRequestsTable } from '../storage/tables-confirm.ts';
import { inTransaction } from '../storage/transaction.ts';
import { recordTicketChange } from '../tickets/ticket-change.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { maySeeConfirmationLink } from './confirmation-access.ts';
import { insertConfirmationRequest } from './issue-confirmation-request.ts';

/**
 * A new link for a ticket awaiting confirmation (lost QR, expired link): the old one is revoked
 * in the same transaction, and the re-issue is audited on the ticket.
 */
export async function reissueConfirmationRequest(
  ctx: AppContext, actor: Actor, ticketId: string, meta: RequestMeta,
): Promise<Result<ConfirmationRequestsTable, AppError>> {
  const db = ctx.database.db;
  const workflow = await getWorkflow(db);
  return inTransaction(db, async (trx): Promise<Result<ConfirmationRequestsTable, AppError>> => {
    const loaded = await loadVisibleTicket(trx, actor, ticketId, ctx.database.dialect);
    if (!loaded.ok) return loaded;
    const { row } = loaded.value;
    if (!maySeeConfirmationLink(actor, row)) return err({ kind: 'forbidden', detail: 'only staff and the assigned engineer issue confirmation links' });
    if (findState(workflow, row.status)?.category !== 'confirming') {
      return err({ kind: 'conflict', detail: `the ticket is ${row.status}; links are issued only while it awaits the customer's confirmation` });
    }
    const now = ctx.clock.now();
    const { request } = await insertConfirmationRequest(trx, ctx, row, actor.id, now);
    const saved = await recordTicketChange(trx, ctx, row, null, {
      action: 'confirmation.reissued', actor, meta, at: now, before: null,
      after: { confirmationRequestId: request.id, expiresAt: request.expires_at },
    });
    return saved.ok ? ok(request) : saved;
  });
}
