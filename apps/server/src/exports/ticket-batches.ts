import type { TicketScope } from '@gongdan/domain/access/permissions';
import type { Kysely } from 'kysely';
import type { DB } from '../storage/tables.ts';
import { listTicketRows, loadTicketRefs, type ListedTicketRow, type TicketFilter, type TicketRefs, type TicketSortKey } from '../tickets/ticket.repository.ts';
import { sortValueOf } from '../tickets/ticket-query.ts';

/**
 * Every ticket matching the board's filters, in the board's order, a batch at a time: keyset
 * pages (the same query the board pages with), so memory stays flat however many rows there are.
 * Stops after `maxRows` even if tickets were added since they were counted.
 */
export async function* ticketBatches(
  db: Kysely<DB>, req: { filter: TicketFilter; scope: TicketScope; sort: { key: TicketSortKey; desc: boolean }; batchSize: number; maxRows: number },
): AsyncGenerator<{ rows: ListedTicketRow[]; refs: TicketRefs }> {
  let after: { value: string | number; id: string } | null = null;
  let sent = 0;
  while (sent < req.maxRows) {
    const limit = Math.min(req.batchSize, req.maxRows - sent);
    const page = await listTicketRows(db, { filter: req.filter, scope: req.scope, sort: req.sort, after, limit });
    const rows = page.slice(0, limit);
    if (rows.length === 0) return;
    yield { rows, refs: await loadTicketRefs(db, rows) };
    sent += rows.length;
    if (page.length <= limit) return;
    const last = rows[rows.length - 1] as ListedTicketRow;
    after = { value: sortValueOf(req.sort.key, last), id: last.id };
  }
}
