import { canSeeTicket } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import type { Kysely } from 'kysely';
import type { AppError } from '../shared/app-error.ts';
import type { DialectName } from '../storage/database.ts';
import type { DB, TicketRow } from '../storage/tables.ts';
import { findTicketRow } from './ticket.repository.ts';
import { toTicket } from './ticket.mapper.ts';

/**
 * Loads a ticket the actor may see. A ticket outside the actor's scope answers not_found, the
 * same as a missing one, so ids of other organisations' tickets cannot be probed.
 */
export async function loadVisibleTicket(
  db: Kysely<DB>, actor: Actor, id: string, forUpdate?: DialectName,
): Promise<Result<{ row: TicketRow; ticket: Ticket }, AppError>> {
  const row = await findTicketRow(db, id, forUpdate ? { forUpdate } : {});
  if (!row) return err({ kind: 'not_found', entity: 'ticket' });
  const ticket = toTicket(row);
  if (!canSeeTicket(actor, ticket)) return err({ kind: 'not_found', entity: 'ticket' });
  return ok({ row, ticket });
}
