import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { AppContext } from './app-context.ts';
import type { Config } from './config/config.ts';
import { EventBus } from './events/event-bus.ts';
import { listenForLiveEvents, liveEventsHandler } from './events/live-events.handler.ts';
import { buildApp } from './http/app.ts';
import { OutboxWorker } from './jobs/outbox-worker.ts';
import { Scheduler } from './jobs/scheduler.ts';
import { type Clock, systemClock } from './shared/clock.ts';
import { macWithKey } from './shared/crypto.ts';
import { assertReachable, type Database, openDatabase } from './storage/database.ts';
import { migrateToLatest } from './storage/migrator.ts';
import { startCheckpointer } from './storage/checkpointer.ts';
import { webhookDeliveryHandler, webhookFanOutHandler } from './webhooks/webhook.handlers.ts';
import { robotSendHandler } from './chat-robots/robot-send.handler.ts';
import { notifyDeliverHandler } from './notifications/notify-deliver.handler.ts';
import { slaLevelFiredHandler } from './notifications/sla-level-fired.handler.ts';
import { slaRecomputeHandler } from './sla/recompute-sla.job.ts';
import { similarIndexHandler } from './similar/similar-index.handler.ts';
import { LINK_SEND_TOPIC } from './confirmations/link-channel.ts';
import { linkSendHandler } from './confirmations/link-send.handler.ts';

export const ROLES = ['api', 'worker', 'scheduler'] as const;
export type ServerRole = (typeof ROLES)[number];

export function createLogger(level: string): Logger {
  // Logs go to stderr: stdout belongs to command results (CLI) and stays machine-readable.
  return pino({ level, base: undefined, redact: ['req.headers.cookie', 'req.headers.authorization', '*.password'] }, pino.destination(2));
}

/** Opens the database (migrating it) and builds the context use cases run in. */
export async function createContext(config: Readonly<Config>, opts: { clock?: Clock; log?: Logger; database?: Database } = {}): Promise<AppContext> {
  const log = opts.log ?? createLogger(config.logLevel);
  const database = opts.database ?? openDatabase(config.database.kind === 'sqlite' ? config.database : { kind: 'postgres', url: config.database.url });
  try {
    await assertReachable(database);
  } catch (e) {
    await database.close().catch(() => {});
    throw new Error(`cannot reach the database (${config.database.kind}): ${e instanceof Error ? e.message : String(e)}`);
  }
  await migrateToLatest(database.db);
  const ctx: AppContext = {
    config, database, clock: opts.clock ?? systemClock, auditMac: macWithKey(config.auditKey), events: new EventBus(),
    nudgeOutbox: () => {}, log,
  };
  return ctx;
}

export function createOutboxWorker(ctx: AppContext): OutboxWorker {
  return new OutboxWorker(ctx, [
    { prefix: 'ticket.', handle: liveEventsHandler(ctx) },
    { prefix: 'ticket.', handle: webhookFanOutHandler(ctx) },
    { prefix: 'webhook.deliver', handle: webhookDeliveryHandler(ctx) },
    { prefix: 'sla.level_fired', handle: slaLevelFiredHandler(ctx) },
    { prefix: 'sla.recompute', handle: slaRecomputeHandler(ctx) },
    { prefix: 'notify.deliver', handle: notifyDeliverHandler(ctx) },
    { prefix: 'notification.created', handle: liveEventsHandler(ctx) },
    { prefix: 'robot.send', handle: robotSendHandler(ctx) },
    { prefix: 'ticket.', handle: similarIndexHandler() },
    { prefix: 'knowledge.', handle: similarIndexHandler() },
    { prefix: LINK_SEND_TOPIC, handle: linkSendHandler(ctx) },
  ]);
}

export interface Runtime {
  ctx: AppContext;
  app: FastifyInstance | null;
  url: string | null;
  stop(): Promise<void>;
}

/** Starts the chosen roles in this process; stop() finishes in-flight work and closes the DB. */
export async function startRuntime(ctx: AppContext, roles: readonly ServerRole[]): Promise<Runtime> {
  const worker = roles.includes('worker') ? createOutboxWorker(ctx) : null;
  if (worker) {
    ctx.nudgeOutbox = () => worker.nudge();
    worker.start();
  }
  const scheduler = roles.includes('scheduler') ? new Scheduler(ctx) : null;
  scheduler?.start();
  const checkpointer = startCheckpointer(ctx.database, ctx.log);
  let app: FastifyInstance | null = null;
  let url: string | null = null;
  let unlisten: (() => Promise<void>) | null = null;
  if (roles.includes('api')) {
    unlisten = await listenForLiveEvents(ctx);
    app = await buildApp(ctx);
    url = await app.listen({ host: ctx.config.host, port: ctx.config.port });
  }
  return {
    ctx, app, url,
    async stop() {
      await app?.close();
      await unlisten?.();
      await worker?.stop();
      await scheduler?.stop();
      await checkpointer?.stop();
      await ctx.database.close();
    },
  };
}
