import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { PartDtoT } from '@gongdan/contracts/field';
import type { Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { parseJson } from '../shared/json.ts';
import { containsText } from '../storage/like-pattern.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { DB } from '../storage/tables.ts';
import type { SparePartsTable } from '../storage/tables-field.ts';
import { isUniqueViolation } from '../storage/unique-violation.ts';
import { presentPart } from '../field/field.presenter.ts';

export interface PartInput {
  partNo?: string | undefined;
  name?: string | undefined;
  unit?: string | undefined;
  models?: string[] | undefined;
  substituteIds?: string[] | undefined;
}

async function checkSubstitutes(db: Kysely<DB>, selfId: string, ids: string[]): Promise<AppError | null> {
  const unique = [...new Set(ids)];
  if (unique.includes(selfId)) return { kind: 'validation', errors: [fieldIssue('substituteIds', '备件不能替代自己', 'A part cannot substitute itself')] };
  if (unique.length === 0) return null;
  const found = await db.selectFrom('spare_parts').select('id').where('id', 'in', unique).execute();
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  return missing.length > 0 ? { kind: 'validation', errors: [fieldIssue('substituteIds', `替代件不存在：${missing.join(', ')}`, `Unknown substitute parts: ${missing.join(', ')}`)] } : null;
}

async function writeModels(trx: Kysely<DB>, partId: string, models: string[]): Promise<void> {
  await trx.deleteFrom('spare_part_models').where('part_id', '=', partId).execute();
  const unique = [...new Set(models)];
  if (unique.length > 0) await trx.insertInto('spare_part_models').values(unique.map((model) => ({ part_id: partId, model }))).execute();
}

const duplicate = (): AppError => ({ kind: 'validation', errors: [fieldIssue('partNo', '备件编号已存在', 'This part number already exists')] });

export async function createPart(ctx: AppContext, actor: Actor, input: Required<PartInput>): Promise<Result<PartDtoT, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  const now = ctx.clock.now().toISOString();
  const row: SparePartsTable = {
    id: newId(), part_no: input.partNo, name: input.name, unit: input.unit, models: JSON.stringify([...new Set(input.models)]),
    substitute_ids: JSON.stringify([...new Set(input.substituteIds)]), active: 1, created_at: now, updated_at: now,
  };
  const bad = await checkSubstitutes(ctx.database.db, row.id, input.substituteIds);
  if (bad) return err(bad);
  try {
    return await inTransaction(ctx.database.db, async (trx): Promise<Result<PartDtoT, AppError>> => {
      await trx.insertInto('spare_parts').values(row).execute();
      await writeModels(trx, row.id, input.models);
      return ok(presentPart(row));
    });
  } catch (e) {
    if (isUniqueViolation(e)) return err(duplicate());
    throw e;
  }
}

export async function updatePart(ctx: AppContext, actor: Actor, id: string, input: PartInput): Promise<Result<PartDtoT, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const current = await db.selectFrom('spare_parts').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();
  if (!current) return err({ kind: 'not_found', entity: 'part' });
  if (input.substituteIds) {
    const bad = await checkSubstitutes(db, id, input.substituteIds);
    if (bad) return err(bad);
  }
  const next: SparePartsTable = {
    ...current,
    part_no: input.partNo ?? current.part_no, name: input.name ?? current.name, unit: input.unit ?? current.unit,
    models: input.models ? JSON.stringify([...new Set(input.models)]) : current.models,
    substitute_ids: input.substituteIds ? JSON.stringify([...new Set(input.substituteIds)]) : current.substitute_ids,
    updated_at: ctx.clock.now().toISOString(),
  };
  try {
    return await inTransaction(db, async (trx): Promise<Result<PartDtoT, AppError>> => {
      await trx.updateTable('spare_parts').set(next).where('id', '=', id).execute();
      if (input.models) await writeModels(trx, id, input.models);
      return ok(presentPart(next));
    });
  } catch (e) {
    if (isUniqueViolation(e)) return err(duplicate());
    throw e;
  }
}

/** Retires a part: it disappears from the catalogue and suggestions; history keeps naming it. */
export async function deletePart(ctx: AppContext, actor: Actor, id: string): Promise<Result<{ id: string }, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const res = await db.updateTable('spare_parts').set({ active: 0, updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).where('active', '=', 1).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return err({ kind: 'not_found', entity: 'part' });
  await db.deleteFrom('spare_part_models').where('part_id', '=', id).execute();
  return ok({ id });
}

export async function getPart(ctx: AppContext, id: string): Promise<Result<PartDtoT, AppError>> {
  const row = await ctx.database.db.selectFrom('spare_parts').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();
  return row ? ok(presentPart(row)) : err({ kind: 'not_found', entity: 'part' });
}

export async function listParts(ctx: AppContext, q: { q?: string | undefined; model?: string | undefined; cursor?: string | undefined; limit: number }) {
  let query = ctx.database.db.selectFrom('spare_parts').selectAll().where('active', '=', 1);
  if (q.model) {
    const model = q.model;
    query = query.where('id', 'in', (eb) => eb.selectFrom('spare_part_models').select('part_id').where('model', '=', model));
  }
  if (q.q) {
    // Escaped, not stripped: "R32_" must not find "R32-…", and "_" alone must not list everything.
    const text = q.q;
    query = query.where((eb) => containsText(eb, ctx.database.dialect, ['part_no', 'name'], text));
  }
  if (q.cursor) query = query.where('part_no', '>', q.cursor);
  const rows = await query.orderBy('part_no').limit(q.limit + 1).execute();
  const items = rows.slice(0, q.limit);
  return { items: items.map(presentPart), nextCursor: rows.length > q.limit ? (items[items.length - 1]?.part_no ?? null) : null };
}

export const substitutesOf = (p: SparePartsTable) => parseJson<string[]>(p.substitute_ids, []);
