import type { SopStatus } from '@gongdan/contracts/field';
import type { Kysely } from 'kysely';
import { dialectOf, type DialectName } from '../storage/database.ts';
import { containsText } from '../storage/like-pattern.ts';
import type { DB } from '../storage/tables.ts';
import type { SopDocumentsTable, SopImagesTable } from '../storage/tables-field.ts';

/** Queries of the SOP library's tables. Callers pass the transaction when inside one. */
type Db = Kysely<DB>;

export interface SopFilter {
  status?: SopStatus | undefined;
  model?: string | undefined;
  /** Text the title contains (taken literally, `%` and `_` included; ASCII case ignored). */
  q?: string | undefined;
  /** Documents after this id (keyset pagination by id). */
  cursor?: string | undefined;
}

/** Loads a document; on Postgres inside a transaction `forUpdate` locks the row for the change. */
export async function findSop(db: Db, id: string, opts: { forUpdate?: DialectName } = {}): Promise<SopDocumentsTable | undefined> {
  let q = db.selectFrom('sop_documents').selectAll().where('id', '=', id);
  if (opts.forUpdate === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertSop(db: Db, row: SopDocumentsTable): Promise<void> {
  await db.insertInto('sop_documents').values(row).execute();
}

export async function updateSopRow(db: Db, id: string, row: SopDocumentsTable): Promise<void> {
  await db.updateTable('sop_documents').set(row).where('id', '=', id).execute();
}

/** Deletes the document and its model index; false when there was no such document. */
export async function deleteSopRow(db: Db, id: string): Promise<boolean> {
  const res = await db.deleteFrom('sop_documents').where('id', '=', id).executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) return false;
  await db.deleteFrom('sop_document_models').where('sop_id', '=', id).execute();
  return true;
}

/** Replaces the models a document is indexed under (duplicates written once). */
export async function replaceSopModels(db: Db, sopId: string, models: string[]): Promise<void> {
  await db.deleteFrom('sop_document_models').where('sop_id', '=', sopId).execute();
  const unique = [...new Set(models)];
  if (unique.length > 0) await db.insertInto('sop_document_models').values(unique.map((model) => ({ sop_id: sopId, model }))).execute();
}

/** One page of documents by id, `limit` rows at most. */
export async function listSopRows(db: Db, f: SopFilter, limit: number): Promise<SopDocumentsTable[]> {
  let query = db.selectFrom('sop_documents').selectAll();
  if (f.model) {
    const model = f.model;
    query = query.where('id', 'in', (eb) => eb.selectFrom('sop_document_models').select('sop_id').where('model', '=', model));
  }
  if (f.status) query = query.where('status', '=', f.status);
  if (f.q) {
    const text = f.q;
    query = query.where((eb) => containsText(eb, dialectOf(db), ['title'], text));
  }
  if (f.cursor) query = query.where('id', '>', f.cursor);
  return query.orderBy('id').limit(limit).execute();
}

/** Every model code some document (draft or published) is indexed under. */
export async function listSopModels(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('sop_document_models').select('model').distinct().execute();
  return rows.map((r) => r.model);
}

/** Published SOP documents for any of these device models, by title (drafts never reach engineers). */
export async function findPublishedSopsForModels(db: Db, models: string[]): Promise<SopDocumentsTable[]> {
  if (models.length === 0) return [];
  const ids = await db.selectFrom('sop_document_models').select('sop_id').distinct().where('model', 'in', [...new Set(models)]).execute();
  if (ids.length === 0) return [];
  return db.selectFrom('sop_documents').selectAll().where('id', 'in', ids.map((r) => r.sop_id)).where('status', '=', 'published').orderBy('title').execute();
}

export async function findSopImage(db: Db, id: string): Promise<SopImagesTable | undefined> {
  return db.selectFrom('sop_images').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSopImages(db: Db, ids: string[]): Promise<SopImagesTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('sop_images').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

/** Which of these image ids exist. */
export async function findSopImageIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('sop_images').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return rows.map((r) => r.id);
}

export async function insertSopImage(db: Db, row: SopImagesTable): Promise<void> {
  await db.insertInto('sop_images').values(row).execute();
}
