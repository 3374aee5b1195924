import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultEscalationChain, levelOffsetMinutes, planMilestones, validateEscalationLevels } from './escalation-level.ts';

test('the shipped chain fires warning < breach = L1 < L2 < L3 at 75/100/150/200 %', () => {
  const plan = planMilestones(defaultEscalationChain(), 'resolution', 400, 75, []);
  assert.deepEqual(plan.map((m) => [m.level, m.offsetMinutes]), [['warning', 300], ['breach', 400], ['L1', 400], ['L2', 600], ['L3', 800]]);
  assert.deepEqual(plan.find((m) => m.level === 'L3')!.actions, ['red_flag', 'notify_manager']);
});

test('offsets scale with the budget and are monotone in it, for every trigger', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 99 }), (a, b, warn) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    for (const t of [{ at: 'warning' }, { at: 'breach' }, { at: 'percent', percent: 150 }, { at: 'after_breach', minutes: 30 }] as const) {
      assert.ok(levelOffsetMinutes(t, lo, warn) <= levelOffsetMinutes(t, hi, warn));
    }
    const plan = planMilestones(defaultEscalationChain(), 'first_response', lo, warn, []);
    for (let i = 1; i < plan.length; i++) assert.ok(plan[i - 1]!.offsetMinutes <= plan[i]!.offsetMinutes);
  }));
});

test('fired levels are never planned again; level targets restrict where they apply', () => {
  fc.assert(fc.property(fc.subarray(['warning', 'L1', 'L2', 'L3', 'breach']), (fired) => {
    const plan = planMilestones(defaultEscalationChain(), 'resolution', 100, 75, fired);
    assert.equal(plan.length, 5 - fired.length);
    for (const f of fired) assert.ok(!plan.some((m) => m.level === f));
  }));
  const only = planMilestones([{ id: 'X', trigger: { at: 'breach' }, actions: [], urgent: false, targets: ['update'] }], 'resolution', 10, 75, []);
  assert.deepEqual(only.map((m) => m.level), ['breach']);
});

test('validation names every bad level', () => {
  const issues = validateEscalationLevels([
    { id: 'breach', trigger: { at: 'breach' }, actions: [], urgent: false },
    { id: 'L1', trigger: { at: 'percent', percent: 0 }, actions: ['teleport' as never], urgent: false },
    { id: 'L1', trigger: { at: 'after_breach', minutes: -1 }, actions: [], urgent: false },
  ]);
  assert.deepEqual(issues.map((i) => i.path), ['levels[0].id', 'levels[1].trigger.percent', 'levels[1].actions', 'levels[2].id', 'levels[2].trigger.minutes']);
});
