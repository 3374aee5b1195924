import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import { decideTransition, matchTransition, type TransitionFacts } from '@gongdan/domain/ticket/workflow-engine';
import type { TransitionField } from '@gongdan/domain/ticket/workflow-definition';
import type { TransitionInput } from '@gongdan/contracts/tickets';
import type { AppContext, RequestMeta } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { getFormDefinition, getWorkflow } from '../definitions/definitions.ts';
import { inTransaction } from '../storage/transaction.ts';
import { recordTicketChange, ticketEventPayload } from './ticket-change.ts';
import { loadVisibleTicket } from './load-visible-ticket.ts';
import { toTicket } from './ticket.mapper.ts';
import { checkTicketReferences } from './ticket-references.ts';
import { checkCustomFields } from './ticket-validation.ts';
import { auditRefusedClose } from '../confirmations/audit-refused-close.ts';
import { requestConfirmationAfterResolve } from '../confirmations/issue-confirmation-request.ts';
import { consumeTransitionParts, fieldTransitionFacts } from '../field/transition-hooks.ts';

/**
 * Moves a ticket along its workflow. The domain decides (roles, guards, required fields,
 * effects); this use case gathers the facts, then writes the change, its audit record (with the
 * device time and GPS when the field app sent them) and the outbox event in one transaction.
 */
export async function transitionTicket(
  ctx: AppContext, actor: Actor, ticketId: string, input: TransitionInput, meta: RequestMeta, extraFacts: TransitionFacts = {},
): Promise<Result<Ticket, AppError>> {
  if (!can(actor, 'ticket.transition')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const workflow = await getWorkflow(db);
  const result = await inTransaction(db, async (trx): Promise<Result<Ticket, AppError>> => {
    const loaded = await loadVisibleTicket(trx, actor, ticketId, ctx.database.dialect);
    if (!loaded.ok) return loaded;
    const { row, ticket } = loaded.value;
    if (input.version !== undefined && input.version !== ticket.version) {
      return err({ kind: 'version_conflict', currentVersion: ticket.version });
    }
    const form = await getFormDefinition(trx, ticket.type);
    const customFields = { ...ticket.customFields, ...(input.customFields ?? {}) };
    const candidate = matchTransition(workflow, ticket, actor, input);
    const formIssues = candidate ? checkCustomFields(form, customFields, { phase: 'transition', transition: candidate.id }) : [];
    // Missing required form fields fail the required_fields guard; malformed values are plain validation errors.
    const missing = formIssues.filter((i) => i.code === 'required').map((i) => i.field);
    const malformed = formIssues.filter((i) => !missing.includes(i.field));
    if (malformed.length > 0) return err({ kind: 'validation', errors: malformed });
    const fields: Partial<Record<TransitionField, string | null>> = input.fields ?? {};
    if (fields.assigneeId || fields.teamId) {
      const refIssues = await checkTicketReferences(trx, { customerId: ticket.customerId, assigneeId: fields.assigneeId, teamId: fields.teamId });
      if (refIssues.length > 0) return err({ kind: 'validation', errors: refIssues });
    }
    const now = ctx.clock.now();
    // Field app: stale expectedVersion → conflict check; start work → executability check.
    const field = await fieldTransitionFacts(trx, ctx, actor, row, ticket, workflow, input, candidate, extraFacts);
    if (!field.ok) return field;
    const facts: TransitionFacts = { missingFormFields: missing, ...field.value, ...extraFacts };
    const decision = decideTransition(workflow, { ...ticket, customFields }, actor, input, facts, now.toISOString());
    if (!decision.ok) return decision;
    const { transition, next } = decision.value;
    const parts = await consumeTransitionParts(trx, actor, ticket, input, now, workflow, next.status);
    if (!parts.ok) return parts;
    const saved = await recordTicketChange(trx, ctx, row, next, {
      action: 'ticket.transitioned', actor, meta, at: now, reason: input.reason ?? null,
      before: { status: ticket.status, ...pick(ticket, Object.keys(fields)) },
      after: { status: next.status, transition: transition.id, ...pick(next, Object.keys(fields)), ...(input.customFields ? { customFields: input.customFields } : {}), ...parts.value },
      events: [{ topic: 'ticket.transitioned', aggregateId: ticket.id, payload: { ...ticketEventPayload({ ...next, version: ticket.version + 1 }, transition.id), from: ticket.status } }],
    });
    if (!saved.ok) return saved;
    // Resolving asks the customer to confirm in the same transaction (issue 7).
    const confirming = await requestConfirmationAfterResolve(trx, ctx, workflow, saved.value, now);
    return confirming.ok ? ok(toTicket(confirming.value)) : confirming;
  });
  // Refused attempts to close (e.g. an engineer skipping confirmation) are audited too.
  if (!result.ok) await auditRefusedClose(ctx, workflow, actor, ticketId, input.to, result.error, meta);
  return result;
}

function pick(t: Ticket, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (t as unknown as Record<string, unknown>)[k] ?? null]));
}
