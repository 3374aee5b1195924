import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Security headers by default (ADR 027). One onRequest hook gives every response — pages, API,
 * static files, errors, 404s — the same baseline; a page that needs more (the desk's inline boot
 * script's hash) or less (the server-rendered customer pages' stricter policy, the API docs page)
 * overwrites `content-security-policy` on its own reply. Headers set here are only defaults: a
 * route's own `reply.header(...)` replaces them.
 */

/** sha256 CSP source for one inline script's exact text. */
export function cspHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/** The text of every inline `<script>` (no `src`) in an HTML document, for its CSP hashes. */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/i.test(attrs)) continue;
    // Data blocks (JSON) are not executed and need no hash.
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
    out.push(m[2] ?? '');
  }
  return out;
}

/**
 * The policy of the desk (/), the field app (/m/) and, as a default, of every other response.
 * - script-src: our files plus the hashes of the page's inline scripts; 'wasm-unsafe-eval' because
 *   the nameplate reader (tesseract.js in a worker, /ocr-assets/) compiles WebAssembly — a worker's
 *   policy is the one on its script's response, which is why non-HTML responses carry it too.
 * - style-src 'unsafe-inline': antd inserts <style> elements (its theme tokens as CSS variables,
 *   ADR 025) and both index.html files carry a small <style>; scripts never get 'unsafe-inline'.
 * - img-src data: blob: — data-URI favicon and QR codes, photo previews from object URLs.
 */
export function pagePolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${scriptHashes.map((h) => ` ${h}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The Swagger UI page (/api/docs): its own files only, no inline scripts (its initializer is a
 * file), inline styles (React style attributes), and "Try it out" may call the configured public
 * URL (the spec's `servers`), which can differ from the origin the page was opened on.
 */
export function docsPolicy(publicUrl: string): string {
  let extra = '';
  try {
    const origin = new URL(publicUrl).origin;
    extra = origin && origin !== 'null' ? ` ${origin}` : '';
  } catch { /* 'self' only */ }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${extra}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Server-rendered customer pages (confirmation, device report, service report): nothing but our
 * own script file and the page's inline scripts by hash, inline styles, no framing.
 */
export function customerPagePolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'none'",
    `script-src 'self'${scriptHashes.map((h) => ` ${h}`).join('')}`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Camera (photos, nameplates), microphone (speech notes) and GPS (check-in) for our own pages only. */
export const PERMISSIONS_POLICY = 'camera=(self), microphone=(self), geolocation=(self), payment=(), usb=(), serial=(), bluetooth=(), hid=()';

export interface SecurityHeaderOptions {
  /** GONGDAN_PUBLIC_URL (or the derived local URL): HSTS only when it is https. */
  publicUrl: string;
  /** Where the API docs page is mounted. */
  docsPrefix: string;
}

/**
 * Registers the baseline on the root instance. Must run before any plugin that registers routes in
 * its own context (swagger-ui, @fastify/static), so the hook reaches them too.
 */
export function registerSecurityHeaders(app: FastifyInstance, opts: SecurityHeaderOptions): void {
  const hsts = opts.publicUrl.startsWith('https:') ? 'max-age=31536000' : null;
  const defaultPolicy = pagePolicy();
  const docs = docsPolicy(opts.publicUrl);
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const isDocs = path === opts.docsPrefix || path.startsWith(`${opts.docsPrefix}/`);
    setBaseline(reply, isDocs ? docs : defaultPolicy, hsts);
  });
}

function setBaseline(reply: FastifyReply, csp: string, hsts: string | null): void {
  reply.header('content-security-policy', csp)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'strict-origin-when-cross-origin')
    .header('permissions-policy', PERMISSIONS_POLICY)
    .header('cross-origin-opener-policy', 'same-origin');
  if (hsts) reply.header('strict-transport-security', hsts);
}
