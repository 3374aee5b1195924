import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { decideCardAction, type CardStatus } from '@gongdan/domain/knowledge/card-review';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { cardReviewAppError, recordCardChange, staleCard } from './card-change.ts';
import { canReadCard } from './card.presenter.ts';
import { findCardRow, updateCardRow, type CardRow } from './knowledge-card.repository.ts';

export interface CardActionInput {
  action: 'submit' | 'approve' | 'request_changes' | 'reject';
  reason?: string | undefined;
  version: number;
}

/**
 * Moves a card through review: submit (author), approve / request changes / reject (supervisor,
 * with a reason for the last two). Approval publishes it; after commit the outbox handler puts
 * it into the similar-case index.
 */
export async function actOnCard(ctx: AppContext, actor: Actor, id: string, input: CardActionInput): Promise<Result<CardRow, AppError>> {
  if (input.action !== 'submit' && !can(actor, 'knowledge.review')) return err({ kind: 'forbidden', detail: 'needs knowledge.review' });
  const now = ctx.clock.now();
  return inTransaction(ctx.database.db, async (trx) => {
    const row = await findCardRow(trx, id, { forUpdate: true });
    if (!row || !canReadCard(row, actor)) return err({ kind: 'not_found', entity: 'knowledge_card' });
    const reason = input.reason?.trim() || null;
    const decided = decideCardAction({ status: row.status as CardStatus, authorId: row.author_id }, actor, input.action, reason);
    if (!decided.ok) return err(cardReviewAppError(decided.error));
    if (row.version !== input.version) return err(staleCard(row.version));
    const iso = now.toISOString();
    const review = input.action === 'submit'
      ? { review_note: row.review_note }
      : { reviewer_id: actor.id, reviewer_name: actor.name, review_note: input.action === 'approve' ? null : reason };
    const values = { status: decided.value.to, updated_at: iso, ...review, ...(decided.value.to === 'published' ? { published_at: iso } : {}) };
    if (!(await updateCardRow(trx, id, row.version, values))) return err(staleCard(row.version));
    await recordCardChange(trx, {
      cardId: id, action: `card.${input.action}`, actor, at: now, before: { status: row.status }, after: { status: decided.value.to }, reason, status: decided.value.to,
    });
    return ok({ ...row, ...values, version: row.version + 1 });
  });
}
