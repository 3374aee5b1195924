import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pickText } from '@gongdan/domain/shared/localized';
import type { AppContext, RequestMeta } from '../app-context.ts';
import { HttpProblem } from '../http/problem.ts';
import { RateLimiter } from '../http/rate-limiter.ts';
import { deviceReportToken } from './confirmation-secrets.ts';
import { qrSvg } from './confirmation-request.presenter.ts';
import { deviceForToken, submitDeviceReport, type DeviceReportInput } from './device-report.ts';
import { renderDeviceReportDone, renderDeviceReportForm, renderDeviceReportInvalid, renderSticker, type FormState } from './device-report-page.ts';
import { sendHtml } from './html.ts';

const TokenParams = z.object({ token: z.string().min(1).max(200) });
const MAX_PHOTO = 10 * 1024 * 1024;

function meta(req: FastifyRequest): RequestMeta {
  return { ip: req.ip ?? null, userAgent: req.headers['user-agent']?.slice(0, 500) ?? null, deviceId: null, clientAt: null, gps: null };
}

/** 扫码报修: printable QR stickers per device (staff) and the no-login report form behind them. */
export function registerDeviceReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const perIp = new RateLimiter(5, 10 * 60_000);
  const reportUrl = (deviceId: string) => `${ctx.config.publicUrl}/r/${deviceReportToken(ctx.config.secret, deviceId)}`;

  r.get('/api/v1/devices/:id/report-sticker', {
    config: { access: 'customer.read' },
    schema: { tags: ['confirmations'], summary: 'Printable 扫码报修 QR stickers for one device (HTML)', params: z.object({ id: z.string().min(1).max(64) }) },
  }, async (req, reply) => {
    const device = await deviceForToken(ctx, deviceReportToken(ctx.config.secret, req.params.id));
    if (!device) throw new HttpProblem(404, 'not_found', { zh: '设备不存在', en: 'No such device' });
    const url = reportUrl(device.id);
    return sendHtml(req, reply, 200, renderSticker(device, url, await qrSvg(url)));
  });

  r.get('/r/:token', { schema: { hide: true, params: TokenParams }, config: { access: 'public' } }, async (req, reply) => {
    const device = await deviceForToken(ctx, req.params.token);
    if (!device) return sendHtml(req, reply, 404, renderDeviceReportInvalid());
    return sendHtml(req, reply, 200, renderDeviceReportForm(`/r/${req.params.token}`, device));
  });

  app.post('/r/:token', { schema: { hide: true }, config: { access: 'public' }, bodyLimit: MAX_PHOTO + 64 * 1024 }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const device = await deviceForToken(ctx, token);
    if (!device) return sendHtml(req, reply, 404, renderDeviceReportInvalid());
    if (!perIp.take(req.ip, ctx.clock.now().getTime())) {
      throw new HttpProblem(429, 'rate_limited', { zh: '提交过于频繁，请稍后再试', en: 'Too many reports; try again later' });
    }
    if (!req.isMultipart()) throw new HttpProblem(415, 'unsupported_media_type', { zh: '请通过报修表单提交', en: 'Submit the report form' });
    const input: DeviceReportInput = { contactName: '', contactPhone: '', description: '', photo: null };
    for await (const part of req.parts({ limits: { fileSize: MAX_PHOTO, files: 1, fields: 5 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'photo' && bytes.length > 0) input.photo = { filename: part.filename, bytes };
      } else if (part.fieldname === 'contactName' || part.fieldname === 'contactPhone' || part.fieldname === 'description') {
        input[part.fieldname] = String(part.value ?? '').slice(0, 5000);
      }
    }
    const result = await submitDeviceReport(ctx, device, input, meta(req));
    if (!result.ok) {
      if (result.error.kind !== 'validation') throw new HttpProblem(409, 'conflict', { zh: '暂时无法提交，请稍后再试', en: 'Could not submit; try again later' });
      const errors: FormState['errors'] = {};
      for (const i of result.error.errors) {
        errors[i.field] = { message: pickText(i.message, 'zh-CN'), hint: i.hint ? pickText(i.hint, 'zh-CN') : undefined, example: i.example };
      }
      return sendHtml(req, reply, 422, renderDeviceReportForm(`/r/${token}`, device, { values: input, errors }));
    }
    ctx.nudgeOutbox();
    return sendHtml(req, reply, 201, renderDeviceReportDone(result.value.number));
  });
}
