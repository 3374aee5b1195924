import assert from 'node:assert/strict';
import type { HttpClient } from './http-client.ts';

export interface Received { at: number; event: string; data: Record<string, unknown> }

/** An open /api/v1/events stream read with fetch; collects `event:` blocks as they arrive. */
export class SseStream {
  readonly events: Received[] = [];
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];
  private done: Promise<void> = Promise.resolve();

  static async open(client: HttpClient): Promise<SseStream> {
    const s = new SseStream();
    const res = await fetch(`${client.base}/api/v1/events`, {
      headers: { cookie: client.cookie ?? '', accept: 'text/event-stream' }, signal: s.abort.signal,
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.ok(res.body);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    // Wait for the server's first write so the subscription is surely registered.
    let buffer = '';
    const first = await reader.read();
    buffer += decoder.decode(first.value ?? new Uint8Array(), { stream: true });
    assert.match(buffer, /: connected/);
    s.done = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) {
              s.events.push({ at: Date.now(), event, data: JSON.parse(data) as Record<string, unknown> });
              for (const w of s.waiters.splice(0)) w();
            }
          }
        }
      } catch {
        // aborted
      }
    })();
    return s;
  }

  async waitFor(pred: (r: Received) => boolean, timeoutMs: number): Promise<Received | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.events.find(pred);
      if (hit) return hit;
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}

