import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AdminChangePage, AdminChangeQuery } from '@gongdan/contracts/admin-changes';
import { ProblemSchema } from '@gongdan/contracts/problem';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { listAdminChangesPage } from './list-admin-changes.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 422: ProblemSchema };

export function registerAdminChangeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/admin/changes', {
    config: { access: 'admin_change.read' },
    schema: {
      tags: ['audit'],
      summary: 'The admin change log: who changed which configuration, when, from where, before → after (secrets redacted); newest first',
      querystring: AdminChangeQuery, response: { 200: AdminChangePage, ...problems },
    },
  }, async (req, reply) => sendResult(req, reply, await listAdminChangesPage(ctx, req.query), 200, (page) => page));
}
