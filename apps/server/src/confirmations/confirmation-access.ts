import type { Actor } from '@gongdan/domain/access/roles';
import type { TicketRow } from '../storage/tables.ts';

/** The raw link (and its QR) is shown only to staff and to the ticket's assigned engineer. */
export function maySeeConfirmationLink(actor: Actor, row: Pick<TicketRow, 'assignee_id'>): boolean {
  if (actor.role === 'admin' || actor.role === 'supervisor' || actor.role === 'dispatcher') return true;
  return actor.role === 'engineer' && row.assignee_id === actor.id;
}
