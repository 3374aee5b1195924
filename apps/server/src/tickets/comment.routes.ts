import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { CommentBody, CommentDto } from '@gongdan/contracts/tickets';
import type { AppContext } from '../app-context.ts';
import type { CommentsTable } from '../storage/tables.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, metaOf } from '../http/request-meta.ts';
import { addComment, listComments } from './add-comment.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

function present(c: CommentsTable) {
  return {
    id: c.id, ticketId: c.ticket_id, author: { kind: c.author_kind, id: c.author_id, name: c.author_name },
    body: c.body, visibility: c.visibility as 'public' | 'internal', createdAt: c.created_at,
  };
}

export function registerCommentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/tickets/:id/comments', {
    config: { access: 'ticket.comment' },
    schema: { tags: ['tickets'], summary: 'Add a public reply or an internal note', params: IdParams, body: CommentBody, response: { 201: CommentDto, ...problems } },
  }, async (req, reply) => {
    const result = await addComment(ctx, actorOf(req), req.params.id, req.body, metaOf(req));
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 201, present);
  });
  r.get('/api/v1/tickets/:id/comments', {
    config: { access: 'ticket.read' },
    schema: { tags: ['tickets'], summary: 'Comments the caller may see', params: IdParams, response: { 200: z.object({ items: z.array(CommentDto) }), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await listComments(ctx, actorOf(req), req.params.id), 200, (rows) => ({ items: rows.map(present) })));
}
