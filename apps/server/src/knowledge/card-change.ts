import type { Actor } from '@gongdan/domain/access/roles';
import type { CardReviewError } from '@gongdan/domain/knowledge/card-review';
import type { Kysely } from 'kysely';
import type { AppError } from '../shared/app-error.ts';
import type { DB } from '../storage/tables.ts';
import { newId } from '../shared/ids.ts';
import { enqueueOutbox } from '../jobs/outbox.repository.ts';
import { KNOWLEDGE_CARD_CHANGED_TOPIC } from '../similar/similar-index.handler.ts';
import { insertCardEvent } from './knowledge-card.repository.ts';

/**
 * The one place a card change is recorded: its audit event (before → after, reason) and the
 * outbox message that, after commit, updates the similar-case index.
 */
export async function recordCardChange(trx: Kysely<DB>, change: {
  cardId: string; action: string; actor: Actor; at: Date; before: unknown; after: unknown; reason?: string | null; status: string;
}): Promise<void> {
  await insertCardEvent(trx, {
    id: newId(change.at.getTime()), card_id: change.cardId, action: change.action, actor_id: change.actor.id, actor_name: change.actor.name,
    at: change.at.toISOString(), before: change.before == null ? null : JSON.stringify(change.before),
    after: change.after == null ? null : JSON.stringify(change.after), reason: change.reason ?? null,
  });
  await enqueueOutbox(trx, change.at, [{ topic: KNOWLEDGE_CARD_CHANGED_TOPIC, aggregateId: change.cardId, payload: { cardId: change.cardId, action: change.action, status: change.status } }]);
}

export function cardReviewAppError(e: CardReviewError): AppError {
  switch (e.kind) {
    case 'card_action_forbidden':
      return { kind: 'forbidden', detail: `${e.message.zh} / ${e.message.en}` };
    case 'card_action_invalid':
      return { kind: 'conflict', detail: `${e.message.zh} / ${e.message.en}` };
    case 'card_reason_required':
      return { kind: 'validation', errors: [{ field: 'reason', code: 'required', message: e.message }] };
  }
}

export const staleCard = (version: number): AppError => ({ kind: 'conflict', detail: `卡片已被他人修改，请刷新后重试 / The card was changed by someone else (current version ${version})` });
