import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import type { ConfirmationRequestsTable } from '../storage/tables-confirm.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { maySeeConfirmationLink } from './confirmation-access.ts';
import { latestRequestFor } from './confirmation.repository.ts';

/** The ticket's latest confirmation link, for staff and the assigned engineer. */
export async function getConfirmationRequest(ctx: AppContext, actor: Actor, ticketId: string): Promise<Result<ConfirmationRequestsTable, AppError>> {
  const db = ctx.database.db;
  const loaded = await loadVisibleTicket(db, actor, ticketId);
  if (!loaded.ok) return loaded;
  if (!maySeeConfirmationLink(actor, loaded.value.row)) return err({ kind: 'forbidden', detail: 'only staff and the assigned engineer see the confirmation link' });
  const r = await latestRequestFor(db, ticketId);
  return r ? ok(r) : err({ kind: 'not_found', entity: 'confirmation request' });
}
