import { z } from 'zod';

/**
 * The outbox event the SLA scheduler commits when an escalation level fires (topic
 * `sla.level_fired`). Exactly one row per (ticketId, target, cycle, level): the scheduler
 * records the level on the ticket and enqueues this row in one transaction, with a
 * deterministic outbox id, so a consumer sees each level once per delivery attempt.
 *
 * Consumers (in-app notifications, chat robots) turn `actions` into messages, follower rows
 * (`add_follower_supervisor`) and to-dos (`todo_supervisor`), idempotently (delivery is at least
 * once). Ticket-changing actions (red flag, raise priority, reassign) are done by the SLA engine
 * in the firing transaction and are not listed here. `urgent` levels go out at once; non-urgent
 * ones may wait for the recipient's working hours.
 */
export const SLA_LEVEL_FIRED_TOPIC = 'sla.level_fired';

export const SLA_EVENT_TARGETS = ['first_response', 'resolution', 'update'] as const;

export const SLA_NOTIFY_ACTIONS = [
  'notify_assignee',
  'chat_mention_assignee',
  'notify_supervisor',
  'add_follower_supervisor',
  'todo_supervisor',
  'notify_manager',
] as const;
export type SlaNotifyAction = (typeof SLA_NOTIFY_ACTIONS)[number];

export const SlaLevelFiredPayload = z
  .object({
    ticketId: z.string(),
    ticketNumber: z.string(),
    title: z.string(),
    target: z.enum(SLA_EVENT_TARGETS),
    /** Per target: resolution/first_response count reopen cycles (1, 2, …); update counts update periods. */
    cycle: z.number().int().min(1),
    /** 'warning' | 'L1' | 'L2' | 'L3' in the shipped chain; admins may name further levels. */
    level: z.string().min(1).max(32),
    urgent: z.boolean(),
    /** When the level was due (ISO-8601 UTC). */
    dueAt: z.string(),
    /** When the scheduler fired it (ISO-8601 UTC); later than dueAt by the sweep latency. */
    firedAt: z.string(),
    assigneeId: z.string().nullable(),
    teamId: z.string().nullable(),
    /** The team's supervisor, if the ticket has a team with one. */
    supervisorId: z.string().nullable(),
    /** The supervisor's manager, else an active admin. */
    managerId: z.string().nullable(),
    actions: z.array(z.enum(SLA_NOTIFY_ACTIONS)),
  })
  .meta({ id: 'SlaLevelFiredPayload' });
export type SlaLevelFiredPayloadT = z.infer<typeof SlaLevelFiredPayload>;
