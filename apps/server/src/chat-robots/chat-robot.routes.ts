import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import {
  ChatRobotDeliveryDto, ChatRobotDto, CreateChatRobotBody, TestMessageAccepted, TestMessageBody, UpdateChatRobotBody,
} from '@gongdan/contracts/chat-robots';
import type { AppContext } from '../app-context.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, originOf } from '../http/request-meta.ts';
import { presentChatRobot, presentRobotDelivery } from './chat-robot.presenter.ts';
import { createChatRobot } from './create-chat-robot.ts';
import { deleteChatRobot } from './delete-chat-robot.ts';
import { getChatRobot, listChatRobotDeliveries, listChatRobots } from './list-chat-robots.ts';
import { sendTestMessage } from './send-test-message.ts';
import { updateChatRobot } from './update-chat-robot.ts';

const tags = ['chat-robots'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };
const access = 'config.manage' as const;

/** Admin: WeCom / DingTalk / Feishu robot connections. Secrets are write-only. */
export function registerChatRobotRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/chat-robots', {
    config: { access },
    schema: { tags, summary: 'Connect a chat robot (team-, policy- or globally scoped); the secret is never shown again', body: CreateChatRobotBody, response: { 201: ChatRobotDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await createChatRobot(ctx, originOf(req), req.body), 201, presentChatRobot));

  r.get('/api/v1/chat-robots', {
    config: { access },
    schema: { tags, summary: 'List chat robots (URLs masked, no secrets)', response: { 200: z.object({ items: z.array(ChatRobotDto) }), ...problems } },
  }, async () => ({ items: (await listChatRobots(ctx)).map(presentChatRobot) }));

  r.get('/api/v1/chat-robots/:id', {
    config: { access },
    schema: { tags, summary: 'One chat robot', params: IdParams, response: { 200: ChatRobotDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getChatRobot(ctx, req.params.id), 200, presentChatRobot));

  r.patch('/api/v1/chat-robots/:id', {
    config: { access },
    schema: { tags, summary: 'Change a chat robot; secret: null removes it, a string replaces it', params: IdParams, body: UpdateChatRobotBody, response: { 200: ChatRobotDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await updateChatRobot(ctx, originOf(req), req.params.id, req.body), 200, presentChatRobot));

  r.delete('/api/v1/chat-robots/:id', {
    config: { access },
    schema: { tags, summary: 'Remove a chat robot', params: IdParams, response: { 204: z.null(), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await deleteChatRobot(ctx, originOf(req), req.params.id), 204, () => null));

  r.post('/api/v1/chat-robots/:id/test', {
    config: { access },
    schema: { tags, summary: 'Queue a test message; its result appears in the delivery log', params: IdParams, body: TestMessageBody, response: { 202: TestMessageAccepted, ...problems } },
  }, async (req, reply) => {
    const result = await sendTestMessage(ctx, actorOf(req), req.params.id, req.body.text);
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 202, (v) => v);
  });

  r.get('/api/v1/chat-robots/:id/deliveries', {
    config: { access },
    schema: {
      tags, summary: 'Delivery log of a robot, newest first (one row per attempt, with the platform’s error code)', params: IdParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ items: z.array(ChatRobotDeliveryDto) }), ...problems },
    },
  }, async (req, reply) => sendResult(req, reply, await listChatRobotDeliveries(ctx, req.params.id, req.query.limit), 200, (rows) => ({ items: rows.map(presentRobotDelivery) })));
}
