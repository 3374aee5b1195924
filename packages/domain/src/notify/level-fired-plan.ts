/**
 * What an escalation level that fired means for people: who gets an in-app notification, who
 * becomes a follower, who gets a todo, and what the chat robots say. Pure: the server turns
 * the plan into rows and outbox messages, keyed so a redelivered event creates nothing twice.
 */
import { offsetAt } from '../sla/time-zone-offset.ts';

/** The actions an escalation level may carry (produced by the SLA engine). */
export const LEVEL_ACTIONS = [
  'notify_assignee', 'chat_mention_assignee', 'notify_supervisor', 'add_follower_supervisor', 'todo_supervisor', 'notify_manager',
] as const;
export type LevelAction = (typeof LEVEL_ACTIONS)[number];

/** The `sla.level_fired` event as the notification side reads it. */
export interface LevelFired {
  ticketId: string;
  ticketNumber: string;
  title: string;
  target: string;
  cycle: number;
  level: string;
  urgent: boolean;
  dueAt: string;
  firedAt: string;
  assigneeId: string | null;
  teamId: string | null;
  supervisorId: string | null;
  managerId: string | null;
  actions: readonly string[];
}

export type RecipientRole = 'assignee' | 'supervisor' | 'manager';

export interface PlannedNotification {
  /** Stable across redeliveries: the same event and recipient give the same key. */
  key: string;
  recipientId: string;
  roles: RecipientRole[];
  title: string;
  body: string;
}

export interface LevelPlan {
  /** (ticket, target, cycle, level): fires once, so it identifies everything derived from it. */
  eventKey: string;
  notifications: PlannedNotification[];
  followerId: string | null;
  todo: { key: string; userId: string; title: string } | null;
  /** A robot message @mentioning the assignee (or the bare message when nobody is assigned). */
  chat: { key: string; mentionUserId: string | null; title: string; text: string } | null;
}

const LEVEL_LABELS: Record<string, string> = { warning: 'SLA 预警', L1: 'SLA 一级升级', L2: 'SLA 二级升级', L3: 'SLA 三级升级' };
const TARGET_LABELS: Record<string, string> = { first_response: '首次响应', resolution: '解决', update: '更新', next_response: '再次响应', periodic_update: '定期更新' };

export const levelLabel = (level: string): string => LEVEL_LABELS[level] ?? `SLA ${level}`;
export const targetLabel = (target: string): string => TARGET_LABELS[target] ?? target;

/** 'YYYY-MM-DD HH:MM' in `timeZone`, for message text. */
export function formatLocalMinute(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return new Date(ms + offsetAt(timeZone, ms)).toISOString().slice(0, 16).replace('T', ' ');
}

export function planLevelFired(e: LevelFired, opts: { timeZone: string; managerFallbackIds?: readonly string[] }): LevelPlan {
  const has = (a: LevelAction) => e.actions.includes(a);
  const eventKey = `${e.ticketId}:${e.target}:${e.cycle}:${e.level}`;
  const due = formatLocalMinute(e.dueAt, opts.timeZone);
  const overdue = Date.parse(e.firedAt) >= Date.parse(e.dueAt);
  const title = `【${levelLabel(e.level)}】${e.ticketNumber} ${e.title}`;
  const timing = `${targetLabel(e.target)}时限 ${due}${overdue ? '，已超时' : '，即将到期'}`;

  const byRecipient = new Map<string, RecipientRole[]>();
  const add = (id: string | null, role: RecipientRole) => {
    if (!id) return;
    const roles = byRecipient.get(id) ?? [];
    if (!roles.includes(role)) roles.push(role);
    byRecipient.set(id, roles);
  };
  if (has('notify_assignee')) add(e.assigneeId, 'assignee');
  if (has('notify_supervisor')) add(e.supervisorId, 'supervisor');
  // "the supervisor's manager (admin if none)": the server passes the admins as the fallback.
  if (has('notify_manager')) {
    if (e.managerId) add(e.managerId, 'manager');
    else for (const id of opts.managerFallbackIds ?? []) add(id, 'manager');
  }
  const bodyFor = (roles: RecipientRole[]) => {
    if (roles.includes('assignee')) return `${timing}。请尽快处理工单 ${e.ticketNumber}。`;
    if (roles.includes('supervisor')) return `${timing}。您团队的工单 ${e.ticketNumber} 需要跟进。`;
    return `${timing}。工单 ${e.ticketNumber} 已升级至您，请关注。`;
  };
  const notifications = [...byRecipient].map(([recipientId, roles]) => ({
    key: `${eventKey}:notify:${recipientId}`, recipientId, roles, title, body: bodyFor(roles),
  }));

  const supervisor = e.supervisorId;
  return {
    eventKey,
    notifications,
    followerId: has('add_follower_supervisor') && supervisor ? supervisor : null,
    todo: has('todo_supervisor') && supervisor
      ? { key: `${eventKey}:todo:${supervisor}`, userId: supervisor, title: `跟进${levelLabel(e.level)}工单 ${e.ticketNumber}：${e.title}` }
      : null,
    chat: has('chat_mention_assignee')
      ? { key: `${eventKey}:chat`, mentionUserId: e.assigneeId, title, text: `${timing}。` }
      : null,
  };
}
