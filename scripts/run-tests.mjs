#!/usr/bin/env node
// Runs every *.test.ts in the workspaces with node:test (through tsx) and ends with the plain
// "N passed, N failed" line that CI reads. Browser tests (*.browser.test.ts) run in a second,
// serial pass because two Chromium instances on a 2-core machine only slow each other down.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = ['packages', 'apps'];
const skip = new Set(['node_modules', 'dist', 'data', '.tmp']);
const filter = process.argv.slice(2);

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(relative(root, path));
  }
  return out;
}

const all = roots.flatMap((r) => collect(join(root, r), [])).sort()
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)));
const browser = all.filter((f) => f.includes('.browser.test.'));
const plain = all.filter((f) => !browser.includes(f));

function run(files, concurrency) {
  return new Promise((resolve) => {
    if (files.length === 0) return resolve({ pass: 0, fail: 0, code: 0 });
    const args = ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, '--test-timeout=300000', ...files];
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'inherit'] });
    // The whole report is kept: the summary lines come before the list of failures, which can be long.
    let report = '';
    child.stdout.on('data', (chunk) => { process.stdout.write(chunk); report += chunk.toString(); });
    child.on('close', (code) => {
      const num = (label) => Number([...report.matchAll(new RegExp(`^ℹ ${label} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
      resolve({ pass: num('pass'), fail: num('fail') + num('cancelled'), code: code ?? 1 });
    });
  });
}

const a = await run(plain, 2);
const b = await run(browser, 1);
const pass = a.pass + b.pass;
const fail = a.fail + b.fail + (a.code !== 0 && a.fail === 0 ? 1 : 0) + (b.code !== 0 && b.fail === 0 ? 1 : 0);
console.log(`\n${pass} passed, ${fail} failed`);
process.exit(fail > 0 || pass === 0 ? 1 : 0);
