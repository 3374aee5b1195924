/**
 * Customer confirmation end to end in Chromium: the engineer resolves, the QR's link is opened
 * on a second, mobile-emulated browser (the customer's phone), the customer draws a signature on
 * the canvas, rates and submits → the ticket is closed, the signature stored, the audit chain
 * verifies. "未解决" reopens; used and expired links show a clear message.
 *
 * The required flow drives the field app: the engineer resolves on /m on an emulated phone,
 * the QR appears there, its pixels are decoded (jsQR) and that URL is opened on the customer's
 * phone. The other cases resolve through the API (`engineerResolves`) to stay quick.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { chromium, type Browser as PwBrowser, type BrowserContext, type Page } from 'playwright-core';
import type { HttpClient } from '../../server/src/testing/http-client.ts';
import type { TestWorld } from '../../server/src/testing/test-server.ts';
import { SCREENSHOTS, signIn, startWorld, TEST_PASSWORD } from './desk-world.ts';
import { ensureFieldBuilt, fakePhoto, launchPhone, signInPhone, waitSynced, type Phone } from './field-world.ts';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let w: TestWorld;
let browser: PwBrowser;
let dispatcher: HttpClient;
let engineer: HttpClient;
let supervisor: HttpClient;

/** The engineer's side: accept, start, resolve. Returns the link the field app shows as a QR. */
async function engineerResolves(title: string): Promise<{ id: string; number: string; url: string }> {
  const created = await dispatcher.post('/api/v1/tickets', { title, description: '客户报修', customerId: w.customers.a, deviceId: w.deviceA, assigneeId: w.users.engineer.id, teamId: w.teams.a });
  assert.equal(created.status, 201, created.text);
  const id = created.body.id as string;
  for (const step of [{ to: 'accepted' }, { to: 'in_progress' }]) assert.equal((await engineer.post(`/api/v1/tickets/${id}/transitions`, step)).status, 200);
  assert.equal((await engineer.post(`/api/v1/tickets/${id}/comments`, { body: '更换压缩机启动电容，试机 30 分钟正常', visibility: 'public' })).status, 201);
  const resolved = await engineer.post(`/api/v1/tickets/${id}/transitions`, {
    to: 'resolved', fields: { resolution: '更换启动电容后制冷恢复' }, customFields: { fault_photo: ['p1'], result: 'resolved', parts_used: 'CAP-35uF × 1' },
  });
  assert.equal(resolved.status, 200, resolved.text);
  assert.equal(resolved.body.status, 'awaiting_confirmation');
  const req = await engineer.get(`/api/v1/tickets/${id}/confirmation-request`);
  assert.equal(req.status, 200, req.text);
  // The QR the engineer shows encodes exactly this link.
  assert.equal(req.body.qrSvg, await QRCode.toString(req.body.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } }));
  // The test world listens on a random port; GONGDAN_PUBLIC_URL differs only by origin.
  return { id, number: created.body.number, url: w.url + new URL(req.body.url).pathname };
}

/**
 * The engineer's side on the field app: accepted and started beforehand, then on the emulated
 * phone open the order, take the fault photo, tap 已解决 and 提交完工 → the QR screen. The URL
 * is what the QR's pixels decode to (jsQR on the rendered image), not what the API says.
 */
async function engineerResolvesOnPhone(engineerPhone: Phone, title: string): Promise<{ id: string; number: string; url: string }> {
  const created = await dispatcher.post('/api/v1/tickets', { title, description: '客户报修', customerId: w.customers.a, deviceId: w.deviceA, assigneeId: w.users.engineer.id, teamId: w.teams.a });
  assert.equal(created.status, 201, created.text);
  const id = created.body.id as string;
  for (const step of [{ to: 'accepted' }, { to: 'in_progress' }]) assert.equal((await engineer.post(`/api/v1/tickets/${id}/transitions`, step)).status, 200);
  const { page } = engineerPhone;
  await signInPhone(page, w.url, 'engineer@test.local', TEST_PASSWORD);
  await engineerPhone.tap(page.getByTestId('order-card').filter({ hasText: title }));
  await page.getByTestId('order-title').filter({ hasText: title }).waitFor();
  await page.getByTestId('resolve-form').waitFor();
  const jpeg = await fakePhoto(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), engineerPhone.tap(page.getByRole('button', { name: /拍照/ }))]);
  await chooser.setFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await page.getByTestId('photo-thumb').first().waitFor();
  await engineerPhone.tap(page.getByRole('button', { name: '已解决', exact: true }));
  await page.getByLabel('处理说明').fill('更换启动电容后制冷恢复');
  await engineerPhone.tap(page.getByTestId('action-resolve'));
  await waitSynced(page);
  const qr = page.getByTestId('confirmation-qr');
  await qr.waitFor();
  const img = qr.getByRole('img', { name: '确认二维码' });
  await page.waitForFunction(() => ((document.querySelector('[data-testid="confirmation-qr"] img') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0);
  await page.screenshot({ path: join(SCREENSHOTS, 'confirm-field-qr.png') });
  // The QR as the phone renders it: its pixels, decoded.
  const pixels = await img.evaluate((el) => {
    const im = el as HTMLImageElement;
    const size = 600;
    const c = document.createElement('canvas');
    c.width = size;
    c.height = size;
    const g = c.getContext('2d') as CanvasRenderingContext2D;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, size, size);
    g.drawImage(im, 0, 0, size, size);
    return { width: size, height: size, data: Array.from(g.getImageData(0, 0, size, size).data) };
  });
  const decoded = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
  assert.ok(decoded, 'the QR on the phone decodes');
  assert.match(decoded.data, /\/c\/[A-Za-z0-9_-]+$/);
  assert.equal((await supervisor.get(`/api/v1/tickets/${id}`)).body.status, 'awaiting_confirmation');
  // The test world listens on a random port; GONGDAN_PUBLIC_URL differs only by origin.
  return { id, number: created.body.number, url: w.url + new URL(decoded.data).pathname };
}

async function phone(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN',
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text()); });
  return { context, page, errors };
}

/** Draws strokes on the canvas with real pointer input (mouse events), in canvas-relative points. */
async function draw(page: Page, strokes: [number, number][][], pad = '#pad'): Promise<void> {
  // The page scrolls the pad into view smoothly: draw once it stands still.
  let box = await page.locator(pad).boundingBox();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const next = await page.locator(pad).boundingBox();
    if (next && box && next.x === box.x && next.y === box.y) break;
    box = next;
  }
  assert.ok(box);
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(box.x + (first as [number, number])[0], box.y + (first as [number, number])[1]);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x, box.y + y, { steps: 6 });
    await page.mouse.up();
  }
}

describe('customer confirmation in Chromium', () => {
  before(async () => {
    ensureFieldBuilt();
    w = await startWorld();
    [dispatcher, engineer, supervisor] = await Promise.all([w.as('dispatcher'), w.as('engineer'), w.as('supervisor')]);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  test('required flow: engineer resolves on /m → QR on the phone → customer opens the decoded URL on their own phone, signs, rates → closed', { timeout: 180_000 }, async () => {
    const engineerPhone = await launchPhone();
    try {
      const t = await engineerResolvesOnPhone(engineerPhone, '展示柜温度过高');
      const { context, page, errors } = await phone();
      await page.goto(t.url);
      await page.locator('#summary').getByText('展示柜温度过高').waitFor();
      await page.getByRole('button', { name: '问题已解决' }).click();
      await page.locator('#pad').waitFor();
      await draw(page, [[[30, 50], [70, 130], [110, 60]], [[130, 120], [170, 50], [210, 125]], [[230, 90], [300, 85], [330, 130]]]);
      await page.getByLabel('签字人姓名').fill('李主管');
      await page.getByRole('radio', { name: '5 分' }).click();
      await page.getByRole('button', { name: '确认并提交' }).click();
      await page.locator('#done').getByText('感谢您的确认').waitFor();
      assert.equal((await supervisor.get(`/api/v1/tickets/${t.id}`)).body.status, 'closed');
      const evidence = await supervisor.get(`/api/v1/tickets/${t.id}/confirmation`);
      assert.equal(evidence.body.method, 'customer_link');
      assert.equal(evidence.body.satisfaction, 5);
      assert.equal(evidence.body.deviceId, null, 'the customer\'s own phone has no field-app device id');
      assert.equal((await supervisor.get('/api/v1/audit/verify')).body.ok, true);
      const suspicious = (await supervisor.get('/api/v1/suspicious-closes')).body.items as { ticketId: string }[];
      assert.equal(suspicious.filter((x) => x.ticketId === t.id).length, 0, 'a customer signing on their own phone is not suspicious');
      assert.deepEqual(errors, []);
      await context.close();
      assert.deepEqual(engineerPhone.errors, []);
    } finally {
      await engineerPhone.close();
    }
  });

  test('the customer page opened on the engineer\'s own phone: the confirmation carries the field app\'s device id and is flagged as same-device', { timeout: 180_000 }, async () => {
    const engineerPhone = await launchPhone();
    try {
      const t = await engineerResolvesOnPhone(engineerPhone, '冷柜门封条破损');
      const device = await engineerPhone.page.evaluate(() => localStorage.getItem('gongdan.field.deviceId'));
      assert.match(device ?? '', /^[0-9a-f-]{36}$/);
      // The engineer "scans" the QR himself: the link opened in the same browser profile.
      const page = await engineerPhone.context.newPage();
      await page.goto(t.url);
      await page.getByRole('button', { name: '问题已解决' }).tap();
      await page.locator('#pad').waitFor();
      await draw(page, [[[30, 50], [70, 130], [110, 60]], [[130, 120], [170, 50], [210, 125]], [[230, 90], [300, 85], [330, 130]]]);
      await page.getByLabel('签字人姓名').fill('张三');
      await page.getByRole('radio', { name: '5 分' }).click();
      await page.getByRole('button', { name: '确认并提交' }).click();
      await page.locator('#done').getByText('感谢您的确认').waitFor().catch(async (e: unknown) => {
        await page.screenshot({ path: join(SCREENSHOTS, 'confirm-same-device-fail.png'), fullPage: true });
        throw new Error(`not submitted: ${await page.locator('#sign-err').textContent().catch(() => '?')} ${String(e)}`);
      });
      assert.equal((await supervisor.get(`/api/v1/tickets/${t.id}`)).body.status, 'closed');
      const evidence = await supervisor.get(`/api/v1/tickets/${t.id}/confirmation`);
      assert.equal(evidence.body.method, 'customer_link');
      assert.equal(evidence.body.deviceId, device, 'the first-party gd_device_id cookie reached the customer page');
      const suspicious = (await supervisor.get('/api/v1/suspicious-closes')).body.items as { ticketId: string; reasons: { kind: string; deviceId?: string }[] }[];
      const mine = suspicious.filter((x) => x.ticketId === t.id);
      assert.equal(mine.length, 1, JSON.stringify(suspicious));
      assert.ok(mine[0]?.reasons.some((r) => r.kind === 'same_device' && r.deviceId === device), JSON.stringify(mine[0]));
    } finally {
      await engineerPhone.close();
    }
  });

  test('fallback in /m: the customer signs on the engineer\'s phone → on-device body posted, one stroke refused, ticket closed as on_device and listed', { timeout: 180_000 }, async () => {
    const engineerPhone = await launchPhone();
    try {
      const t = await engineerResolvesOnPhone(engineerPhone, '制冰机不出冰');
      const { page } = engineerPhone;
      const device = await page.evaluate(() => localStorage.getItem('gongdan.field.deviceId'));
      const posted: { url: string; headers: Record<string, string>; body: Record<string, any> }[] = [];
      page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/confirmation/on-device')) posted.push({ url: r.url(), headers: r.headers(), body: r.postDataJSON() as Record<string, any> }); });
      await engineerPhone.tap(page.getByTestId('sign-on-device'));
      await page.getByTestId('on-device-sign').getByText('制冰机不出冰').waitFor();
      await draw(page, [[[30, 60], [120, 100], [250, 70]]], '[data-testid="on-device-pad"]');
      await page.getByLabel('签字人姓名').fill('周店长');
      await engineerPhone.tap(page.getByRole('radio', { name: '4 分' }));
      await engineerPhone.tap(page.getByTestId('on-device-submit'));
      await page.getByTestId('on-device-error').getByText('仅一笔').waitFor();
      assert.equal(posted.length, 0, 'one stroke is refused before it is sent');
      await engineerPhone.tap(page.getByRole('button', { name: '清除重签' }));
      await draw(page, [[[30, 50], [70, 130], [110, 60]], [[130, 120], [170, 50], [210, 125]], [[230, 90], [300, 85], [330, 130]]], '[data-testid="on-device-pad"]');
      await page.screenshot({ path: join(SCREENSHOTS, 'confirm-field-on-device.png') });
      await engineerPhone.tap(page.getByTestId('on-device-submit'));
      await page.getByTestId('notice').getByText('客户已在本机签字确认').waitFor();
      assert.equal(posted.length, 1);
      const sent = posted[0]!;
      assert.equal(new URL(sent.url).pathname, `/api/v1/tickets/${t.id}/confirmation/on-device`);
      assert.deepEqual(Object.keys(sent.body).sort(), ['outcome', 'satisfaction', 'signature', 'signerName', 'snapshotSha256']);
      assert.equal(sent.body.outcome, 'confirmed');
      assert.match(sent.body.snapshotSha256, /^[0-9a-f]{64}$/);
      assert.equal(sent.body.signerName, '周店长');
      assert.equal(sent.body.satisfaction, 4);
      assert.equal(sent.body.signature.strokes.length, 3, 'the cleared stroke is not sent');
      assert.ok(sent.body.signature.width > 300 && sent.body.signature.height === 200);
      assert.ok(sent.headers['x-csrf-token'], 'a cookie-session write carries the CSRF header');
      assert.equal(sent.headers['x-device-id'], device);
      assert.equal((await supervisor.get(`/api/v1/tickets/${t.id}`)).body.status, 'closed');
      const evidence = await supervisor.get(`/api/v1/tickets/${t.id}/confirmation`);
      assert.equal(evidence.body.method, 'on_device');
      assert.equal(evidence.body.deviceId, device);
      assert.equal(evidence.body.signerName, '周店长');
      const items = (await supervisor.get('/api/v1/suspicious-closes')).body.items as { ticketId: string; reasons: { kind: string }[] }[];
      assert.ok(items.find((x) => x.ticketId === t.id)?.reasons.some((r) => r.kind === 'on_device'), 'on-device signatures are always listed');
      assert.equal((await supervisor.get('/api/v1/audit/verify')).body.ok, true);
      assert.deepEqual(engineerPhone.errors, []);
    } finally {
      await engineerPhone.close();
    }
  });

  test('the customer signs on their own phone: drawn signature + rating → ticket closed, signature stored, audit verifies; the link is then used up', async () => {
    const t = await engineerResolves('冷库压缩机不启动');
    const { context, page, errors } = await phone();
    await page.goto(t.url);
    await page.locator('#summary').getByText('冷库压缩机不启动').waitFor();
    await page.getByText('更换启动电容后制冷恢复').waitFor();
    await page.getByText('CAP-35uF').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'confirm-customer-page.png'), fullPage: true });
    await page.getByRole('button', { name: '问题已解决' }).click();
    await page.locator('#pad').waitFor();

    // One stroke is refused before it is even sent.
    await draw(page, [[[30, 60], [120, 100], [250, 70]]]);
    await page.getByLabel('签字人姓名').fill('王经理');
    await page.getByRole('radio', { name: '4 分' }).click();
    await page.getByRole('button', { name: '确认并提交' }).click();
    await page.waitForFunction(() => document.getElementById('sign-err')?.textContent?.includes('仅一笔'));
    assert.equal((await supervisor.get(`/api/v1/tickets/${t.id}`)).body.status, 'awaiting_confirmation');

    // A new stroke clears the complaint (it is about the old signature); so does 清除重签.
    await draw(page, [[[40, 120], [90, 40], [140, 120]]]);
    assert.equal(await page.locator('#sign-err').textContent(), '');
    await page.getByRole('button', { name: '清除重签' }).click();
    await page.getByRole('button', { name: '确认并提交' }).click();
    await page.waitForFunction(() => document.getElementById('sign-err')?.textContent?.includes('请在签名区签名'));
    await page.getByRole('button', { name: '清除重签' }).click();
    assert.equal(await page.locator('#sign-err').textContent(), '');
    await draw(page, [[[30, 50], [70, 130], [110, 60]], [[130, 120], [170, 50], [210, 125]], [[230, 90], [300, 85], [330, 130]]]);
    await page.getByLabel('意见或建议（选填）').fill('工程师很专业');
    await page.screenshot({ path: join(SCREENSHOTS, 'confirm-customer-sign.png'), fullPage: true });
    await page.getByRole('button', { name: '确认并提交' }).click();
    await page.locator('#done').getByText('感谢您的确认').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'confirm-customer-done.png') });

    const ticket = await supervisor.get(`/api/v1/tickets/${t.id}`);
    assert.equal(ticket.body.status, 'closed');
    const evidence = await supervisor.get(`/api/v1/tickets/${t.id}/confirmation`);
    assert.equal(evidence.body.method, 'customer_link');
    assert.equal(evidence.body.signerName, '王经理');
    assert.equal(evidence.body.satisfaction, 4);
    const png = await fetch(w.url + evidence.body.signatureUrl);
    assert.equal(png.status, 200);
    assert.ok((await png.arrayBuffer()).byteLength > 200, 'a drawn signature, not an empty image');
    const verify = await supervisor.get('/api/v1/audit/verify');
    assert.equal(verify.body.ok, true, verify.text);

    // The service report, from the customer's page.
    await page.getByRole('link', { name: '查看服务报告' }).click();
    await page.locator('#signature').waitFor();
    assert.ok(await page.locator('#signature').evaluate((img) => (img as HTMLImageElement).naturalWidth > 0), 'the signature image loads through its signed URL');
    await page.screenshot({ path: join(SCREENSHOTS, 'confirm-service-report.png'), fullPage: true });

    // Reused link: a clear message, nothing changes.
    await page.goto(t.url);
    await page.getByText('此链接已使用').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('"未解决" with a reason reopens the ticket; an expired link shows a clear message; the engineer cannot close directly', async () => {
    const t = await engineerResolves('风机异响');
    const directClose = await engineer.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'closed', reason: '已修好' });
    assert.equal(directClose.status, 403);
    const { context, page, errors } = await phone();
    await page.goto(t.url);
    await page.getByRole('button', { name: '未解决' }).click();
    await page.getByLabel('请说明哪里还没有解决').fill('开机十分钟后仍有异响');
    await page.getByRole('button', { name: '提交“未解决”' }).click();
    await page.locator('#done').getByText('已收到您的反馈').waitFor();
    assert.equal((await supervisor.get(`/api/v1/tickets/${t.id}`)).body.status, 'reopened');

    const t2 = await engineerResolves('水泵漏水');
    await w.ctx.database.db.updateTable('confirmation_requests').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('ticket_id', '=', t2.id).execute();
    await page.goto(t2.url);
    await page.getByRole('heading', { name: '链接已过期' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'confirm-link-expired.png') });
    assert.equal((await supervisor.get(`/api/v1/tickets/${t2.id}`)).body.status, 'awaiting_confirmation');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('desk: the ticket shows the signature evidence; 可疑关闭 lists a fast close; one click creates callbacks once; the agent records the outcome', async () => {
    // A fast close: resolved, then closed by the supervisor seconds later without the customer.
    const fast = await engineerResolves('门禁读卡器失灵');
    assert.equal((await supervisor.post(`/api/v1/tickets/${fast.id}/transitions`, { to: 'closed', reason: '电话确认' })).status, 200);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, w.url, 'supervisor@test.local');
    await page.waitForURL(/\/tickets$/);

    // The first test's signed ticket shows its evidence on the ticket page.
    const signed = (await supervisor.get('/api/v1/tickets?q=' + encodeURIComponent('冷库压缩机不启动'))).body.items[0] as { id: string };
    await page.goto(`${w.url}/tickets/${signed.id}`);
    const panel = page.getByTestId('confirmation-panel');
    await panel.getByText('客户已确认').waitFor();
    await panel.getByText('王经理').waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=confirmation-panel] img')].some((i) => (i as HTMLImageElement).naturalWidth > 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'confirm-desk-ticket.png') });

    await page.getByRole('menuitem', { name: '可疑关闭' }).click();
    await page.waitForURL(/\/confirmations$/);
    const row = page.getByRole('row').filter({ hasText: fast.number });
    await row.getByText(/解决后 .* 秒即关闭/).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'confirm-suspicious.png') });
    await row.getByRole('checkbox').check();
    await page.getByTestId('create-callbacks').click();
    await page.waitForURL(/\/confirmations\/callbacks\//);
    await page.getByRole('link', { name: fast.number }).waitFor();
    // Pressing again on the same selection does not create a second batch.
    assert.equal((await supervisor.post('/api/v1/callback-batches', { ticketIds: [fast.id] })).body.created, false);
    assert.equal((await w.ctx.database.db.selectFrom('todos').select('id').where('kind', '=', 'callback').where('ticket_id', '=', fast.id).execute()).length, 1);

    // The agent (dispatcher) records "not resolved": the ticket is reopened.
    const agent = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const ap = await agent.newPage();
    await signIn(ap, w.url, 'dispatcher@test.local');
    await ap.waitForURL(/\/tickets$/);
    await ap.getByRole('menuitem', { name: '回访任务' }).click();
    await ap.getByRole('link', { name: /可疑关闭回访/ }).click();
    await ap.getByRole('button', { name: '未解决（已重开）' }).click();
    await ap.getByText('已记录回访结果').waitFor();
    await ap.screenshot({ path: join(SCREENSHOTS, 'confirm-callback-batch.png') });
    assert.equal((await supervisor.get(`/api/v1/tickets/${fast.id}`)).body.status, 'reopened');
    assert.deepEqual(errors, []);
    await agent.close();
    await context.close();
  });
});
