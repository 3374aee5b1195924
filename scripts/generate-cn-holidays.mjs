#!/usr/bin/env node
// Generates packages/domain/src/sla/cn-statutory-days.ts from the `chinese-days` npm package.
//
// Why generate instead of importing at runtime: packages/domain is pure (no IO, no npm data
// packages that may change under us), the browser PWA needs the same data offline, and a
// committed file makes every change of the official schedule visible in review.
//
// Usage (from the repo root), once the State Council publishes next year's schedule and
// chinese-days has released it:
//   npm install -D chinese-days@latest && node scripts/generate-cn-holidays.mjs
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const pkgJsonPath = require.resolve('chinese-days/package.json');
const { version } = JSON.parse(readFileSync(pkgJsonPath, 'utf8'));
const data = require('chinese-days/dist/chinese-days.json');
const out = new URL('../packages/domain/src/sla/cn-statutory-days.ts', import.meta.url);

// chinese-days encodes each date as "English name,中文名,index". Some names contain commas in
// neither language today, but split defensively: the last field is the index.
function parseLabel(label) {
  const parts = label.split(',');
  parts.pop();
  const zh = parts.pop();
  return { en: parts.join(','), zh };
}

/** year -> festival (zh) -> { en, off: string[], work: string[] } keeping first-seen order by date */
const years = new Map();
function add(date, label, field) {
  const year = Number(date.slice(0, 4));
  const { en, zh } = parseLabel(label);
  if (!years.has(year)) years.set(year, new Map());
  const festivals = years.get(year);
  if (!festivals.has(zh)) festivals.set(zh, { en, off: [], work: [] });
  festivals.get(zh)[field].push(date.slice(5));
}
const byDate = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
for (const [date, label] of Object.entries(data.holidays).sort(byDate)) add(date, label, 'off');
for (const [date, label] of Object.entries(data.workdays).sort(byDate)) add(date, label, 'work');

const dayOfYear = (year, mmdd) => Date.UTC(year, Number(mmdd.slice(0, 2)) - 1, Number(mmdd.slice(3))) / 86_400_000;

// Compress consecutive dates into "MM-DD..MM-DD" so a year fits on a few readable lines.
function ranges(year, dates) {
  const sorted = [...dates].sort();
  const result = [];
  let first = null;
  let last = null;
  for (const d of sorted) {
    if (last !== null && dayOfYear(year, d) === dayOfYear(year, last) + 1) { last = d; continue; }
    if (first !== null) result.push(first === last ? first : `${first}..${last}`);
    first = d;
    last = d;
  }
  if (first !== null) result.push(first === last ? first : `${first}..${last}`);
  return result;
}

const q = (s) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const list = (xs) => `[${xs.map(q).join(', ')}]`;

const lines = [];
lines.push('// GENERATED FILE: do not edit by hand.');
lines.push(`// Source: the chinese-days npm package, version ${version} (State Council 国务院办公厅 holiday notices).`);
lines.push('// Regenerate after a new yearly notice (usually published in November):');
lines.push('//   npm install -D chinese-days@latest && node scripts/generate-cn-holidays.mjs');
lines.push('// Then check the new year against gov.cn and extend the tests in cn-statutory-schedule.test.ts.');
lines.push('');
lines.push('/** One festival period of one year: days off and the make-up workdays (调休) that pay for them. */');
lines.push('export interface CnStatutoryPeriod {');
lines.push('  readonly zh: string;');
lines.push('  readonly en: string;');
lines.push('  /** Days off, as "MM-DD" or an inclusive range "MM-DD..MM-DD", within the keyed year. */');
lines.push('  readonly off: readonly string[];');
lines.push('  /** Make-up workdays (usually a Saturday or Sunday), same notation. */');
lines.push('  readonly work: readonly string[];');
lines.push('}');
lines.push('');
lines.push(`/** The package and version the data below came from. */`);
lines.push(`export const CN_STATUTORY_SOURCE = ${q(`chinese-days@${version}`)};`);
lines.push('');
lines.push('/** Official schedule keyed by calendar year (the year of each date, not of the festival). */');
lines.push('export const CN_STATUTORY_DAYS: Readonly<Record<number, readonly CnStatutoryPeriod[]>> = {');
for (const year of [...years.keys()].sort((a, b) => a - b)) {
  lines.push(`  ${year}: [`);
  for (const [zh, f] of years.get(year)) {
    lines.push(`    { zh: ${q(zh)}, en: ${q(f.en)}, off: ${list(ranges(year, f.off))}, work: ${list(ranges(year, f.work))} },`);
  }
  lines.push('  ],');
}
lines.push('};');
lines.push('');
writeFileSync(out, lines.join('\n'));
console.log(`wrote ${out.pathname}: ${years.size} years from chinese-days@${version}`);
