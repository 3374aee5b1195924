import type { Kysely } from 'kysely';

/**
 * The list's SLA keys on `ticket_sla` (ADR 017): `due_at` = when the first running clock breaches,
 * `warn_at` = when the first one enters its warning share, both '9999-12-31T23:59:59.999Z' while no
 * clock runs (so the index-ordered sort needs no NULL ordering; null = not filled yet). They let
 * the board filter "in warning or breached" (`warn_at <= now`) and sort by the next SLA due time
 * with an index instead of parsing a million JSON states. Existing rows get the far instant here and
 * their real keys from an `sla.recompute` job over the clocks still live (enqueued here; the worker
 * runs it after start-up).
 */
const FAR = '9999-12-31T23:59:59.999Z';

export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.alterTable('ticket_sla').addColumn('due_at', 'text').execute();
  await s.alterTable('ticket_sla').addColumn('warn_at', 'text').execute();
  // "No running clock" until the job below has measured the live ones (closed tickets stay so).
  // Filled before the indexes exist: one sorted index build instead of a million index moves.
  await db.updateTable('ticket_sla').set({ due_at: FAR, warn_at: FAR }).execute();
  await s.createIndex('ticket_sla_due').on('ticket_sla').columns(['due_at', 'ticket_id']).execute();
  await s.createIndex('ticket_sla_warn').on('ticket_sla').column('warn_at').execute();
  const at = new Date().toISOString();
  await db.insertInto('outbox').values({
    id: 'sla:recompute:list-keys', topic: 'sla.recompute', aggregate_id: null, payload: JSON.stringify({ all: true, version: 0 }),
    created_at: at, available_at: at, attempts: 0, status: 'pending', locked_until: null, last_error: null, done_at: null,
  }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ticket_sla_warn').ifExists().execute();
  await db.schema.dropIndex('ticket_sla_due').ifExists().execute();
  await db.schema.alterTable('ticket_sla').dropColumn('warn_at').execute();
  await db.schema.alterTable('ticket_sla').dropColumn('due_at').execute();
}
