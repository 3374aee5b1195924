/**
 * Fixed-window counter per key, in memory. Good enough for sign-in throttling on one node; on
 * several nodes each enforces its own window (the per-account lockout in the database is global).
 */
export class RateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();
  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** Counts one hit; returns false when the key is over its limit for the current window. */
  take(key: string, nowMs: number): boolean {
    const h = this.hits.get(key);
    if (!h || nowMs - h.windowStart >= this.windowMs) {
      if (this.hits.size > 50_000) this.hits.clear();
      this.hits.set(key, { windowStart: nowMs, count: 1 });
      return true;
    }
    h.count += 1;
    return h.count <= this.limit;
  }
}
