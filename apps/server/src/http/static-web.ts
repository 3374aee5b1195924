import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { HttpProblem } from './problem.ts';
import { cspHash, inlineScripts, pagePolicy } from './security-headers.ts';

/** Where `npm install` (postinstall) leaves the desk's production build. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Serves the built SPA at `/`. Hashed files under /assets are looked up per request (so a rebuild
 * while the server runs is served, not 404'd) and cached for a year; any other GET outside /api
 * gets index.html, so deep links such as /tickets/123 survive a reload. /api paths keep answering
 * problem+json 404s. Without a build the API still works and `/` says how to build the web app.
 */
export async function registerStaticWeb(app: FastifyInstance, distDir = WEB_DIST): Promise<void> {
  const indexPath = `${distDir}index.html`;
  // swagger-ui registers its own @fastify/static; ours must not decorate the reply a second time.
  await app.register(fastifyStatic, {
    root: `${distDir}assets`, prefix: '/assets/', wildcard: true, decorateReply: false, index: false,
    setHeaders: (reply) => {
      reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  // The policy carries the hashes of the built HTML's inline scripts (the boot script, ADR 025),
  // recomputed whenever the file changes, so a rebuild never needs a policy edit.
  let cached: { mtimeMs: number; html: string; csp: string } | null = null;
  const indexHtml = (): { html: string; csp: string } | null => {
    if (!existsSync(indexPath)) return null;
    const { mtimeMs } = statSync(indexPath);
    if (cached?.mtimeMs !== mtimeMs) {
      const html = readFileSync(indexPath, 'utf8');
      cached = { mtimeMs, html, csp: htmlPolicy(html) };
    }
    return cached;
  };
  // A catch-all GET route (not a second not-found handler: the error module owns that one), so
  // every other method and every /api path still ends in the problem+json 404.
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || path === '/api') {
      throw new HttpProblem(404, 'not_found', { zh: '资源不存在', en: 'Not found' }, { detail: `${req.method} ${path}` });
    }
    if (path === '/m' || path.startsWith('/m/')) return sendFieldApp(reply, distDir, path);
    const page = indexHtml();
    if (page === null) {
      return reply.code(503).type('text/plain; charset=utf-8')
        .send('The web app is not built yet: run `npm install` (or `npm run build`) at the repository root.\n网页端尚未构建：请在仓库根目录运行 npm install。');
    }
    return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache')
      .header('content-security-policy', page.csp).send(page.html);
  });
}

/**
 * The field app (/m): its own HTML entry, service worker and manifest under /m/. /m redirects to
 * /m/ so the worker's scope covers it; the worker and manifest are never HTTP-cached (updates must
 * be seen), and every other /m/... path is the app shell (client-side routes).
 */
const FIELD_FILES: Record<string, string> = {
  '/m/sw.js': 'application/javascript; charset=utf-8',
  '/m/manifest.webmanifest': 'application/manifest+json; charset=utf-8',
  '/m/icon.svg': 'image/svg+xml',
};

function sendFieldApp(reply: FastifyReply, distDir: string, path: string): FastifyReply {
  if (path === '/m') return reply.redirect('/m/', 301);
  const type = FIELD_FILES[path];
  const file = `${distDir}${type ? path.slice(1) : 'm/index.html'}`;
  if (!existsSync(file)) {
    return reply.code(type ? 404 : 503).type('text/plain; charset=utf-8')
      .send(type ? 'Not found\n' : 'The field app is not built yet: run `npm run build` at the repository root.\n外勤端尚未构建：请在仓库根目录运行 npm run build。');
  }
  reply.header('cache-control', 'no-cache');
  if (path === '/m/sw.js') reply.header('service-worker-allowed', '/m/');
  const body = readFileSync(file);
  if (!type) reply.header('content-security-policy', htmlPolicy(body.toString('utf8')));
  return reply.code(200).type(type ?? 'text/html; charset=utf-8').send(body);
}

/** The page policy with the hashes of this document's inline scripts. */
function htmlPolicy(html: string): string {
  return pagePolicy(inlineScripts(html).map(cspHash));
}
