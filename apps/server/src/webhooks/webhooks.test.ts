import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { nextRetryDelayMs } from '@gongdan/domain/webhooks/webhook-retry-policy';
import { verifyWebhookSignature } from '@gongdan/domain/webhooks/webhook-signature';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

const hmac = (key: string, message: string) => createHmac('sha256', key).update(message, 'utf8').digest('hex');

interface Hit { method: string; url: string; headers: IncomingHttpHeaders; body: string; at: number }

/** A local HTTP receiver answering with the queued statuses (then 200) and recording every request. */
async function startReceiver(statuses: number[]): Promise<{ url: string; hits: Hit[]; waitForHits(n: number, ms: number): Promise<void>; close(): Promise<void> }> {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      res.writeHead(statuses.shift() ?? 200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/gongdan`, hits,
    async waitForHits(n, ms) {
      const deadline = Date.now() + ms;
      while (hits.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      assert.ok(hits.length >= n, `receiver got ${hits.length} of ${n} deliveries within ${ms} ms`);
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

for (const target of testTargets()) {
  describe(`webhooks on ${target.name}`, () => {
    let w: TestWorld;
    const receivers: { close(): Promise<void> }[] = [];
    before(async () => { w = await startTestWorld(target); });
    after(async () => {
      await w?.stop();
      for (const r of receivers) await r.close();
    });

    test('a subscribed receiver gets a signed POST for ticket.created; unsubscribed events are not sent', async () => {
      const receiver = await startReceiver([]);
      receivers.push(receiver);
      const admin = await w.as('admin');
      const sub = await admin.post('/api/v1/webhooks', { name: 'ERP', url: receiver.url, events: ['ticket.created'] });
      assert.equal(sub.status, 201, sub.text);
      const secret = sub.body.secret as string;
      assert.match(secret, /^whsec_.{16,}/);
      const listed = await admin.get('/api/v1/webhooks');
      assert.equal(listed.status, 200);
      assert.ok(listed.body.items.some((s: { id: string; secret?: string }) => s.id === sub.body.id && s.secret === undefined), 'the secret is shown once, never listed');

      const d = await w.as('dispatcher');
      const created = await d.post('/api/v1/tickets', { title: '网络中断', customerId: w.customers.a });
      assert.equal(created.status, 201, created.text);
      await receiver.waitForHits(1, 5000);
      const hit = receiver.hits[0] as Hit;
      assert.equal(hit.method, 'POST');
      assert.equal(hit.url, '/hooks/gongdan');
      assert.match(String(hit.headers['content-type']), /^application\/json/);
      assert.equal(hit.headers['x-gongdan-event'], 'ticket.created');
      const header = String(hit.headers['x-gongdan-signature']);
      const verified = verifyWebhookSignature(header, secret, hit.body, Math.floor(Date.now() / 1000), hmac);
      assert.equal(verified.ok, true, `signature ${header}: ${JSON.stringify(verified)}`);
      // A wrong secret or a changed body does not verify.
      assert.equal(verifyWebhookSignature(header, `${secret}x`, hit.body, Math.floor(Date.now() / 1000), hmac).ok, false);
      assert.equal(verifyWebhookSignature(header, secret, hit.body.replace(created.body.id, 'someone-else'), Math.floor(Date.now() / 1000), hmac).ok, false);
      const payload = JSON.parse(hit.body) as { id: string; event: string; data: { ticketId: string; customerId: string } };
      assert.equal(payload.event, 'ticket.created');
      assert.equal(payload.data.ticketId, created.body.id);
      assert.equal(hit.headers['x-gongdan-delivery'], payload.id);

      // A transition is a different event: this subscription is not sent it.
      const e = await w.as('dispatcher');
      const moved = await e.post(`/api/v1/tickets/${created.body.id}/transitions`, { to: 'assigned', fields: { assigneeId: w.users.engineer.id } });
      assert.equal(moved.status, 200, moved.text);
      await new Promise((r) => setTimeout(r, 1200));
      assert.equal(receiver.hits.length, 1, 'ticket.transitioned was not delivered to a ticket.created subscription');
    });

    test('a receiver answering 500 is retried on the policy’s schedule; the log shows both attempts', async () => {
      const receiver = await startReceiver([500]);
      receivers.push(receiver);
      const admin = await w.as('admin');
      const sub = await admin.post('/api/v1/webhooks', { name: 'flaky', url: receiver.url, events: ['ticket.created'] });
      assert.equal(sub.status, 201, sub.text);
      const subId = sub.body.id as string;

      const d = await w.as('dispatcher');
      const created = await d.post('/api/v1/tickets', { title: '重试测试', customerId: w.customers.b });
      assert.equal(created.status, 201, created.text);
      await receiver.waitForHits(1, 5000);
      const failedAt = (receiver.hits[0] as Hit).at;

      // The failed delivery waits in the outbox for the policy's first retry delay (±20 % jitter).
      const db = w.ctx.database.db;
      let row: { id: string; attempts: number; available_at: string; status: string; last_error: string | null } | undefined;
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        row = await db.selectFrom('outbox').select(['id', 'attempts', 'available_at', 'status', 'last_error'])
          .where('topic', '=', 'webhook.deliver').where('aggregate_id', '=', subId).executeTakeFirst();
        if (row && row.attempts === 1) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      assert.ok(row && row.attempts === 1, `outbox row after the failure: ${JSON.stringify(row)}`);
      assert.equal(row.status, 'pending');
      assert.match(row.last_error ?? '', /500/);
      const wait = Date.parse(row.available_at) - failedAt;
      assert.ok(wait >= nextRetryDelayMs(1, 0) - 1000 && wait <= nextRetryDelayMs(1, 1) + 1000, `retry scheduled ${wait} ms after the failure`);
      await new Promise((r) => setTimeout(r, 700));
      assert.equal(receiver.hits.length, 1, 'no retry before the delay');

      // Move the retry time to now instead of waiting ~10 s; the running worker picks it up.
      await db.updateTable('outbox').set({ available_at: new Date().toISOString() }).where('id', '=', row.id).execute();
      w.ctx.nudgeOutbox();
      await receiver.waitForHits(2, 5000);
      const [first, second] = receiver.hits as [Hit, Hit];
      assert.equal(second.headers['x-gongdan-delivery'], first.headers['x-gongdan-delivery'], 'the retry is the same delivery');
      assert.equal(second.body, first.body);
      assert.equal(verifyWebhookSignature(String(second.headers['x-gongdan-signature']), sub.body.secret, second.body, Math.floor(Date.now() / 1000), hmac).ok, true);

      let log: { attempt: number; ok: boolean; statusCode: number | null; event: string; error: string | null }[] = [];
      const logDeadline = Date.now() + 3000;
      while (Date.now() < logDeadline) {
        const r = await admin.get(`/api/v1/webhooks/${subId}/deliveries`);
        assert.equal(r.status, 200, r.text);
        log = r.body.items;
        if (log.length >= 2) break;
        await new Promise((res) => setTimeout(res, 25));
      }
      assert.equal(log.length, 2, JSON.stringify(log));
      const byAttempt = [...log].sort((a, b) => a.attempt - b.attempt);
      assert.deepEqual(byAttempt.map((x) => [x.attempt, x.ok, x.statusCode, x.event]), [[1, false, 500, 'ticket.created'], [2, true, 200, 'ticket.created']]);
      assert.match(byAttempt[0]?.error ?? '', /500/);
      assert.equal(log[0]?.attempt, 2, 'newest first');
      const done = await db.selectFrom('outbox').select('status').where('id', '=', row.id).executeTakeFirstOrThrow();
      assert.equal(done.status, 'done');
    });
  });
}

describe('outbound requests refuse private addresses unless the operator allows them', () => {
  const target = testTargets()[0]!;
  let w: TestWorld;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  before(async () => {
    // No allow-list: the defaults a production install runs with.
    w = await startTestWorld(target, { env: { GONGDAN_OUTBOUND_ALLOW_HOSTS: '' } });
    receiver = await startReceiver([]);
  });
  after(async () => {
    await w?.stop();
    await receiver?.close();
  });

  test('a webhook URL with a loopback or metadata IP is refused at the url field with a hint', async () => {
    const admin = await w.as('admin');
    for (const url of [receiver.url, 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:10.0.0.8]/x']) {
      const res = await admin.post('/api/v1/webhooks', { name: 'internal', url, events: ['*'] });
      assert.equal(res.status, 422, url);
      assert.equal(res.body.errors[0].field, 'url');
      assert.match(res.body.errors[0].hint, /GONGDAN_OUTBOUND_ALLOW_HOSTS/);
    }
  });

  test('a host name that resolves to loopback is refused at connect time and the attempt is logged', async () => {
    const admin = await w.as('admin');
    const url = receiver.url.replace('127.0.0.1', 'localhost');
    const sub = await admin.post('/api/v1/webhooks', { name: 'by name', url, events: ['ticket.created'] });
    assert.equal(sub.status, 201, sub.text);
    const dispatcher = await w.as('dispatcher');
    const created = await dispatcher.post('/api/v1/tickets', { title: '内网测试', customerId: w.customers.a });
    assert.equal(created.status, 201, created.text);
    const deadline = Date.now() + 10_000;
    let items: Array<{ ok: boolean; error: string | null }> = [];
    while (items.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      items = (await admin.get(`/api/v1/webhooks/${sub.body.id}/deliveries`)).body.items;
    }
    assert.equal(items[0]?.ok, false);
    assert.match(items[0]?.error ?? '', /refused to connect to localhost .*loopback/);
    assert.equal(receiver.hits.length, 0, 'nothing reached the loopback receiver');
  });
});
