#!/usr/bin/env node
// Prints the gzip size of what each entry page loads before any route chunk: the entry script
// plus every <link rel="modulepreload"> and stylesheet in its HTML (what the browser fetches on
// first paint). Route chunks are listed separately. Fails when the desk's initial JS is over budget.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const BUDGET_KB = 350;
if (!existsSync(join(dist, 'index.html'))) {
  console.error('apps/web/dist is missing: run `npm run build -w @gongdan/web` first');
  process.exit(1);
}
const kb = (n) => (n / 1024).toFixed(1);
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

function initialAssets(html) {
  const refs = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(refs)];
}

const entries = [['desk', 'index.html'], ['field (/m)', 'm/index.html'], ['customer (/c)', 'c/index.html']]
  .filter(([, f]) => existsSync(join(dist, f)));
let failed = false;
const initial = new Set();
for (const [name, file] of entries) {
  const assets = initialAssets(readFileSync(join(dist, file), 'utf8'));
  let js = 0;
  let css = 0;
  for (const a of assets) {
    initial.add(a);
    if (a.endsWith('.js')) js += gz(a); else css += gz(a);
  }
  const over = name === 'desk' && js / 1024 > BUDGET_KB;
  failed ||= over;
  console.log(`${name.padEnd(14)} initial JS ${kb(js).padStart(7)} KB gzip (${assets.filter((a) => a.endsWith('.js')).length} files), CSS ${kb(css)} KB gzip${name === 'desk' ? ` — budget ${BUDGET_KB} KB ${over ? 'EXCEEDED' : 'ok'}` : ''}`);
}
const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`))
  .map((f) => [f, gz(`assets/${f}`)]).sort((a, b) => b[1] - a[1]);
const total = lazy.reduce((s, [, n]) => s + n, 0);
console.log(`lazy chunks    ${lazy.length} files, ${kb(total)} KB gzip in total; largest:`);
for (const [f, n] of lazy.slice(0, 8)) console.log(`  ${f.padEnd(44)} ${kb(n).padStart(7)} KB`);
process.exit(failed ? 1 : 0);
