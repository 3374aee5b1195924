import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { KnownModelsDto, NameplateDeviceBody, NameplateDeviceResult, NameplateReadingDto } from '@gongdan/contracts/nameplates';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import type { AppContext } from '../app-context.ts';
import { sniffContentType } from '../attachments/content-sniffing.ts';
import { HttpProblem } from '../http/problem.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, metaOf } from '../http/request-meta.ts';
import { raiseFieldConflict } from '../field/field-conflict.ts';
import { linkNameplateDevice } from './link-nameplate-device.ts';
import { listKnownModels } from './known-models.repository.ts';
import { closeNameplateEngine, englishLangPath } from './node-nameplate-engine.ts';
import { recognizeNameplatePhoto, UndecodableImageError } from './recognize-nameplate-photo.ts';

/** Photos larger than this are refused (a phone photo of a label is 1–5 MB). */
export const NAMEPLATE_MAX_BYTES = 8 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

const require = createRequire(import.meta.url);

/**
 * The OCR files the field app loads lazily, served from node_modules under fixed names (no
 * CDN): the tesseract.js worker, its wasm cores (embedded in .wasm.js) and the English model.
 */
function ocrAssetFiles(): Map<string, { path: string; type: string }> {
  const tjs = join(dirname(require.resolve('tesseract.js')), '..', 'dist');
  const core = dirname(require.resolve('tesseract.js-core/package.json'));
  const files = new Map<string, { path: string; type: string }>();
  files.set('worker.min.js', { path: join(tjs, 'worker.min.js'), type: 'text/javascript' });
  for (const variant of ['', '-simd', '-relaxedsimd']) {
    for (const lstm of ['', '-lstm']) {
      const name = `tesseract-core${variant}${lstm}.wasm.js`;
      files.set(name, { path: join(core, name), type: 'text/javascript' });
    }
  }
  files.set('eng.traineddata.gz', { path: join(englishLangPath(), 'eng.traineddata.gz'), type: 'application/gzip' });
  return files;
}

export function registerNameplateRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The OCR worker thread would keep the process alive after the server stops.
  app.addHook('onClose', async () => { await closeNameplateEngine(); });
  r.post('/api/v1/nameplates/recognize', {
    config: { access: 'ticket.update', idempotent: false },
    schema: {
      tags: ['smart-entry'],
      summary: 'Read a device nameplate photo (multipart field "image": JPEG, PNG or WebP, ≤ 8 MB): QR code first, then OCR; model matched to known device models',
      consumes: ['multipart/form-data'],
      response: { 200: NameplateReadingDto, 401: ProblemSchema, 403: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema },
    },
  }, async (req) => {
    if (!req.isMultipart()) throw new HttpProblem(415, 'unsupported_media_type', { zh: '请以 multipart/form-data 上传铭牌照片', en: 'Upload the photo as multipart/form-data' });
    const file = await req.file({ limits: { fileSize: Math.min(NAMEPLATE_MAX_BYTES, ctx.config.maxUploadBytes), files: 1 } });
    if (file && file.fieldname !== 'image') await file.toBuffer().catch(() => undefined); // drain, so the answer reaches the client
    if (!file || file.fieldname !== 'image') {
      throw new HttpProblem(422, 'validation_failed', { zh: '缺少铭牌照片', en: 'No photo in the request' }, {
        errors: [{ field: 'image', message: 'required', hint: 'multipart field "image" with a JPEG, PNG or WebP photo' }],
      });
    }
    const bytes = await file.toBuffer();
    const type = sniffContentType(bytes.subarray(0, 64), file.filename);
    if (!type || !IMAGE_TYPES.has(type)) {
      throw new HttpProblem(415, 'unsupported_media_type', { zh: '铭牌照片须为 JPG、PNG 或 WebP 图片', en: 'The photo must be a JPEG, PNG or WebP image' }, {
        detail: 'the type is decided from the file’s content, not its name',
      });
    }
    try {
      return await recognizeNameplatePhoto(ctx, bytes);
    } catch (e) {
      // A file that starts like an image but does not decode.
      if (e instanceof UndecodableImageError) {
        throw new HttpProblem(422, 'validation_failed', { zh: '无法解析图片，请重新拍摄', en: 'The image cannot be decoded; take the photo again' }, {
          errors: [{ field: 'image', message: 'undecodable image', hint: 'send the photo file as the camera saved it' }],
        });
      }
      throw e;
    }
  });

  r.get('/api/v1/nameplates/models', {
    config: { access: 'ticket.update' },
    schema: { tags: ['smart-entry'], summary: 'Known device models, for recognition in the field app while offline', response: { 200: KnownModelsDto, 401: ProblemSchema, 403: ProblemSchema } },
  }, async () => ({ items: await listKnownModels(ctx.database.db) }));

  r.post('/api/v1/tickets/:id/nameplate-device', {
    config: { access: 'ticket.update' },
    schema: {
      tags: ['smart-entry'],
      summary: 'After a nameplate read: link the customer’s device with this serial to the ticket, or register it for the ticket’s customer; audited',
      params: IdParams, body: NameplateDeviceBody,
      response: { 200: NameplateDeviceResult, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const result = await raiseFieldConflict(ctx, actor, req.params.id, await linkNameplateDevice(ctx, actor, req.params.id, req.body, metaOf(req)), req.locale);
    ctx.nudgeOutbox();
    return sendResult(req, reply, result, 200, (x) => x);
  });

  const assets = ocrAssetFiles();
  app.get('/ocr-assets/:file', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const asset = assets.get((req.params as { file: string }).file);
    if (!asset) throw new HttpProblem(404, 'not_found', { zh: '资源不存在', en: 'Not found' });
    return reply.type(asset.type).header('cache-control', 'public, max-age=2592000').header('x-content-type-options', 'nosniff')
      .send(createReadStream(asset.path));
  });
}
