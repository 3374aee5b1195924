import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext, RequestMeta } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { newId } from '../shared/ids.ts';
import { inTransaction } from '../storage/transaction.ts';
import type { AttachmentsTable } from '../storage/tables.ts';
import { recordTicketChange, ticketEventPayload } from '../tickets/ticket-change.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { storeBlob } from './attachment-store.ts';
import { sniffContentType } from './content-sniffing.ts';

export interface UploadInput {
  filename: string;
  bytes: Buffer;
  visibility: 'public' | 'internal';
}

/** Stores an upload (type sniffed from its bytes, SHA-256 addressed) and audits it on the ticket. */
export async function addAttachment(
  ctx: AppContext, actor: Actor, ticketId: string, input: UploadInput, meta: RequestMeta,
): Promise<Result<AttachmentsTable, AppError>> {
  if (!can(actor, 'attachment.upload')) return err({ kind: 'forbidden' });
  const visibility = actor.role === 'customer' ? 'public' : input.visibility;
  const contentType = sniffContentType(input.bytes.subarray(0, 64), input.filename);
  if (!contentType) {
    return err({ kind: 'validation', errors: [{ field: 'file', code: 'unsupported_type', message: { zh: '不支持的文件类型', en: 'Unsupported file type' },
      hint: { zh: '支持 JPG、PNG、GIF、WebP、PDF、MP4 与 TXT/CSV/LOG 文本', en: 'JPG, PNG, GIF, WebP, PDF, MP4 and TXT/CSV/LOG text are accepted' } }] });
  }
  if (input.bytes.length === 0) return err({ kind: 'validation', errors: [{ field: 'file', message: { zh: '文件为空', en: 'The file is empty' } }] });
  const db = ctx.database.db;
  return inTransaction(db, async (trx): Promise<Result<AttachmentsTable, AppError>> => {
    const loaded = await loadVisibleTicket(trx, actor, ticketId, ctx.database.dialect);
    if (!loaded.ok) return loaded;
    const { row, ticket } = loaded.value;
    const { sha256 } = storeBlob(ctx.config.dataDir, input.bytes);
    const now = ctx.clock.now();
    const attachment: AttachmentsTable = {
      id: newId(now.getTime()), ticket_id: ticket.id, comment_id: null, sha256, filename: sanitizeFilename(input.filename),
      content_type: contentType, size: input.bytes.length, visibility, uploaded_by: actor.id, created_at: now.toISOString(),
    };
    await trx.insertInto('attachments').values(attachment).execute();
    const saved = await recordTicketChange(trx, ctx, row, null, {
      action: 'attachment.added', actor, meta, at: now, before: null,
      after: { attachmentId: attachment.id, filename: attachment.filename, sha256, size: attachment.size, contentType, visibility },
      events: [{ topic: 'ticket.attachment_added', aggregateId: ticket.id, payload: { ...ticketEventPayload(ticket, 'attachment_added'), attachmentId: attachment.id, visibility } }],
    });
    return saved.ok ? ok(attachment) : saved;
  });
}

export function sanitizeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim();
  return (cleaned || 'file').slice(0, 200);
}
