import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { SimilarBody, SimilarResultDto, SimilarTicketQuery } from '@gongdan/contracts/knowledge';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf } from '../http/request-meta.ts';
import { findSimilar } from './find-similar.ts';
import { getTicketSimilar } from './get-ticket-similar.ts';

const tags = ['knowledge'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

export function registerSimilarRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/tickets/:id/similar', {
    config: { access: 'knowledge.read' },
    schema: {
      tags, summary: 'Top resolved tickets and published knowledge cards similar to this ticket, with why they match and how they were fixed',
      params: IdParams, querystring: SimilarTicketQuery, response: { 200: SimilarResultDto, ...problems },
    },
  }, async (req, reply) => sendResult(req, reply, await getTicketSimilar(ctx, actorOf(req), req.params.id, req.query, req.locale), 200, (x) => x));

  r.post('/api/v1/similar', {
    config: { access: 'knowledge.read', idempotent: false },
    schema: { tags, summary: 'Similar cases for a fault description (e.g. typed or dictated on site)', body: SimilarBody, response: { 200: SimilarResultDto, ...problems } },
  }, async (req) => findSimilar(ctx.database.db, {
    text: req.body.text, model: req.body.model ?? null, productLine: req.body.productLine ?? null, faultType: req.body.faultType ?? null,
    scope: req.body.scope, kinds: req.body.kinds, limit: req.body.limit,
  }, req.locale));
}
