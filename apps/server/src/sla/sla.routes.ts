import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { CoverageDto, SlaEventDto, SlaMatchPreviewBody, SlaPolicyBody, SlaPolicyDto, SlaPolicyUpdateBody } from '@gongdan/contracts/sla';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, originOf } from '../http/request-meta.ts';
import { getSlaCoverage } from './get-sla-coverage.ts';
import { listTicketSlaEvents } from './list-ticket-sla-events.ts';
import { createSlaPolicy, deleteSlaPolicy, listSlaPolicies, presentPolicy, previewSlaMatch, updateSlaPolicy } from './manage-sla-policies.ts';

const tags = ['sla'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

export function registerSlaRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/sla/policies', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'The SLA policy grid, in matching order (first match wins; the default last)', response: { 200: z.object({ items: z.array(SlaPolicyDto) }), ...problems } },
  }, async () => ({ items: await listSlaPolicies(ctx) }));
  r.post('/api/v1/sla/policies', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Add a policy to the grid', body: SlaPolicyBody, response: { 201: SlaPolicyDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await createSlaPolicy(ctx, originOf(req), req.body), 201, presentPolicy));
  r.put('/api/v1/sla/policies/:id', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Save a new version of a policy (send the version you edited)', params: IdParams, body: SlaPolicyUpdateBody, response: { 200: SlaPolicyDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await updateSlaPolicy(ctx, originOf(req), req.params.id, req.body), 200, presentPolicy));
  r.delete('/api/v1/sla/policies/:id', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Remove a policy (not the default)', params: IdParams, response: { 204: z.null(), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await deleteSlaPolicy(ctx, originOf(req), req.params.id), 204, () => null));
  r.post('/api/v1/sla/policies/match', {
    config: { access: 'config.read', idempotent: false },
    schema: { tags, summary: 'Which policy a ticket with these facts gets, and why', body: SlaMatchPreviewBody },
  }, async (req) => previewSlaMatch(ctx, req.body));
  r.get('/api/v1/sla/coverage', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'Calendars without official holiday data for this or next year (admin banner)', response: { 200: CoverageDto, ...problems } },
  }, async (req) => getSlaCoverage(ctx, req.locale));
  r.get('/api/v1/tickets/:id/sla-events', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'The ticket’s append-only SLA log (start, pause, resume, warn, breach, fulfil, level_fired …)', params: IdParams, response: { 200: z.object({ items: z.array(SlaEventDto) }), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await listTicketSlaEvents(ctx, actorOf(req), req.params.id), 200, (items) => ({ items })));
}
