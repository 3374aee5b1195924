import type { Kysely } from 'kysely';

/**
 * The board's other column sorts at 1,000,000 tickets (ADR 022): one `(status, column, id)` index per
 * sort column, so each status (the board's open statuses are read one at a time, ADR 018) reads a
 * page in index order from the cursor and stops, where `order by updated_at` / the priority rank /
 * the appointment key sorted every visible ticket. Priority and appointment are sorted through
 * plain columns (one slice per priority, with / without an appointment), so no expression index
 * and no derived column is needed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('tickets_status_updated').on('tickets').columns(['status', 'updated_at', 'id']).execute();
  await db.schema.createIndex('tickets_status_priority').on('tickets').columns(['status', 'priority', 'id']).execute();
  await db.schema.createIndex('tickets_status_appointment').on('tickets').columns(['status', 'appointment_start', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tickets_status_appointment').ifExists().execute();
  await db.schema.dropIndex('tickets_status_priority').ifExists().execute();
  await db.schema.dropIndex('tickets_status_updated').ifExists().execute();
}
