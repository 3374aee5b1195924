import { can } from '@gongdan/domain/access/permissions';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { SopDocumentDtoT, SopStatus } from '@gongdan/contracts/field';
import { recordAdminChange, type ActorOrigin } from '../admin-changes/record-admin-change.ts';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { parseJson } from '../shared/json.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { SopDocumentsTable } from '../storage/tables-field.ts';
import { presentOneSop } from './sop.presenter.ts';
import { findSopImageIds, insertSop, replaceSopModels } from './sop.repository.ts';
import { publication, unknownImages } from './sop-rules.ts';

export interface NewSop {
  models: string[];
  title: string;
  body: string;
  imageIds: string[];
  videoLinks: string[];
  /** Omitted: published at once. */
  status?: SopStatus | undefined;
}

/** Admin: adds an SOP document, indexed under its device models. */
export async function createSop(ctx: AppContext, origin: ActorOrigin, input: NewSop): Promise<Result<SopDocumentDtoT, AppError>> {
  const { actor } = origin;
  if (!can(actor, 'config.manage')) return err({ kind: 'forbidden' });
  const db = ctx.database.db;
  const bad = unknownImages(input.imageIds, await findSopImageIds(db, input.imageIds));
  if (bad) return err(bad);
  const now = ctx.clock.now().toISOString();
  const row: SopDocumentsTable = {
    id: newId(), title: input.title, body: input.body, models: JSON.stringify([...new Set(input.models)]), image_ids: JSON.stringify(input.imageIds),
    video_links: JSON.stringify(input.videoLinks), ...publication(actor, now, null, input.status ?? 'published'),
    created_by: actor.id, created_at: now, updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await insertSop(trx, row);
    await replaceSopModels(trx, row.id, input.models);
    await recordAdminChange(trx, ctx, origin, { entity: 'sop', entityId: row.id, action: 'create', before: null, after: sopSnapshot(row) });
    return ok(undefined);
  });
  return ok(await presentOneSop(db, row));
}

/** What the admin change log keeps of an SOP document. */
export function sopSnapshot(r: SopDocumentsTable) {
  return { title: r.title, body: r.body, models: parseJson<string[]>(r.models, []), imageIds: parseJson<string[]>(r.image_ids, []), videoLinks: parseJson<string[]>(r.video_links, []), status: r.status };
}
