import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { RobotKind } from '@gongdan/domain/notify/robot-message';
import { recordAdminChange, type ActorOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import { presentChatRobot } from './chat-robot.presenter.ts';
import { fieldIssue, type AppError, type FieldIssue } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { outboundUrlIssue } from '../shared/outbound-http.ts';
import type { ChatRobotsTable } from '../storage/tables-notify.ts';
import { findTeamByIdOrName } from '../users/users.repository.ts';
import { insertChatRobot } from './chat-robot.repository.ts';

export interface ChatRobotInput {
  name: string;
  kind: RobotKind;
  webhookUrl: string;
  secret?: string | null | undefined;
  teamId?: string | null | undefined;
  policyId?: string | null | undefined;
  enabled: boolean;
}

/** WeCom robots are not signed (the URL key is the secret); a team scope must name a real team. */
export async function checkRobotFields(ctx: AppContext, kind: RobotKind, webhookUrl: string, secret: string | null, teamId: string | null): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const urlIssue = outboundUrlIssue(ctx.config.outbound, 'webhookUrl', webhookUrl);
  if (urlIssue) issues.push(urlIssue);
  if (kind === 'wecom' && secret) issues.push(fieldIssue('secret', '企业微信群机器人无需签名密钥（密钥即 URL 中的 key）', 'WeCom group robots are not signed; the URL key is the secret'));
  if (kind === 'dingtalk' && secret && !secret.startsWith('SEC')) {
    issues.push(fieldIssue('secret', '钉钉加签密钥以 SEC 开头', 'DingTalk signing secrets start with SEC', undefined, 'SECxxxxxxxx'));
  }
  if (teamId) {
    const team = await findTeamByIdOrName(ctx.database.db, teamId);
    if (!team || team.id !== teamId) issues.push(fieldIssue('teamId', '团队不存在', 'no such team'));
  }
  return issues;
}

export async function createChatRobot(ctx: AppContext, origin: ActorOrigin, input: ChatRobotInput): Promise<Result<ChatRobotsTable, AppError>> {
  const secret = input.secret ?? null;
  const teamId = input.teamId ?? null;
  const issues = await checkRobotFields(ctx, input.kind, input.webhookUrl, secret, teamId);
  if (issues.length) return err({ kind: 'validation', errors: issues });
  const now = ctx.clock.now();
  const row: ChatRobotsTable = {
    id: newId(now.getTime()), name: input.name, kind: input.kind, webhook_url: input.webhookUrl, secret, team_id: teamId,
    policy_id: input.policyId ?? null, enabled: input.enabled ? 1 : 0, created_by: origin.actor.id, created_at: now.toISOString(), updated_at: now.toISOString(),
  };
  await ctx.database.db.transaction().execute(async (trx) => {
    await insertChatRobot(trx, row);
    // presentChatRobot masks the webhook URL, whose key is the robot's credential.
    await recordAdminChange(trx, ctx, origin, { entity: 'chat_robot', entityId: row.id, action: 'create', before: null, after: presentChatRobot(row) });
  });
  return ok(row);
}
