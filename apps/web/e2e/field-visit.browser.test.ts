/**
 * The field app (/m) on an emulated phone against a real server, online: the full visit with the
 * executability block and its one-tap fix, an annotated photo, the tap budget, a dispatcher's
 * reassignment meanwhile, and the nameplate scanner. Every case ends by reading the server.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generatePlate } from '../../server/bench/nameplates/generate.ts';
import { SCREENSHOTS, TEST_PASSWORD } from './desk-world.ts';
import { launchPhone, signInPhone, waitSynced } from './field-world.ts';
import { annotate, assertPhotosIntact, dispatcher, ok, openOrder, order, part, serverState, serverStateAfter, startFieldScenario, takePhoto, w, type Json } from './field-scenario.ts';

describe('field app (/m) on a phone, online', () => {
  before(startFieldScenario, { timeout: 120_000 });
  after(async () => {
    await w?.stop();
  });

  test('online: accept → check in → start (blocked by a missing part → reserve → start) → annotated photo → resolve', { timeout: 120_000 }, async () => {
    const id = await order('冷库压缩机不制冷', { needsPart: true });
    const phone = await launchPhone();
    try {
      const { page } = phone;
      await page.goto(`${w.url}/m/`);
      await page.getByLabel('邮箱').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'field-sign-in.png') });
      await signInPhone(page, w.url, 'engineer@test.local', TEST_PASSWORD);
      await page.getByTestId('order-card').filter({ hasText: '冷库压缩机不制冷' }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'field-orders.png') });
      // English on demand, Chinese again.
      await phone.tap(page.getByRole('button', { name: '切换到英文' }));
      await page.getByRole('heading', { name: 'My orders' }).waitFor();
      await phone.tap(page.getByRole('button', { name: 'Switch to Chinese' }));
      await page.getByRole('heading', { name: '我的工单' }).waitFor();
      // The device id chosen at first start: in localStorage and the first-party cookie alike.
      const device = await page.evaluate(() => ({ stored: localStorage.getItem('gongdan.field.deviceId'), cookie: /(?:^|; )gd_device_id=([^;]+)/.exec(document.cookie)?.[1] ?? null }));
      assert.match(device.stored ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(device.cookie, device.stored);
      await openOrder(phone, '冷库压缩机不制冷');
      await page.screenshot({ path: join(SCREENSHOTS, 'field-order.png') });
      // Navigation links carry GCJ-02 and the right schemes.
      const amap = await page.getByTestId('nav-amap').getAttribute('data-href');
      const baidu = await page.getByTestId('nav-baidu').getAttribute('data-href');
      assert.match(amap ?? '', /^amapuri:\/\/route\/plan\/\?.*dlat=22\.\d+&dlon=113\.\d+.*&dev=0/);
      assert.match(baidu ?? '', /^baidumap:\/\/map\/direction\?destination=latlng%3A22\.\d+%2C113\.\d+.*coord_type=gcj02/);
      assert.equal(await page.getByTestId('call').getAttribute('href'), 'tel:13800138000');

      await phone.tap(page.getByTestId('action-accept'));
      await page.getByTestId('action-start').waitFor();
      await phone.tap(page.getByTestId('action-check-in'));
      await page.getByTestId('checked-in').waitFor();
      await waitSynced(page);
      // The part is missing: start is refused with the reason and a one-tap alternative.
      await page.getByTestId('check-parts').getByText('未通过').waitFor();
      await phone.tap(page.getByTestId('action-start'));
      await page.getByTestId('notice').getByText('开工条件未满足').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'field-executability.png') });
      await phone.tap(page.getByTestId('alternative-reserve').filter({ hasText: '深圳中心仓' }));
      await page.getByTestId('check-parts').getByText('通过', { exact: true }).waitFor();
      await phone.tap(page.getByTestId('action-start'));
      await page.getByTestId('resolve-form').waitFor();
      // The customer steps away: pause, then carry on.
      await phone.tap(page.getByTestId('action-pause'));
      await phone.tap(page.getByRole('button', { name: '等待客户' }));
      await page.getByTestId('order-status').filter({ hasText: '待客户反馈' }).waitFor();
      await phone.tap(page.getByTestId('action-resume'));
      await page.getByTestId('resolve-form').waitFor();

      await takePhoto(phone);
      await annotate(phone);
      await phone.tap(page.getByRole('button', { name: '已解决', exact: true }));
      assert.equal(await page.getByLabel('处理说明').inputValue(), '已解决');
      await page.getByLabel('处理说明').fill('更换启动电容，试机制冷正常');
      await page.evaluate(() => document.querySelector('[data-testid="resolve-form"]')?.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => window.scrollBy(0, -64));
      await page.screenshot({ path: join(SCREENSHOTS, 'field-resolve.png') });
      await phone.tap(page.getByTestId('action-resolve'));
      await waitSynced(page);
      // Sent; then the customer-confirmation QR (confirm.browser.test.ts decodes and follows it).
      await page.getByTestId('notice').getByText('已完工，已提交到服务器').waitFor();
      await page.getByTestId('confirmation-qr').waitFor();
      await phone.tap(page.getByRole('button', { name: '客户已扫码，关闭' }));
      await page.getByTestId('confirmation-qr').waitFor({ state: 'detached' });
      await page.getByTestId('order-status').filter({ hasText: /已解决|待客户确认/ }).first().waitFor().catch(() => undefined);

      const s = await assertPhotosIntact(phone, id);
      assert.deepEqual(s.transitions, ['assigned', 'accepted', 'in_progress', 'pending_customer', 'in_progress', 'resolved', 'awaiting_confirmation']);
      assert.equal(s.ticket.resolution, '更换启动电容，试机制冷正常');
      // Every change of the engineer carries this phone's id into the audit trail.
      const mine = s.audit.filter((a) => (a.actor as Json).id === w.users.engineer.id);
      assert.ok(mine.length >= 7);
      for (const a of mine) assert.equal(a.deviceId, device.stored, `${a.action} has the device id`);
      assert.equal(s.ticket.customFields.result, 'resolved');
      assert.equal((s.ticket.checkIns as Json[] | undefined)?.length ?? s.checkIns, 1);
      assert.equal(s.attachments.length, 2, 'the original and the annotated photo');
      assert.deepEqual(phone.errors, []);
    } finally {
      await phone.close();
    }
  });

  test('a typical resolution takes at most 6 taps: open → accept → start → photo → result → submit', { timeout: 90_000 }, async () => {
    const id = await order('出风口漏水');
    const phone = await launchPhone();
    try {
      const { page } = phone;
      await signInPhone(page, w.url, 'engineer@test.local', TEST_PASSWORD);
      await page.getByTestId('order-card').filter({ hasText: '出风口漏水' }).waitFor();
      phone.taps = 0;
      await openOrder(phone, '出风口漏水');
      await phone.tap(page.getByTestId('action-accept'));
      await phone.tap(page.getByTestId('action-start'));
      await page.getByTestId('resolve-form').waitFor();
      await takePhoto(phone);
      await phone.tap(page.getByRole('button', { name: '已解决', exact: true }));
      await phone.tap(page.getByTestId('action-resolve'));
      console.log(`# taps for open → accept → start → photo → result → submit: ${phone.taps}`);
      assert.ok(phone.taps <= 6, `took ${phone.taps} taps`);
      await serverStateAfter(id, 'awaiting_confirmation');
      await waitSynced(page);
      const s = await assertPhotosIntact(phone, id);
      assert.deepEqual(s.transitions, ['assigned', 'accepted', 'in_progress', 'resolved', 'awaiting_confirmation']);
    } finally {
      await phone.close();
    }
  });

  test('conflict: the dispatcher reassigns meanwhile — the engineer sees it in plain words and chooses', { timeout: 90_000 }, async () => {
    const id = await order('门禁读卡器失灵');
    const phone = await launchPhone();
    try {
      const { page } = phone;
      await signInPhone(page, w.url, 'engineer@test.local', TEST_PASSWORD);
      await openOrder(phone, '门禁读卡器失灵');
      await phone.tap(page.getByTestId('action-accept'));
      assert.deepEqual((await serverStateAfter(id, 'accepted')).transitions, ['assigned', 'accepted'], 'the accept reached the server before the phone goes offline');
      await waitSynced(page);
      await phone.context.setOffline(true);
      await page.getByTestId('sync-status').filter({ hasText: '离线' }).waitFor();
      await phone.tap(page.getByTestId('action-start'));
      await page.getByTestId('resolve-form').waitFor();
      // Meanwhile the dispatcher gives the order to engineer2.
      ok(await dispatcher.post(`/api/v1/tickets/${id}/transitions`, { to: 'assigned', transition: 'assign', fields: { assigneeId: w.users.engineer2.id } }));
      await phone.context.setOffline(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      const card = page.getByTestId('conflict');
      await card.waitFor({ timeout: 20_000 });
      const text = await card.innerText();
      console.log('# conflict card:', text.replace(/\n/g, ' / '));
      assert.match(text, /工单已被他人修改|服务器未接受/);
      assert.match(text, /改派|engineer2|负责人/);
      await page.screenshot({ path: join(SCREENSHOTS, 'field-conflict.png') });
      await phone.tap(card.getByRole('button', { name: /以服务器为准/ }));
      await card.waitFor({ state: 'detached' });
      const s = await serverState(id);
      assert.deepEqual(s.transitions, ['assigned', 'accepted', 'assigned'], 'nothing of the engineer’s overwrote the reassignment');
      assert.equal((s.ticket.assignee as Json).id, w.users.engineer2.id);
    } finally {
      await phone.close();
    }
  });

  test('nameplate: the scanner opens lazily in the order, reads a generated plate online and offline; the device read offline is registered and linked through the outbox', { timeout: 150_000 }, async () => {
    const id = await order('铭牌核对');
    const phone = await launchPhone();
    try {
      const { page } = phone;
      const scripts: string[] = [];
      page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname); });
      await signInPhone(page, w.url, 'engineer@test.local', TEST_PASSWORD);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await openOrder(phone, '铭牌核对');
      assert.ok(!scripts.some((s) => /nameplate-sheet|tesseract|jsQR|jsqr/i.test(s)), `nothing of the reader before the tap: ${scripts.join(', ')}`);
      const scan = async (serial: string) => {
        await phone.tap(page.getByTestId('scan-nameplate'));
        await page.getByTestId('nameplate-sheet').waitFor();
        const plate = generatePlate(2, 41, { model: 'KFR-35GW', serialNumber: serial, qr: true });
        await page.getByTestId('nameplate-photo').setInputFiles({ name: 'plate.png', mimeType: 'image/png', buffer: Buffer.from(plate.png) });
        await page.getByTestId('nameplate-sheet').waitFor({ state: 'detached', timeout: 60_000 });
        assert.equal(await page.getByTestId('nameplate-model').inputValue(), 'KFR-35GW');
        assert.equal(await page.getByTestId('nameplate-serial').inputValue(), serial);
      };
      await scan('KFX20261125');
      // The order's device is SN-A-1: the engineer is told it differs and offered to register the plate's device.
      await page.getByTestId('nameplate-match').getByText('与工单设备不一致').waitFor();
      await page.getByTestId('nameplate-link').filter({ hasText: '登记此设备并关联' }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'field-nameplate.png') });

      // Offline: the phone reads the plate itself with the cached model list.
      await phone.context.setOffline(true);
      await page.getByTestId('sync-status').filter({ hasText: '离线' }).waitFor();
      await scan('KFX20261126');
      const cached = await page.evaluate(async () => {
        const c = await caches.open('gd-field-ocr');
        return (await c.keys()).map((r) => new URL(r.url).pathname).sort();
      });
      assert.ok(cached.includes('/api/v1/nameplates/models'), cached.join(', '));
      assert.ok(cached.includes('/ocr-assets/worker.min.js') && cached.includes('/ocr-assets/eng.traineddata.gz'), cached.join(', '));
      // Still offline: register the plate's device on the order; it waits in the outbox and shows at once.
      await phone.tap(page.getByTestId('nameplate-link'));
      await page.getByTestId('notice').getByText('联网后自动提交').waitFor();
      await page.getByTestId('order-device').getByText('KFX20261126').waitFor();
      assert.equal(await page.getByTestId('sync-status').getAttribute('data-pending'), '1');
      await phone.context.setOffline(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await waitSynced(page, 30_000);
      const s = await serverState(id);
      const device = s.ticket.device as Json;
      assert.equal(device.serialNumber, 'KFX20261126');
      assert.equal(device.model, 'KFR-35GW');
      const customer = ok(await dispatcher.get(`/api/v1/customers/${w.customers.a}`));
      assert.equal((customer.devices as Json[]).filter((d) => d.serialNumber === 'KFX20261126').length, 1, 'registered once for the ticket’s customer');
      const linked = s.audit.filter((a) => a.action === 'ticket.updated' && (a.after as Json | null)?.deviceId === device.id);
      assert.equal(linked.length, 1, 'one audited change');
      assert.ok(linked[0]?.clientAt, 'with the device time of the offline change');
      assert.deepEqual(phone.errors, []);
    } finally {
      await phone.close();
    }
  });
});
