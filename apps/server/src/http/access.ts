import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '@gongdan/domain/access/permissions';
import type { AppContext } from '../app-context.ts';
import { csrfTokenFor, resolvePrincipal } from '../auth/resolve-actor.ts';
import { safeEqual } from '../shared/crypto.ts';
import { HttpProblem, localeOf } from './problem.ts';

export const SESSION_COOKIE = 'gd_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Deny by default. Every /api route must declare `config.access` (a permission, 'authenticated'
 * or 'public') or the server refuses to start. Cookie sessions must echo the CSRF token on
 * unsafe methods; Bearer tokens are not sent by browsers on their own, so they need none.
 */
export function registerAccessControl(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && !route.config?.access) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    }
  });
  app.addHook('onRequest', async (req) => {
    req.locale = localeOf(req.headers['accept-language']);
    const access = req.routeOptions.config?.access;
    if (!access) return;
    req.principal = await resolvePrincipal(ctx, req.cookies?.[SESSION_COOKIE], bearerOf(req));
    if (access === 'public') return;
    if (!req.principal) throw new HttpProblem(401, 'unauthenticated', { zh: '请先登录', en: 'Sign in first' });
    if (req.principal.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      const expected = csrfTokenFor(ctx.config.secret, req.principal.sessionId as string);
      if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
        throw new HttpProblem(403, 'csrf_failed', { zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试', en: 'Missing or wrong CSRF token; reload the page and retry' }, {
          detail: 'send the csrfToken from the sign-in response as the X-CSRF-Token header',
        });
      }
    }
    if (access !== 'authenticated' && !can(req.principal.actor, access)) {
      throw new HttpProblem(403, 'forbidden', { zh: '无权执行此操作', en: 'You are not allowed to do this' }, { detail: `needs ${access}` });
    }
  });
}

function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1];
}
