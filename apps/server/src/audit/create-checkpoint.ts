import { buildCheckpoint, FIRST_CHECKPOINT_PREV_HASH } from '@gongdan/domain/audit/audit-checkpoint';
import type { AppContext } from '../app-context.ts';
import { newId } from '../shared/ids.ts';
import { headsSinceCheckpoint, lastCheckpoint } from './audit.repository.ts';
import { writeAuditAnchor } from './audit-anchor.ts';

const MAX_HEADS = 50_000;

/**
 * Seals the heads of every chain that grew since the previous checkpoint into a new, chained
 * checkpoint. Writers never wait on it: it only reads heads and marks them checkpointed.
 * Returns null when nothing changed.
 */
export async function createAuditCheckpoint(ctx: AppContext): Promise<{ seq: number; heads: number } | null> {
  const db = ctx.database.db;
  const sealed = await db.transaction().execute(async (trx) => {
    const heads = await headsSinceCheckpoint(trx, MAX_HEADS);
    if (heads.length === 0) return null;
    const prev = await lastCheckpoint(trx);
    const now = ctx.clock.now();
    const row = buildCheckpoint({
      id: newId(now.getTime()), seq: (prev?.seq ?? 0) + 1, at: now.toISOString(),
      prevHash: prev?.hash ?? FIRST_CHECKPOINT_PREV_HASH, heads: heads.map((h) => [h.id, h.audit_seq, h.audit_head] as const),
    }, ctx.auditMac);
    await trx.insertInto('audit_checkpoints').values(row).execute();
    for (const h of heads) {
      // Only this seq is marked: a chain that grew meanwhile stays due for the next checkpoint.
      await trx.updateTable('tickets').set({ audit_checkpoint_seq: h.audit_seq }).where('id', '=', h.id).where('audit_seq', '=', h.audit_seq).execute();
    }
    return { seq: row.seq, hash: row.hash, heads: heads.length };
  });
  if (!sealed) return null;
  writeAuditAnchor(ctx.config.dataDir, { seq: sealed.seq, hash: sealed.hash });
  return { seq: sealed.seq, heads: sealed.heads };
}
