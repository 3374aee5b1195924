import type { ChatRobotDeliveriesTable, ChatRobotsTable } from '../storage/tables-notify.ts';
import type { RobotKind } from '@gongdan/domain/notify/robot-message';

/**
 * The webhook URL without its secret part: WeCom's `key`, DingTalk's `access_token` and the
 * Feishu hook id are credentials, so only their last 4 characters are shown.
 */
export function maskWebhookUrl(raw: string): string {
  const mask = (v: string) => `****${v.slice(-4)}`;
  try {
    const u = new URL(raw);
    for (const [k, v] of [...u.searchParams]) u.searchParams.set(k, mask(v));
    const parts = u.pathname.split('/');
    const last = parts.length - 1;
    // Feishu: /open-apis/bot/v2/hook/<uuid>; the last segment is the credential.
    if (/\/hook\/[^/]+$/.test(u.pathname)) parts[last] = mask(parts[last] ?? '');
    u.pathname = parts.join('/');
    return decodeURI(u.toString());
  } catch {
    return mask(raw);
  }
}

export function presentChatRobot(r: ChatRobotsTable) {
  return {
    id: r.id, name: r.name, kind: r.kind as RobotKind, webhookUrl: maskWebhookUrl(r.webhook_url), hasSecret: r.secret !== null,
    teamId: r.team_id, policyId: r.policy_id, enabled: r.enabled === 1, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function presentRobotDelivery(d: ChatRobotDeliveriesTable) {
  return {
    id: d.id, messageId: d.message_id, attempt: d.attempt, status: d.status as 'sending' | 'sent' | 'failed', httpStatus: d.http_status,
    errorCode: d.error_code, error: d.error, durationMs: d.duration_ms, sentAt: d.sent_at,
  };
}
