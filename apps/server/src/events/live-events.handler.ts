import type pg from 'pg';
import type { AppContext } from '../app-context.ts';
import type { OutboxHandler } from '../jobs/outbox-worker.ts';
import type { LiveEvent } from './event-bus.ts';

const CHANNEL = 'gongdan_live';

function toLiveEvent(topic: string, payload: Record<string, unknown>): LiveEvent {
  const s = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string) : null);
  return { topic, ticketId: s('ticketId'), assigneeId: s('assigneeId'), teamId: s('teamId'), customerId: s('customerId'), payload };
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
      await ctx.database.pool.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
    } else {
      ctx.events.publish(event);
    }
  };
}

/** Subscribes this node to the Postgres channel; returns a stop function. */
export async function listenForLiveEvents(ctx: AppContext): Promise<() => Promise<void>> {
  const pool = ctx.database.pool;
  if (!pool) return async () => {};
  const client: pg.PoolClient = await pool.connect();
  client.on('notification', (n) => {
    if (n.channel !== CHANNEL || !n.payload) return;
    try {
      ctx.events.publish(JSON.parse(n.payload) as LiveEvent);
    } catch (e) {
      ctx.log.warn({ err: e }, 'bad live event notification');
    }
  });
  await client.query(`listen ${CHANNEL}`);
  return async () => {
    await client.query(`unlisten ${CHANNEL}`).catch(() => {});
    client.release();
  };
}
