import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Actor } from '@gongdan/domain/access/roles';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { findChatRobot } from './chat-robot.repository.ts';
import { enqueueRobotMessage } from './enqueue-robot-message.ts';

/**
 * Queues a test message to one robot. It goes through the outbox like every robot message, so
 * it honours the robot's rate limit and shows up in the delivery log with the platform's verdict.
 */
export async function sendTestMessage(ctx: AppContext, actor: Actor, robotId: string, text: string): Promise<Result<{ messageId: string; robotId: string }, AppError>> {
  const db = ctx.database.db;
  const robot = await findChatRobot(db, robotId);
  if (!robot) return err({ kind: 'not_found', entity: 'chat_robot' });
  const now = ctx.clock.now();
  const messageId = `test:${newId(now.getTime())}`;
  await enqueueRobotMessage(db, now, {
    robotId, messageId, hop: 0, attempt: 0, title: `【测试】${robot.name}`, text: `${text}\n（由 ${actor.name} 发送）`, mentions: [],
  });
  return ok({ messageId, robotId });
}
