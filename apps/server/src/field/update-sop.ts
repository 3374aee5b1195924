import { can } from '@gongdan/domain/access/permissions';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { SopDocumentDtoT, SopStatus } from '@gongdan/contracts/field';
import { recordAdminChange, type ActorOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import { sopSnapshot } from './create-sop.ts';
import type { AppError } from '../shared/app-error.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { SopDocumentsTable } from '../storage/tables-field.ts';
import { presentOneSop } from './sop.presenter.ts';
import { findSop, findSopImageIds, replaceSopModels, updateSopRow } from './sop.repository.ts';
import { publication, unknownImages } from './sop-rules.ts';

/** The fields to change; omitted ones keep their value. */
export interface SopInput {
  models?: string[] | undefined;
  title?: string | undefined;
  body?: string | undefined;
  imageIds?: string[] | undefined;
  videoLinks?: string[] | undefined;
  status?: SopStatus | undefined;
}

/**
 * Admin: edits an SOP document; publishing it stamps who and when. The document is read inside
 * the transaction (locked on Postgres): one deleted meanwhile answers 404 instead of an "ok" that
 * changed nothing and left model rows for a document that no longer exists.
 */
export async function updateSop(ctx: AppContext, origin: ActorOrigin, id: string, input: SopInput): Promise<Result<SopDocumentDtoT, AppError>> {
  const { actor } = origin;
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const saved = await inTransaction(db, async (trx): Promise<Result<SopDocumentsTable, AppError>> => {
    const current = await findSop(trx, id, { forUpdate: ctx.database.dialect });
    if (!current) return err({ kind: 'not_found', entity: 'sop' });
    if (input.imageIds) {
      const bad = unknownImages(input.imageIds, await findSopImageIds(trx, input.imageIds));
      if (bad) return err(bad);
    }
    // One instant: a document published by this edit shows the same publishedAt and updatedAt.
    const now = ctx.clock.now().toISOString();
    const next: SopDocumentsTable = {
      ...current, title: input.title ?? current.title, body: input.body ?? current.body,
      models: input.models ? JSON.stringify([...new Set(input.models)]) : current.models,
      image_ids: input.imageIds ? JSON.stringify(input.imageIds) : current.image_ids,
      video_links: input.videoLinks ? JSON.stringify(input.videoLinks) : current.video_links,
      ...publication(actor, now, current, input.status ?? (current.status as SopStatus)),
      updated_at: now,
    };
    await updateSopRow(trx, id, next);
    if (input.models) await replaceSopModels(trx, id, input.models);
    await recordAdminChange(trx, ctx, origin, { entity: 'sop', entityId: id, action: 'update', before: sopSnapshot(current), after: sopSnapshot(next) });
    return ok(next);
  });
  return saved.ok ? ok(await presentOneSop(db, saved.value)) : saved;
}
