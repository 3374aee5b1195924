import type { Actor } from '../access/roles.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { Ticket } from './ticket.ts';
import type { GuardName, TransitionField, WorkflowDefinition, WorkflowTransition } from './workflow-definition.ts';
import { findState } from './workflow-definition.ts';

export interface TransitionRequest {
  to: string;
  /** Pick one transition when several lead to the same state (e.g. confirm vs review_close). */
  transition?: string;
  reason?: string | null;
  fields?: Partial<Record<TransitionField, string | null>>;
}

/** Facts the use case gathered before asking; a guard that needs a missing fact fails closed. */
export interface TransitionFacts {
  customerConfirmed?: boolean;
  executability?: { ok: boolean; failures: string[] };
  /** Names of form fields still missing for this transition (from the ticket type's form). */
  missingFormFields?: string[];
}

export type TransitionError =
  | { kind: 'unknown_state'; to: string }
  | { kind: 'transition_not_allowed'; from: string; to: string; allowed: string[] }
  | { kind: 'role_not_permitted'; transition: string; role: string; allowed: string[] }
  | { kind: 'guard_failed'; transition: string; guard: GuardName; failures: string[] }
  | { kind: 'reason_required'; transition: string }
  | { kind: 'fields_required'; transition: string; fields: string[] };

export interface TransitionDecision {
  transition: WorkflowTransition;
  /** The ticket after the transition (status, fields and effects applied), version unchanged. */
  next: Ticket;
}

/** The transitions this actor may attempt from the ticket's current state (role and assignee rules). */
export function availableTransitions(def: WorkflowDefinition, ticket: Ticket, actor: Actor): WorkflowTransition[] {
  return def.transitions.filter(
    (t) => t.from.includes(ticket.status) && t.roles.includes(actor.role) && passesAssignee(t, ticket, actor),
  );
}

function passesAssignee(t: WorkflowTransition, ticket: Ticket, actor: Actor): boolean {
  // Only engineers are bound to their own orders; staff act on anyone's.
  return !t.guards.includes('is_assignee') || actor.role !== 'engineer' || ticket.assigneeId === actor.id;
}

const empty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function transitionCandidates(def: WorkflowDefinition, ticket: Ticket, req: Pick<TransitionRequest, 'to' | 'transition'>): WorkflowTransition[] {
  return def.transitions.filter((t) => t.from.includes(ticket.status) && t.to === req.to && (!req.transition || t.id === req.transition));
}

/**
 * The transition `decideTransition` will take for this request and actor (several may lead to
 * the same state, e.g. confirm for customers and review_close for supervisors), or undefined.
 * Use cases ask it which transition's form fields to check, so they never pick a different one.
 */
export function matchTransition(
  def: WorkflowDefinition, ticket: Ticket, actor: Actor, req: Pick<TransitionRequest, 'to' | 'transition'>,
): WorkflowTransition | undefined {
  return transitionCandidates(def, ticket, req).find((c) => c.roles.includes(actor.role));
}

/**
 * Decides a status change. Pure: time comes in as `now`. Returns why not, and which
 * transitions would have been allowed, when the request cannot be honoured.
 */
export function decideTransition(
  def: WorkflowDefinition,
  ticket: Ticket,
  actor: Actor,
  req: TransitionRequest,
  facts: TransitionFacts,
  now: string,
): Result<TransitionDecision, TransitionError> {
  if (!findState(def, req.to)) return err({ kind: 'unknown_state', to: req.to });
  const candidates = transitionCandidates(def, ticket, req);
  const allowedIds = availableTransitions(def, ticket, actor).map((t) => t.to);
  if (candidates.length === 0) {
    return err({ kind: 'transition_not_allowed', from: ticket.status, to: req.to, allowed: [...new Set(allowedIds)] });
  }
  const t = matchTransition(def, ticket, actor, req);
  if (!t) {
    const first = candidates[0] as WorkflowTransition;
    return err({ kind: 'role_not_permitted', transition: first.id, role: actor.role, allowed: [...new Set(allowedIds)] });
  }
  if (t.requireReason && empty(req.reason)) return err({ kind: 'reason_required', transition: t.id });

  const next: Ticket = { ...ticket, status: t.to, updatedAt: now };
  for (const [key, value] of Object.entries(req.fields ?? {})) {
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  for (const guard of t.guards) {
    const failures = checkGuard(guard, t, next, actor, facts);
    if (failures.length > 0) return err({ kind: 'guard_failed', transition: t.id, guard, failures });
  }
  const missing = t.requiredFields.filter((f) => empty(next[f]));
  if (missing.length > 0) return err({ kind: 'fields_required', transition: t.id, fields: missing });
  applyEffects(t, next, ticket, now);
  return ok({ transition: t, next });
}

function checkGuard(guard: GuardName, t: WorkflowTransition, next: Ticket, actor: Actor, facts: TransitionFacts): string[] {
  switch (guard) {
    case 'is_assignee':
      return passesAssignee(t, next, actor) ? [] : ['not_assignee'];
    case 'has_assignee':
      return next.assigneeId ? [] : ['no_assignee'];
    case 'required_fields':
      return facts.missingFormFields ?? [];
    case 'customer_confirmed':
      return facts.customerConfirmed === true ? [] : ['customer_confirmation_missing'];
    case 'executability_check':
      if (!facts.executability) return ['executability_not_checked'];
      return facts.executability.ok ? [] : facts.executability.failures;
  }
}

function applyEffects(t: WorkflowTransition, next: Ticket, before: Ticket, now: string): void {
  for (const effect of t.effects) {
    switch (effect) {
      case 'set_first_response':
        next.firstResponseAt = before.firstResponseAt ?? now;
        break;
      case 'set_resolved_at':
        next.resolvedAt = now;
        break;
      case 'clear_resolved_at':
        next.resolvedAt = null;
        break;
      case 'set_closed_at':
        next.closedAt = now;
        break;
      case 'clear_closed_at':
        next.closedAt = null;
        break;
      case 'unassign':
        next.assigneeId = null;
        break;
    }
  }
}
