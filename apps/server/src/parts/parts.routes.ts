import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { CreatePartBody, PartDto, PartListQuery, PartPage, UpdatePartBody } from '@gongdan/contracts/field';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, originOf } from '../http/request-meta.ts';
import { createPart } from './create-part.ts';
import { deletePart } from './delete-part.ts';
import { getPart } from './get-part.ts';
import { listParts } from './list-parts.ts';
import { updatePart } from './update-part.ts';

const tags = ['spare parts'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

export function registerPartRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/parts', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'Spare-parts catalogue (filter by text or device model)', querystring: PartListQuery, response: { 200: PartPage, ...problems } },
  }, async (req) => listParts(ctx, req.query));
  r.get('/api/v1/parts/:id', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'One spare part', params: IdParams, response: { 200: PartDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getPart(ctx, req.params.id), 200, (p) => p));
  r.post('/api/v1/parts', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Admin: add a spare part', body: CreatePartBody, response: { 201: PartDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await createPart(ctx, originOf(req), req.body), 201, (p) => p));
  r.patch('/api/v1/parts/:id', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Admin: edit a spare part', params: IdParams, body: UpdatePartBody, response: { 200: PartDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await updatePart(ctx, originOf(req), req.params.id, req.body), 200, (p) => p));
  r.delete('/api/v1/parts/:id', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Admin: retire a spare part', params: IdParams, response: { 200: z.object({ id: z.string() }), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await deletePart(ctx, originOf(req), req.params.id), 200, (p) => p));
}
