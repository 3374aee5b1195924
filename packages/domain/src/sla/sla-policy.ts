/**
 * SLA policies as an explicit grid: each policy names the customer tiers, fault types, impact
 * scopes (plus ticket types, priorities, teams) it covers, and the first active policy by
 * `position` whose every dimension admits the ticket wins; the default policy catches the rest.
 * Unlike Zammad (ordered by name) the order is a number the admin sees, and the ticket keeps
 * the reason ("why this SLA") so nobody has to reverse-engineer it later.
 */
import { err, ok, type Result } from '../shared/result.ts';
import { defaultEscalationChain, SLA_TARGETS, validateEscalationLevels, type EscalationLevel, type SlaTarget } from '../escalation/escalation-level.ts';

export interface SlaTargetSpec {
  /** The budget, in minutes of the target's clock. */
  readonly minutes: number;
  /** The warning level fires at this share of the budget (default 75). */
  readonly warnAtPercent: number;
  /** 'business': the policy's (or team's, or default) calendar; '24x7': every minute counts. */
  readonly clock: 'business' | '24x7';
}

/** The dimensions a policy matches on; an absent or empty list admits every value. */
export interface SlaMatch {
  readonly customerTiers?: readonly string[];
  readonly faultTypes?: readonly string[];
  readonly impactScopes?: readonly string[];
  readonly types?: readonly string[];
  readonly priorities?: readonly string[];
  readonly teamIds?: readonly string[];
}
export const MATCH_DIMENSIONS = ['customerTiers', 'faultTypes', 'impactScopes', 'types', 'priorities', 'teamIds'] as const;
type Dimension = (typeof MATCH_DIMENSIONS)[number];

export interface SlaPolicy {
  readonly id: string;
  readonly name: string;
  /** Lower first. The default policy is consulted last whatever its position. */
  readonly position: number;
  readonly isDefault: boolean;
  readonly active: boolean;
  readonly match: SlaMatch;
  readonly targets: Partial<Record<SlaTarget, SlaTargetSpec>>;
  /** The business calendar for business-clock targets; null = the team's, else 'default'. */
  readonly calendarId: string | null;
  readonly levels: readonly EscalationLevel[];
  readonly version: number;
}

/** The ticket facts a policy is matched against. */
export interface SlaMatchFacts {
  readonly customerTier: string | null;
  readonly faultType: string | null;
  readonly impactScope: string;
  readonly type: string;
  readonly priority: string;
  readonly teamId: string | null;
}

const FACT_OF: Record<Dimension, keyof SlaMatchFacts> = {
  customerTiers: 'customerTier', faultTypes: 'faultType', impactScopes: 'impactScope', types: 'type', priorities: 'priority', teamIds: 'teamId',
};

/** Why a ticket got its SLA: stored on the ticket, shown to people. */
export interface SlaWhy {
  readonly policyId: string;
  readonly policyName: string;
  readonly position: number;
  readonly reason: 'matched' | 'default';
  /** The dimensions the policy constrains and the ticket's value that satisfied each. */
  readonly conditions: readonly { readonly dimension: Dimension; readonly value: string | null; readonly allowed: readonly string[] }[];
  /** How many earlier policies were passed over. */
  readonly skipped: number;
  readonly summary: { readonly zh: string; readonly en: string };
}

const LABEL: Record<Dimension, [string, string]> = {
  customerTiers: ['客户等级', 'customer tier'], faultTypes: ['故障类型', 'fault type'], impactScopes: ['影响范围', 'impact scope'],
  types: ['工单类型', 'ticket type'], priorities: ['优先级', 'priority'], teamIds: ['团队', 'team'],
};

function admits(match: SlaMatch, facts: SlaMatchFacts): boolean {
  for (const d of MATCH_DIMENSIONS) {
    const allowed = match[d];
    if (!allowed || allowed.length === 0) continue;
    const v = facts[FACT_OF[d]];
    if (v === null || !allowed.includes(v)) return false;
  }
  return true;
}

/** First active non-default policy by position that admits the ticket, else the default; null if neither. */
export function matchSlaPolicy(policies: readonly SlaPolicy[], facts: SlaMatchFacts): { policy: SlaPolicy; why: SlaWhy } | null {
  const ordered = policies.filter((p) => p.active && !p.isDefault).sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
  let skipped = 0;
  for (const p of ordered) {
    if (admits(p.match, facts)) return { policy: p, why: explain(p, facts, 'matched', skipped) };
    skipped++;
  }
  const fallback = policies.find((p) => p.active && p.isDefault);
  return fallback ? { policy: fallback, why: explain(fallback, facts, 'default', skipped) } : null;
}

function explain(p: SlaPolicy, facts: SlaMatchFacts, reason: SlaWhy['reason'], skipped: number): SlaWhy {
  const conditions = MATCH_DIMENSIONS.filter((d) => (p.match[d]?.length ?? 0) > 0)
    .map((d) => ({ dimension: d, value: facts[FACT_OF[d]], allowed: [...(p.match[d] ?? [])] }));
  const why = { policyId: p.id, policyName: p.name, position: p.position, reason, conditions, skipped };
  return { ...why, summary: whySummary(why) };
}

/**
 * The sentence shown as "why this SLA", from the stored facts of the match (so explanations stored
 * before a wording change read the current way).
 */
export function whySummary(w: Omit<SlaWhy, 'summary' | 'policyId'>): SlaWhy['summary'] {
  const zhParts = w.conditions.map((c) => `${LABEL[c.dimension][0]} ${c.value} ∈ {${c.allowed.join(', ')}}`);
  const enParts = w.conditions.map((c) => `${LABEL[c.dimension][1]} ${c.value} in {${c.allowed.join(', ')}}`);
  if (w.reason === 'default') {
    return { zh: `前 ${w.skipped} 条策略均不匹配，采用默认策略「${w.policyName}」`, en: `none of the ${w.skipped} ordered policies matched; default policy "${w.policyName}"` };
  }
  return {
    // The grid's 顺序 column shows the position; "第 30 条" read as the 30th row, so name it as the grid does.
    zh: `${zhParts.length ? zhParts.join('，') : '无条件'} → 顺序 ${w.position} 的策略「${w.policyName}」（排在前面的 ${w.skipped} 条不匹配）`,
    en: `${enParts.length ? enParts.join(', ') : 'no conditions'} → policy "${w.policyName}" (order ${w.position}; the ${w.skipped} above did not match)`,
  };
}

export interface PolicyIssue {
  readonly path: string;
  readonly message: string;
}

/** Everything wrong with a policy at once, with paths the admin UI can highlight. */
export function validateSlaPolicy(p: SlaPolicy): Result<SlaPolicy, { kind: 'invalid_policy'; issues: PolicyIssue[] }> {
  const issues: PolicyIssue[] = [];
  if (!p.name.trim()) issues.push({ path: 'name', message: 'required' });
  const targets = Object.entries(p.targets) as [SlaTarget, SlaTargetSpec | undefined][];
  if (!targets.some(([, s]) => s)) issues.push({ path: 'targets', message: 'at least one target is needed' });
  for (const [t, s] of targets) {
    if (!s) continue;
    if (!(SLA_TARGETS as readonly string[]).includes(t)) issues.push({ path: `targets.${t}`, message: 'unknown target' });
    if (!(Number.isInteger(s.minutes) && s.minutes >= 1 && s.minutes <= 525_600)) issues.push({ path: `targets.${t}.minutes`, message: 'whole minutes from 1 to 525600' });
    if (!(s.warnAtPercent > 0 && s.warnAtPercent < 100)) issues.push({ path: `targets.${t}.warnAtPercent`, message: 'between 0 and 100 (exclusive)' });
  }
  if (p.isDefault) {
    for (const d of MATCH_DIMENSIONS) if ((p.match[d]?.length ?? 0) > 0) issues.push({ path: `match.${d}`, message: 'the default policy matches everything; leave conditions empty' });
  }
  issues.push(...validateEscalationLevels(p.levels));
  return issues.length === 0 ? ok(p) : err({ kind: 'invalid_policy', issues });
}

const spec = (minutes: number, clock: SlaTargetSpec['clock'] = 'business'): SlaTargetSpec => ({ minutes, warnAtPercent: 75, clock });
const BIG = ['site', 'multiple_sites'];

/**
 * The shipped grid (business minutes on the default calendar: one working day = 450 min).
 * VIP site-wide outages run on a 24×7 clock; everything else in business hours.
 */
export function defaultSlaPolicies(): SlaPolicy[] {
  const rows: [string, string, string[], string[] | undefined, SlaTargetSpec, SlaTargetSpec][] = [
    ['vip-site', 'VIP · 站点级故障', ['VIP'], BIG, spec(30, '24x7'), spec(240, '24x7')],
    ['vip-line', 'VIP · 产线级故障', ['VIP'], ['line'], spec(30), spec(450)],
    ['vip', 'VIP · 单台设备', ['VIP'], undefined, spec(60), spec(900)],
    ['a-site', 'A 级 · 站点级故障', ['A'], BIG, spec(60), spec(450)],
    ['a-line', 'A 级 · 产线级故障', ['A'], ['line'], spec(60), spec(900)],
    ['a', 'A 级 · 单台设备', ['A'], undefined, spec(120), spec(1350)],
    ['b-big', 'B 级 · 产线/站点级故障', ['B'], ['line', ...BIG], spec(120), spec(900)],
    ['b', 'B 级 · 单台设备', ['B'], undefined, spec(240), spec(2250)],
    ['c', 'C 级', ['C'], undefined, spec(480), spec(4500)],
  ];
  const policies: SlaPolicy[] = rows.map(([id, name, tiers, scopes, fr, res], i) => ({
    id, name, position: (i + 1) * 10, isDefault: false, active: true,
    match: scopes ? { customerTiers: tiers, impactScopes: scopes } : { customerTiers: tiers },
    targets: { first_response: fr, resolution: res }, calendarId: null, levels: defaultEscalationChain(), version: 1,
  }));
  policies.push({
    id: 'default', name: '默认 SLA', position: 1000, isDefault: true, active: true, match: {},
    targets: { first_response: spec(240), resolution: spec(2250) }, calendarId: null, levels: defaultEscalationChain(), version: 1,
  });
  return policies;
}
