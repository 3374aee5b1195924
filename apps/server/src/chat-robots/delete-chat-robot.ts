import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { deleteChatRobotRow } from './chat-robot.repository.ts';

/** Removes a connection. Queued messages for it are dropped by the sender (robot gone). */
export async function deleteChatRobot(ctx: AppContext, id: string): Promise<Result<void, AppError>> {
  const n = await deleteChatRobotRow(ctx.database.db, id);
  return n === 0 ? err({ kind: 'not_found', entity: 'chat_robot' }) : ok(undefined);
}
