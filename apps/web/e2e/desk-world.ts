/**
 * The browser tests' world: a real Gongdan server on a fresh SQLite database (the API tests'
 * small organisation) serving the production desk build, plus one Chromium. Built once per file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { testTargets } from '../../server/src/testing/test-database.ts';
import { startTestWorld, TEST_PASSWORD, type TestWorld } from '../../server/src/testing/test-server.ts';

const root = new URL('../../../', import.meta.url).pathname;
export const SCREENSHOTS = join(root, 'docs/screenshots');
export { TEST_PASSWORD };

/** The desk must be built for the server to serve it; build once when the checkout has none. */
export function ensureBuilt(): void {
  if (existsSync(join(root, 'apps/web/dist/index.html'))) return;
  const r = spawnSync('npm', ['run', 'build', '-w', '@gongdan/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the desk failed');
}

export async function startWorld(): Promise<TestWorld> {
  const sqlite = testTargets().find((t) => t.name === 'sqlite');
  if (!sqlite) throw new Error('no sqlite target');
  return startTestWorld(sqlite);
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far (4xx answers the UI shows, such as 401 before sign-in or a 422, are expected and ignored). */
  errors: string[];
  close(): Promise<void>;
}

export async function launch(locale = 'zh-CN'): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'gd-desk-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, locale, viewport: { width: 1440, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return {
    context, page, errors,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, base: string, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await page.waitForURL(/\/sign-in/);
}

/** Waits for spinners, skeletons and animations to finish and scrolls to the top, for a clean screenshot. */
export async function settle(page: Page): Promise<void> {
  await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
}
