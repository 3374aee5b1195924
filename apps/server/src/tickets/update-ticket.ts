import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { diffFields, type Ticket } from '@gongdan/domain/ticket/ticket';
import type { UpdateTicketInput } from '@gongdan/contracts/tickets';
import type { AppContext, RequestMeta } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { getFormDefinition } from '../definitions/definitions.ts';
import { inTransaction } from '../storage/transaction.ts';
import { normalise } from './create-ticket.ts';
import { recordTicketChange, ticketEventPayload } from './ticket-change.ts';
import { loadVisibleTicket } from './load-visible-ticket.ts';
import { AUDITED_FIELDS, toTicket } from './ticket.mapper.ts';
import { checkTicketReferences } from './ticket-references.ts';
import { checkCustomFields, checkTicketFields } from './ticket-validation.ts';

/** Edits ticket fields (manual edits are audited with before → after like every other change). */
export async function updateTicket(
  ctx: AppContext, actor: Actor, ticketId: string, input: UpdateTicketInput, meta: RequestMeta,
): Promise<Result<Ticket, AppError>> {
  if (!can(actor, 'ticket.update')) return err({ kind: 'forbidden' });
  const issues = checkTicketFields(input);
  if (issues.length > 0) return err({ kind: 'validation', errors: issues });
  const db = ctx.database.db;
  return inTransaction(db, async (trx): Promise<Result<Ticket, AppError>> => {
    const loaded = await loadVisibleTicket(trx, actor, ticketId, ctx.database.dialect);
    if (!loaded.ok) return loaded;
    const { row, ticket } = loaded.value;
    if (actor.role === 'engineer' && ticket.assigneeId !== actor.id) {
      return err({ kind: 'forbidden', detail: 'engineers edit only the orders assigned to them' });
    }
    if (input.version !== ticket.version) return err({ kind: 'version_conflict', currentVersion: ticket.version });
    const { version: _v, ...changes } = input;
    const next: Ticket = { ...ticket };
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
    }
    next.appointmentStart = input.appointmentStart !== undefined ? normalise(input.appointmentStart) : ticket.appointmentStart;
    next.appointmentEnd = input.appointmentEnd !== undefined ? normalise(input.appointmentEnd) : ticket.appointmentEnd;
    if (input.customFields) {
      next.customFields = { ...ticket.customFields, ...input.customFields };
      const formIssues = checkCustomFields(await getFormDefinition(trx, next.type), next.customFields, { phase: 'create' });
      if (formIssues.length > 0) return err({ kind: 'validation', errors: formIssues });
    }
    const refIssues = await checkTicketReferences(trx, {
      customerId: next.customerId,
      contactId: next.contactId !== ticket.contactId ? next.contactId : null,
      deviceId: next.deviceId !== ticket.deviceId ? next.deviceId : null,
      teamId: next.teamId !== ticket.teamId ? next.teamId : null,
    });
    if (refIssues.length > 0) return err({ kind: 'validation', errors: refIssues });
    const diff = diffFields(ticket, next, AUDITED_FIELDS);
    if (Object.keys(diff.after).length === 0) return ok(ticket);
    const now = ctx.clock.now();
    next.updatedAt = now.toISOString();
    const saved = await recordTicketChange(trx, ctx, row, next, {
      action: 'ticket.updated', actor, meta, at: now, before: diff.before, after: diff.after,
      events: [{ topic: 'ticket.updated', aggregateId: ticket.id, payload: { ...ticketEventPayload({ ...next, version: ticket.version + 1 }, 'updated'), fields: Object.keys(diff.after) } }],
    });
    return saved.ok ? ok(toTicket(saved.value)) : saved;
  });
}
