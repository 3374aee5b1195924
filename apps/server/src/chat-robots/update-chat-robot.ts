import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { RobotKind } from '@gongdan/domain/notify/robot-message';
import { recordAdminChange, type ChangeOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import { presentChatRobot } from './chat-robot.presenter.ts';
import type { AppError } from '../shared/app-error.ts';
import type { ChatRobotsTable } from '../storage/tables-notify.ts';
import { findChatRobot, updateChatRobotRow } from './chat-robot.repository.ts';
import { checkRobotFields } from './create-chat-robot.ts';

export interface ChatRobotPatch {
  name?: string | undefined;
  webhookUrl?: string | undefined;
  secret?: string | null | undefined;
  teamId?: string | null | undefined;
  policyId?: string | null | undefined;
  enabled?: boolean | undefined;
}

/** Omitted fields keep their value; `secret: null` removes the secret, a string replaces it. */
export async function updateChatRobot(ctx: AppContext, origin: ChangeOrigin, id: string, patch: ChatRobotPatch): Promise<Result<ChatRobotsTable, AppError>> {
  const db = ctx.database.db;
  const row = await findChatRobot(db, id);
  if (!row) return err({ kind: 'not_found', entity: 'chat_robot' });
  const next: ChatRobotsTable = {
    ...row,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.webhookUrl !== undefined ? { webhook_url: patch.webhookUrl } : {}),
    ...(patch.secret !== undefined ? { secret: patch.secret } : {}),
    ...(patch.teamId !== undefined ? { team_id: patch.teamId } : {}),
    ...(patch.policyId !== undefined ? { policy_id: patch.policyId } : {}),
    ...(patch.enabled !== undefined ? { enabled: patch.enabled ? 1 : 0 } : {}),
    updated_at: ctx.clock.now().toISOString(),
  };
  const issues = await checkRobotFields(ctx, next.kind as RobotKind, next.webhook_url, next.secret, patch.teamId !== undefined ? next.team_id : null);
  if (issues.length) return err({ kind: 'validation', errors: issues });
  const { id: _id, created_at: _c, created_by: _b, kind: _k, ...set } = next;
  await db.transaction().execute(async (trx) => {
    await updateChatRobotRow(trx, id, set);
    await recordAdminChange(trx, ctx, origin, { entity: 'chat_robot', entityId: id, action: 'update', before: presentChatRobot(row), after: presentChatRobot(next) });
  });
  return ok(next);
}
