/**
 * Client half of `npm run bench:field`: 100 changes made offline on the emulated phone — 65 notes,
 * 20 photos (compressed on the device, 2400×1800 JPEG in) and accept / check-in / start of 5
 * orders — then the network comes back and the app's own outbox sends them. Measured: from "online" to an empty outbox,
 * then the server is read to confirm every change arrived exactly once. Loopback, SQLite.
 */
import assert from 'node:assert/strict';
import { startWorld, TEST_PASSWORD } from '../e2e/desk-world.ts';
import { ensureFieldBuilt, fakePhoto, launchPhone, PHONE_AT, waitSynced } from '../e2e/field-world.ts';

// Five orders (the engineer's load limit allows that many started at once), 20 changes each:
// 13 notes + 4 photos + accept, check-in and start.
const ORDERS = 5;
const NOTES_PER_ORDER = 13;
const PHOTOS_PER_ORDER = 4;

ensureFieldBuilt();
const w = await startWorld();
const phone = await launchPhone({ serviceWorkers: 'block' });
try {
  const dispatcher = await w.as('dispatcher');
  const ids: string[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const r = await dispatcher.post('/api/v1/tickets', {
      type: 'repair', title: `同步基准 ${i + 1}`, customerId: w.customers.a, deviceId: w.deviceA, assigneeId: w.users.engineer.id, teamId: w.teams.a,
      location: { address: '深圳市南山区', lat: PHONE_AT.latitude, lng: PHONE_AT.longitude, coordSystem: 'wgs84' },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    ids.push(r.body.id);
  }
  // 25 more assigned orders, so the package the phone downloads and stores holds 30.
  for (let i = 0; i < 25; i++) {
    const r = await dispatcher.post('/api/v1/tickets', {
      type: 'repair', title: `其他工单 ${i + 1}`, customerId: i % 2 ? w.customers.a : w.customers.b, assigneeId: w.users.engineer.id, teamId: w.teams.a,
      appointmentStart: new Date(Date.now() + (i + 1) * 3600_000).toISOString(),
      location: { address: '深圳市福田区', lat: PHONE_AT.latitude + i / 1000, lng: PHONE_AT.longitude, coordSystem: 'wgs84' },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  const { page } = phone;
  await page.goto(`${w.url}/m/`);
  await page.getByLabel('邮箱').fill('engineer@test.local');
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  const signedIn = performance.now();
  await page.getByRole('button', { name: '登录' }).tap();
  await page.getByTestId('order-card').first().waitFor();
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('gongdan-field'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const pkg = await new Promise<{ orders: unknown[] }>((res) => { const q = db.transaction('kv').objectStore('kv').get('package'); q.onsuccess = () => res(q.result as never); });
    db.close();
    return { orders: pkg.orders.length, bytes: JSON.stringify(pkg).length };
  });
  console.log(`sign-in → package of ${stored.orders} orders (${(stored.bytes / 1024).toFixed(0)} KiB JSON) downloaded, stored in IndexedDB and listed: ${((performance.now() - signedIn) / 1000).toFixed(2)} s (target < 3 s)`);
  const jpeg = await fakePhoto(page);
  await phone.context.setOffline(true);
  await page.getByTestId('sync-status').filter({ hasText: '离线' }).waitFor();
  const made = Date.now();
  for (const id of ids) {
    // In-app navigation: the network is off and this profile runs without the service worker.
    await page.evaluate((to) => { history.pushState(null, '', to); window.dispatchEvent(new PopStateEvent('popstate')); }, `/m/o/${id}`);
    await page.getByTestId('order-title').waitFor();
    for (let n = 0; n < NOTES_PER_ORDER; n++) {
      await page.getByLabel('给调度和同事的内部备注').fill(`现场记录 ${n + 1}：检查管路与电源`);
      await page.getByTestId('add-note').tap();
      await page.getByTestId('notice').getByText('备注已保存').waitFor();
    }
    // Photos go through the resolve form's camera button, so the order is started first (queued too).
    await page.getByTestId('action-accept').tap();
    await page.getByTestId('action-start').tap();
    await page.getByTestId('resolve-form').waitFor();
    for (let p = 0; p < PHOTOS_PER_ORDER; p++) {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /拍照/ }).tap()]);
      await chooser.setFiles({ name: `IMG_${p}.jpg`, mimeType: 'image/jpeg', buffer: jpeg });
      await page.getByTestId('photo-thumb').nth(p).waitFor();
    }
  }
  const pending = Number(await page.getByTestId('sync-status').getAttribute('data-pending'));
  console.log(`queued offline: ${pending} changes (${ORDERS * NOTES_PER_ORDER} notes, ${ORDERS * PHOTOS_PER_ORDER} photos, ${ORDERS * 3} accept/check-in/start) in ${((Date.now() - made) / 1000).toFixed(1)} s of tapping`);
  const started = performance.now();
  await phone.context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await waitSynced(page, 120_000);
  const ms = performance.now() - started;
  console.log(`synced ${pending} queued changes (incl. ${ORDERS * PHOTOS_PER_ORDER} photos) in ${(ms / 1000).toFixed(2)} s — target for 100 changes with 20 photos: < 10 s ${ms < 10_000 ? 'ok' : 'MISSED'}`);
  const admin = await w.as('admin');
  for (const id of ids) {
    const comments = (await admin.get(`/api/v1/tickets/${id}/comments`)).body.items.length;
    const photos = (await admin.get(`/api/v1/tickets/${id}/attachments`)).body.items.length;
    assert.equal(comments, NOTES_PER_ORDER, `notes on ${id}`);
    assert.equal(photos, PHOTOS_PER_ORDER, `photos on ${id}`);
  }
  console.log(`server check: ${ORDERS * NOTES_PER_ORDER} notes and ${ORDERS * PHOTOS_PER_ORDER} photos, each exactly once`);
} finally {
  await phone.close();
  await w.stop();
}
