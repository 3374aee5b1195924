#!/usr/bin/env node
// Entry point of the `gongdan` binary. TypeScript sources run through tsx's loader, so there is
// nothing to build for the server; the web bundle is built by `npm install` (postinstall).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
