import type { Actor } from '@gongdan/domain/access/roles';
import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';
import { moveStock } from './stock.ts';

/**
 * Gives back what a ticket still holds (all its held reservations, or one): the units return to
 * the warehouse's available stock, the ledger records it, the reservation is marked released.
 * Returns what was released, for the caller's audit record.
 */
export async function releaseReservations(
  trx: Kysely<DB>, actor: Actor, ticketId: string, ticketNumber: string, at: Date, reason: string, reservationId?: string,
): Promise<{ reservationId: string; partId: string; warehouseId: string; qty: number }[]> {
  let q = trx.selectFrom('part_reservations').selectAll().where('ticket_id', '=', ticketId).where('status', '=', 'held');
  if (reservationId) q = q.where('id', '=', reservationId);
  const held = await q.execute();
  const out: { reservationId: string; partId: string; warehouseId: string; qty: number }[] = [];
  for (const r of held) {
    const left = r.qty - r.consumed_qty;
    if (left > 0) {
      await moveStock(trx, {
        warehouseId: r.warehouse_id, partId: r.part_id, deltaOnHand: 0, deltaReserved: -left, kind: 'release',
        reason: `工单 ${ticketNumber} ${reason}`, ticketId, reservationId: r.id, actor, at,
      });
    }
    await trx.updateTable('part_reservations').set({ status: left > 0 ? 'released' : 'consumed', updated_at: at.toISOString() }).where('id', '=', r.id).execute();
    out.push({ reservationId: r.id, partId: r.part_id, warehouseId: r.warehouse_id, qty: left });
  }
  return out;
}
