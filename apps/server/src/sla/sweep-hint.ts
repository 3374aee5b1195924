import type { AppContext } from '../app-context.ts';

/**
 * When the sweep last looked and what was due first, per database. With nothing due the sweep
 * skips its probe until that first deadline or HINT_MAX_MS, whichever comes first, so an idle
 * scheduler probes every few seconds instead of every second. Deadlines planned in this process
 * lower the hint at once; a deadline planned on another node that falls due sooner than the
 * hint (only a policy/calendar recompute does that) waits at most HINT_MAX_MS.
 */
export const HINT_MAX_MS = 5_000;

interface Hint { nextDueMs: number; checkedAtMs: number }
const hints = new WeakMap<object, Hint>();

export function sweepMaySkip(ctx: AppContext, nowMs: number): boolean {
  const h = hints.get(ctx.database);
  return !!h && nowMs >= h.checkedAtMs && nowMs - h.checkedAtMs < HINT_MAX_MS && nowMs < h.nextDueMs;
}

export function rememberNextDue(ctx: AppContext, nowMs: number, nextDueMs: number | null): void {
  if (nextDueMs === null || nextDueMs > nowMs) hints.set(ctx.database, { nextDueMs: nextDueMs ?? Number.POSITIVE_INFINITY, checkedAtMs: nowMs });
  else hints.delete(ctx.database);
}

/** A deadline was planned in this process: the sweep must not sleep past it. */
export function noteDeadlinePlanned(ctx: AppContext, dueMs: number): void {
  const h = hints.get(ctx.database);
  if (h && dueMs < h.nextDueMs) h.nextDueMs = dueMs;
}
