import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { CreateSavedViewBody, SavedViewDto } from '@gongdan/contracts/saved-views';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf } from '../http/request-meta.ts';
import { createSavedView } from './create-saved-view.ts';
import { removeSavedView } from './delete-saved-view.ts';
import { listSavedViews, presentSavedView } from './list-saved-views.ts';

const tags = ['tickets'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

/** Each person's saved board views, after the three built-in ones. */
export function registerSavedViewRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/saved-views', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'Built-in views (我的待办, 即将超时, 今日新建) first, then the caller’s own', response: { 200: z.object({ items: z.array(SavedViewDto) }), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await listSavedViews(ctx, actorOf(req), req.locale), 200, (items) => ({ items })));

  r.post('/api/v1/saved-views', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'Save a board query under a name (checked like the list’s own query)', body: CreateSavedViewBody, response: { 201: SavedViewDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await createSavedView(ctx, actorOf(req), req.body), 201, presentSavedView));

  r.delete('/api/v1/saved-views/:id', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'Delete one of the caller’s views (built-in views stay)', params: IdParams, response: { 204: z.null(), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await removeSavedView(ctx, actorOf(req), req.params.id), 204, () => null));
}
