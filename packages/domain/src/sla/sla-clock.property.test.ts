import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { businessMinutesBetween } from './business-time.ts';
import { defaultBusinessCalendar } from './shipped-calendars.ts';
import { advanceSlaClock, elapsedMinutes, offsetInstant, planDeadlines, markFired, slaListKeys, viewClock, type TicketSlaState } from './sla-clock.ts';
import { defaultSlaPolicies, type SlaPolicy } from './sla-policy.ts';
import type { StateCategory } from '../ticket/workflow-definition.ts';

const cal = defaultBusinessCalendar();
const policy = defaultSlaPolicies().find((p) => p.id === 'b') as SlaPolicy;
const t0 = Date.parse('2026-03-02T09:00:00+08:00');
const runs = { numRuns: 200 };

// A random life: alternating active/paused spans of random length (minutes of wall time).
const lifeArb = fc.array(fc.integer({ min: 1, max: 3 * 1440 }), { minLength: 1, maxLength: 12 });

function live(steps: number[]): { state: TicketSlaState; now: number; running: [number, number][] } {
  let now = t0;
  let { state } = advanceSlaClock(null, { nowMs: now, policy, calendarId: 'default', before: null, after: { category: 'open', firstResponseAt: null }, publicStaffReply: false });
  let cat: StateCategory = 'active';
  const running: [number, number][] = [];
  let since = now;
  steps.forEach((m, i) => {
    now += m * 60_000;
    const next: StateCategory = i % 2 === 0 ? 'paused' : 'active';
    if (next === 'paused') running.push([since, now]);
    else since = now;
    state = advanceSlaClock(state, { nowMs: now, policy, calendarId: 'default', before: { category: cat, firstResponseAt: 'x' }, after: { category: next, firstResponseAt: 'x' }, publicStaffReply: false }).state;
    cat = next;
  });
  if (cat === 'active') running.push([since, Number.NaN]);
  return { state, now, running };
}

test('elapsed business time = sum of the running spans; pausing freezes it', () => {
  fc.assert(fc.property(lifeArb, fc.integer({ min: 0, max: 5000 }), (steps, later) => {
    const { state, now, running } = live(steps);
    const res = state.clocks.find((c) => c.target === 'resolution')!;
    const at = now + later * 60_000;
    const expected = running.reduce((sum, [s, e]) => sum + businessMinutesBetween(s, Number.isNaN(e) ? at : e, cal), 0);
    assert.ok(Math.abs(elapsedMinutes(res, cal, at) - expected) < 1e-6);
    if (res.outcome === 'paused') assert.equal(elapsedMinutes(res, cal, at), elapsedMinutes(res, cal, now));
  }), runs);
});

test('the due instant of a running clock uses up exactly the remaining budget; paused clocks have none', () => {
  fc.assert(fc.property(lifeArb, (steps) => {
    const { state, now } = live(steps);
    const res = state.clocks.find((c) => c.target === 'resolution')!;
    const due = offsetInstant(res, cal, res.minutes);
    if (res.outcome === 'paused') return assert.equal(due, null);
    assert.ok(due);
    const spent = elapsedMinutes(res, cal, now);
    if (spent < res.minutes) assert.ok(Math.abs(elapsedMinutes(res, cal, due.dueMs) - res.minutes) < 1e-3);
    else assert.ok(due.dueMs <= now, 'a passed budget falls due at once, never later');
  }), runs);
});

test('the plan holds each running clock\'s next unfired level only; firing levels in plan order walks the whole chain; markFired is idempotent', () => {
  fc.assert(fc.property(lifeArb, fc.subarray(['breach', 'warning', 'L1', 'L2', 'L3']), (steps, fired) => {
    let { state } = live(steps.length % 2 === 0 ? steps : [...steps, 1]);
    for (const l of fired) state = markFired(markFired(state, 'resolution', 1, l, t0), 'resolution', 1, l, t0);
    const res = state.clocks.find((c) => c.target === 'resolution')!;
    assert.deepEqual([...res.fired].sort(), [...fired].sort());
    const plan = planDeadlines(state, policy, cal).filter((d) => d.target === 'resolution');
    for (const l of fired) assert.ok(!plan.some((d) => d.level === l));
    assert.ok(plan.length <= 1, 'one deadline per clock');
    // Firing what is planned, again and again, reaches every unfired level exactly once, never going back in time.
    const seen: string[] = [];
    let lastDue = -Infinity;
    for (let next = plan[0]; next; next = planDeadlines(state, policy, cal).find((d) => d.target === 'resolution')) {
      assert.ok(!seen.includes(next.level) && !fired.includes(next.level));
      assert.ok(next.dueMs >= lastDue);
      seen.push(next.level);
      lastDue = next.dueMs;
      state = markFired(state, 'resolution', 1, next.level, next.dueMs);
    }
    if (res.outcome === 'running') assert.deepEqual([...seen, ...fired].sort(), ['L1', 'L2', 'L3', 'breach', 'warning'].sort());
    const order = ['warning', 'breach', 'L1', 'L2', 'L3'].filter((l) => seen.includes(l));
    assert.deepEqual(seen.filter((l) => order.includes(l)).map((l) => order.indexOf(l)), order.map((_, i) => i));
  }), runs);
});

test('view: warning from 75 %, breached from 100 %, met after resolve, new cycle after reopen', () => {
  const open = { category: 'open' as StateCategory, firstResponseAt: null };
  let { state, events } = advanceSlaClock(null, { nowMs: t0, policy, calendarId: 'default', before: null, after: open, publicStaffReply: false });
  assert.deepEqual(events.map((e) => `${e.kind}:${e.target}`), ['start:first_response', 'start:resolution']);
  const fr = () => state.clocks.find((c) => c.target === 'first_response')!;
  // first_response = 240 business minutes: 09:00 + 180 → 12:00 (75 %), +240 → 14:30 (lunch skipped).
  assert.equal(viewClock(fr(), cal, Date.parse('2026-03-02T11:59:00+08:00'))!.state, 'ok');
  assert.equal(viewClock(fr(), cal, Date.parse('2026-03-02T12:00:00+08:00'))!.state, 'warning');
  assert.equal(new Date(viewClock(fr(), cal, t0)!.dueMs!).toISOString(), '2026-03-02T06:30:00.000Z');
  assert.equal(viewClock(fr(), cal, Date.parse('2026-03-02T14:30:00+08:00'))!.state, 'breached');
  const t1 = Date.parse('2026-03-02T15:00:00+08:00');
  ({ state, events } = advanceSlaClock(state, { nowMs: t1, policy, calendarId: 'default', before: open, after: { category: 'active', firstResponseAt: 'y' }, publicStaffReply: false }));
  assert.deepEqual(events.map((e) => `${e.kind}:${e.target}`), ['fulfil:first_response']);
  assert.equal(viewClock(fr(), cal, t1)!.state, 'met');
  ({ state, events } = advanceSlaClock(state, { nowMs: t1 + 1, policy, calendarId: 'default', before: { category: 'active', firstResponseAt: 'y' }, after: { category: 'done', firstResponseAt: 'y' }, publicStaffReply: false }));
  assert.deepEqual(events.map((e) => `${e.kind}:${e.target}`), ['fulfil:resolution']);
  ({ state, events } = advanceSlaClock(state, { nowMs: t1 + 2, policy, calendarId: 'default', before: { category: 'done', firstResponseAt: 'y' }, after: { category: 'open', firstResponseAt: 'y' }, publicStaffReply: false }));
  assert.deepEqual(events.map((e) => `${e.kind}:${e.target}:${e.cycle}`), ['start:resolution:2']);
  assert.equal(state.cycle, 2);
});

test('a tighter policy swaps budgets but keeps fired levels; a passed threshold falls due now, not earlier', () => {
  const open = { category: 'open' as StateCategory, firstResponseAt: null };
  let { state } = advanceSlaClock(null, { nowMs: t0, policy, calendarId: 'default', before: null, after: open, publicStaffReply: false });
  state = markFired(state, 'first_response', 1, 'warning', t0);
  const vip = defaultSlaPolicies().find((p) => p.id === 'vip')!; // first_response 60 min
  const later = Date.parse('2026-03-02T11:00:00+08:00'); // 120 business minutes in
  const r = advanceSlaClock(state, { nowMs: later, policy: vip, calendarId: 'default', before: open, after: open, publicStaffReply: false });
  assert.equal(r.events[0]!.kind, 'recompute');
  const fr = r.state.clocks.find((c) => c.target === 'first_response')!;
  assert.deepEqual([fr.minutes, fr.fired], [60, ['warning']]);
  const plan = planDeadlines(r.state, vip, cal).filter((d) => d.target === 'first_response');
  assert.ok(!plan.some((d) => d.level === 'warning'));
  // breach (60) and L1 are already past: due at the run's start (at once); L3 (120 min) is now too.
  for (const d of plan) assert.ok(d.dueMs <= later + 1, `${d.level} ${new Date(d.dueMs).toISOString()}`);
});

test('the list keys agree with the view at any later instant: warn_at <= t ⇔ some clock in warning or breached, due_at <= t ⇔ some clock breached', () => {
  fc.assert(fc.property(lifeArb, fc.integer({ min: 0, max: 6 * 1440 }), fc.boolean(), (steps, later, responded) => {
    let { state, now } = live(steps);
    if (responded) {
      // Half the lives got their first response at the end: only the resolution clock runs on.
      state = advanceSlaClock(state, { nowMs: now, policy, calendarId: 'default', before: { category: 'active', firstResponseAt: null }, after: { category: 'active', firstResponseAt: 'x' }, publicStaffReply: false }).state;
    }
    const keys = slaListKeys(state, cal);
    const at = now + later * 60_000;
    const views = state.clocks.filter((c) => c.outcome === 'running').map((c) => viewClock(c, cal, at)!.state);
    if (views.length === 0) return assert.deepEqual(keys, { dueMs: null, warnMs: null });
    assert.equal(keys.warnMs! <= at, views.some((v) => v === 'warning' || v === 'breached'), `warn ${new Date(keys.warnMs!).toISOString()} at ${new Date(at).toISOString()} ${views}`);
    assert.equal(keys.dueMs! <= at, views.includes('breached'), `due ${new Date(keys.dueMs!).toISOString()} at ${new Date(at).toISOString()} ${views}`);
  }), runs);
});
