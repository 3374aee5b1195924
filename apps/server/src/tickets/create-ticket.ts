import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import { formatTicketNumber, localDayKey } from '@gongdan/domain/ticket/ticket-number';
import { decideTransition } from '@gongdan/domain/ticket/workflow-engine';
import type { CreateTicketInput } from '@gongdan/contracts/tickets';
import type { AppContext, RequestMeta } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import { getFormDefinition, getWorkflow } from '../definitions/definitions.ts';
import { recordTicketChange, recordTicketCreation, ticketEventPayload } from './ticket-change.ts';
import { nextTicketSequence } from './ticket.repository.ts';
import { toTicket } from './ticket.mapper.ts';
import { checkTicketReferences } from './ticket-references.ts';
import { checkCustomFields, checkTicketFields } from './ticket-validation.ts';

/**
 * Opens a ticket: validates it against the contract, the ticket type's form and its references,
 * numbers it per local day, and writes the ticket, its first audit record and the
 * `ticket.created` event in one transaction. With an assignee it is dispatched in the same
 * transaction through the workflow's `assign` transition (a second audit record).
 */
export async function createTicket(
  ctx: AppContext, actor: Actor, input: CreateTicketInput, meta: RequestMeta,
): Promise<Result<Ticket, AppError>> {
  if (!can(actor, 'ticket.create')) return err({ kind: 'forbidden' });
  if (actor.role === 'customer' && input.customerId !== actor.customerId) {
    return err({ kind: 'forbidden', detail: 'customers open tickets for their own organisation only' });
  }
  const db = ctx.database.db;
  const [form, workflow] = await Promise.all([getFormDefinition(db, input.type), getWorkflow(db)]);
  const issues = [...checkTicketFields(input), ...checkCustomFields(form, input.customFields, { phase: 'create' })];
  if (issues.length > 0) return err({ kind: 'validation', errors: issues });

  return inTransaction(db, async (trx): Promise<Result<Ticket, AppError>> => {
    const refIssues = await checkTicketReferences(trx, input);
    if (refIssues.length > 0) return err({ kind: 'validation', errors: refIssues });
    const now = ctx.clock.now();
    const at = now.toISOString();
    const day = localDayKey(now, ctx.config.timeZone);
    const number = formatTicketNumber(day, await nextTicketSequence(trx, day));
    const ticket: Ticket = {
      id: newId(now.getTime()), number, type: input.type, title: input.title, description: input.description,
      customerId: input.customerId, contactId: input.contactId ?? null, contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null, deviceId: input.deviceId ?? null, faultType: input.faultType ?? null,
      impactScope: input.impactScope, priority: input.priority, status: workflow.initial, teamId: input.teamId ?? null,
      assigneeId: null, channel: input.channel, customFields: input.customFields,
      appointmentStart: normalise(input.appointmentStart), appointmentEnd: normalise(input.appointmentEnd),
      location: input.location ?? null, resolution: null, createdBy: actor.id, createdAt: at, updatedAt: at,
      firstResponseAt: null, resolvedAt: null, closedAt: null, version: 1,
    };
    const row = await recordTicketCreation(trx, ctx, ticket, {
      action: 'ticket.created', actor, meta, at: now, before: null, after: ticket,
      events: [{ topic: 'ticket.created', aggregateId: ticket.id, payload: ticketEventPayload(ticket, 'created') }],
    });
    if (!input.assigneeId) return ok(ticket);

    const decision = decideTransition(workflow, ticket, actor, { to: 'assigned', transition: 'assign', fields: { assigneeId: input.assigneeId } }, {}, at);
    if (!decision.ok) return decision;
    const next = { ...decision.value.next, version: ticket.version + 1 };
    const saved = await recordTicketChange(trx, ctx, row, decision.value.next, {
      action: 'ticket.transitioned', actor, meta, at: now,
      before: { status: ticket.status, assigneeId: null }, after: { status: next.status, assigneeId: next.assigneeId, transition: 'assign' },
      events: [{ topic: 'ticket.transitioned', aggregateId: ticket.id, payload: ticketEventPayload(next, 'assign') }],
    });
    return saved.ok ? ok(toTicket(saved.value)) : saved;
  });
}

/** Instants are stored in UTC whatever offset the client sent. */
export function normalise(instant: string | null | undefined): string | null {
  return instant ? new Date(instant).toISOString() : null;
}
