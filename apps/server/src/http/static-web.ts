import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { HttpProblem } from './problem.ts';

/** Where `npm install` (postinstall) leaves the desk's production build. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Serves the built SPA at `/`. Any GET outside /api that matches no file gets index.html, so
 * deep links such as /tickets/123 survive a reload; /api paths keep answering problem+json 404s.
 * When the build is missing (a fresh checkout without install), the API still works and `/`
 * says how to build the web app instead of failing to start.
 */
export async function registerStaticWeb(app: FastifyInstance, distDir = WEB_DIST): Promise<void> {
  const indexPath = `${distDir}index.html`;
  const built = existsSync(indexPath);
  if (built) {
    // swagger-ui registers its own @fastify/static; ours must not decorate the reply a second time.
    await app.register(fastifyStatic, {
      root: distDir, prefix: '/', wildcard: false, decorateReply: false, index: false,
      // Hashed assets never change; index.html must always be revalidated to pick up a new build.
      setHeaders: (reply, path) => {
        reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  // Read per request only when missing at boot, so a build finished later is picked up.
  let indexHtml = built ? readFileSync(indexPath, 'utf8') : null;
  // A catch-all GET route (not a second not-found handler: the error module owns that one), so
  // every other method and every /api path still ends in the problem+json 404.
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || path === '/api') {
      throw new HttpProblem(404, 'not_found', { zh: '资源不存在', en: 'Not found' }, { detail: `${req.method} ${path}` });
    }
    if (indexHtml === null && existsSync(indexPath)) indexHtml = readFileSync(indexPath, 'utf8');
    if (indexHtml === null) {
      return reply.code(503).type('text/plain; charset=utf-8')
        .send('The web app is not built yet: run `npm install` (or `npm run build`) at the repository root.\n网页端尚未构建：请在仓库根目录运行 npm install。');
    }
    return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  });
}
