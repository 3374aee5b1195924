import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { ReservationDtoT } from '@gongdan/contracts/field';
import type { AppContext, RequestMeta } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { PartReservationsTable } from '../storage/tables-field.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { recordTicketChange, ticketEventPayload } from '../tickets/ticket-change.ts';
import { presentReservation } from './field.presenter.ts';
import { moveStock } from './stock.ts';
import { checkStaleChange } from './sync-guard.ts';

export interface ReserveInput {
  partId: string;
  warehouseId: string;
  qty: number;
  expectedVersion?: number | undefined;
}

/**
 * Holds stock of a warehouse for a ticket (预留备件): the units stay on the shelf but no one else
 * can take them. Stock, reservation, movement ledger and the ticket's audit record are written
 * in one transaction.
 */
export async function reservePart(ctx: AppContext, actor: Actor, ticketId: string, input: ReserveInput, meta: RequestMeta): Promise<Result<ReservationDtoT, AppError>> {
  if (!can(actor, 'ticket.update')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const workflow = await getWorkflow(db);
  return inTransaction(db, async (trx): Promise<Result<ReservationDtoT, AppError>> => {
    const loaded = await loadVisibleTicket(trx, actor, ticketId, ctx.database.dialect);
    if (!loaded.ok) return loaded;
    const { row, ticket } = loaded.value;
    const stale = await checkStaleChange(trx, actor, row, ticket, workflow, input.expectedVersion, { kind: 'reservation', label: '预留备件', fields: [] });
    if (!stale.ok) return stale;
    if (actor.role === 'engineer' && ticket.assigneeId !== actor.id) return err({ kind: 'forbidden', detail: 'only the assignee reserves parts for an order' });
    const [part, warehouse] = await Promise.all([
      trx.selectFrom('spare_parts').selectAll().where('id', '=', input.partId).where('active', '=', 1).executeTakeFirst(),
      trx.selectFrom('warehouses').selectAll().where('id', '=', input.warehouseId).where('active', '=', 1).executeTakeFirst(),
    ]);
    if (!part) return err({ kind: 'validation', errors: [fieldIssue('partId', '备件不存在', 'No such spare part')] });
    if (!warehouse) return err({ kind: 'validation', errors: [fieldIssue('warehouseId', '仓库不存在', 'No such warehouse')] });
    const now = ctx.clock.now();
    const reservation: PartReservationsTable = {
      id: newId(now.getTime()), ticket_id: ticket.id, part_id: part.id, warehouse_id: warehouse.id, qty: input.qty, consumed_qty: 0, status: 'held',
      created_by: actor.id, created_by_name: actor.name, created_at: now.toISOString(), updated_at: now.toISOString(),
    };
    const moved = await moveStock(trx, {
      warehouseId: warehouse.id, partId: part.id, deltaOnHand: 0, deltaReserved: input.qty, kind: 'reserve',
      reason: `工单 ${ticket.number} 预留`, ticketId: ticket.id, reservationId: reservation.id, actor, at: now,
    });
    if (!moved) {
      const s = await trx.selectFrom('stock_levels').select(['on_hand', 'reserved']).where('warehouse_id', '=', warehouse.id).where('part_id', '=', part.id).executeTakeFirst();
      const available = s ? s.on_hand - s.reserved : 0;
      return err({ kind: 'validation', errors: [fieldIssue('qty', `${warehouse.name}的${part.name}可用库存只有 ${available}`, `Only ${available} available in ${warehouse.name}`)] });
    }
    await trx.insertInto('part_reservations').values(reservation).execute();
    const saved = await recordTicketChange(trx, ctx, row, null, {
      action: 'parts.reserved', actor, meta, at: now, before: null,
      after: { reservationId: reservation.id, partId: part.id, partNo: part.part_no, warehouseId: warehouse.id, warehouseName: warehouse.name, qty: input.qty },
      events: [{ topic: 'ticket.parts_reserved', aggregateId: ticket.id, payload: { ...ticketEventPayload(ticket, 'parts_reserved'), reservationId: reservation.id } }],
    });
    if (!saved.ok) return saved;
    return ok(presentReservation(reservation, part, warehouse));
  });
}
