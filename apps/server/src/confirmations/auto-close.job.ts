import { effectivePolicy } from '@gongdan/domain/confirmation/confirmation-policy';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { decideTransition } from '@gongdan/domain/ticket/workflow-engine';
import { findState } from '@gongdan/domain/ticket/workflow-definition';
import { systemMeta, type AppContext } from '../app-context.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { recordTicketChange, ticketEventPayload } from '../tickets/ticket-change.ts';
import { findTicketRow } from '../tickets/ticket.repository.ts';
import { toTicket } from '../tickets/ticket.mapper.ts';
import { loadPolicies } from './confirmation.repository.ts';
import { CONFIRMATION_ACTOR } from './issue-confirmation-request.ts';

/**
 * Scheduler task: closes tickets whose confirmation link has waited longer than their type's or
 * customer's auto-close period (default: never). Each close is a system transition with a reason
 * naming the policy, on the audit chain like any other. Safe on several nodes: the row lock and
 * the chain position make a second closer fail harmlessly.
 */
export async function autoCloseUnanswered(ctx: AppContext): Promise<number> {
  const db = ctx.database.db;
  // Nothing is configured on most installs: one cheap probe, then nothing to do.
  const any = await db.selectFrom('confirmation_policies').select('scope_id').where('auto_close_days', 'is not', null).limit(1).executeTakeFirst();
  if (!any) return 0;
  const workflow = await getWorkflow(db);
  const step = workflow.transitions.find((t) => t.roles.includes('system') && t.requireReason && findState(workflow, t.to)?.category === 'closed');
  if (!step) return 0;
  const now = ctx.clock.now();
  const pending = await db.selectFrom('confirmation_requests').innerJoin('tickets', 'tickets.id', 'confirmation_requests.ticket_id')
    .select(['confirmation_requests.id as request_id', 'confirmation_requests.created_at as asked_at', 'tickets.id as ticket_id', 'tickets.type', 'tickets.customer_id'])
    .where('confirmation_requests.status', '=', 'pending').where('tickets.status', 'in', step.from).limit(500).execute();
  let closed = 0;
  for (const p of pending) {
    const policy = effectivePolicy(await loadPolicies(db, { type: p.type, customerId: p.customer_id }), { type: p.type, customerId: p.customer_id });
    if (policy.mode !== 'customer' || !policy.autoCloseDays) continue;
    if (Date.parse(p.asked_at) + policy.autoCloseDays * 86_400_000 > now.getTime()) continue;
    const reason = `客户 ${policy.autoCloseDays} 天未确认，按${policy.source === 'customer' ? '客户' : '工单类型'}配置自动关闭`;
    const r = await inTransaction(db, async (trx): Promise<Result<boolean, AppError>> => {
      const row = await findTicketRow(trx, p.ticket_id, { forUpdate: ctx.database.dialect });
      if (!row || !step.from.includes(row.status)) return ok(false);
      const ticket = toTicket(row);
      const decision = decideTransition(workflow, ticket, CONFIRMATION_ACTOR, { to: step.to, transition: step.id, reason }, {}, now.toISOString());
      if (!decision.ok) return err(decision.error);
      await trx.updateTable('confirmation_requests').set({ status: 'revoked', revoked_at: now.toISOString() }).where('id', '=', p.request_id).where('status', '=', 'pending').execute();
      const next = decision.value.next;
      const saved = await recordTicketChange(trx, ctx, row, next, {
        action: 'ticket.transitioned', actor: CONFIRMATION_ACTOR, meta: systemMeta, at: now, reason,
        before: { status: ticket.status }, after: { status: next.status, transition: step.id, autoCloseDays: policy.autoCloseDays, policy: policy.source },
        events: [{ topic: 'ticket.transitioned', aggregateId: ticket.id, payload: { ...ticketEventPayload({ ...next, version: ticket.version + 1 }, step.id), from: ticket.status } }],
      });
      return saved.ok ? ok(true) : saved;
    });
    if (r.ok && r.value) closed += 1;
  }
  if (closed > 0) ctx.nudgeOutbox();
  return closed;
}
