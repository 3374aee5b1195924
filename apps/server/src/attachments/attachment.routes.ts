import { createReadStream, existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '@gongdan/domain/access/permissions';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { AttachmentDto } from '@gongdan/contracts/tickets';
import type { AppContext } from '../app-context.ts';
import { HttpProblem } from '../http/problem.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, metaOf } from '../http/request-meta.ts';
import type { AttachmentsTable } from '../storage/tables.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { addAttachment } from './add-attachment.ts';
import { storagePath } from './attachment-store.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema };

const present = (a: AttachmentsTable) => ({
  id: a.id, ticketId: a.ticket_id, filename: a.filename, contentType: a.content_type, size: a.size, sha256: a.sha256,
  visibility: a.visibility as 'public' | 'internal', createdAt: a.created_at, url: `/api/v1/attachments/${a.id}/content`,
});

export function registerAttachmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/tickets/:id/attachments', {
    config: { access: 'attachment.upload' },
    schema: { tags: ['attachments'], summary: 'Upload a file (multipart/form-data, field "file"; optional field "visibility")', params: IdParams, consumes: ['multipart/form-data'], response: { 201: AttachmentDto, ...problems } },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw new HttpProblem(415, 'unsupported_media_type', { zh: '请以 multipart/form-data 上传文件', en: 'Upload files as multipart/form-data' });
    const file = await req.file();
    if (!file) throw new HttpProblem(422, 'validation_failed', { zh: '缺少文件', en: 'No file in the request' }, { errors: [{ field: 'file', message: 'required' }] });
    const bytes = await file.toBuffer();
    const v = (file.fields['visibility'] as { value?: unknown } | undefined)?.value;
    const result = await addAttachment(ctx, actorOf(req), req.params.id, { filename: file.filename, bytes, visibility: v === 'public' ? 'public' : 'internal' }, metaOf(req));
    if (!result.ok && result.error.kind === 'validation' && result.error.errors[0]?.code === 'unsupported_type') {
      throw new HttpProblem(415, 'unsupported_media_type', { zh: '不支持的文件类型', en: 'Unsupported file type' }, { detail: 'JPG, PNG, GIF, WebP, PDF, MP4, TXT/CSV/LOG' });
    }
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 201, present);
  });

  r.get('/api/v1/tickets/:id/attachments', {
    config: { access: 'ticket.read' },
    schema: { tags: ['attachments'], summary: 'Attachments the caller may see', params: IdParams, response: { 200: z.object({ items: z.array(AttachmentDto) }), ...problems } },
  }, async (req) => {
    const actor = actorOf(req);
    const loaded = await loadVisibleTicket(ctx.database.db, actor, req.params.id);
    if (!loaded.ok) throw new HttpProblem(404, 'not_found', { zh: '资源不存在', en: 'Not found' });
    let q = ctx.database.db.selectFrom('attachments').selectAll().where('ticket_id', '=', req.params.id).orderBy('created_at');
    if (!can(actor, 'ticket.read_internal')) q = q.where('visibility', '=', 'public');
    return { items: (await q.execute()).map(present) };
  });

  app.get('/api/v1/attachments/:id/content', { config: { access: 'ticket.read' }, schema: { tags: ['attachments'], summary: 'Download an attachment' } }, async (req, reply) => {
    const actor = actorOf(req);
    const { id } = req.params as { id: string };
    const a = await ctx.database.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    const visible = a && (await loadVisibleTicket(ctx.database.db, actor, a.ticket_id)).ok && (a.visibility === 'public' || can(actor, 'ticket.read_internal'));
    const path = a ? storagePath(ctx.config.dataDir, a.sha256) : '';
    if (!a || !visible || !existsSync(path)) throw new HttpProblem(404, 'not_found', { zh: '附件不存在', en: 'No such attachment' });
    reply.header('content-type', a.content_type).header('x-content-type-options', 'nosniff')
      .header('content-disposition', `${a.content_type.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .header('cache-control', 'private, max-age=86400');
    return reply.send(createReadStream(path));
  });
}
