import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { StockLevelDtoT, StockMovementDtoT, WarehouseDtoT, WarehouseKind } from '@gongdan/contracts/field';
import { recordAdminChange, type ActorOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { WarehousesTable } from '../storage/tables-field.ts';
import { isUniqueViolation } from '../storage/unique-violation.ts';
import { presentStock, presentWarehouse } from '../field/field.presenter.ts';
import { moveStock } from '../field/stock.ts';

export interface WarehouseInput {
  code: string;
  name: string;
  kind: WarehouseKind;
  ownerId?: string | null | undefined;
  region?: string | null | undefined;
  address?: string | null | undefined;
  location?: { lat: number; lng: number } | null | undefined;
}

async function ownerName(ctx: AppContext, ownerId: string | null): Promise<Result<string | null, AppError>> {
  if (!ownerId) return ok(null);
  const u = await ctx.database.db.selectFrom('users').select(['name', 'role']).where('id', '=', ownerId).executeTakeFirst();
  if (!u || u.role !== 'engineer') return err({ kind: 'validation', errors: [fieldIssue('ownerId', '车载库的所有人须是工程师', 'A van belongs to an engineer')] });
  return ok(u.name);
}

export async function createWarehouse(ctx: AppContext, origin: ActorOrigin, input: WarehouseInput): Promise<Result<WarehouseDtoT, AppError>> {
  if (!can(origin.actor, 'config.manage')) return err({ kind: 'forbidden' });
  if (input.kind === 'van' && !input.ownerId) return err({ kind: 'validation', errors: [fieldIssue('ownerId', '车载库须指定工程师', 'A van needs its engineer (ownerId)')] });
  const owner = await ownerName(ctx, input.kind === 'van' ? (input.ownerId ?? null) : null);
  if (!owner.ok) return owner;
  const now = ctx.clock.now().toISOString();
  const row: WarehousesTable = {
    id: newId(), code: input.code, name: input.name, kind: input.kind, owner_id: input.kind === 'van' ? (input.ownerId ?? null) : null,
    region: input.region ?? null, address: input.address ?? null, lat: input.location?.lat ?? null, lng: input.location?.lng ?? null,
    active: 1, created_at: now, updated_at: now,
  };
  const created = presentWarehouse(row, owner.value);
  try {
    await inTransaction(ctx.database.db, async (trx): Promise<Result<null, AppError>> => {
      await trx.insertInto('warehouses').values(row).execute();
      await recordAdminChange(trx, ctx, origin, { entity: 'warehouse', entityId: row.id, action: 'create', before: null, after: created });
      return ok(null);
    });
  } catch (e) {
    if (isUniqueViolation(e)) return err({ kind: 'validation', errors: [fieldIssue('code', '仓库编码已存在', 'This warehouse code already exists')] });
    throw e;
  }
  return ok(created);
}

export async function updateWarehouse(ctx: AppContext, origin: ActorOrigin, id: string, input: Partial<Omit<WarehouseInput, 'code' | 'kind'>>): Promise<Result<WarehouseDtoT, AppError>> {
  if (!can(origin.actor, 'config.manage')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const current = await db.selectFrom('warehouses').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();
  if (!current) return err({ kind: 'not_found', entity: 'warehouse' });
  const ownerId = current.kind === 'van' && input.ownerId !== undefined ? input.ownerId : current.owner_id;
  if (current.kind === 'van' && !ownerId) return err({ kind: 'validation', errors: [fieldIssue('ownerId', '车载库须指定工程师', 'A van needs its engineer (ownerId)')] });
  const owner = await ownerName(ctx, ownerId);
  if (!owner.ok) return owner;
  const next: WarehousesTable = {
    ...current, name: input.name ?? current.name, owner_id: ownerId, region: input.region !== undefined ? input.region : current.region,
    address: input.address !== undefined ? input.address : current.address,
    lat: input.location !== undefined ? (input.location?.lat ?? null) : current.lat, lng: input.location !== undefined ? (input.location?.lng ?? null) : current.lng,
    updated_at: ctx.clock.now().toISOString(),
  };
  const previousOwner = await ownerName(ctx, current.owner_id);
  const before = presentWarehouse(current, previousOwner.ok ? previousOwner.value : null);
  const after = presentWarehouse(next, owner.value);
  await inTransaction(db, async (trx): Promise<Result<null, AppError>> => {
    await trx.updateTable('warehouses').set(next).where('id', '=', id).execute();
    await recordAdminChange(trx, ctx, origin, { entity: 'warehouse', entityId: id, action: 'update', before, after });
    return ok(null);
  });
  return ok(after);
}

/** Closes a warehouse; refused while it still holds reserved stock. */
export async function deleteWarehouse(ctx: AppContext, origin: ActorOrigin, id: string): Promise<Result<{ id: string }, AppError>> {
  if (!can(origin.actor, 'config.manage')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const held = await db.selectFrom('stock_levels').select('part_id').where('warehouse_id', '=', id).where('reserved', '>', 0).executeTakeFirst();
  if (held) return err({ kind: 'conflict', detail: '仓库中还有为工单预留的备件' });
  return inTransaction(db, async (trx): Promise<Result<{ id: string }, AppError>> => {
    const current = await trx.selectFrom('warehouses').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();
    const res = await trx.updateTable('warehouses').set({ active: 0, updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).where('active', '=', 1).executeTakeFirst();
    if (!current || Number(res.numUpdatedRows) !== 1) return err({ kind: 'not_found', entity: 'warehouse' });
    await recordAdminChange(trx, ctx, origin, { entity: 'warehouse', entityId: id, action: 'delete', before: presentWarehouse(current, null), after: null });
    return ok({ id });
  });
}

export async function listWarehouses(ctx: AppContext, q: { kind?: WarehouseKind | undefined; ownerId?: string | undefined }): Promise<WarehouseDtoT[]> {
  let query = ctx.database.db.selectFrom('warehouses').leftJoin('users', 'users.id', 'warehouses.owner_id')
    .selectAll('warehouses').select('users.name as owner_name').where('warehouses.active', '=', 1);
  if (q.kind) query = query.where('warehouses.kind', '=', q.kind);
  if (q.ownerId) query = query.where('warehouses.owner_id', '=', q.ownerId);
  const rows = await query.orderBy('warehouses.code').execute();
  return rows.map((r) => presentWarehouse(r, r.owner_name ?? null));
}

export async function listStock(ctx: AppContext, warehouseId: string): Promise<Result<StockLevelDtoT[], AppError>> {
  const db = ctx.database.db;
  const w = await db.selectFrom('warehouses').select('id').where('id', '=', warehouseId).executeTakeFirst();
  if (!w) return err({ kind: 'not_found', entity: 'warehouse' });
  const rows = await db.selectFrom('stock_levels').selectAll().where('warehouse_id', '=', warehouseId).orderBy('part_id').execute();
  return ok(rows.map(presentStock));
}

/** The stock ledger of a warehouse, newest first (every reservation, consumption and count change). */
export async function listStockMovements(
  ctx: AppContext, warehouseId: string, q: { partId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Result<{ items: StockMovementDtoT[]; nextCursor: string | null }, AppError>> {
  const db = ctx.database.db;
  const w = await db.selectFrom('warehouses').select('id').where('id', '=', warehouseId).executeTakeFirst();
  if (!w) return err({ kind: 'not_found', entity: 'warehouse' });
  let query = db.selectFrom('stock_movements').leftJoin('spare_parts', 'spare_parts.id', 'stock_movements.part_id')
    .selectAll('stock_movements').select(['spare_parts.part_no', 'spare_parts.name as part_name'])
    .where('stock_movements.warehouse_id', '=', warehouseId);
  if (q.partId) query = query.where('stock_movements.part_id', '=', q.partId);
  if (q.cursor) query = query.where('stock_movements.id', '<', q.cursor);
  const rows = await query.orderBy('stock_movements.id', 'desc').limit(q.limit + 1).execute();
  const items = rows.slice(0, q.limit);
  return ok({
    items: items.map((m) => ({
      id: m.id, warehouseId: m.warehouse_id, partId: m.part_id, partNo: m.part_no ?? '', partName: m.part_name ?? '',
      kind: m.kind as StockMovementDtoT['kind'], deltaOnHand: m.delta_on_hand, deltaReserved: m.delta_reserved, reason: m.reason,
      ticketId: m.ticket_id, actor: { id: m.actor_id, name: m.actor_name }, at: m.at,
    })),
    nextCursor: rows.length > q.limit ? (items[items.length - 1]?.id ?? null) : null,
  });
}

/** Stocktake / delivery: sets the on-hand count (never below what is reserved); the ledger keeps the difference. */
export async function setStock(
  ctx: AppContext, actor: Actor, warehouseId: string, partId: string, input: { onHand: number; reason: string },
): Promise<Result<StockLevelDtoT, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  return inTransaction(db, async (trx): Promise<Result<StockLevelDtoT, AppError>> => {
    const [w, p] = await Promise.all([
      trx.selectFrom('warehouses').select('id').where('id', '=', warehouseId).where('active', '=', 1).executeTakeFirst(),
      trx.selectFrom('spare_parts').select('id').where('id', '=', partId).where('active', '=', 1).executeTakeFirst(),
    ]);
    if (!w) return err({ kind: 'not_found', entity: 'warehouse' });
    if (!p) return err({ kind: 'not_found', entity: 'part' });
    const current = await trx.selectFrom('stock_levels').selectAll().where('warehouse_id', '=', warehouseId).where('part_id', '=', partId).executeTakeFirst();
    const delta = input.onHand - (current?.on_hand ?? 0);
    const moved = await moveStock(trx, {
      warehouseId, partId, deltaOnHand: delta, deltaReserved: 0, kind: 'set', reason: input.reason, actor, at: ctx.clock.now(),
    });
    if (!moved) return err({ kind: 'validation', errors: [fieldIssue('onHand', `不能少于已预留的数量 ${current?.reserved ?? 0}`, `Cannot go below the reserved ${current?.reserved ?? 0}`)] });
    const after = await trx.selectFrom('stock_levels').selectAll().where('warehouse_id', '=', warehouseId).where('part_id', '=', partId).executeTakeFirstOrThrow();
    return ok(presentStock(after));
  });
}
