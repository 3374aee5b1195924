import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext, RequestMeta } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { recordTicketChange } from '../tickets/ticket-change.ts';
import { releaseReservations } from './release-reservations.ts';

/** Gives a held reservation back to its warehouse (the part was not needed after all); audited. */
export async function releaseReservation(
  ctx: AppContext, actor: Actor, ticketId: string, reservationId: string, meta: RequestMeta,
): Promise<Result<{ id: string; released: number }, AppError>> {
  if (!can(actor, 'ticket.update') || actor.role === 'customer') return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  return inTransaction(db, async (trx): Promise<Result<{ id: string; released: number }, AppError>> => {
    const loaded = await loadVisibleTicket(trx, actor, ticketId, ctx.database.dialect);
    if (!loaded.ok) return loaded;
    const { row, ticket } = loaded.value;
    if (actor.role === 'engineer' && ticket.assigneeId !== actor.id) return err({ kind: 'forbidden' });
    const now = ctx.clock.now();
    const released = await releaseReservations(trx, actor, ticket.id, ticket.number, now, '释放预留', reservationId);
    const one = released[0];
    if (!one) return err({ kind: 'not_found', entity: 'reservation' });
    const saved = await recordTicketChange(trx, ctx, row, null, {
      action: 'parts.released', actor, meta, at: now, before: null, after: { reservationId: one.reservationId, partId: one.partId, warehouseId: one.warehouseId, qty: one.qty },
    });
    return saved.ok ? ok({ id: one.reservationId, released: one.qty }) : saved;
  });
}
