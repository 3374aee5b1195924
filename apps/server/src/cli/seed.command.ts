import type { Config } from '../config/config.ts';
import { createContext } from '../runtime.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';

export async function runSeed(config: Readonly<Config>): Promise<number> {
  const ctx = await createContext(config);
  try {
    const seeded = await seedDemoIfEmpty(ctx);
    process.stdout.write(seeded ? 'demo data loaded\n' : 'the database already has users; demo data not loaded\n');
    return seeded ? 0 : 1;
  } finally {
    await ctx.database.close();
  }
}
