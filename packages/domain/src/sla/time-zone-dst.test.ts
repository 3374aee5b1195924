import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { BusinessCalendar, TimeSegment } from './business-calendar.ts';
import { addBusinessMinutes, businessMinutesBetween, isWorkingTime } from './business-time.ts';
import { isValidTimeZone, offsetAt, wallToInstant } from './time-zone-offset.ts';

const H = 3_600_000;
const everyDay = (segs: readonly TimeSegment[], timeZone: string): BusinessCalendar => ({
  id: 't', name: 't', timeZone, mode: 'business', weekly: [segs, segs, segs, segs, segs, segs, segs], exceptions: [], coverage: [2026],
});
/** Working minutes of one local date: a calendar whose only working day is that date. */
const dayMinutes = (date: string, segs: readonly TimeSegment[], timeZone: string): number => {
  const cal: BusinessCalendar = {
    id: 't', name: 't', timeZone, mode: 'business', weekly: [[], [], [], [], [], [], []],
    exceptions: [{ date, kind: 'custom_hours', segments: segs }], coverage: [2026],
  };
  const noon = Date.parse(`${date}T12:00:00Z`);
  return businessMinutesBetween(noon - 48 * H, noon + 48 * H, cal);
};

test('wallToInstant: ordinary, ambiguous (earlier wins) and nonexistent (transition instant) wall times', () => {
  const ny = 'America/New_York';
  assert.equal(wallToInstant(ny, Date.UTC(2026, 0, 15, 9, 0)), Date.parse('2026-01-15T14:00:00Z'));
  assert.equal(wallToInstant(ny, Date.UTC(2026, 6, 15, 9, 0)), Date.parse('2026-07-15T13:00:00Z'));
  // 2026-03-08 02:30 does not exist in New York: clocks jump 02:00 EST -> 03:00 EDT (07:00Z).
  assert.equal(wallToInstant(ny, Date.UTC(2026, 2, 8, 2, 30)), Date.parse('2026-03-08T07:00:00Z'));
  // 2026-11-01 01:30 happens twice; the first (EDT) is chosen.
  assert.equal(wallToInstant(ny, Date.UTC(2026, 10, 1, 1, 30)), Date.parse('2026-11-01T05:30:00Z'));
  const be = 'Europe/Berlin';
  assert.equal(wallToInstant(be, Date.UTC(2026, 2, 29, 2, 15)), Date.parse('2026-03-29T01:00:00Z'));
  assert.equal(wallToInstant(be, Date.UTC(2026, 9, 25, 2, 30)), Date.parse('2026-10-25T00:30:00Z'));
  assert.equal(offsetAt('Asia/Shanghai', Date.parse('2026-06-01T00:00:00Z')), 8 * H);
});

test('isValidTimeZone accepts IANA names and rejects junk', () => {
  assert.equal(isValidTimeZone('Asia/Shanghai'), true);
  assert.equal(isValidTimeZone('Europe/Berlin'), true);
  assert.equal(isValidTimeZone('Mars/Olympus'), false);
  assert.equal(isValidTimeZone(''), false);
});

test('a 09:00–17:00 segment is 8 h on DST-change days in New York and Berlin', () => {
  const seg = [{ start: '09:00', end: '17:00' }];
  for (const [zone, date] of [['America/New_York', '2026-03-08'], ['America/New_York', '2026-11-01'], ['Europe/Berlin', '2026-03-29'], ['Europe/Berlin', '2026-10-25']] as const) {
    assert.equal(dayMinutes(date, seg, zone), 480, `${zone} ${date}`);
  }
});

test('a segment spanning the transition counts the hours that really elapse', () => {
  const ny = 'America/New_York';
  const allDay = [{ start: '00:00', end: '24:00' }];
  assert.equal(dayMinutes('2026-03-08', allDay, ny), 23 * 60);
  assert.equal(dayMinutes('2026-11-01', allDay, ny), 25 * 60);
  // Inside the spring gap only 03:00–04:00 exists; across the autumn repeat 01:00–02:00 lasts 2 h.
  assert.equal(dayMinutes('2026-03-08', [{ start: '02:30', end: '04:00' }], ny), 60);
  assert.equal(dayMinutes('2026-03-08', [{ start: '02:00', end: '02:45' }], ny), 0);
  assert.equal(dayMinutes('2026-11-01', [{ start: '01:00', end: '02:00' }], ny), 120);
  assert.equal(dayMinutes('2026-03-29', [{ start: '01:00', end: '04:00' }], 'Europe/Berlin'), 120);
  assert.equal(dayMinutes('2026-10-25', [{ start: '01:00', end: '04:00' }], 'Europe/Berlin'), 240);
});

test('deadlines across the New York spring-forward weekend keep local wall-clock hours', () => {
  const cal = everyDay([{ start: '09:00', end: '17:00' }], 'America/New_York');
  // Sat 16:00 EST + 2 h -> Sun 10:00 EDT, i.e. 14:00Z (not 15:00Z as a fixed offset would give).
  const r = addBusinessMinutes(Date.parse('2026-03-07T21:00:00Z'), 120, cal);
  assert.equal(r.dueMs, Date.parse('2026-03-08T14:00:00Z'));
  assert.equal(isWorkingTime(Date.parse('2026-03-08T13:00:00Z'), cal), true); // 09:00 EDT
  assert.equal(isWorkingTime(Date.parse('2026-03-08T12:59:00Z'), cal), false);
});

test('deadlines across the Berlin fall-back night keep local wall-clock hours', () => {
  const cal = everyDay([{ start: '09:00', end: '17:00' }], 'Europe/Berlin');
  // Sat 16:00 CEST (14:00Z) + 2 h -> Sun 10:00 CET = 09:00Z.
  assert.equal(addBusinessMinutes(Date.parse('2026-10-24T14:00:00Z'), 120, cal).dueMs, Date.parse('2026-10-25T09:00:00Z'));
});

test('across DST weeks, a week of 09:00–17:00 Mon–Fri is always 40 h', () => {
  for (const zone of ['America/New_York', 'Europe/Berlin']) {
    const nineToFive = [{ start: '09:00', end: '17:00' }];
    const cal: BusinessCalendar = { ...everyDay(nineToFive, zone), weekly: [[], nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, []] };
    fc.assert(fc.property(fc.integer({ min: 0, max: 51 }), (week) => {
      // Sundays 12:00Z are off-hours in both zones: a clean cut between weeks.
      const sunday = Date.parse('2026-01-04T12:00:00Z') + week * 7 * 24 * H;
      assert.equal(businessMinutesBetween(sunday, sunday + 7 * 24 * H, cal), 5 * 480);
    }), { numRuns: 52 });
  }
});

test('near every 2026 transition: inverse and additive hold, dues agree with Intl wall time', () => {
  const segs = [{ start: '00:00', end: '04:00' }, { start: '09:00', end: '17:00' }, { start: '22:00', end: '24:00' }];
  const transitions: [string, string][] = [
    ['America/New_York', '2026-03-08T07:00:00Z'], ['America/New_York', '2026-11-01T06:00:00Z'],
    ['Europe/Berlin', '2026-03-29T01:00:00Z'], ['Europe/Berlin', '2026-10-25T01:00:00Z'],
  ];
  for (const [zone, at] of transitions) {
    const cal = everyDay(segs, zone);
    const hourOf = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', hour: '2-digit' });
    const t0 = Date.parse(at);
    fc.assert(fc.property(fc.integer({ min: -36 * 60, max: 36 * 60 }), fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 900 }), (off, a, b) => {
      const s = t0 + off * 60_000;
      const da = addBusinessMinutes(s, a, cal).dueMs;
      assert.equal(businessMinutesBetween(s, da, cal), a);
      assert.equal(addBusinessMinutes(da, b, cal).dueMs, addBusinessMinutes(s, a + b, cal).dueMs);
      if (a > 0) {
        const h = Number(hourOf.format(da - 1));
        assert.ok(h < 4 || (h >= 9 && h < 17) || h >= 22, `${zone} ${new Date(da).toISOString()} local hour ${h}`);
      }
    }), { numRuns: 150 });
  }
});
