import type { AdminChainProblem } from '@gongdan/domain/audit/admin-change';
import { createAuditVerifier, type AuditProblem, type AuditVerification } from '@gongdan/domain/audit/audit-verifier';
import { verifyAdminChanges } from '../admin-changes/verify-admin-changes.ts';
import type { AppContext } from '../app-context.ts';
import { listCheckpoints, orphanChainIds, recordsOfTickets, ticketHeadsAfter } from './audit.repository.ts';
import { readAuditAnchor } from './audit-anchor.ts';

const BATCH = 500;

/**
 * Verifies every chain, head and checkpoint, streaming tickets in batches so a database of a
 * million tickets verifies in bounded memory. Pure checks live in the domain verifier.
 */
/** Ticket audit verdict plus the admin change log's (whose problem kinds start with `admin_`). */
export type FullVerification = Omit<AuditVerification, 'firstBroken'> & {
  firstBroken: AuditProblem | (AdminChainProblem & { ticketId: null }) | null;
  adminChanges: number;
};

export async function verifyAudit(ctx: AppContext): Promise<FullVerification> {
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
  const tickets = verifier.finish();
  // The admin change log is a chain of its own under the same key (ADR 026); one verdict covers both.
  const admin = await verifyAdminChanges(ctx);
  const adminBroken = admin.firstBroken ? { ...admin.firstBroken, ticketId: null } : null;
  return {
    ...tickets,
    ok: tickets.ok && admin.ok,
    firstBroken: tickets.firstBroken ?? adminBroken,
    problemCount: tickets.problemCount + admin.problemCount,
    adminChanges: admin.records,
  };
}
