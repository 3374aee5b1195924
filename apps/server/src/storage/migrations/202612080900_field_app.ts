import type { Kysely } from 'kysely';

/**
 * Field app (ADR 011): spare-parts catalogue, warehouses (central, regional, engineer vans) with
 * stock levels and a movement ledger, per-ticket parts needed and reservations, GPS check-ins
 * (both WGS-84 and GCJ-02 kept), and the SOP library with its images. Portable DDL only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.createTable('spare_parts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('part_no', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    // JSON arrays; spare_part_models is the queryable copy of `models`.
    .addColumn('models', 'text', (c) => c.notNull())
    .addColumn('substitute_ids', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createTable('spare_part_models')
    .addColumn('part_id', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('spare_part_models_pk', ['part_id', 'model'])
    .execute();
  await s.createIndex('spare_part_models_model').on('spare_part_models').columns(['model']).execute();

  await s.createTable('warehouses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('region', 'text')
    .addColumn('address', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('warehouses_owner').on('warehouses').columns(['owner_id', 'kind']).execute();

  await s.createTable('stock_levels')
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('part_id', 'text', (c) => c.notNull())
    .addColumn('on_hand', 'integer', (c) => c.notNull())
    .addColumn('reserved', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_levels_pk', ['warehouse_id', 'part_id'])
    .execute();
  await s.createIndex('stock_levels_part').on('stock_levels').columns(['part_id']).execute();

  // Every stock change, with why and for which ticket: the stock's own audit trail.
  await s.createTable('stock_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('part_id', 'text', (c) => c.notNull())
    .addColumn('delta_on_hand', 'integer', (c) => c.notNull())
    .addColumn('delta_reserved', 'integer', (c) => c.notNull())
    // set | reserve | release | consume
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('reservation_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('stock_movements_warehouse').on('stock_movements').columns(['warehouse_id', 'part_id', 'at']).execute();
  await s.createIndex('stock_movements_ticket').on('stock_movements').columns(['ticket_id']).execute();

  await s.createTable('ticket_parts_needed')
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('part_id', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_parts_needed_pk', ['ticket_id', 'part_id'])
    .execute();

  await s.createTable('part_reservations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('part_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('consumed_qty', 'integer', (c) => c.notNull())
    // held | consumed | released
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('part_reservations_ticket').on('part_reservations').columns(['ticket_id', 'status']).execute();

  await s.createTable('check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('wgs84_lat', 'double precision', (c) => c.notNull())
    .addColumn('wgs84_lng', 'double precision', (c) => c.notNull())
    .addColumn('gcj02_lat', 'double precision', (c) => c.notNull())
    .addColumn('gcj02_lng', 'double precision', (c) => c.notNull())
    .addColumn('given', 'text', (c) => c.notNull())
    .addColumn('accuracy_m', 'double precision')
    .addColumn('device_time', 'text', (c) => c.notNull())
    .addColumn('server_time', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text')
    .execute();
  await s.createIndex('check_ins_ticket').on('check_ins').columns(['ticket_id', 'server_time']).execute();

  await s.createTable('sop_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('models', 'text', (c) => c.notNull())
    .addColumn('image_ids', 'text', (c) => c.notNull())
    .addColumn('video_links', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createTable('sop_document_models')
    .addColumn('sop_id', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sop_document_models_pk', ['sop_id', 'model'])
    .execute();
  await s.createIndex('sop_document_models_model').on('sop_document_models').columns(['model']).execute();
  // Images are content-addressed blobs in the attachment store (same sniffing, same files).
  await s.createTable('sop_images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['sop_images', 'sop_document_models', 'sop_documents', 'check_ins', 'part_reservations', 'ticket_parts_needed',
    'stock_movements', 'stock_levels', 'warehouses', 'spare_part_models', 'spare_parts']) {
    await db.schema.dropTable(t).execute();
  }
}
