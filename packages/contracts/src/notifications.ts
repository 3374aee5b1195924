import { z } from 'zod';
import { page } from './common.ts';

/** In-app notifications (the bell), todos ("我的待办"), ticket followers, notification settings. */
export const NotificationDto = z
  .object({
    id: z.string(),
    kind: z.string().describe('e.g. sla.level'),
    ticketId: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    read: z.boolean(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });

export const NotificationListQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** 'true': unread only. */
  unread: z.enum(['true', 'false']).default('false'),
});

export const NotificationPage = page(NotificationDto).extend({ unreadCount: z.number().int() }).meta({ id: 'NotificationPage' });
export const UnreadCount = z.object({ count: z.number().int() }).meta({ id: 'UnreadCount' });
export const MarkedRead = z.object({ updated: z.number().int() });

export const TodoDto = z
  .object({
    id: z.string(),
    kind: z.string(),
    ticketId: z.string().nullable(),
    title: z.string(),
    dueAt: z.string().nullable(),
    done: z.boolean(),
    doneAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Todo' });

export const TodoListQuery = z.object({
  status: z.enum(['open', 'done', 'all']).default('open'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const TodoPage = page(TodoDto).meta({ id: 'TodoPage' });

export const FollowerDto = z.object({ userId: z.string(), name: z.string(), since: z.string() }).meta({ id: 'TicketFollower' });
export const FollowerList = z.object({ items: z.array(FollowerDto), following: z.boolean() });

const segment = z.object({ start: z.string().regex(/^\d{2}:\d{2}$/), end: z.string().regex(/^\d{2}:\d{2}$/) });

/** Null working hours = always reachable; otherwise non-urgent notifications wait for them. */
export const WorkingHoursDto = z.object({
  timeZone: z.string().min(1).max(64).default('Asia/Shanghai'),
  weekly: z.array(z.array(segment).max(6)).length(7).describe('7 entries, 0 = Sunday'),
  holidays: z.enum(['cn', 'none']).default('cn'),
});

export const NotificationSettingsDto = z
  .object({
    workingHours: WorkingHoursDto.nullable(),
    wecomUserId: z.string().max(100).nullable(),
    dingtalkUserId: z.string().max(100).nullable(),
    feishuUserId: z.string().max(100).nullable(),
  })
  .meta({ id: 'NotificationSettings' });
export const UpdateNotificationSettingsBody = NotificationSettingsDto.partial();
