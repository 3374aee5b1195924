/**
 * The field app (/m) offline: the visit going offline in the middle (reload served by the service
 * worker, app killed and reopened) and sync killed after the k-th request for several k. Every case
 * ends by reading the server: each change exactly once, the photo byte-identical.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SCREENSHOTS, TEST_PASSWORD } from './desk-world.ts';
import { launchPhone, signInPhone, waitSynced } from './field-world.ts';
import { assertPhotosIntact, ok, openOrder, order, startFieldScenario, takePhoto, w, type Json } from './field-scenario.ts';

describe('field app (/m) on a phone, offline and interrupted', () => {
  before(startFieldScenario, { timeout: 120_000 });
  after(async () => {
    await w?.stop();
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
      // The confirmation link exists only now that the resolve reached the server: the QR is offered.
      await page.getByTestId('confirm-offer').waitFor({ timeout: 20_000 });
      await phone.tap(page.getByTestId('show-confirmation-qr'));
      await page.getByTestId('confirmation-qr').waitFor();
      await phone.tap(page.getByRole('button', { name: '客户已扫码，关闭' }));
      await page.getByTestId('confirmation-qr').waitFor({ state: 'detached' });
      await page.getByTestId('confirm-offer').waitFor({ state: 'detached', timeout: 5000 }); // shown once, then no longer offered
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

});
