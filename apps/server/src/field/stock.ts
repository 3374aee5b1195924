import type { Actor } from '@gongdan/domain/access/roles';
import { sql, type Kysely } from 'kysely';
import { newId } from '../shared/ids.ts';
import type { DB } from '../storage/tables.ts';

export interface StockChange {
  warehouseId: string;
  partId: string;
  deltaOnHand: number;
  deltaReserved: number;
  kind: 'set' | 'reserve' | 'release' | 'consume';
  reason?: string | null;
  ticketId?: string | null;
  reservationId?: string | null;
  actor: Actor | null;
  at: Date;
}

/**
 * Moves stock atomically and writes the movement ledger row. The update only succeeds while the
 * result stays sane (on hand ≥ 0, reserved ≥ 0, reserved ≤ on hand), so two engineers reserving
 * the last unit at once cannot both get it. Returns false (nothing written) when it would not.
 */
export async function moveStock(trx: Kysely<DB>, c: StockChange): Promise<boolean> {
  const at = c.at.toISOString();
  const existing = await trx.selectFrom('stock_levels').select(['on_hand']).where('warehouse_id', '=', c.warehouseId).where('part_id', '=', c.partId).executeTakeFirst();
  if (!existing) {
    if (c.deltaOnHand < 0 || c.deltaReserved < 0 || c.deltaReserved > c.deltaOnHand) return false;
    await trx.insertInto('stock_levels').values({ warehouse_id: c.warehouseId, part_id: c.partId, on_hand: c.deltaOnHand, reserved: c.deltaReserved, updated_at: at }).execute();
  } else {
    const res = await trx.updateTable('stock_levels')
      .set({ on_hand: sql`on_hand + ${c.deltaOnHand}`, reserved: sql`reserved + ${c.deltaReserved}`, updated_at: at })
      .where('warehouse_id', '=', c.warehouseId).where('part_id', '=', c.partId)
      .where(sql<boolean>`on_hand + ${c.deltaOnHand} >= 0 and reserved + ${c.deltaReserved} >= 0 and reserved + ${c.deltaReserved} <= on_hand + ${c.deltaOnHand}`)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
  }
  await trx.insertInto('stock_movements').values({
    id: newId(c.at.getTime()), warehouse_id: c.warehouseId, part_id: c.partId, delta_on_hand: c.deltaOnHand, delta_reserved: c.deltaReserved,
    kind: c.kind, reason: c.reason ?? null, ticket_id: c.ticketId ?? null, reservation_id: c.reservationId ?? null,
    actor_id: c.actor?.id ?? null, actor_name: c.actor?.name ?? null, at,
  }).execute();
  return true;
}
