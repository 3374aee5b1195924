import type { Role } from '../access/roles.ts';
import type { LocalizedText } from '../shared/localized.ts';
import { err, ok, type Result } from '../shared/result.ts';

/** What a state means to the rest of the product (SLA pauses, boards, closing rules). */
export const STATE_CATEGORIES = ['open', 'active', 'paused', 'done', 'confirming', 'closed', 'cancelled'] as const;
export type StateCategory = (typeof STATE_CATEGORIES)[number];

export interface WorkflowState {
  id: string;
  category: StateCategory;
  label: LocalizedText;
}

/**
 * Named predicates a transition may require. They are evaluated by the engine over the ticket,
 * the actor, the submitted fields and facts the use case gathered (e.g. the executability check).
 */
export const GUARDS = ['is_assignee', 'has_assignee', 'required_fields', 'customer_confirmed', 'executability_check'] as const;
export type GuardName = (typeof GUARDS)[number];

/** Named effects a transition applies to the ticket, in order. */
export const EFFECTS = [
  'set_first_response', 'set_resolved_at', 'clear_resolved_at', 'set_closed_at', 'clear_closed_at', 'unassign',
] as const;
export type EffectName = (typeof EFFECTS)[number];

/** Fields a transition may carry (besides custom fields, validated by the form definition). */
export const TRANSITION_FIELDS = ['assigneeId', 'teamId', 'resolution', 'appointmentStart', 'appointmentEnd'] as const;
export type TransitionField = (typeof TRANSITION_FIELDS)[number];

export interface WorkflowTransition {
  id: string;
  label: LocalizedText;
  from: string[];
  to: string;
  roles: Role[];
  guards: GuardName[];
  /** Built-in fields that must be non-empty after the transition (e.g. assigneeId, resolution). */
  requiredFields: TransitionField[];
  requireReason: boolean;
  effects: EffectName[];
}

export interface WorkflowDefinition {
  id: string;
  version: number;
  initial: string;
  states: WorkflowState[];
  transitions: WorkflowTransition[];
}

export interface DefinitionIssue {
  path: string;
  message: string;
}

/**
 * Checks a definition before it is saved or used, including the rule the product is built on:
 * nobody in the engineer role may move a ticket into a closed state, and every way into a closed
 * state needs either the customer's confirmation or a reason (a supervisor's review).
 */
export function validateWorkflowDefinition(
  def: WorkflowDefinition,
): Result<WorkflowDefinition, { kind: 'invalid_workflow'; issues: DefinitionIssue[] }> {
  const issues: DefinitionIssue[] = [];
  const states = new Map(def.states.map((s) => [s.id, s]));
  if (states.size !== def.states.length) issues.push({ path: 'states', message: 'duplicate state id' });
  if (!states.has(def.initial)) issues.push({ path: 'initial', message: `unknown state ${def.initial}` });
  const ids = new Set<string>();
  def.transitions.forEach((t, i) => {
    const path = `transitions[${i}]`;
    if (ids.has(t.id)) issues.push({ path: `${path}.id`, message: `duplicate transition id ${t.id}` });
    ids.add(t.id);
    if (!/^[a-z][a-z0-9_]*$/.test(t.id)) issues.push({ path: `${path}.id`, message: 'id must be snake_case' });
    const target = states.get(t.to);
    if (!target) issues.push({ path: `${path}.to`, message: `unknown state ${t.to}` });
    for (const f of t.from) if (!states.has(f)) issues.push({ path: `${path}.from`, message: `unknown state ${f}` });
    if (t.from.length === 0) issues.push({ path: `${path}.from`, message: 'needs at least one source state' });
    if (t.roles.length === 0) issues.push({ path: `${path}.roles`, message: 'needs at least one role' });
    for (const g of t.guards) if (!(GUARDS as readonly string[]).includes(g)) issues.push({ path: `${path}.guards`, message: `unknown guard ${g}` });
    for (const e of t.effects) if (!(EFFECTS as readonly string[]).includes(e)) issues.push({ path: `${path}.effects`, message: `unknown effect ${e}` });
    if (target?.category === 'closed') {
      if (t.roles.includes('engineer')) issues.push({ path: `${path}.roles`, message: 'engineers may never close a ticket' });
      const confirmed = t.guards.includes('customer_confirmed');
      const reviewed = t.requireReason && t.roles.every((r) => r === 'supervisor' || r === 'admin' || r === 'system');
      if (!confirmed && !reviewed) {
        issues.push({ path: path, message: 'closing needs the customer_confirmed guard, or a reason and only supervisor/admin roles' });
      }
    }
  });
  return issues.length === 0 ? ok(def) : err({ kind: 'invalid_workflow', issues });
}

export function findState(def: WorkflowDefinition, id: string): WorkflowState | undefined {
  return def.states.find((s) => s.id === id);
}
