/**
 * Escalation levels: what happens, and when, as a target's clock runs. A level fires once per
 * (ticket, target, cycle, level) at a point expressed in the target's own business time, so a
 * ticket opened Friday 17:50 is not escalated over the weekend (Zammad #4432 reminds at night).
 */
import { err, ok, type Result } from '../shared/result.ts';

/** The clocks a policy can run. */
export const SLA_TARGETS = ['first_response', 'resolution', 'update'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/**
 * When a level fires, measured in business minutes of the target's clock:
 * - warning: at the target's own warning threshold (default 75 %);
 * - percent: at `percent` % of the target (100 = the breach, 150, 200 …);
 * - breach: at 100 %;
 * - after_breach: `minutes` business minutes after the breach.
 */
export type EscalationTrigger =
  | { readonly at: 'warning' }
  | { readonly at: 'percent'; readonly percent: number }
  | { readonly at: 'breach' }
  | { readonly at: 'after_breach'; readonly minutes: number };

/**
 * What a level does. The first six are announcements the notification consumer delivers (the
 * follower and to-do rows are written when the level fires); the last three change the ticket
 * itself, audited, in the firing transaction.
 */
export const ESCALATION_ACTIONS = [
  'notify_assignee', 'chat_mention_assignee', 'notify_supervisor', 'add_follower_supervisor', 'todo_supervisor',
  'notify_manager', 'red_flag', 'raise_priority', 'reassign_supervisor',
] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

export const NOTIFY_ACTIONS: readonly EscalationAction[] = ESCALATION_ACTIONS.slice(0, 6);

export interface EscalationLevel {
  /** 'warning', 'L1', 'L2', 'L3' in the shipped chain; unique within a policy; 'breach' is reserved. */
  readonly id: string;
  readonly trigger: EscalationTrigger;
  readonly actions: readonly EscalationAction[];
  /** Urgent levels ignore the recipients' quiet hours. */
  readonly urgent: boolean;
  /** Which targets the level applies to; absent = all. */
  readonly targets?: readonly SlaTarget[];
}

/**
 * The shipped chain: warning at 75 %; L1 at the breach (in-app + chat @assignee); L2 at 150 %
 * (supervisor notified, follower, to-do); L3 at 200 % (red flag, supervisor's manager).
 */
export function defaultEscalationChain(): EscalationLevel[] {
  return [
    { id: 'warning', trigger: { at: 'warning' }, actions: ['notify_assignee'], urgent: false },
    { id: 'L1', trigger: { at: 'breach' }, actions: ['notify_assignee', 'chat_mention_assignee'], urgent: true },
    { id: 'L2', trigger: { at: 'percent', percent: 150 }, actions: ['notify_supervisor', 'add_follower_supervisor', 'todo_supervisor'], urgent: true },
    { id: 'L3', trigger: { at: 'percent', percent: 200 }, actions: ['red_flag', 'notify_manager'], urgent: true },
  ];
}

/** The reserved milestone that marks a target breached (recorded, never announced). */
export const BREACH_MILESTONE = 'breach';

/** Business minutes after the clock start at which a level falls due, for a target of `minutes`. */
export function levelOffsetMinutes(trigger: EscalationTrigger, minutes: number, warnAtPercent: number): number {
  switch (trigger.at) {
    case 'warning': return (minutes * warnAtPercent) / 100;
    case 'percent': return (minutes * trigger.percent) / 100;
    case 'breach': return minutes;
    case 'after_breach': return minutes + trigger.minutes;
  }
}

/** One point on a target's clock: a level (or the breach milestone) and its offset. */
export interface Milestone {
  readonly level: string;
  readonly offsetMinutes: number;
  readonly urgent: boolean;
  readonly actions: readonly EscalationAction[];
}

/**
 * The milestones of one target, in firing order: every applicable level plus the breach
 * milestone, minus those already fired. Offsets are exact business minutes (rounded to the
 * millisecond by the calendar arithmetic).
 */
export function planMilestones(
  levels: readonly EscalationLevel[], target: SlaTarget, minutes: number, warnAtPercent: number, fired: readonly string[],
): Milestone[] {
  const out: Milestone[] = [];
  if (!fired.includes(BREACH_MILESTONE)) out.push({ level: BREACH_MILESTONE, offsetMinutes: minutes, urgent: false, actions: [] });
  for (const l of levels) {
    if (l.targets && !l.targets.includes(target)) continue;
    if (fired.includes(l.id)) continue;
    out.push({ level: l.id, offsetMinutes: levelOffsetMinutes(l.trigger, minutes, warnAtPercent), urgent: l.urgent, actions: l.actions });
  }
  return out.sort((a, b) => a.offsetMinutes - b.offsetMinutes);
}

export interface LevelIssue {
  readonly path: string;
  readonly message: string;
}

/** Checks an admin's chain: unique ids, sane triggers, known actions. */
export function validateEscalationLevels(input: readonly EscalationLevel[], path = 'levels'): LevelIssue[] {
  const issues: LevelIssue[] = [];
  const ids = new Set<string>();
  input.forEach((l, i) => {
    const at = `${path}[${i}]`;
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,31}$/.test(l.id)) issues.push({ path: `${at}.id`, message: 'id: letters, digits, _ or -, up to 32' });
    if (l.id === BREACH_MILESTONE) issues.push({ path: `${at}.id`, message: `"${BREACH_MILESTONE}" is reserved` });
    if (ids.has(l.id)) issues.push({ path: `${at}.id`, message: `duplicate level ${l.id}` });
    ids.add(l.id);
    const t = l.trigger;
    if (t.at === 'percent' && !(t.percent > 0 && t.percent <= 1000)) issues.push({ path: `${at}.trigger.percent`, message: 'percent must be in (0, 1000]' });
    if (t.at === 'after_breach' && !(t.minutes >= 0 && t.minutes <= 525_600)) issues.push({ path: `${at}.trigger.minutes`, message: 'minutes must be in [0, 525600]' });
    for (const a of l.actions) if (!(ESCALATION_ACTIONS as readonly string[]).includes(a)) issues.push({ path: `${at}.actions`, message: `unknown action ${a}` });
  });
  return issues;
}

export function checkEscalationLevels(levels: readonly EscalationLevel[]): Result<readonly EscalationLevel[], { kind: 'invalid_levels'; issues: LevelIssue[] }> {
  const issues = validateEscalationLevels(levels);
  return issues.length === 0 ? ok(levels) : err({ kind: 'invalid_levels', issues });
}
