import { buildRobotRequest, type RobotKind } from '@gongdan/domain/notify/robot-message';
import { interpretRobotResponse, type RobotVerdict } from '@gongdan/domain/notify/robot-response';
import { decideRobotSend, rateHistoryMs, ROBOT_RATE_LIMITS } from '@gongdan/domain/notify/robot-rate-limit';
import { nextRetryDelayMs, shouldGiveUp } from '@gongdan/domain/webhooks/webhook-retry-policy';
import type { AppContext } from '../app-context.ts';
import type { OutboxHandler } from '../jobs/outbox-worker.ts';
import { hmac, sha256 } from '../shared/crypto.ts';
import { newId } from '../shared/ids.ts';
import {
  findChatRobot, finishRobotDelivery, insertRobotDelivery, messageDelivered, outboxRowExists, robotSendTimes,
} from './chat-robot.repository.ts';
import type { ChatRobotsTable } from '../storage/tables-notify.ts';
import { enqueueRobotMessage, robotSendOutboxId, type RobotSendPayload } from './enqueue-robot-message.ts';
import { postOutbound } from '../shared/outbound-http.ts';

const TIMEOUT_MS = 10_000;

type Slot = { kind: 'send'; deliveryId: string; robot: ChatRobotsTable } | { kind: 'wait'; untilMs: number } | { kind: 'gone' };

/** Reserves a send slot in the robot's ledger, or says when the next one opens. */
async function reserveSlot(ctx: AppContext, p: RobotSendPayload, outboxId: string, now: Date): Promise<Slot> {
  const { db, dialect } = ctx.database;
  return db.transaction().execute(async (trx): Promise<Slot> => {
    // Locking the robot row serialises the ledger across worker nodes on Postgres.
    const robot = await findChatRobot(trx, p.robotId, { forUpdate: dialect });
    const isTest = p.messageId.startsWith('test:');
    if (!robot || (robot.enabled !== 1 && !isTest)) return { kind: 'gone' };
    const kind = robot.kind as RobotKind;
    const sent = await robotSendTimes(trx, robot.id, new Date(now.getTime() - rateHistoryMs(kind)));
    const decision = decideRobotSend(ROBOT_RATE_LIMITS[kind], sent, now.getTime());
    if (decision.kind === 'wait') return decision;
    const deliveryId = newId(now.getTime());
    await insertRobotDelivery(trx, {
      id: deliveryId, robot_id: robot.id, message_id: p.messageId, outbox_id: outboxId, attempt: p.attempt + 1, status: 'sending',
      http_status: null, error_code: null, error: null, duration_ms: null, sent_at: now.toISOString(),
    });
    return { kind: 'send', deliveryId, robot };
  });
}

/** Jitter from the message id: retries stay spread out yet reproducible. */
const jitterOf = (messageId: string): number => parseInt(sha256(messageId).slice(0, 8), 16) / 0xffffffff;

/**
 * Sends one queued robot message. Over the robot's rate limit the message is handed to a later
 * outbox row (available when a slot frees), never dropped. A failure, which robots report in the
 * BODY (errcode / code) even on HTTP 200, is logged and retried on the webhook retry policy's
 * schedule, or after the platform's throttle period when that is longer.
 */
export function robotSendHandler(ctx: AppContext): OutboxHandler {
  return async (m) => {
    const db = ctx.database.db;
    const p = m.payload as RobotSendPayload;
    const next = (changes: Partial<RobotSendPayload>): RobotSendPayload => ({ ...p, ...changes, hop: p.hop + 1 });
    // A redelivered hop that already handed over, or a message already delivered, does nothing.
    if (await outboxRowExists(db, robotSendOutboxId(p.messageId, p.hop + 1))) return;
    if (await messageDelivered(db, p.messageId)) return;

    const now = ctx.clock.now();
    const slot = await reserveSlot(ctx, p, m.id, now);
    if (slot.kind === 'gone') {
      ctx.log.info({ robotId: p.robotId, messageId: p.messageId }, 'chat robot removed or disabled; message dropped');
      return;
    }
    if (slot.kind === 'wait') {
      await enqueueRobotMessage(db, now, next({}), new Date(slot.untilMs));
      return;
    }
    const robot = slot.robot;
    const kind = robot.kind as RobotKind;
    const request = buildRobotRequest({ kind, webhookUrl: robot.webhook_url, secret: robot.secret }, { title: p.title, text: p.text, mentions: p.mentions }, now.getTime(), hmac);
    const started = Date.now();
    let verdict: RobotVerdict;
    let status: number | null = null;
    try {
      const res = await postOutbound(ctx.config.outbound, request.url, request.body, {
        'content-type': 'application/json; charset=utf-8', 'user-agent': 'Gongdan-Robots/1',
      }, TIMEOUT_MS);
      status = res.status;
      verdict = interpretRobotResponse(kind, status, res.body);
    } catch (e) {
      verdict = interpretRobotResponse(kind, null, '', e instanceof Error ? e.message : String(e));
    }
    await finishRobotDelivery(db, slot.deliveryId, {
      status: verdict.kind === 'delivered' ? 'sent' : 'failed', http_status: status, duration_ms: Date.now() - started,
      error_code: verdict.kind === 'failed' ? verdict.code : null, error: verdict.kind === 'failed' ? verdict.message.slice(0, 1000) : null,
    });
    if (verdict.kind === 'delivered') return;
    const attempts = p.attempt + 1;
    if (shouldGiveUp(attempts)) {
      ctx.log.warn({ robotId: robot.id, messageId: p.messageId, code: verdict.code }, 'chat robot message gave up');
      return;
    }
    const delay = Math.max(nextRetryDelayMs(attempts, jitterOf(p.messageId)), verdict.throttledForMs ?? 0);
    ctx.log.warn({ robotId: robot.id, messageId: p.messageId, code: verdict.code, attempts, delay }, 'chat robot message failed; will retry');
    await enqueueRobotMessage(db, now, next({ attempt: attempts }), new Date(now.getTime() + delay));
  };
}
