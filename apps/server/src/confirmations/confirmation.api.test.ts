import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { verifyWebhookSignature } from '@gongdan/domain/webhooks/webhook-signature';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';
import type { HttpClient } from '../testing/http-client.ts';

const line = (x0: number, y0: number, x1: number, y1: number, n = 12) => ({
  points: Array.from({ length: n }, (_, i) => [x0 + ((x1 - x0) * i) / (n - 1), y0 + ((y1 - y0) * i) / (n - 1)] as [number, number]),
});
const SIGNATURE = { width: 320, height: 180, strokes: [line(20, 40, 140, 120), line(60, 130, 260, 50), line(200, 40, 230, 150)] };
const ONE_STROKE = { width: 320, height: 180, strokes: [line(20, 40, 290, 150, 40)] };

/** Pulls the inlined snapshot hash out of the customer page, as its script does. */
function pageHash(html: string): string {
  const m = /<script id="gd-data" type="application\/json">(.*?)<\/script>/.exec(html);
  assert.ok(m, 'the page embeds its snapshot hash');
  return (JSON.parse(m[1] as string) as { snapshotSha256: string }).snapshotSha256;
}

for (const target of testTargets()) {
  describe(`customer confirmation on ${target.name}`, () => {
    let w: TestWorld;
    let d: HttpClient;
    let e: HttpClient;
    let s: HttpClient;
    const hits: { body: string; headers: Record<string, string | string[] | undefined> }[] = [];
    let receiver: Server;
    let receiverUrl = '';

    before(async () => {
      w = await startTestWorld(target);
      [d, e, s] = await Promise.all([w.as('dispatcher'), w.as('engineer'), w.as('supervisor')]);
      receiver = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => { hits.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers }); res.end('ok'); });
      });
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/erp`;
    });
    after(async () => {
      await w?.stop();
      await new Promise<void>((r) => { receiver.closeAllConnections(); receiver.close(() => r()); });
    });

    /** A ticket taken to resolve by its engineer, with a public and an internal comment. */
    async function resolved(title = '空调不制冷'): Promise<{ id: string; number: string; status: string }> {
      const created = await d.post('/api/v1/tickets', { title, description: '三楼会议室', customerId: w.customers.a, deviceId: w.deviceA, assigneeId: w.users.engineer.id, teamId: w.teams.a });
      assert.equal(created.status, 201, created.text);
      const id = created.body.id as string;
      for (const step of [{ to: 'accepted' }, { to: 'in_progress' }]) assert.equal((await e.post(`/api/v1/tickets/${id}/transitions`, step)).status, 200);
      assert.equal((await e.post(`/api/v1/tickets/${id}/comments`, { body: '已清洗滤网并补充冷媒', visibility: 'public' })).status, 201);
      assert.equal((await e.post(`/api/v1/tickets/${id}/comments`, { body: '内部：客户机房门禁难进', visibility: 'internal' })).status, 201);
      const r = await e.post(`/api/v1/tickets/${id}/transitions`, {
        to: 'resolved', fields: { resolution: '清洗滤网，补充冷媒 R32' }, customFields: { fault_photo: ['p1'], result: 'resolved', parts_used: 'P-10023 × 2' },
      });
      assert.equal(r.status, 200, r.text);
      return r.body;
    }

    async function link(id: string): Promise<{ url: string; publicUrl: string; token: string; status: string; qrSvg: string; expiresAt: string }> {
      const r = await e.get(`/api/v1/tickets/${id}/confirmation-request`);
      assert.equal(r.status, 200, r.text);
      // The world listens on a random port; GONGDAN_PUBLIC_URL (here :0) only differs by origin.
      const path = new URL(r.body.url).pathname;
      return { ...r.body, publicUrl: r.body.url, url: w.url + path, token: path.split('/')[2] };
    }

    test('resolving moves the ticket to awaiting_confirmation and creates a link with a QR for the assignee and staff only', async () => {
      const t = await resolved();
      assert.equal(t.status, 'awaiting_confirmation');
      const l = await link(t.id);
      assert.equal(l.status, 'pending');
      assert.match(l.publicUrl, new RegExp(`^${w.ctx.config.publicUrl}/c/[A-Za-z0-9_-]{22,}$`));
      assert.match(l.qrSvg, /^<svg[\s\S]*<\/svg>\s*$/);
      const days = (Date.parse(l.expiresAt) - Date.now()) / 86_400_000;
      assert.ok(days > 6.9 && days <= 7, `expires in ${days} days`);
      // The database holds only the hash and a ciphertext, never the token.
      const row = await w.ctx.database.db.selectFrom('confirmation_requests').selectAll().where('ticket_id', '=', t.id).executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(row).includes(l.token));
      assert.equal((await (await w.as('engineer2')).get(`/api/v1/tickets/${t.id}/confirmation-request`)).status, 403, 'a teammate is not shown the link');
      assert.equal((await (await w.as('customerA')).get(`/api/v1/tickets/${t.id}/confirmation-request`)).status, 403);
      assert.equal((await d.get(`/api/v1/tickets/${t.id}/confirmation-request`)).status, 200);
      const audit = await s.get(`/api/v1/tickets/${t.id}/audit`);
      const steps = audit.body.items.filter((x: { action: string }) => x.action === 'ticket.transitioned').map((x: { after: { transition: string } }) => x.after.transition);
      assert.deepEqual(steps.slice(-2), ['resolve', 'request_confirmation']);
      const none = await d.post('/api/v1/tickets', { title: '无链接', customerId: w.customers.a });
      const missing = await d.get(`/api/v1/tickets/${none.body.id}/confirmation-request`);
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('content-type')?.startsWith('application/problem+json'), true);
    });

    test('the customer page inlines public content only; a one-stroke signature is refused; signing closes, stores evidence and fires a signed ticket.confirmed webhook', async () => {
      const admin = await w.as('admin');
      const sub = await admin.post('/api/v1/webhooks', { name: 'ERP 质保', url: receiverUrl, events: ['ticket.confirmed'] });
      assert.equal(sub.status, 201, sub.text);
      const t = await resolved('冷库温度高');
      const l = await link(t.id);
      const page = await fetch(l.url);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      const html = await page.text();
      for (const shown of ['冷库温度高', '清洗滤网，补充冷媒 R32', '已清洗滤网并补充冷媒', 'P-10023', '问题已解决', '未解决']) assert.ok(html.includes(shown), `page shows ${shown}`);
      assert.ok(!html.includes('门禁'), 'internal comments never reach the customer page');
      const hash = pageHash(html);
      const anon = w.anonymous();
      const post = (body: unknown, headers: Record<string, string> = {}) => anon.request('POST', `/api/public/confirmations/${l.token}`, { body, headers });

      const oneStroke = await post({ outcome: 'confirmed', snapshotSha256: hash, signerName: '王经理', satisfaction: 5, signature: ONE_STROKE });
      assert.equal(oneStroke.status, 422, oneStroke.text);
      assert.equal(oneStroke.body.errors[0].field, 'signature');
      const empty = await post({ outcome: 'confirmed', snapshotSha256: hash, signerName: '王经理', satisfaction: 5, signature: { width: 320, height: 180, strokes: [] } });
      assert.equal(empty.status, 422);
      const stale = await post({ outcome: 'confirmed', snapshotSha256: 'a'.repeat(64), signerName: '王经理', satisfaction: 5, signature: SIGNATURE });
      assert.equal(stale.status, 409, 'a page older than the ticket must be reloaded');
      assert.equal((await s.get(`/api/v1/tickets/${t.id}`)).body.status, 'awaiting_confirmation', 'refusals change nothing');

      const ok = await post({ outcome: 'confirmed', snapshotSha256: hash, signerName: '王经理', satisfaction: 4, comment: '很及时', signature: SIGNATURE, gps: { lat: 22.54, lng: 114.06, accuracy: 20 } },
        { cookie: 'gd_device_id=customer-phone-123456', 'user-agent': 'Mozilla/5.0 (iPhone)' });
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.outcome, 'confirmed');
      assert.equal(ok.body.status, 'closed');
      assert.equal((await s.get(`/api/v1/tickets/${t.id}`)).body.status, 'closed');

      const evidence = await s.get(`/api/v1/tickets/${t.id}/confirmation`);
      assert.equal(evidence.status, 200, evidence.text);
      assert.equal(evidence.body.method, 'customer_link');
      assert.equal(evidence.body.signerName, '王经理');
      assert.equal(evidence.body.deviceId, 'customer-phone-123456');
      assert.deepEqual(evidence.body.gps, { lat: 22.54, lng: 114.06, accuracy: 20 });
      assert.equal(evidence.body.snapshotSha256, hash);
      const png = await fetch(w.url + evidence.body.signatureUrl);
      assert.equal(png.status, 200);
      assert.equal(png.headers.get('content-type'), 'image/png');
      assert.deepEqual([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      const tampered = evidence.body.signatureUrl.replace(/sig=./, (m: string) => (m.endsWith('A') ? 'sig=B' : 'sig=A'));
      assert.equal((await fetch(w.url + tampered)).status, 404, 'a changed signature URL is refused');
      assert.equal((await fetch(`${w.url}/api/public/files/signature/${evidence.body.id}`)).status, 404, 'never served without a signature');

      const audit = await s.get(`/api/v1/tickets/${t.id}/audit`);
      const last = audit.body.items.at(-1);
      assert.equal(last.actor.kind, 'customer_link');
      assert.equal(last.actor.name, '王经理');
      assert.equal(last.after.snapshotSha256, hash);
      assert.equal(last.after.transition, 'confirm');
      const verify = await s.get('/api/v1/audit/verify');
      assert.equal(verify.body.ok, true, verify.text);

      // The ERP receives ticket.confirmed, signed, with the snapshot hash and a working signature URL.
      const deadline = Date.now() + 5000;
      while (hits.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      const hit = hits.find((h) => h.body.includes(t.id));
      assert.ok(hit, 'webhook delivered');
      const secret = sub.body.secret as string;
      const hmac = (k: string, m: string) => createHmac('sha256', k).update(m, 'utf8').digest('hex');
      assert.equal(verifyWebhookSignature(String(hit.headers['x-gongdan-signature']), secret, hit.body, Math.floor(Date.now() / 1000), hmac).ok, true);
      const payload = JSON.parse(hit.body) as { event: string; data: { snapshotSha256: string; signatureUrl: string; signatureSha256: string; ticketId: string } };
      assert.equal(payload.event, 'ticket.confirmed');
      assert.equal(payload.data.snapshotSha256, hash);
      assert.ok(payload.data.signatureUrl.startsWith(`${w.ctx.config.publicUrl}/api/public/files/signature/`));
      const fromErp = await fetch(w.url + new URL(payload.data.signatureUrl).pathname + new URL(payload.data.signatureUrl).search);
      assert.equal(fromErp.status, 200, 'the ERP can fetch the signature while the URL is valid');

      // The link is used up: the page says so, a second submission changes nothing.
      const again = await fetch(l.url);
      assert.equal(again.status, 410);
      assert.match(await again.text(), /此链接已使用/);
      const reuse = await post({ outcome: 'rejected', snapshotSha256: hash, reason: '又坏了' });
      assert.equal(reuse.status, 409, reuse.text);
      assert.equal(reuse.body.detail, 'link_used');
      assert.equal((await s.get(`/api/v1/tickets/${t.id}`)).body.status, 'closed');

      // Service report: staff, and the customer from their used link.
      const report = await s.get(`/api/v1/tickets/${t.id}/service-report`);
      assert.equal(report.status, 200);
      assert.match(report.text, /服 务 报 告/);
      assert.match(report.text, /id="signature"/);
      assert.match(report.text, /@media print/);
      const customerReport = await fetch(`${l.url}/report`);
      assert.equal(customerReport.status, 200);
      assert.ok((await customerReport.text()).includes(hash));
    });

    test('"未解决" reopens the ticket and notifies the dispatcher; expired, revoked and tampered links are refused and change nothing', async () => {
      const t = await resolved('打印机卡纸');
      const l = await link(t.id);
      const hash = pageHash(await (await fetch(l.url)).text());
      const anon = w.anonymous();
      const noReason = await anon.post(`/api/public/confirmations/${l.token}`, { outcome: 'rejected', snapshotSha256: hash });
      assert.equal(noReason.status, 422);
      const rejected = await anon.post(`/api/public/confirmations/${l.token}`, { outcome: 'rejected', snapshotSha256: hash, reason: '还是卡纸' });
      assert.equal(rejected.status, 200, rejected.text);
      assert.equal(rejected.body.status, 'reopened');
      const deadline = Date.now() + 5000;
      let notes: { title: string }[] = [];
      while (Date.now() < deadline) {
        notes = (await d.get('/api/v1/notifications')).body.items;
        if (notes.some((n) => n.title.includes(t.number))) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(notes.some((n) => n.title.includes(t.number)), 'the dispatcher is told');

      // Expired: the page and the API refuse it.
      const t2 = await resolved('传真机');
      const l2 = await link(t2.id);
      const h2 = pageHash(await (await fetch(l2.url)).text());
      await w.ctx.database.db.updateTable('confirmation_requests').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('ticket_id', '=', t2.id).execute();
      const expiredPage = await fetch(l2.url);
      assert.equal(expiredPage.status, 410);
      assert.match(await expiredPage.text(), /链接已过期/);
      const expired = await anon.post(`/api/public/confirmations/${l2.token}`, { outcome: 'confirmed', snapshotSha256: h2, signerName: '李', satisfaction: 5, signature: SIGNATURE });
      assert.equal(expired.status, 409);
      assert.equal(expired.body.detail, 'link_expired');
      assert.equal((await (await s.get(`/api/v1/tickets/${t2.id}/confirmation-request`)).body.status), 'expired');
      // Re-issue: a new link works, the old one is revoked.
      const reissued = await e.post(`/api/v1/tickets/${t2.id}/confirmation-request`, {});
      assert.equal(reissued.status, 201, reissued.text);
      assert.notEqual(reissued.body.url, l2.publicUrl);
      assert.equal((await fetch(l2.url)).status, 410, 'the old link is revoked');
      const tampered = `${l2.token.slice(0, -2)}${l2.token.endsWith('AA') ? 'BB' : 'AA'}`;
      const badPage = await fetch(`${w.url}/c/${tampered}`);
      assert.equal(badPage.status, 404);
      assert.match(await badPage.text(), /链接无效/);
      const bad = await anon.post(`/api/public/confirmations/${tampered}`, { outcome: 'rejected', snapshotSha256: h2, reason: 'x' });
      assert.equal(bad.status, 404);
      assert.equal((await s.get(`/api/v1/tickets/${t2.id}`)).body.status, 'awaiting_confirmation');
    });

    test('engineers cannot close or skip confirmation, and the attempt is audited; supervisors close only with a reason', async () => {
      const t = await resolved('门禁故障');
      const close = await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'closed', reason: '我修好了' });
      assert.equal(close.status, 403);
      const confirm = await e.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'closed', transition: 'confirm' });
      assert.equal(confirm.status, 403);
      const audit = await s.get(`/api/v1/tickets/${t.id}/audit`);
      const refused = audit.body.items.filter((x: { action: string }) => x.action === 'ticket.close_refused');
      assert.equal(refused.length, 2, 'both attempts are on the record');
      const noReason = await s.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'closed' });
      assert.equal(noReason.status, 422);
      assert.equal((await s.post(`/api/v1/tickets/${t.id}/transitions`, { to: 'closed', reason: '电话回访确认' })).status, 200);
      const verify = await s.get('/api/v1/audit/verify');
      assert.equal(verify.body.ok, true, verify.text);
    });

    test('on-device fallback: the assignee records a signature as method on_device', async () => {
      const t = await resolved('投影仪');
      const l = await link(t.id);
      const hash = pageHash(await (await fetch(l.url)).text());
      // The field app's way to the same hash: the snapshot endpoint, for the assignee only.
      const snap = await e.get(`/api/v1/tickets/${t.id}/confirmation/snapshot`);
      assert.equal(snap.status, 200, snap.text);
      assert.equal(snap.body.snapshotSha256, hash);
      assert.equal((await (await w.as('engineer2')).get(`/api/v1/tickets/${t.id}/confirmation/snapshot`)).status, 403);
      const other = await (await w.as('engineer2')).post(`/api/v1/tickets/${t.id}/confirmation/on-device`, { outcome: 'confirmed', snapshotSha256: hash, signerName: '赵', satisfaction: 5, signature: SIGNATURE });
      assert.equal(other.status, 403);
      const r = await e.request('POST', `/api/v1/tickets/${t.id}/confirmation/on-device`, {
        body: { outcome: 'confirmed', snapshotSha256: hash, signerName: '赵', satisfaction: 5, signature: SIGNATURE }, headers: { 'x-device-id': 'eng-phone-1' },
      });
      assert.equal(r.status, 200, r.text);
      const ev = await s.get(`/api/v1/tickets/${t.id}/confirmation`);
      assert.equal(ev.body.method, 'on_device');
      assert.equal((await fetch(l.url)).status, 410, 'the pending link is used up by the on-device signature');
    });
  });
}
