import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Actor } from '@gongdan/domain/access/roles';
import type { RobotKind } from '@gongdan/domain/notify/robot-message';
import { startClockedWorld, type ClockedWorld } from '../notifications/clocked-world.ts';
import { testTargets } from '../testing/test-database.ts';
import { createChatRobot } from './create-chat-robot.ts';
import { enqueueRobotMessage } from './enqueue-robot-message.ts';
import { FakeRobotReceiver } from './fake-robot-receiver.ts';
import { listChatRobotDeliveries } from './list-chat-robots.ts';
import { originFor } from '../admin-changes/record-admin-change.ts';

const li = { name: '李雷', mobile: '13800001111', wecomUserId: 'lilei', dingtalkUserId: 'ding-lilei', feishuUserId: 'ou_lilei' };
const SECRETS: Record<RobotKind, string | null> = { wecom: null, dingtalk: 'SECdingtalk-test-secret', feishu: 'feishu-test-secret' };

for (const target of testTargets()) {
  describe(`chat robots on ${target.name}`, () => {
    let w: ClockedWorld;
    const receivers: FakeRobotReceiver[] = [];
    let admin: Actor;
    before(async () => {
      w = await startClockedWorld(target, '2026-11-25T02:00:00.000Z');
      admin = { kind: 'user', id: w.users.admin, name: 'admin', role: 'admin', teamIds: [], customerId: null };
    });
    after(async () => {
      for (const r of receivers) await r.stop();
      await w?.stop();
    });

    async function robotFor(kind: RobotKind, credential: string) {
      const receiver = await new FakeRobotReceiver(kind, credential, SECRETS[kind], () => w.clock.now().getTime()).start();
      receivers.push(receiver);
      const created = await createChatRobot(w.ctx, originFor(admin), { name: `${kind} 群`, kind, webhookUrl: receiver.url, secret: SECRETS[kind], enabled: true });
      assert.ok(created.ok, JSON.stringify(created));
      return { receiver, robotId: created.value.id };
    }

    const send = (robotId: string, messageId: string, text = '首次响应时限已超时。') =>
      enqueueRobotMessage(w.ctx.database.db, w.clock.now(), { robotId, messageId, hop: 0, attempt: 0, title: '【SLA 一级升级】GD-20261125-0001', text, mentions: [li] });

    for (const kind of ['wecom', 'dingtalk', 'feishu'] as const) {
      test(`${kind}: signed as the platform checks it, @mention present, delivery logged`, async () => {
        const { receiver, robotId } = await robotFor(kind, `cred-${kind}`);
        await send(robotId, `m-${kind}`);
        await w.drain();
        assert.deepEqual(receiver.rejected, [], 'the receiver refused nothing');
        assert.equal(receiver.received.length, 1);
        const body = receiver.received[0]!.body;
        if (kind === 'wecom') {
          assert.deepEqual(body.text.mentioned_mobile_list, ['13800001111']);
          assert.deepEqual(body.text.mentioned_list, ['lilei']);
        } else if (kind === 'dingtalk') {
          assert.deepEqual(body.at.atMobiles, ['13800001111']);
          assert.deepEqual(body.at.atUserIds, ['ding-lilei']);
          assert.match(body.text.content, /@13800001111/);
        } else {
          assert.match(body.content.text, /<at user_id="ou_lilei">李雷<\/at>/);
        }
        const log = await listChatRobotDeliveries(w.ctx, robotId, 10);
        assert.ok(log.ok);
        assert.deepEqual(log.value.map((d) => [d.status, d.attempt, d.http_status]), [['sent', 1, 200]]);
      });
    }

    test('a wrong secret is refused by the receiver and the body-level error is logged and retried', async () => {
      const receiver = await new FakeRobotReceiver('dingtalk', 'cred-wrong', 'SECright', () => w.clock.now().getTime()).start();
      receivers.push(receiver);
      const r = await createChatRobot(w.ctx, originFor(admin), { name: 'wrong', kind: 'dingtalk', webhookUrl: receiver.url, secret: 'SECwrong', enabled: true });
      assert.ok(r.ok);
      await send(r.value.id, 'm-wrong');
      await w.drain();
      assert.equal(receiver.received.length, 0);
      assert.equal(receiver.rejected[0]?.reason, 'sign not match');
      const log = await listChatRobotDeliveries(w.ctx, r.value.id, 10);
      assert.ok(log.ok);
      assert.equal(log.value[0]?.status, 'failed');
      assert.equal(log.value[0]?.error_code, 'errcode:310000');
      const pending = await w.ctx.database.db.selectFrom('outbox').select(['id', 'available_at']).where('topic', '=', 'robot.send').where('status', '=', 'pending').execute();
      assert.equal(pending.length, 1, 'a retry is queued');
    });

    test('HTTP 200 with {"errcode":45009} (WeCom) is a failure: retried after the throttle period, then delivered once', async () => {
      const { receiver, robotId } = await robotFor('wecom', 'cred-45009');
      receiver.failNext.push({ errcode: 45009, errmsg: 'api freq out of limit' });
      await send(robotId, 'm-45009');
      await w.drain();
      assert.equal(receiver.received.length, 0);
      let log = await listChatRobotDeliveries(w.ctx, robotId, 10);
      assert.ok(log.ok);
      assert.deepEqual(log.value.map((d) => [d.status, d.error_code]), [['failed', 'errcode:45009']]);
      w.clock.advance(59_000);
      await w.drain();
      assert.equal(receiver.received.length, 0, 'WeCom throttles for a minute; no retry before');
      w.clock.advance(1_000);
      await w.drain();
      assert.equal(receiver.received.length, 1);
      log = await listChatRobotDeliveries(w.ctx, robotId, 10);
      assert.ok(log.ok);
      assert.deepEqual(log.value.map((d) => [d.status, d.attempt]), [['sent', 2], ['failed', 1]]);
      w.clock.advance(3_600_000);
      await w.drain();
      assert.equal(receiver.received.length, 1, 'delivered exactly once');
    });

    test('HTTP 200 with {"code":9499} (Feishu) is a failure: retried on the backoff schedule (≈10 s), then delivered', async () => {
      const { receiver, robotId } = await robotFor('feishu', 'cred-9499');
      receiver.failNext.push({ code: 9499, msg: 'Bad Request', data: {} });
      await send(robotId, 'm-9499');
      await w.drain();
      assert.equal(receiver.received.length, 0);
      w.clock.advance(7_000);
      await w.drain();
      assert.equal(receiver.received.length, 0, 'not before the first backoff step (10 s ± 20 %)');
      w.clock.advance(6_000);
      await w.drain();
      assert.equal(receiver.received.length, 1);
      const log = await listChatRobotDeliveries(w.ctx, robotId, 10);
      assert.ok(log.ok);
      assert.deepEqual(log.value.map((d) => [d.status, d.error_code]), [['sent', null], ['failed', 'code:9499']]);
    });

    test('rate limit: 25 messages to one WeCom robot → 20 in the first minute, 5 queued to the next, none lost', async () => {
      const { receiver, robotId } = await robotFor('wecom', 'cred-rate');
      const t0 = w.clock.now().getTime();
      for (let i = 0; i < 25; i++) await send(robotId, `burst-${i}`, `消息 ${i}`);
      await w.drain();
      assert.equal(receiver.received.length, 20, 'the first window takes 20');
      const queued = await w.ctx.database.db.selectFrom('outbox').select('available_at').where('topic', '=', 'robot.send').where('aggregate_id', '=', robotId).where('status', '=', 'pending').execute();
      assert.equal(queued.length, 5, 'the rest are queued, not dropped');
      assert.ok(queued.every((q) => Date.parse(q.available_at) === t0 + 60_000), JSON.stringify(queued));
      w.clock.advance(30_000);
      await w.drain();
      assert.equal(receiver.received.length, 20, 'nothing more within the minute');
      w.clock.advance(30_000);
      await w.drain();
      assert.equal(receiver.received.length, 25);
      const texts = receiver.received.map((r) => /消息 (\d+)/.exec(r.text)?.[1]).sort((a, b) => Number(a) - Number(b));
      assert.deepEqual(texts, Array.from({ length: 25 }, (_, i) => String(i)), 'each message exactly once');
      const perMinute = new Map<number, number>();
      for (const r of receiver.received) perMinute.set(Math.floor((r.at - t0) / 60_000), (perMinute.get(Math.floor((r.at - t0) / 60_000)) ?? 0) + 1);
      assert.deepEqual([...perMinute], [[0, 20], [1, 5]]);
      assert.equal(receiver.rejected.length, 0);
    });

    test('a disabled or removed robot drops its queued messages; test messages still go to a disabled robot', async () => {
      const { receiver, robotId } = await robotFor('wecom', 'cred-off');
      await w.ctx.database.db.updateTable('chat_robots').set({ enabled: 0 }).where('id', '=', robotId).execute();
      await send(robotId, 'm-off');
      await send(robotId, 'test:probe');
      await w.drain();
      assert.deepEqual(receiver.received.map((r) => r.body.msgtype), ['text']);
      assert.equal(receiver.received.length, 1);
    });
  });
}
