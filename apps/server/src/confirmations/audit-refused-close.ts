import type { Actor } from '@gongdan/domain/access/roles';
import { ok, type Result } from '@gongdan/domain/shared/result';
import { findState, type WorkflowDefinition } from '@gongdan/domain/ticket/workflow-definition';
import type { AppContext, RequestMeta } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { recordTicketChange } from '../tickets/ticket-change.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';

const REFUSALS = new Set(['role_not_permitted', 'transition_not_allowed', 'guard_failed', 'reason_required']);

/**
 * A refused attempt to close a ticket (an engineer trying to skip the customer's confirmation,
 * a close without the confirmation or reason) is itself evidence: it is appended to the ticket's
 * audit chain in a transaction of its own, after the refused one rolled back.
 */
export async function auditRefusedClose(
  ctx: AppContext, workflow: WorkflowDefinition, actor: Actor, ticketId: string, to: string, error: AppError, meta: RequestMeta,
): Promise<void> {
  if (!REFUSALS.has(error.kind) || findState(workflow, to)?.category !== 'closed') return;
  await inTransaction(ctx.database.db, async (trx): Promise<Result<null, AppError>> => {
    const loaded = await loadVisibleTicket(trx, actor, ticketId, ctx.database.dialect);
    if (!loaded.ok) return ok(null);
    const saved = await recordTicketChange(trx, ctx, loaded.value.row, null, {
      action: 'ticket.close_refused', actor, meta, at: ctx.clock.now(), before: { status: loaded.value.ticket.status },
      after: { to, refused: error.kind, ...('transition' in error ? { transition: error.transition } : {}) },
    });
    return saved.ok ? ok(null) : saved;
  }).catch((e: unknown) => ctx.log.warn({ err: e, ticketId }, 'could not audit a refused close'));
}
