import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { parseJson } from '../shared/json.ts';
import { loadVisibleTicket } from '../tickets/load-visible-ticket.ts';
import { listSlaEvents } from './ticket-sla.repository.ts';

export interface SlaEventView {
  id: string; target: string | null; cycle: number; kind: string; level: string | null; at: string; dueAt: string | null; detail: Record<string, unknown> | null;
}

/** The SLA log of a ticket the caller may see (staff only: customers see due times, not the log). */
export async function listTicketSlaEvents(ctx: AppContext, actor: Actor, ticketId: string): Promise<Result<SlaEventView[], AppError>> {
  if (!can(actor, 'ticket.read_internal')) return err({ kind: 'forbidden' });
  const loaded = await loadVisibleTicket(ctx.database.db, actor, ticketId);
  if (!loaded.ok) return loaded;
  return ok((await listSlaEvents(ctx.database.db, ticketId)).map((e) => ({
    id: e.id, target: e.target, cycle: e.cycle, kind: e.kind, level: e.level, at: e.at, dueAt: e.due_at, detail: parseJson<Record<string, unknown> | null>(e.detail, null),
  })));
}
