import type { Kysely } from 'kysely';
import type { Actor } from '@gongdan/domain/access/roles';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import { findState } from '@gongdan/domain/ticket/workflow-definition';
import { advanceSlaClock, planDeadlines, slaListKeys, type SlaEventDraft, type TicketSlaState } from '@gongdan/domain/sla/sla-clock';
import { matchSlaPolicy, type SlaPolicy, type SlaWhy } from '@gongdan/domain/sla/sla-policy';
import type { AppContext } from '../app-context.ts';
import type { DB } from '../storage/tables.ts';
import type { SlaDeadlinesTable, SlaEventsTable } from '../storage/tables-sla.ts';
import { newId } from '../shared/ids.ts';
import { parseJson } from '../shared/json.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { NO_SLA_DUE } from '../tickets/ticket.repository.ts';
import { getCalendar } from './calendar-store.ts';
import { teamCalendarId } from './calendar.repository.ts';
import { getSlaPolicies } from './policy-store.ts';
import { noteDeadlinePlanned } from './sweep-hint.ts';
import { appendSlaEvents, findTicketSla, listDeadlines, replaceDeadlines, saveTicketSla } from './ticket-sla.repository.ts';

/** The parts of a change the SLA cares about (a subset of ticket-change's ChangeRecord). */
export interface SlaChangeContext {
  action: string;
  actor: Actor;
  at: Date;
  after: unknown;
  /** An admin edited the policy or calendar: re-plan even when the ticket itself did not change. */
  recompute?: boolean;
}

// Fields the policy grid matches on: a change to one of them re-matches the policy.
const MATCHED: (keyof Ticket)[] = ['customerId', 'faultType', 'impactScope', 'type', 'priority', 'teamId'];

const isStaff = (a: Actor) => a.role !== 'customer' && a.kind !== 'customer_link';

export function slaEventRow(ticketId: string, e: SlaEventDraft, extra: Partial<SlaEventsTable> = {}): SlaEventsTable {
  return {
    id: newId(e.atMs), ticket_id: ticketId, target: e.target, cycle: e.cycle, kind: e.kind, level: null, at: new Date(e.atMs).toISOString(),
    due_at: null, detail: e.detail ? JSON.stringify(e.detail) : null, fire_key: null, ...extra,
  };
}

/**
 * The SLA side of every ticket change, called by the single writer (ticket-change.ts) inside
 * the change's transaction: advances the clock (start, pause, resume, fulfil, reopen, re-match),
 * logs what happened and re-plans the scheduler's deadlines. Changes that cannot affect the
 * SLA (most comments, edits of unmatched fields) cost one indexed read.
 */
export async function trackTicketSla(trx: Kysely<DB>, ctx: AppContext, before: Ticket | null, after: Ticket, change: SlaChangeContext): Promise<void> {
  const workflow = await getWorkflow(trx);
  const category = (status: string) => findState(workflow, status)?.category ?? null;
  const prevRow = before ? await findTicketSla(trx, after.id, ctx.database.dialect) : undefined;
  const prev = prevRow ? parseJson<TicketSlaState | null>(prevRow.state, null) : null;
  const rematch = !prev || !before || MATCHED.some((k) => before[k] !== after[k]);
  const publicStaffReply = change.action === 'comment.added' && isStaff(change.actor) && (change.after as { visibility?: string } | null)?.visibility === 'public';
  const stateChanged = !before || category(before.status) !== category(after.status) || before.firstResponseAt !== after.firstResponseAt;
  if (prev && !rematch && !stateChanged && !publicStaffReply && !change.recompute) {
    // Nothing the clock cares about, unless the admin changed the policy since (checked cheaply, cached).
    const current = (await getSlaPolicies(trx)).find((p) => p.id === prev.policyId);
    if (current && current.version === prev.policyVersion) return;
  }

  const policies = await getSlaPolicies(trx);
  let policy: SlaPolicy | undefined;
  let why: SlaWhy | null = null;
  if (rematch || !policies.some((p) => p.id === prev?.policyId && p.active)) {
    const tier = await trx.selectFrom('customers').select('tier').where('id', '=', after.customerId).executeTakeFirst();
    const m = matchSlaPolicy(policies, {
      customerTier: tier?.tier ?? null, faultType: after.faultType, impactScope: after.impactScope, type: after.type, priority: after.priority, teamId: after.teamId,
    });
    if (!m) return; // no policy at all (the admin deleted the default): no SLA
    policy = m.policy;
    why = m.why;
  } else {
    policy = policies.find((p) => p.id === prev?.policyId);
  }
  if (!policy) return;
  const calendarId = policy.calendarId ?? (after.teamId ? await teamCalendarId(trx, after.teamId) : null) ?? 'default';
  const nowMs = change.at.getTime();
  const { state, events } = advanceSlaClock(prev, {
    nowMs, policy, calendarId, publicStaffReply,
    before: before ? { category: category(before.status), firstResponseAt: before.firstResponseAt } : null,
    after: { category: category(after.status), firstResponseAt: after.firstResponseAt },
  });
  if (prev && events.length === 0 && !change.recompute) return;
  const business = (await getCalendar(trx, calendarId)) ?? (await getCalendar(trx, 'default'));
  if (!business) return;
  const at = change.at.toISOString();
  const planned = planDeadlines(state, policy, business).map((d) => ({
    ticket_id: after.id, target: d.target, cycle: d.cycle, level: d.level, due_at: new Date(d.dueMs).toISOString(), attempts: 0,
  }));
  const keys = slaListKeys(state, business);
  const row = {
    ticket_id: after.id, policy_id: policy.id, policy_version: policy.version, calendar_id: calendarId,
    why: why ? JSON.stringify(why) : (prevRow?.why ?? '{}'), state: JSON.stringify(state), updated_at: at,
    // No running clock: the far-future instant, so the list's index-ordered sort needs no NULL ordering (ADR 017).
    due_at: keys.dueMs === null ? NO_SLA_DUE : new Date(keys.dueMs).toISOString(), warn_at: keys.warnMs === null ? NO_SLA_DUE : new Date(keys.warnMs).toISOString(),
  };
  if (prev && events.length === 0) {
    // A calendar edit (same policy version): log and re-plan only when a deadline actually moves,
    // so a redelivered recompute job changes nothing twice. Rows from before the list keys
    // existed only get their keys filled (no event).
    if (sameDeadlines(await listDeadlines(trx, after.id), planned)) {
      if (prevRow && (prevRow.due_at !== row.due_at || prevRow.warn_at !== row.warn_at)) await saveTicketSla(trx, { ...prevRow, due_at: row.due_at, warn_at: row.warn_at }, true);
      return;
    }
    events.push({ kind: 'recompute', target: null, cycle: state.cycle, atMs: nowMs, detail: { calendar: calendarId, reason: 'calendar_edit' } });
  }
  await saveTicketSla(trx, row, !!prevRow);
  await appendSlaEvents(trx, events.map((e) => slaEventRow(after.id, e, e.kind === 'start' && why ? { detail: JSON.stringify({ policyId: policy.id, ...(e.detail ?? {}) }) } : {})));
  await replaceDeadlines(trx, after.id, planned);
  if (planned.length > 0) noteDeadlinePlanned(ctx, Math.min(...planned.map((d) => Date.parse(d.due_at))));
}

const deadlineKey = (d: SlaDeadlinesTable) => `${d.target}:${d.cycle}:${d.level}:${Date.parse(d.due_at)}`;
function sameDeadlines(a: SlaDeadlinesTable[], b: SlaDeadlinesTable[]): boolean {
  const ka = new Set(a.map(deadlineKey));
  return a.length === b.length && b.every((d) => ka.has(deadlineKey(d)));
}
