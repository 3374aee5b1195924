import type { Kysely } from 'kysely';
import { dialectOf, type DialectName } from '../storage/database.ts';
import { containsText } from '../storage/like-pattern.ts';
import type { DB } from '../storage/tables.ts';
import type { SparePartsTable } from '../storage/tables-field.ts';

/** Queries of the spare-parts catalogue. Callers pass the transaction when inside one. */
type Db = Kysely<DB>;

export interface PartFilter {
  /** Text the part number or name contains (taken literally, `%` and `_` included; ASCII case ignored). */
  q?: string | undefined;
  /** Only parts that fit this device model. */
  model?: string | undefined;
  /** Parts after this part number (keyset pagination by part number). */
  cursor?: string | undefined;
}

/** The columns an edit may change; `updated_at` always. */
export type PartRowChanges = Partial<Pick<SparePartsTable, 'part_no' | 'name' | 'unit' | 'models' | 'substitute_ids'>> & Pick<SparePartsTable, 'updated_at'>;

/**
 * Loads a part of the catalogue (retired ones are gone); on Postgres inside a transaction
 * `forUpdate` locks the row for the change, so a retire waits for it instead of being undone.
 */
export async function findPart(db: Db, id: string, opts: { forUpdate?: DialectName } = {}): Promise<SparePartsTable | undefined> {
  let q = db.selectFrom('spare_parts').selectAll().where('id', '=', id).where('active', '=', 1);
  if (opts.forUpdate === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/**
 * Which of these part ids are in the catalogue (not retired). On Postgres inside a transaction
 * `lock` share-locks them: a retire of one of them waits until the caller has committed.
 */
export async function findActivePartIds(db: Db, ids: string[], opts: { lock?: DialectName } = {}): Promise<string[]> {
  if (ids.length === 0) return [];
  let q = db.selectFrom('spare_parts').select('id').where('id', 'in', [...new Set(ids)]).where('active', '=', 1);
  if (opts.lock === 'postgres') q = q.forShare();
  return (await q.execute()).map((r) => r.id);
}

export async function insertPart(db: Db, row: SparePartsTable): Promise<void> {
  await db.insertInto('spare_parts').values(row).execute();
}

/** Writes only the given columns of a part still in the catalogue (never `active`: a retire stays a retire). */
export async function updatePartRow(db: Db, id: string, changes: PartRowChanges): Promise<void> {
  await db.updateTable('spare_parts').set(changes).where('id', '=', id).where('active', '=', 1).execute();
}

/** Retires a part and drops its model index; false when there was no such part in the catalogue. */
export async function retirePartRow(db: Db, id: string, at: string): Promise<boolean> {
  const res = await db.updateTable('spare_parts').set({ active: 0, updated_at: at }).where('id', '=', id).where('active', '=', 1).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('spare_part_models').where('part_id', '=', id).execute();
  return true;
}

/** Replaces the models a part is indexed under (duplicates written once). */
export async function replacePartModels(db: Db, partId: string, models: string[]): Promise<void> {
  await db.deleteFrom('spare_part_models').where('part_id', '=', partId).execute();
  const unique = [...new Set(models)];
  if (unique.length > 0) await db.insertInto('spare_part_models').values(unique.map((model) => ({ part_id: partId, model }))).execute();
}

/** One page of the catalogue by part number, `limit` rows at most. */
export async function listPartRows(db: Db, f: PartFilter, limit: number): Promise<SparePartsTable[]> {
  let query = db.selectFrom('spare_parts').selectAll().where('active', '=', 1);
  if (f.model) {
    const model = f.model;
    query = query.where('id', 'in', (eb) => eb.selectFrom('spare_part_models').select('part_id').where('model', '=', model));
  }
  if (f.q) {
    const text = f.q;
    query = query.where((eb) => containsText(eb, dialectOf(db), ['part_no', 'name'], text));
  }
  if (f.cursor) query = query.where('part_no', '>', f.cursor);
  return query.orderBy('part_no').limit(limit).execute();
}
