import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { CreateTicketBody, TicketDto, TicketListQuery, TicketPage, TransitionBody, UpdateTicketBody } from '@gongdan/contracts/tickets';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, metaOf } from '../http/request-meta.ts';
import { createTicket } from './create-ticket.ts';
import { getTicket, presentOne } from './get-ticket.ts';
import { listTickets } from './list-tickets.ts';
import { transitionTicket } from './transition-ticket.ts';
import { updateTicket } from './update-ticket.ts';
import { mergeOnlyRequest } from './merge-ticket.ts';
import { problemFromAppError } from '../http/problem.ts';
import { raiseFieldConflict } from '../field/field-conflict.ts';

const tags = ['tickets'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

export function registerTicketRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/tickets', {
    config: { access: 'ticket.create' },
    schema: { tags, summary: 'Open a ticket (optionally dispatched to an assignee at once)', body: CreateTicketBody, response: { 201: TicketDto, ...problems } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const result = await createTicket(ctx, actor, req.body, metaOf(req));
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 201, (t) => presentOne(ctx, actor, t, req.locale));
  });

  r.get('/api/v1/tickets', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'List tickets the caller may see, filtered, sorted, cursor-paginated', querystring: TicketListQuery, response: { 200: TicketPage, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await listTickets(ctx, actorOf(req), req.query, req.locale), 200, (p) => p));

  r.get('/api/v1/tickets/:id', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'One ticket with the caller’s allowed transitions and actions', params: IdParams, response: { 200: TicketDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getTicket(ctx, actorOf(req), req.params.id, req.locale), 200, (t) => t));

  r.patch('/api/v1/tickets/:id', {
    config: { access: 'ticket.update' },
    schema: { tags, summary: 'Edit ticket fields (audited before → after); send the version you edited', params: IdParams, body: UpdateTicketBody, response: { 200: TicketDto, ...problems } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const result = await updateTicket(ctx, actor, req.params.id, req.body, metaOf(req));
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 200, (t) => presentOne(ctx, actor, t, req.locale));
  });

  r.post('/api/v1/tickets/:id/transitions', {
    config: { access: 'ticket.transition' },
    schema: {
      tags, summary: 'Move the ticket along its workflow ({to, reason, fields})', params: IdParams, body: TransitionBody,
      response: { 200: TicketDto, ...problems },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const mergeOnly = await mergeOnlyRequest(ctx, req.body);
    if (mergeOnly) throw problemFromAppError(mergeOnly, req.locale);
    const result = await raiseFieldConflict(ctx, actor, req.params.id, await transitionTicket(ctx, actor, req.params.id, req.body, metaOf(req)), req.locale);
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 200, (t) => presentOne(ctx, actor, t, req.locale));
  });
}
