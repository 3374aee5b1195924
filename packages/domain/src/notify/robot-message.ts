/**
 * Builds the HTTP request a chat robot expects, per platform (protocols.md §3). Pure: the
 * caller passes the time and the HMAC port; the result is the URL and the exact body to POST.
 */
import type { Hmac } from '../shared/crypto.ts';
import { truncateUtf8 } from './encoding.ts';
import { dingtalkSignedQuery, feishuSignature } from './robot-signing.ts';

export const ROBOT_KINDS = ['wecom', 'dingtalk', 'feishu'] as const;
export type RobotKind = (typeof ROBOT_KINDS)[number];

/** Byte limits of the platforms; we shorten rather than have the message refused. */
export const WECOM_TEXT_MAX_BYTES = 2048;
export const WECOM_MARKDOWN_MAX_BYTES = 4096;
export const FEISHU_BODY_MAX_BYTES = 20 * 1024;
// DingTalk documents no hard limit for custom robots; 20 000 bytes keeps well inside what works.
export const DINGTALK_TEXT_MAX_BYTES = 20_000;

/** A person to @mention; each platform uses the identifier it understands. */
export interface RobotMention {
  name: string;
  mobile: string | null;
  wecomUserId: string | null;
  dingtalkUserId: string | null;
  feishuUserId: string | null;
}

export interface RobotMessage {
  title: string;
  text: string;
  mentions: readonly RobotMention[];
}

export interface RobotEndpoint {
  kind: RobotKind;
  webhookUrl: string;
  /** DingTalk "SEC…" signing secret or Feishu signing secret; null when signing is off. */
  secret: string | null;
}

export interface RobotRequest {
  url: string;
  body: string;
}

const unique = (xs: (string | null)[]): string[] => [...new Set(xs.filter((x): x is string => !!x && x.trim() !== '').map((x) => x.trim()))];

function withQuery(url: string, query: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

function wecom(m: RobotMessage): unknown {
  const mobiles = unique(m.mentions.map((p) => p.mobile));
  const userIds = unique(m.mentions.map((p) => p.wecomUserId));
  // mentioned_mobile_list only exists on text messages, so a message that pings someone is text.
  if (mobiles.length > 0 || userIds.length > 0) {
    const content = truncateUtf8(`${m.title}\n${m.text}`, WECOM_TEXT_MAX_BYTES);
    return { msgtype: 'text', text: { content, ...(userIds.length ? { mentioned_list: userIds } : {}), ...(mobiles.length ? { mentioned_mobile_list: mobiles } : {}) } };
  }
  return { msgtype: 'markdown', markdown: { content: truncateUtf8(`**${m.title}**\n${m.text}`, WECOM_MARKDOWN_MAX_BYTES) } };
}

function dingtalk(m: RobotMessage): unknown {
  const mobiles = unique(m.mentions.map((p) => p.mobile));
  const userIds = unique(m.mentions.map((p) => p.dingtalkUserId));
  const at = { atMobiles: mobiles, atUserIds: userIds, isAtAll: false };
  // DingTalk only highlights a mention whose @number / @userId also appears in the content.
  const tags = [...mobiles, ...userIds].map((x) => `@${x}`).join(' ');
  if (tags) {
    const text = truncateUtf8(`${m.title}\n${m.text}`, DINGTALK_TEXT_MAX_BYTES - tags.length - 1);
    return { msgtype: 'text', text: { content: `${text}\n${tags}` }, at };
  }
  return { msgtype: 'markdown', markdown: { title: m.title, text: truncateUtf8(`#### ${m.title}\n\n${m.text}`, DINGTALK_TEXT_MAX_BYTES) }, at };
}

const safeName = (name: string): string => name.replace(/[<>"]/g, '');

function feishuText(m: RobotMessage): string {
  const tags = m.mentions.map((p) => (p.feishuUserId ? `<at user_id="${safeName(p.feishuUserId)}">${safeName(p.name)}</at>` : `@${p.name}`)).join(' ');
  // Leave room for the envelope (timestamp, sign, keys) inside the 20 KB body limit.
  const text = truncateUtf8(`${m.title}\n${m.text}`, FEISHU_BODY_MAX_BYTES - 512 - tags.length * 3);
  return tags ? `${text}\n${tags}` : text;
}

/** The request for one message to one robot at `nowMs` (signatures depend on the time). */
export function buildRobotRequest(endpoint: RobotEndpoint, message: RobotMessage, nowMs: number, hmac: Hmac): RobotRequest {
  switch (endpoint.kind) {
    case 'wecom':
      return { url: endpoint.webhookUrl, body: JSON.stringify(wecom(message)) };
    case 'dingtalk': {
      const url = endpoint.secret ? withQuery(endpoint.webhookUrl, dingtalkSignedQuery(endpoint.secret, Math.floor(nowMs), hmac)) : endpoint.webhookUrl;
      return { url, body: JSON.stringify(dingtalk(message)) };
    }
    case 'feishu': {
      const seconds = Math.floor(nowMs / 1000);
      const signed = endpoint.secret ? { timestamp: String(seconds), sign: feishuSignature(endpoint.secret, seconds, hmac) } : {};
      return { url: endpoint.webhookUrl, body: JSON.stringify({ ...signed, msg_type: 'text', content: { text: feishuText(message) } }) };
    }
  }
}
