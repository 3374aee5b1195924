import { createAdminChangeVerifier } from '@gongdan/domain/audit/admin-change';
import type { AppContext } from '../app-context.ts';
import { adminChangesAfter, readAdminChangeHead } from './admin-change.repository.ts';

const BATCH = 1000;

/** Verifies the admin change chain and its head, a page at a time (ADR 026). */
export async function verifyAdminChanges(ctx: AppContext) {
  const db = ctx.database.db;
  // Read the head first: a change committed while we page only makes the chain longer than the head claims.
  const head = await readAdminChangeHead(db);
  const verifier = createAdminChangeVerifier(ctx.auditMac);
  let after = 0;
  for (;;) {
    const rows = await adminChangesAfter(db, after, BATCH);
    for (const row of rows) if (head === null || row.seq <= head.seq) verifier.record(row);
    const last = rows[rows.length - 1];
    if (!last || (head !== null && last.seq >= head.seq)) break;
    after = last.seq;
  }
  return verifier.finish(head);
}
