import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkExecutability, nextFreeSlots, type ExecutabilityFacts } from './executability.ts';

const base = (over: Partial<ExecutabilityFacts> = {}): ExecutabilityFacts => ({
  now: '2026-11-26T02:00:00.000Z', // 10:00 Beijing
  checks: ['parts', 'load', 'appointment'],
  partsNeeded: [],
  reservedForTicket: {},
  vanStock: {},
  otherStock: [],
  substitutes: {},
  load: { openOrders: 1, limit: 5 },
  appointment: { start: '2026-11-26T01:00:00.000Z', end: '2026-11-26T04:00:00.000Z' },
  otherVisits: [],
  confirmAppointmentChange: false,
  otherEngineers: [],
  ...over,
});
const fuser = { partId: 'p1', partNo: 'FU-200', name: '定影组件', qty: 1 };

test('all checks pass: parts in the van, capacity left, inside the window', () => {
  const r = checkExecutability(base({ partsNeeded: [fuser], vanStock: { p1: 2 } }));
  assert.equal(r.ok, true);
  assert.deepEqual(r.checks.map((c) => [c.id, c.ok]), [['parts', true], ['load', true], ['appointment', true]]);
  assert.deepEqual(r.failures, []);
});

test('a part missing from the van fails with reserve-from-warehouse (nearest first) and substitute alternatives', () => {
  const r = checkExecutability(base({
    partsNeeded: [fuser],
    otherStock: [
      { warehouseId: 'w-central', warehouseName: '中心仓', warehouseKind: 'central', partId: 'p1', available: 20, distanceKm: 30 },
      { warehouseId: 'w-south', warehouseName: '华南区域仓', warehouseKind: 'regional', partId: 'p1', available: 3, distanceKm: 8 },
      { warehouseId: 'w-empty', warehouseName: '空仓', warehouseKind: 'regional', partId: 'p1', available: 0, distanceKm: 1 },
      { warehouseId: 'w-central', warehouseName: '中心仓', warehouseKind: 'central', partId: 'p2', available: 5, distanceKm: 30 },
    ],
    substitutes: { p1: [{ partId: 'p2', partNo: 'FU-200B', name: '定影组件（兼容）' }] },
  }));
  assert.equal(r.ok, false);
  const parts = r.checks.find((c) => c.id === 'parts')!;
  assert.equal(parts.ok, false);
  assert.match(parts.message, /定影组件（FU-200）缺 1/);
  assert.deepEqual(parts.alternatives.map((a) => a.kind === 'reserve_from_warehouse' || a.kind === 'substitute_part' ? `${a.kind}:${a.warehouseId}` : a.kind),
    ['reserve_from_warehouse:w-south', 'reserve_from_warehouse:w-central', 'substitute_part:w-central']);
  assert.deepEqual(r.failures, ['parts_missing:FU-200']);
});

test('a reservation for the ticket covers the need even when the van is empty', () => {
  const r = checkExecutability(base({ partsNeeded: [{ ...fuser, qty: 2 }], reservedForTicket: { p1: 1 }, vanStock: { p1: 1 } }));
  assert.equal(r.ok, true);
});

test('load at the limit fails and offers engineers with capacity only', () => {
  const r = checkExecutability(base({
    load: { openOrders: 5, limit: 5 },
    otherEngineers: [
      { engineerId: 'e2', name: '李娜', score: 80, distanceKm: 2, openOrders: 1, loadLimit: 5, reasons: ['技能匹配：打印机'] },
      { engineerId: 'e3', name: '王强', score: 70, distanceKm: 3, openOrders: 5, loadLimit: 5, reasons: [] },
    ],
  }));
  const load = r.checks.find((c) => c.id === 'load')!;
  assert.equal(load.ok, false);
  assert.match(load.message, /已达上限（5\/5）/);
  assert.deepEqual(load.alternatives.map((a) => (a.kind === 'other_engineer' ? a.engineerId : a.kind)), ['e2']);
});

test('before the window fails with next free slots; confirming the change passes', () => {
  const early = base({ now: '2026-11-25T23:30:00.000Z' }); // 07:30 local, window 09:00–12:00
  const r = checkExecutability(early);
  const appt = r.checks.find((c) => c.id === 'appointment')!;
  assert.equal(appt.ok, false);
  assert.match(appt.message, /未到预约时间（11月26日 09:00–12:00）/);
  assert.ok(appt.alternatives.some((a) => a.kind === 'next_slot'));
  assert.deepEqual(r.failures, ['appointment_not_yet']);
  assert.equal(checkExecutability({ ...early, confirmAppointmentChange: true }).ok, true);
});

test('an overlap with another booked visit fails even with confirmation', () => {
  const r = checkExecutability(base({
    confirmAppointmentChange: true,
    otherVisits: [{ ticketId: 't2', number: 'GD-2', start: '2026-11-26T03:00:00.000Z', end: '2026-11-26T05:00:00.000Z' }],
  }));
  const appt = r.checks.find((c) => c.id === 'appointment')!;
  assert.equal(appt.ok, false);
  assert.match(appt.message, /GD-2/);
  for (const a of appt.alternatives) {
    if (a.kind !== 'next_slot') continue;
    assert.ok(Date.parse(a.end) <= Date.parse('2026-11-26T03:00:00.000Z') || Date.parse(a.start) >= Date.parse('2026-11-26T05:00:00.000Z'));
  }
});

test('only the configured checks run', () => {
  const r = checkExecutability(base({ checks: ['load'], partsNeeded: [fuser], appointment: { start: '2020-01-01T00:00:00Z', end: null } }));
  assert.equal(r.ok, true);
  assert.deepEqual(r.checks.map((c) => c.id), ['load']);
});

test('property: suggested slots are in working hours, in the future, ordered and never overlap a busy visit', () => {
  const busyArb = fc.array(fc.record({ startH: fc.integer({ min: 0, max: 72 }), lenH: fc.integer({ min: 1, max: 4 }) }), { maxLength: 8 });
  fc.assert(fc.property(fc.integer({ min: 0, max: 48 * 60 }), fc.integer({ min: 30, max: 240 }), busyArb, (fromMin, minutes, bs) => {
    const from = Date.parse('2026-11-26T00:00:00Z') + fromMin * 60_000;
    const busy = bs.map((b) => ({ start: Date.parse('2026-11-26T00:00:00Z') + b.startH * 3600_000, end: Date.parse('2026-11-26T00:00:00Z') + (b.startH + b.lenH) * 3600_000 }));
    const slots = nextFreeSlots(from, minutes, busy, 3);
    let prev = -Infinity;
    for (const s of slots) {
      const st = Date.parse(s.start);
      const en = Date.parse(s.end);
      assert.ok(st >= from && st > prev && en - st === minutes * 60_000);
      const localStartH = new Date(st + 8 * 3600_000).getUTCHours();
      assert.ok(localStartH >= 8 && (en - Date.parse(s.start.slice(0, 10) + 'T00:00:00Z')) >= 0);
      assert.ok(busy.every((b) => !(st < b.end && b.start < en)));
      prev = st;
    }
  }), { numRuns: 300 });
});

test('property: the outcome is ok exactly when every configured check is ok, and failures are empty then', () => {
  fc.assert(fc.property(fc.nat({ max: 3 }), fc.nat({ max: 3 }), fc.nat({ max: 6 }), fc.boolean(), (van, reserved, open, confirm) => {
    const r = checkExecutability(base({ partsNeeded: [{ ...fuser, qty: 2 }], vanStock: { p1: van }, reservedForTicket: { p1: reserved }, load: { openOrders: open, limit: 5 }, confirmAppointmentChange: confirm }));
    assert.equal(r.ok, r.checks.every((c) => c.ok));
    assert.equal(r.ok, r.failures.length === 0);
    assert.equal(r.checks.find((c) => c.id === 'parts')!.ok, van + reserved >= 2);
  }), { numRuns: 200 });
});
