import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import type { ChatRobotDeliveriesTable, ChatRobotsTable } from '../storage/tables-notify.ts';
import { findChatRobot, listChatRobotRows, listRobotDeliveries } from './chat-robot.repository.ts';

export async function listChatRobots(ctx: AppContext): Promise<ChatRobotsTable[]> {
  return listChatRobotRows(ctx.database.db);
}

export async function getChatRobot(ctx: AppContext, id: string): Promise<Result<ChatRobotsTable, AppError>> {
  const row = await findChatRobot(ctx.database.db, id);
  return row ? ok(row) : err({ kind: 'not_found', entity: 'chat_robot' });
}

/** The robot's delivery log, newest first: one row per attempt, rate-limit waits are not attempts. */
export async function listChatRobotDeliveries(ctx: AppContext, id: string, limit: number): Promise<Result<ChatRobotDeliveriesTable[], AppError>> {
  const row = await findChatRobot(ctx.database.db, id);
  if (!row) return err({ kind: 'not_found', entity: 'chat_robot' });
  return ok(await listRobotDeliveries(ctx.database.db, id, limit));
}
