import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Actor, Role } from '../access/roles.ts';
import { defaultWorkflow } from './default-workflow.ts';
import type { Ticket } from './ticket.ts';
import { availableTransitions, decideTransition, matchTransition } from './workflow-engine.ts';
import { validateWorkflowDefinition, type WorkflowDefinition } from './workflow-definition.ts';

const NOW = '2026-11-25T02:00:00.000Z';
const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  id: 't1', number: 'GD-20261125-0001', type: 'repair', title: '空调不制冷', description: '', customerId: 'c1',
  contactId: null, contactName: null, contactPhone: null, deviceId: null, faultType: null, impactScope: 'single_device',
  priority: 'normal', status: 'new', teamId: 'team1', assigneeId: null, channel: 'phone', customFields: {},
  appointmentStart: null, appointmentEnd: null, location: null, resolution: null, createdBy: 'u0',
  createdAt: NOW, updatedAt: NOW, firstResponseAt: null, resolvedAt: null, closedAt: null, version: 1, ...over,
});
const actor = (role: Role, id = `${role}-1`): Actor => ({ kind: 'user', id, name: role, role, teamIds: ['team1'], customerId: 'c1' });
const states = defaultWorkflow.states.map((s) => s.id);
const roles: Role[] = ['admin', 'supervisor', 'dispatcher', 'engineer', 'customer', 'integration', 'system'];

test('the shipped workflow passes its own validation', () => {
  assert.equal(validateWorkflowDefinition(defaultWorkflow).ok, true);
});

test('a definition that lets engineers close is refused', () => {
  const bad: WorkflowDefinition = structuredClone(defaultWorkflow);
  bad.transitions.find((t) => t.id === 'review_close')!.roles.push('engineer');
  const r = validateWorkflowDefinition(bad);
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.error.issues[0]!.message, /engineers may never close/);
});

test('a close without confirmation or reason is refused', () => {
  const bad: WorkflowDefinition = structuredClone(defaultWorkflow);
  bad.transitions.find((t) => t.id === 'review_close')!.requireReason = false;
  assert.equal(validateWorkflowDefinition(bad).ok, false);
});

test('happy path: assign → accept → start → resolve → confirm request → review close', () => {
  let t = ticket();
  const steps: [Role, string, object][] = [
    ['dispatcher', 'assigned', { fields: { assigneeId: 'engineer-1' } }],
    ['engineer', 'accepted', {}],
    ['engineer', 'in_progress', {}],
    ['engineer', 'resolved', { fields: { resolution: '清洗滤网' } }],
    ['engineer', 'awaiting_confirmation', {}],
    ['supervisor', 'closed', { reason: '电话回访确认' }],
  ];
  for (const [role, to, extra] of steps) {
    const r = decideTransition(defaultWorkflow, t, actor(role), { to, ...extra }, { executability: { ok: true, failures: [] } }, NOW);
    assert.ok(r.ok, `${role} → ${to}: ${JSON.stringify(!r.ok && r.error)}`);
    t = r.value.next;
  }
  assert.equal(t.status, 'closed');
  assert.equal(t.firstResponseAt, NOW);
  assert.equal(t.resolvedAt, NOW);
  assert.equal(t.closedAt, NOW);
});

test('start work is guarded by the executability check: unchecked or failed blocks it, with the reasons', () => {
  const accepted = ticket({ status: 'accepted', assigneeId: 'engineer-1' });
  const unchecked = decideTransition(defaultWorkflow, accepted, actor('engineer'), { to: 'in_progress' }, {}, NOW);
  assert.ok(!unchecked.ok && unchecked.error.kind === 'guard_failed' && unchecked.error.failures[0] === 'executability_not_checked');
  const failed = decideTransition(defaultWorkflow, accepted, actor('engineer'), { to: 'in_progress' }, { executability: { ok: false, failures: ['parts: 备件不足'] } }, NOW);
  assert.ok(!failed.ok && failed.error.kind === 'guard_failed' && failed.error.guard === 'executability_check');
  assert.ok(decideTransition(defaultWorkflow, accepted, actor('engineer'), { to: 'in_progress' }, { executability: { ok: true, failures: [] } }, NOW).ok);
});

test('an engineer can never reach closed, from any state', () => {
  fc.assert(
    fc.property(fc.constantFrom(...states), fc.option(fc.string()), (status, reason) => {
      const r = decideTransition(defaultWorkflow, ticket({ status, assigneeId: 'engineer-1' }), actor('engineer'), { to: 'closed', reason }, { customerConfirmed: true }, NOW);
      assert.equal(r.ok, false);
    }),
  );
});

test('illegal transition says why and lists the allowed targets', () => {
  const r = decideTransition(defaultWorkflow, ticket({ status: 'new' }), actor('dispatcher'), { to: 'resolved' }, {}, NOW);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.kind, 'transition_not_allowed');
    if (r.error.kind === 'transition_not_allowed') assert.deepEqual(r.error.allowed.sort(), ['assigned', 'cancelled', 'merged']);
  }
});

test('customer confirmation needs the confirmation fact', () => {
  const t = ticket({ status: 'awaiting_confirmation' });
  const no = decideTransition(defaultWorkflow, t, actor('customer'), { to: 'closed' }, {}, NOW);
  assert.equal(!no.ok && no.error.kind, 'guard_failed');
  const yes = decideTransition(defaultWorkflow, t, actor('customer'), { to: 'closed' }, { customerConfirmed: true }, NOW);
  assert.equal(yes.ok, true);
});

test('reason and required fields are enforced', () => {
  const cancel = decideTransition(defaultWorkflow, ticket(), actor('dispatcher'), { to: 'cancelled', reason: '  ' }, {}, NOW);
  assert.equal(!cancel.ok && cancel.error.kind, 'reason_required');
  const assign = decideTransition(defaultWorkflow, ticket(), actor('dispatcher'), { to: 'assigned' }, {}, NOW);
  assert.equal(!assign.ok && assign.error.kind, 'fields_required');
  const resolve = decideTransition(defaultWorkflow, ticket({ status: 'in_progress', assigneeId: 'engineer-1' }), actor('engineer'), { to: 'resolved', fields: { resolution: 'x' } }, { missingFormFields: ['result'] }, NOW);
  assert.equal(!resolve.ok && resolve.error.kind, 'guard_failed');
});

test('an engineer acts only on orders assigned to them', () => {
  const t = ticket({ status: 'assigned', assigneeId: 'someone-else' });
  const r = decideTransition(defaultWorkflow, t, actor('engineer'), { to: 'accepted' }, {}, NOW);
  assert.equal(!r.ok && r.error.kind, 'guard_failed');
  assert.equal(availableTransitions(defaultWorkflow, t, actor('engineer')).length, 0);
});

test('decideTransition succeeds only for transitions the actor is offered (property)', () => {
  fc.assert(
    fc.property(fc.constantFrom(...states), fc.constantFrom(...states), fc.constantFrom(...roles), (from, to, role) => {
      const t = ticket({ status: from, assigneeId: `${role}-1`, resolution: 'done' });
      const r = decideTransition(defaultWorkflow, t, actor(role), { to, reason: 'r', fields: { assigneeId: `${role}-1` } }, { customerConfirmed: true }, NOW);
      const offered = availableTransitions(defaultWorkflow, t, actor(role)).some((x) => x.to === to);
      if (r.ok) assert.ok(offered, `${role} ${from}→${to} succeeded without being offered`);
      if (r.ok) assert.equal(r.value.next.status, to);
    }),
  );
});

test('matchTransition picks the transition decideTransition will take for that role', () => {
  const t = ticket({ status: 'awaiting_confirmation' });
  assert.equal(matchTransition(defaultWorkflow, t, actor('supervisor'), { to: 'closed' })?.id, 'review_close');
  assert.equal(matchTransition(defaultWorkflow, t, actor('customer'), { to: 'closed' })?.id, 'confirm');
  assert.equal(matchTransition(defaultWorkflow, t, actor('engineer'), { to: 'closed' }), undefined);
});
