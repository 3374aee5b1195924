import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectSyncConflicts, type CurrentTicketState, type IncomingChange, type InterveningChange } from './sync-conflict.ts';

const start: IncomingChange = { kind: 'transition', label: '开始处理', fields: [], actorId: 'eng', stillAllowed: true };
const mine: CurrentTicketState = { status: 'accepted', statusLabel: '已接单', statusCategory: 'active', assigneeId: 'eng', assigneeName: '赵工' };

test('reassigned to someone else: refused, naming the dispatcher and the new engineer', () => {
  const between: InterveningChange[] = [{ action: 'ticket.transitioned', actorId: 'disp', actorName: '王调度', before: { status: 'accepted', assigneeId: 'eng' }, after: { status: 'assigned', assigneeId: 'e2' } }];
  const c = detectSyncConflicts(start, between, { ...mine, status: 'assigned', statusLabel: '已派单', statusCategory: 'open', assigneeId: 'e2', assigneeName: '张伟' });
  assert.deepEqual(c.map((x) => x.kind), ['reassigned']);
  assert.equal(c[0]!.message, '该工单已被王调度改派给 张伟，你的“开始处理”未提交');
});

test('cancelled meanwhile: refused', () => {
  const c = detectSyncConflicts(start, [{ action: 'ticket.transitioned', actorId: 'disp', actorName: '王调度', before: { status: 'accepted' }, after: { status: 'cancelled' } }],
    { ...mine, status: 'cancelled', statusLabel: '已取消', statusCategory: 'cancelled' });
  assert.deepEqual(c.map((x) => x.kind), ['cancelled']);
  assert.match(c[0]!.message, /已被王调度取消/);
});

test('an unrelated edit (priority, a comment) in between does not conflict', () => {
  const between: InterveningChange[] = [
    { action: 'ticket.updated', actorId: 'disp', actorName: '王调度', before: { priority: 'normal' }, after: { priority: 'high' } },
    { action: 'comment.added', actorId: 'disp', actorName: '王调度', before: null, after: { commentId: 'c1' } },
  ];
  assert.deepEqual(detectSyncConflicts(start, between, mine), []);
});

test('the same field changed by someone else conflicts; my own earlier changes never do', () => {
  const resolve: IncomingChange = { kind: 'transition', label: '解决', fields: ['resolution'], actorId: 'eng', stillAllowed: true };
  const byOther: InterveningChange = { action: 'ticket.updated', actorId: 'sup', actorName: '刘主管', before: { resolution: null }, after: { resolution: '已远程处理' } };
  assert.deepEqual(detectSyncConflicts(resolve, [byOther], mine).map((x) => x.kind), ['same_field']);
  assert.deepEqual(detectSyncConflicts(resolve, [{ ...byOther, actorId: 'eng' }], mine), []);
});

test('comments, photos and check-ins always apply', () => {
  for (const kind of ['comment', 'attachment', 'check_in'] as const) {
    assert.deepEqual(detectSyncConflicts({ ...start, kind }, [{ action: 'x', actorId: 'd', actorName: 'd', before: null, after: { status: 'cancelled' } }],
      { ...mine, statusCategory: 'cancelled' }), []);
  }
});

test('a transition no longer allowed after someone else moved the status conflicts', () => {
  const c = detectSyncConflicts({ ...start, stillAllowed: false }, [{ action: 'ticket.transitioned', actorId: 'sup', actorName: '刘主管', before: { status: 'accepted' }, after: { status: 'pending_parts' } }],
    { ...mine, status: 'pending_parts', statusLabel: '待备件', statusCategory: 'paused' });
  assert.deepEqual(c.map((x) => x.kind), ['status_changed']);
  assert.match(c[0]!.message, /改为「待备件」/);
});
