import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { findCardRow, recordCardUse } from './knowledge-card.repository.ts';

/** Counts a published card's use from a ticket: opened ("view") or "this helped". Once per person, ticket and kind. */
export async function recordCardUseFromTicket(
  ctx: AppContext, actor: Actor, cardId: string, input: { kind: 'view' | 'helped'; ticketId: string },
): Promise<Result<{ counted: boolean; viewCount: number; helpedCount: number }, AppError>> {
  if (!can(actor, 'knowledge.read')) return err({ kind: 'forbidden' });
  return inTransaction<{ counted: boolean; viewCount: number; helpedCount: number }, AppError>(ctx.database.db, async (trx) => {
    const card = await findCardRow(trx, cardId);
    if (!card || card.status !== 'published') return err({ kind: 'not_found', entity: 'knowledge_card' });
    const ticket = await loadVisibleTicket(trx, actor, input.ticketId);
    if (!ticket.ok) return err({ kind: 'validation', errors: [{ field: 'ticketId', code: 'not_found', message: { zh: '工单不存在', en: 'No such ticket' } }] });
    const counted = await recordCardUse(trx, { cardId, ticketId: input.ticketId, userId: actor.id, kind: input.kind, at: ctx.clock.now().toISOString() });
    const after = await findCardRow(trx, cardId);
    return ok({ counted, viewCount: after?.view_count ?? 0, helpedCount: after?.helped_count ?? 0 });
  });
}
