import type { Config } from '../config/config.ts';
import { createContext } from '../runtime.ts';
import { verifyAudit } from '../audit/verify-audit.ts';
import { createAuditCheckpoint } from '../audit/create-checkpoint.ts';
import { UsageError } from '../cli.ts';

/** `gongdan audit verify|checkpoint`. verify exits 1 and names the first broken record. */
export async function runAudit(config: Readonly<Config>, args: string[]): Promise<number> {
  const [sub] = args;
  if (sub !== 'verify' && sub !== 'checkpoint') throw new UsageError('usage: audit verify | audit checkpoint');
  const ctx = await createContext(config);
  try {
    if (sub === 'checkpoint') {
      const cp = await createAuditCheckpoint(ctx);
      process.stdout.write(`${JSON.stringify(cp ?? { seq: null, heads: 0 })}\n`);
      return 0;
    }
    const v = await verifyAudit(ctx);
    process.stdout.write(`${JSON.stringify({ ok: v.ok, records: v.records, tickets: v.tickets, checkpoints: v.checkpoints, adminChanges: v.adminChanges, firstBroken: v.firstBroken })}\n`);
    if (!v.ok && v.firstBroken) {
      const b = v.firstBroken;
      process.stderr.write(`audit chain broken: ${b.kind} at ticket ${b.ticketId ?? '-'} record ${b.recordId ?? '-'} seq ${b.seq ?? '-'}: ${b.detail}\n`);
    }
    return v.ok ? 0 : 1;
  } finally {
    await ctx.database.close();
  }
}
