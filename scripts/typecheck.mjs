#!/usr/bin/env node
// Type-checks every workspace project with its own tsconfig (the domain's forbids IO types).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = [
  'packages/domain/tsconfig.json', 'packages/domain/tsconfig.test.json',
  'packages/contracts/tsconfig.json', 'packages/text/tsconfig.json',
  'apps/server/tsconfig.json', 'apps/web/tsconfig.json', 'apps/web/e2e/tsconfig.json',
].filter((p) => existsSync(p));
let failed = false;
for (const p of projects) {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', p], { stdio: 'inherit' });
    console.error(`ok   ${p}`);
  } catch {
    failed = true;
    console.error(`FAIL ${p}`);
  }
}
process.exit(failed ? 1 : 0);
