import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { CardActionBody, CardEventDto, CardListQuery, CardUseBody, KnowledgeCardDto, KnowledgeCardList, UpdateCardBody } from '@gongdan/contracts/knowledge';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf } from '../http/request-meta.ts';
import { actOnCard } from './act-on-card.ts';
import { presentCards } from './card.presenter.ts';
import { createCardFromTicket } from './create-card-from-ticket.ts';
import { getCard, getCardEvents, listCards } from './read-cards.ts';
import { recordCardUseFromTicket } from './record-card-use.ts';
import { updateCard } from './update-card.ts';

const tags = ['knowledge'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

export function registerKnowledgeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const present = (req: { locale: 'zh-CN' | 'en-US' }, actor: ReturnType<typeof actorOf>) =>
    async (row: Parameters<typeof presentCards>[1][number]) => (await presentCards(ctx.database.db, [row], actor, req.locale))[0];

  r.post('/api/v1/tickets/:id/knowledge-cards', {
    config: { access: 'knowledge.write' },
    schema: {
      tags, summary: '本方案可复用: a draft knowledge card prefilled from a resolved ticket (the existing one if the ticket already has a live card)',
      params: IdParams, response: { 200: KnowledgeCardDto, 201: KnowledgeCardDto, ...problems },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const result = await createCardFromTicket(ctx, actor, req.params.id);
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, result.ok && !result.value.created ? 200 : 201, (v) => present(req, actor)(v.card));
  });

  r.get('/api/v1/knowledge-cards', {
    config: { access: 'knowledge.read' },
    schema: { tags, summary: 'Knowledge cards: published (default), search with q, the review queue (status=in_review), mine=1', querystring: CardListQuery, response: { 200: KnowledgeCardList, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await listCards(ctx, actorOf(req), req.query, req.locale), 200, (items) => ({ items })));

  r.get('/api/v1/knowledge-cards/:id', {
    config: { access: 'knowledge.read' },
    schema: { tags, summary: 'One knowledge card with the caller’s allowed actions', params: IdParams, response: { 200: KnowledgeCardDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getCard(ctx, actorOf(req), req.params.id, req.locale), 200, (x) => x));

  r.put('/api/v1/knowledge-cards/:id', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: 'Edit a card (author while draft or changes requested; supervisors); audited', params: IdParams, body: UpdateCardBody, response: { 200: KnowledgeCardDto, ...problems } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const result = await updateCard(ctx, actor, req.params.id, req.body);
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 200, present(req, actor));
  });

  r.post('/api/v1/knowledge-cards/:id/actions', {
    config: { access: 'knowledge.write' },
    schema: {
      tags, summary: 'Review step: submit (author), approve / request_changes / reject (supervisor; the last two need a reason)',
      params: IdParams, body: CardActionBody, response: { 200: KnowledgeCardDto, ...problems },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const result = await actOnCard(ctx, actor, req.params.id, req.body);
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 200, present(req, actor));
  });

  r.get('/api/v1/knowledge-cards/:id/events', {
    config: { access: 'knowledge.read' },
    schema: { tags, summary: 'The card’s audit trail (before → after, reasons)', params: IdParams, response: { 200: z.object({ items: z.array(CardEventDto) }), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getCardEvents(ctx, actorOf(req), req.params.id), 200, (items) => ({ items })));

  r.post('/api/v1/knowledge-cards/:id/uses', {
    config: { access: 'knowledge.read', idempotent: false },
    schema: {
      tags, summary: 'Count a use of a published card from a ticket: view or "this helped" (once per person, ticket and kind)',
      params: IdParams, body: CardUseBody,
      response: { 200: z.object({ counted: z.boolean(), viewCount: z.number().int(), helpedCount: z.number().int() }), ...problems },
    },
  }, async (req, reply) => sendResult(req, reply, await recordCardUseFromTicket(ctx, actorOf(req), req.params.id, req.body), 200, (x) => x));
}
