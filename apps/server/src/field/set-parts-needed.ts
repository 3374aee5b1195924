import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext, RequestMeta } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { recordTicketChange } from '../tickets/ticket-change.ts';
import { findParts } from './field.repository.ts';

/** Replaces the list of parts a ticket needs (dispatcher, or the engineer after diagnosis); audited. */
export async function setPartsNeeded(
  ctx: AppContext, actor: Actor, ticketId: string, items: { partId: string; qty: number }[], meta: RequestMeta,
): Promise<Result<{ partId: string; qty: number }[], AppError>> {
  if (!can(actor, 'ticket.update') || actor.role === 'customer') return err({ kind: 'forbidden' });
  const merged = new Map<string, number>();
  for (const i of items) merged.set(i.partId, (merged.get(i.partId) ?? 0) + i.qty);
  const db = ctx.database.db;
  return inTransaction(db, async (trx): Promise<Result<{ partId: string; qty: number }[], AppError>> => {
    const loaded = await loadVisibleTicket(trx, actor, ticketId, ctx.database.dialect);
    if (!loaded.ok) return loaded;
    const { row, ticket } = loaded.value;
    if (actor.role === 'engineer' && ticket.assigneeId !== actor.id) return err({ kind: 'forbidden' });
    const parts = await findParts(trx, [...merged.keys()]);
    const unknown = [...merged.keys()].filter((id) => !parts.some((p) => p.id === id && p.active === 1));
    if (unknown.length > 0) return err({ kind: 'validation', errors: unknown.map((id) => fieldIssue('items.partId', `备件不存在：${id}`, `No such spare part: ${id}`)) });
    const before = await trx.selectFrom('ticket_parts_needed').select(['part_id', 'qty']).where('ticket_id', '=', ticket.id).execute();
    await trx.deleteFrom('ticket_parts_needed').where('ticket_id', '=', ticket.id).execute();
    const next = [...merged].map(([partId, qty]) => ({ partId, qty }));
    if (next.length > 0) await trx.insertInto('ticket_parts_needed').values(next.map((n) => ({ ticket_id: ticket.id, part_id: n.partId, qty: n.qty }))).execute();
    const saved = await recordTicketChange(trx, ctx, row, null, {
      action: 'parts.needed_set', actor, meta, at: ctx.clock.now(),
      before: { partsNeeded: before.map((b) => ({ partId: b.part_id, qty: b.qty })) }, after: { partsNeeded: next },
    });
    return saved.ok ? ok(next) : saved;
  });
}
