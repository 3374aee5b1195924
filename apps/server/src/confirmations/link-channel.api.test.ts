import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { verifyWebhookSignature } from '@gongdan/domain/webhooks/webhook-signature';
import { eventually } from '../similar/similar-fixture.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

const hmac = (key: string, message: string) => createHmac('sha256', key).update(message, 'utf8').digest('hex');

/** The confirmation link reaches the customer's phone through a configured provider webhook (an SMS gateway here). */
for (const target of testTargets()) {
  describe(`confirmation link sent by the outbound channel on ${target.name}`, () => {
    let w: TestWorld;
    let gateway: Server;
    let gatewayUrl = '';
    const sms: { body: string; headers: IncomingHttpHeaders }[] = [];
    before(async () => {
      w = await startTestWorld(target);
      gateway = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => { sms.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers }); res.end('{"code":0}'); });
      });
      await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
      gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms/send`;
    });
    after(async () => {
      await w?.stop();
      await new Promise<void>((r) => { gateway.closeAllConnections(); gateway.close(() => r()); });
    });

    test('admins set URL and template; a bad template or a non-admin is refused', async () => {
      const admin = await w.as('admin');
      const bad = await admin.put('/api/v1/confirmation-channel', { enabled: true, url: gatewayUrl, template: '{"to":"{{phone}}","text":"{{link}}"}' });
      assert.equal(bad.status, 422, bad.text);
      assert.equal(bad.body.errors[0].field, 'template');
      assert.match(bad.body.errors[0].message, /link/);
      const noUrl = await admin.put('/api/v1/confirmation-channel', { enabled: true, url: '' });
      assert.equal(noUrl.body.errors[0].field, 'url');
      const engineer = await w.as('engineer');
      assert.equal((await engineer.put('/api/v1/confirmation-channel', { enabled: false, url: '' })).status, 403);
      const off = await admin.get('/api/v1/confirmation-channel');
      assert.equal(off.body.enabled, false, 'nothing half-saved by the refused attempts');
    });

    test('resolving sends the customer a signed message with their link; a re-issued link is sent again, the used one never', async () => {
      const admin = await w.as('admin');
      const set = await admin.put('/api/v1/confirmation-channel', {
        enabled: true, url: gatewayUrl, template: '{"mobile":"{{phone}}","content":"{{customerName}}：工单 {{ticketNumber}} 已完成，请确认 {{url}}"}',
      });
      assert.equal(set.status, 200, set.text);
      assert.match(set.body.secret, /^lcsec_/);
      const d = await w.as('dispatcher');
      const e = await w.as('engineer');
      const created = await d.post('/api/v1/tickets', {
        title: '打印机卡纸', customerId: w.customers.a, assigneeId: w.users.engineer.id, teamId: w.teams.a, contactName: '李经理', contactPhone: '13800138000',
      });
      assert.equal(created.status, 201, created.text);
      const id = created.body.id as string;
      for (const to of ['accepted', 'in_progress']) assert.equal((await e.post(`/api/v1/tickets/${id}/transitions`, { to })).status, 200);
      const resolved = await e.post(`/api/v1/tickets/${id}/transitions`, {
        to: 'resolved', fields: { resolution: '清理搓纸轮' }, customFields: { fault_photo: ['p1'], result: 'resolved' },
      });
      assert.equal(resolved.status, 200, resolved.text);

      await eventually('the gateway got the message', async () => sms.length, (n) => n >= 1);
      const first = sms[0]!;
      assert.equal(verifyWebhookSignature(String(first.headers['x-gongdan-signature']), set.body.secret, first.body, Math.floor(Date.now() / 1000), hmac).ok, true);
      const msg = JSON.parse(first.body) as { mobile: string; content: string };
      assert.equal(msg.mobile, '13800138000');
      const link = (await e.get(`/api/v1/tickets/${id}/confirmation-request`)).body.url as string;
      assert.ok(msg.content.includes(link), 'the message carries the same link the QR shows');
      assert.match(msg.content, new RegExp(created.body.number as string));
      const page = await fetch(`${w.url}${new URL(link).pathname}`);
      assert.equal(page.status, 200);

      const reissued = await e.post(`/api/v1/tickets/${id}/confirmation-request`);
      assert.ok([200, 201].includes(reissued.status), reissued.text);
      await eventually('the re-issued link was sent', async () => sms.length, (n) => n >= 2);
      const second = JSON.parse(sms[1]!.body) as { content: string };
      assert.ok(second.content.includes(reissued.body.url as string));
      assert.ok(!second.content.includes(link));
      await new Promise((r) => setTimeout(r, 600));
      assert.equal(sms.length, 2, 'each link is sent once');
    });
  });
}
