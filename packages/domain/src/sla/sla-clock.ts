/**
 * The SLA clock of one ticket: per target, the spans of business time it has run, so elapsed
 * time is always re-measured on the calendar in force (a reassignment to a team with another
 * calendar, or a new policy, recomputes exactly; nothing is accumulated in stale units).
 *
 * Rules (ADR 006):
 * - first_response and resolution start when the ticket opens; update starts at the first
 *   response and restarts (next cycle) at every public staff reply.
 * - Every running clock pauses while the ticket is in a state of category 'paused' and resumes
 *   on leaving it. first_response stops (met) at the first response, resolution when the ticket
 *   is resolved; cancelling stops everything.
 * - Reopening starts a new cycle of resolution (and update); first_response keeps its result.
 * - A policy change keeps the runs, fired levels and recorded breach and swaps the budgets.
 *   A threshold that the new budget puts in the past falls due "now", never back-dated.
 */
import type { BusinessCalendar } from './business-calendar.ts';
import { addBusinessMinutes, businessMinutesBetween } from './business-time.ts';
import { twentyFourSevenCalendar } from './shipped-calendars.ts';
import type { SlaPolicy, SlaTargetSpec } from './sla-policy.ts';
import { planMilestones, type SlaTarget } from '../escalation/escalation-level.ts';
import type { StateCategory } from '../ticket/workflow-definition.ts';

export type ClockOutcome = 'running' | 'paused' | 'met' | 'stopped';

export interface TargetClock {
  readonly target: SlaTarget;
  readonly cycle: number;
  readonly minutes: number;
  readonly warnAtPercent: number;
  readonly clock: SlaTargetSpec['clock'];
  /** [start, end) instants (epoch ms) the clock ran; the last one is open (null) while running. */
  readonly runs: readonly (readonly [number, number | null])[];
  readonly outcome: ClockOutcome;
  readonly endedAt: number | null;
  /** When the scheduler recorded the breach (never earlier than it noticed). */
  readonly breachedAt: number | null;
  /** Levels (and the breach milestone) already fired in this cycle. */
  readonly fired: readonly string[];
}

export interface TicketSlaState {
  readonly policyId: string;
  readonly policyVersion: number;
  readonly calendarId: string;
  /** Reopen cycle of first_response/resolution (1, 2, …). */
  readonly cycle: number;
  /** Update periods started so far; the update clock's cycle. */
  readonly updateSeq: number;
  /** The latest clock of each target. */
  readonly clocks: readonly TargetClock[];
}

export type SlaEventKind = 'start' | 'pause' | 'resume' | 'fulfil' | 'stop' | 'recompute';

export interface SlaEventDraft {
  readonly kind: SlaEventKind;
  readonly target: SlaTarget | null;
  readonly cycle: number;
  readonly atMs: number;
  readonly detail?: Record<string, unknown>;
}

/** What changed on the ticket, as far as the SLA cares. */
export interface SlaChangeInput {
  readonly nowMs: number;
  readonly policy: SlaPolicy;
  readonly calendarId: string;
  /** null when the ticket is being created. */
  readonly before: { readonly category: StateCategory | null; readonly firstResponseAt: string | null } | null;
  readonly after: { readonly category: StateCategory | null; readonly firstResponseAt: string | null };
  /** A staff member sent a public reply in this change (restarts the update clock). */
  readonly publicStaffReply: boolean;
}

const FINISHED = new Set<StateCategory | null>(['done', 'confirming', 'closed', 'cancelled']);

/** The calendar a clock counts on: its own 24×7 clock, else the ticket's business calendar. */
export function clockCalendar(c: TargetClock, business: BusinessCalendar): BusinessCalendar {
  return c.clock === '24x7' ? twentyFourSevenCalendar() : business;
}

/** Business minutes the clock has run up to `nowMs`. */
export function elapsedMinutes(c: TargetClock, business: BusinessCalendar, nowMs: number): number {
  const cal = clockCalendar(c, business);
  let sum = 0;
  for (const [s, e] of c.runs) sum += businessMinutesBetween(s, Math.max(s, e ?? nowMs), cal);
  return sum;
}

/**
 * When the running clock reaches `offsetMinutes`. A point already passed in an earlier run
 * falls due at the current run's start (so: at once), never before it.
 */
export function offsetInstant(c: TargetClock, business: BusinessCalendar, offsetMinutes: number): { dueMs: number; uncovered: boolean } | null {
  const last = c.runs[c.runs.length - 1];
  if (c.outcome !== 'running' || !last || last[1] !== null) return null;
  const cal = clockCalendar(c, business);
  let closed = 0;
  for (const [s, e] of c.runs) if (e !== null) closed += businessMinutesBetween(s, e, cal);
  const rest = offsetMinutes - closed;
  if (rest <= 0) return { dueMs: last[0], uncovered: false };
  return addBusinessMinutes(last[0], rest, cal);
}

export type TargetState = 'ok' | 'warning' | 'breached' | 'paused' | 'met';

export interface TargetView {
  readonly target: SlaTarget;
  readonly cycle: number;
  readonly state: TargetState;
  readonly dueMs: number | null;
  readonly remainingMinutes: number;
  readonly uncovered: boolean;
  readonly endedAt: number | null;
  readonly breachedAt: number | null;
}

/** What people see for one clock at `nowMs` (stopped clocks are not shown). */
export function viewClock(c: TargetClock, business: BusinessCalendar, nowMs: number): TargetView | null {
  if (c.outcome === 'stopped') return null;
  const elapsed = elapsedMinutes(c, business, c.endedAt ?? nowMs);
  const due = offsetInstant(c, business, c.minutes);
  let state: TargetState;
  if (c.outcome === 'met') state = 'met';
  else if (c.outcome === 'paused') state = 'paused';
  else if (c.breachedAt !== null || elapsed >= c.minutes) state = 'breached';
  else if (elapsed >= (c.minutes * c.warnAtPercent) / 100) state = 'warning';
  else state = 'ok';
  return {
    target: c.target, cycle: c.cycle, state, dueMs: due?.dueMs ?? null, remainingMinutes: Math.round((c.minutes - elapsed) * 10) / 10,
    uncovered: due?.uncovered ?? false, endedAt: c.endedAt, breachedAt: c.breachedAt,
  };
}

/** One planned deadline of the scheduler. */
export interface PlannedDeadline {
  readonly target: SlaTarget;
  readonly cycle: number;
  readonly level: string;
  readonly dueMs: number;
  readonly uncovered: boolean;
}

/**
 * The scheduler's deadlines: for every running clock, its next unfired level (or breach
 * milestone) with its due instant. Only the next one: the sweep plans the following level when
 * this one fires (ADR 019), so a ticket holds two deadline rows instead of ten, and a create
 * writes two. Milestones with equal offsets come in planMilestones' order, one after the other.
 */
export function planDeadlines(state: TicketSlaState, policy: SlaPolicy, business: BusinessCalendar): PlannedDeadline[] {
  const out: PlannedDeadline[] = [];
  for (const c of state.clocks) {
    if (c.outcome !== 'running') continue;
    const m = planMilestones(policy.levels, c.target, c.minutes, c.warnAtPercent, c.fired)[0];
    const due = m ? offsetInstant(c, business, m.offsetMinutes) : null;
    if (m && due) out.push({ target: c.target, cycle: c.cycle, level: m.level, dueMs: due.dueMs, uncovered: due.uncovered });
  }
  return out;
}

function newClock(target: SlaTarget, cycle: number, spec: SlaTargetSpec, nowMs: number, paused: boolean): TargetClock {
  return {
    target, cycle, minutes: spec.minutes, warnAtPercent: spec.warnAtPercent, clock: spec.clock,
    runs: paused ? [] : [[nowMs, null]], outcome: paused ? 'paused' : 'running', endedAt: null, breachedAt: null, fired: [],
  };
}

function closeRun(c: TargetClock, nowMs: number): TargetClock['runs'] {
  return c.runs.map(([s, e]) => [s, e ?? Math.max(s, nowMs)] as const);
}

const live = (c: TargetClock): boolean => c.outcome === 'running' || c.outcome === 'paused';

/**
 * The next SLA state after a ticket change, and the events to log. Pure: the caller supplies
 * the policy in force (re-matched when a matched field changed) and the time.
 */
export function advanceSlaClock(prev: TicketSlaState | null, input: SlaChangeInput): { state: TicketSlaState; events: SlaEventDraft[] } {
  const { nowMs: now, policy } = input;
  const events: SlaEventDraft[] = [];
  const spec = (t: SlaTarget) => policy.targets[t];
  const pausedNow = input.after.category === 'paused';
  const finishedNow = FINISHED.has(input.after.category);
  const clocks: TargetClock[] = prev ? [...prev.clocks] : [];
  let cycle = prev?.cycle ?? 1;
  let updateSeq = prev?.updateSeq ?? 0;
  const find = (t: SlaTarget) => clocks.findIndex((c) => c.target === t);
  const put = (c: TargetClock) => {
    const i = find(c.target);
    if (i >= 0) clocks[i] = c;
    else clocks.push(c);
  };
  const start = (t: SlaTarget, cyc: number) => {
    const s = spec(t);
    if (!s) return;
    put(newClock(t, cyc, s, now, pausedNow));
    events.push({ kind: 'start', target: t, cycle: cyc, atMs: now, ...(pausedNow ? { detail: { paused: true } } : {}) });
  };
  const end = (c: TargetClock, outcome: 'met' | 'stopped') => {
    put({ ...c, runs: closeRun(c, now), outcome, endedAt: now });
    events.push({ kind: outcome === 'met' ? 'fulfil' : 'stop', target: c.target, cycle: c.cycle, atMs: now });
  };

  if (!prev) {
    if (!finishedNow) {
      if (input.after.firstResponseAt === null) start('first_response', cycle);
      start('resolution', cycle);
      if (input.after.firstResponseAt !== null) start('update', ++updateSeq);
    }
    return { state: { policyId: policy.id, policyVersion: policy.version, calendarId: input.calendarId, cycle, updateSeq, clocks }, events };
  }

  // A different policy (or calendar): keep what happened, swap the budgets.
  if (prev.policyId !== policy.id || prev.policyVersion !== policy.version || prev.calendarId !== input.calendarId) {
    events.push({ kind: 'recompute', target: null, cycle, atMs: now, detail: { fromPolicy: prev.policyId, toPolicy: policy.id, fromCalendar: prev.calendarId, toCalendar: input.calendarId } });
    for (const c of [...clocks]) {
      if (!live(c)) continue;
      const s = spec(c.target);
      if (!s) end(c, 'stopped');
      else put({ ...c, minutes: s.minutes, warnAtPercent: s.warnAtPercent, clock: s.clock });
    }
    if (!finishedNow) {
      if (find('first_response') < 0 && input.after.firstResponseAt === null) start('first_response', cycle);
      if (find('resolution') < 0) start('resolution', cycle);
      if (find('update') < 0 && input.after.firstResponseAt !== null) start('update', ++updateSeq);
    }
  }

  const wasFinished = FINISHED.has(input.before?.category ?? null);
  if (!wasFinished && finishedNow) {
    const cancelled = input.after.category === 'cancelled';
    for (const c of [...clocks]) if (live(c)) end(c, cancelled || c.target === 'update' ? 'stopped' : 'met');
  } else if (wasFinished && !finishedNow) {
    cycle += 1;
    start('resolution', cycle);
    if (input.after.firstResponseAt !== null) start('update', ++updateSeq);
  } else if (!finishedNow) {
    const responded = input.before?.firstResponseAt === null && input.after.firstResponseAt !== null;
    if (responded) {
      const fr = clocks[find('first_response')];
      if (fr && live(fr)) end(fr, 'met');
      const up = clocks[find('update')];
      if (up && live(up)) end(up, 'met');
      start('update', ++updateSeq);
    } else if (input.publicStaffReply) {
      const up = clocks[find('update')];
      if (up && live(up)) {
        end(up, 'met');
        start('update', ++updateSeq);
      }
    }
    const wasPaused = input.before?.category === 'paused';
    if (!wasPaused && pausedNow) {
      for (const c of [...clocks]) {
        if (c.outcome !== 'running') continue;
        put({ ...c, runs: closeRun(c, now), outcome: 'paused' });
        events.push({ kind: 'pause', target: c.target, cycle: c.cycle, atMs: now });
      }
    } else if (wasPaused && !pausedNow) {
      for (const c of [...clocks]) {
        if (c.outcome !== 'paused') continue;
        put({ ...c, runs: [...c.runs, [now, null] as const], outcome: 'running' });
        events.push({ kind: 'resume', target: c.target, cycle: c.cycle, atMs: now });
      }
    }
  }
  return { state: { policyId: policy.id, policyVersion: policy.version, calendarId: input.calendarId, cycle, updateSeq, clocks }, events };
}

/** Records a fired level (and the breach instant for the breach milestone) on the clock. */
export function markFired(state: TicketSlaState, target: SlaTarget, cycle: number, level: string, nowMs: number): TicketSlaState {
  return {
    ...state,
    clocks: state.clocks.map((c) => c.target !== target || c.cycle !== cycle || c.fired.includes(level) ? c : {
      ...c, fired: [...c.fired, level], ...(level === 'breach' && c.breachedAt === null ? { breachedAt: nowMs } : {}),
    }),
  };
}

/**
 * The two instants the ticket list sorts and filters by ("即将超时"): when the first running clock
 * breaches (`dueMs`) and when the first one enters its warning share (`warnMs`). Both are fixed
 * for as long as the clocks run, so they are stored beside the state and only move when the clock
 * does (a change, a pause, a recompute); null when no clock runs (paused, met, none).
 * A clock already breached keeps its (past) breach instant, so breached tickets sort first.
 */
export function slaListKeys(state: TicketSlaState, business: BusinessCalendar): { dueMs: number | null; warnMs: number | null } {
  let dueMs: number | null = null;
  let warnMs: number | null = null;
  for (const c of state.clocks) {
    if (c.outcome !== 'running') continue;
    const planned = offsetInstant(c, business, c.minutes)?.dueMs ?? null;
    // A recorded breach is never undone (ADR 006): even if a bigger budget moved the plan later.
    const due = c.breachedAt !== null ? Math.min(planned ?? c.breachedAt, c.breachedAt) : planned;
    const warn = c.breachedAt !== null ? due : offsetInstant(c, business, (c.minutes * c.warnAtPercent) / 100)?.dueMs ?? null;
    if (due !== null && (dueMs === null || due < dueMs)) dueMs = due;
    if (warn !== null && (warnMs === null || warn < warnMs)) warnMs = warn;
  }
  return { dueMs, warnMs };
}
