import { signWebhook } from '@gongdan/domain/webhooks/webhook-signature';
import type { AppContext } from '../app-context.ts';
import { enqueueOutbox } from '../jobs/outbox.repository.ts';
import type { OutboxHandler } from '../jobs/outbox-worker.ts';
import { hmac } from '../shared/crypto.ts';
import { newId } from '../shared/ids.ts';
import { parseJson } from '../shared/json.ts';
import { postOutbound } from '../shared/outbound-http.ts';

const TIMEOUT_MS = 10_000;
const SUBSCRIPTION_TTL_MS = 2_000;
let subscriptionsVersion = 0;

/** A subscription was added or changed on this node: the next event reads them afresh. */
export function invalidateWebhookSubscriptions(): void {
  subscriptionsVersion += 1;
}

/**
 * Fan-out: one committed ticket event becomes one delivery message per matching subscription,
 * so a failing receiver is retried alone and the others are never sent the event twice.
 */
export function webhookFanOutHandler(ctx: AppContext): OutboxHandler {
  // Every ticket event asks "who subscribed?"; subscriptions change rarely, so the answer is
  // kept for a moment instead of being read once per event.
  let cached: { at: number; version: number; rows: Awaited<ReturnType<typeof loadSubs>> } | null = null;
  const loadSubs = () => ctx.database.db.selectFrom('webhook_subscriptions').selectAll().where('active', '=', 1).execute();
  return async (m) => {
    const db = ctx.database.db;
    if (!cached || cached.version !== subscriptionsVersion || Date.now() - cached.at > SUBSCRIPTION_TTL_MS) {
      cached = { at: Date.now(), version: subscriptionsVersion, rows: await loadSubs() };
    }
    const subs = cached.rows;
    const matching = subs.filter((s) => {
      const events = parseJson<string[]>(s.events, []);
      return events.includes('*') || events.includes(m.topic);
    });
    if (matching.length === 0) return;
    await enqueueOutbox(db, ctx.clock.now(), matching.map((s) => ({
      id: `wh:${m.id}:${s.id}`, topic: 'webhook.deliver', aggregateId: s.id,
      payload: { subscriptionId: s.id, deliveryId: m.id, event: m.topic, occurredAt: m.createdAt, data: m.payload },
    })));
    ctx.nudgeOutbox();
  };
}

interface DeliveryPayload {
  subscriptionId: string;
  deliveryId: string;
  event: string;
  occurredAt: string;
  data: unknown;
}

/** POSTs one signed delivery (X-Gongdan-Signature: t=…,v1=…) and logs the attempt. */
export function webhookDeliveryHandler(ctx: AppContext): OutboxHandler {
  return async (m) => {
    const db = ctx.database.db;
    const p = m.payload as DeliveryPayload;
    const sub = await db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', p.subscriptionId).executeTakeFirst();
    if (!sub || sub.active !== 1) return;
    const body = JSON.stringify({ id: p.deliveryId, event: p.event, occurredAt: p.occurredAt, data: p.data });
    const now = ctx.clock.now();
    const signature = signWebhook(sub.secret, Math.floor(now.getTime() / 1000), body, hmac);
    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await postOutbound(ctx.config.outbound, sub.url, body, {
        'content-type': 'application/json', 'user-agent': 'Gongdan-Webhooks/1', 'x-gongdan-event': p.event, 'x-gongdan-delivery': p.deliveryId, 'x-gongdan-signature': signature,
      }, TIMEOUT_MS);
      status = res.status;
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    await db.insertInto('webhook_deliveries').values({
      id: newId(), subscription_id: sub.id, outbox_id: m.id, event: p.event, attempt: m.attempts + 1, status_code: status,
      ok: error ? 0 : 1, error, duration_ms: Date.now() - started, created_at: now.toISOString(),
    }).execute();
    if (error) throw new Error(`webhook ${sub.id}: ${error}`);
  };
}
