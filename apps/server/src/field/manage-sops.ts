import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { SopDocumentDtoT, SopStatus } from '@gongdan/contracts/field';
import type { Kysely } from 'kysely';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { DB } from '../storage/tables.ts';
import type { SopDocumentsTable, SopImagesTable } from '../storage/tables-field.ts';
import { storeBlob } from '../attachments/attachment-store.ts';
import { sniffContentType } from '../attachments/content-sniffing.ts';
import { sanitizeFilename } from '../attachments/add-attachment.ts';
import { presentSops } from './sop.presenter.ts';

export interface SopInput {
  models?: string[] | undefined;
  title?: string | undefined;
  body?: string | undefined;
  imageIds?: string[] | undefined;
  videoLinks?: string[] | undefined;
  status?: SopStatus | undefined;
}

type NewSop = Required<Omit<SopInput, 'status'>> & { status?: SopStatus | undefined };

/** Publishing stamps who and when; withdrawing to draft keeps the last stamp for the record. */
function publication(actor: Actor, now: string, from: SopDocumentsTable | null, status: SopStatus): Pick<SopDocumentsTable, 'status' | 'published_at' | 'published_by'> {
  if (status === 'published' && from?.status !== 'published') return { status, published_at: now, published_by: actor.name };
  return { status, published_at: from?.published_at ?? null, published_by: from?.published_by ?? null };
}

async function checkImages(db: Kysely<DB>, ids: string[]): Promise<AppError | null> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return null;
  const found = await db.selectFrom('sop_images').select('id').where('id', 'in', unique).execute();
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  return missing.length > 0 ? { kind: 'validation', errors: [fieldIssue('imageIds', `图片不存在：${missing.join(', ')}`, `Unknown images: ${missing.join(', ')}`)] } : null;
}

async function writeModels(trx: Kysely<DB>, sopId: string, models: string[]): Promise<void> {
  await trx.deleteFrom('sop_document_models').where('sop_id', '=', sopId).execute();
  const unique = [...new Set(models)];
  if (unique.length > 0) await trx.insertInto('sop_document_models').values(unique.map((model) => ({ sop_id: sopId, model }))).execute();
}

async function presentOne(db: Kysely<DB>, row: SopDocumentsTable): Promise<SopDocumentDtoT> {
  return (await presentSops(db, [row]))[0] as SopDocumentDtoT;
}

export async function createSop(ctx: AppContext, actor: Actor, input: NewSop): Promise<Result<SopDocumentDtoT, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const bad = await checkImages(db, input.imageIds);
  if (bad) return err(bad);
  const now = ctx.clock.now().toISOString();
  const row: SopDocumentsTable = {
    id: newId(), title: input.title, body: input.body, models: JSON.stringify([...new Set(input.models)]), image_ids: JSON.stringify(input.imageIds),
    video_links: JSON.stringify(input.videoLinks), ...publication(actor, now, null, input.status ?? 'published'),
    created_by: actor.id, created_at: now, updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('sop_documents').values(row).execute();
    await writeModels(trx, row.id, input.models);
    return ok(undefined);
  });
  return ok(await presentOne(db, row));
}

export async function updateSop(ctx: AppContext, actor: Actor, id: string, input: SopInput): Promise<Result<SopDocumentDtoT, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const current = await db.selectFrom('sop_documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) return err({ kind: 'not_found', entity: 'sop' });
  if (input.imageIds) {
    const bad = await checkImages(db, input.imageIds);
    if (bad) return err(bad);
  }
  const next: SopDocumentsTable = {
    ...current, title: input.title ?? current.title, body: input.body ?? current.body,
    models: input.models ? JSON.stringify([...new Set(input.models)]) : current.models,
    image_ids: input.imageIds ? JSON.stringify(input.imageIds) : current.image_ids,
    video_links: input.videoLinks ? JSON.stringify(input.videoLinks) : current.video_links,
    ...publication(actor, ctx.clock.now().toISOString(), current, input.status ?? (current.status as SopStatus)),
    updated_at: ctx.clock.now().toISOString(),
  };
  await inTransaction(db, async (trx) => {
    await trx.updateTable('sop_documents').set(next).where('id', '=', id).execute();
    if (input.models) await writeModels(trx, id, input.models);
    return ok(undefined);
  });
  return ok(await presentOne(db, next));
}

export async function deleteSop(ctx: AppContext, actor: Actor, id: string): Promise<Result<{ id: string }, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  return inTransaction(ctx.database.db, async (trx): Promise<Result<{ id: string }, AppError>> => {
    const res = await trx.deleteFrom('sop_documents').where('id', '=', id).executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) return err({ kind: 'not_found', entity: 'sop' });
    await trx.deleteFrom('sop_document_models').where('sop_id', '=', id).execute();
    return ok({ id });
  });
}

/** One document; a draft is visible only to those who manage the library. */
export async function getSop(ctx: AppContext, id: string, includeDrafts = false): Promise<Result<SopDocumentDtoT, AppError>> {
  const row = await ctx.database.db.selectFrom('sop_documents').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (includeDrafts || row.status === 'published') ? ok(await presentOne(ctx.database.db, row)) : err({ kind: 'not_found', entity: 'sop' });
}

export async function listSops(ctx: AppContext, q: { status?: SopStatus | undefined; model?: string | undefined; q?: string | undefined; cursor?: string | undefined; limit: number }) {
  const db = ctx.database.db;
  let query = db.selectFrom('sop_documents').selectAll();
  if (q.model) {
    const model = q.model;
    query = query.where('id', 'in', (eb) => eb.selectFrom('sop_document_models').select('sop_id').where('model', '=', model));
  }
  if (q.status) query = query.where('status', '=', q.status);
  if (q.q) query = query.where('title', 'like', `%${q.q.replace(/[%_]/g, '')}%`);
  if (q.cursor) query = query.where('id', '>', q.cursor);
  const rows = await query.orderBy('id').limit(q.limit + 1).execute();
  const items = rows.slice(0, q.limit);
  return { items: await presentSops(db, items), nextCursor: rows.length > q.limit ? (items[items.length - 1]?.id ?? null) : null };
}

/** An SOP image: stored in the attachment store (type sniffed, SHA-256 addressed); pictures only. */
export async function addSopImage(ctx: AppContext, actor: Actor, input: { filename: string; bytes: Buffer }): Promise<Result<SopImagesTable, AppError>> {
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  if (input.bytes.length === 0) return err({ kind: 'validation', errors: [fieldIssue('file', '文件为空', 'The file is empty')] });
  const contentType = sniffContentType(input.bytes.subarray(0, 64), input.filename);
  if (!contentType?.startsWith('image/')) {
    return err({ kind: 'validation', errors: [{ field: 'file', code: 'unsupported_type', message: { zh: 'SOP 图片须为 JPG、PNG、GIF 或 WebP', en: 'SOP images must be JPG, PNG, GIF or WebP' } }] });
  }
  const { sha256 } = storeBlob(ctx.config.dataDir, input.bytes);
  const now = ctx.clock.now();
  const row: SopImagesTable = {
    id: newId(now.getTime()), sha256, filename: sanitizeFilename(input.filename), content_type: contentType, size: input.bytes.length,
    uploaded_by: actor.id, created_at: now.toISOString(),
  };
  await ctx.database.db.insertInto('sop_images').values(row).execute();
  return ok(row);
}
