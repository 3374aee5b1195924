/**
 * The field app's browser scenario, shared by its test files: one server with a part the job needs
 * (none in the van, five in the central warehouse) and an SOP with a picture, plus the steps a
 * test takes on the phone and the server-side checks that every change arrived exactly once.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { HttpClient } from '../../server/src/testing/http-client.ts';
import type { TestWorld } from '../../server/src/testing/test-server.ts';
import { SCREENSHOTS, startWorld } from './desk-world.ts';
import { ensureFieldBuilt, fakePhoto, PHONE_AT, sha256, storedPhotoHashes, type Phone } from './field-world.ts';

export let w: TestWorld;
export let dispatcher: HttpClient;
export let admin: HttpClient;
export const part: { id: string; central: string } = { id: '', central: '' };

export type Json = Record<string, any>;
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
export const ok = (r: { status: number; body: unknown }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body as Json;
};

/** A repair order for the engineer, on site in 深圳 now, optionally needing a part not in the van. */
export async function order(title: string, opts: { needsPart?: boolean } = {}): Promise<string> {
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

export async function serverState(id: string) {
  const audit = ok(await admin.get(`/api/v1/tickets/${id}/audit`)).items as Json[];
  const attachments = ok(await admin.get(`/api/v1/tickets/${id}/attachments`)).items as Json[];
  const ticket = ok(await admin.get(`/api/v1/tickets/${id}`));
  const transitions = audit.filter((a) => a.action === 'ticket.transitioned').map((a) => (a.after as Json | null)?.status as string);
  const checkIns = audit.filter((a) => /check.?in/i.test(String(a.action))).length;
  const reservations = audit.filter((a) => /reserv/i.test(String(a.action))).length;
  return { audit, attachments, ticket, transitions, checkIns, reservations };
}

/**
 * The server's state once it shows `status` in the ticket's transitions. The phone's pending count can
 * still read 0 for a moment after a tap (the change is being written to IndexedDB), so a test that
 * needs a change to have reached the server waits for the server, not for the indicator.
 */
export async function serverStateAfter(id: string, status: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await serverState(id);
    if (s.transitions.includes(status) || Date.now() > until) return s;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function download(url: string): Promise<string> {
  const res = await fetch(w.url + url, { headers: { cookie: admin.cookie ?? '' } });
  assert.equal(res.status, 200);
  return sha256(new Uint8Array(await res.arrayBuffer()));
}

/** The photo that was uploaded last (the annotated one) equals, byte for byte, the one the phone kept. */
export async function assertPhotosIntact(phone: Phone, id: string, fieldKey = 'fault_photo') {
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

export async function openOrder(phone: Phone, title: string) {
  await phone.tap(phone.page.getByTestId('order-card').filter({ hasText: title }));
  await phone.page.getByTestId('order-title').filter({ hasText: title }).waitFor();
}

export async function takePhoto(phone: Phone) {
  const { page } = phone;
  const jpeg = await fakePhoto(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), phone.tap(page.getByRole('button', { name: /拍照/ }))]);
  await chooser.setFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await page.getByTestId('photo-thumb').first().waitFor();
}

export async function annotate(phone: Phone) {
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

/** Starts the server and the catalogue the scenarios need. */
export async function startFieldScenario(): Promise<void> {
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
}
