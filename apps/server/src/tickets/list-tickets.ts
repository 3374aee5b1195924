import { can, ticketScope } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Locale } from '@gongdan/domain/shared/localized';
import type { TicketDtoT, TicketListQueryT } from '@gongdan/contracts/tickets';
import type { AppContext } from '../app-context.ts';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { listTicketRows, loadTicketRefs, type TicketSortKey } from './ticket.repository.ts';
import { toTicket } from './ticket.mapper.ts';
import { presentTicket } from './ticket.presenter.ts';
import { loadTicketSlaViews } from '../sla/ticket-sla-view.ts';
import { sortValueOf, ticketFilterOf } from './ticket-query.ts';

/** The board's query: filters, visibility scope, keyset pagination on (sort key, id). */
export async function listTickets(
  ctx: AppContext, actor: Actor, query: TicketListQueryT, locale: Locale,
): Promise<Result<{ items: TicketDtoT[]; nextCursor: string | null }, AppError>> {
  if (!can(actor, 'ticket.read')) return err({ kind: 'forbidden' });
  const desc = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as TicketSortKey;
  const decoded = query.cursor ? decodeCursor(query.cursor, query.sort) : null;
  // A forged cursor whose value has the wrong type for the sort key must not reach SQL (Postgres rejects text vs integer).
  const after = decoded && typeof decoded.value === (key === 'priority' ? 'number' : 'string') ? decoded : null;
  if (query.cursor && !after) {
    return err({ kind: 'validation', errors: [fieldIssue('cursor', '分页游标无效或与排序方式不符', 'The cursor is invalid or belongs to another sort order')] });
  }
  const db = ctx.database.db;
  const rows = await listTicketRows(db, {
    filter: ticketFilterOf(query, actor, ctx.clock.now()),
    scope: ticketScope(actor),
    sort: { key, desc },
    after,
    limit: query.limit,
  });
  const more = rows.length > query.limit;
  const pageRows = more ? rows.slice(0, query.limit) : rows;
  const [refs, workflow] = await Promise.all([loadTicketRefs(db, pageRows), getWorkflow(db)]);
  const slas = await loadTicketSlaViews(ctx, pageRows.map((r) => r.id), locale);
  const items = pageRows.map((r) => presentTicket(toTicket(r), refs, actor, workflow, locale, slas.get(r.id) ?? null));
  const last = pageRows[pageRows.length - 1];
  const nextCursor = more && last ? encodeCursor(query.sort, sortValueOf(key, last), last.id) : null;
  return ok({ items, nextCursor });
}
