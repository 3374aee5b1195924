import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import { cspHash, inlineScripts, registerSecurityHeaders } from './security-headers.ts';
import { WEB_DIST } from './static-web.ts';

const BASELINE = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const;

function assertBaseline(h: Headers, what: string): void {
  for (const [k, v] of Object.entries(BASELINE)) assert.equal(h.get(k), v, `${what}: ${k}`);
  assert.match(h.get('permissions-policy') ?? '', /camera=\(self\).*microphone=\(self\).*geolocation=\(self\)/, `${what}: permissions-policy`);
  const csp = h.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'self'/, `${what}: csp`);
  assert.match(csp, /frame-ancestors 'none'/, `${what}: csp`);
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/, `${what}: no inline scripts`);
  assert.equal(h.get('strict-transport-security'), null, `${what}: no HSTS over http`);
}

const sqlite = testTargets().find((t) => t.name === 'sqlite');

describe('security headers by default (ADR 027)', { skip: !sqlite }, () => {
  let w: TestWorld;
  let d: HttpClient;
  before(async () => {
    w = await startTestWorld(sqlite as NonNullable<typeof sqlite>);
    d = await w.as('dispatcher');
  });
  after(async () => { await w?.stop(); });

  test('an API response, a 404 and an error carry the baseline', async () => {
    const list = await d.get('/api/v1/tickets?limit=1');
    assert.equal(list.status, 200, list.text);
    assertBaseline(list.headers, 'GET /api/v1/tickets');
    const missing = await fetch(`${w.url}/api/v1/nope`);
    assert.equal(missing.status, 404);
    assertBaseline(missing.headers, '404');
    const anon = await fetch(`${w.url}/api/v1/tickets`);
    assert.equal(anon.status, 401);
    assertBaseline(anon.headers, '401');
  });

  test('the desk HTML allows exactly its inline boot script by hash', { skip: !existsSync(`${WEB_DIST}index.html`) }, async () => {
    const res = await fetch(`${w.url}/tickets`);
    assert.equal(res.status, 200);
    assertBaseline(res.headers, 'desk');
    const csp = res.headers.get('content-security-policy') ?? '';
    const scripts = inlineScripts(readFileSync(`${WEB_DIST}index.html`, 'utf8'));
    assert.equal(scripts.length, 1, 'the desk has one inline script (ADR 025)');
    const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    assert.deepEqual(script.split(' ').filter((s) => s.startsWith("'sha256-")), scripts.map(cspHash));
    assert.match(script, /'wasm-unsafe-eval'/);
  });

  test('the field app and its service worker carry the page policy', { skip: !existsSync(`${WEB_DIST}m/index.html`) }, async () => {
    for (const path of ['/m/', '/m/sw.js', '/m/orders/x']) {
      const res = await fetch(`${w.url}${path}`);
      assert.equal(res.status, 200, path);
      assertBaseline(res.headers, path);
      assert.match(res.headers.get('content-security-policy') ?? '', /worker-src 'self'/);
    }
  });

  test('the API docs page has its own policy', async () => {
    const res = await fetch(`${w.url}/api/docs`);
    assert.equal(res.status, 200);
    assertBaseline(res.headers, '/api/docs');
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self';/);
  });
});

describe('HSTS', () => {
  test('sent only when the public URL is https', async () => {
    for (const [publicUrl, want] of [['https://gongdan.example.com', 'max-age=31536000'], ['http://127.0.0.1:3000', null]] as const) {
      const app = Fastify();
      registerSecurityHeaders(app, { publicUrl, docsPrefix: '/api/docs' });
      app.get('/x', async () => ({ ok: true }));
      const res = await app.inject({ method: 'GET', url: '/x' });
      assert.equal(res.headers['strict-transport-security'] ?? null, want, publicUrl);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      await app.close();
    }
  });
});
