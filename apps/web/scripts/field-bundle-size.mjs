#!/usr/bin/env node
// Web half of `npm run bench:field`: what the field app (/m) downloads on first load (entry
// script + modulepreloads + CSS of dist/m/index.html), gzip level 9, against the 200 KB budget;
// what its service worker precaches for offline use; and a check that no desk library (antd,
// rc-*, @ant-design, dayjs, TanStack Query, react-router) leaked into those files.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const BUDGET_KB = 200;
if (!existsSync(join(dist, 'm/index.html')) || !existsSync(join(dist, 'm/sw.js'))) {
  console.error('apps/web/dist/m is missing: run `npm run build -w @gongdan/web` first');
  process.exit(1);
}
const kb = (n) => (n / 1024).toFixed(1);
const read = (f) => readFileSync(join(dist, f));
const gz = (f) => gzipSync(read(f), { level: 9 }).length;

const html = read('m/index.html').toString('utf8');
const initial = [...new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]))];
const sw = read('m/sw.js').toString('utf8');
const shell = JSON.parse(/const BUILD = (\{.*\});/.exec(sw)[1]).shell.filter((u) => u.startsWith('/assets/')).map((u) => u.slice(1));

const sum = (files, ext) => files.filter((f) => f.endsWith(ext)).reduce((s, f) => s + gz(f), 0);
const initialJs = sum(initial, '.js');
const initialCss = sum(initial, '.css');
const shellJs = sum(shell, '.js');

const LEAKS = [/\bant-btn\b/, /@ant-design/, /\brc-virtual-list\b/, /dayjs/, /QueryClient/, /createBrowserRouter|useNavigate/];
const leaked = [];
for (const f of shell.filter((x) => x.endsWith('.js'))) {
  const text = read(f).toString('utf8');
  for (const re of LEAKS) if (re.test(text)) leaked.push(`${f}: ${re}`);
}

const over = initialJs / 1024 > BUDGET_KB;
console.log(`field (/m) initial JS  ${kb(initialJs).padStart(6)} KB gzip in ${initial.filter((f) => f.endsWith('.js')).length} files — budget ${BUDGET_KB} KB ${over ? 'EXCEEDED' : 'ok'}`);
console.log(`field (/m) initial CSS ${kb(initialCss).padStart(6)} KB gzip`);
console.log(`service-worker shell   ${kb(shellJs).padStart(6)} KB gzip JS in ${shell.length} files (everything /m needs offline)`);
for (const f of initial) console.log(`  ${f.padEnd(48)} ${kb(gz(f)).padStart(6)} KB`);
console.log(leaked.length === 0 ? 'desk libraries in /m: none' : `desk libraries in /m: ${leaked.join(', ')}`);
process.exit(over || leaked.length > 0 ? 1 : 0);
