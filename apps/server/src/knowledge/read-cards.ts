import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import type { Locale } from '@gongdan/domain/shared/localized';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { CardEventDtoT, KnowledgeCardDtoT } from '@gongdan/contracts/knowledge';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { parseJson } from '../shared/json.ts';
import { findSimilar } from '../similar/find-similar.ts';
import { canReadCard, presentCards } from './card.presenter.ts';
import { findCardRow, listCardEvents, listCardRows } from './knowledge-card.repository.ts';

export interface CardListInput {
  status?: string | undefined;
  q?: string | undefined;
  model?: string | undefined;
  mine?: '1' | '0' | undefined;
  limit: number;
}

/**
 * Cards the caller may read: with `q`, published cards ranked by the similar-case index; the
 * review queue is status=in_review (supervisors); engineers see published cards and their own.
 */
export async function listCards(ctx: AppContext, actor: Actor, input: CardListInput, locale: Locale): Promise<Result<KnowledgeCardDtoT[], AppError>> {
  if (!can(actor, 'knowledge.read')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const reviewer = actor.role === 'supervisor' || actor.role === 'admin';
  if (input.q) {
    const hits = await findSimilar(db, {
      text: input.q, model: input.model ?? null, productLine: null, faultType: null, scope: input.model ? 'model' : 'all', kinds: ['card'], limit: Math.min(input.limit, 20),
    }, locale);
    const rows = await listCardRows(db, { ids: hits.items.map((h) => h.id), status: 'published', limit: input.limit });
    const order = new Map(hits.items.map((h, i) => [h.id, i]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return ok(await presentCards(db, rows, actor, locale));
  }
  const mine = input.mine === '1' || (!reviewer && input.status !== undefined && input.status !== 'published');
  const rows = await listCardRows(db, {
    status: input.status ?? (mine ? undefined : 'published'), authorId: mine ? actor.id : undefined, model: input.model, limit: input.limit,
  });
  return ok(await presentCards(db, rows.filter((r) => canReadCard(r, actor)), actor, locale));
}

export async function getCard(ctx: AppContext, actor: Actor, id: string, locale: Locale): Promise<Result<KnowledgeCardDtoT, AppError>> {
  if (!can(actor, 'knowledge.read')) return err({ kind: 'forbidden' });
  const row = await findCardRow(ctx.database.db, id);
  if (!row || !canReadCard(row, actor)) return err({ kind: 'not_found', entity: 'knowledge_card' });
  return ok((await presentCards(ctx.database.db, [row], actor, locale))[0] as KnowledgeCardDtoT);
}

export async function getCardEvents(ctx: AppContext, actor: Actor, id: string): Promise<Result<CardEventDtoT[], AppError>> {
  const row = await findCardRow(ctx.database.db, id);
  if (!row || !canReadCard(row, actor)) return err({ kind: 'not_found', entity: 'knowledge_card' });
  return ok((await listCardEvents(ctx.database.db, id)).map((e) => ({
    id: e.id, action: e.action, actorName: e.actor_name, at: e.at,
    before: parseJson<unknown>(e.before, null), after: parseJson<unknown>(e.after, null), reason: e.reason,
  })));
}
