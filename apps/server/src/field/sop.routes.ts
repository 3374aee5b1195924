import { createReadStream, existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@gongdan/contracts/common';
import { can } from '@gongdan/domain/access/permissions';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { CreateSopBody, SopDocumentDto, SopListQuery, SopPage, UpdateSopBody } from '@gongdan/contracts/field';
import type { AppContext } from '../app-context.ts';
import { HttpProblem } from '../http/problem.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, originOf } from '../http/request-meta.ts';
import { storagePath } from '../attachments/attachment-store.ts';
import { addSopImage } from './add-sop-image.ts';
import { createSop } from './create-sop.ts';
import { deleteSop } from './delete-sop.ts';
import { getSop } from './get-sop.ts';
import { listSops } from './list-sops.ts';
import { findSopImage } from './sop.repository.ts';
import { updateSop } from './update-sop.ts';
import { sopImageUrl } from './sop.presenter.ts';

const tags = ['SOP library'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema };
const SopImageDto = z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string(), url: z.string() });

export function registerSopRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/sops', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'SOP documents (filter by device model, title text, status); drafts only for admins', querystring: SopListQuery, response: { 200: SopPage, ...problems } },
  }, async (req) => listSops(ctx, { ...req.query, ...(can(actorOf(req), 'config.manage') ? {} : { status: 'published' as const }) }));
  r.get('/api/v1/sops/:id', {
    config: { access: 'config.read' },
    schema: { tags, summary: 'One SOP document', params: IdParams, response: { 200: SopDocumentDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getSop(ctx, req.params.id, can(actorOf(req), 'config.manage')), 200, (s) => s));
  r.post('/api/v1/sops', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Admin: add an SOP document', body: CreateSopBody, response: { 201: SopDocumentDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await createSop(ctx, originOf(req), req.body), 201, (s) => s));
  r.patch('/api/v1/sops/:id', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Admin: edit an SOP document', params: IdParams, body: UpdateSopBody, response: { 200: SopDocumentDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await updateSop(ctx, originOf(req), req.params.id, req.body), 200, (s) => s));
  r.delete('/api/v1/sops/:id', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Admin: delete an SOP document', params: IdParams, response: { 200: z.object({ id: z.string() }), ...problems } },
  }, async (req, reply) => sendResult(req, reply, await deleteSop(ctx, originOf(req), req.params.id), 200, (s) => s));

  r.post('/api/v1/sop-images', {
    config: { access: 'config.manage' },
    schema: { tags, summary: 'Admin: upload an SOP image (multipart/form-data, field "file"); put its id in imageIds', consumes: ['multipart/form-data'], response: { 201: SopImageDto, ...problems } },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw new HttpProblem(415, 'unsupported_media_type', { zh: '请以 multipart/form-data 上传文件', en: 'Upload files as multipart/form-data' });
    const file = await req.file();
    if (!file) throw new HttpProblem(422, 'validation_failed', { zh: '缺少文件', en: 'No file in the request' }, { errors: [{ field: 'file', message: 'required' }] });
    const result = await addSopImage(ctx, actorOf(req), { filename: file.filename, bytes: await file.toBuffer() });
    if (!result.ok && result.error.kind === 'validation' && result.error.errors[0]?.code === 'unsupported_type') {
      throw new HttpProblem(415, 'unsupported_media_type', { zh: 'SOP 图片须为 JPG、PNG、GIF 或 WebP', en: 'SOP images must be JPG, PNG, GIF or WebP' });
    }
    return sendResult(req, reply, result, 201, (i) => ({ id: i.id, filename: i.filename, contentType: i.content_type, size: i.size, sha256: i.sha256, url: sopImageUrl(i.id) }));
  });

  app.get('/api/v1/sop-images/:id/content', { config: { access: 'config.read' }, schema: { tags, summary: 'An SOP image' } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const img = await findSopImage(ctx.database.db, id);
    const path = img ? storagePath(ctx.config.dataDir, img.sha256) : '';
    if (!img || !existsSync(path)) throw new HttpProblem(404, 'not_found', { zh: '图片不存在', en: 'No such image' });
    reply.header('content-type', img.content_type).header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(img.filename)}`)
      .header('cache-control', 'private, max-age=604800, immutable');
    return reply.send(createReadStream(path));
  });
}
