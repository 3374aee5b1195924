import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import chineseDays from 'chinese-days';
import type { BusinessCalendar, TimeSegment } from './business-calendar.ts';
import { addBusinessMinutes, businessMinutesBetween, isWorkingTime } from './business-time.ts';
import { defaultBusinessCalendar } from './shipped-calendars.ts';

const nineToFive: readonly TimeSegment[] = [{ start: '09:00', end: '17:00' }];
// A night shift on Sundays makes DST transitions (02:00/03:00 local on Sundays) fall inside
// working time, which is where wall-clock/instant mistakes show up.
const night: readonly TimeSegment[] = [{ start: '00:00', end: '04:00' }, { start: '22:00', end: '24:00' }];
const zoned = (timeZone: string): BusinessCalendar => ({
  id: timeZone, name: timeZone, timeZone, mode: 'business',
  weekly: [night, nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, []],
  exceptions: [{ date: '2026-07-03', kind: 'holiday' }, { date: '2026-12-05', kind: 'workday' }],
  coverage: [2025, 2026, 2027],
});

const calendars: [string, BusinessCalendar][] = [
  ['CN default', defaultBusinessCalendar()],
  ['America/New_York', zoned('America/New_York')],
  ['Europe/Berlin', zoned('Europe/Berlin')],
];

const from2026 = Date.parse('2026-01-01T00:00:00Z');
// Minute-aligned starts over 2026; integer minutes from 30 min to 3 business days (and a bit).
const startArb = fc.integer({ min: 0, max: 364 * 1440 }).map((m) => from2026 + m * 60_000);
const minutesArb = fc.integer({ min: 0, max: 3 * 450 + 120 });
const runs = { numRuns: 300 };

for (const [label, cal] of calendars) {
  test(`${label}: more minutes never give an earlier due (monotonic)`, () => {
    fc.assert(fc.property(startArb, minutesArb, minutesArb, (s, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      assert.ok(addBusinessMinutes(s, lo, cal).dueMs <= addBusinessMinutes(s, hi, cal).dueMs);
    }), runs);
  });

  test(`${label}: add(add(s, a), b) == add(s, a + b) (additive)`, () => {
    fc.assert(fc.property(startArb, minutesArb, minutesArb, (s, a, b) => {
      const step = addBusinessMinutes(addBusinessMinutes(s, a, cal).dueMs, b, cal).dueMs;
      assert.equal(step, addBusinessMinutes(s, a + b, cal).dueMs);
    }), runs);
  });

  test(`${label}: businessMinutesBetween(s, add(s, m)) == m (inverse)`, () => {
    fc.assert(fc.property(startArb, minutesArb, (s, m) => {
      assert.equal(businessMinutesBetween(s, addBusinessMinutes(s, m, cal).dueMs, cal), m);
    }), runs);
  });

  test(`${label}: a positive deadline lands inside working time or exactly at a segment end`, () => {
    fc.assert(fc.property(startArb, fc.integer({ min: 1, max: 3 * 450 }), (s, m) => {
      const d = addBusinessMinutes(s, m, cal).dueMs;
      // The last millisecond counted is working time; the due itself may be the segment end.
      assert.ok(isWorkingTime(d - 1, cal), new Date(d).toISOString());
    }), runs);
  });

  test(`${label}: between is additive over a split point`, () => {
    fc.assert(fc.property(startArb, startArb, startArb, (a, b, c) => {
      const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
      assert.equal(businessMinutesBetween(x, y, cal) + businessMinutesBetween(y, z, cal), businessMinutesBetween(x, z, cal));
    }), { numRuns: 100 });
  });
}

/** Independent oracle: local wall time via Intl, not through the engine's own conversion. */
function localParts(ms: number, timeZone: string): { date: string; weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short',
  }).formatToParts(ms);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { date: `${get('year')}-${get('month')}-${get('day')}`, weekday, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}
const inSegments = (minute: number, segs: readonly TimeSegment[]): boolean =>
  segs.some((s) => Number(s.start.slice(0, 2)) * 60 + Number(s.start.slice(3)) <= minute && minute < Number(s.end.slice(0, 2)) * 60 + Number(s.end.slice(3)));

test('CN default agrees with the chinese-days package minute by minute (2024–2026, incl. 调休)', () => {
  const cn = defaultBusinessCalendar();
  const segs: TimeSegment[] = [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }];
  const from2024 = Date.parse('2024-01-01T00:00:00+08:00');
  fc.assert(fc.property(fc.integer({ min: 0, max: 3 * 365 * 1440 }), (m) => {
    const ms = from2024 + m * 60_000;
    const { date, minute } = localParts(ms, 'Asia/Shanghai');
    assert.equal(isWorkingTime(ms, cn), chineseDays.isWorkday(date) && inSegments(minute, segs), date);
  }), { numRuns: 2000 });
});

for (const zone of ['America/New_York', 'Europe/Berlin']) {
  test(`${zone}: isWorkingTime matches Intl's wall clock, DST days included`, () => {
    const cal = zoned(zone);
    fc.assert(fc.property(fc.integer({ min: 0, max: 365 * 1440 }), (m) => {
      const ms = from2026 + m * 60_000;
      const { date, weekday, minute } = localParts(ms, zone);
      const segs = date === '2026-07-03' ? [] : date === '2026-12-05' ? nineToFive : (cal.weekly[weekday] ?? []);
      // 02:xx on spring-forward Sundays does not exist, so Intl never reports it: no special case.
      assert.equal(isWorkingTime(ms, cal), inSegments(minute, segs), `${date} ${minute}`);
    }), { numRuns: 1500 });
  });
}
