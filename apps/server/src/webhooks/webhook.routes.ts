import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemSchema } from '@gongdan/contracts/problem';
import type { AppContext } from '../app-context.ts';
import { originOf } from '../http/request-meta.ts';
import { parseJson } from '../shared/json.ts';
import { sendResult } from '../http/reply.ts';
import { createWebhookSubscription } from './create-webhook-subscription.ts';

const Sub = z.object({ id: z.string(), name: z.string(), url: z.string(), events: z.array(z.string()), active: z.boolean(), createdAt: z.string(), secret: z.string().optional() }).meta({ id: 'WebhookSubscription' });
const CreateSub = z.object({
  name: z.string().trim().min(1, 'required').max(100),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
  events: z.array(z.string().max(64)).min(1).default(['*']),
});
const problems = { 401: ProblemSchema, 403: ProblemSchema, 422: ProblemSchema };

export function registerWebhookRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/webhooks', {
    config: { access: 'webhook.manage' },
    schema: { tags: ['webhooks'], summary: 'Subscribe a URL to ticket events; the signing secret is shown once', body: CreateSub, response: { 201: Sub, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await createWebhookSubscription(ctx, originOf(req), req.body), 201, (created) => created));
  r.get('/api/v1/webhooks', {
    config: { access: 'webhook.manage' },
    schema: { tags: ['webhooks'], summary: 'List webhook subscriptions', response: { 200: z.object({ items: z.array(Sub) }), ...problems } },
  }, async () => {
    const rows = await ctx.database.db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').execute();
    return { items: rows.map((s) => ({ id: s.id, name: s.name, url: s.url, events: parseJson<string[]>(s.events, []), active: s.active === 1, createdAt: s.created_at })) };
  });
  r.get('/api/v1/webhooks/:id/deliveries', {
    config: { access: 'webhook.manage' },
    schema: { tags: ['webhooks'], summary: 'Delivery log of a subscription (newest first)', params: z.object({ id: z.string() }) },
  }, async (req) => {
    const rows = await ctx.database.db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', req.params.id).orderBy('created_at', 'desc').limit(100).execute();
    return { items: rows.map((d) => ({ id: d.id, event: d.event, attempt: d.attempt, statusCode: d.status_code, ok: d.ok === 1, error: d.error, durationMs: d.duration_ms, createdAt: d.created_at })) };
  });
}
