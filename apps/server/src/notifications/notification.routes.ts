import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import {
  FollowerList, MarkedRead, NotificationDto, NotificationListQuery, NotificationPage, NotificationSettingsDto, TodoDto, TodoListQuery, TodoPage,
  UnreadCount, UpdateNotificationSettingsBody,
} from '@gongdan/contracts/notifications';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf } from '../http/request-meta.ts';
import { completeTodo } from './complete-todo.ts';
import { countUnreadNotifications } from './count-unread-notifications.ts';
import { followTicket } from './follow-ticket.ts';
import { getNotificationSettings } from './get-notification-settings.ts';
import { listFollowers } from './list-followers.ts';
import { listNotifications } from './list-notifications.ts';
import { listTodos } from './list-todos.ts';
import { markAllNotificationsRead } from './mark-all-notifications-read.ts';
import { markNotificationRead } from './mark-notification-read.ts';
import { presentNotification, presentTodo } from './notification.presenter.ts';
import { unfollowTicket } from './unfollow-ticket.ts';
import { updateNotificationSettings } from './update-notification-settings.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };
const mine = 'notification.read' as const;

/**
 * The caller's own bell, todos and settings (always the caller's: no user id in these paths),
 * and ticket followers. Live delivery is the `notification` event on /api/v1/events.
 */
export function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get('/api/v1/notifications', {
    config: { access: mine },
    schema: { tags, summary: 'My notifications, newest first (cursor), with the unread count', querystring: NotificationListQuery, response: { 200: NotificationPage, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await listNotifications(ctx, actorOf(req), { ...req.query, unread: req.query.unread === 'true' }), 200, (p) => ({ ...p, items: p.items.map(presentNotification) })));

  r.get('/api/v1/notifications/unread-count', {
    config: { access: mine },
    schema: { tags, summary: 'How many of my notifications are unread', response: { 200: UnreadCount, ...problems } },
  }, async (req) => ({ count: await countUnreadNotifications(ctx, actorOf(req)) }));

  r.post('/api/v1/notifications/:id/read', {
    config: { access: mine },
    schema: { tags, summary: 'Mark one notification read', params: IdParams, response: { 200: NotificationDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await markNotificationRead(ctx, actorOf(req), req.params.id), 200, presentNotification));

  r.post('/api/v1/notifications/read-all', {
    config: { access: mine },
    schema: { tags, summary: 'Mark all my notifications read', response: { 200: MarkedRead, ...problems } },
  }, async (req) => markAllNotificationsRead(ctx, actorOf(req)));

  r.get('/api/v1/todos', {
    config: { access: mine },
    schema: { tags: ['todos'], summary: '我的待办: my todos (open by default), newest first', querystring: TodoListQuery, response: { 200: TodoPage, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await listTodos(ctx, actorOf(req), req.query), 200, (p) => ({ ...p, items: p.items.map(presentTodo) })));

  r.post('/api/v1/todos/:id/complete', {
    config: { access: mine },
    schema: { tags: ['todos'], summary: 'Complete one of my todos', params: IdParams, response: { 200: TodoDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await completeTodo(ctx, actorOf(req), req.params.id), 200, presentTodo));

  r.get('/api/v1/tickets/:id/followers', {
    config: { access: 'ticket.read' },
    schema: { tags: ['tickets'], summary: 'Who follows the ticket, and whether I do', params: IdParams, response: { 200: FollowerList, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await listFollowers(ctx, actorOf(req), req.params.id), 200, (v) => v));

  r.put('/api/v1/tickets/:id/followers/me', {
    config: { access: 'ticket.read' },
    schema: { tags: ['tickets'], summary: 'Follow the ticket', params: IdParams, response: { 200: FollowerList, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await followTicket(ctx, actorOf(req), req.params.id), 200, (v) => v));

  r.delete('/api/v1/tickets/:id/followers/me', {
    config: { access: 'ticket.read' },
    schema: { tags: ['tickets'], summary: 'Stop following the ticket', params: IdParams, response: { 200: FollowerList, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await unfollowTicket(ctx, actorOf(req), req.params.id), 200, (v) => v));

  r.get('/api/v1/me/notification-settings', {
    config: { access: mine },
    schema: { tags, summary: 'My working hours (quiet hours for non-urgent notifications) and chat ids for @mentions', response: { 200: NotificationSettingsDto, ...problems } },
  }, async (req) => getNotificationSettings(ctx, actorOf(req)));

  r.put('/api/v1/me/notification-settings', {
    config: { access: mine },
    schema: { tags, summary: 'Change my notification settings (omitted fields keep their value)', body: UpdateNotificationSettingsBody, response: { 200: NotificationSettingsDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await updateNotificationSettings(ctx, actorOf(req), req.body), 200, (v) => v));
}
