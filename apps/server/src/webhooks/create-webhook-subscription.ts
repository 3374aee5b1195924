import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { recordAdminChange, type ChangeOrigin } from '../admin-changes/record-admin-change.ts';
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
export async function createWebhookSubscription(ctx: AppContext, origin: ChangeOrigin, input: WebhookSubscriptionInput): Promise<Result<CreatedWebhookSubscription, AppError>> {
  const issue = outboundUrlIssue(ctx.config.outbound, 'url', input.url);
  if (issue) return err({ kind: 'validation', errors: [issue] });
  const now = ctx.clock.now().toISOString();
  const row = { id: newId(), name: input.name, url: input.url, secret: `whsec_${newToken()}`, events: JSON.stringify(input.events), active: 1, created_at: now };
  const view = { id: row.id, name: row.name, url: row.url, events: input.events, active: true, createdAt: now };
  await ctx.database.db.transaction().execute(async (trx) => {
    await trx.insertInto('webhook_subscriptions').values(row).execute();
    // The signing secret is never logged; the view carries none (and redaction would catch it).
    await recordAdminChange(trx, ctx, origin, { entity: 'webhook', entityId: row.id, action: 'create', before: null, after: view });
  });
  invalidateWebhookSubscriptions();
  return ok({ ...view, secret: row.secret });
}
