import type { AppContext } from '../app-context.ts';
import { createAuditCheckpoint } from '../audit/create-checkpoint.ts';
import { deleteExpiredSessions } from '../auth/auth.repository.ts';
import { purgeIdempotencyKeys } from '../http/idempotency.ts';
import { purgeOutbox } from './outbox.repository.ts';
import { sweepSlaDeadlines } from '../sla/sla-sweep.job.ts';
import { autoCloseUnanswered } from '../confirmations/auto-close.job.ts';

interface Task {
  name: string;
  everyMs: number;
  run: (ctx: AppContext) => Promise<unknown>;
}

export const SCHEDULED_TASKS: Task[] = [
  // SLA levels fire within ~1 s of due; with nothing due a sweep is one indexed probe.
  { name: 'sla-sweep', everyMs: 1_000, run: sweepSlaDeadlines },
  { name: 'confirmation-auto-close', everyMs: 60_000, run: autoCloseUnanswered },
  { name: 'audit-checkpoint', everyMs: 5 * 60_000, run: createAuditCheckpoint },
  { name: 'purge-idempotency-keys', everyMs: 60 * 60_000, run: purgeIdempotencyKeys },
  { name: 'purge-sessions', everyMs: 60 * 60_000, run: (ctx) => deleteExpiredSessions(ctx.database.db, ctx.clock.now().toISOString()) },
  { name: 'purge-outbox', everyMs: 60 * 60_000, run: (ctx) => purgeOutbox(ctx.database.db, new Date(ctx.clock.now().getTime() - 7 * 86_400_000)) },
];

/**
 * The scheduler role: periodic housekeeping, each task on its own timer, never overlapping
 * itself. Tasks are safe to run on several nodes at once (unique keys make a duplicate
 * checkpoint fail harmlessly), so no leader election is needed for them.
 */
export class Scheduler {
  private timers: NodeJS.Timeout[] = [];
  private busy = new Set<string>();
  private inflight = new Set<Promise<unknown>>();

  constructor(private readonly ctx: AppContext, private readonly tasks: Task[] = SCHEDULED_TASKS) {}

  start(): void {
    for (const task of this.tasks) {
      this.timers.push(setInterval(() => this.fire(task), task.everyMs));
      // First run soon after start, so a restarted node catches up at once.
      this.timers.push(setTimeout(() => this.fire(task), 2_000));
    }
  }

  private fire(task: Task): void {
    if (this.busy.has(task.name)) return;
    this.busy.add(task.name);
    const p = task.run(this.ctx)
      .catch((e: unknown) => this.ctx.log.warn({ err: e, task: task.name }, 'scheduled task failed'))
      .finally(() => {
        this.busy.delete(task.name);
        this.inflight.delete(p);
      });
    this.inflight.add(p);
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    await Promise.all([...this.inflight]);
  }
}
