import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { CreateLinkBody, LinkParams, MergeBody, MergeResultDto, TicketLinkDto } from '@gongdan/contracts/ticket-links';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, metaOf } from '../http/request-meta.ts';
import { addTicketLink } from './add-ticket-link.ts';
import { presentOne } from './get-ticket.ts';
import { linkView, listTicketLinks } from './list-ticket-links.ts';
import { mergeTicket } from './merge-ticket.ts';
import { removeTicketLink } from './remove-ticket-link.ts';

const tags = ['tickets'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

/** Ticket links (related / duplicate of / caused by) and merging a duplicate into its original. */
export function registerTicketLinkRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/tickets/:id/links', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'Links of a ticket, as seen from it', params: IdParams, response: { 200: z.object({ items: z.array(TicketLinkDto) }), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await listTicketLinks(ctx, actorOf(req), req.params.id, req.locale), 200, (items) => ({ items })));

  r.post('/api/v1/tickets/:id/links', {
    config: { access: 'ticket.update' },
    schema: { tags, summary: 'Link to another ticket (dispatcher, supervisor, admin); audited on both', params: IdParams, body: CreateLinkBody, response: { 201: TicketLinkDto, ...problems } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const result = await addTicketLink(ctx, actor, req.params.id, req.body, metaOf(req));
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 201, (link) => linkView(ctx, actor, req.params.id, link.id, req.locale));
  });

  r.delete('/api/v1/tickets/:id/links/:linkId', {
    config: { access: 'ticket.update' },
    schema: { tags, summary: 'Remove a link (not the one recording a merge); audited on both tickets', params: LinkParams, response: { 204: z.null(), ...problems } },
  }, async (req, reply) => {
    const result = await removeTicketLink(ctx, actorOf(req), req.params.id, req.params.linkId, metaOf(req));
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 204, () => null);
  });

  r.post('/api/v1/tickets/:id/merge', {
    config: { access: 'ticket.transition' },
    schema: {
      tags, summary: 'Merge this duplicate into its original: comments and attachments move, the duplicate becomes 已合并, both audited in one transaction',
      params: IdParams, body: MergeBody, response: { 200: MergeResultDto, ...problems },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const result = await mergeTicket(ctx, actor, req.params.id, req.body, metaOf(req));
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 200, async (m) => ({
      duplicate: await presentOne(ctx, actor, m.duplicate, req.locale),
      original: await presentOne(ctx, actor, m.original, req.locale),
      moved: m.moved,
    }));
  });
}
