import type { FastifyInstance } from 'fastify';
import { can, canSeeTicket } from '@gongdan/domain/access/permissions';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../http/request-meta.ts';
import { resolvePrincipal } from '../auth/resolve-actor.ts';
import { SESSION_COOKIE } from '../http/access.ts';
import type { LiveEvent } from './event-bus.ts';

const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events: live ticket changes, filtered per subscriber by the same visibility rule
 * as reads, so nobody learns of a ticket they could not open.
 */
export function registerEventRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/events', {
    config: { access: 'event.subscribe' },
    schema: { tags: ['events'], summary: 'Live ticket changes (event: ticket) and my notifications (event: notification) as text/event-stream' },
  }, async (req, reply) => {
    const actor = actorOf(req);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 3000\n: connected\n\n`);
    const seesInternal = can(actor, 'ticket.read_internal');
    const send = (e: LiveEvent) => {
      // A personal event (a notification) goes to its recipient alone, whatever else they may see.
      if (e.recipientId) {
        if (e.recipientId === actor.id) res.write(`event: notification\ndata: ${JSON.stringify(e.payload)}\n\n`);
        return;
      }
      if (!e.customerId || !canSeeTicket(actor, { assigneeId: e.assigneeId, teamId: e.teamId, customerId: e.customerId })) return;
      // Customers must not even learn that an internal note or file was added.
      if (!seesInternal && (e.payload as { visibility?: string }).visibility === 'internal') return;
      res.write(`event: ticket\ndata: ${JSON.stringify({ topic: e.topic, ...(e.payload as object) })}\n\n`);
    };
    const unsubscribe = ctx.events.subscribe(send);
    // Every heartbeat re-checks the caller: a signed-out or deactivated user's stream ends.
    const cookie = req.cookies?.[SESSION_COOKIE];
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const heartbeat = setInterval(() => {
      void resolvePrincipal(ctx, cookie, bearer).then((p) => {
        if (p && p.actor.id === actor.id) res.write(`: ping\n\n`);
        else res.end();
      }).catch(() => res.end());
    }, HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    req.raw.on('close', close);
    res.on('error', close);
  });
}
