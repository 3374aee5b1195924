import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import type { SopImagesTable } from '../storage/tables-field.ts';
import { storeBlob } from '../attachments/attachment-store.ts';
import { sniffContentType } from '../attachments/content-sniffing.ts';
import { sanitizeFilename } from '../attachments/add-attachment.ts';
import { insertSopImage } from './sop.repository.ts';

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
  await insertSopImage(ctx.database.db, row);
  return ok(row);
}
