import type { Actor } from '@gongdan/domain/access/roles';
import { effectivePolicy } from '@gongdan/domain/confirmation/confirmation-policy';
import { ok, type Result } from '@gongdan/domain/shared/result';
import { decideTransition } from '@gongdan/domain/ticket/workflow-engine';
import { findState, type WorkflowDefinition } from '@gongdan/domain/ticket/workflow-definition';
import type { Kysely } from 'kysely';
import { systemMeta, type AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import type { DB, TicketRow } from '../storage/tables.ts';
import type { ConfirmationRequestsTable } from '../storage/tables-confirm.ts';
import { recordTicketChange, ticketEventPayload } from '../tickets/ticket-change.ts';
import { toTicket } from '../tickets/ticket.mapper.ts';
import { encryptToken, hashToken, newConfirmationToken } from './confirmation-secrets.ts';
import { loadPolicies, revokePendingRequests } from './confirmation.repository.ts';
import { queueLinkSend } from './link-channel.ts';

export const CONFIRMATION_ACTOR: Actor = { kind: 'system', id: 'confirmation', name: '客户确认', role: 'system', teamIds: [], customerId: null };

/** Revokes any pending link of the ticket and creates a new one; returns the row and the raw token. */
export async function insertConfirmationRequest(
  trx: Kysely<DB>, ctx: AppContext, ticket: Pick<TicketRow, 'id' | 'contact_phone'>, createdBy: string, now: Date,
): Promise<{ request: ConfirmationRequestsTable; token: string }> {
  const ticketId = ticket.id;
  const at = now.toISOString();
  await revokePendingRequests(trx, ticketId, at);
  const token = newConfirmationToken();
  const request: ConfirmationRequestsTable = {
    id: newId(now.getTime()), ticket_id: ticketId, token_hash: hashToken(token), token_enc: encryptToken(ctx.config.secret, token),
    status: 'pending', created_by: createdBy, created_at: at,
    expires_at: new Date(now.getTime() + ctx.config.confirmationTtlDays * 86_400_000).toISOString(), used_at: null, revoked_at: null,
  };
  await trx.insertInto('confirmation_requests').values(request).execute();
  await queueLinkSend(trx, request.id, ticket.contact_phone, now);
  return { request, token };
}

/**
 * Called in the transaction that resolved a ticket: unless the ticket's type or customer is set
 * to supervisor review, the workflow's system step into the confirming state (request_confirmation)
 * is taken at once and a confirmation link is created — so "resolved" never sits waiting for
 * someone to remember to ask the customer.
 */
export async function requestConfirmationAfterResolve(
  trx: Kysely<DB>, ctx: AppContext, workflow: WorkflowDefinition, row: TicketRow, now: Date,
): Promise<Result<TicketRow, AppError>> {
  if (findState(workflow, row.status)?.category !== 'done') return ok(row);
  const step = workflow.transitions.find((t) => t.from.includes(row.status) && t.roles.includes('system')
    && findState(workflow, t.to)?.category === 'confirming');
  if (!step) return ok(row);
  const ticket = toTicket(row);
  const policy = effectivePolicy(await loadPolicies(trx, ticket), ticket);
  if (policy.mode === 'supervisor_review') return ok(row);
  const decision = decideTransition(workflow, ticket, CONFIRMATION_ACTOR, { to: step.to, transition: step.id }, {}, now.toISOString());
  if (!decision.ok) return decision;
  const { request } = await insertConfirmationRequest(trx, ctx, row, CONFIRMATION_ACTOR.id, now);
  const next = decision.value.next;
  return recordTicketChange(trx, ctx, row, next, {
    action: 'ticket.transitioned', actor: CONFIRMATION_ACTOR, meta: systemMeta, at: now, reason: null,
    before: { status: ticket.status },
    after: { status: next.status, transition: step.id, confirmationRequestId: request.id, expiresAt: request.expires_at, policy: policy.source },
    events: [{ topic: 'ticket.transitioned', aggregateId: ticket.id, payload: { ...ticketEventPayload({ ...next, version: ticket.version + 1 }, step.id), from: ticket.status } }],
  });
}
