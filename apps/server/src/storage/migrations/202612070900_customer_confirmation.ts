import type { Kysely } from 'kysely';

/**
 * Customer confirmation (issue 7): confirmation links (token stored hashed, plus an encrypted
 * copy so staff can show the QR again), the signed confirmations themselves, per ticket type /
 * customer confirmation policies with their change history, and callback (回访) batches.
 * Portable DDL only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.createTable('confirmation_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // AES-256-GCM of the raw token under a key derived from GONGDAN_SECRET (never in the DB).
    .addColumn('token_enc', 'text', (c) => c.notNull())
    // pending | used | revoked (expired is derived from expires_at)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await s.createIndex('confirmation_requests_ticket').on('confirmation_requests').columns(['ticket_id', 'created_at']).execute();
  await s.createIndex('confirmation_requests_pending').on('confirmation_requests').columns(['status', 'created_at']).execute();

  await s.createTable('confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    // customer_link | on_device
    .addColumn('method', 'text', (c) => c.notNull())
    // confirmed | rejected
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'text')
    .addColumn('signature_sha256', 'text')
    .addColumn('stroke_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('satisfaction', 'integer')
    .addColumn('comment', 'text')
    .addColumn('reason', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('gps', 'text')
    .addColumn('device_id', 'text')
    .addColumn('witness_id', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('snapshot_sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('confirmations_ticket').on('confirmations').columns(['ticket_id', 'created_at']).execute();
  await s.createIndex('confirmations_request').on('confirmations').column('request_id').unique().execute();

  await s.createTable('confirmation_policies')
    // ticket_type | customer
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    // customer (QR/e-signature) | supervisor_review
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('auto_close_days', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('confirmation_policies_pk', ['scope_kind', 'scope_id'])
    .execute();

  await s.createTable('confirmation_policy_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await s.createTable('callback_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // sha256 of the sorted ticket ids: pressing the button twice finds this batch again.
    .addColumn('natural_key', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .execute();

  await s.createTable('callback_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('todo_id', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    // null until recorded: confirmed | not_resolved | unreachable
    .addColumn('outcome', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('callback_items_batch_ticket').on('callback_items').columns(['batch_id', 'ticket_id']).unique().execute();
  await s.createIndex('callback_items_ticket').on('callback_items').column('ticket_id').execute();
  // The suspicious-close detector reads status changes by time.
  await s.createIndex('audit_records_action_at').on('audit_records').columns(['action', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_records_action_at').execute();
  for (const t of ['callback_items', 'callback_batches', 'confirmation_policy_changes', 'confirmation_policies', 'confirmations', 'confirmation_requests']) {
    await db.schema.dropTable(t).execute();
  }
}
