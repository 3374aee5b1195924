#!/usr/bin/env -S node --max-semi-space-size=8
// The runtime flag above is part of the product: V8's young generation grows to 16 MB semi-spaces
// under load by default, and with 8 MB a 1M-ticket server under 900 creates/s peaked 70 MB lower
// at no CPU cost (ADR 024). `npm start`, `npx gongdan` and the benchmarks run this file as an
// executable, so the flag applies; `node apps/server/bin/gongdan.mjs` bypasses it.
// Entry point of the `gongdan` binary. TypeScript sources run through tsx's loader, so there is
// nothing to build for the server; the web bundle is built by `npm install` (postinstall).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
