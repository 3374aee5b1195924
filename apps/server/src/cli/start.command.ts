import type { Config } from '../config/config.ts';
import { createContext, ROLES, type ServerRole, startRuntime } from '../runtime.ts';
import { seedDemoIfEmpty, DEMO_LOGINS, DEMO_PASSWORD } from '../demo/seed-demo.ts';
import { UsageError } from '../cli.ts';
import { lockDataDir } from '../storage/data-dir-lock.ts';

/** `gongdan start`: migrate, seed the demo on first start when asked, serve until a signal. */
export async function runStart(config: Readonly<Config>, rolesArg: string | undefined, demoDefault: boolean): Promise<number> {
  const roles = (rolesArg ?? ROLES.join(',')).split(',').map((r) => r.trim()).filter(Boolean);
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length || roles.length === 0) throw new UsageError(`unknown role(s): ${bad.join(', ') || '(none)'}; use ${ROLES.join(',')}`);
  // Postgres coordinates several nodes itself; the embedded database belongs to one process.
  const release = config.database.kind === 'sqlite' ? lockDataDir(config.dataDir) : () => {};
  try {
    return await serve(config, roles as ServerRole[], demoDefault);
  } finally {
    release();
  }
}

async function serve(config: Readonly<Config>, roles: ServerRole[], demoDefault: boolean): Promise<number> {
  const ctx = await createContext(config);
  const demo = config.demo ?? demoDefault;
  let seeded = false;
  if (demo) seeded = await seedDemoIfEmpty(ctx);
  const runtime = await startRuntime(ctx, roles);
  const shown = config.publicUrl;
  process.stdout.write(`\nGongdan 工单 is running: ${shown}\n  API docs: ${shown}/api/docs\n  roles: ${roles.join(', ')}; database: ${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL'}\n`);
  if (demo) {
    process.stdout.write(`${seeded ? '  Demo data loaded.' : '  Demo data present.'} Demo logins (password ${DEMO_PASSWORD}):\n`);
    for (const l of DEMO_LOGINS) process.stdout.write(`    ${l.email.padEnd(26)} ${l.role}\n`);
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      ctx.log.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await runtime.stop();
  return 0;
}
