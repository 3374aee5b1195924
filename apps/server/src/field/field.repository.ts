import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';
import type { PartReservationsTable, SparePartsTable, StockLevelsTable, WarehousesTable } from '../storage/tables-field.ts';

/** Queries of the field app's tables. Callers pass the transaction when inside one. */
type Db = Kysely<DB>;

const chunks = <T>(xs: T[], n = 500): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

export async function findParts(db: Db, ids: string[]): Promise<SparePartsTable[]> {
  const out: SparePartsTable[] = [];
  for (const part of chunks([...new Set(ids)])) {
    if (part.length > 0) out.push(...(await db.selectFrom('spare_parts').selectAll().where('id', 'in', part).execute()));
  }
  return out;
}

export async function findPartIdsForModels(db: Db, models: string[]): Promise<string[]> {
  if (models.length === 0) return [];
  const rows = await db.selectFrom('spare_part_models').innerJoin('spare_parts', 'spare_parts.id', 'spare_part_models.part_id')
    .select('spare_part_models.part_id').where('spare_part_models.model', 'in', [...new Set(models)]).where('spare_parts.active', '=', 1).execute();
  return [...new Set(rows.map((r) => r.part_id))];
}

export async function findPartsNeeded(db: Db, ticketIds: string[]) {
  if (ticketIds.length === 0) return [];
  return db.selectFrom('ticket_parts_needed').innerJoin('spare_parts', 'spare_parts.id', 'ticket_parts_needed.part_id')
    .select(['ticket_parts_needed.ticket_id', 'ticket_parts_needed.part_id', 'ticket_parts_needed.qty', 'spare_parts.part_no', 'spare_parts.name', 'spare_parts.substitute_ids'])
    .where('ticket_parts_needed.ticket_id', 'in', ticketIds).orderBy('spare_parts.part_no').execute();
}

export async function findReservations(db: Db, ticketIds: string[]): Promise<PartReservationsTable[]> {
  if (ticketIds.length === 0) return [];
  return db.selectFrom('part_reservations').selectAll().where('ticket_id', 'in', ticketIds).orderBy('created_at').execute();
}

export async function findVans(db: Db, ownerIds: string[]): Promise<WarehousesTable[]> {
  if (ownerIds.length === 0) return [];
  return db.selectFrom('warehouses').selectAll().where('kind', '=', 'van').where('active', '=', 1).where('owner_id', 'in', ownerIds).orderBy('created_at').execute();
}

export async function findWarehouses(db: Db, ids: string[]): Promise<WarehousesTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('warehouses').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export async function findStockInWarehouses(db: Db, warehouseIds: string[]): Promise<StockLevelsTable[]> {
  if (warehouseIds.length === 0) return [];
  return db.selectFrom('stock_levels').selectAll().where('warehouse_id', 'in', warehouseIds).execute();
}

/** Stock of these parts in active warehouses, with the warehouse. */
export async function findStockOfParts(db: Db, partIds: string[]) {
  if (partIds.length === 0) return [];
  return db.selectFrom('stock_levels').innerJoin('warehouses', 'warehouses.id', 'stock_levels.warehouse_id')
    .select(['stock_levels.warehouse_id', 'stock_levels.part_id', 'stock_levels.on_hand', 'stock_levels.reserved', 'stock_levels.updated_at',
      'warehouses.name as warehouse_name', 'warehouses.kind as warehouse_kind', 'warehouses.owner_id', 'warehouses.lat', 'warehouses.lng'])
    .where('stock_levels.part_id', 'in', [...new Set(partIds)]).where('warehouses.active', '=', 1).execute();
}

export async function findStock(db: Db, warehouseId: string, partId: string): Promise<StockLevelsTable | undefined> {
  return db.selectFrom('stock_levels').selectAll().where('warehouse_id', '=', warehouseId).where('part_id', '=', partId).executeTakeFirst();
}

/** Tickets per assignee in the given statuses (the load the per-engineer limit applies to). */
export async function countLoad(db: Db, assigneeIds: string[], statuses: string[]): Promise<Map<string, { ids: string[] }>> {
  const out = new Map<string, { ids: string[] }>();
  if (assigneeIds.length === 0 || statuses.length === 0) return out;
  const rows = await db.selectFrom('tickets').select(['id', 'assignee_id']).where('assignee_id', 'in', assigneeIds).where('status', 'in', statuses).execute();
  for (const r of rows) {
    const k = r.assignee_id as string;
    const e = out.get(k) ?? { ids: [] };
    e.ids.push(r.id);
    out.set(k, e);
  }
  return out;
}

/** Booked visits of these engineers in [from, to) in the given (unfinished) statuses. */
export async function findVisits(db: Db, assigneeIds: string[], statuses: string[], from: string, to: string) {
  if (assigneeIds.length === 0 || statuses.length === 0) return [];
  return db.selectFrom('tickets').select(['id', 'number', 'assignee_id', 'appointment_start', 'appointment_end'])
    .where('assignee_id', 'in', assigneeIds).where('status', 'in', statuses)
    .where('appointment_start', 'is not', null).where('appointment_start', '<', to).where('appointment_start', '>=', from).execute();
}

export async function findCheckIns(db: Db, ticketIds: string[]) {
  if (ticketIds.length === 0) return [];
  return db.selectFrom('check_ins').selectAll().where('ticket_id', 'in', ticketIds).orderBy('server_time', 'desc').execute();
}

/** Parts consumed on a ticket (net of returns), by part, for the service report and the customer's page. */
export async function findPartsConsumed(db: Db, ticketId: string): Promise<{ partNo: string; name: string; qty: number }[]> {
  const rows = await db.selectFrom('stock_movements as m').innerJoin('spare_parts as p', 'p.id', 'm.part_id')
    .select(['p.part_no', 'p.name', (eb) => eb.fn.sum<number | string>('m.delta_on_hand').as('delta')])
    .where('m.ticket_id', '=', ticketId).where('m.kind', '=', 'consume')
    .groupBy(['p.part_no', 'p.name']).orderBy('p.part_no').execute();
  return rows.map((r) => ({ partNo: r.part_no, name: r.name, qty: -Number(r.delta) })).filter((r) => r.qty > 0);
}
