import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { liveChannel } from './live-events.handler.ts';
import { SseStream } from '../testing/sse-stream.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

for (const target of testTargets()) {
  describe(`live events (SSE) on ${target.name}`, () => {
    let w: TestWorld;
    const streams: SseStream[] = [];
    before(async () => { w = await startTestWorld(target); });
    after(async () => {
      for (const s of streams) await s.close();
      await w?.stop();
    });

    test('an engineer hears of an assignment within 1 s; another customer hears nothing of it', async () => {
      const d = await w.as('dispatcher');
      const created = await d.post('/api/v1/tickets', { title: '设备报警', customerId: w.customers.a, deviceId: w.deviceA });
      assert.equal(created.status, 201, created.text);
      const ticketId = created.body.id as string;

      const engineer = await SseStream.open(await w.as('engineer'));
      const customerB = await SseStream.open(await w.as('customerB'));
      const customerA = await SseStream.open(await w.as('customerA'));
      streams.push(engineer, customerB, customerA);

      const sent = Date.now();
      const assigned = await d.post(`/api/v1/tickets/${ticketId}/transitions`, { to: 'assigned', fields: { assigneeId: w.users.engineer.id } });
      assert.equal(assigned.status, 200, assigned.text);
      const heard = await engineer.waitFor((r) => r.data.ticketId === ticketId && r.data.status === 'assigned', 1000);
      assert.ok(heard, `no event within 1 s; got ${JSON.stringify(engineer.events)}`);
      assert.ok(heard.at - sent <= 1000, `event took ${heard.at - sent} ms`);
      assert.equal(heard.event, 'ticket');
      assert.equal(heard.data.topic, 'ticket.transitioned');
      assert.equal(heard.data.assigneeId, w.users.engineer.id);
      // The owning customer may follow their ticket live.
      assert.ok(await customerA.waitFor((r) => r.data.ticketId === ticketId, 1000), 'customer A hears of their own ticket');

      // customer B's stream is alive (it hears of its own ticket), and what it heard first is that,
      // not anything about customer A's ticket.
      const own = await d.post('/api/v1/tickets', { title: '乙方报修', customerId: w.customers.b });
      assert.equal(own.status, 201, own.text);
      assert.ok(await customerB.waitFor((r) => r.data.ticketId === own.body.id, 2000), 'customer B hears of its own ticket');
      assert.deepEqual(customerB.events.filter((r) => r.data.customerId !== w.customers.b || r.data.ticketId === ticketId), [], 'customer B learnt of another customer’s ticket');
      assert.ok(!engineer.events.some((r) => r.data.ticketId === own.body.id), 'engineer of team A does not hear of an unassigned team-less ticket of customer B');
    });

    if (target.name === 'postgres') {
      test('on Postgres live events travel through LISTEN/NOTIFY', async () => {
        const engineer = await SseStream.open(await w.as('engineer'));
        streams.push(engineer);
        // A NOTIFY sent by another connection (another node) reaches this node's subscribers.
        const other = new pg.Client({ connectionString: process.env.GONGDAN_TEST_PG_URL });
        await other.connect();
        const marker = `notify-${Date.now()}`;
        const channel = await liveChannel(w.ctx);
        assert.match(channel, /^gongdan_live_t_/, 'the channel is per schema, so installations sharing a database stay apart');
        try {
          await other.query('select pg_notify($1, $2)', [channel, JSON.stringify({
            topic: 'ticket.transitioned', ticketId: marker, assigneeId: w.users.engineer.id, teamId: w.teams.a, customerId: w.customers.a,
            payload: { ticketId: marker, status: 'assigned', assigneeId: w.users.engineer.id, teamId: w.teams.a, customerId: w.customers.a },
          })]);
        } finally {
          await other.end();
        }
        assert.ok(await engineer.waitFor((r) => r.data.ticketId === marker, 1000), 'event sent with NOTIFY from another connection arrives');

        // And a change made through the API is NOTIFYed: a separate LISTENing connection hears it.
        const listener = new pg.Client({ connectionString: process.env.GONGDAN_TEST_PG_URL });
        await listener.connect();
        const notified: string[] = [];
        listener.on('notification', (n) => { if (n.channel === channel && n.payload) notified.push(n.payload); });
        await listener.query(`listen "${channel}"`);
        try {
          const d = await w.as('dispatcher');
          const created = await d.post('/api/v1/tickets', { title: '通过通知', customerId: w.customers.a, assigneeId: w.users.engineer.id, teamId: w.teams.a });
          assert.equal(created.status, 201, created.text);
          const id = created.body.id as string;
          assert.ok(await engineer.waitFor((r) => r.data.ticketId === id, 1000), 'API change arrives within 1 s');
          const deadline = Date.now() + 1000;
          while (!notified.some((p) => (JSON.parse(p) as { ticketId: string }).ticketId === id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
          assert.ok(notified.some((p) => (JSON.parse(p) as { ticketId: string }).ticketId === id), 'the change was sent with NOTIFY');
        } finally {
          await listener.end();
        }
      });
    }
  });
}
