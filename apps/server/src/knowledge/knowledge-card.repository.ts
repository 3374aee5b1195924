import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../storage/tables.ts';
import type { KnowledgeCardsTable, KnowledgeCardEventsTable } from '../storage/tables-knowledge.ts';
import { dialectOf } from '../storage/database.ts';
import { normalizeModel } from '../similar/similar-document.ts';

export type CardRow = Selectable<KnowledgeCardsTable>;
type Db = Kysely<DB>;

export async function findCardRow(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<CardRow | undefined> {
  let q = db.selectFrom('knowledge_cards').selectAll().where('id', '=', id);
  if (opts.forUpdate && dialectOf(db) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The card made from a ticket that is still alive (not rejected), if any. */
export async function findLiveCardForTicket(db: Db, ticketId: string): Promise<CardRow | undefined> {
  return db.selectFrom('knowledge_cards').selectAll().where('ticket_id', '=', ticketId).where('status', '!=', 'rejected')
    .orderBy('created_at', 'desc').executeTakeFirst();
}

export async function insertCardRow(db: Db, row: Insertable<KnowledgeCardsTable>): Promise<void> {
  await db.insertInto('knowledge_cards').values(row).execute();
}

/** Writes the card if it is still at `expectedVersion`; false when someone else changed it first. */
export async function updateCardRow(db: Db, id: string, expectedVersion: number, values: Partial<CardRow>): Promise<boolean> {
  const r = await db.updateTable('knowledge_cards').set({ ...values, version: expectedVersion + 1 })
    .where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertCardEvent(db: Db, row: Insertable<KnowledgeCardEventsTable>): Promise<void> {
  await db.insertInto('knowledge_card_events').values(row).execute();
}

export async function listCardEvents(db: Db, cardId: string) {
  return db.selectFrom('knowledge_card_events').selectAll().where('card_id', '=', cardId).orderBy('at').orderBy('id').execute();
}

export interface CardListFilter {
  status?: string | undefined;
  authorId?: string | undefined;
  model?: string | undefined;
  ids?: readonly string[] | undefined;
  limit: number;
}

export async function listCardRows(db: Db, f: CardListFilter): Promise<CardRow[]> {
  let q = db.selectFrom('knowledge_cards').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  if (f.authorId) q = q.where('author_id', '=', f.authorId);
  if (f.model) q = q.where('model', '=', f.model);
  if (f.ids) {
    if (f.ids.length === 0) return [];
    q = q.where('id', 'in', [...f.ids]);
  }
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/**
 * Published cards for the given device models (compared without case or separators), for the
 * field app's offline package. Takes the caller's transaction (or the root db outside one).
 */
export async function listPublishedCardsForModels(trx: Db, models: readonly string[]): Promise<CardRow[]> {
  const wanted = new Set(models.map(normalizeModel).filter((m) => m !== ''));
  if (wanted.size === 0) return [];
  const rows = await trx.selectFrom('knowledge_cards').selectAll().where('status', '=', 'published').where('model', 'is not', null)
    .orderBy('published_at', 'desc').execute();
  return rows.filter((r) => wanted.has(normalizeModel(r.model as string)));
}

/** Records one use; true when it is new (each card/ticket/user/kind counts once). */
export async function recordCardUse(db: Db, use: { cardId: string; ticketId: string; userId: string; kind: 'view' | 'helped'; at: string }): Promise<boolean> {
  const r = await db.insertInto('knowledge_card_uses')
    .values({ card_id: use.cardId, ticket_id: use.ticketId, user_id: use.userId, kind: use.kind, at: use.at })
    .onConflict((oc) => oc.doNothing()).executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  const column = use.kind === 'view' ? 'view_count' : 'helped_count';
  await db.updateTable('knowledge_cards').set((eb) => ({ [column]: eb(column, '+', 1) })).where('id', '=', use.cardId).execute();
  return true;
}
