import type pg from 'pg';
import type { AppContext } from '../app-context.ts';
import type { OutboxHandler } from '../jobs/outbox-worker.ts';
import type { LiveEvent } from './event-bus.ts';

// One channel per schema: several installations (or test schemas) sharing a Postgres database
// must never hear each other's tickets.
const channels = new WeakMap<pg.Pool, string>();
export async function liveChannel(ctx: AppContext): Promise<string> {
  const pool = ctx.database.pool;
  if (!pool) return 'gongdan_live_public';
  let name = channels.get(pool);
  if (!name) {
    const r = await pool.query<{ s: string }>('select current_schema() as s');
    name = `gongdan_live_${(r.rows[0]?.s ?? 'public').replace(/[^a-z0-9_]/gi, '_')}`.slice(0, 63);
    channels.set(pool, name);
  }
  return name;
}

function toLiveEvent(topic: string, payload: Record<string, unknown>): LiveEvent {
  const s = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string) : null);
  return { topic, ticketId: s('ticketId'), assigneeId: s('assigneeId'), teamId: s('teamId'), customerId: s('customerId'), recipientId: s('recipientId'), payload };
}

/**
 * Ticket events reach SSE subscribers after commit. On SQLite there is one process, so the
 * event goes straight to the local bus; on Postgres it is NOTIFYed and every node (this one
 * included) republishes what it hears, so subscribers on any node see changes from all nodes.
 */
export function liveEventsHandler(ctx: AppContext): OutboxHandler {
  return async (m) => {
    const event = toLiveEvent(m.topic, m.payload as Record<string, unknown>);
    if (ctx.database.dialect === 'postgres' && ctx.database.pool) {
      await ctx.database.pool.query('select pg_notify($1, $2)', [await liveChannel(ctx), JSON.stringify(event)]);
    } else {
      ctx.events.publish(event);
    }
  };
}

/**
 * Subscribes this node to its schema's channel; returns a stop function. A dropped LISTEN
 * connection is re-established (with a pause), so live updates do not silently stop.
 */
export async function listenForLiveEvents(ctx: AppContext): Promise<() => Promise<void>> {
  const pool = ctx.database.pool;
  if (!pool) return async () => {};
  const name = await liveChannel(ctx);
  let client: pg.PoolClient | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const c = await pool.connect();
    c.on('notification', (n) => {
      if (n.channel !== name || !n.payload) return;
      try {
        ctx.events.publish(JSON.parse(n.payload) as LiveEvent);
      } catch (e) {
        ctx.log.warn({ err: e }, 'bad live event notification');
      }
    });
    c.on('error', (e) => {
      ctx.log.warn({ err: e }, 'live events connection lost; reconnecting');
      c.release(true);
      client = null;
      if (!stopped) retry = setTimeout(() => void connect().catch((err) => ctx.log.error({ err }, 'live events reconnect failed')), 1_000);
    });
    await c.query(`listen "${name}"`);
    client = c;
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    if (client) {
      await client.query(`unlisten "${name}"`).catch(() => {});
      client.release();
    }
  };
}
