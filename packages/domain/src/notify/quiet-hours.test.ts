import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideDeliveryTiming, workingHoursCalendar, type WorkingHours } from './quiet-hours.ts';
import { planLevelFired, type LevelFired } from './level-fired-plan.ts';

const office = [{ start: '09:00', end: '18:00' }];
const hours: WorkingHours = { timeZone: 'Asia/Shanghai', weekly: [[], office, office, office, office, office, []], holidays: 'cn' };
const cal = (() => {
  const r = workingHoursCalendar('u1', hours);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
})();

test('a non-urgent notification at 03:00 waits for 09:00 local; urgent goes at once', () => {
  const threeAm = Date.parse('2026-11-25T03:00:00+08:00');
  assert.deepEqual(decideDeliveryTiming({ nowMs: threeAm, urgent: false, calendar: cal }), { kind: 'later', atMs: Date.parse('2026-11-25T09:00:00+08:00') });
  assert.deepEqual(decideDeliveryTiming({ nowMs: threeAm, urgent: true, calendar: cal }), { kind: 'now' });
  assert.deepEqual(decideDeliveryTiming({ nowMs: threeAm, urgent: false, calendar: null }), { kind: 'now' });
  assert.deepEqual(decideDeliveryTiming({ nowMs: Date.parse('2026-11-25T10:00:00+08:00'), urgent: false, calendar: cal }), { kind: 'now' });
});

test('Friday evening waits for Monday; a statutory holiday is skipped (2026-10-01 National Day)', () => {
  assert.deepEqual(decideDeliveryTiming({ nowMs: Date.parse('2026-11-27T20:00:00+08:00'), urgent: false, calendar: cal }), { kind: 'later', atMs: Date.parse('2026-11-30T09:00:00+08:00') });
  const r = decideDeliveryTiming({ nowMs: Date.parse('2026-09-30T19:00:00+08:00'), urgent: false, calendar: cal });
  assert.equal(r.kind, 'later');
  assert.ok(r.kind === 'later' && r.atMs >= Date.parse('2026-10-08T09:00:00+08:00'), r.kind === 'later' ? new Date(r.atMs).toISOString() : '');
});

test('invalid working hours are refused with a path', () => {
  const bad = workingHoursCalendar('u', { ...hours, timeZone: 'Mars/Olympus' });
  assert.equal(bad.ok, false);
  const none = workingHoursCalendar('u', { ...hours, weekly: [[], [], [], [], [], [], []] });
  assert.equal(none.ok, false);
});

const fired: LevelFired = {
  ticketId: 't1', ticketNumber: 'GD-20261125-0001', title: '空调不制冷', target: 'first_response', cycle: 1, level: 'L2', urgent: false,
  dueAt: '2026-11-25T02:00:00.000Z', firedAt: '2026-11-25T03:00:00.000Z', assigneeId: 'eng', teamId: 'team', supervisorId: 'sup', managerId: null,
  actions: ['notify_assignee', 'chat_mention_assignee', 'notify_supervisor', 'add_follower_supervisor', 'todo_supervisor', 'notify_manager'],
};

test('plan: one notification per person (roles merged), follower, todo and chat mention, keyed by (ticket, target, cycle, level)', () => {
  const p = planLevelFired({ ...fired, assigneeId: 'sup' }, { timeZone: 'Asia/Shanghai', managerFallbackIds: ['admin1'] });
  assert.equal(p.eventKey, 't1:first_response:1:L2');
  assert.deepEqual(p.notifications.map((n) => [n.recipientId, n.roles]), [['sup', ['assignee', 'supervisor']], ['admin1', ['manager']]]);
  assert.equal(p.followerId, 'sup');
  assert.equal(p.todo?.userId, 'sup');
  assert.equal(p.chat?.mentionUserId, 'sup');
  assert.match(p.notifications[0]!.title, /SLA 二级升级.*GD-20261125-0001/);
  assert.match(p.notifications[0]!.body, /2026-11-25 10:00，已超时/);
  assert.deepEqual(planLevelFired(fired, { timeZone: 'Asia/Shanghai' }), planLevelFired(fired, { timeZone: 'Asia/Shanghai' }), 'deterministic');
});

test('plan: only the listed actions happen; missing people are skipped', () => {
  const p = planLevelFired({ ...fired, actions: ['notify_assignee'], assigneeId: null }, { timeZone: 'Asia/Shanghai' });
  assert.deepEqual(p.notifications, []);
  assert.equal(p.followerId, null);
  assert.equal(p.todo, null);
  assert.equal(p.chat, null);
  const m = planLevelFired({ ...fired, actions: ['notify_manager'], managerId: 'boss' }, { timeZone: 'Asia/Shanghai', managerFallbackIds: ['admin1'] });
  assert.deepEqual(m.notifications.map((n) => n.recipientId), ['boss']);
});
