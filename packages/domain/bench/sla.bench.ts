// SLA deadline throughput through the shipped Chinese default calendar.
// Run: npm run bench:sla  (node --import tsx packages/domain/bench/sla.bench.ts)
//
// Workload: random starts over 2026 (any minute, in or out of working time) and typical SLA
// budgets of 30 min to 3 business days (1,350 min at 7.5 h/day). Inputs are generated up front
// with a fixed-seed PRNG so runs are comparable; only the calls themselves are timed.
import { performance } from 'node:perf_hooks';
import { addBusinessMinutes, businessMinutesBetween } from '../src/sla/business-time.ts';
import { defaultBusinessCalendar } from '../src/sla/shipped-calendars.ts';

const TARGET_PER_SECOND = 200_000;
const N = 200_000;
const ROUNDS = 5;
const cal = defaultBusinessCalendar();
const bj = (local: string): number => Date.parse(`${local}:00+08:00`);
const fmt = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);

// Known answers first: a fast wrong engine is worthless.
const known: [string, number, string, boolean][] = [
  ['2026-02-13T17:00', 120, '2026-02-14T10:00', false], // into the 调休 Saturday
  ['2026-03-06T17:00', 60, '2026-03-06T18:00', false], // ends exactly at segment end
  ['2026-03-02T11:30', 30, '2026-03-02T12:00', false],
  ['2026-03-02T11:30', 31, '2026-03-02T13:31', false], // lunch break skipped
  ['2026-02-17T10:00', 60, '2026-02-24T10:00', false], // start inside Spring Festival
  ['2026-12-31T17:00', 120, '2027-01-01T10:00', true], // 2027: no data, ordinary week assumed and flagged
];
let allKnown = true;
for (const [start, minutes, expected, uncovered] of known) {
  const r = addBusinessMinutes(bj(start), minutes, cal);
  const back = businessMinutesBetween(bj(start), r.dueMs, cal);
  const good = fmt(r.dueMs) === expected && r.uncovered === uncovered && back === minutes;
  allKnown &&= good;
  console.log(`${good ? 'ok  ' : 'FAIL'} ${start} +${minutes} min -> ${fmt(r.dueMs)}${r.uncovered ? ' (uncovered)' : ''}; expected ${expected}; between=${back}`);
}

let seed = 20260214;
const rand = (): number => {
  // mulberry32: tiny, deterministic, good enough for spreading inputs.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const yearStart = bj('2026-01-01T00:00');
const starts = new Float64Array(N);
const minutes = new Float64Array(N);
for (let i = 0; i < N; i++) {
  starts[i] = yearStart + Math.floor(rand() * 365 * 1440) * 60_000;
  minutes[i] = 30 + Math.floor(rand() * (1350 - 30 + 1));
}
const dues = new Float64Array(N);

function measure(label: string, body: () => number): number {
  let best = 0;
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    sink += body();
    const perSecond = N / ((performance.now() - t0) / 1000);
    if (round > 0) best = Math.max(best, perSecond); // round 0 warms the JIT and day-plan cache
  }
  console.log(`${label}: ${Math.round(best).toLocaleString('en-US')} computations/s (best of ${ROUNDS - 1}, checksum ${sink % 997})`);
  return best;
}

const addRate = measure('addBusinessMinutes', () => {
  let uncovered = 0;
  for (let i = 0; i < N; i++) {
    const r = addBusinessMinutes(starts[i]!, minutes[i]!, cal);
    dues[i] = r.dueMs;
    if (r.uncovered) uncovered++;
  }
  return uncovered;
});
const betweenRate = measure('businessMinutesBetween', () => {
  let mismatches = 0;
  for (let i = 0; i < N; i++) if (businessMinutesBetween(starts[i]!, dues[i]!, cal) !== minutes[i]) mismatches++;
  return mismatches;
});

// Cold: a different calendar object per call (e.g. re-read from the database every time) misses
// the per-object day-plan cache and pays for compiling and Intl lookups again.
const COLD = 2_000;
const copies = Array.from({ length: COLD }, () => ({ ...cal }));
const c0 = performance.now();
for (let i = 0; i < COLD; i++) addBusinessMinutes(starts[i]!, minutes[i]!, copies[i]!);
const coldRate = COLD / ((performance.now() - c0) / 1000);
console.log(`addBusinessMinutes, cold (new calendar object each call): ${Math.round(coldRate).toLocaleString('en-US')} computations/s`);

let inverseOk = true;
for (let i = 0; i < N; i++) if (businessMinutesBetween(starts[i]!, dues[i]!, cal) !== minutes[i]) inverseOk = false;
console.log(`inverse check over ${N.toLocaleString('en-US')} random cases: ${inverseOk ? 'ok' : 'FAIL'}`);

const pass = allKnown && inverseOk && addRate >= TARGET_PER_SECOND && betweenRate >= TARGET_PER_SECOND;
console.log(`${pass ? 'PASS' : 'FAIL'}: target ${TARGET_PER_SECOND.toLocaleString('en-US')}/s`);
process.exitCode = pass ? 0 : 1;
