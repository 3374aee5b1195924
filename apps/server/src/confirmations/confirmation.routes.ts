import { createReadStream, existsSync } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@gongdan/contracts/common';
import { ProblemSchema } from '@gongdan/contracts/problem';
import { ConfirmationDto, ConfirmationRequestDto, ConfirmationResultDto, ConfirmationSubmitBody } from '@gongdan/contracts/confirmations';
import type { AppContext, RequestMeta } from '../app-context.ts';
import { storagePath } from '../attachments/attachment-store.ts';
import { HttpProblem, problemFromAppError } from '../http/problem.ts';
import { RateLimiter } from '../http/rate-limiter.ts';
import { sendResult } from '../http/reply.ts';
import { actorOf, metaOf } from '../http/request-meta.ts';
import { parseJson } from '../shared/json.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { maySeeConfirmationLink } from './confirmation-access.ts';
import { verifyFileSignature } from './confirmation-secrets.ts';
import { findConfirmation, latestConfirmationFor } from './confirmation.repository.ts';
import { presentRequest } from './confirmation-request.presenter.ts';
import { customerPageView, photoUrls, serviceReportForToken, serviceReportHtml, signatureUrl } from './confirmation-views.ts';
import { renderCustomerPage, renderNoticePage } from './customer-page.ts';
import { getConfirmationRequest } from './get-confirmation-request.ts';
import { getConfirmationSnapshot } from './get-confirmation-snapshot.ts';
import { sendHtml } from './html.ts';
import { loadPublicScript, publicScriptUrl } from './public-script.ts';
import { reissueConfirmationRequest } from './reissue-confirmation-request.ts';
import { PRINT_SCRIPT } from './service-report.ts';
import { registerConfirmationPolicyRoutes } from './confirmation-policy.routes.ts';
import { registerDeviceReportRoutes } from './device-report.routes.ts';
import { registerSuspiciousRoutes } from './suspicious.routes.ts';
import { submitConfirmation, type SubmitError, type Submitted } from './submit-confirmation.ts';

const tags = ['confirmations'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
export const CONFIRM_SCRIPT = 'confirm.js';
/** A signature is ≤ 80 strokes of ≤ 6000 points in total; anything bigger is not a signature. */
const SUBMIT_BODY_LIMIT = 256 * 1024;
const TokenParams = z.object({ token: z.string().min(1).max(100) });

const LINK_PROBLEMS: Record<string, [number, string, string]> = {
  invalid: [404, '确认链接无效', 'This confirmation link is not valid'],
  used: [409, '此确认链接已使用', 'This confirmation link was already used'],
  expired: [409, '确认链接已过期', 'This confirmation link has expired'],
  revoked: [409, '确认链接已作废，请使用最新的二维码', 'This link was replaced by a newer one'],
  not_awaiting: [409, '工单当前无需确认', 'The ticket is not awaiting confirmation'],
  ticket_changed: [409, '工单内容已更新，请刷新页面后重新确认', 'The ticket changed since the page was opened; reload it'],
};

function throwSubmitError(e: SubmitError, locale: FastifyRequest['locale']): never {
  if (e.kind === 'link') {
    const [status, zh, en] = LINK_PROBLEMS[e.state] ?? [409, '无法确认', 'Cannot confirm'];
    throw new HttpProblem(status, status === 404 ? 'not_found' : 'conflict', { zh, en }, { detail: `link_${e.state}` });
  }
  throw problemFromAppError(e, locale);
}

/** Audit context of a customer's phone: IP, browser, GPS if allowed, and the first-party device cookie. */
function publicMeta(req: FastifyRequest, gps: RequestMeta['gps']): RequestMeta {
  const cookie = req.cookies?.['gd_device_id'];
  return {
    ip: req.ip ?? null, userAgent: req.headers['user-agent']?.slice(0, 500) ?? null,
    deviceId: typeof cookie === 'string' && /^[A-Za-z0-9_-]{8,100}$/.test(cookie) ? cookie : null, clientAt: null, gps,
  };
}

function presentResult(s: Submitted, token: string | null) {
  return {
    confirmationId: s.confirmation.id, outcome: s.confirmation.outcome as 'confirmed' | 'rejected', ticketNumber: s.row.number, status: s.row.status,
    reportUrl: token && s.confirmation.outcome === 'confirmed' ? `/c/${token}/report` : null,
  };
}

export function registerConfirmationRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerConfirmationPolicyRoutes(app, ctx);
  registerDeviceReportRoutes(app, ctx);
  registerSuspiciousRoutes(app, ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const perIp = new RateLimiter(30, 60_000);
  const perToken = new RateLimiter(10, 60_000);

  // ── The customer's side: no login; the token in the URL is the only credential. ──
  r.get('/c/:token', { schema: { hide: true, params: TokenParams }, config: { access: 'public' } }, async (req, reply) => {
    const view = await customerPageView(ctx, req.params.token);
    if (view.kind === 'notice') {
      return sendHtml(req, reply, view.notice === 'invalid' ? 404 : 410, renderNoticePage(view.notice, { reportUrl: view.reportUrl }));
    }
    return sendHtml(req, reply, 200, renderCustomerPage({
      snapshot: view.snapshot, snapshotSha256: view.sha256, photoUrls: photoUrls(ctx, view.snapshot), expiresAt: view.expiresAt,
      timeZone: ctx.config.timeZone, scriptUrl: publicScriptUrl(CONFIRM_SCRIPT),
    }));
  });

  r.get('/c/:token/report', { schema: { hide: true, params: TokenParams }, config: { access: 'public' } }, async (req, reply) => {
    const html = await serviceReportForToken(ctx, req.params.token);
    if (!html) return sendHtml(req, reply, 404, renderNoticePage('invalid'));
    return sendHtml(req, reply, 200, html, [PRINT_SCRIPT]);
  });

  app.get('/c/assets/:name', { schema: { hide: true }, config: { access: 'public' } }, async (req, reply) => {
    const { name } = req.params as { name: string };
    const script = name === CONFIRM_SCRIPT ? loadPublicScript(name) : null;
    if (!script) throw new HttpProblem(404, 'not_found', { zh: '资源不存在', en: 'Not found' });
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'accept-encoding');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(script.gzip);
    return reply.send(script.body);
  });

  r.post('/api/public/confirmations/:token', {
    bodyLimit: SUBMIT_BODY_LIMIT,
    config: { access: 'public' },
    schema: {
      tags, summary: 'The customer confirms (signature, name, rating) or says not resolved (reason); no login, rate-limited',
      params: TokenParams, body: ConfirmationSubmitBody, response: { 200: ConfirmationResultDto, ...problems, 410: ProblemSchema, 429: ProblemSchema },
    },
  }, async (req) => {
    const now = ctx.clock.now().getTime();
    if (!perIp.take(req.ip, now) || !perToken.take(req.params.token, now)) {
      throw new HttpProblem(429, 'rate_limited', { zh: '提交过于频繁，请稍后再试', en: 'Too many attempts; try again shortly' });
    }
    const result = await submitConfirmation(ctx, { kind: 'link', token: req.params.token }, req.body, publicMeta(req, req.body.gps ?? null));
    if (!result.ok) throwSubmitError(result.error, req.locale);
    ctx.nudgeOutbox();
    return presentResult(result.value, req.params.token);
  });

  app.get('/api/public/files/:kind/:id', { schema: { hide: true }, config: { access: 'public' } }, async (req, reply) => {
    const { kind, id } = req.params as { kind: string; id: string };
    const { exp, sig } = req.query as { exp?: string; sig?: string };
    const notFound = new HttpProblem(404, 'not_found', { zh: '文件不存在或链接已过期', en: 'No such file, or the link expired' });
    if (!verifyFileSignature(ctx.config.secret, kind, id, exp, sig, ctx.clock.now().getTime())) throw notFound;
    let sha: string | null = null;
    let type = 'image/png';
    if (kind === 'signature') {
      sha = (await findConfirmation(ctx.database.db, id))?.signature_sha256 ?? null;
    } else if (kind === 'photo') {
      const a = await ctx.database.db.selectFrom('attachments').select(['sha256', 'content_type', 'visibility']).where('id', '=', id).executeTakeFirst();
      if (a && a.visibility === 'public' && a.content_type.startsWith('image/')) {
        sha = a.sha256;
        type = a.content_type;
      }
    }
    const path = sha ? storagePath(ctx.config.dataDir, sha) : '';
    if (!sha || !existsSync(path)) throw notFound;
    reply.type(type).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    return reply.send(createReadStream(path));
  });

  // ── Staff and the assigned engineer. ──
  r.get('/api/v1/tickets/:id/confirmation-request', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'The ticket’s latest customer confirmation link with its QR (staff and the assignee only)', params: IdParams, response: { 200: ConfirmationRequestDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await getConfirmationRequest(ctx, actorOf(req), req.params.id), 200, (x) => presentRequest(ctx, x)));

  r.post('/api/v1/tickets/:id/confirmation-request', {
    config: { access: 'ticket.transition' },
    schema: { tags, summary: 'Issue a new confirmation link (the previous one is revoked)', params: IdParams, response: { 201: ConfirmationRequestDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await reissueConfirmationRequest(ctx, actorOf(req), req.params.id, metaOf(req)), 201, (x) => presentRequest(ctx, x)));

  r.get('/api/v1/tickets/:id/confirmation', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'The latest customer answer with its evidence (signature via a signed, expiring URL)', params: IdParams, response: { 200: ConfirmationDto, ...problems } },
  }, async (req) => {
    const actor = actorOf(req);
    const loaded = await loadVisibleTicket(ctx.database.db, actor, req.params.id);
    if (!loaded.ok) throw problemFromAppError(loaded.error, req.locale);
    if (!maySeeConfirmationLink(actor, loaded.value.row)) throw problemFromAppError({ kind: 'forbidden' }, req.locale);
    const c = await latestConfirmationFor(ctx.database.db, req.params.id);
    if (!c) throw problemFromAppError({ kind: 'not_found', entity: 'confirmation' }, req.locale);
    return {
      id: c.id, method: c.method as 'customer_link' | 'on_device', outcome: c.outcome as 'confirmed' | 'rejected', signerName: c.signer_name,
      satisfaction: c.satisfaction, comment: c.comment, reason: c.reason, createdAt: c.created_at, ip: c.ip, deviceId: c.device_id,
      gps: c.gps ? parseJson<{ lat: number; lng: number; accuracy?: number }>(c.gps, { lat: 0, lng: 0 }) : null,
      snapshotSha256: c.snapshot_sha256, signatureUrl: signatureUrl(ctx, c),
    };
  });

  r.get('/api/v1/tickets/:id/confirmation/snapshot', {
    config: { access: 'ticket.read' },
    schema: {
      tags, summary: 'For the on-device fallback: the hash of what the customer confirms (staff and the assignee only)', params: IdParams,
      response: { 200: z.object({ snapshotSha256: z.string(), summary: z.object({ title: z.string(), resolution: z.string().nullable() }) }), ...problems },
    },
  }, async (req, reply) => sendResult(req, reply, await getConfirmationSnapshot(ctx, actorOf(req), req.params.id), 200, (x) => x));

  r.post('/api/v1/tickets/:id/confirmation/on-device', {
    bodyLimit: SUBMIT_BODY_LIMIT,
    config: { access: 'ticket.transition' },
    schema: {
      tags, summary: 'Fallback: the customer signs on the engineer’s device (method on_device, lower assurance)',
      params: IdParams, body: ConfirmationSubmitBody, response: { 200: ConfirmationResultDto, ...problems },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const meta = metaOf(req);
    const result = await submitConfirmation(ctx, { kind: 'on_device', witness: actor, ticketId: req.params.id }, req.body, {
      ...meta, deviceId: meta.deviceId ?? publicMeta(req, null).deviceId, gps: req.body.gps ?? meta.gps,
    });
    if (!result.ok) throwSubmitError(result.error, req.locale);
    ctx.nudgeOutbox();
    return presentResult(result.value, null);
  });

  r.get('/api/v1/tickets/:id/service-report', {
    config: { access: 'ticket.read' },
    schema: { tags, summary: 'Printable service report (HTML, A4 print CSS) with the customer’s signature', params: IdParams },
  }, async (req, reply) => {
    const loaded = await loadVisibleTicket(ctx.database.db, actorOf(req), req.params.id);
    if (!loaded.ok) throw problemFromAppError(loaded.error, req.locale);
    return sendHtml(req, reply, 200, await serviceReportHtml(ctx, loaded.value.row), [PRINT_SCRIPT]);
  });
}
