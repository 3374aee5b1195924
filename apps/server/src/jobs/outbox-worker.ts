import type { AppContext } from '../app-context.ts';
import { nextRetryDelayMs, shouldGiveUp } from '@gongdan/domain/webhooks/webhook-retry-policy';
import { claimOutbox, completeOutbox, retryOutbox, type OutboxMessage } from './outbox.repository.ts';

/** A consumer of outbox topics. Throwing means "retry later with backoff". */
export type OutboxHandler = (message: OutboxMessage, ctx: AppContext) => Promise<void>;

const POLL_MS = 500;
const LEASE_MS = 60_000;
const BATCH = 50;

/**
 * Delivers committed side effects: each message goes to every handler subscribed to its topic
 * (prefix match, e.g. 'ticket.'). Claims are leased, so a crashed worker's messages return after
 * the lease and nothing is lost; handlers must therefore be idempotent.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private again = false;
  private stopped = false;
  private idle: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: AppContext, private readonly handlers: { prefix: string; handle: OutboxHandler }[]) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Run soon (after a commit in this process). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.idle;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    let release!: () => void;
    this.idle = new Promise((r) => (release = r));
    let claimed = 0;
    try {
      claimed = await this.runOnce();
    } catch (e) {
      this.ctx.log.error({ err: e }, 'outbox tick failed');
    } finally {
      this.running = false;
      release();
    }
    const more = claimed === BATCH || this.again;
    this.again = false;
    this.schedule(more ? 0 : POLL_MS);
  }

  /** Claims and processes one batch; returns how many were claimed. Exposed for tests and CLI. */
  async runOnce(): Promise<number> {
    const { ctx } = this;
    // The claim is a committed-read transaction: on SQLite it never joins a group commit that is still
    // open, so no side effect of a change is delivered before that change is durable (ADR 019).
    const messages = await claimOutbox(ctx.database.db, ctx.database.dialect, ctx.clock.now(), LEASE_MS, BATCH);
    const done: string[] = [];
    for (const m of messages) {
      try {
        for (const h of this.handlers) if (m.topic.startsWith(h.prefix)) await h.handle(m, ctx);
        done.push(m.id);
      } catch (e) {
        const attempts = m.attempts + 1;
        const retryAt = shouldGiveUp(attempts) ? null : new Date(ctx.clock.now().getTime() + nextRetryDelayMs(attempts, Math.random()));
        ctx.log.warn({ err: e, topic: m.topic, id: m.id, attempts }, retryAt ? 'outbox delivery failed; will retry' : 'outbox delivery gave up');
        await retryOutbox(ctx.database.db, m.id, attempts, e instanceof Error ? e.message : String(e), retryAt);
      }
    }
    // Leased, so a crash before this line only means redelivery (handlers are idempotent).
    await completeOutbox(ctx.database.db, done, ctx.clock.now());
    return messages.length;
  }
}
