import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { newId, newToken } from '../shared/ids.ts';
import { outboundUrlIssue } from '../shared/outbound-http.ts';
import { invalidateWebhookSubscriptions } from './webhook.handlers.ts';

export interface WebhookSubscriptionInput {
  name: string;
  url: string;
  events: string[];
}

export interface CreatedWebhookSubscription {
  id: string;
  name: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
  /** Shown once; receivers verify X-Gongdan-Signature with it. */
  secret: string;
}

/** Subscribes a receiver to ticket events. A URL naming a private address is refused up front. */
export async function createWebhookSubscription(ctx: AppContext, input: WebhookSubscriptionInput): Promise<Result<CreatedWebhookSubscription, AppError>> {
  const issue = outboundUrlIssue(ctx.config.outbound, 'url', input.url);
  if (issue) return err({ kind: 'validation', errors: [issue] });
  const now = ctx.clock.now().toISOString();
  const row = { id: newId(), name: input.name, url: input.url, secret: `whsec_${newToken()}`, events: JSON.stringify(input.events), active: 1, created_at: now };
  await ctx.database.db.insertInto('webhook_subscriptions').values(row).execute();
  invalidateWebhookSubscriptions();
  return ok({ id: row.id, name: row.name, url: row.url, events: input.events, active: true, createdAt: now, secret: row.secret });
}
