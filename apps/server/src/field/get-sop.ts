import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { SopDocumentDtoT } from '@gongdan/contracts/field';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { presentOneSop } from './sop.presenter.ts';
import { findSop } from './sop.repository.ts';

/** One document; a draft is visible only to those who manage the library. */
export async function getSop(ctx: AppContext, id: string, includeDrafts = false): Promise<Result<SopDocumentDtoT, AppError>> {
  const row = await findSop(ctx.database.db, id);
  return row && (includeDrafts || row.status === 'published') ? ok(await presentOneSop(ctx.database.db, row)) : err({ kind: 'not_found', entity: 'sop' });
}
