/**
 * Reading a robot's answer. All three platforms answer HTTP 200 for most failures and put the
 * verdict in the body (`errcode` for WeCom/DingTalk, `code` for Feishu), so the status alone
 * says nothing: a 200 with errcode 45009 is a throttled, undelivered message.
 */
import type { RobotKind } from './robot-message.ts';

export type RobotVerdict =
  | { kind: 'delivered' }
  | {
    kind: 'failed';
    /** 'errcode:45009', 'code:9499', 'http:502', 'network', 'bad_body'. */
    code: string;
    message: string;
    /** The platform throttled us: wait at least this long before the next attempt. */
    throttledForMs: number | null;
  };

const MINUTE = 60_000;

/** Codes meaning "too many messages", with how long the platform keeps refusing. */
const THROTTLE_MS: Record<RobotKind, Readonly<Record<number, number>>> = {
  wecom: { 45009: MINUTE },
  // Going over 20/min throttles a DingTalk robot for 10 minutes.
  dingtalk: { 130101: 10 * MINUTE, 90030: 10 * MINUTE },
  feishu: { 11232: MINUTE, 9499: 0 },
};

function throttle(kind: RobotKind, code: number): number | null {
  const ms = THROTTLE_MS[kind][code];
  return ms === undefined || ms === 0 ? null : ms;
}

/** `status` null means the request never got an answer (network error, timeout). */
export function interpretRobotResponse(kind: RobotKind, status: number | null, body: string, networkError?: string): RobotVerdict {
  if (status === null) return { kind: 'failed', code: 'network', message: networkError ?? 'no response', throttledForMs: null };
  if (status < 200 || status >= 300) {
    return { kind: 'failed', code: `http:${status}`, message: body.slice(0, 300), throttledForMs: status === 429 ? MINUTE : null };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'failed', code: 'bad_body', message: body.slice(0, 300), throttledForMs: null };
  }
  const o = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (kind === 'feishu') {
    // Older Feishu answers carry StatusCode next to (or instead of) code.
    const code = typeof o.code === 'number' ? o.code : typeof o.StatusCode === 'number' ? o.StatusCode : null;
    if (code === 0) return { kind: 'delivered' };
    if (code === null) return { kind: 'failed', code: 'bad_body', message: body.slice(0, 300), throttledForMs: null };
    return { kind: 'failed', code: `code:${code}`, message: String(o.msg ?? o.StatusMessage ?? ''), throttledForMs: throttle(kind, code) };
  }
  const code = typeof o.errcode === 'number' ? o.errcode : null;
  if (code === 0) return { kind: 'delivered' };
  if (code === null) return { kind: 'failed', code: 'bad_body', message: body.slice(0, 300), throttledForMs: null };
  return { kind: 'failed', code: `errcode:${code}`, message: String(o.errmsg ?? ''), throttledForMs: throttle(kind, code) };
}
