/**
 * The field app (/m) on an emulated phone against a real server: the full visit online with the
 * executability block and its one-tap fix, an annotated photo and the tap budget; the same visit
 * going offline in the middle (reload served by the service worker, app killed and reopened);
 * sync killed after the k-th request for several k; and a dispatcher's reassignment meanwhile.
 * Every case ends by reading the server: each change exactly once, the photo byte-identical.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generatePlate } from '../../server/bench/nameplates/generate.ts';
import type { HttpClient } from '../../server/src/testing/http-client.ts';
import type { TestWorld } from '../../server/src/testing/test-server.ts';
import { SCREENSHOTS, startWorld, TEST_PASSWORD } from './desk-world.ts';
import { ensureFieldBuilt, fakePhoto, launchPhone, PHONE_AT, sha256, signInPhone, storedPhotoHashes, waitSynced, type Phone } from './field-world.ts';

let w: TestWorld;
let dispatcher: HttpClient;
let admin: HttpClient;
const part: { id: string; central: string } = { id: '', central: '' };

type Json = Record<string, any>;
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const ok = (r: { status: number; body: unknown }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body as Json;
};

/** A repair order for the engineer, on site in 深圳 now, optionally needing a part not in the van. */
async function order(title: string, opts: { needsPart?: boolean } = {}): Promise<string> {
  const now = Date.now();
  const t = ok(await dispatcher.post('/api/v1/tickets', {
    type: 'repair', title, customerId: w.customers.a, deviceId: w.deviceA, assigneeId: w.users.engineer.id, teamId: w.teams.a,
    contactName: '陈经理', contactPhone: '13800138000', priority: 'high',
    appointmentStart: new Date(now - 30 * 60_000).toISOString(), appointmentEnd: new Date(now + 3 * 3600_000).toISOString(),
    location: { address: '深圳市南山区科技园科苑路 15 号', lat: PHONE_AT.latitude + 0.002, lng: PHONE_AT.longitude + 0.001, coordSystem: 'wgs84' },
  }), 201);
  if (opts.needsPart) ok(await dispatcher.request('PUT', `/api/v1/tickets/${t.id}/parts-needed`, { body: { items: [{ partId: part.id, qty: 1 }] } }));
  return t.id as string;
}

async function serverState(id: string) {
  const audit = ok(await admin.get(`/api/v1/tickets/${id}/audit`)).items as Json[];
  const attachments = ok(await admin.get(`/api/v1/tickets/${id}/attachments`)).items as Json[];
  const ticket = ok(await admin.get(`/api/v1/tickets/${id}`));
  const transitions = audit.filter((a) => a.action === 'ticket.transitioned').map((a) => (a.after as Json | null)?.status as string);
  const checkIns = audit.filter((a) => /check.?in/i.test(String(a.action))).length;
  const reservations = audit.filter((a) => /reserv/i.test(String(a.action))).length;
  return { audit, attachments, ticket, transitions, checkIns, reservations };
}

async function download(url: string): Promise<string> {
  const res = await fetch(w.url + url, { headers: { cookie: admin.cookie ?? '' } });
  assert.equal(res.status, 200);
  return sha256(new Uint8Array(await res.arrayBuffer()));
}

/** The photo that was uploaded last (the annotated one) equals, byte for byte, the one the phone kept. */
async function assertPhotosIntact(phone: Phone, id: string, fieldKey = 'fault_photo') {
  const s = await serverState(id);
  const local = Object.values(await storedPhotoHashes(phone.page));
  const referenced = (s.ticket.customFields as Json)[fieldKey] as string[];
  assert.equal(referenced.length, 1, 'one photo on the resolve form');
  const att = s.attachments.find((a) => a.id === referenced[0]);
  assert.ok(att, 'the form points at an attachment of the ticket');
  const mine = local.find((p) => p.attachmentId === att.id);
  assert.ok(mine, 'the phone knows which attachment its photo became');
  assert.equal(att.sha256, mine.sha256);
  assert.equal(await download(att.url as string), mine.sha256);
  return s;
}

async function openOrder(phone: Phone, title: string) {
  await phone.tap(phone.page.getByTestId('order-card').filter({ hasText: title }));
  await phone.page.getByTestId('order-title').filter({ hasText: title }).waitFor();
}

async function takePhoto(phone: Phone) {
  const { page } = phone;
  const jpeg = await fakePhoto(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), phone.tap(page.getByRole('button', { name: /拍照/ }))]);
  await chooser.setFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await page.getByTestId('photo-thumb').first().waitFor();
}

async function annotate(phone: Phone) {
  const { page } = phone;
  await phone.tap(page.getByTestId('photo-thumb').first());
  const canvas = page.getByTestId('photo-canvas');
  await canvas.waitFor();
  const box = await canvas.boundingBox();
  assert.ok(box);
  // Arrow: a finger drag; circle: another drag; text: a tap.
  const drag = async (x1: number, y1: number, x2: number, y2: number) => {
    await page.mouse.move(box.x + box.width * x1, box.y + box.height * y1);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * x2, box.y + box.height * y2, { steps: 6 });
    await page.mouse.up();
  };
  await drag(0.2, 0.2, 0.45, 0.4);
  await phone.tap(page.getByRole('button', { name: '圆圈' }));
  await drag(0.35, 0.3, 0.65, 0.65);
  await phone.tap(page.getByRole('button', { name: '文字' }));
  await page.getByLabel('标注文字').fill('漏点');
  await canvas.tap({ position: { x: box.width * 0.1, y: box.height * 0.9 } });
  await page.screenshot({ path: join(SCREENSHOTS, 'field-annotate.png') });
  await phone.tap(page.getByRole('button', { name: '完成标注' }));
  await page.getByTestId('photo-editor').waitFor({ state: 'detached' });
}

describe('field app (/m) on a phone', () => {
  before(async () => {
    ensureFieldBuilt();
    w = await startWorld();
    dispatcher = await w.as('dispatcher');
    admin = await w.as('admin');
    // One part the job needs: none in the engineer's van, five in the central warehouse.
    part.id = ok(await admin.post('/api/v1/parts', { partNo: 'P-10023', name: '压缩机启动电容', unit: '个', models: ['KFR-35GW'] }), 201).id;
    part.central = ok(await admin.post('/api/v1/warehouses', { code: 'WH-SZ', name: '深圳中心仓', kind: 'central', region: '深圳' }), 201).id;
    ok(await admin.request('PUT', `/api/v1/warehouses/${part.central}/stock/${part.id}`, { body: { onHand: 5, reason: '入库' } }));
    // An SOP for the device's model, with one picture the phone keeps for offline reading.
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(PNG_1PX, 'base64')], { type: 'image/png' }), 'wiring.png');
    const image = ok(await admin.request('POST', '/api/v1/sop-images', { raw: form }), 201);
    ok(await admin.post('/api/v1/sops', { models: ['KFR-35GW'], title: 'KFR-35GW 启动电容更换', body: '1. 断电并放电\n2. 拆下旧电容\n3. 按图接线', imageIds: [image.id] }), 201);
  }, { timeout: 120_000 });

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
      await waitSynced(page);
      console.log(`# taps for open → accept → start → photo → result → submit: ${phone.taps}`);
      assert.ok(phone.taps <= 6, `took ${phone.taps} taps`);
      const s = await assertPhotosIntact(phone, id);
      assert.deepEqual(s.transitions, ['assigned', 'accepted', 'in_progress', 'resolved', 'awaiting_confirmation']);
    } finally {
      await phone.close();
    }
  });

  test('offline from the middle: reload offline, app killed and reopened, back online — every change once, photo intact', { timeout: 120_000 }, async () => {
    const id = await order('热水器点火失败');
    const phone = await launchPhone();
    try {
      let { page } = phone;
      await signInPhone(page, w.url, 'engineer@test.local', TEST_PASSWORD);
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null || true);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await openOrder(phone, '热水器点火失败');
      await phone.tap(page.getByTestId('action-accept'));
      await waitSynced(page);

      await phone.context.setOffline(true);
      await page.getByTestId('sync-status').filter({ hasText: '离线' }).waitFor();
      await phone.tap(page.getByTestId('action-start'));
      await page.getByTestId('resolve-form').waitFor();
      await takePhoto(phone);
      await phone.tap(page.getByRole('button', { name: '已解决', exact: true }));
      await phone.tap(page.getByTestId('action-resolve'));
      await page.getByTestId('notice').getByText('联网后自动提交').waitFor();
      const pending = Number(await page.getByTestId('sync-status').getAttribute('data-pending'));
      assert.ok(pending >= 4, `check-in, start, photo, resolve queued (${pending})`);
      await page.screenshot({ path: join(SCREENSHOTS, 'field-offline.png') });

      // Reload with no network: the service worker serves the app, IndexedDB the order and the queue.
      await page.reload();
      await page.getByTestId('order-title').filter({ hasText: '热水器点火失败' }).waitFor();
      assert.equal(await page.getByTestId('sync-status').getAttribute('data-pending'), String(pending));
      await page.getByTestId('order-status').filter({ hasText: '已解决' }).waitFor();
      // The SOP for this model, text and picture, offline.
      await phone.tap(page.getByTestId('sops').getByText('KFR-35GW 启动电容更换'));
      const sopImage = page.getByTestId('sops').getByRole('img', { name: 'wiring.png' });
      await sopImage.waitFor();
      await page.waitForFunction(() => (document.querySelector('[data-testid="sops"] img') as HTMLImageElement | null)?.naturalWidth === 1);

      // The app is killed and opened again, still offline.
      await page.close();
      page = await phone.reopen(`${w.url}/m/o/${id}`);
      await page.getByTestId('order-title').filter({ hasText: '热水器点火失败' }).waitFor();
      assert.equal(await page.getByTestId('sync-status').getAttribute('data-pending'), String(pending));

      await phone.context.setOffline(false);
      await waitSynced(page, 30_000);
      const s = await assertPhotosIntact(phone, id);
      assert.deepEqual(s.transitions, ['assigned', 'accepted', 'in_progress', 'resolved', 'awaiting_confirmation']);
      assert.equal(s.attachments.length, 1);
      const startAudit = s.audit.find((a) => a.action === 'ticket.transitioned' && (a.after as Json)?.status === 'in_progress');
      assert.ok(startAudit?.clientAt, 'the audit keeps the device time of the offline change');
    } finally {
      await phone.close();
    }
  });

  // The queue holds accept, check-in, start, the photo and resolve: five requests.
  for (const k of [1, 2, 3, 4, 5]) {
    test(`sync killed after request ${k}: reopened, every change arrives exactly once`, { timeout: 120_000 }, async () => {
      const title = `打印机卡纸 k=${k}`;
      const id = await order(title);
      // Service workers off: page.route must see every request of the page.
      const phone = await launchPhone({ serviceWorkers: 'block' });
      try {
        let { page } = phone;
        await signInPhone(page, w.url, 'engineer@test.local', TEST_PASSWORD);
        // Like WeCom / DingTalk's browsers: no service worker — the app says so and works online.
        await page.getByTestId('no-offline').waitFor();
        await openOrder(phone, title);
        await phone.context.setOffline(true);
        await page.getByTestId('sync-status').filter({ hasText: '离线' }).waitFor();
        await phone.tap(page.getByTestId('action-accept'));
        await phone.tap(page.getByTestId('action-start'));
        await page.getByTestId('resolve-form').waitFor({ timeout: 30_000 });
        await takePhoto(phone);
        await phone.tap(page.getByRole('button', { name: '已解决', exact: true }));
        await phone.tap(page.getByTestId('action-resolve'));
        await page.getByTestId('notice').getByText('联网后自动提交').waitFor();

        // The k-th sync request reaches the server, which applies it; the phone dies before the answer.
        let seen = 0;
        let killed!: () => void;
        const died = new Promise<void>((r) => { killed = r; });
        await phone.context.route(/\/api\/v1\/tickets\/[^/]+\/(transitions|attachments|check-ins|comments|reservations)$/, async (route) => {
          if (route.request().method() !== 'POST') return route.continue();
          seen += 1;
          if (seen < k) return route.continue();
          if (seen === k) {
            await route.fetch();
            killed();
          }
          // Held forever: the page is closing.
        });
        await phone.context.setOffline(false);
        await page.evaluate(() => window.dispatchEvent(new Event('online')));
        await died;
        await page.close();
        await phone.context.unrouteAll({ behavior: 'ignoreErrors' });

        // The reopened app sends the k-th change again with its key: the server answers from its idempotency store.
        let replayed = 0;
        phone.context.on('response', (r) => { if (r.headers()['idempotent-replayed'] === 'true') replayed += 1; });
        page = await phone.reopen(`${w.url}/m/o/${id}`);
        await waitSynced(page, 30_000);
        assert.equal(replayed, 1, 'exactly the change whose answer was lost is replayed');
        const s = await assertPhotosIntact(phone, id);
        assert.deepEqual(s.transitions, ['assigned', 'accepted', 'in_progress', 'resolved', 'awaiting_confirmation']);
        assert.equal(s.attachments.length, 1);
        assert.equal((s.ticket.checkIns as Json[] | undefined)?.length ?? s.checkIns, 1);
      } finally {
        await phone.close();
      }
    });
  }

  test('conflict: the dispatcher reassigns meanwhile — the engineer sees it in plain words and chooses', { timeout: 90_000 }, async () => {
    const id = await order('门禁读卡器失灵');
    const phone = await launchPhone();
    try {
      const { page } = phone;
      await signInPhone(page, w.url, 'engineer@test.local', TEST_PASSWORD);
      await openOrder(phone, '门禁读卡器失灵');
      await phone.tap(page.getByTestId('action-accept'));
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

  test('nameplate: the scanner opens lazily in the order, reads a generated plate online and offline, and fills model / serial', { timeout: 120_000 }, async () => {
    await order('铭牌核对');
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
      // The order's device is SN-A-1: the engineer is told it differs, and the note is prefilled.
      await page.getByTestId('nameplate-match').getByText('与工单设备不一致').waitFor();
      assert.match(await page.locator('#f-note').inputValue(), /KFR-35GW.*KFX20261125/);
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
      await phone.context.setOffline(false);
      assert.deepEqual(phone.errors, []);
    } finally {
      await phone.close();
    }
  });
});
