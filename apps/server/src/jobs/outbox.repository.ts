import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';
import type { DialectName } from '../storage/database.ts';
import { newId } from '../shared/ids.ts';
import { insertRows } from '../storage/insert-row.ts';
import { committedReadTransaction } from '../storage/group-commit.ts';

export interface OutboxEventInput {
  /** A deterministic id makes the enqueue idempotent (a retried fan-out adds nothing twice). */
  id?: string;
  topic: string;
  aggregateId: string | null;
  payload: unknown;
  /** Deliver no earlier than this (ISO); defaults to now. */
  availableAt?: string;
}

export interface OutboxMessage {
  id: string;
  topic: string;
  aggregateId: string | null;
  payload: unknown;
  attempts: number;
  createdAt: string;
}

/** Written in the same transaction as the change it announces; delivered after commit. */
export async function enqueueOutbox(db: Kysely<DB>, now: Date, events: OutboxEventInput[]): Promise<void> {
  if (events.length === 0) return;
  const at = now.toISOString();
  await insertRows(db, 'outbox', events.map((e) => ({
    id: e.id ?? newId(now.getTime()),
    topic: e.topic,
    aggregate_id: e.aggregateId,
    payload: JSON.stringify(e.payload),
    created_at: at,
    available_at: e.availableAt ?? at,
    attempts: 0,
    status: 'pending',
    locked_until: null,
    last_error: null,
    done_at: null,
  })), { ignoreDuplicates: true });
}

/**
 * Claims due messages for this worker for `leaseMs`. On Postgres, FOR UPDATE SKIP LOCKED lets
 * several nodes claim disjoint batches; on SQLite one process owns the database.
 */
export async function claimOutbox(
  db: Kysely<DB>, dialect: DialectName, now: Date, leaseMs: number, limit: number,
): Promise<OutboxMessage[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  // Committed reads only: on SQLite a claim never joins an open group-commit batch (ADR 019).
  return committedReadTransaction(db).execute(async (trx) => {
    let q = trx
      .selectFrom('outbox')
      .select(['id', 'topic', 'aggregate_id', 'payload', 'attempts', 'created_at'])
      .where('status', '=', 'pending')
      .where('available_at', '<=', at)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
      .orderBy('available_at')
      .orderBy('id')
      .limit(limit);
    if (dialect === 'postgres') q = q.forUpdate().skipLocked();
    const rows = await q.execute();
    if (rows.length === 0) return [];
    await trx.updateTable('outbox').set({ locked_until: until }).where('id', 'in', rows.map((r) => r.id)).execute();
    return rows.map((r) => ({
      id: r.id, topic: r.topic, aggregateId: r.aggregate_id, payload: JSON.parse(r.payload) as unknown, attempts: r.attempts, createdAt: r.created_at,
    }));
  });
}

/** Marks delivered messages done, a whole batch in one statement. */
export async function completeOutbox(db: Kysely<DB>, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('outbox').set({ status: 'done', done_at: now.toISOString(), locked_until: null }).where('id', 'in', ids).execute();
}

export async function retryOutbox(db: Kysely<DB>, id: string, attempts: number, error: string, retryAt: Date | null): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      attempts,
      last_error: error.slice(0, 2000),
      locked_until: null,
      ...(retryAt ? { available_at: retryAt.toISOString() } : { status: 'dead' }),
    })
    .where('id', '=', id)
    .execute();
}

/** Delivered messages are kept a while for inspection, then removed. */
export async function purgeOutbox(db: Kysely<DB>, olderThan: Date): Promise<number> {
  const res = await db.deleteFrom('outbox').where('status', '=', 'done').where('done_at', '<', olderThan.toISOString()).executeTakeFirst();
  return Number(res.numDeletedRows);
}

