import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCalendar } from './calendar-validation.ts';
import { defaultBusinessCalendar, twentyFourSevenCalendar } from './shipped-calendars.ts';

const office = [{ start: '13:30', end: '18:00' }, { start: '09:00', end: '12:00' }];
const valid = {
  id: 'acme', name: 'Acme 广州', mode: 'business',
  weekly: [[], office, office, office, office, office, []],
  exceptions: [
    { date: '2026-05-09', kind: 'workday', name: '劳动节调休' },
    { date: '2026-05-01', kind: 'holiday', name: '劳动节' },
  ],
  coverage: [2026, 2025, 2026],
};

const issuesOf = (input: unknown): string[] => {
  const r = validateCalendar(input);
  assert.equal(r.ok, false, 'expected invalid');
  if (r.ok) return [];
  assert.equal(r.error.kind, 'invalid_calendar');
  for (const i of r.error.issues) assert.ok(i.message.zh.length > 0 && i.message.en.length > 0);
  return r.error.issues.map((i) => i.path);
};

test('a valid calendar is normalised: default zone, sorted segments and exceptions, unique coverage', () => {
  const r = validateCalendar(valid);
  assert.ok(r.ok);
  assert.equal(r.value.timeZone, 'Asia/Shanghai');
  assert.deepEqual(r.value.weekly[1], [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }]);
  assert.deepEqual(r.value.exceptions.map((e) => e.date), ['2026-05-01', '2026-05-09']);
  assert.deepEqual(r.value.coverage, [2025, 2026]);
});

test('the shipped calendars validate and survive a JSON round trip', () => {
  for (const cal of [defaultBusinessCalendar(), twentyFourSevenCalendar()]) {
    const r = validateCalendar(JSON.parse(JSON.stringify(cal)));
    assert.ok(r.ok, JSON.stringify(r.ok ? null : r.error.issues.slice(0, 3)));
    assert.deepEqual(r.value, JSON.parse(JSON.stringify(cal)));
  }
});

test('overlapping, inverted and malformed segments are reported with their paths', () => {
  const weekly = [[], [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }], [{ start: '18:00', end: '09:00' }],
    [{ start: '9:00', end: '12:00' }], [{ start: '24:00', end: '24:00' }], [{ start: '08:00', end: '24:01' }], []];
  assert.deepEqual(issuesOf({ ...valid, weekly }), ['weekly.1[1]', 'weekly.2[0].end', 'weekly.3[0].start', 'weekly.4[0].start', 'weekly.5[0].end']);
});

test('touching segments (end == next start) are allowed; 24:00 is a valid end', () => {
  const day = [{ start: '00:00', end: '12:00' }, { start: '12:00', end: '24:00' }];
  assert.ok(validateCalendar({ ...valid, weekly: [day, day, day, day, day, day, day] }).ok);
});

test('bad time zone, mode, weekly length and an all-empty business week are rejected', () => {
  assert.deepEqual(issuesOf({ ...valid, timeZone: 'Asia/Beijing' }), ['timeZone']);
  assert.deepEqual(issuesOf({ ...valid, mode: 'always' }), ['mode']);
  assert.deepEqual(issuesOf({ ...valid, weekly: [[], []] }), ['weekly']);
  assert.deepEqual(issuesOf({ ...valid, weekly: [[], [], [], [], [], [], []] }), ['weekly']);
  assert.ok(validateCalendar({ ...valid, mode: '24x7', weekly: [[], [], [], [], [], [], []] }).ok);
  assert.deepEqual(issuesOf({ ...valid, id: ' ', name: 3 }), ['id', 'name']);
  assert.deepEqual(issuesOf(null), ['']);
});

test('bad exception dates, kinds, duplicates and misplaced segments are rejected', () => {
  const exceptions = [
    { date: '2026-02-30', kind: 'holiday' },
    { date: '2026-13-01', kind: 'holiday' },
    { date: '2026-03-01', kind: 'vacation' },
    { date: '2026-03-02', kind: 'holiday', segments: [{ start: '09:00', end: '10:00' }] },
    { date: '2026-03-03', kind: 'custom_hours' },
    { date: '2026-03-04', kind: 'workday', asWeekday: 7 },
    { date: '2026-03-05', kind: 'closure' },
    { date: '2026-03-05', kind: 'holiday' },
  ];
  assert.deepEqual(issuesOf({ ...valid, exceptions }), [
    'exceptions[0].date', 'exceptions[1].date', 'exceptions[2].kind', 'exceptions[3].segments',
    'exceptions[4].segments', 'exceptions[5].asWeekday', 'exceptions[7].date',
  ]);
});

test('coverage must hold plausible integer years', () => {
  assert.deepEqual(issuesOf({ ...valid, coverage: [2026, 26.5, 1900] }), ['coverage[1]', 'coverage[2]']);
});
