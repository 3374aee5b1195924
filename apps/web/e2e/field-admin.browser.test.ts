/**
 * Field service administration on the desk in a real Chromium against a real server: a spare
 * part (with the server's duplicate-number refusal shown on the field), an engineer's van with
 * stock adjusted for a reason and the ledger line it leaves, an SOP drafted with a picture and a
 * video link and then published, the parts check switched off for repairs so that start work is
 * no longer blocked by it, an engineer's load limit; and on a ticket, a nameplate read that
 * registers or links the customer's device. Each case checks the server, not only the screen.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generatePlate } from '../../server/bench/nameplates/generate.ts';
import type { HttpClient } from '../../server/src/testing/http-client.ts';
import type { TestWorld } from '../../server/src/testing/test-server.ts';
import type { Locator } from 'playwright-core';
import { ensureBuilt, launch, SCREENSHOTS, settle, signIn, startWorld, type Browser } from './desk-world.ts';

type Json = Record<string, any>;
let w: TestWorld;
let b: Browser;
let admin: HttpClient;
let dispatcher: HttpClient;
let engineer: HttpClient;
const ids = { part: '', van: '' };
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const ok = (r: { status: number; body: unknown; text?: string }, status = 200) => {
  assert.equal(r.status, status, r.text ?? JSON.stringify(r.body));
  return r.body as Json;
};
// The dialog's primary button (its accessible name changes while it shows a loading spinner).
const save = (scope: Locator) => scope.locator('.ant-modal-footer .ant-btn-primary').click();
async function pick(label: Locator, option: string) {
  await label.click();
  await b.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

describe('field service administration and nameplate linking on the desk', () => {
  before(async () => {
    ensureBuilt();
    w = await startWorld();
    admin = await w.as('admin');
    dispatcher = await w.as('dispatcher');
    engineer = await w.as('engineer');
    b = await launch();
    await signIn(b.page, w.url, 'admin@test.local');
    await b.page.waitForURL(/\/tickets/);
  }, { timeout: 90_000 });
  after(async () => {
    await b?.close();
    await w?.stop();
  });

  test('spare part: created with the models it fits; a duplicate part number is refused on the field', async () => {
    const { page } = b;
    await page.getByRole('menuitem', { name: '现场服务' }).click();
    await page.waitForURL(/\/admin\/field/);
    const create = async (partNo: string) => {
      await page.getByRole('button', { name: '新建备件' }).click();
      const dlg = page.getByRole('dialog', { name: '新建备件' });
      await dlg.waitFor();
      await dlg.getByLabel('备件编号').fill(partNo);
      await dlg.getByLabel('名称').fill('风机启动电容');
      // A separator makes the tag (Enter would also submit the dialog's form).
      await dlg.getByLabel('适用型号（回车添加）').pressSequentially('KFR-35GW,');
      await dlg.locator('.ant-select-selection-item-content', { hasText: 'KFR-35GW' }).waitFor();
      await save(dlg);
      return dlg;
    };
    const first = await create('P-20001');
    await page.getByRole('cell', { name: 'P-20001' }).waitFor();
    await first.waitFor({ state: 'hidden' });
    await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'detached' }).catch(() => undefined);
    const dlg = await create('P-20001');
    await dlg.getByText('备件编号已存在').waitFor();
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'field-admin-parts.png') });
    await dlg.locator('.ant-btn-loading').waitFor({ state: 'detached' });
    await dlg.getByRole('button', { name: /取\s*消/ }).click();
    await dlg.waitFor({ state: 'hidden' });
    const parts = ok(await admin.get('/api/v1/parts?q=P-20001')).items as Json[];
    assert.equal(parts.length, 1);
    assert.deepEqual(parts[0]?.models, ['KFR-35GW']);
    ids.part = parts[0]?.id as string;
  });

  test('an engineer’s van with stock set for a reason; the ledger shows who and why', async () => {
    const { page } = b;
    await page.getByRole('tab', { name: '仓库与库存' }).click();
    await page.getByRole('button', { name: '新建仓库' }).click();
    const dlg = page.getByRole('dialog', { name: '新建仓库' });
    await dlg.getByLabel('仓库编码').fill('VAN-E1');
    await dlg.getByLabel('名称').fill('工程师车载库');
    await pick(dlg.getByLabel('类型'), '车载库');
    await pick(dlg.getByLabel('所属工程师'), w.users.engineer.name);
    await save(dlg);
    const row = page.getByRole('row').filter({ hasText: 'VAN-E1' });
    await row.getByText(w.users.engineer.name).waitFor();
    await row.getByRole('button', { name: /库\s*存/ }).click();
    await page.getByRole('button', { name: '调整库存' }).click();
    const adj = page.getByRole('dialog', { name: '调整库存' });
    await pick(adj.getByLabel('备件'), 'P-20001');
    await adj.getByLabel('盘点后的在库数量').fill('2');
    await save(adj);
    await adj.getByText('请填写原因').waitFor();
    await adj.getByLabel('原因').fill('领料入车');
    await save(adj);
    await page.getByTestId('stock-table').getByRole('row').filter({ hasText: 'P-20001' }).getByRole('cell', { name: '2', exact: true }).first().waitFor();
    await page.getByTestId('stock-ledger').getByText('领料入车').waitFor();
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'field-admin-stock.png') });
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });

    const van = (ok(await admin.get(`/api/v1/warehouses?kind=van&ownerId=${w.users.engineer.id}`)).items as Json[])[0];
    assert.ok(van, 'the van belongs to the engineer');
    ids.van = van.id as string;
    const stock = ok(await admin.get(`/api/v1/warehouses/${ids.van}/stock`)).items as Json[];
    assert.deepEqual(stock.map((s) => [s.partId, s.onHand]), [[ids.part, 2]]);
    const ledger = ok(await admin.get(`/api/v1/warehouses/${ids.van}/movements`)).items as Json[];
    assert.deepEqual(ledger.map((m) => [m.kind, m.deltaOnHand, m.reason, m.actor.name]), [['set', 2, '领料入车', w.users.admin.name]]);
  });

  test('SOP: drafted with a picture and a video link, invisible to engineers until published', async () => {
    const { page } = b;
    await page.getByRole('tab', { name: 'SOP 库' }).click();
    await page.getByRole('button', { name: '新建 SOP' }).click();
    const drawer = page.getByRole('dialog', { name: '新建 SOP' });
    await drawer.getByLabel('标题').fill('KFR-35GW 风机电容更换');
    const models = drawer.getByLabel('适用型号', { exact: true });
    await models.fill('KFR-35GW');
    await models.press('Enter');
    await drawer.getByLabel('步骤与说明').fill('1. 断电并放电\n2. 拆下风机电容\n3. 按图接线');
    await drawer.getByTestId('sop-image-input').setInputFiles({ name: 'fan.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1PX, 'base64') });
    await drawer.getByRole('img', { name: 'fan.png' }).waitFor();
    const videos = drawer.getByLabel('视频链接', { exact: true });
    await videos.fill('https://video.example.cn/sop/fan');
    await videos.press('Enter');
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'field-admin-sop.png') });
    await drawer.getByTestId('sop-save-draft').click();
    const row = page.getByRole('row').filter({ hasText: 'KFR-35GW 风机电容更换' });
    await row.getByText('草稿').waitFor();
    assert.equal((ok(await engineer.get('/api/v1/sops?model=KFR-35GW')).items as Json[]).length, 0, 'a draft is not shown to engineers');
    await row.getByRole('button', { name: /发\s*布/ }).click();
    await row.getByText('已发布').waitFor();
    const seen = ok(await engineer.get('/api/v1/sops?model=KFR-35GW')).items as Json[];
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.images.length, 1);
    assert.deepEqual(seen[0]?.videoLinks, ['https://video.example.cn/sop/fan']);
    assert.match(seen[0]?.body as string, /按图接线/);
  });

  test('start-work checks: with the parts check off for repairs, a missing part no longer blocks; a load limit is set', async () => {
    const { page } = b;
    const now = Date.now();
    const t = ok(await dispatcher.post('/api/v1/tickets', {
      type: 'repair', title: '风机不转', customerId: w.customers.a, deviceId: w.deviceA, assigneeId: w.users.engineer.id, teamId: w.teams.a,
      appointmentStart: new Date(now - 30 * 60_000).toISOString(), appointmentEnd: new Date(now + 3 * 3600_000).toISOString(),
    }), 201);
    ok(await dispatcher.request('PUT', `/api/v1/tickets/${t.id}/parts-needed`, { body: { items: [{ partId: ids.part, qty: 5 }] } }));
    ok(await engineer.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'accepted', transition: 'accept' }));
    const before = ok(await engineer.get(`/api/v1/tickets/${t.id}/executability`));
    assert.equal(before.ok, false);
    assert.equal((before.checks as Json[]).find((c) => c.id === 'parts')?.ok, false, 'the van holds 2, the job needs 5');
    const refused = await engineer.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'in_progress', transition: 'start_work' });
    assert.ok(refused.status >= 400, refused.text);

    await page.getByRole('tab', { name: '开工校验' }).click();
    const box = page.getByRole('checkbox', { name: '维修 备件（有库存或已预留）' });
    assert.equal(await box.isChecked(), true, 'unconfigured types get every check');
    await box.uncheck();
    await page.getByTestId('save-checks').click();
    await page.getByText('开工校验配置已保存').waitFor();
    const limit = page.getByRole('spinbutton', { name: `${w.users.engineer.name} 负荷上限`, exact: true });
    await limit.fill('6');
    await page.getByTestId('load-limits').getByRole('row').filter({ has: limit }).getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText(`${w.users.engineer.name} 的负荷上限已设为 6`).waitFor();
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'field-admin-checks.png') });

    const config = ok(await admin.get('/api/v1/field/executability-config')).byType as Json;
    assert.deepEqual(config.repair, ['load', 'appointment']);
    assert.deepEqual(config.maintenance, ['parts', 'load', 'appointment']);
    assert.equal(ok(await admin.get(`/api/v1/engineers/${w.users.engineer.id}/field-profile`)).loadLimit, 6);
    const after = ok(await engineer.get(`/api/v1/tickets/${t.id}/executability`));
    assert.deepEqual((after.checks as Json[]).map((c) => c.id).sort(), ['appointment', 'load']);
    assert.equal(after.ok, true);
    const started = ok(await engineer.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'in_progress', transition: 'start_work' }));
    assert.equal(started.status, 'in_progress');

    // The dispatcher's view of the field work on the ticket: the engineer's check-in and the parts needed.
    ok(await engineer.post(`/api/v1/tickets/${t.id}/check-ins`, { lat: 22.5405, lng: 113.9345, coordSystem: 'wgs84', accuracyM: 12, deviceTime: new Date().toISOString() }), 201);
    await page.goto(`${w.url}/tickets/${t.id}`);
    const panel = page.getByTestId('field-panel');
    await panel.getByTestId('desk-check-in').getByText(w.users.engineer.name).waitFor();
    await panel.getByText('P-20001 风机启动电容 × 5').waitFor();
  });

  test('nameplate on the ticket page: registers the device for the customer, then links an existing one by serial', { timeout: 120_000 }, async () => {
    const { page } = b;
    const t = ok(await dispatcher.post('/api/v1/tickets', { title: '柜机不制冷（设备待核对）', customerId: w.customers.a }), 201);
    ok(await dispatcher.post(`/api/v1/customers/${w.customers.a}/devices`, { model: 'KFR-72LW', serialNumber: 'KFD20260002', name: '柜式空调' }), 201);
    await page.goto(`${w.url}/tickets/${t.id}`);
    await page.getByText('未关联设备').waitFor();
    const scan = async (model: string, serial: string) => {
      await page.getByTestId('desk-scan-nameplate').click();
      const dlg = page.getByRole('dialog', { name: '识别铭牌' });
      const plate = generatePlate(3, 17, { model, serialNumber: serial, qr: true });
      await dlg.locator('#nameplate-photo').setInputFiles({ name: 'plate.png', mimeType: 'image/png', buffer: Buffer.from(plate.png) });
      await dlg.getByTestId('nameplate-link-form').waitFor({ timeout: 60_000 });
      assert.equal(await dlg.getByLabel('序列号', { exact: true }).inputValue(), serial);
      return dlg;
    };
    let dlg = await scan('KFR-35GW', 'KFD20260001');
    await dlg.getByText('将为其登记新设备').waitFor();
    // The model's published SOP (from the SOP test above) and its repair video are offered with the reading.
    await dlg.getByTestId('nameplate-documents').getByText('SOP：KFR-35GW 风机电容更换').waitFor();
    assert.equal(await dlg.getByTestId('nameplate-documents').getByRole('link').first().getAttribute('href'), 'https://video.example.cn/sop/fan');
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'desk-nameplate-link.png') });
    await dlg.getByTestId('nameplate-link').click();
    await page.getByText('KFD20260001', { exact: true }).waitFor();
    dlg = await scan('KFR-72LW', 'KFD20260002');
    await dlg.getByText('客户名下已有此设备').waitFor();
    await dlg.getByTestId('nameplate-link').click();
    await page.getByText('KFD20260002', { exact: true }).waitFor();

    const ticket = ok(await admin.get(`/api/v1/tickets/${t.id}`));
    assert.equal(ticket.device.serialNumber, 'KFD20260002');
    const devices = ok(await admin.get(`/api/v1/customers/${w.customers.a}`)).devices as Json[];
    assert.equal(devices.filter((d) => d.serialNumber === 'KFD20260001' && d.model === 'KFR-35GW').length, 1);
    const audit = ok(await admin.get(`/api/v1/tickets/${t.id}/audit`)).items as Json[];
    const changes = audit.filter((a) => a.action === 'ticket.updated' && a.after && 'deviceId' in a.after);
    assert.equal(changes.length, 2);
    assert.match(changes[0]?.reason ?? '', /KFD20260001.*新登记/);
    assert.deepEqual(b.errors, []);
  });
});
