import { can } from '@gongdan/domain/access/permissions';
import type { Actor } from '@gongdan/domain/access/roles';
import { err, ok, type Result } from '@gongdan/domain/shared/result';
import type { Locale } from '@gongdan/domain/shared/localized';
import type { Ticket } from '@gongdan/domain/ticket/ticket';
import type { TicketDtoT } from '@gongdan/contracts/tickets';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { loadVisibleTicket } from './load-visible-ticket.ts';
import { loadSingleTicketRefs } from './ticket.repository.ts';
import { presentTicket } from './ticket.presenter.ts';
import { loadTicketSlaViews } from '../sla/ticket-sla-view.ts';
import { findCheckIns } from '../field/field.repository.ts';
import { presentCheckIn } from '../field/field.presenter.ts';

export async function getTicket(ctx: AppContext, actor: Actor, id: string, locale: Locale): Promise<Result<TicketDtoT, AppError>> {
  if (!can(actor, 'ticket.read')) return err({ kind: 'forbidden' });
  const loaded = await loadVisibleTicket(ctx.database.db, actor, id);
  if (!loaded.ok) return loaded;
  const [dto, checkIns] = await Promise.all([presentOne(ctx, actor, loaded.value.ticket, locale), findCheckIns(ctx.database.db, [id])]);
  // The detail shows where and when the field engineer checked in (the dispatcher's view of the field app).
  return ok({ ...dto, checkIns: checkIns.map(presentCheckIn) });
}

/** Presents a ticket just written, with the same DTO the reads return. */
export async function presentOne(ctx: AppContext, actor: Actor, ticket: Ticket, locale: Locale): Promise<TicketDtoT> {
  const db = ctx.database.db;
  const [refs, workflow] = await Promise.all([
    loadSingleTicketRefs(db, { customer_id: ticket.customerId, device_id: ticket.deviceId, team_id: ticket.teamId, assignee_id: ticket.assigneeId }),
    getWorkflow(db),
  ]);
  return presentTicket(ticket, refs, actor, workflow, locale, (await loadTicketSlaViews(ctx, [ticket.id], locale)).get(ticket.id) ?? null);
}
