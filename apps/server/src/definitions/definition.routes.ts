import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TICKET_TYPES } from '@gongdan/domain/ticket/ticket';
import { ProblemSchema } from '@gongdan/contracts/problem';
import type { AppContext } from '../app-context.ts';
import { originOf } from '../http/request-meta.ts';
import { sendResult } from '../http/reply.ts';
import { getFormDefinition, getWorkflow } from './definitions.ts';
import { saveFormDefinition, saveWorkflowDefinition } from './save-definitions.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };
const Json = z.record(z.string(), z.unknown());

export function registerDefinitionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/workflow', {
    config: { access: 'config.read' },
    schema: { tags: ['configuration'], summary: 'The workflow definition in force (states, transitions, roles, guards)', response: { 200: Json, ...problems } },
  }, async () => (await getWorkflow(ctx.database.db)) as unknown as Record<string, unknown>);
  r.put('/api/v1/workflow', {
    config: { access: 'config.manage' },
    schema: { tags: ['configuration'], summary: 'Replace the workflow definition (validated; engineers can never close)', body: Json, response: { 200: Json, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await saveWorkflowDefinition(ctx, originOf(req), req.body), 200, (d) => d as unknown as Record<string, unknown>));
  r.get('/api/v1/forms/:ticketType', {
    config: { access: 'config.read' },
    schema: { tags: ['configuration'], summary: 'The form definition of a ticket type', params: z.object({ ticketType: z.enum(TICKET_TYPES) }), response: { 200: Json, ...problems } },
  }, async (req, reply) => {
    const form = await getFormDefinition(ctx.database.db, req.params.ticketType);
    return sendResult(req, reply, form ? { ok: true as const, value: form } : { ok: false as const, error: { kind: 'not_found' as const, entity: 'form' } }, 200,
      (f) => f as unknown as Record<string, unknown>);
  });
  r.put('/api/v1/forms/:ticketType', {
    config: { access: 'config.manage' },
    schema: { tags: ['configuration'], summary: 'Replace the form definition of a ticket type (validated)', params: z.object({ ticketType: z.enum(TICKET_TYPES) }), body: Json, response: { 200: Json, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await saveFormDefinition(ctx, originOf(req), req.params.ticketType, req.body), 200, (d) => d as unknown as Record<string, unknown>));
}
