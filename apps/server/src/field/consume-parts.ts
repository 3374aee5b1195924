import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import type { Kysely } from 'kysely';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import type { DB } from '../storage/tables.ts';
import { findParts, findVans } from './field.repository.ts';
import { moveStock } from './stock.ts';

export interface ConsumedPart {
  partId: string;
  partNo: string;
  qty: number;
  from: { warehouseId: string; qty: number; reservationId: string | null }[];
}

/**
 * Parts used at resolve, taken out of stock inside the transition's transaction: first from the
 * ticket's held reservations (any warehouse), the rest from the engineer's van. Fails — and the
 * whole transition with it — when the van cannot cover the rest.
 */
export async function consumeParts(
  trx: Kysely<DB>, actor: Actor, ticket: Ticket, used: { partId: string; qty: number }[], at: Date,
): Promise<Result<ConsumedPart[], AppError>> {
  const merged = new Map<string, number>();
  for (const u of used) merged.set(u.partId, (merged.get(u.partId) ?? 0) + u.qty);
  if (merged.size === 0) return ok([]);
  const parts = await findParts(trx, [...merged.keys()]);
  const engineer = ticket.assigneeId ?? actor.id;
  const van = (await findVans(trx, [engineer]))[0];
  const out: ConsumedPart[] = [];
  for (const [partId, qty] of merged) {
    const part = parts.find((p) => p.id === partId);
    if (!part) return err({ kind: 'validation', errors: [fieldIssue('partsUsed.partId', `备件不存在：${partId}`, `No such spare part: ${partId}`)] });
    let left = qty;
    const from: ConsumedPart['from'] = [];
    const held = await trx.selectFrom('part_reservations').selectAll().where('ticket_id', '=', ticket.id).where('part_id', '=', partId)
      .where('status', '=', 'held').orderBy('created_at').execute();
    for (const r of held) {
      if (left === 0) break;
      const take = Math.min(left, r.qty - r.consumed_qty);
      if (take <= 0) continue;
      const moved = await moveStock(trx, {
        warehouseId: r.warehouse_id, partId, deltaOnHand: -take, deltaReserved: -take, kind: 'consume',
        reason: `工单 ${ticket.number} 领用（预留）`, ticketId: ticket.id, reservationId: r.id, actor, at,
      });
      if (!moved) return err({ kind: 'conflict', detail: `reservation ${r.id} no longer matches the stock` });
      const consumed = r.consumed_qty + take;
      await trx.updateTable('part_reservations').set({ consumed_qty: consumed, status: consumed >= r.qty ? 'consumed' : 'held', updated_at: at.toISOString() })
        .where('id', '=', r.id).execute();
      from.push({ warehouseId: r.warehouse_id, qty: take, reservationId: r.id });
      left -= take;
    }
    if (left > 0) {
      const ok2 = van ? await moveStock(trx, {
        warehouseId: van.id, partId, deltaOnHand: -left, deltaReserved: 0, kind: 'consume',
        reason: `工单 ${ticket.number} 领用（车载库）`, ticketId: ticket.id, actor, at,
      }) : false;
      if (!ok2) {
        return err({ kind: 'validation', errors: [fieldIssue('partsUsed', `${part.name}（${part.part_no}）车载库存不足，还差 ${left}，请先预留`, `Not enough ${part.part_no} in the van (${left} short); reserve it first`)] });
      }
      from.push({ warehouseId: (van as { id: string }).id, qty: left, reservationId: null });
    }
    out.push({ partId, partNo: part.part_no, qty, from });
  }
  return ok(out);
}
