/**
 * Per-robot send limits (protocols.md §3). A message over the limit is never dropped: the
 * decision says when the next slot opens, and the caller queues the message until then.
 */
import type { RobotKind } from './robot-message.ts';

export interface RateWindow {
  windowMs: number;
  max: number;
}

export const ROBOT_RATE_LIMITS: Readonly<Record<RobotKind, readonly RateWindow[]>> = {
  wecom: [{ windowMs: 60_000, max: 20 }],
  // Over 20/min a DingTalk robot is throttled for 10 minutes, so staying under matters.
  dingtalk: [{ windowMs: 60_000, max: 20 }],
  feishu: [{ windowMs: 60_000, max: 100 }, { windowMs: 1_000, max: 5 }],
};

/** The longest window of a kind: how far back the caller must load its send times. */
export const rateHistoryMs = (kind: RobotKind): number => Math.max(...ROBOT_RATE_LIMITS[kind].map((w) => w.windowMs));

export type RateDecision = { kind: 'send' } | { kind: 'wait'; untilMs: number };

/**
 * Sliding windows: a send at `t` counts against a window while now - windowMs < t <= now, so
 * it stops counting at exactly t + windowMs. `sentAtMs` are earlier sends of this robot (any
 * order; sends older than the windows are ignored).
 */
export function decideRobotSend(limits: readonly RateWindow[], sentAtMs: readonly number[], nowMs: number): RateDecision {
  let until = nowMs;
  for (const w of limits) {
    const inWindow = sentAtMs.filter((t) => t > nowMs - w.windowMs && t <= nowMs).sort((a, b) => a - b);
    if (inWindow.length < w.max) continue;
    // The slot frees when enough of the oldest sends leave the window for one more to fit.
    const freeing = inWindow[inWindow.length - w.max]!;
    until = Math.max(until, freeing + w.windowMs);
  }
  return until > nowMs ? { kind: 'wait', untilMs: until } : { kind: 'send' };
}
