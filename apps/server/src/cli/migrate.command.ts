import type { Config } from '../config/config.ts';
import { createContext } from '../runtime.ts';

export async function runMigrate(config: Readonly<Config>): Promise<number> {
  const ctx = await createContext(config);
  await ctx.database.close();
  process.stdout.write('schema is up to date\n');
  return 0;
}
