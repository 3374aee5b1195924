/**
 * The admin change log in a real Chromium: an admin sets a team's supervisor on the admin page
 * and finds the change, with who and before → after, on 操作日志 (ADR 026). Screenshot (zh-CN)
 * goes to docs/screenshots/admin-change-log.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TestWorld } from '../../server/src/testing/test-server.ts';
import { ensureBuilt, launch, SCREENSHOTS, settle, signIn, startWorld, type Browser } from './desk-world.ts';

let w: TestWorld;
let b: Browser;

describe('admin change log in Chromium', () => {
  before(async () => {
    ensureBuilt();
    w = await startWorld();
    b = await launch();
    await signIn(b.page, w.url, 'admin@test.local');
    await b.page.waitForURL(/\/tickets/);
  }, { timeout: 90_000 });

  after(async () => {
    await b?.close();
    await w?.stop();
  });

  test('changing a team’s supervisor shows up in 操作日志 with before → after', async () => {
    const { page } = b;
    await page.goto(`${w.url}/admin`);
    await page.getByRole('tab', { name: '团队' }).click();
    await page.getByLabel('Team A 的主管').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^supervisor$/ }).click();
    await page.getByText('主管已更新').waitFor();

    await page.getByRole('menuitem', { name: /操作日志/ }).click();
    await page.waitForURL(/\/admin\/changes$/);
    const row = page.getByTestId('change-log').locator('tbody tr').filter({ hasText: '团队 · 修改' }).first();
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /admin/, 'names who made the change');
    assert.match(text, /supervisorId/, 'shows the changed field');
    assert.ok(text.includes(w.users.supervisor.id), 'shows the new supervisor');
    assert.ok(text.includes(w.teams.a), 'names the team');

    await page.getByTestId('filter-entity').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^API 令牌$/ }).click();
    await page.getByText('暂无配置变更记录').waitFor();
    await page.getByTestId('filter-entity').locator('.ant-select-clear').click({ force: true });
    await row.waitFor();
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-change-log.png') });
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Change log' }).waitFor();
    await page.getByTestId('change-log').getByText('Team · Updated').first().waitFor();
  });
});
