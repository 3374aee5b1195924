import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { checkLinkTemplate, DEFAULT_LINK_TEMPLATE } from '@gongdan/domain/confirmation/link-message-template';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import { enqueueOutbox } from '../jobs/outbox.repository.ts';
import { fieldIssue, type AppError, type FieldIssue } from '../shared/app-error.ts';
import { newToken } from '../shared/ids.ts';
import { outboundUrlIssue } from '../shared/outbound-http.ts';
import { readSetting, writeSetting } from '../storage/settings.repository.ts';
import type { DB } from '../storage/tables.ts';

/**
 * The optional outbound channel that sends the confirmation link to the customer's phone: a
 * signed POST of an admin-written JSON body to an SMS gateway / WeCom bridge / any provider.
 */
export const LINK_CHANNEL_KEY = 'confirmation.link_channel';
export const LINK_SEND_TOPIC = 'confirmation.link_send';

export interface LinkChannel {
  enabled: boolean;
  url: string;
  /** Signs every request (X-Gongdan-Signature, as webhooks); shown to admins so the receiver can verify. */
  secret: string;
  template: string;
}

export const NO_CHANNEL: LinkChannel = { enabled: false, url: '', secret: '', template: DEFAULT_LINK_TEMPLATE };

export function readLinkChannel(db: Kysely<DB>): Promise<LinkChannel> {
  return readSetting<LinkChannel>(db, LINK_CHANNEL_KEY, NO_CHANNEL);
}

export async function getLinkChannel(ctx: AppContext, actor: Actor): Promise<Result<LinkChannel, AppError>> {
  if (!can(actor, 'config.read')) return err({ kind: 'forbidden' });
  return ok(await readLinkChannel(ctx.database.db));
}

const TEMPLATE_HINTS: Record<string, string> = {
  not_json: '请求体须是合法的 JSON',
  not_object: '请求体须是 JSON 对象',
  unknown_placeholder: '只能使用 {{phone}} {{url}} {{ticketNumber}} {{ticketTitle}} {{customerName}} {{contactName}} {{expiresAt}}',
  no_url: '模板必须包含 {{url}}（确认链接）',
  no_phone: '模板必须包含 {{phone}}（客户手机号）',
};

/** Admin: set the channel. URL and template are checked before anything is saved. */
export async function setLinkChannel(
  ctx: AppContext, actor: Actor, input: { enabled: boolean; url: string; template?: string | undefined; rotateSecret?: boolean | undefined },
): Promise<Result<LinkChannel, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  const current = await readLinkChannel(ctx.database.db);
  const template = input.template ?? current.template;
  const issues: FieldIssue[] = [];
  if (input.enabled && !/^https?:\/\//.test(input.url)) issues.push(fieldIssue('url', '启用时须填写 http(s) 地址', 'an http(s) URL is required when enabled', undefined, 'https://sms.example.com/api/send'));
  const urlIssue = input.url ? outboundUrlIssue(ctx.config.outbound, 'url', input.url) : null;
  if (urlIssue) issues.push(urlIssue);
  const check = checkLinkTemplate(template);
  if (!check.ok) {
    issues.push(fieldIssue('template', `模板无效：${check.detail}`, `invalid template: ${check.detail}`, { zh: TEMPLATE_HINTS[check.problem] ?? '', en: check.problem }, DEFAULT_LINK_TEMPLATE));
  }
  if (issues.length) return err({ kind: 'validation', errors: issues });
  const secret = !current.secret || input.rotateSecret ? `lcsec_${newToken()}` : current.secret;
  const next: LinkChannel = { enabled: input.enabled, url: input.url, secret, template };
  await writeSetting(ctx.database.db, LINK_CHANNEL_KEY, next);
  return ok(next);
}

/** In the transaction that created a confirmation link: queue its sending when a channel is on and the ticket has a phone. */
export async function queueLinkSend(trx: Kysely<DB>, requestId: string, contactPhone: string | null, now: Date): Promise<void> {
  if (!contactPhone) return;
  const channel = await readLinkChannel(trx);
  if (!channel.enabled) return;
  await enqueueOutbox(trx, now, [{ id: `cls:${requestId}`, topic: LINK_SEND_TOPIC, aggregateId: requestId, payload: { requestId } }]);
}
