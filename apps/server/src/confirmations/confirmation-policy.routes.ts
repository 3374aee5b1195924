import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { ConfirmationPolicyBody, ConfirmationPolicyDto } from '@gongdan/contracts/confirmations';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, originOf } from '../http/request-meta.ts';
import type { ConfirmationPoliciesTable } from '../storage/tables-confirm.ts';
import { parseJson } from '../shared/json.ts';
import { setConfirmationPolicy } from './set-confirmation-policy.ts';
import { getLinkChannel, setLinkChannel } from './link-channel.ts';

const tags = ['confirmations'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };
const LinkChannelDto = z.object({
  enabled: z.boolean(), url: z.string(), secret: z.string().describe('Receivers verify X-Gongdan-Signature with it'), template: z.string(),
}).meta({ id: 'ConfirmationLinkChannel' });
const LinkChannelBody = z.object({
  enabled: z.boolean(),
  url: z.string().trim().max(2000),
  template: z.string().max(4000).optional().describe('JSON body; placeholders {{phone}} {{url}} {{ticketNumber}} {{ticketTitle}} {{customerName}} {{contactName}} {{expiresAt}}'),
  rotateSecret: z.boolean().optional(),
});
const ScopeParams = z.object({ scopeKind: z.enum(['ticket_type', 'customer']), scopeId: z.string().min(1).max(64) });

const present = (p: ConfirmationPoliciesTable) => ({
  scopeKind: p.scope_kind as 'ticket_type' | 'customer', scopeId: p.scope_id, mode: p.mode as 'customer' | 'supervisor_review',
  autoCloseDays: p.auto_close_days, reason: p.reason, updatedBy: p.updated_by, updatedAt: p.updated_at,
});

/** Admin API: how tickets of a type / customer are closed (customer confirmation, auto-close, supervisor review). */
export function registerConfirmationPolicyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/confirmation-channel', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'The outbound channel (SMS gateway / WeCom bridge webhook) that sends confirmation links to customers’ phones', response: { 200: LinkChannelDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getLinkChannel(ctx, actorOf(req)), 200, (c) => c));
  r.put('/api/v1/confirmation-channel', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Set the confirmation-link channel: URL, JSON body template with {{phone}} {{url}} …; requests are signed like webhooks', body: LinkChannelBody, response: { 200: LinkChannelDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await setLinkChannel(ctx, actorOf(req), req.body), 200, (c) => c));

  r.get('/api/v1/confirmation-policies', {
    config: { access: 'config.read' },
    schema: {
      tags, summary: 'Confirmation policies per ticket type / customer, with the latest changes (who, when, why)',
      response: { 200: z.object({ items: z.array(ConfirmationPolicyDto), changes: z.array(z.object({ scopeKind: z.string(), scopeId: z.string(), before: z.unknown(), after: z.unknown(), reason: z.string(), actorName: z.string(), at: z.string() })) }), ...problems },
    },
  }, async () => {
    const db = ctx.database.db;
    const [items, changes] = await Promise.all([
      db.selectFrom('confirmation_policies').selectAll().orderBy('scope_kind').orderBy('scope_id').execute(),
      db.selectFrom('confirmation_policy_changes').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(50).execute(),
    ]);
    return {
      items: items.map(present),
      changes: changes.map((c) => ({ scopeKind: c.scope_kind, scopeId: c.scope_id, before: parseJson(c.before ?? 'null', null), after: parseJson(c.after ?? 'null', null), reason: c.reason, actorName: c.actor_name, at: c.at })),
    };
  });

  r.put('/api/v1/confirmation-policies/:scopeKind/:scopeId', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Set a policy (always with a reason; audited)', params: ScopeParams, body: ConfirmationPolicyBody, response: { 200: ConfirmationPolicyDto, ...problems } },
  }, async (req, reply) => {
    const result = await setConfirmationPolicy(ctx, originOf(req), req.params.scopeKind, req.params.scopeId, req.body);
    return sendResult(req, reply, result, 200, (p) => present(p as ConfirmationPoliciesTable));
  });

  r.delete('/api/v1/confirmation-policies/:scopeKind/:scopeId', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Remove a policy (back to customer confirmation, no auto-close); needs a reason', params: ScopeParams, body: z.object({ reason: z.string().trim().min(2).max(500) }), response: { 204: z.null(), ...problems } },
  }, async (req, reply) => {
    const result = await setConfirmationPolicy(ctx, originOf(req), req.params.scopeKind, req.params.scopeId, { mode: null, autoCloseDays: null, reason: req.body.reason });
    return sendResult(req, reply, result, 204, () => null);
  });
}
