import type { AppContext } from '../app-context.ts';
import type { SlaDeadlinesTable } from '../storage/tables-sla.ts';
import { fireDeadline, type EscalationPeopleCache, type FireOutcome } from './fire-sla-level.ts';
import { rememberNextDue, sweepMaySkip } from './sweep-hint.ts';
import { claimDeadline, earliestDeadline, claimDueDeadlines, lockFreeTickets, postponeDeadline } from './ticket-sla.repository.ts';

const BATCH = 50;
const RETRY_MS = 60_000;

export interface SweepResult {
  fired: number;
  stale: number;
  duplicate: number;
  failed: number;
}

/**
 * The deadline sweep (scheduler role): fires every due (ticket, target, cycle, level) exactly
 * once. With nothing due it costs one indexed probe, and none at all until the earliest pending
 * deadline or a few seconds have passed (sweep-hint.ts). Due rows are claimed in batches with
 * FOR UPDATE SKIP LOCKED on Postgres, their tickets locked with SKIP LOCKED too (a ticket a
 * person is changing right now waits for the next sweep), and each batch commits as a whole:
 * the level's event row, its outbox row and the deleted deadline appear together or not at all.
 * A crash before commit leaves the deadline in place, so it fires after restart; the unique
 * fire_key refuses a second firing whatever happens.
 */
export async function sweepSlaDeadlines(ctx: AppContext, opts: { batch?: number; maxBatches?: number } = {}): Promise<SweepResult> {
  const total: SweepResult = { fired: 0, stale: 0, duplicate: 0, failed: 0 };
  const db = ctx.database.db;
  const batch = opts.batch ?? BATCH;
  const probeMs = ctx.clock.now().getTime();
  if (sweepMaySkip(ctx, probeMs)) return total;
  const next = await earliestDeadline(db);
  rememberNextDue(ctx, probeMs, next === null ? null : Date.parse(next));
  if (next === null || Date.parse(next) > probeMs) return total;
  for (let i = 0; i < (opts.maxBatches ?? 1_000); i++) {
    const now = ctx.clock.now();
    let claimed: SlaDeadlinesTable[] = [];
    let skipped = 0;
    const firedBefore = total.fired;
    try {
      await db.transaction().execute(async (trx) => {
        claimed = await claimDueDeadlines(trx, ctx.database.dialect, now.toISOString(), batch);
        const free = await lockFreeTickets(trx, ctx.database.dialect, [...new Set(claimed.map((d) => d.ticket_id))]);
        const counts: Record<FireOutcome, number> = { fired: 0, stale: 0, duplicate: 0, conflict: 0 };
        const people: EscalationPeopleCache = new Map();
        for (const d of claimed) {
          if (!free.has(d.ticket_id) && ctx.database.dialect === 'postgres') {
            skipped++;
            continue;
          }
          counts[await fireDeadline(trx, ctx, d, now, people)]++;
        }
        if (counts.conflict > 0) throw new Error('ticket changed under the sweep');
        total.fired += counts.fired;
        total.stale += counts.stale;
        total.duplicate += counts.duplicate;
      });
    } catch (e) {
      // One bad deadline must not block the rest: fire the batch one by one, postponing failures.
      ctx.log.warn({ err: e }, 'sla sweep batch failed; retrying one by one');
      for (const d of claimed) await fireAlone(ctx, d, total);
    }
    // A fired level plans the ticket's following one (fire-sla-level.ts); when that is due already,
    // the next batch claims it, so keep going while batches fire.
    if (claimed.length - skipped < batch && total.fired === firedBefore) break;
  }
  if (total.fired > 0) ctx.nudgeOutbox();
  return total;
}

async function fireAlone(ctx: AppContext, d: SlaDeadlinesTable, total: SweepResult): Promise<void> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  try {
    await db.transaction().execute(async (trx) => {
      const again = await claimDeadline(trx, ctx.database.dialect, d);
      if (!again || again.due_at > now.toISOString()) return;
      const free = await lockFreeTickets(trx, ctx.database.dialect, [d.ticket_id]);
      if (!free.has(d.ticket_id)) return;
      const outcome = await fireDeadline(trx, ctx, again, now);
      if (outcome === 'conflict') throw new Error('ticket changed under the sweep');
      total[outcome === 'fired' ? 'fired' : outcome === 'stale' ? 'stale' : 'duplicate']++;
    });
  } catch (e) {
    total.failed++;
    ctx.log.error({ err: e, deadline: d }, 'sla level failed to fire; postponed');
    await postponeDeadline(db, d, new Date(now.getTime() + RETRY_MS).toISOString()).catch(() => {});
  }
}
