import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Kysely } from 'kysely';
import { fieldIssue, type AppError } from '../shared/app-error.ts';
import type { DialectName } from '../storage/database.ts';
import type { DB, TicketRow } from '../storage/tables.ts';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import { loadVisibleTicket } from './load-visible-ticket.ts';

type Loaded = { row: TicketRow; ticket: Ticket };

/** Links and merges are kept by the desk's staff; engineers and customers only read them. */
export function canManageLinks(actor: Actor): boolean {
  return ['dispatcher', 'supervisor', 'admin', 'system'].includes(actor.role);
}

/**
 * Loads the ticket in the path and the other ticket named in the body, both visible to the
 * actor, locking them (Postgres) in id order so two requests linking the same pair from opposite
 * ends cannot deadlock. The other ticket missing or invisible is a field problem at `field`.
 */
export async function loadTicketPair(
  trx: Kysely<DB>, actor: Actor, ticketId: string, otherId: string, field: string, dialect: DialectName,
): Promise<Result<{ ticket: Loaded; other: Loaded }, AppError>> {
  if (ticketId === otherId) {
    return err({ kind: 'validation', errors: [fieldIssue(field, '不能关联工单自身', 'A ticket cannot be linked to itself')] });
  }
  const [first, second] = ticketId < otherId ? [ticketId, otherId] : [otherId, ticketId];
  const a = await loadVisibleTicket(trx, actor, first, dialect);
  const b = await loadVisibleTicket(trx, actor, second, dialect);
  const mine = ticketId === first ? a : b;
  const theirs = ticketId === first ? b : a;
  if (!mine.ok) return mine;
  if (!theirs.ok) return err({ kind: 'validation', errors: [fieldIssue(field, '目标工单不存在', 'No such ticket', { zh: '请输入或选择已有的工单', en: 'Pick an existing ticket' })] });
  return ok({ ticket: mine.value, other: theirs.value });
}
