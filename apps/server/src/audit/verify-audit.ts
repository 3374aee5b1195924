import { createAuditVerifier, type AuditVerification } from '@gongdan/domain/audit/audit-verifier';
import type { AppContext } from '../app-context.ts';
import { listCheckpoints, orphanChainIds, recordsOfTickets, ticketHeadsAfter } from './audit.repository.ts';
import { readAuditAnchor } from './audit-anchor.ts';

const BATCH = 500;

/**
 * Verifies every chain, head and checkpoint, streaming tickets in batches so a database of a
 * million tickets verifies in bounded memory. Pure checks live in the domain verifier.
 */
export async function verifyAudit(ctx: AppContext): Promise<AuditVerification> {
  const db = ctx.database.db;
  const anchor = readAuditAnchor(ctx.config.dataDir);
  const verifier = createAuditVerifier(ctx.auditMac, anchor ? { anchor } : {});
  for (const cp of await listCheckpoints(db)) verifier.checkpoint(cp);
  let after: string | null = null;
  for (;;) {
    const heads = await ticketHeadsAfter(db, after, BATCH);
    if (heads.length === 0) break;
    const records = await recordsOfTickets(db, heads.map((h) => h.id));
    let i = 0;
    for (const head of heads) {
      verifier.beginTicket(head.id, head);
      while (i < records.length && (records[i] as { ticket_id: string }).ticket_id === head.id) verifier.record(records[i++] as never);
      verifier.endTicket();
    }
    after = (heads[heads.length - 1] as { id: string }).id;
  }
  for (const id of await orphanChainIds(db)) {
    verifier.beginTicket(id, null);
    for (const r of await recordsOfTickets(db, [id])) verifier.record(r);
    verifier.endTicket();
  }
  return verifier.finish();
}
