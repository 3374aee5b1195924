import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Actor } from '@gongdan/domain/access/roles';
import type { SlaLevelFiredPayloadT } from '@gongdan/contracts/sla-events';
import { createChatRobot } from '../chat-robots/create-chat-robot.ts';
import { FakeRobotReceiver } from '../chat-robots/fake-robot-receiver.ts';
import { enqueueOutbox } from '../jobs/outbox.repository.ts';
import { testTargets } from '../testing/test-database.ts';
import { startClockedWorld, type ClockedWorld } from './clocked-world.ts';
import { updateNotificationSettings } from './update-notification-settings.ts';
import { originFor } from '../admin-changes/record-admin-change.ts';

const office = [{ start: '09:00', end: '18:00' }];

for (const target of testTargets()) {
  describe(`sla.level_fired consumer on ${target.name}`, () => {
    let w: ClockedWorld;
    let teamRobot: FakeRobotReceiver;
    let globalRobot: FakeRobotReceiver;
    let otherTeamRobot: FakeRobotReceiver;
    before(async () => {
      // Wednesday 2026-11-25 10:00 in Shanghai.
      w = await startClockedWorld(target, '2026-11-25T02:00:00.000Z');
      const admin: Actor = { kind: 'user', id: w.users.admin, name: 'admin', role: 'admin', teamIds: [], customerId: null };
      const now = () => w.clock.now().getTime();
      teamRobot = await new FakeRobotReceiver('wecom', 'team-key', null, now).start();
      globalRobot = await new FakeRobotReceiver('dingtalk', 'global-token', 'SECglobal', now).start();
      otherTeamRobot = await new FakeRobotReceiver('feishu', 'other-hook', 'fs', now).start();
      await w.ctx.database.db.insertInto('teams').values({ id: 'team-other', name: 'other', supervisor_id: null, region: null, created_at: w.clock.now().toISOString() }).execute();
      for (const [r, kind, teamId, secret] of [[teamRobot, 'wecom', w.teamId, null], [globalRobot, 'dingtalk', null, 'SECglobal'], [otherTeamRobot, 'feishu', 'team-other', 'fs']] as const) {
        const c = await createChatRobot(w.ctx, originFor(admin), { name: kind, kind, webhookUrl: r.url, secret, teamId, enabled: true });
        assert.ok(c.ok, JSON.stringify(c));
      }
    });
    after(async () => {
      for (const r of [teamRobot, globalRobot, otherTeamRobot]) await r?.stop();
      await w?.stop();
    });

    const event = (over: Partial<SlaLevelFiredPayloadT>): SlaLevelFiredPayloadT => ({
      ticketId: 'ticket-1', ticketNumber: 'GD-20261125-0001', title: '空调不制冷', target: 'resolution', cycle: 1, level: 'L2', urgent: false,
      dueAt: '2026-11-25T01:00:00.000Z', firedAt: w.clock.now().toISOString(), assigneeId: w.users.assignee, teamId: w.teamId,
      supervisorId: w.users.supervisor, managerId: w.users.manager,
      actions: ['notify_assignee', 'chat_mention_assignee', 'notify_supervisor', 'add_follower_supervisor', 'todo_supervisor', 'notify_manager'],
      ...over,
    });
    const fire = async (e: SlaLevelFiredPayloadT) => {
      const id = `sla.level_fired:${e.ticketId}:${e.target}:${e.cycle}:${e.level}`;
      await enqueueOutbox(w.ctx.database.db, w.clock.now(), [{ id, topic: 'sla.level_fired', aggregateId: e.ticketId, payload: e }]);
      return id;
    };
    const db = () => w.ctx.database.db;
    const notificationsOf = (ticketId: string) => db().selectFrom('notifications').selectAll().where('ticket_id', '=', ticketId).orderBy('user_id').execute();

    test('every action happens once, even when every outbox message is delivered again', async () => {
      await fire(event({}));
      await w.drain();
      const snapshot = async () => ({
        notifications: (await notificationsOf('ticket-1')).map((n) => [n.user_id, n.kind, n.title]),
        followers: (await db().selectFrom('ticket_followers').select(['user_id']).where('ticket_id', '=', 'ticket-1').execute()).map((f) => f.user_id),
        todos: (await db().selectFrom('todos').select(['user_id', 'due_at', 'kind']).where('ticket_id', '=', 'ticket-1').execute()),
        team: teamRobot.received.length, global: globalRobot.received.length, other: otherTeamRobot.received.length,
      });
      const first = await snapshot();
      assert.deepEqual(first.notifications.map((n) => n[0]).sort(), [w.users.assignee, w.users.supervisor, w.users.manager].sort());
      assert.ok(first.notifications.every((n) => n[1] === 'sla.level' && String(n[2]).includes('GD-20261125-0001')));
      assert.deepEqual(first.followers, [w.users.supervisor]);
      // 10:00 Wednesday + 4 business hours (09–12, 13:30–18) = 15:30 Shanghai.
      assert.deepEqual(first.todos, [{ user_id: w.users.supervisor, due_at: '2026-11-25T07:30:00.000Z', kind: 'sla_follow_up' }]);
      assert.deepEqual([first.team, first.global, first.other], [1, 1, 0], 'team robot and global robot, not another team’s');
      assert.deepEqual(teamRobot.received[0]!.body.text.mentioned_mobile_list, ['13800001111']);
      assert.deepEqual(globalRobot.received[0]!.body.at.atMobiles, ['13800001111']);
      assert.deepEqual([...teamRobot.rejected, ...globalRobot.rejected], []);

      // Redeliver everything the outbox has delivered (a crash after the work, before "done").
      await db().updateTable('outbox').set({ status: 'pending', available_at: w.clock.now().toISOString(), done_at: null }).where('status', '=', 'done').execute();
      await w.drain();
      assert.deepEqual(await snapshot(), first);
      // And the same level fired into the outbox a second time under another id.
      await enqueueOutbox(db(), w.clock.now(), [{ id: 'duplicate-fire', topic: 'sla.level_fired', aggregateId: 'ticket-1', payload: event({}) }]);
      await w.drain();
      assert.deepEqual(await snapshot(), first);
    });

    test('one person in two roles gets one notification; manager falls back to admins; unknown actions are refused', async () => {
      await fire(event({ ticketId: 'ticket-2', level: 'L3', assigneeId: w.users.supervisor, managerId: null, actions: ['notify_assignee', 'notify_supervisor', 'notify_manager'] }));
      await w.drain();
      const rows = await notificationsOf('ticket-2');
      assert.deepEqual(rows.map((r) => r.user_id).sort(), [w.users.supervisor, w.users.admin].sort());
      const bad = await fire({ ...event({ ticketId: 'ticket-bad' }), actions: ['launch_rockets'] } as never);
      await w.drain();
      const row = await db().selectFrom('outbox').select(['status', 'last_error', 'attempts']).where('id', '=', bad).executeTakeFirstOrThrow();
      assert.equal(row.attempts, 1);
      assert.match(row.last_error ?? '', /bad payload/);
    });

    test('quiet hours: a non-urgent level at 03:00 waits for 09:00 (in-app and chat); an urgent one goes at once', async () => {
      const assignee: Actor = { kind: 'user', id: w.users.assignee, name: '李雷', role: 'engineer', teamIds: [w.teamId], customerId: null };
      const saved = await updateNotificationSettings(w.ctx, assignee, {
        workingHours: { timeZone: 'Asia/Shanghai', weekly: [[], office, office, office, office, office, []], holidays: 'cn' }, wecomUserId: 'lilei',
      });
      assert.ok(saved.ok, JSON.stringify(saved));
      w.clock.set('2026-11-25T19:00:00.000Z'); // Thursday 03:00 in Shanghai
      const before = teamRobot.received.length;
      await fire(event({ ticketId: 'ticket-3', level: 'warning', urgent: false, actions: ['notify_assignee', 'chat_mention_assignee'] }));
      await w.drain();
      assert.deepEqual(await notificationsOf('ticket-3'), [], 'nobody is pinged at 3 a.m. for a warning');
      assert.equal(teamRobot.received.length, before);

      await fire(event({ ticketId: 'ticket-4', level: 'L1', urgent: true, actions: ['notify_assignee', 'chat_mention_assignee'] }));
      await w.drain();
      assert.equal((await notificationsOf('ticket-4')).length, 1, 'urgent: at once');
      assert.equal(teamRobot.received.length, before + 1);
      assert.deepEqual(teamRobot.received.at(-1)!.body.text.mentioned_list, ['lilei']);

      w.clock.set('2026-11-26T00:59:59.000Z');
      await w.drain();
      assert.deepEqual(await notificationsOf('ticket-3'), []);
      w.clock.set('2026-11-26T01:00:00.000Z'); // 09:00 Shanghai
      await w.drain();
      const late = await notificationsOf('ticket-3');
      assert.equal(late.length, 1);
      assert.equal(late[0]!.created_at, '2026-11-26T01:00:00.000Z');
      assert.equal(teamRobot.received.length, before + 2);
    });
  });
}
