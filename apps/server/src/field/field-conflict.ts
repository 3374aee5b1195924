import type { Actor } from '@gongdan/domain/access/roles';
import type { Locale } from '@gongdan/domain/shared/localized';
import type { Result } from '@gongdan/domain/shared/result';
import type { FieldOrderDtoT } from '@gongdan/contracts/field';
import type { Problem } from '@gongdan/contracts/problem';
import type { AppContext } from '../app-context.ts';
import type { AppError } from '../shared/app-error.ts';
import { HttpProblem, problemFromAppError } from '../http/problem.ts';
import { getWorkflow } from '../definitions/definitions.ts';
import { findTicketRow } from '../tickets/ticket.repository.ts';
import { canSeeTicket } from '@gongdan/domain/access/permissions';
import { toTicket } from '../tickets/ticket.mapper.ts';
import { getExecutabilityConfig } from './executability-config.ts';
import { buildFieldOrders } from './field.presenter.ts';

/** 409 version-conflict for the field app: plain-Chinese reasons and the order as it is now. */
export class FieldConflictProblem extends HttpProblem {
  constructor(base: HttpProblem, readonly conflicts: { kind: string; message: string }[], readonly current: FieldOrderDtoT | null) {
    super(base.status, base.code, base.title, base.extra);
  }
  override toBody(locale: Locale, instance?: string): Problem & { conflicts: { kind: string; message: string }[]; current?: FieldOrderDtoT } {
    return { ...super.toBody(locale, instance), conflicts: this.conflicts, ...(this.current ? { current: this.current } : {}) };
  }
}

/** The current field order of a ticket, if the actor may still see it. */
export async function currentFieldOrder(ctx: AppContext, actor: Actor, ticketId: string, locale: Locale): Promise<FieldOrderDtoT | null> {
  const db = ctx.database.db;
  const row = await findTicketRow(db, ticketId);
  if (!row || !canSeeTicket(actor, toTicket(row))) return null;
  const [workflow, config] = await Promise.all([getWorkflow(db), getExecutabilityConfig(db)]);
  return (await buildFieldOrders(db, actor, [row], { workflow, config, now: ctx.clock.now(), locale }))[0] ?? null;
}

/**
 * Lets a use case's result through, except a field-sync conflict, which is thrown as the 409
 * problem carrying the fresh order, so the app can show it next to the reason.
 */
export async function raiseFieldConflict<T>(ctx: AppContext, actor: Actor, ticketId: string, result: Result<T, AppError>, locale: Locale): Promise<Result<T, AppError>> {
  if (result.ok || result.error.kind !== 'version_conflict' || !result.error.conflicts?.length) return result;
  const current = await currentFieldOrder(ctx, actor, ticketId, locale);
  throw new FieldConflictProblem(problemFromAppError(result.error, locale), result.error.conflicts, current);
}
