import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SlaLevelFiredPayloadT } from '@gongdan/contracts/sla-events';
import { FakeRobotReceiver } from '../chat-robots/fake-robot-receiver.ts';
import { enqueueOutbox } from '../jobs/outbox.repository.ts';
import { testTargets } from '../testing/test-database.ts';
import { SseStream } from '../testing/sse-stream.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

async function until<T>(probe: () => Promise<T | null | undefined | false>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

for (const target of testTargets()) {
  describe(`notifications, todos, followers and chat robots over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    let receiver: FakeRobotReceiver;
    const streams: { close(): Promise<void> }[] = [];
    before(async () => {
      w = await startTestWorld(target);
      receiver = await new FakeRobotReceiver('dingtalk', 'tok-123456789', 'SECapi-secret').start();
    });
    after(async () => {
      for (const s of streams) await s.close();
      await receiver?.stop();
      await w?.stop();
    });

    let seq = 0;
    const fire = async (over: Partial<SlaLevelFiredPayloadT>) => {
      const e: SlaLevelFiredPayloadT = {
        ticketId: `t-${++seq}`, ticketNumber: `GD-20261125-${String(seq).padStart(4, '0')}`, title: '空调不制冷', target: 'resolution', cycle: 1, level: 'L1', urgent: true,
        dueAt: new Date(Date.now() - 60_000).toISOString(), firedAt: new Date().toISOString(), assigneeId: w.users.engineer.id, teamId: w.teams.a,
        supervisorId: w.users.supervisor.id, managerId: null, actions: ['notify_assignee', 'notify_supervisor'], ...over,
      };
      await enqueueOutbox(w.ctx.database.db, new Date(), [{ id: `fired:${e.ticketId}:${e.level}`, topic: 'sla.level_fired', aggregateId: e.ticketId, payload: e }]);
      w.ctx.nudgeOutbox();
      return e;
    };

    test('chat robots: admin only, secrets write-only, test message delivered and logged', async () => {
      const admin = await w.as('admin');
      const body = { name: '深圳售后群', kind: 'dingtalk', webhookUrl: receiver.url, secret: 'SECapi-secret', teamId: w.teams.a };
      for (const who of ['engineer', 'supervisor'] as const) assert.equal((await (await w.as(who)).post('/api/v1/chat-robots', body)).status, 403);
      const created = await admin.post('/api/v1/chat-robots', body);
      assert.equal(created.status, 201, created.text);
      assert.equal(created.body.hasSecret, true);
      assert.equal(created.body.secret, undefined);
      assert.ok(!created.text.includes('SECapi-secret') && !created.text.includes('tok-123456789'), created.text);
      assert.match(created.body.webhookUrl, /access_token=\*\*\*\*6789/);
      const wecomWithSecret = await admin.post('/api/v1/chat-robots', { ...body, kind: 'wecom' });
      assert.equal(wecomWithSecret.status, 422);
      assert.equal(wecomWithSecret.body.errors[0].field, 'secret');
      assert.equal((await admin.post('/api/v1/chat-robots', { ...body, teamId: 'nope' })).status, 422);
      const list = await admin.get('/api/v1/chat-robots');
      assert.equal(list.status, 200);
      assert.ok(!list.text.includes('SECapi-secret') && !list.text.includes('tok-123456789'));
      const id = created.body.id as string;
      const renamed = await admin.patch(`/api/v1/chat-robots/${id}`, { name: '售后一组群' });
      assert.equal(renamed.status, 200, renamed.text);
      assert.equal(renamed.body.hasSecret, true, 'an omitted secret is kept');

      const sent = await admin.post(`/api/v1/chat-robots/${id}/test`, { text: '连通性测试' });
      assert.equal(sent.status, 202, sent.text);
      const log = await until(async () => {
        const r = await admin.get(`/api/v1/chat-robots/${id}/deliveries`);
        return r.body.items.find((d: { status: string }) => d.status === 'sent') ? r.body.items : null;
      });
      assert.equal(log[0].messageId, sent.body.messageId);
      assert.deepEqual(receiver.rejected, []);
      assert.match(receiver.received[0]!.text, /连通性测试/);

      assert.equal((await admin.request('DELETE', `/api/v1/chat-robots/${id}`)).status, 204);
      assert.equal((await admin.get(`/api/v1/chat-robots/${id}`)).status, 404);
    });

    test('a level_fired event reaches each recipient’s bell and SSE stream, and nobody else’s', async () => {
      const engineer = await w.as('engineer');
      const supervisor = await w.as('supervisor');
      const [eStream, sStream, oStream] = await Promise.all([SseStream.open(engineer), SseStream.open(supervisor), SseStream.open(await w.as('engineer2'))]);
      streams.push(eStream, sStream, oStream);
      const e = await fire({});
      type Heard = { data: { notification: { id: string; title: string } } };
      const heard = (await until(async () => eStream.events.find((x) => x.event === 'notification' && x.data.ticketId === e.ticketId))) as unknown as Heard;
      assert.match(heard.data.notification.title, new RegExp(e.ticketNumber));
      const sHeard = (await until(async () => sStream.events.find((x) => x.event === 'notification' && x.data.ticketId === e.ticketId))) as unknown as Heard;
      assert.notEqual(sHeard.data.notification.id, heard.data.notification.id);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(eStream.events.filter((x) => x.event === 'notification').length, 1, 'the engineer hears only their own');
      assert.equal(sStream.events.filter((x) => x.event === 'notification').length, 1);
      assert.deepEqual(oStream.events.filter((x) => x.event === 'notification'), [], 'another engineer hears nothing');

      const mine = await engineer.get('/api/v1/notifications');
      assert.equal(mine.status, 200);
      assert.deepEqual(mine.body.items.map((n: { id: string }) => n.id), [heard.data.notification.id]);
      assert.equal(mine.body.unreadCount, 1);
      assert.equal((await engineer.get('/api/v1/notifications/unread-count')).body.count, 1);
      assert.equal((await supervisor.post(`/api/v1/notifications/${heard.data.notification.id}/read`)).status, 404, 'not someone else’s');
      const read = await engineer.post(`/api/v1/notifications/${heard.data.notification.id}/read`);
      assert.equal(read.status, 200, read.text);
      assert.equal(read.body.read, true);
      assert.equal((await engineer.get('/api/v1/notifications/unread-count')).body.count, 0);
    });

    test('paging with a cursor, unread filter, read-all', async () => {
      const engineer = await w.as('engineer');
      for (let i = 0; i < 3; i++) await fire({ actions: ['notify_assignee'] });
      await until(async () => (await engineer.get('/api/v1/notifications/unread-count')).body.count === 3);
      const p1 = await engineer.get('/api/v1/notifications?limit=2');
      assert.equal(p1.body.items.length, 2);
      assert.ok(p1.body.nextCursor);
      const p2 = await engineer.get(`/api/v1/notifications?limit=2&cursor=${encodeURIComponent(p1.body.nextCursor)}`);
      assert.equal(p2.body.items.length, 2);
      assert.equal(p2.body.nextCursor, null);
      const all = [...p1.body.items, ...p2.body.items].map((n: { id: string }) => n.id);
      assert.equal(new Set(all).size, 4);
      assert.equal((await engineer.get('/api/v1/notifications?unread=true')).body.items.length, 3);
      assert.equal((await engineer.get('/api/v1/notifications?cursor=garbage')).status, 422);
      const marked = await engineer.post('/api/v1/notifications/read-all');
      assert.deepEqual(marked.body, { updated: 3 });
      assert.equal((await engineer.get('/api/v1/notifications/unread-count')).body.count, 0);
    });

    test('我的待办: the supervisor’s todo from L2, completed by them only; followers follow/unfollow with visibility', async () => {
      const d = await w.as('dispatcher');
      const ticket = await d.post('/api/v1/tickets', { title: '冷机停机', customerId: w.customers.a, teamId: w.teams.a, assigneeId: w.users.engineer.id });
      assert.equal(ticket.status, 201, ticket.text);
      const supervisor = await w.as('supervisor');
      await fire({ ticketId: ticket.body.id, ticketNumber: ticket.body.number, level: 'L2', actions: ['notify_supervisor', 'add_follower_supervisor', 'todo_supervisor'] });
      const todos = await until(async () => {
        const r = await supervisor.get('/api/v1/todos');
        return r.body.items.length ? r.body.items : null;
      });
      assert.equal(todos[0].ticketId, ticket.body.id);
      assert.ok(todos[0].dueAt);
      const engineer = await w.as('engineer');
      assert.equal((await engineer.post(`/api/v1/todos/${todos[0].id}/complete`)).status, 404);
      const done = await supervisor.post(`/api/v1/todos/${todos[0].id}/complete`);
      assert.equal(done.status, 200, done.text);
      assert.equal(done.body.done, true);
      assert.equal((await supervisor.get('/api/v1/todos')).body.items.length, 0);
      assert.equal((await supervisor.get('/api/v1/todos?status=done')).body.items.length, 1);

      const followers = await engineer.get(`/api/v1/tickets/${ticket.body.id}/followers`);
      assert.equal(followers.status, 200, followers.text);
      assert.deepEqual(followers.body.items.map((f: { userId: string }) => f.userId), [w.users.supervisor.id]);
      assert.equal(followers.body.following, false);
      const followed = await engineer.request('PUT', `/api/v1/tickets/${ticket.body.id}/followers/me`);
      assert.equal(followed.status, 200, followed.text);
      assert.equal(followed.body.following, true);
      assert.equal((await engineer.request('PUT', `/api/v1/tickets/${ticket.body.id}/followers/me`)).body.items.length, 2, 'following twice is once');
      assert.equal((await (await w.as('customerB')).get(`/api/v1/tickets/${ticket.body.id}/followers`)).status, 404);
      assert.equal((await (await w.as('otherEngineer')).request('PUT', `/api/v1/tickets/${ticket.body.id}/followers/me`)).status, 404);
      const left = await engineer.request('DELETE', `/api/v1/tickets/${ticket.body.id}/followers/me`);
      assert.equal(left.body.following, false);
    });

    test('notification settings: working hours validated per field; chat ids saved', async () => {
      const engineer = await w.as('engineer');
      const office = [{ start: '09:00', end: '18:00' }];
      const bad = await engineer.request('PUT', '/api/v1/me/notification-settings', { body: { workingHours: { timeZone: 'Mars/Base', weekly: [[], office, office, office, office, office, []] } } });
      assert.equal(bad.status, 422, bad.text);
      assert.equal(bad.body.errors[0].field, 'workingHours.timeZone');
      const good = await engineer.request('PUT', '/api/v1/me/notification-settings', { body: { workingHours: { timeZone: 'Asia/Shanghai', weekly: [[], office, office, office, office, office, []] }, dingtalkUserId: 'ding-eng' } });
      assert.equal(good.status, 200, good.text);
      const got = await engineer.get('/api/v1/me/notification-settings');
      assert.equal(got.body.dingtalkUserId, 'ding-eng');
      assert.equal(got.body.workingHours.holidays, 'cn');
      assert.equal(got.body.wecomUserId, null);
    });
  });
}
