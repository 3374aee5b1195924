import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cspHash, customerPagePolicy } from '../http/security-headers.ts';

/** Escapes text for HTML element content and attribute values. */
export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON safe to embed in a <script type="application/json"> element. */
export function jsonForScript(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export const CJK_FONTS = `-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif`;

export function formatTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/**
 * Sends a server-rendered page: gzip when the client accepts it (these pages are opened on
 * weak mobile networks), never cached or indexed, no referrer (the URL carries a token), and a
 * CSP that allows only our own script.
 */
export function sendHtml(req: FastifyRequest, reply: FastifyReply, status: number, html: string, inlineScripts: string[] = []): FastifyReply {
  // nosniff, framing and permissions come from the baseline hook (http/security-headers.ts).
  reply.code(status).type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex')
    .header('content-security-policy', customerPagePolicy(inlineScripts.map(cspHash)));
  const accepts = String(req.headers['accept-encoding'] ?? '');
  if (/\bgzip\b/.test(accepts)) {
    return reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').send(gzipSync(html));
  }
  return reply.send(html);
}
