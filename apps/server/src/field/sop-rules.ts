import type { SopStatus } from '@gongdan/contracts/field';
import type { Actor } from '@gongdan/domain/access/roles';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import type { SopDocumentsTable } from '../storage/tables-field.ts';

/** Publishing stamps who and when; withdrawing to draft keeps the last stamp for the record. */
export function publication(actor: Actor, now: string, from: SopDocumentsTable | null, status: SopStatus): Pick<SopDocumentsTable, 'status' | 'published_at' | 'published_by'> {
  if (status === 'published' && from?.status !== 'published') return { status, published_at: now, published_by: actor.name };
  return { status, published_at: from?.published_at ?? null, published_by: from?.published_by ?? null };
}

/** A document may only reference uploaded images: the ids not among `existing` fail on `imageIds`. */
export function unknownImages(ids: string[], existing: string[]): AppError | null {
  const missing = [...new Set(ids)].filter((id) => !existing.includes(id));
  return missing.length > 0 ? { kind: 'validation', errors: [fieldIssue('imageIds', `图片不存在：${missing.join(', ')}`, `Unknown images: ${missing.join(', ')}`)] } : null;
}
