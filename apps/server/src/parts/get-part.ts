import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { PartDtoT } from '@gongdan/contracts/field';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { presentPart } from '../field/field.presenter.ts';
import { findPart } from './part.repository.ts';

/** One part of the catalogue; a retired part is not found. */
export async function getPart(ctx: AppContext, id: string): Promise<Result<PartDtoT, AppError>> {
  const row = await findPart(ctx.database.db, id);
  return row ? ok(presentPart(row)) : err({ kind: 'not_found', entity: 'part' });
}
