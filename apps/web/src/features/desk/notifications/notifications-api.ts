import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { NotificationDto, NotificationPage, TodoDto, TodoPage } from '@gongdan/contracts/notifications';
import { api } from '../../../lib/api.ts';

export type Notification = z.infer<typeof NotificationDto>;
export type Todo = z.infer<typeof TodoDto>;

const { get, post } = api.raw;
const enc = encodeURIComponent;

export const notificationsApi = {
  unread: () => get<{ count: number }>('/api/v1/notifications/unread-count'),
  list: () => get<z.infer<typeof NotificationPage>>('/api/v1/notifications', { limit: 20 }),
  markRead: (id: string) => post<Notification>(`/api/v1/notifications/${enc(id)}/read`),
  markAll: () => post<{ updated: number }>('/api/v1/notifications/read-all'),
  todos: (status: 'open' | 'done' | 'all') => get<z.infer<typeof TodoPage>>('/api/v1/todos', { status, limit: 100 }),
  completeTodo: (id: string) => post<Todo>(`/api/v1/todos/${enc(id)}/complete`),
};

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
  todos: (status: string) => ['todos', status] as const,
};

export const useUnreadCount = (enabled: boolean) => useQuery({ queryKey: notificationKeys.unread, queryFn: notificationsApi.unread, enabled, select: (d) => d.count, staleTime: 60_000 });
export const useNotifications = (enabled: boolean) => useQuery({ queryKey: notificationKeys.list, queryFn: notificationsApi.list, enabled });
