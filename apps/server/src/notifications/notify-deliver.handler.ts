import type { AppContext } from '../app-context.ts';
import { enqueueOutbox } from '../jobs/outbox.repository.ts';
import type { OutboxHandler } from '../jobs/outbox-worker.ts';
import { insertNotificationOnce } from './notification.repository.ts';
import { presentNotification } from './notification.presenter.ts';

export const NOTIFY_DELIVER_TOPIC = 'notify.deliver';
/** Live event for the recipient's open browsers; liveEventsHandler publishes it (SSE). */
export const NOTIFICATION_CREATED_TOPIC = 'notification.created';

export interface NotifyDeliverPayload {
  notificationId: string;
  userId: string;
  kind: string;
  ticketId: string | null;
  title: string;
  body: string;
}

/**
 * Puts a notification in the recipient's bell when it is due (quiet hours delay the outbox row,
 * not the row's visibility), and announces it live to that user only.
 */
export function notifyDeliverHandler(ctx: AppContext): OutboxHandler {
  return async (m) => {
    const p = m.payload as NotifyDeliverPayload;
    const now = ctx.clock.now().toISOString();
    const row = { id: p.notificationId, user_id: p.userId, kind: p.kind, ticket_id: p.ticketId, title: p.title, body: p.body, read_at: null, created_at: now };
    await ctx.database.db.transaction().execute(async (trx) => {
      if (!(await insertNotificationOnce(trx, row))) return;
      await enqueueOutbox(trx, ctx.clock.now(), [{
        id: `live:${p.notificationId}`, topic: NOTIFICATION_CREATED_TOPIC, aggregateId: p.userId,
        payload: { recipientId: p.userId, ticketId: p.ticketId, notification: presentNotification(row) },
      }]);
    });
    ctx.nudgeOutbox();
  };
}
