import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_PERMISSIONS } from '@gongdan/domain/access/permissions';
import { ApiTokenDto, CreateApiTokenBody, SessionDto, SignInBody } from '@gongdan/contracts/auth';
import { ProblemSchema } from '@gongdan/contracts/problem';
import type { AppContext } from '../app-context.ts';
import { SESSION_COOKIE } from '../http/access.ts';
import { HttpProblem } from '../http/problem.ts';
import { RateLimiter } from '../http/rate-limiter.ts';
import { actorOf, originOf } from '../http/request-meta.ts';
import { sendResult } from '../http/reply.ts';
import { signIn, SESSION_MS } from './sign-in.ts';
import { csrfTokenFor, evictPrincipal, resolvePrincipal, type Principal } from './resolve-actor.ts';
import { deleteSession } from './auth.repository.ts';
import { sha256 } from '../shared/crypto.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';

const tags = ['auth'];
const problems = { 401: ProblemSchema, 403: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema };

function sessionBody(ctx: AppContext, p: Principal) {
  return {
    user: {
      id: p.actor.id, email: '', name: p.actor.name, role: p.actor.role as never, teamIds: [...p.actor.teamIds], customerId: p.actor.customerId,
    },
    permissions: [...ROLE_PERMISSIONS[p.actor.role]],
    csrfToken: csrfTokenFor(ctx.config.secret, p.sessionId ?? ''),
    expiresAt: p.expiresAt ?? '',
  };
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const perIp = new RateLimiter(20, 60_000);
  const secure = ctx.config.publicUrl.startsWith('https://');

  r.post('/api/v1/auth/sign-in', {
    config: { access: 'public', idempotent: false },
    schema: { tags, summary: 'Sign in with email and password; sets the session cookie', body: SignInBody, response: { 200: SessionDto, ...problems, 423: ProblemSchema } },
  }, async (req, reply) => {
    if (!perIp.take(req.ip, Date.now())) {
      throw new HttpProblem(429, 'rate_limited', { zh: '登录尝试过于频繁，请一分钟后再试', en: 'Too many sign-in attempts; wait a minute' });
    }
    const result = await signIn(ctx, req.body.email, req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    if (!result.ok) {
      if (result.error.kind === 'account_locked') {
        throw new HttpProblem(423, 'account_locked', { zh: '连续输错密码次数过多，账号已临时锁定 15 分钟', en: 'Too many wrong passwords; the account is locked for 15 minutes' }, {
          detail: `locked until ${result.error.until}`,
        });
      }
      throw new HttpProblem(401, 'invalid_credentials', { zh: '邮箱或密码不正确', en: 'Wrong email or password' });
    }
    reply.setCookie(SESSION_COOKIE, result.value.token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: Math.floor(SESSION_MS / 1000),
    });
    const principal = await resolvePrincipal(ctx, result.value.token, undefined);
    if (!principal) throw new Error('session vanished right after sign-in');
    const body = sessionBody(ctx, principal);
    body.user.email = req.body.email;
    return body;
  });

  r.post('/api/v1/auth/sign-out', {
    config: { access: 'authenticated', idempotent: false },
    schema: { tags, summary: 'End the current session', response: { 204: z.null(), ...problems } },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      await deleteSession(ctx.database.db, sha256(token));
      evictPrincipal(sha256(token));
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  r.get('/api/v1/auth/session', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Who am I: user, permissions and the CSRF token', response: { 200: SessionDto, ...problems } },
  }, async (req) => {
    const p = req.principal as Principal;
    const body = sessionBody(ctx, p);
    const user = await ctx.database.db.selectFrom('users').select('email').where('id', '=', p.actor.id).executeTakeFirst();
    body.user.email = user?.email ?? '';
    return body;
  });

  r.post('/api/v1/api-tokens', {
    config: { access: 'token.manage' },
    schema: { tags, summary: 'Create a scoped API token for an integration (shown once)', body: CreateApiTokenBody, response: { 201: ApiTokenDto, ...problems } },
  }, async (req, reply) => sendResult(req, reply, await createApiToken(ctx, originOf(req), req.body), 201, (t) => t));

  r.get('/api/v1/api-tokens', {
    config: { access: 'token.manage' },
    schema: { tags, summary: 'List API tokens', response: { 200: z.object({ items: z.array(ApiTokenDto) }), ...problems } },
  }, async () => ({ items: await listApiTokens(ctx) }));

  r.delete('/api/v1/api-tokens/:id', {
    config: { access: 'token.manage' },
    schema: { tags, summary: 'Revoke an API token', params: z.object({ id: z.string() }), response: { 204: z.null(), ...problems, 404: ProblemSchema } },
  }, async (req, reply) => {
    await sendResult(req, reply, await revokeApiToken(ctx, originOf(req), req.params.id), 204, () => null);
    return reply.send(null);
  });
}
