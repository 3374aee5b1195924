import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import type { WorkflowDefinition, WorkflowTransition } from '@gongdan/domain/ticket/workflow-definition';
import { availableTransitions, type TransitionFacts } from '@gongdan/domain/ticket/workflow-engine';
import type { TransitionInput } from '@gongdan/contracts/tickets';
import type { Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import type { DB, TicketRow } from '../storage/tables.ts';
import { consumeParts, type ConsumedPart } from './consume-parts.ts';
import { evaluateExecutability } from './evaluate-executability.ts';
import { getExecutabilityConfig } from './executability-config.ts';
import { checkStaleChange } from './sync-guard.ts';
import { releaseReservations } from './release-reservations.ts';

/**
 * What the field app adds to a transition, before the workflow decides: a stale
 * `expectedVersion` is checked for conflicting changes, and a transition guarded by
 * `executability_check` (start work) gets the check's result as a fact.
 */
export async function fieldTransitionFacts(
  trx: Kysely<DB>, ctx: AppContext, actor: Actor, row: TicketRow, ticket: Ticket, workflow: WorkflowDefinition,
  input: TransitionInput, candidate: WorkflowTransition | undefined, given: TransitionFacts,
): Promise<Result<TransitionFacts, AppError>> {
  const stillAllowed = !!candidate && availableTransitions(workflow, ticket, actor).some((t) => t.id === candidate.id);
  // What the engineer meant, named as they saw it, even when the ticket has since left the state it starts from.
  const meant = candidate ?? workflow.transitions.find((t) => t.to === input.to && (!input.transition || t.id === input.transition) && t.roles.includes(actor.role));
  const fields = [...Object.keys(input.fields ?? {}), ...(input.customFields ? ['customFields'] : [])];
  const stale = await checkStaleChange(trx, actor, row, ticket, workflow, input.expectedVersion, {
    kind: 'transition', label: meant?.label.zh ?? input.to, fields, stillAllowed,
  });
  if (!stale.ok) return stale;
  if (!candidate?.guards.includes('executability_check') || given.executability) return ok({});
  const assigneeId = (input.fields?.assigneeId ?? ticket.assigneeId) || null;
  const evaluated = await evaluateExecutability(trx, [{ ...ticket, assigneeId }], {
    workflow, config: await getExecutabilityConfig(trx), now: ctx.clock.now(), confirmAppointmentChange: input.confirmAppointmentChange ?? false,
  });
  const outcome = evaluated.get(ticket.id);
  if (!outcome) return ok({});
  const failed = outcome.outcome.checks.filter((c) => !c.ok);
  return ok({ executability: { ok: outcome.outcome.ok, failures: failed.map((c) => `${c.id}: ${c.message}`) } });
}

/**
 * Stock effects of a transition, in its transaction; what moved goes into the audit record.
 * Parts used at resolve are deducted (reservation first, then the van); a ticket that ends
 * cancelled gives back what it still holds.
 */
export async function consumeTransitionParts(
  trx: Kysely<DB>, actor: Actor, ticket: Ticket, input: TransitionInput, at: Date, workflow?: WorkflowDefinition, nextStatus?: string,
): Promise<Result<{ partsUsed?: ConsumedPart[]; reservationsReleased?: { reservationId: string; qty: number }[] }, AppError>> {
  const out: { partsUsed?: ConsumedPart[]; reservationsReleased?: { reservationId: string; qty: number }[] } = {};
  if (input.partsUsed && input.partsUsed.length > 0) {
    const consumed = await consumeParts(trx, actor, ticket, input.partsUsed, at);
    if (!consumed.ok) return err(consumed.error);
    out.partsUsed = consumed.value;
  }
  const category = workflow && nextStatus ? workflow.states.find((s) => s.id === nextStatus)?.category : undefined;
  if (category === 'cancelled') {
    const released = await releaseReservations(trx, actor, ticket.id, ticket.number, at, '取消，释放预留');
    if (released.length > 0) out.reservationsReleased = released.map((r) => ({ reservationId: r.reservationId, qty: r.qty }));
  }
  return ok(out);
}
