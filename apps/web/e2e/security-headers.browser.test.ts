/**
 * Security headers in Chromium (ADR 027): the desk (with its inline boot script, ADR 025), the field
 * app (/m/, service worker), a customer confirmation page and the API docs page load under their
 * Content-Security-Policy without a single violation or console error, and carry the headers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser as PwBrowser, type Page, type Response } from 'playwright-core';
import type { HttpClient } from '../../server/src/testing/http-client.ts';
import type { TestWorld } from '../../server/src/testing/test-server.ts';
import { signIn, startWorld, TEST_PASSWORD } from './desk-world.ts';
import { ensureFieldBuilt } from './field-world.ts';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let w: TestWorld;
let browser: PwBrowser;

interface Watched { page: Page; problems: string[]; violations(): Promise<string[]> }

/** A fresh context whose pages report CSP violations (init script) and console errors. */
async function open(mobile = false): Promise<Watched> {
  const context = await browser.newContext(mobile
    ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' }
    : { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(20_000);
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return {
    page, problems,
    violations: () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []),
  };
}

function assertHeaders(res: Response | null, what: string): string {
  assert.ok(res, what);
  const h = res.headers();
  assert.equal(h['x-content-type-options'], 'nosniff', what);
  assert.equal(h['x-frame-options'], 'DENY', what);
  assert.ok(h['referrer-policy'], what);
  assert.match(h['permissions-policy'] ?? '', /camera=\(self\)/, what);
  const csp = h['content-security-policy'] ?? '';
  assert.match(csp, /default-src '(self|none)'/, what);
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/, what);
  return csp;
}

async function clean(watched: Watched, what: string): Promise<void> {
  await watched.page.waitForTimeout(500);
  assert.deepEqual(await watched.violations(), [], `${what}: CSP violations`);
  assert.deepEqual(watched.problems.filter((p) => !/Failed to load resource/.test(p) || /Content Security Policy/.test(p)), [], `${what}: console errors`);
}

describe('security headers in Chromium', () => {
  let dispatcher: HttpClient;
  let engineer: HttpClient;
  before(async () => {
    ensureFieldBuilt();
    w = await startWorld();
    [dispatcher, engineer] = await Promise.all([w.as('dispatcher'), w.as('engineer')]);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  test('the desk board loads under its policy (boot script allowed by hash)', async () => {
    const t = await dispatcher.post('/api/v1/tickets', { title: 'CSP 看板', description: '板', customerId: w.customers.a });
    assert.equal(t.status, 201, t.text);
    const d = await open();
    assertHeaders(await d.page.goto(`${w.url}/sign-in`), 'desk sign-in');
    await signIn(d.page, w.url, 'dispatcher@test.local');
    await d.page.waitForURL(/\/tickets/);
    const res = await d.page.goto(`${w.url}/`);
    const csp = assertHeaders(res, 'desk board');
    assert.match(csp, /'sha256-[A-Za-z0-9+/=]+'/);
    await d.page.locator(`tr[data-row-id="${t.body.id as string}"]`).waitFor().catch(async (e: unknown) => {
      await clean(d, 'desk');
      throw e;
    });
    // The boot script ran (ADR 025): the early requests were made from the HTML.
    assert.equal(await d.page.evaluate(() => typeof (window as unknown as { __gdBoot?: unknown }).__gdBoot), 'object');
    await clean(d, 'desk');
    await d.page.context().close();
  });

  test('the field app loads under its policy', async () => {
    const m = await open(true);
    assertHeaders(await m.page.goto(`${w.url}/m/`), '/m/');
    await m.page.getByLabel('邮箱').fill('engineer@test.local');
    await m.page.getByLabel('密码').fill(TEST_PASSWORD);
    await m.page.getByRole('button', { name: '登录' }).tap();
    await m.page.getByTestId('sync-status').waitFor();
    await m.page.waitForFunction(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true));
    await clean(m, '/m/');
    await m.page.context().close();
  });

  test('a customer confirmation page loads under its policy', async () => {
    const created = await dispatcher.post('/api/v1/tickets', { title: 'CSP 确认', description: '客户报修', customerId: w.customers.a, deviceId: w.deviceA, assigneeId: w.users.engineer.id, teamId: w.teams.a });
    assert.equal(created.status, 201, created.text);
    const id = created.body.id as string;
    for (const step of [{ to: 'accepted' }, { to: 'in_progress' }]) assert.equal((await engineer.post(`/api/v1/tickets/${id}/transitions`, step)).status, 200);
    const resolved = await engineer.post(`/api/v1/tickets/${id}/transitions`, {
      to: 'resolved', fields: { resolution: '更换启动电容' }, customFields: { fault_photo: ['p1'], result: 'resolved', parts_used: 'CAP-35uF × 1' },
    });
    assert.equal(resolved.status, 200, resolved.text);
    const link = await engineer.get(`/api/v1/tickets/${id}/confirmation-request`);
    assert.equal(link.status, 200, link.text);
    const c = await open(true);
    const res = await c.page.goto(w.url + new URL(link.body.url as string).pathname);
    assertHeaders(res, 'confirmation page');
    // The link carries its token in the path: no referrer leaves the page.
    assert.equal(res?.headers()['referrer-policy'], 'no-referrer');
    await c.page.locator('#pad').waitFor({ state: 'attached' });
    await c.page.waitForLoadState('load');
    await clean(c, 'confirmation page');
    await c.page.context().close();
  });

  test('the API docs page renders under its own policy', async () => {
    const docs = await open();
    const csp = assertHeaders(await docs.page.goto(`${w.url}/api/docs`), '/api/docs');
    assert.match(csp, /script-src 'self';/);
    await docs.page.locator('.opblock').first().waitFor();
    await clean(docs, '/api/docs');
    await docs.page.context().close();
  });
});
