import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withExceptions, type BusinessCalendar } from './business-calendar.ts';
import { addBusinessMinutes, businessMinutesBetween, isWorkingTime, nextWorkingInstant } from './business-time.ts';
import { defaultBusinessCalendar, twentyFourSevenCalendar } from './shipped-calendars.ts';

const cn = defaultBusinessCalendar();
/** Beijing wall time -> epoch ms. */
const bj = (local: string): number => Date.parse(`${local}:00+08:00`);
/** epoch ms -> 'YYYY-MM-DDTHH:MM' in Beijing. */
const fmt = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
const due = (local: string, minutes: number, cal: BusinessCalendar = cn): string => fmt(addBusinessMinutes(bj(local), minutes, cal).dueMs);

test('Friday 17:00 + 120 min runs into the 调休 Saturday 2026-02-14 (make-up workday)', () => {
  // 60 min on Friday (17:00–18:00), 60 min from 09:00 on the make-up Saturday.
  const r = addBusinessMinutes(bj('2026-02-13T17:00'), 120, cn);
  assert.equal(fmt(r.dueMs), '2026-02-14T10:00');
  assert.equal(r.uncovered, false);
});

test('a deadline that exhausts the day lands at the segment end, not the next start', () => {
  assert.equal(due('2026-03-06T17:00', 60), '2026-03-06T18:00');
  assert.equal(due('2026-03-02T11:30', 30), '2026-03-02T12:00');
  assert.equal(due('2026-03-02T11:30', 31), '2026-03-02T13:31');
  assert.equal(due('2026-03-06T17:00', 61), '2026-03-09T09:01');
});

test('a start outside working time begins counting at the next segment start', () => {
  assert.equal(due('2026-03-02T08:00', 30), '2026-03-02T09:30');
  assert.equal(due('2026-03-02T12:15', 30), '2026-03-02T14:00');
  assert.equal(due('2026-03-02T18:30', 30), '2026-03-03T09:30');
  assert.equal(due('2026-03-07T10:00', 30), '2026-03-09T09:30'); // ordinary Saturday
});

test('a start during the Spring Festival holiday counts from the first workday after it', () => {
  assert.equal(due('2026-02-17T10:00', 60), '2026-02-24T10:00');
  assert.equal(businessMinutesBetween(bj('2026-02-15T00:00'), bj('2026-02-24T00:00'), cn), 0);
  assert.equal(isWorkingTime(bj('2026-02-18T10:00'), cn), false);
});

test('three business days across National Day and the Sunday make-up day 2026-09-20', () => {
  // 09-30 (Wed) 17:00: 1 h left that day, then holidays 10-01..07, then 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, make-up).
  assert.equal(due('2026-09-30T17:00', 60 + 2 * 450 + 60), '2026-10-10T10:00');
  assert.equal(isWorkingTime(bj('2026-09-20T15:00'), cn), true);
});

test('a date in a year without official data is flagged as uncovered', () => {
  assert.equal(addBusinessMinutes(bj('2027-03-01T10:00'), 30, cn).uncovered, true);
  assert.equal(addBusinessMinutes(bj('2026-12-31T17:00'), 60, cn).uncovered, false);
  const crossing = addBusinessMinutes(bj('2026-12-31T17:00'), 61, cn);
  assert.equal(crossing.uncovered, true);
  assert.equal(fmt(crossing.dueMs), '2027-01-01T09:01'); // 2027 treated as an ordinary week, loudly
});

test('adding 0 minutes returns the start unchanged, even outside working time', () => {
  const s = bj('2026-03-07T23:00');
  assert.equal(addBusinessMinutes(s, 0, cn).dueMs, s);
});

test('fractional minutes are honoured to the millisecond', () => {
  assert.equal(addBusinessMinutes(bj('2026-03-02T09:00'), 0.5, cn).dueMs, bj('2026-03-02T09:00') + 30_000);
  assert.equal(businessMinutesBetween(bj('2026-03-02T09:00'), bj('2026-03-02T09:00') + 90_000, cn), 1.5);
});

test('negative or non-finite minutes are caller bugs', () => {
  assert.throws(() => addBusinessMinutes(0, -1, cn), RangeError);
  assert.throws(() => addBusinessMinutes(0, Number.NaN, cn), RangeError);
});

test('businessMinutesBetween counts only working time and is antisymmetric', () => {
  assert.equal(businessMinutesBetween(bj('2026-03-06T17:00'), bj('2026-03-09T10:00'), cn), 120);
  assert.equal(businessMinutesBetween(bj('2026-03-09T10:00'), bj('2026-03-06T17:00'), cn), -120);
  assert.equal(businessMinutesBetween(bj('2026-03-02T00:00'), bj('2026-03-07T00:00'), cn), 5 * 450);
});

test('isWorkingTime treats segments as half-open', () => {
  assert.equal(isWorkingTime(bj('2026-03-02T09:00'), cn), true);
  assert.equal(isWorkingTime(bj('2026-03-02T11:59'), cn), true);
  assert.equal(isWorkingTime(bj('2026-03-02T12:00'), cn), false);
  assert.equal(isWorkingTime(bj('2026-03-02T13:30'), cn), true);
  assert.equal(isWorkingTime(bj('2026-03-02T18:00'), cn), false);
  assert.equal(isWorkingTime(bj('2026-02-14T10:00'), cn), true);
  assert.equal(isWorkingTime(bj('2026-02-15T10:00'), cn), false);
});

test('nextWorkingInstant stays inside working time and jumps over breaks and holidays', () => {
  assert.equal(nextWorkingInstant(bj('2026-03-02T10:00'), cn), bj('2026-03-02T10:00'));
  assert.equal(nextWorkingInstant(bj('2026-03-02T12:00'), cn), bj('2026-03-02T13:30'));
  assert.equal(nextWorkingInstant(bj('2026-02-13T18:00'), cn), bj('2026-02-14T09:00'));
  assert.equal(nextWorkingInstant(bj('2026-02-15T09:00'), cn), bj('2026-02-24T09:00'));
});

test('24x7 counts every minute and is never uncovered', () => {
  const cal = twentyFourSevenCalendar();
  const s = bj('2031-02-15T03:00');
  assert.deepEqual(addBusinessMinutes(s, 90, cal), { dueMs: s + 90 * 60_000, uncovered: false });
  assert.equal(businessMinutesBetween(s, s + 86_400_000, cal), 1440);
  assert.equal(isWorkingTime(s, cal), true);
});

test('tenant exceptions layer over the statutory schedule: closure, custom hours, borrowed weekday', () => {
  const cal = withExceptions(cn, [
    { date: '2026-03-02', kind: 'closure', name: '年度盘点' },
    { date: '2026-03-03', kind: 'custom_hours', segments: [{ start: '10:00', end: '15:00' }] },
    { date: '2026-03-07', kind: 'workday', segments: [{ start: '09:00', end: '12:00' }] },
  ]);
  assert.equal(due('2026-03-02T09:00', 60, cal), '2026-03-03T11:00');
  assert.equal(due('2026-03-03T14:00', 90, cal), '2026-03-04T09:30');
  assert.equal(due('2026-03-06T17:30', 60, cal), '2026-03-07T09:30');
  assert.equal(businessMinutesBetween(bj('2026-03-07T00:00'), bj('2026-03-08T00:00'), cal), 180);
  assert.equal(cn.exceptions.find((e) => e.date === '2026-03-02'), undefined, 'the shipped calendar is untouched');
});

test('unsorted exceptions (an unvalidated calendar) give the same answers as sorted ones', () => {
  const shuffled: BusinessCalendar = { ...cn, exceptions: [...cn.exceptions].reverse() };
  for (const [start, minutes] of [['2026-02-13T17:00', 120], ['2026-02-17T10:00', 60], ['2026-09-30T17:00', 1020]] as const) {
    assert.deepEqual(addBusinessMinutes(bj(start), minutes, shuffled), addBusinessMinutes(bj(start), minutes, cn));
  }
});
