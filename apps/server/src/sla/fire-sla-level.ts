import type { Kysely } from 'kysely';
import type { Actor } from '@gongdan/domain/access/roles';
import { PRIORITIES, type Ticket } from '@gongdan/domain/ticket/ticket';
import { markFired, planDeadlines, type TicketSlaState } from '@gongdan/domain/sla/sla-clock';
import type { SlaPolicy } from '@gongdan/domain/sla/sla-policy';
import { BREACH_MILESTONE, NOTIFY_ACTIONS, type SlaTarget } from '@gongdan/domain/escalation/escalation-level';
import { SLA_LEVEL_FIRED_TOPIC, type SlaLevelFiredPayloadT, type SlaNotifyAction } from '@gongdan/contracts/sla-events';
import { systemMeta, type AppContext } from '../app-context.ts';
import type { DB } from '../storage/tables.ts';
import type { SlaDeadlinesTable } from '../storage/tables-sla.ts';
import { enqueueOutbox } from '../jobs/outbox.repository.ts';
import { parseJson } from '../shared/json.ts';
import { recordTicketChange, ticketEventPayload } from '../tickets/ticket-change.ts';
import { findTicketRow } from '../tickets/ticket.repository.ts';
import { toTicket } from '../tickets/ticket.mapper.ts';
import { getSlaPolicies } from './policy-store.ts';
import { getCalendar } from './calendar-store.ts';
import { noteDeadlinePlanned } from './sweep-hint.ts';
import { addDeadlines, addTicketFlag, appendSlaEvents, deleteDeadline, escalationPeople, findTicketSla, saveTicketSla } from './ticket-sla.repository.ts';
import { slaEventRow } from './track-ticket-sla.ts';

export const SLA_ACTOR: Actor = { kind: 'system', id: 'sla', name: 'SLA 调度', role: 'system', teamIds: [], customerId: null };

export type FireOutcome = 'fired' | 'stale' | 'duplicate' | 'conflict';

/** The exactly-once key of a level: one event row with it may ever exist. */
export const fireKey = (d: Pick<SlaDeadlinesTable, 'ticket_id' | 'target' | 'cycle' | 'level'>) => `${d.ticket_id}:${d.target}:${d.cycle}:${d.level}`;

/**
 * Fires one claimed deadline inside the sweep's transaction (the ticket row is already locked):
 * records the level on the ticket's SLA state and log, enqueues `sla.level_fired` and performs
 * the ticket-changing actions as audited changes. Commit = fired. A deadline that no longer
 * matches the clock (met, paused, re-planned) is dropped; a second attempt at a fired level is
 * refused by the unique fire_key and dropped.
 */
/** Team → supervisor and manager, looked up once per sweep batch instead of once per firing. */
export type EscalationPeopleCache = Map<string, Awaited<ReturnType<typeof escalationPeople>>>;

export async function fireDeadline(trx: Kysely<DB>, ctx: AppContext, d: SlaDeadlinesTable, now: Date, peopleCache?: EscalationPeopleCache): Promise<FireOutcome> {
  const slaRow = await findTicketSla(trx, d.ticket_id);
  const state = slaRow ? parseJson<TicketSlaState | null>(slaRow.state, null) : null;
  const clock = state?.clocks.find((c) => c.target === d.target && c.cycle === d.cycle);
  const policy = state ? (await getSlaPolicies(trx)).find((p) => p.id === state.policyId) : undefined;
  const level = policy?.levels.find((l) => l.id === d.level);
  if (!slaRow || !state || !clock || clock.outcome !== 'running' || clock.fired.includes(d.level) || (d.level !== BREACH_MILESTONE && !level)) {
    await deleteDeadline(trx, d);
    return 'stale';
  }
  const firedAt = now.toISOString();
  const kind = d.level === BREACH_MILESTONE ? 'breach' : level?.trigger.at === 'warning' ? 'warn' : 'level_fired';
  const inserted = await appendSlaEvents(trx, [slaEventRow(d.ticket_id, { kind: 'start', target: d.target as SlaTarget, cycle: d.cycle, atMs: now.getTime() }, {
    kind, level: d.level, due_at: d.due_at, fire_key: fireKey(d), detail: JSON.stringify({ lateMs: now.getTime() - Date.parse(d.due_at) }),
  })]);
  if (!inserted) {
    await deleteDeadline(trx, d);
    return 'duplicate';
  }
  const next = markFired(state, d.target as SlaTarget, d.cycle, d.level, now.getTime());
  await saveTicketSla(trx, { ...slaRow, state: JSON.stringify(next), updated_at: firedAt }, true);
  await deleteDeadline(trx, d);
  if (policy) await planFollowingLevel(trx, ctx, d.ticket_id, slaRow.calendar_id, next, policy);
  if (!level) return 'fired';

  const row = await findTicketRow(trx, d.ticket_id);
  if (!row) return 'fired';
  const ticket = toTicket(row);
  const teamKey = ticket.teamId ?? '';
  const people = peopleCache?.get(teamKey) ?? (await escalationPeople(trx, ticket.teamId));
  peopleCache?.set(teamKey, people);
  const payload: SlaLevelFiredPayloadT = {
    ticketId: ticket.id, ticketNumber: ticket.number, title: ticket.title, target: d.target as SlaTarget, cycle: d.cycle, level: d.level,
    urgent: level.urgent, dueAt: d.due_at, firedAt, assigneeId: ticket.assigneeId, teamId: ticket.teamId, ...people,
    actions: level.actions.filter((a): a is SlaNotifyAction => NOTIFY_ACTIONS.includes(a)),
  };
  await enqueueOutbox(trx, now, [{ id: `sla:${fireKey(d)}`, topic: SLA_LEVEL_FIRED_TOPIC, aggregateId: ticket.id, payload }]);
  return (await applyTicketActions(trx, ctx, row, ticket, level.actions, people.supervisorId, d, now)) ? 'fired' : 'conflict';
}

/**
 * The plan holds only each clock's next level (planDeadlines, ADR 019): the level that just fired
 * hands over to the following one, in the same transaction. Insert-or-ignore, because plans made
 * before ADR 019 already hold every level. A follow-up that is already due is claimed by the
 * sweep's next batch (it keeps going while batches fire), so a ticket that resumes long overdue
 * still fires all its levels in one sweep, in order.
 */
async function planFollowingLevel(trx: Kysely<DB>, ctx: AppContext, ticketId: string, calendarId: string, state: TicketSlaState, policy: SlaPolicy): Promise<void> {
  const business = (await getCalendar(trx, calendarId)) ?? (await getCalendar(trx, 'default'));
  if (!business) return;
  const planned = planDeadlines(state, policy, business);
  if (planned.length === 0) return;
  await addDeadlines(trx, planned.map((p) => ({
    ticket_id: ticketId, target: p.target, cycle: p.cycle, level: p.level, due_at: new Date(p.dueMs).toISOString(), attempts: 0,
  })));
  noteDeadlinePlanned(ctx, Math.min(...planned.map((p) => p.dueMs)));
}

/** Red flag, raise priority, reassign: audited ticket changes in the firing transaction. */
async function applyTicketActions(
  trx: Kysely<DB>, ctx: AppContext, row: NonNullable<Awaited<ReturnType<typeof findTicketRow>>>, ticket: Ticket,
  actions: readonly string[], supervisorId: string | null, d: SlaDeadlinesTable, now: Date,
): Promise<boolean> {
  let current = row;
  const reason = `SLA ${d.target} ${d.level}`;
  if (actions.includes('red_flag') && (await addTicketFlag(trx, ticket.id, 'sla_red', reason, SLA_ACTOR.id, now.toISOString()))) {
    const r = await recordTicketChange(trx, ctx, current, null, {
      action: 'ticket.flagged', actor: SLA_ACTOR, meta: systemMeta, at: now, before: { flags: [] }, after: { flag: 'sla_red', level: d.level, target: d.target }, reason,
      events: [{ topic: 'ticket.flagged', aggregateId: ticket.id, payload: { ...ticketEventPayload(ticket, 'flagged'), flag: 'sla_red' } }],
    });
    if (!r.ok) return false;
    current = r.value;
  }
  const raise = actions.includes('raise_priority') && ticket.priority !== 'urgent';
  const reassign = actions.includes('reassign_supervisor') && supervisorId !== null && ticket.assigneeId !== supervisorId;
  if (raise || reassign) {
    const next: Ticket = {
      ...ticket, updatedAt: now.toISOString(),
      ...(raise ? { priority: PRIORITIES[PRIORITIES.indexOf(ticket.priority) + 1] ?? ticket.priority } : {}),
      ...(reassign ? { assigneeId: supervisorId } : {}),
    };
    const before = { ...(raise ? { priority: ticket.priority } : {}), ...(reassign ? { assigneeId: ticket.assigneeId } : {}) };
    const after = { ...(raise ? { priority: next.priority } : {}), ...(reassign ? { assigneeId: next.assigneeId } : {}) };
    const r = await recordTicketChange(trx, ctx, current, next, {
      action: 'ticket.updated', actor: SLA_ACTOR, meta: systemMeta, at: now, before, after, reason,
      events: [{ topic: 'ticket.updated', aggregateId: ticket.id, payload: { ...ticketEventPayload({ ...next, version: current.version + 1 }, 'updated'), fields: Object.keys(after) } }],
    });
    if (!r.ok) return false;
  }
  return true;
}
