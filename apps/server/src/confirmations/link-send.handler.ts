import { renderLinkTemplate } from '@gongdan/domain/confirmation/link-message-template';
import { signWebhook } from '@gongdan/domain/webhooks/webhook-signature';
import type { AppContext } from '../app-context.ts';
import type { OutboxHandler } from '../jobs/outbox-worker.ts';
import { hmac } from '../shared/crypto.ts';
import { postOutbound } from '../shared/outbound-http.ts';
import { decryptToken } from './confirmation-secrets.ts';
import { confirmationUrl } from './confirmation-request.presenter.ts';
import { readLinkChannel } from './link-channel.ts';

const TIMEOUT_MS = 10_000;

/**
 * Sends one confirmation link through the configured channel. A link that is no longer pending
 * (used, revoked, expired) is not sent; a failing provider is retried by the outbox.
 */
export function linkSendHandler(ctx: AppContext): OutboxHandler {
  return async (m) => {
    const db = ctx.database.db;
    const { requestId } = m.payload as { requestId: string };
    const channel = await readLinkChannel(db);
    if (!channel.enabled) return;
    const row = await db.selectFrom('confirmation_requests as r').innerJoin('tickets as t', 't.id', 'r.ticket_id')
      .innerJoin('customers as c', 'c.id', 't.customer_id')
      .select(['r.status', 'r.expires_at', 'r.token_enc', 't.number', 't.title', 't.contact_name', 't.contact_phone', 'c.name as customer_name'])
      .where('r.id', '=', requestId).executeTakeFirst();
    const now = ctx.clock.now();
    if (!row || row.status !== 'pending' || row.expires_at <= now.toISOString() || !row.contact_phone) return;
    const token = decryptToken(ctx.config.secret, row.token_enc);
    if (!token) throw new Error(`confirmation ${requestId}: token cannot be unsealed with this GONGDAN_SECRET`);
    const expires = new Date(row.expires_at).toLocaleString('zh-CN', { timeZone: ctx.config.timeZone, hour12: false });
    const body = renderLinkTemplate(channel.template, {
      phone: row.contact_phone, url: confirmationUrl(ctx, token), ticketNumber: row.number, ticketTitle: row.title,
      customerName: row.customer_name, contactName: row.contact_name ?? '', expiresAt: expires,
    });
    const signature = signWebhook(channel.secret, Math.floor(now.getTime() / 1000), body, hmac);
    const res = await postOutbound(ctx.config.outbound, channel.url, body, {
      'content-type': 'application/json; charset=utf-8', 'user-agent': 'Gongdan-Links/1', 'x-gongdan-event': 'confirmation.link', 'x-gongdan-signature': signature,
    }, TIMEOUT_MS);
    if (res.status < 200 || res.status >= 300) throw new Error(`confirmation link channel answered HTTP ${res.status}: ${res.body.slice(0, 200)}`);
  };
}
