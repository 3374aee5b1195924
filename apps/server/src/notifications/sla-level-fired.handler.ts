import { SlaLevelFiredPayload } from '@gongdan/contracts/sla-events';
import { planLevelFired, type LevelPlan } from '@gongdan/domain/notify/level-fired-plan';
import { decideDeliveryTiming } from '@gongdan/domain/notify/quiet-hours';
import type { RobotMention } from '@gongdan/domain/notify/robot-message';
import { addBusinessMinutes } from '@gongdan/domain/sla/business-time';
import { defaultBusinessCalendar } from '@gongdan/domain/sla/shipped-calendars';
import type { Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import { enabledRobotsForTeam } from '../chat-robots/chat-robot.repository.ts';
import { enqueueRobotMessage } from '../chat-robots/enqueue-robot-message.ts';
import { enqueueOutbox } from '../jobs/outbox.repository.ts';
import type { OutboxHandler } from '../jobs/outbox-worker.ts';
import { sha256 } from '../shared/crypto.ts';
import type { DB } from '../storage/tables.ts';
import type { NotificationPreferencesTable } from '../storage/tables-notify.ts';
import { addFollower } from './follower.repository.ts';
import { activeAdminIds, peopleOf, preferencesOf } from './notification-preferences.repository.ts';
import { NOTIFY_DELIVER_TOPIC, type NotifyDeliverPayload } from './notify-deliver.handler.ts';
import { insertTodoOnce, openTodoFor } from './todo.repository.ts';
import { calendarOf } from './working-hours.ts';

/** A supervisor's follow-up todo is due this many business minutes after the level fired. */
export const SUPERVISOR_TODO_BUSINESS_MINUTES = 240;

/** Short, stable id for something derived from a plan key: redelivery yields the same id. */
export const derivedId = (key: string): string => sha256(key).slice(0, 32);

const mobileOf = (phone: string | null): string | null => {
  const digits = phone?.replace(/[\s-]/g, '') ?? '';
  return /^\+?\d{6,15}$/.test(digits) ? digits : null;
};

interface Context {
  ctx: AppContext;
  trx: Kysely<DB>;
  now: Date;
  urgent: boolean;
  prefs: Map<string, NotificationPreferencesTable>;
}

/** When someone may be pinged: now, or (non-urgent, outside their working hours) later. */
function deliverAt(c: Context, userId: string | null): Date | undefined {
  if (!userId) return undefined;
  const t = decideDeliveryTiming({ nowMs: c.now.getTime(), urgent: c.urgent, calendar: calendarOf(c.prefs.get(userId)) });
  return t.kind === 'later' ? new Date(t.atMs) : undefined;
}

async function enqueueNotifications(c: Context, plan: LevelPlan, ticketId: string): Promise<void> {
  for (const n of plan.notifications) {
    const id = derivedId(n.key);
    const at = deliverAt(c, n.recipientId);
    const payload: NotifyDeliverPayload = { notificationId: `ntf_${id}`, userId: n.recipientId, kind: 'sla.level', ticketId, title: n.title, body: n.body };
    await enqueueOutbox(c.trx, c.now, [{ id: `notify.deliver:${id}`, topic: NOTIFY_DELIVER_TOPIC, aggregateId: n.recipientId, payload, ...(at ? { availableAt: at.toISOString() } : {}) }]);
  }
}

async function createTodo(c: Context, plan: LevelPlan, ticketId: string): Promise<void> {
  const todo = plan.todo;
  if (!todo) return;
  // The SLA engine may already have written the supervisor's todo in the firing transaction;
  // one open follow-up per person and ticket is enough.
  if (await openTodoFor(c.trx, todo.userId, ticketId)) return;
  const cal = calendarOf(c.prefs.get(todo.userId)) ?? defaultBusinessCalendar();
  const due = addBusinessMinutes(c.now.getTime(), SUPERVISOR_TODO_BUSINESS_MINUTES, cal).dueMs;
  await insertTodoOnce(c.trx, {
    id: `todo_${derivedId(todo.key)}`, user_id: todo.userId, ticket_id: ticketId, kind: 'sla_follow_up', title: todo.title,
    due_at: new Date(due).toISOString(), done_at: null, created_by: 'system', created_at: c.now.toISOString(),
  });
}

async function enqueueChat(c: Context, plan: LevelPlan, teamId: string | null, people: Awaited<ReturnType<typeof peopleOf>>): Promise<void> {
  const chat = plan.chat;
  if (!chat) return;
  const robots = await enabledRobotsForTeam(c.trx, teamId);
  if (robots.length === 0) return;
  const person = chat.mentionUserId ? people.get(chat.mentionUserId) : undefined;
  const prefs = chat.mentionUserId ? c.prefs.get(chat.mentionUserId) : undefined;
  const mentions: RobotMention[] = person
    ? [{ name: person.name, mobile: mobileOf(person.phone), wecomUserId: prefs?.wecom_user_id ?? null, dingtalkUserId: prefs?.dingtalk_user_id ?? null, feishuUserId: prefs?.feishu_user_id ?? null }]
    : [];
  const at = deliverAt(c, chat.mentionUserId);
  const base = derivedId(chat.key);
  for (const robot of robots) {
    await enqueueRobotMessage(c.trx, c.now, { robotId: robot.id, messageId: `sla:${base}:${robot.id}`, hop: 0, attempt: 0, title: chat.title, text: chat.text, mentions }, at);
  }
}

/**
 * Consumes `sla.level_fired`: in-app notifications per the level's actions, the supervisor as
 * follower with a todo, and chat-robot messages @mentioning the assignee on the team's (else the
 * global) robots. Everything derived from the event has a deterministic id, so a redelivered
 * event creates nothing twice. Non-urgent pings wait for each recipient's working hours.
 */
export function slaLevelFiredHandler(ctx: AppContext): OutboxHandler {
  return async (m) => {
    const parsed = SlaLevelFiredPayload.safeParse(m.payload);
    if (!parsed.success) throw new Error(`sla.level_fired ${m.id}: bad payload: ${parsed.error.message}`);
    const e = parsed.data;
    const db = ctx.database.db;
    const needsFallback = e.actions.includes('notify_manager') && !e.managerId;
    const plan = planLevelFired(e, { timeZone: ctx.config.timeZone, managerFallbackIds: needsFallback ? await activeAdminIds(db) : [] });
    const ids = [...new Set([...plan.notifications.map((n) => n.recipientId), plan.todo?.userId, plan.chat?.mentionUserId].filter((x): x is string => !!x))];
    const now = ctx.clock.now();
    await db.transaction().execute(async (trx) => {
      const [prefs, people] = await Promise.all([preferencesOf(trx, ids), peopleOf(trx, ids)]);
      const c: Context = { ctx, trx, now, urgent: e.urgent, prefs };
      if (plan.followerId && people.has(plan.followerId)) await addFollower(trx, e.ticketId, plan.followerId, now.toISOString());
      await createTodo(c, plan, e.ticketId);
      await enqueueNotifications(c, plan, e.ticketId);
      await enqueueChat(c, plan, e.teamId, people);
    });
    ctx.nudgeOutbox();
  };
}
