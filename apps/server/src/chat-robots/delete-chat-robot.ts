import { err, ok, type Result } from '@gongdan/domain/shared/result';
import { recordAdminChange, type ChangeOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import { presentChatRobot } from './chat-robot.presenter.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { deleteChatRobotRow, findChatRobot } from './chat-robot.repository.ts';

/** Removes a connection. Queued messages for it are dropped by the sender (robot gone). */
export async function deleteChatRobot(ctx: AppContext, origin: ChangeOrigin, id: string): Promise<Result<void, AppError>> {
  return inTransaction(ctx.database.db, async (trx): Promise<Result<void, AppError>> => {
    const row = await findChatRobot(trx, id, { forUpdate: ctx.database.dialect });
    if (!row || (await deleteChatRobotRow(trx, id)) === 0) return err({ kind: 'not_found', entity: 'chat_robot' });
    await recordAdminChange(trx, ctx, origin, { entity: 'chat_robot', entityId: id, action: 'delete', before: presentChatRobot(row), after: null });
    return ok(undefined);
  });
}
