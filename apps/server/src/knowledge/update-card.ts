import type { Actor } from '@gongdan/domain/access/roles';
import { decideCardAction, type CardStatus } from '@gongdan/domain/knowledge/card-review';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { UpdateCardBodyT } from '@gongdan/contracts/knowledge';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import { cardReviewAppError, recordCardChange, staleCard } from './card-change.ts';
import { canReadCard } from './card.presenter.ts';
import { findCardRow, updateCardRow, type CardRow } from './knowledge-card.repository.ts';

/** Edits a card's content (author while draft / changes requested; supervisors too). Audited before → after. */
export async function updateCard(ctx: AppContext, actor: Actor, id: string, body: UpdateCardBodyT): Promise<Result<CardRow, AppError>> {
  const now = ctx.clock.now();
  return inTransaction(ctx.database.db, async (trx) => {
    const row = await findCardRow(trx, id, { forUpdate: true });
    if (!row || !canReadCard(row, actor)) return err({ kind: 'not_found', entity: 'knowledge_card' });
    const decided = decideCardAction({ status: row.status as CardStatus, authorId: row.author_id }, actor, 'edit');
    if (!decided.ok) return err(cardReviewAppError(decided.error));
    if (row.version !== body.version) return err(staleCard(row.version));
    if (body.photos.length > 0 && row.ticket_id) {
      const own = await trx.selectFrom('attachments').select('id').where('ticket_id', '=', row.ticket_id).where('id', 'in', body.photos).execute();
      if (own.length !== new Set(body.photos).size) {
        return err({ kind: 'validation', errors: [{ field: 'photos', code: 'unknown_photo', message: { zh: '照片必须是该工单的附件', en: 'Photos must be attachments of the card’s ticket' } }] });
      }
    }
    const next = {
      title: body.title, symptom: body.symptom, cause: body.cause, steps: JSON.stringify(body.steps), parts: JSON.stringify(body.parts),
      model: body.model || null, product_line: body.productLine || null, fault_type: body.faultType || null, cause_code: body.causeCode || null,
      photos: JSON.stringify(body.photos),
    };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(next)) {
      const old = (row as Record<string, unknown>)[k];
      if (old !== v) { before[k] = old; after[k] = v; }
    }
    if (Object.keys(after).length === 0) return ok(row);
    if (!(await updateCardRow(trx, id, row.version, { ...next, updated_at: now.toISOString() }))) return err(staleCard(row.version));
    await recordCardChange(trx, { cardId: id, action: 'card.edited', actor, at: now, before, after, status: row.status });
    return ok({ ...row, ...next, version: row.version + 1, updated_at: now.toISOString() });
  });
}
