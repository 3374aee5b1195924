import { test } from 'node:test';
import assert from 'node:assert/strict';
import chineseDays from 'chinese-days';
import { formatLocalDate, parseLocalDate } from './business-calendar.ts';
import { describeMonth } from './calendar-month-view.ts';
import { cnStatutorySchedule, cnStatutoryYears } from './cn-statutory-schedule.ts';
import { defaultBusinessCalendar, twentyFourSevenCalendar } from './shipped-calendars.ts';

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = parseLocalDate(from)!; d <= parseLocalDate(to)!; d++) out.push(formatLocalDate(d));
  return out;
};

test('2026 matches the State Council notice: holidays and 调休 make-up workdays', () => {
  const { exceptions, coverage } = cnStatutorySchedule([2026]);
  assert.deepEqual(coverage, [2026]);
  const holidays = exceptions.filter((e) => e.kind === 'holiday').map((e) => e.date);
  const workdays = exceptions.filter((e) => e.kind === 'workday').map((e) => e.date);
  assert.deepEqual(holidays, [
    ...range('2026-01-01', '2026-01-03'), ...range('2026-02-15', '2026-02-23'), ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'), ...range('2026-06-19', '2026-06-21'), ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
  ]);
  assert.deepEqual(workdays, ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  assert.equal(exceptions.find((e) => e.date === '2026-02-17')?.name, '春节');
});

test('every bundled year agrees with the chinese-days package day by day', () => {
  const years = cnStatutoryYears();
  assert.deepEqual([years[0], years.at(-1)], [2004, 2026]);
  const byDate = new Map(cnStatutorySchedule().exceptions.map((e) => [e.date, e.kind]));
  for (const date of range('2004-01-01', '2026-12-31')) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const kind = byDate.get(date);
    const ours = kind === 'workday' || (kind === undefined && weekday >= 1 && weekday <= 5);
    assert.equal(ours, chineseDays.isWorkday(date), date);
  }
});

test('the default calendar covers the bundled years only', () => {
  assert.deepEqual(defaultBusinessCalendar().coverage, cnStatutoryYears());
  assert.equal(defaultBusinessCalendar(), defaultBusinessCalendar(), 'same frozen object: caches stay warm');
  assert.ok(Object.isFrozen(defaultBusinessCalendar()));
});

test('describeMonth shows Feb 2026 with the Spring Festival and both make-up Saturdays', () => {
  const days = describeMonth(2026, 2, defaultBusinessCalendar());
  assert.equal(days.length, 28);
  const kindOf = (d: number): string => days[d - 1]!.kind;
  assert.equal(kindOf(13), 'workday');
  assert.equal(kindOf(14), 'makeup_workday');
  assert.deepEqual(days[13]!.segments, [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }]);
  assert.equal(days[13]!.name, '春节调休');
  for (let d = 15; d <= 23; d++) assert.equal(kindOf(d), 'holiday');
  assert.deepEqual(days[15]!.segments, []);
  assert.equal(kindOf(24), 'workday');
  assert.equal(kindOf(28), 'makeup_workday');
  assert.equal(kindOf(1), 'weekend');
  assert.equal(days[0]!.weekday, 0);
  assert.ok(days.every((d) => !d.uncovered));
});

test('describeMonth flags an uncovered year and renders 24x7 as all-day workdays', () => {
  assert.ok(describeMonth(2027, 1, defaultBusinessCalendar()).every((d) => d.uncovered));
  const jan = describeMonth(2027, 1, twentyFourSevenCalendar());
  assert.equal(jan.length, 31);
  assert.ok(jan.every((d) => d.kind === 'workday' && !d.uncovered && d.segments[0]?.end === '24:00'));
  assert.throws(() => describeMonth(2026, 13, defaultBusinessCalendar()), RangeError);
});

test('closure and custom hours show up in the month view', () => {
  const cal = { ...defaultBusinessCalendar(), exceptions: [
    { date: '2026-03-02', kind: 'closure' as const, name: '盘点' },
    { date: '2026-03-03', kind: 'custom_hours' as const, segments: [{ start: '10:00', end: '15:00' }] },
  ] };
  const days = describeMonth(2026, 3, cal);
  assert.equal(days[1]!.kind, 'closure');
  assert.equal(days[1]!.name, '盘点');
  assert.equal(days[2]!.kind, 'workday');
  assert.deepEqual(days[2]!.segments, [{ start: '10:00', end: '15:00' }]);
});
