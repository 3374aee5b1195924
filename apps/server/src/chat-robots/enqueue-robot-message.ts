import type { RobotMention } from '@gongdan/domain/notify/robot-message';
import type { Kysely } from 'kysely';
import { enqueueOutbox } from '../jobs/outbox.repository.ts';
import type { DB } from '../storage/tables.ts';

export const ROBOT_SEND_TOPIC = 'robot.send';

/**
 * One message to one robot. `hop` counts hand-overs (rate-limit waits and retries each enqueue
 * the next hop); `attempt` counts requests actually made. The secret is not in the payload: the
 * sender reads the robot row at send time and signs with the current time.
 */
export interface RobotSendPayload {
  robotId: string;
  messageId: string;
  hop: number;
  attempt: number;
  title: string;
  text: string;
  mentions: RobotMention[];
}

/** Outbox id of a hop: deterministic, so handing over twice (after a crash) enqueues once. */
export const robotSendOutboxId = (messageId: string, hop: number): string => `robot.send:${messageId}:${hop}`;

export async function enqueueRobotMessage(db: Kysely<DB>, now: Date, p: RobotSendPayload, availableAt?: Date): Promise<string> {
  const id = robotSendOutboxId(p.messageId, p.hop);
  await enqueueOutbox(db, now, [{ id, topic: ROBOT_SEND_TOPIC, aggregateId: p.robotId, payload: p, ...(availableAt ? { availableAt: availableAt.toISOString() } : {}) }]);
  return id;
}
