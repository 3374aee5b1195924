import type { SopDocumentDtoT } from '@gongdan/contracts/field';
import type { AppContext } from '../app-context.ts';
import { presentSops } from './sop.presenter.ts';
import { listSopRows, type SopFilter } from './sop.repository.ts';

/** A page of SOP documents by id; the caller restricts `status` for those who may not see drafts. */
export async function listSops(ctx: AppContext, q: SopFilter & { limit: number }): Promise<{ items: SopDocumentDtoT[]; nextCursor: string | null }> {
  const db = ctx.database.db;
  // One row more than asked tells whether there is a next page.
  const rows = await listSopRows(db, q, q.limit + 1);
  const items = rows.slice(0, q.limit);
  return { items: await presentSops(db, items), nextCursor: rows.length > q.limit ? (items[items.length - 1]?.id ?? null) : null };
}
