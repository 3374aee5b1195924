import type { Config } from '../config/config.ts';
import { createContext } from '../runtime.ts';
import { UsageError } from '../cli.ts';
import { rebuildSimilarIndex } from '../similar/rebuild-similar-index.ts';

/** `gongdan similar reindex`: rebuilds the similar-case index; progress on stderr, one JSON summary line on stdout. */
export async function runSimilar(config: Readonly<Config>, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'reindex' || rest.length > 0) throw new UsageError('usage: similar reindex');
  const ctx = await createContext(config);
  try {
    const summary = await rebuildSimilarIndex(ctx, (line) => process.stderr.write(`similar reindex: ${line}\n`));
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return 0;
  } finally {
    await ctx.database.close();
  }
}
